package build_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/gen"
)

// BenchmarkBuild loads, validates and renders a generated site into memory (no disk writes,
// no search index). Reported: ns/offer and the peak heap seen while building (peak-MB).
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("offers=%d", n), func(b *testing.B) {
			fsys := mapFS(gen.Site(n))
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
			b.ResetTimer()
			for b.Loop() {
				if _, _, err := build.Render(cfg); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			close(stop)
			<-done
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/offer")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}
