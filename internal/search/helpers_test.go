package search

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/gen"
	"tilbudsviften/internal/site"
)

// today is the build day the Herlev tests load the content on, as internal/build's tests do.
var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

var herlev struct {
	once sync.Once
	site *site.Site
	err  error
}

// herlevSite loads the default site in content/ once.
func herlevSite(t testing.TB) *site.Site {
	t.Helper()
	herlev.once.Do(func() {
		herlev.site, _, herlev.err = content.Load(os.DirFS("../../content"), "content", content.Options{Now: today})
	})
	if herlev.err != nil {
		t.Fatal(herlev.err)
	}
	return herlev.site
}

var indexes struct {
	sync.Mutex
	m map[Options]*Index
}

// herlevIndex returns the Herlev site's index with opts, opened once per test binary.
func herlevIndex(t testing.TB, opts Options) *Index {
	t.Helper()
	s := herlevSite(t)
	indexes.Lock()
	defer indexes.Unlock()
	if ix := indexes.m[opts]; ix != nil {
		return ix
	}
	ix, err := OpenWith(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if indexes.m == nil {
		indexes.m = map[Options]*Index{}
	}
	indexes.m[opts] = ix
	return ix
}

// testQuery is one line of testdata/queries.txt.
type testQuery struct {
	line  int
	query string
	want  []string // offer slugs, any of which is right in the top 3
}

// readQueries reads testdata/queries.txt.
func readQueries(t testing.TB) []testQuery {
	t.Helper()
	f, err := os.Open("testdata/queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []testQuery
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, want, ok := strings.Cut(line, " | ")
		if !ok || strings.TrimSpace(want) == "" {
			t.Fatalf("testdata/queries.txt:%d: want \"query | slug ...\"", n)
		}
		out = append(out, testQuery{line: n, query: strings.TrimSpace(q), want: strings.Fields(want)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// slugOf returns the offer slug of an offer URL, /tilbud/<slug>/.
func slugOf(url string) string {
	return strings.TrimSuffix(strings.TrimPrefix(url, "/tilbud/"), "/")
}

// genSite returns a generated site of n offers.
func genSite(t testing.TB, n int) *site.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, data := range gen.Site(n) {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	s, _, err := content.Load(fsys, "content", content.Options{Now: today})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
