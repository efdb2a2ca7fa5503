package render

import (
	"strconv"
	"testing"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/gen"
	"tilbudsviften/templates"
)

// BenchmarkSite renders every page and file of generated sites of 1 000 and 10 000 offers
// with the default theme (load excluded). Reported: µs/file.
func BenchmarkSite(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			s, _, err := content.Load(gen.FS(n), "content", content.Options{})
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
		})
	}
}
