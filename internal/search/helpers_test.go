package search

import (
	"bufio"
	"context"
	"math"
	"os"
	"slices"
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

// readQueries reads testdata/queries.txt, the keyword set.
func readQueries(t testing.TB) []testQuery { return readQueryFile(t, "testdata/queries.txt") }

// readSentences reads testdata/sentences.txt, the sentence set.
func readSentences(t testing.TB) []testQuery { return readQueryFile(t, "testdata/sentences.txt") }

// readQueryFile reads a query set: "query | slug …" a line, # comments.
func readQueryFile(t testing.TB, name string) []testQuery {
	t.Helper()
	f, err := os.Open(name)
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
			t.Fatalf("%s:%d: want \"query | slug ...\"", name, n)
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

// analyzerOf returns the analysis with the synonym groups as meta.json lists them, as
// search.js builds it.
func analyzerOf(groups []Group) *Analyzer {
	a := NewAnalyzer(nil)
	for _, g := range groups {
		a.groups = append(a.groups, g)
		for _, p := range g.Phrases {
			a.phrases[p[0]] = append(a.phrases[p[0]], phrase{terms: p, group: g.Term})
		}
	}
	return a
}

// isItself reports whether the query p is one word typed alone whose stem is p (typedAsItself).
func isItself(an *Analyzer, p string) bool {
	_, ok := typedAsItself(an, p)
	return ok
}

// tieNoise is how far apart, as a share of the top score, the rankers' sums of one document
// may be: the exported weights keep 6 significant digits.
const tieNoise = 1e-6

// edgeOfTie reports whether bleve's ranking of q has, among its offers or its other pages, two
// neighbours whose gap is within tieNoise of the tie margin: there the rankers' sums, one of
// exact weights and one of rounded ones, may put the end of a run of ties (rank) on either
// side, and the pages after it may differ in order. The tests that hold search.js and the
// export's pages equal to viften search excuse only such a query.
func edgeOfTie(t testing.TB, ix *Index, q string) bool {
	t.Helper()
	list, err := ix.ranked(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range apart(list, ix.ft.offers) {
		scores := make([]float64, len(kind))
		for i, s := range kind {
			scores[i] = s.score
		}
		slices.Sort(scores)
		slices.Reverse(scores)
		for i := 1; i < len(scores); i++ {
			if gap, eps := scores[i-1]-scores[i], scores[0]*tieEpsilon; math.Abs(gap-eps) <= scores[0]*tieNoise {
				return true
			}
		}
	}
	return false
}
