package search

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"tilbudsviften/internal/site"
)

func search(t *testing.T, req Request) *Response {
	t.Helper()
	res, err := herlevIndex(t, DefaultOptions()).Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func slugs(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, slugOf(h.URL))
	}
	return out
}

// TestHerlevQueries checks the queries of the issue over the Herlev content: the offer that
// answers each comes first, or among the first few.
func TestHerlevQueries(t *testing.T) {
	for _, tc := range []struct {
		q     string
		first []string // one of these comes first
		in    int      // ... or, when set, is among the first in
	}{
		{q: "min søn vil ikke i skole", first: []string{"foraeldreraadgivningen", "ppr-udgaaende-ressourceteam"}},
		{q: "skilsmissen", first: []string{"samarbejde-efter-skilsmisse", "boernenes-skilsmissetelefon"}},
		{q: "skilsmise", first: []string{"samarbejde-efter-skilsmisse", "boernenes-skilsmissetelefon"}},
		{q: "boern angst", first: []string{"boernetelefonen", "headspace", "hoert"}},
		{q: "hash 15 år", first: []string{"alkolinjen"}},
		{q: "sundhedsplejerkse", first: []string{"sundhedsplejen"}},
		{q: "hedspace", first: []string{"headspace", "headspace-family-chat"}, in: 2},
	} {
		res := search(t, Request{Query: tc.q, Size: 5})
		got := slugs(res.Hits)
		n := max(tc.in, 1)
		ok := false
		for _, w := range tc.first {
			ok = ok || slices.Contains(got[:min(n, len(got))], w)
		}
		if !ok {
			t.Errorf("%q: got %v, want one of %v in the first %d", tc.q, got, tc.first, n)
		}
	}
}

func TestAgeFromQuery(t *testing.T) {
	res := search(t, Request{Query: "hash 15 år"})
	if res.Age == nil || *res.Age != 15 {
		t.Errorf("age = %v, want 15", res.Age)
	}
	if res := search(t, Request{Query: "hash"}); res.Age != nil {
		t.Errorf("hash: age = %d, want none", *res.Age)
	}
	all := search(t, Request{Query: "rådgivning", Size: 100})
	young := search(t, Request{Query: "rådgivning 4 år", Size: 100})
	if young.Total >= all.Total || young.Total == 0 {
		t.Errorf("an age must narrow the results: %d with the age, %d without", young.Total, all.Total)
	}
	for _, h := range young.Hits {
		if slices.Contains([]string{"hoert", "headspace", "ventilen"}, slugOf(h.URL)) {
			t.Errorf("%s is for older children but was found for 4 år", h.URL)
		}
	}
}

// TestDirectoryMode holds that an empty query with filters lists the matching offers in title
// order, and that facet counts count the results each value would give.
func TestDirectoryMode(t *testing.T) {
	s := herlevSite(t)
	res := search(t, Request{Size: 100})
	if res.Total != len(s.Offers) || len(res.Hits) != len(s.Offers) {
		t.Fatalf("no query, no filter: %d offers, want all %d", res.Total, len(s.Offers))
	}
	if len(res.Others) != 0 {
		t.Errorf("directory mode lists offers only, got %d others", len(res.Others))
	}
	res = search(t, Request{Filters: Filters{"vej": {"kom-selv"}, "anonym": {"1"}}, Size: 100})
	var want []string
	for _, o := range s.Offers {
		if o.Access.Route == "kom-selv" && o.Access.Anonymous {
			want = append(want, o.Slug)
		}
	}
	got := slugs(res.Hits)
	if res.Total != len(want) || len(want) == 0 {
		t.Fatalf("kom selv + anonym: %d offers %v, want %d %v", res.Total, got, len(want), want)
	}
	sorted := slices.Clone(got)
	slices.SortStableFunc(sorted, func(a, b string) int {
		return strings.Compare(site.CollationKey(titleOf(s, a)), site.CollationKey(titleOf(s, b)))
	})
	if !slices.Equal(got, sorted) {
		t.Errorf("directory mode must list by title: %v", got)
	}
	for _, f := range res.Facets {
		for _, v := range f.Values {
			if f.Param == "anonym" && v.ID == "1" && (!v.Selected || v.Count != res.Total) {
				t.Errorf("anonym facet: %+v, want selected with count %d", v, res.Total)
			}
			if f.Param == "vej" && v.ID == "kom-selv" && v.Count != res.Total {
				t.Errorf("vej=kom-selv count %d, want %d", v.Count, res.Total)
			}
		}
	}
	// Counting the other route values: each counts anonymous offers with that route.
	for _, f := range res.Facets {
		if f.Param != "vej" {
			continue
		}
		for _, v := range f.Values {
			n := 0
			for _, o := range s.Offers {
				if string(o.Access.Route) == v.ID && o.Access.Anonymous {
					n++
				}
			}
			if v.Count != n {
				t.Errorf("vej=%s counts %d, want %d", v.ID, v.Count, n)
			}
		}
	}
}

func titleOf(s *site.Site, slug string) string {
	for _, o := range s.Offers {
		if o.Slug == slug {
			return o.Title
		}
	}
	return ""
}

func TestFilterAge(t *testing.T) {
	s := herlevSite(t)
	res := search(t, Request{Filters: Filters{ParamAge: {"3"}}, Size: 100})
	n := 0
	for _, o := range s.Offers {
		if o.Age == nil || o.Age.From <= 3 && 3 <= o.Age.To {
			n++
		}
	}
	if res.Total != n {
		t.Errorf("alder=3: %d offers, want %d", res.Total, n)
	}
	for _, f := range res.Facets {
		if f.Param != ParamAge {
			continue
		}
		if len(f.Values) < 26 || f.Values[3].Count != n || !f.Values[3].Selected {
			t.Errorf("age facet value 3: %+v, want count %d, selected", f.Values[3], n)
		}
	}
}

// TestFilterDanish: an offer whose file names no languages is given in Danish (the model's
// default), so the Danish filter keeps it, as the open data lists it.
func TestFilterDanish(t *testing.T) {
	s := herlevSite(t)
	res := search(t, Request{Filters: Filters{"sprog": {"da"}}, Size: 100})
	n, unnamed := 0, 0
	for _, o := range s.Offers {
		if len(o.Languages) == 0 {
			unnamed++
		}
		if len(o.Languages) == 0 || slices.Contains(o.Languages, "da") { // Danish when none is named
			n++
		}
	}
	if unnamed == 0 || res.Total != n {
		t.Errorf("sprog=da: %d offers, want %d (%d of them without languages in their file)", res.Total, n, unnamed)
	}
}

func TestUnknownFilterValue(t *testing.T) {
	res := search(t, Request{Query: "angst", Filters: Filters{"emne": {"findes-ikke"}}})
	if res.Total != 0 {
		t.Errorf("an unknown filter value must match nothing, got %d", res.Total)
	}
}

func TestOthers(t *testing.T) {
	res := search(t, Request{Query: "underretning"})
	if len(res.Others) == 0 {
		t.Fatal("underretning: want a concern-guide page beside the offers")
	}
	for _, h := range res.Others {
		if h.Kind == KindOffer {
			t.Errorf("others holds an offer: %v", h)
		}
	}
}

func TestServeHTTP(t *testing.T) {
	ix := herlevIndex(t, DefaultOptions())
	rec := httptest.NewRecorder()
	ix.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?q=skilsmisse&n=2&gratis=1", nil))
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	var res Response
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Total < 2 {
		t.Errorf("n=2: %d hits of %d", len(res.Hits), res.Total)
	}
}
