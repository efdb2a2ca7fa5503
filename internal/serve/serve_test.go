package serve_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/content/contenttest"
	"tilbudsviften/internal/serve"
	"tilbudsviften/internal/watch"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// writeSite writes the content package's small valid site into dir/content.
func writeSite(t *testing.T) string {
	t.Helper()
	return contenttest.Write(t, filepath.Join(t.TempDir(), "content"))
}

// quick are the watcher's options of the tests: a short quiet time.
var quick = watch.Options{Quiet: 10 * time.Millisecond, Max: time.Second}

// start runs a server of contentDir on a loopback port and returns its address and a function
// that stops it and returns Run's result.
func start(t testing.TB, contentDir string, opts watch.Options) (string, func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := serve.New(serve.Config{
		Build:        build.Config{Content: os.DirFS(contentDir), ContentName: "content", Now: today},
		Watch:        []string{contentDir},
		WatchOptions: opts,
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// events connects to the event stream and returns a function that waits for the next build
// generation different from the last one seen.
func events(t testing.TB, base string) func() string {
	t.Helper()
	resp, err := http.Get(base + "/_viften/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: got Content-Type %q, want text/event-stream", ct)
	}
	sc := bufio.NewScanner(resp.Body)
	last := ""
	read := func() string {
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "build":
				return strings.TrimPrefix(line, "data: ")
			}
		}
		t.Fatalf("event stream ended: %v", sc.Err())
		return ""
	}
	last = read() // the generation at connection time
	return func() string {
		for {
			if gen := read(); gen != last {
				last = gen
				return gen
			}
		}
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServeEditBreakRecover(t *testing.T) {
	dir := writeSite(t)
	base, stop := start(t, dir, quick)
	page := base + "/tilbud/aaben-raadgivning/"

	code, body := get(t, page)
	if code != 200 || !strings.Contains(body, "Åben rådgivning") {
		t.Fatalf("GET offer: got %d, want 200 with the title; body:\n%s", code, body)
	}
	if !strings.Contains(body, `<script src="/_viften/reload.js"`) || strings.Contains(body, "viften-fejl") {
		t.Errorf("GET offer: want the reload script and no error overlay")
	}
	if code, js := get(t, base+"/_viften/reload.js"); code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("reload.js: got %d %q", code, js)
	}
	next := events(t, base)
	offer := filepath.Join(dir, "tilbud", "aaben-raadgivning.md")

	// An edit is built and announced, and the next request shows it.
	edit(t, offer, "titel: Åben rådgivning", "titel: Åben rådgivning for alle")
	next()
	if _, body := get(t, page); !strings.Contains(body, "Åben rådgivning for alle") {
		t.Fatalf("after the edit: page does not show the new title:\n%s", body)
	}

	// A broken edit keeps the last good page, with the error and its position on top.
	edit(t, offer, "emner: [skilsmisse]", "emner: [skilsmise]")
	next()
	code, body = get(t, page)
	if code != 200 || !strings.Contains(body, "Åben rådgivning for alle") {
		t.Fatalf("after a broken edit: got %d, want the last good page", code)
	}
	want := `content/tilbud/aaben-raadgivning.md:6:9: ukendt emne &#34;skilsmise&#34;`
	if !strings.Contains(body, `id="viften-fejl"`) || !strings.Contains(body, want) {
		t.Fatalf("after a broken edit: want the overlay with %s; body:\n%s", want, body)
	}

	// The next good save removes the overlay.
	edit(t, offer, "emner: [skilsmise]", "emner: [skilsmisse, vold]")
	next()
	if _, body := get(t, page); strings.Contains(body, "viften-fejl") || !strings.Contains(body, "Vold og overgreb") {
		t.Fatalf("after the fix: want the new page without the overlay:\n%s", body)
	}

	// A new offer in a new file is picked up too.
	data, _ := os.ReadFile(offer)
	os.WriteFile(filepath.Join(dir, "tilbud", "ny.md"), []byte(strings.Replace(string(data), "titel: Åben rådgivning for alle", "titel: Et nyt tilbud", 1)), 0o644)
	next()
	if code, body := get(t, base+"/tilbud/ny/"); code != 200 || !strings.Contains(body, "Et nyt tilbud") {
		t.Fatalf("new offer: got %d", code)
	}

	// The files made after the pages (open data, schemas) are there for the new offer as soon
	// as the reload event has come: a request in between waits for them.
	if code, body := get(t, base+"/sitemap.xml"); code != 200 || !strings.Contains(body, "/tilbud/ny/") {
		t.Fatalf("sitemap right after the reload: got %d without the new offer", code)
	}
	if code, body := get(t, base+"/schema/tilbud.schema.json"); code != 200 || !strings.Contains(body, "2020-12") {
		t.Fatalf("schema: got %d", code)
	}

	// Ctrl-C: Run returns without error, with an event stream still open.
	if err := stop(); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
}

func TestServeFiles(t *testing.T) {
	dir := writeSite(t)
	base, _ := start(t, dir, quick)
	if code, body := get(t, base+"/findes-ikke/"); code != 404 || !strings.Contains(body, "reload.js") {
		t.Errorf("missing page: got %d, want 404 with the reload script", code)
	}
	resp, err := http.Get(base + "/tilbud/aaben-raadgivning")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/tilbud/aaben-raadgivning/" {
		t.Errorf("got %s, want a redirect to the folder", resp.Request.URL.Path)
	}
	code, body := get(t, base+"/api/search?q=skilsmisse")
	if code != http.StatusNotImplemented || !strings.Contains(body, "fejl") {
		t.Errorf("search without an engine: got %d %s, want 501", code, body)
	}
}

// TestBrokenStart serves the errors when the very first build fails, and the site once fixed.
func TestBrokenStart(t *testing.T) {
	dir := writeSite(t)
	site := filepath.Join(dir, "site.yaml")
	edit(t, site, "navn: Tilbudsviften Prøvested\n", "")
	base, _ := start(t, dir, quick)
	code, body := get(t, base+"/")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, `content/site.yaml:1:1: mangler det påkrævede felt &#34;navn&#34;`) {
		t.Fatalf("broken start: got %d:\n%s", code, body)
	}
	next := events(t, base)
	edit(t, site, "kommune:", "navn: Rettet\nkommune:")
	next()
	if code, body := get(t, base+"/"); code != 200 || !strings.Contains(body, "Rettet") {
		t.Fatalf("after the fix: got %d", code)
	}
}

// TestPublishedBuildHasNoReload holds the reload script out of the published site.
func TestPublishedBuildHasNoReload(t *testing.T) {
	dir := writeSite(t)
	files, _, err := build.Render(build.Config{Content: os.DirFS(dir), ContentName: "content", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if strings.Contains(string(data), "_viften") {
			t.Errorf("%s mentions _viften; the reload script belongs to serve only", p)
		}
	}
}
