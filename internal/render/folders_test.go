package render

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/content/contenttest"
	"tilbudsviften/templates"
)

// TestFolders: every folder of the output without an index.html gets a page, but assets/ and
// search/; a known folder says what it holds, links its collection file and lists its files
// only where the product fixes their number; a folder nobody described gets the neutral page;
// the crumbs name the folders above by their pages' headings; the same files give the same bytes.
func TestFolders(t *testing.T) {
	s, _, err := content.Load(contenttest.Base(t), "content", content.Options{Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"index.html":                         []byte("<h1>Forside</h1>"),
		"tilbud/index.html":                  []byte("<h1>Alle tilbud</h1>"),
		"data/index.html":                    []byte("<h1>Åbne data</h1>"),
		"data/hsds/index.json":               {},
		"data/hsds/services/page-1.json":     {},
		"data/hsds/services/a.json":          {},
		"data/hsds/services/b.json":          {},
		"data/hsds/tabular/datapackage.json": {},
		"data/hsds/tabular/services.csv":     {},
		"om/index.html":                      []byte(`<h1 class="x">Om <em>sitet</em> &amp; os</h1>`),
		"om/billeder/a.png":                  {},
		"x/y/z.txt":                          {},
		"assets/site.css":                    {},
		"assets/fonts/a.woff2":               {},
		"search/d/0.json":                    {},
	}
	render := func() map[string][]byte {
		out := map[string][]byte{}
		err := r.Folders(s, files, func(p string, data []byte) error {
			if _, dup := out[p]; dup {
				t.Fatalf("%s emitted twice", p)
			}
			out[p] = data
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	got := render()
	want := []string{"data/hsds/index.html", "data/hsds/services/index.html", "data/hsds/tabular/index.html",
		"om/billeder/index.html", "x/index.html", "x/y/index.html"}
	if paths := slices.Sorted(maps.Keys(got)); !slices.Equal(paths, want) {
		t.Fatalf("folder pages %v, want %v", paths, want)
	}
	for i := 0; i < 5; i++ {
		again := render()
		for p, data := range got {
			if !bytes.Equal(again[p], data) {
				t.Fatalf("%s differs between two renders of the same files", p)
			}
		}
	}
	has := func(p string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(string(got[p]), w) {
				t.Errorf("%s lacks %q", p, w)
			}
		}
	}
	hasNot := func(p string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if strings.Contains(string(got[p]), w) {
				t.Errorf("%s has %q", p, w)
			}
		}
	}
	has("data/hsds/services/index.html", "<h1>Tilbud (services)</h1>", `href="/data/hsds/services/page-1.json"`, `href="/data/"`,
		`<li><a href="/data/">Åbne data</a></li><li><a href="/data/hsds/">Tilbuddene i HSDS 3.0</a></li>`, `<body class="side-folder">`)
	hasNot("data/hsds/services/index.html", "a.json", "b.json")
	has("data/hsds/index.html", `href="/data/hsds/index.json"`, `<a href="/data/hsds/services/">Tilbud (services)</a>`)
	has("data/hsds/tabular/index.html", `href="/data/hsds/tabular/datapackage.json"`, `href="/data/hsds/tabular/services.csv"`)
	has("x/y/index.html", "<h1>Mappen /x/y/</h1>", "Her ligger filer, som sitet udgiver.", `<li><a href="/x/">Mappen /x/</a></li>`,
		`href="/tilbud/"`, `href="/data/"`)
	hasNot("x/y/index.html", "z.txt")
	has("x/index.html", `<a href="/x/y/">Mappen /x/y/</a>`)
	has("om/billeder/index.html", `<li><a href="/om/">Om sitet &amp; os</a></li>`)
}
