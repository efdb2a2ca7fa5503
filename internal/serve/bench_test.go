package serve_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/gen"
	"tilbudsviften/internal/watch"
)

// BenchmarkEditToReload measures what an editor waits for: from writing one offer file of a
// 1 000-offer site to the reload event reaching an open page (file event, batching with the
// default quiet period, incremental build of the pages, server-sent event) and then the
// reloaded page itself (ms/edit). After each edit it waits, untimed, until the outputs made
// from the whole site (open data, schemas, search files) are there too, as an editor reading
// the page would; full-ms reports that time from the write. Also reported: the heap in use
// after the run (heap-MB) and its growth over the run (heap-growth-MB), to show that a
// long-running serve does not grow with edits.
func BenchmarkEditToReload(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	if err := build.WriteFiles(dir, gen.Site(n)); err != nil {
		b.Fatal(err)
	}
	base, _ := start(b, dir, watch.DefaultOptions())
	next := events(b, base)
	page := func(p string) string {
		code, body := get(b, base+p)
		if code != http.StatusOK {
			b.Fatalf("GET %s: %d", p, code)
		}
		return body
	}
	offer := filepath.Join(dir, "tilbud", "tilbud-00500.md")
	orig, err := os.ReadFile(offer)
	if err != nil {
		b.Fatal(err)
	}
	var reload, full time.Duration
	edit := func(i int) {
		start := time.Now()
		want := fmt.Sprintf("Rettelse nummer %d.", i)
		edited := strings.Replace(string(orig), "## Til fagpersoner", want+"\n\n## Til fagpersoner", 1)
		if err := os.WriteFile(offer, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		next()
		if body := page("/tilbud/tilbud-00500/"); !strings.Contains(body, want) {
			b.Fatalf("edit %d: the reloaded page does not show it", i)
		}
		reload += time.Since(start)
		page("/sitemap.xml") // made with the outputs: waits until they are there
		full += time.Since(start)
	}
	for i := range 5 { // warm up
		edit(-i - 1)
	}
	reload, full = 0, 0
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		edit(i)
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(reload.Microseconds())/1000/float64(b.N), "ms/edit")
	b.ReportMetric(float64(full.Microseconds())/1000/float64(b.N), "full-ms")
	b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric((float64(after.HeapAlloc)-float64(before.HeapAlloc))/(1<<20), "heap-growth-MB")
}
