package render

import (
	"slices"
	"testing"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/gen"
	"tilbudsviften/internal/site"
)

// TestSimilarAll holds the grouped scoring to its definition, computed offer by offer: the
// related offers are the n others sharing the most topics (Danish title order among equals),
// the alternatives the m best on the neighbouring steps.
func TestSimilarAll(t *testing.T) {
	s, _, err := content.Load(gen.FS(400), "content", content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ord := newOrder(s.Offers)
	got := ord.similarAll(s.Offers, s.Steps)
	shared := func(a, b *site.Offer) int {
		n := 0
		for _, t := range a.Topics {
			if slices.Contains(b.Topics, t) {
				n++
			}
		}
		return n
	}
	best := func(o *site.Offer, n int, step *site.Step) []*site.Offer {
		var list []*site.Offer
		for _, x := range ord.byRank { // title order, so a stable sort keeps it among equals
			if x != o && shared(o, x) > 0 && (step == nil || x.Step == step) {
				list = append(list, x)
			}
		}
		slices.SortStableFunc(list, func(a, b *site.Offer) int { return shared(o, b) - shared(o, a) })
		if len(list) > n {
			list = list[:n]
		}
		return list
	}
	var alternatives int
	for i, o := range s.Offers {
		want := [3][]*site.Offer{best(o, 6, nil)}
		if o.Step != nil {
			lighter, heavier := neighbours(s.Steps, o.Step)
			if lighter != nil {
				want[1] = best(o, 3, lighter)
			}
			if heavier != nil {
				want[2] = best(o, 3, heavier)
			}
		}
		for k, name := range []string{"related", "lighter", "heavier"} {
			if !slices.Equal(got[i][k], want[k]) {
				t.Fatalf("%s: %s offers %v, want %v", o.Slug, name, slugs(got[i][k]), slugs(want[k]))
			}
		}
		alternatives += len(got[i][1]) + len(got[i][2])
	}
	if alternatives == 0 {
		t.Fatal("no offer has an alternative on a neighbouring step")
	}
}

func slugs(list []*site.Offer) []string {
	out := make([]string, len(list))
	for i, o := range list {
		out[i] = o.Slug
	}
	return out
}
