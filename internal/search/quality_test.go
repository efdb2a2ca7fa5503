package search

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// topN returns the slugs of the first n offers for q.
func topN(t *testing.T, ix *Index, q string, n int) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), Request{Query: q, Size: n})
	if err != nil {
		t.Fatal(err)
	}
	return slugs(res.Hits)
}

// hitRate returns the share of queries with a wanted offer in the top 3, and the misses.
func hitRate(t *testing.T, ix *Index, qs []testQuery) (float64, []string) {
	var misses []string
	for _, q := range qs {
		top := topN(t, ix, q.query, 3)
		ok := false
		for _, w := range q.want {
			ok = ok || slices.Contains(top, w)
		}
		if !ok {
			misses = append(misses, q.query+" → "+strings.Join(top, ", "))
		}
	}
	return 1 - float64(len(misses))/float64(len(qs)), misses
}

// TestQuerySet holds the search to the public query set: at least 95 % of the queries have a
// right offer in the top 3.
func TestQuerySet(t *testing.T) {
	qs := readQueries(t)
	if len(qs) < 40 {
		t.Fatalf("the query set has %d queries, want at least 40", len(qs))
	}
	rate, misses := hitRate(t, herlevIndex(t, DefaultOptions()), qs)
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	t.Logf("%d queries, %.1f %% with a right offer in the top 3", len(qs), 100*rate)
	if rate < 0.95 {
		t.Errorf("%.1f %% of the queries have a right offer in the top 3, want at least 95 %%", 100*rate)
	}
}
