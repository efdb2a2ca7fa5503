package render

import (
	"testing"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/gen"
	"tilbudsviften/templates"
)

// BenchmarkSite renders every page and file of a generated site of 1 000 offers with the
// default theme (load excluded). Reported: µs/file.
func BenchmarkSite(b *testing.B) {
	s, _, err := content.Load(gen.FS(1000), "content", content.Options{})
	if err != nil {
		b.Fatal(err)
	}
	r, err := New(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	for b.Loop() {
		pages = 0
		err := r.Site(s, func(path string, data []byte) error {
			pages++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*pages), "µs/file")
}
