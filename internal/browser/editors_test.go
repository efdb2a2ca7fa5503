package browser_test

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tilbudsviften/internal/admin"
	"tilbudsviften/internal/build"
	"tilbudsviften/internal/content"
	"tilbudsviften/internal/content/contenttest"
	"tilbudsviften/internal/serve"
	"tilbudsviften/internal/watch"
)

type editorsResult struct {
	ConsoleErrors []string
	Foreign       []string
	Error         string
	ReloadedMs    int
	Heading       string
	Collections   []string
}

func runEditors(t *testing.T, node string, config map[string]any) editorsResult {
	t.Helper()
	var res editorsResult
	runScript(t, node, "editors.mjs", config, &res)
	if res.Error != "" {
		t.Fatalf("editors.mjs: %s", res.Error)
	}
	for _, e := range res.ConsoleErrors {
		t.Errorf("console error: %s", e)
	}
	for _, u := range res.Foreign {
		t.Errorf("request to another host: %s", u)
	}
	return res
}

// TestServeReloadsPage: a page opened from viften serve reloads by itself with the new text
// when its content file is edited.
func TestServeReloadsPage(t *testing.T) {
	chromium, node := tools(t)
	dir := contenttest.Write(t, filepath.Join(t.TempDir(), "content"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := serve.New(serve.Config{
		Build:        build.Config{Content: os.DirFS(dir), ContentName: "content", Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)},
		Watch:        []string{dir},
		WatchOptions: watch.DefaultOptions(),
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	defer func() { cancel(); <-done }()

	res := runEditors(t, node, map[string]any{
		"mode": "reload", "chromium": chromium,
		"url":  "http://" + ln.Addr().String() + "/tilbud/aaben-raadgivning/",
		"file": filepath.Join(dir, "tilbud", "aaben-raadgivning.md"),
		"from": "titel: Åben rådgivning\n", "to": "titel: Åben rådgivning hver dag\n",
	})
	if res.Heading != "Åben rådgivning hver dag" {
		t.Errorf("after the edit the page shows %q, want the new title", res.Heading)
	}
	t.Logf("edit to reloaded page in Chromium: %d ms", res.ReloadedMs)
}

// TestAdminLoads: /admin/ loads Decap CMS with the config generated from the model, without
// console errors or requests to other hosts, and lists every collection. The backend is
// Decap's in-memory test backend, so no login service is needed.
func TestAdminLoads(t *testing.T) {
	chromium, node := tools(t)
	dist := filepath.Join("..", "admin", admin.DistDir)
	if _, err := os.Stat(filepath.Join(dist, "decap-cms.js")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Decap CMS is missing: run npm ci in internal/admin")
		}
		t.Skip("skipping: Decap CMS is missing (npm ci in internal/admin)")
	}
	files, res, err := build.Render(build.Config{Content: os.DirFS("../../content"), ContentName: "content",
		Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Admin: os.DirFS(dist)})
	if err != nil {
		t.Fatal(err)
	}
	res.Site.Config.CMS.Backend = "test-repo"
	files["admin/config.yml"] = admin.Config(res.Site)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, ok := files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasPrefix(name, "admin/") {
			w.Header().Set("Content-Security-Policy", admin.CSP)
		}
		switch filepath.Ext(name) {
		case ".yml":
			w.Header().Set("Content-Type", "text/yaml")
		case ".wasm":
			w.Header().Set("Content-Type", "application/wasm")
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
	}))
	defer srv.Close()
	var labels []string // the collections of entries, one per content folder
	for _, ty := range content.Model() {
		if ty.Folder != "" {
			labels = append(labels, ty.Label)
		}
	}
	out := runEditors(t, node, map[string]any{"mode": "admin", "chromium": chromium, "base": srv.URL, "collections": labels})
	// editors.mjs lists the labels it finds in the sidebar in the model's order, so this holds
	// that every folder has its collection, not the order the sidebar shows them in.
	if !slices.Equal(out.Collections, labels) {
		t.Errorf("admin shows collections %v, want %v", out.Collections, labels)
	}
}
