package search

import (
	"bytes"
	"context"
	"encoding/json"
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

// TestExportDeterministic holds that the same site gives the same files, byte for byte.
func TestExportDeterministic(t *testing.T) {
	s := herlevSite(t)
	a, b := export(t, s, DefaultOptions()), export(t, s, DefaultOptions())
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two exports", p)
		}
	}
	for p := range a {
		if p != MetaPath && !strings.HasPrefix(p, "search/") {
			t.Errorf("%s is outside search/", p)
		}
	}
	var meta Meta
	if err := json.Unmarshal(a[MetaPath], &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Offers != len(s.Offers) || meta.Docs != len(s.Offers)+len(s.Contacts)+len(s.Principles)+len(s.Guides) {
		t.Errorf("meta: %d offers of %d documents", meta.Offers, meta.Docs)
	}
	for _, f := range append(append(append([]string{}, meta.Files...), meta.DocFiles...), meta.FacetFile) {
		if a["search/"+f] == nil {
			t.Errorf("meta.json names %s, which was not written", f)
		}
	}
}

// TestExportRanksAsBleve holds the exported weights to bleve: for every query of the public
// query set, ranking from the static files gives bleve's order.
func TestExportRanksAsBleve(t *testing.T) {
	s := herlevSite(t)
	for _, opts := range []Options{{Compounds: true}, {Compounds: false}} {
		st := openStatic(t, export(t, s, opts), s.Synonyms)
		ix := herlevIndex(t, opts)
		queries := readQueries(t)
		for _, q := range append(queries, compoundQueries...) {
			compareRanking(t, ix, st, q.query)
		}
	}
}

func compareRanking(t *testing.T, ix *Index, st *staticIndex, q string) {
	t.Helper()
	want, err := ix.ranked(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	got := st.rank(t, q)
	if len(got) != len(want) {
		t.Errorf("%q: %d documents from the export, %d from bleve", q, len(got), len(want))
	}
	for i := range min(len(got), len(want), 10) {
		if got[i].doc != want[i].doc {
			t.Errorf("%q: the export ranks%s\nbleve ranks%s", q, describe(got, st.docs, 10), describe(want, st.docs, 10))
			return
		}
	}
}

// TestExportGenerated compares the rankings on a generated site too, where terms occur in
// hundreds of documents.
func TestExportGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generated site")
	}
	s := genSite(t, 300)
	st := openStatic(t, export(t, s, DefaultOptions()), s.Synonyms)
	ix, err := Open(s)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"skilsmisse", "angst unge", "rådgivning for forældre", "skol", "tandpleje 5 år", "sundhedsplejerkse"} {
		compareRanking(t, ix, st, q)
	}
}
