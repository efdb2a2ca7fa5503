package build_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/gen"
)

// BenchmarkBuild loads, validates and renders a generated site into memory (no disk writes),
// with the garbage collector set as `viften build` sets it (BatchGC). Reported: ns/offer, the
// peak heap seen while building (peak-MB), each stage, and the build without the search files.
func BenchmarkBuild(b *testing.B) {
	defer build.BatchGC()()
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("offers=%d", n), func(b *testing.B) {
			fsys := gen.FS(n)
			cfg := build.Config{Content: fsys, ContentName: "content", Now: today}
			runtime.GC()
			var peak uint64
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() { // sample the heap every 10 ms while building
				defer close(done)
				tick := time.NewTicker(10 * time.Millisecond)
				defer tick.Stop()
				var ms runtime.MemStats
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapAlloc)
					}
				}
			}()
			stages := map[string]time.Duration{}
			b.ResetTimer()
			for b.Loop() {
				_, res, err := build.Render(cfg)
				if err != nil {
					b.Fatal(err)
				}
				for _, st := range res.Stages {
					stages[st.Name] += st.Duration
				}
			}
			b.StopTimer()
			close(stop)
			<-done
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/offer")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			// The parts (open data and the JSON Schemas are made at the same time as the
			// pages, so their times overlap), and the whole build but the search files, which
			// come last: what the site engine's target counts.
			for name, d := range stages {
				b.ReportMetric(float64(d.Milliseconds())/float64(b.N), strings.ReplaceAll(name, " ", "-")+"-ms")
			}
			b.ReportMetric(float64((b.Elapsed()-stages["search"]).Milliseconds())/float64(b.N), "all-but-search-ms")
		})
	}
}

// BenchmarkIncremental is what `viften serve` does after an editor saves one offer: a
// Builder renders a generated site on disk again after one offer's body changed. Reported:
// ms/edit (load with the parse cache, render with the page cache, outputs; no disk writes).
func BenchmarkIncremental(b *testing.B) {
	for _, n := range []int{1000} {
		b.Run(fmt.Sprintf("offers=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := build.WriteFiles(dir, gen.Site(n)); err != nil {
				b.Fatal(err)
			}
			cfg := build.Config{Content: os.DirFS(dir), ContentName: "content", Now: today}
			bld := build.NewBuilder(cfg)
			if _, _, err := bld.Render(); err != nil {
				b.Fatal(err)
			}
			offer := filepath.Join(dir, "tilbud", "tilbud-00500.md")
			orig, err := os.ReadFile(offer)
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			b.ResetTimer()
			for b.Loop() {
				i++
				edited := bytes.Replace(orig, []byte("## Til fagpersoner"), fmt.Appendf(nil, "Rettelse nummer %d.\n\n## Til fagpersoner", i), 1)
				b.StopTimer()
				if err := os.WriteFile(offer, edited, 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, _, err := bld.Render(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/edit")
			if s := bld.Stats(); s.OffersRendered != 1 {
				b.Errorf("rendered %d offer pages after one edit, want 1", s.OffersRendered)
			}
		})
	}
}
