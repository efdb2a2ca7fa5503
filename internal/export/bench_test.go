package export_test

import (
	"testing"

	"tilbudsviften/internal/export"
	"tilbudsviften/internal/site"
)

// BenchmarkExport times export.All (every open-data and site file) on a loaded site: the
// Herlev content and generated sites of 1 000 and 10 000 offers. It reports the files and bytes written;
// docs/open-data.md quotes the figures.
func BenchmarkExport(b *testing.B) {
	sites := []struct {
		name string
		load func(b *testing.B) *site.Site
	}{
		{"herlev", func(b *testing.B) *site.Site { return load(b, herlevFS(b, testBaseURL)) }},
		{"gen1000", func(b *testing.B) *site.Site { return load(b, genFS(1000)) }},
		{"gen10000", func(b *testing.B) *site.Site { return load(b, genFS(10000)) }},
	}
	for _, c := range sites {
		b.Run(c.name, func(b *testing.B) {
			s := c.load(b)
			var files, bytes int
			for b.Loop() {
				files, bytes = 0, 0
				err := export.All(s, func(p string, data []byte) error {
					files++
					bytes += len(data)
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(files), "files")
			b.ReportMetric(float64(bytes)/1e6, "MB")
		})
	}
}
