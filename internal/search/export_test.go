package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tilbudsviften/internal/site"
)

func export(t testing.TB, s *site.Site, opts Options) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := ExportWith(s, opts, func(p string, data []byte) error {
		if _, dup := files[p]; dup {
			t.Fatalf("%s written twice", p)
		}
		files[p] = data // kept as handed over: Export must not reuse the bytes it emitted
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestExportDeterministic holds that the same site gives the same files, byte for byte, and
// that meta.json and the heads name every file written: with heads as exported and cut to 3
// postings with document rows in the shards, so that further levels and rows are written too.
func TestExportDeterministic(t *testing.T) {
	s := herlevSite(t)
	for _, head := range []int{0, 3} {
		opts := DefaultOptions()
		opts.head, opts.rowsAlways = head, head > 0
		a, b := export(t, s, opts), export(t, s, opts)
		if len(a) != len(b) {
			t.Fatalf("heads of %d: %d files, then %d", head, len(a), len(b))
		}
		for p, data := range a {
			if !bytes.Equal(data, b[p]) {
				t.Errorf("heads of %d: %s differs between two exports", head, p)
			}
			if p != MetaPath && !strings.HasPrefix(p, "search/") {
				t.Errorf("%s is outside search/", p)
			}
		}
		named := namedFiles(t, a)
		for p := range a {
			if !named[p] {
				t.Errorf("heads of %d: %s is written, but neither meta.json nor a head names it", head, p)
			}
		}
		levels := 0
		for p := range named {
			if a[p] == nil {
				t.Errorf("heads of %d: %s is named, but not written", head, p)
			}
			if strings.HasPrefix(p, "search/t/") {
				levels++
			}
		}
		t.Logf("heads of %d: %d files, %d of them levels", head, len(a), levels)
		if head == 3 && levels == 0 {
			t.Error("heads of 3: no level written")
		}
	}
	var meta Meta
	if err := json.Unmarshal(export(t, s, DefaultOptions())[MetaPath], &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Offers != len(s.Offers) || meta.Docs != len(s.Offers)+len(s.Contacts)+len(s.Principles)+len(s.Guides) {
		t.Errorf("meta: %d offers of %d documents", meta.Offers, meta.Docs)
	}
}

// namedFiles returns the files search.js can reach from meta.json: itself, the facet table,
// the document chunks, the head shards and, as the heads and levels say, every further level.
func namedFiles(t *testing.T, files map[string][]byte) map[string]bool {
	st := openStatic(t, files, nil)
	named := map[string]bool{MetaPath: true, "search/" + st.meta.FacetFile: true}
	for i := 0; i*st.meta.Chunk < st.meta.Docs; i++ {
		named[docPath(i, st.meta.Hash)] = true
	}
	for i := range st.vocab.terms {
		for x := st.term(i); st.deepen(x); {
		}
	}
	for p := range st.loaded {
		named[p] = true
	}
	return named
}

// TestExportRanksAsBleve holds the exported weights to bleve: for every query of the public
// query set, ranking from the static files gives bleve's order, and so does the first page
// settled from the heads (reading further levels only while their bounds leave it open).
// Herlev's terms are too rare to need further levels, so the heads are also cut to 3 postings
// (with document rows in the shards, which Herlev's small index otherwise goes without);
// then levels are read, though no offer page settles with weights unknown (level 1 holds
// every offer of a term): TestSettleRandom tests the bound.
func TestExportRanksAsBleve(t *testing.T) {
	s := herlevSite(t)
	for _, opts := range []Options{{Compounds: true}, {Compounds: false}} {
		ix := herlevIndex(t, opts)
		for _, head := range []int{0, 3} {
			o := opts
			o.head, o.rowsAlways = head, head > 0
			files := export(t, s, o)
			var fromHeads, deeper int
			for _, q := range append(readQueries(t), compoundQueries...) {
				if compareRanking(t, ix, files, s.Synonyms, q.query) {
					fromHeads++
				} else {
					deeper++
				}
			}
			t.Logf("compounds %v, heads of %d: %d first pages settled from the heads, %d read further levels", opts.Compounds, head, fromHeads, deeper)
			if head == 3 && (fromHeads == 0 || deeper == 0) {
				t.Errorf("heads of 3: %d pages from the heads, %d from further levels; want both kinds tested", fromHeads, deeper)
			}
		}
	}
}

// compareRanking compares the export's ranking of q, whole and its first page settled from the
// heads, with bleve's, and reports whether that page needed no further level.
func compareRanking(t *testing.T, ix *Index, files map[string][]byte, synonyms [][]string, q string) bool {
	t.Helper()
	want, err := ix.ranked(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	st := openStatic(t, files, synonyms)
	got := st.rank(q)
	if len(got) != len(want) {
		t.Errorf("%q: %d documents from the export, %d from bleve", q, len(got), len(want))
	}
	for i := range min(len(got), len(want), 10) {
		if got[i].doc != want[i].doc {
			t.Errorf("%q: the export ranks%s\nbleve ranks%s", q, st.describe(got, 10), st.describe(want, 10))
			return false
		}
	}
	st = openStatic(t, files, synonyms)
	page := st.top(q, 5)
	deeper := false
	for f := range st.loaded {
		deeper = deeper || strings.HasPrefix(f, "search/t/")
	}
	// Offers and other pages are ranked apart: each kind of the page starts its kind's ranking.
	pages, wants := apart(page, st.meta.Offers), apart(want, st.meta.Offers)
	if len(pages[0]) < min(len(wants[0]), 5) || len(pages[1]) < min(len(wants[1]), 3) {
		t.Errorf("%q: the first page holds %d offers and %d other pages of %d and %d", q, len(pages[0]), len(pages[1]), len(wants[0]), len(wants[1]))
	}
	for kind := range pages {
		for i := range min(len(pages[kind]), len(wants[kind])) {
			if pages[kind][i].doc != wants[kind][i].doc {
				t.Errorf("%q: the first page from the heads ranks%s\nbleve ranks%s", q, st.describe(pages[kind], 10), st.describe(wants[kind], 10))
				break
			}
		}
	}
	return !deeper
}

// TestExportGenerated compares the rankings on a generated site too, where terms occur in
// hundreds of documents.
func TestExportGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generated site")
	}
	s := genSite(t, 300)
	files := export(t, s, Options{Compounds: true, head: 16, rowsAlways: true})
	ix, err := Open(s)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"skilsmisse", "angst unge", "rådgivning for forældre", "skol", "tandpleje 5 år", "sundhedsplejerkse"} {
		compareRanking(t, ix, files, s.Synonyms, q)
	}
}

// TestShownRows holds the head shards' document rows to their purpose: on a generated site
// whose index is too large to prefetch, a query of one word shows its page from the rows of the
// head shards, fetching no document chunk; on Herlev's, small enough to prefetch, the shards
// hold no rows and no prefix pages.
func TestShownRows(t *testing.T) {
	if testing.Short() {
		t.Skip("generated site")
	}
	s := genSite(t, 1000)
	files := export(t, s, DefaultOptions())
	st := openStatic(t, files, s.Synonyms)
	if st.meta.Whole {
		t.Fatalf("index marked whole: want one over %d bytes, with rows", prefetchBytes)
	}
	words := 0
	for i, term := range st.vocab.terms {
		if i%7 != 0 || strings.HasPrefix(term, "=") {
			continue
		}
		// A query of the term alone: its analysis must give the term and nothing else.
		ws, _ := st.an.parse(term)
		if len(ws) != 1 {
			continue
		}
		if ls := ws[0].leaves(st.vocab); len(ls) != 1 || ls[0].term != term {
			continue
		}
		words++
		clear(st.loaded) // and what earlier queries read: the page's rows must be in its own shard
		clear(st.rows)
		clear(st.terms)
		st.page(term, shownOffers)
		for f := range st.loaded {
			if strings.HasPrefix(f, "search/d/") {
				t.Errorf("%q read %s: its page is not in the rows of its head shard", term, f)
				break
			}
		}
	}
	if words < 50 {
		t.Fatalf("only %d one-word queries tried", words)
	}
	t.Logf("%d one-word queries shown from the head shards' rows", words)

	herlev := export(t, herlevSite(t), DefaultOptions())
	var meta Meta
	if err := json.Unmarshal(herlev[MetaPath], &meta); err != nil || !meta.Whole {
		t.Fatalf("Herlev's meta.json: whole %v (%v), want true: search.js should load it whole", meta.Whole, err)
	}
	heads := 0
	for p, data := range herlev {
		if strings.HasPrefix(p, "search/h/") {
			heads += len(data)
			if !bytes.HasSuffix(data, []byte("],{},{}]")) {
				t.Fatalf("%s holds document rows: %.80s…", p, data[max(0, len(data)-80):])
			}
		}
	}
	withRows, pages := 0, 0
	for p, data := range export(t, herlevSite(t), Options{Compounds: true, rowsAlways: true}) {
		if strings.HasPrefix(p, "search/h/") {
			withRows += len(data)
			var parts [3]json.RawMessage
			if err := json.Unmarshal(data, &parts); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			pages += len(parts[2]) - len("{}")
		}
	}
	t.Logf("Herlev's head shards: %d bytes; %d with rows and prefix pages, of which %d the pages objects", heads, withRows, pages)
}

// TestWordPages holds the head shards' pages (of prefixes, and of terms with further levels)
// to bleve and to their purpose: every page is the page viften search gives for the word typed
// alone (first shownOffers offers and shownOthers other pages, in order, and the offers
// found), and search.js, searching the word on a first visit, shows that page from its head
// shard alone: no further level, no document chunk, no other head shard. Herlev's index, small enough to prefetch, has none; it is checked
// with rows forced on and small heads.
func TestWordPages(t *testing.T) {
	if testing.Short() {
		t.Skip("generated site")
	}
	for _, tc := range []struct {
		name       string
		s          *site.Site
		opts       Options
		min, terms int // pages at least, of them of terms
	}{
		{"generated", genSite(t, 1000), DefaultOptions(), 90, 50},
		{"herlev", herlevSite(t), Options{Compounds: true, rowsAlways: true, head: 8}, 200, 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := export(t, tc.s, tc.opts)
			ix, err := Open(tc.s)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			type page struct {
				docs  [2][]int
				total int
				shard string // the file search.js finds it in
			}
			pages := map[string]page{}
			rows := map[int][4]string{}
			for p, data := range files {
				if !strings.HasPrefix(p, "search/h/") {
					continue
				}
				var shard struct {
					rows  map[string][4]string
					pages map[string][3]json.RawMessage
				}
				if err := json.Unmarshal(data, &[3]any{nil, &shard.rows, &shard.pages}); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				for prefix, raw := range shard.pages {
					pg := page{shard: strings.TrimPrefix(p, "search/")}
					for i, v := range []any{&pg.docs[0], &pg.docs[1], &pg.total} {
						if err := json.Unmarshal(raw[i], v); err != nil {
							t.Fatalf("%s: page %q: %v", p, prefix, err)
						}
					}
					pages[prefix] = pg
					for _, ds := range pg.docs {
						for _, d := range ds {
							row, ok := shard.rows[strconv.Itoa(d)]
							if !ok {
								t.Errorf("%s: page %q shows document %d, whose row is not in the shard", p, prefix, d)
							}
							rows[d] = row
						}
					}
				}
			}
			terms := 0
			for w := range pages {
				if _, ok := ix.vocab.index[w]; ok {
					terms++
				}
			}
			if len(pages) < tc.min || terms < tc.terms {
				t.Fatalf("%d pages, %d of them of terms; want at least %d and %d", len(pages), terms, tc.min, tc.terms)
			}
			var in []string
			var prefixes []string
			for _, prefix := range slices.Sorted(maps.Keys(pages)) {
				want, err := ix.Search(context.Background(), Request{Query: prefix, Size: shownOffers})
				if err != nil {
					t.Fatal(err)
				}
				var got, hits []string
				for kind, ds := range pages[prefix].docs {
					for _, d := range ds {
						got = append(got, fmt.Sprint(kind, rows[d][1]))
					}
				}
				for _, h := range want.Hits {
					hits = append(hits, "0"+h.URL)
				}
				for _, h := range want.Others {
					hits = append(hits, "1"+h.URL)
				}
				if (!slices.Equal(got, hits) || pages[prefix].total != want.Total) && !edgeOfTie(t, ix, prefix) {
					t.Errorf("page of %q:\nexported:      %d, %v\nviften search: %d, %v", prefix, pages[prefix].total, got, want.Total, hits)
				}
				// The page's shard is the only head shard that arrives: the results must not wait
				// for the others.
				b, _ := json.Marshal(map[string]any{"q": prefix, "size": shownOffers, "cold": true, "only": pages[prefix].shard})
				in = append(in, string(b))
				prefixes = append(prefixes, prefix)
			}
			// With the other head shards failing (a deploy replaced them), every fourth page is
			// still shown, its facets without numbers when a shard it needed failed (the offers
			// found are unknown), with numbers otherwise, no rejection left unhandled.
			failing := 0
			for i, prefix := range slices.Sorted(maps.Keys(pages)) {
				if i%4 == 0 {
					b, _ := json.Marshal(map[string]any{"q": prefix, "size": shownOffers, "cold": true, "only": pages[prefix].shard, "fail": true})
					in, prefixes, failing = append(in, string(b)), append(prefixes, prefix), failing+1
				}
			}
			// A word one letter longer, with no page of its own, may share the stem of a page's
			// word, but not its page: from 5 letters it is also matched with a typo. A page's
			// word as typed (capitals, æ) is its page's.
			near := 0
			for _, prefix := range slices.Sorted(maps.Keys(pages)) {
				for _, end := range []string{"e", "s"} {
					if q := prefix + end; pages[q].docs[0] == nil {
						b, _ := json.Marshal(map[string]any{"q": q, "size": shownOffers, "cold": true})
						in, prefixes, near = append(in, string(b)), append(prefixes, q), near+1
					}
				}
				// and the word as typed: capitalised, with æ for ae
				for _, q := range []string{strings.ToUpper(prefix[:1]) + prefix[1:], strings.ReplaceAll(prefix, "ae", "æ")} {
					if q != prefix && prefix[:1] != groupPrefix {
						b, _ := json.Marshal(map[string]any{"q": q, "size": shownOffers, "cold": true})
						in, prefixes, near = append(in, string(b)), append(prefixes, q), near+1
					}
				}
			}
			got := runJS(t, "search", writeExport(t, files), in)
			for i, prefix := range prefixes {
				var js jsResponse
				if err := json.Unmarshal([]byte(got[i]), &js); err != nil {
					t.Fatal(err)
				}
				if i >= len(prefixes)-near {
					// no page: checked below for its results only
				} else if i >= len(prefixes)-near-failing && (js.Error != "" || (js.Numbers == 0) != failedOther(js.Files, pages[prefix].shard) || js.Unhandled > 0) {
					t.Errorf("%q, the other head shards failing: error %q, %d facet values counted (with a shard failed: %v), %d rejections unhandled", prefix, js.Error, js.Numbers, failedOther(js.Files, pages[prefix].shard), js.Unhandled)
				} else if js.Error != "" {
					t.Errorf("%q, its page's shard %s alone arriving: %s", prefix, pages[prefix].shard, js.Error)
					continue
				}
				for _, f := range js.Files {
					if i < len(prefixes)-near-failing && !strings.HasPrefix(f, "h/") && f != "meta.json" {
						t.Errorf("search.js fetched %s for %q: want only meta.json and head shards", f, prefix)
					}
				}
				want, _ := ix.Search(context.Background(), Request{Query: prefix, Size: shownOffers})
				var hits, others []string
				for _, h := range want.Hits {
					hits = append(hits, h.URL)
				}
				for _, h := range want.Others {
					others = append(others, h.URL)
				}
				if (!slices.Equal(js.Hits, hits) || !slices.Equal(js.Others, others) || js.Total != want.Total) && !edgeOfTie(t, ix, prefix) {
					t.Errorf("%q:\nsearch.js:     %d, %v, others %v\nviften search: %d, %v, others %v", prefix, js.Total, js.Hits, js.Others, want.Total, hits, others)
				}
			}
			t.Logf("%d pages (%d of terms), each viften search's page, shown by search.js from the head shards; %d words a letter longer or as typed as viften search ranks them", len(pages), terms, near)
		})
	}
}

// failedOther reports whether files, those a search fetched, hold a head shard other than
// only (which, in a request with "only" and "fail", failed).
func failedOther(files []string, only string) bool {
	for _, f := range files {
		if strings.HasPrefix(f, "h/") && f != only {
			return true
		}
	}
	return false
}
