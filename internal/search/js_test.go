package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"tilbudsviften/internal/render"
	"tilbudsviften/internal/site"
)

// The parity tests run templates/search.js in Node and hold it equal to the Go side: the
// stemmer on every word of the site and of a Danish word list, the analysis of every text of
// the site, and the ranking of the public query set. They need node; without it they are
// skipped, except in CI (CI=true), where they fail.

const searchJS = "../../templates/search.js"

// wordList is Debian's Danish word list (package wdanish).
const wordList = "/usr/share/dict/danish"

func node(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is needed for the search.js parity tests")
		}
		t.Skip("node not found")
	}
	return p
}

// runJS runs testdata/js/parity.mjs with the given mode, one input a line, and returns its
// output lines.
func runJS(t *testing.T, mode, dir string, in []string) []string {
	t.Helper()
	args := []string{"testdata/js/parity.mjs", searchJS, mode}
	if dir != "" {
		args = append(args, dir)
	}
	cmd := exec.Command(node(t), args...)
	cmd.Stdin = strings.NewReader(strings.Join(in, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", mode, err, stderr.String())
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(in) {
		t.Fatalf("node %s: %d lines for %d inputs", mode, len(lines), len(in))
	}
	return lines
}

// writeExport exports s into a temporary folder and returns the search/ folder.
func writeExport(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for p, data := range files {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "search")
}

// siteWords returns every word of the Herlev site's search texts, lower-cased, as written and
// folded.
func siteWords(t *testing.T) []string {
	an := NewAnalyzer(nil)
	seen := map[string]bool{}
	var out []string
	for _, d := range documents(herlevSite(t)) {
		for _, text := range d.Fields {
			for _, tok := range an.lower.Filter(an.tokenizer.Tokenize([]byte(text))) {
				for _, w := range []string{string(tok.Term), Fold(string(tok.Term))} {
					if !seen[w] {
						seen[w] = true
						out = append(out, w)
					}
				}
			}
		}
	}
	return out
}

func compareStems(t *testing.T, what string, words []string) {
	t.Helper()
	an := NewAnalyzer(nil)
	got := runJS(t, "stem", "", words)
	bad := 0
	for i, w := range words {
		if want := an.Stem(w); got[i] != want {
			if bad++; bad <= 20 {
				t.Errorf("%s: search.js stems %q to %q, bleve to %q", what, w, got[i], want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d words stem differently", what, bad, len(words))
	}
	t.Logf("%s: %d words stem alike", what, len(words)-bad)
}

func TestJSStemmerSite(t *testing.T) {
	compareStems(t, "site", siteWords(t))
}

func TestJSStemmerWordList(t *testing.T) {
	f, err := os.Open(wordList)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the Danish word list is needed (Debian package wdanish): %v", err)
		}
		t.Skip("no Danish word list:", err)
	}
	defer f.Close()
	seen := map[string]bool{}
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimSpace(sc.Text()))
		if w == "" || !utf8.ValidString(w) {
			continue
		}
		for _, v := range []string{w, Fold(w)} {
			if !seen[v] {
				seen[v] = true
				words = append(words, v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(words) < 100000 {
		t.Fatalf("the word list has %d words; want a large list", len(words))
	}
	compareStems(t, "word list", words)
}

// TestJSAnalysis holds search.js's analysis (tokenizer, folding, stop words, stemmer,
// synonyms, compounds) equal to the Go analysis on every text of the site.
func TestJSAnalysis(t *testing.T) {
	s := herlevSite(t)
	files := export(t, s, DefaultOptions())
	dir := writeExport(t, files)
	an := newSiteAnalyzer(s)
	an.SetCompounds(dictionary(analyseAll(an, documents(s)), an.Groups()))
	var texts, want []string
	add := func(text string) {
		b, _ := json.Marshal(text)
		texts = append(texts, string(b))
		var terms []string
		for _, tok := range an.analyzeQuery(text) {
			terms = append(terms, tok.Term+"@"+strconv.Itoa(tok.Pos))
		}
		want = append(want, strings.Join(terms, " "))
	}
	for _, d := range documents(s) {
		for _, text := range d.Fields {
			for _, line := range strings.Split(text, "\n") {
				add(line)
			}
		}
	}
	for _, q := range []string{"15-årig", "f.eks. 1.813 kr.", "e-mail: børn_og@unge.dk", "Kan jeg 'ringe' – nu?", "9. klasse", "don't", "ÆBLE Ålborg"} {
		add(q)
	}
	got := runJS(t, "analyze", dir, texts)
	bad := 0
	for i := range texts {
		if got[i] != want[i] {
			if bad++; bad <= 10 {
				t.Errorf("text %s\nsearch.js: %s\nGo:        %s", texts[i], got[i], want[i])
			}
		}
	}
	t.Logf("%d texts analysed alike, %d differently", len(texts)-bad, bad)
}

// jsResponse is what parity.mjs writes for a search.
type jsResponse struct {
	Total  int      `json:"total"`
	Hits   []string `json:"hits"`
	Others []string `json:"others"`
	Age    *int     `json:"age"`
	Facets []Facet  `json:"facets"`
	// Unknown counts, per kind (offers, other pages), the matches of the query's terms whose
	// weight search.js had not read when it settled the page; it holds only when no earlier
	// search of the same run read those terms.
	Unknown [2]int `json:"unknown"`
	// Files lists, for a cold search, the files search.js fetched before its results.
	Files []string `json:"files"`
	Error string   `json:"error"` // a request with "only": the results did not come
	// A request with "fail": the facet values counted with a number, and the promise
	// rejections left unhandled in the run so far.
	Numbers   int `json:"numbers"`
	Unhandled int `json:"unhandled"`
}

// TestJSRanking holds the browser's results equal to viften search's (the bleve index): for
// every query of the public query set, the same top 5 offers in the same order, the same
// total and the same other pages; and for filtered searches the same facet counts.
func TestJSRanking(t *testing.T) {
	s := herlevSite(t)
	ix := herlevIndex(t, DefaultOptions())
	var reqs []Request
	for _, q := range append(readQueries(t), compoundQueries...) {
		reqs = append(reqs, Request{Query: q.query, Size: 5})
	}
	reqs = append(reqs,
		Request{Query: "", Filters: Filters{"vej": {"kom-selv"}, "anonym": {"1"}}, Size: 5},
		Request{Query: "rådgivning", Filters: Filters{"alder": {"15"}, "gratis": {"1"}}, Size: 5},
		Request{Query: "skils", Size: 5}, // a prefix while typing
		Request{Query: "angst ", Filters: Filters{"maalgruppe": {"unge"}}, Size: 5},
		Request{Query: "tandlaege", Filters: Filters{"emne": {"findes-ikke"}}, Size: 5},
		// Filters that filter nothing: other pages are shown as without them.
		Request{Query: "angst", Filters: Filters{"alder": {"abc"}}, Size: 5},
		Request{Query: "hash 15 år", Filters: Filters{"alder": {"+5"}}, Size: 5},
		Request{Query: "skilsmisse", Filters: Filters{"ukendt": {"x"}}, Size: 5},
	)
	// Herlev's terms are too rare to leave weights out of their heads: the second run cuts the
	// heads to 3 postings, so search.js reads further levels (though no offer page settles with
	// weights unknown, level 1 holding every offer of a term: TestJSSettleRandom tests that).
	for _, head := range []int{0, 3} {
		t.Run(fmt.Sprint("head", head), func(t *testing.T) { compareJS(t, s, ix, head, reqs) })
	}
}

// TestJSSentences holds the browser's results to viften search's for every sentence of the
// public sentence set: the same top 3 offers in the same order (top 5 are compared), total,
// age and other pages, with the heads as exported and cut to 3 postings.
func TestJSSentences(t *testing.T) {
	s := herlevSite(t)
	ix := herlevIndex(t, DefaultOptions())
	var reqs []Request
	for _, q := range readSentences(t) {
		reqs = append(reqs, Request{Query: q.query, Size: 5})
	}
	for _, head := range []int{0, 3} {
		t.Run(fmt.Sprint("head", head), func(t *testing.T) { compareJS(t, s, ix, head, reqs) })
	}
}

// TestJSRankingGenerated compares search.js with viften search on a generated site, where
// terms occur in hundreds of documents and search.js ranks long lists from their best few.
func TestJSRankingGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generated site")
	}
	s := genSite(t, 300)
	ix, err := Open(s)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var reqs []Request
	for _, q := range []string{"skilsmisse", "angst unge", "rådgivning for forældre", "skol", "sund", "tandpleje 5 år", "sundhedsplejerkse", "born", "sun", "tan", "fam"} {
		reqs = append(reqs, Request{Query: q, Size: 5}, Request{Query: q, Size: 20}, Request{Query: q, Filters: Filters{"gratis": {"1"}}, Size: 5})
	}
	for _, head := range []int{0, 16} {
		t.Run(fmt.Sprint("head", head), func(t *testing.T) { compareJS(t, s, ix, head, reqs) })
	}
}

// compareJS holds search.js's answers to reqs, over s exported with heads of head postings,
// equal to ix's: the same top offers in the same order, total, other pages, age and facet
// counts.
func compareJS(t *testing.T, s *site.Site, ix *Index, head int, reqs []Request) {
	opts := DefaultOptions()
	opts.head, opts.rowsAlways = head, head > 0
	dir := writeExport(t, export(t, s, opts))
	// Each search runs warm (after the others, the facet table loaded) and cold: on a fresh
	// engine whose facet table arrives last, as on a first visit to an address with a filter.
	var in []string
	var jobs []Request
	for _, r := range reqs {
		for _, cold := range []bool{false, true} {
			b, _ := json.Marshal(map[string]any{"q": r.Query, "filters": r.Filters, "size": r.Size, "cold": cold})
			in = append(in, string(b))
			jobs = append(jobs, r)
		}
	}
	got := runJS(t, "search", dir, in)
	for i, r := range jobs {
		want, err := ix.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		var js jsResponse
		if err := json.Unmarshal([]byte(got[i]), &js); err != nil {
			t.Fatalf("%s: %v", in[i], err)
		}
		hits, others := []string{}, []string{}
		for _, h := range want.Hits {
			hits = append(hits, h.URL)
		}
		for _, h := range want.Others {
			others = append(others, h.URL)
		}
		if !reflect.DeepEqual(js.Hits, hits) || js.Total != want.Total || !reflect.DeepEqual(js.Others, others) {
			t.Errorf("%s:\nsearch.js:     %d, %v, others %v\nviften search: %d, %v, others %v", in[i], js.Total, js.Hits, js.Others, want.Total, hits, others)
		}
		if (js.Age == nil) != (want.Age == nil) || js.Age != nil && *js.Age != *want.Age {
			t.Errorf("%q: age %v from search.js, %v from viften search", r.Query, js.Age, want.Age)
		}
		for _, f := range want.Facets {
			for i := range f.Values {
				f.Values[i].Selected = false // search.js's panel reads the selection from the address
			}
		}
		if !reflect.DeepEqual(js.Facets, want.Facets) {
			t.Errorf("%s: facets differ\nsearch.js: %+v\nGo:        %+v", in[i], js.Facets, want.Facets)
		}
	}
	t.Logf("%d searches compared", len(jobs))
}

// maxScriptGzip is the budget for templates/search.js as the site publishes it (without comment
// lines and indentation, render.CompactJS), gzipped as a static host serves it.
const maxScriptGzip = 10 << 10

func TestSearchJSSize(t *testing.T) {
	data, err := os.ReadFile(searchJS)
	if err != nil {
		t.Fatal(err)
	}
	pub := render.CompactJS(data)
	n := gzipSize(pub)
	t.Logf("search.js: %d bytes, %d gzipped; as published %d bytes, %d gzipped", len(data), gzipSize(data), len(pub), n)
	if n > maxScriptGzip {
		t.Errorf("search.js is %d bytes gzipped, over the budget of %d", n, maxScriptGzip)
	}
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

// frontCoded are sorted terms that test the front coding: shared prefixes, the empty rest,
// letters beyond ASCII, surrogate pairs (a shared prefix never splits one), a prefix longer
// than 35.
var frontCoded = []string{"1,5", "a", "ab", "abc", "abd", "b", "b\U0001d518a", "b\U0001d518b", "b\U0001d519",
	strings.Repeat("x", 40), strings.Repeat("x", 40) + "y", "ærø", "ærøs"}

// TestFrontCode holds frontCode's string decoded in Go and by search.js equal to its terms.
func TestFrontCode(t *testing.T) {
	if !sort.StringsAreSorted(frontCoded) {
		t.Fatal("the terms must be sorted, as the vocabulary is")
	}
	s := frontCode(frontCoded)
	if got := unFrontCode(s); !reflect.DeepEqual(got, frontCoded) {
		t.Errorf("Go decodes %q to %q", s, got)
	}
	dir := t.TempDir()
	meta := mustJSON(Meta{Vocab: s, Stop: []string{}, Filler: []string{}, Ages: ages, Groups: []Group{}, Compounds: true})
	if err := os.WriteFile(filepath.Join(dir, "meta.json"), meta, 0o644); err != nil {
		t.Fatal(err)
	}
	var in []string
	for i := range frontCoded {
		in = append(in, strconv.Itoa(i))
	}
	if got := runJS(t, "vocab", dir, in); !reflect.DeepEqual(got, frontCoded) {
		t.Errorf("search.js decodes %q to %q", s, got)
	}
}

// TestJSMetaVersion holds search.js to the one format it reads: a meta.json of another version
// (such as a stale copy from a cache) stops the search with an error rather than being misread.
func TestJSMetaVersion(t *testing.T) {
	files := export(t, herlevSite(t), DefaultOptions())
	for _, v := range []int{metaVersion - 1, metaVersion + 1} {
		var meta map[string]any
		if err := json.Unmarshal(files[MetaPath], &meta); err != nil {
			t.Fatal(err)
		}
		meta["v"] = v
		stale := maps.Clone(files)
		stale[MetaPath] = mustJSON(meta)
		cmd := exec.Command(node(t), "testdata/js/parity.mjs", searchJS, "search", writeExport(t, stale))
		cmd.Stdin = strings.NewReader(`{"q": "skilsmisse"}` + "\n")
		out, err := cmd.CombinedOutput()
		if want := fmt.Sprintf("meta.json v%d", v); err == nil || !strings.Contains(string(out), want) {
			t.Errorf("meta.json of version %d: search.js gives %v, %q; want an error naming %q", v, err, out, want)
		}
	}
}

// TestReadAhead holds search.js's reading ahead to its purpose: once the page has searched a
// word as typed so far, prefetched and read ahead, the search of its next letter fetches no
// head shard when the terms starting with the word so far lie in two shards or fewer
// (search.js reads up to aheadFiles), nothing at all when it is a stop word (the first offers'
// rows are prefetched), and shows viften search's results. Checked on 1 000 generated offers for
// terms typed alone and for prefixes of 3 and 4 letters the vocabulary lacks, each typed with
// its last letter missing first.
func TestReadAhead(t *testing.T) {
	if testing.Short() {
		t.Skip("generated site")
	}
	s := genSite(t, 1000)
	files := export(t, s, DefaultOptions())
	var meta Meta
	if err := json.Unmarshal(files[MetaPath], &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Whole {
		t.Fatal("the generated index is loaded whole: nothing to read ahead")
	}
	ix, err := Open(s)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	v := newVocabulary(unFrontCode(meta.Vocab), meta.DF)
	// spans counts the head shards holding the terms that start with p (they stand together).
	spans := func(p string) int {
		i, end := v.prefixRange(p)
		if i == end {
			return 0
		}
		shardOf := func(i int) int { return sort.SearchInts(meta.Shards, i+1) - 1 }
		return shardOf(end-1) - shardOf(i) + 1
	}
	seen := map[string]bool{}
	var words, in []string
	for _, term := range v.terms {
		r := []rune(term)
		for n := 3; n <= len(r); n++ {
			w := string(r[:n])
			_, known := v.index[w]
			if seen[w] || known != (n == len(r)) || n > 4 && !known {
				continue // the term itself, or a prefix of 3 or 4 letters it lacks
			}
			seen[w] = true
			typed := string(r[:n-1])
			if len(seen)%4 != 0 || !isItself(ix.an, w) || spans(typed) > 2 {
				continue // a quarter of them are enough
			}
			words = append(words, w)
			b, _ := json.Marshal(map[string]any{"q": w, "typed": typed, "size": shownOffers, "cold": true})
			in = append(in, string(b))
		}
	}
	if len(words) < 200 {
		t.Fatalf("%d words to check, want at least 200", len(words))
	}
	// A stop word typed alone shows the first offers, whose rows the page prefetched.
	stops := 0
	for _, w := range meta.Stop {
		if r := []rune(w); len(r) >= 2 {
			b, _ := json.Marshal(map[string]any{"q": w, "typed": string(r[:len(r)-1]), "size": shownOffers, "cold": true})
			words, in, stops = append(words, w), append(in, string(b)), stops+1
		}
	}
	got := runJS(t, "search", writeExport(t, files), in)
	for i, w := range words {
		var js jsResponse
		if err := json.Unmarshal([]byte(got[i]), &js); err != nil {
			t.Fatal(err)
		}
		for _, f := range js.Files {
			if strings.HasPrefix(f, "h/") || i >= len(words)-stops {
				t.Errorf("%q, after reading ahead from %q, fetched %s", w, string([]rune(w)[:len([]rune(w))-1]), f)
			}
		}
		want, err := ix.Search(context.Background(), Request{Query: w, Size: shownOffers})
		if err != nil {
			t.Fatal(err)
		}
		var hits []string
		for _, h := range want.Hits {
			hits = append(hits, h.URL)
		}
		if (!slices.Equal(js.Hits, hits) || js.Total != want.Total) && !edgeOfTie(t, ix, w) {
			t.Errorf("%q:\nsearch.js:     %d, %v\nviften search: %d, %v", w, js.Total, js.Hits, want.Total, hits)
		}
	}
	t.Logf("%d words and %d stop words typed after reading ahead", len(words)-stops, stops)
}
