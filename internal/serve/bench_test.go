package serve_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/gen"
	"tilbudsviften/internal/serve"
	"tilbudsviften/internal/watch"
)

// BenchmarkEditToReload measures what an editor waits for: from writing one offer file of a
// 1 000-offer site to the reload event reaching an open page (file event, batching with the
// default quiet period, incremental build, server-sent event). Reported: ms/edit, and the
// heap in use after the run (heap-MB) and its growth over the run (heap-growth-MB), to show
// that a long-running serve does not grow with edits.
func BenchmarkEditToReload(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	for name, data := range gen.Site(n) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	s := serve.New(serve.Config{
		Build:        build.Config{Content: os.DirFS(dir), ContentName: "content", Now: today},
		Watch:        []string{dir},
		WatchOptions: watch.DefaultOptions(),
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	defer func() { cancel(); <-done }()
	next := benchEvents(b, "http://"+ln.Addr().String())
	offer := filepath.Join(dir, "tilbud", "tilbud-00500.md")
	orig, err := os.ReadFile(offer)
	if err != nil {
		b.Fatal(err)
	}
	edit := func(i int) {
		edited := strings.Replace(string(orig), "## Til fagpersoner", fmt.Sprintf("Rettelse nummer %d.\n\n## Til fagpersoner", i), 1)
		if err := os.WriteFile(offer, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		next()
	}
	for i := range 5 { // warm up
		edit(-i - 1)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		edit(i)
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/edit")
	b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric((float64(after.HeapAlloc)-float64(before.HeapAlloc))/(1<<20), "heap-growth-MB")
}
