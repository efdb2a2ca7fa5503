package build_test

import (
	"regexp"
	"strings"
	"testing"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/gen"
	"tilbudsviften/internal/site"
)

var altRe = regexp.MustCompile(`Et (lettere|tungere) trin: <a href="([^"]+)">[^<]*</a>(?:\. Med samme emner:\s*<ul class="alternatives">(.*?)</ul>)?`)

// TestLadderAlternatives checks the offer page's way up and down the Indsatstrappen: it names
// the neighbouring steps, and under each lists offers of that step (at most three) that share
// a topic with the offer — and lists some whenever such offers exist.
func TestLadderAlternatives(t *testing.T) {
	cfg := build.Config{Content: gen.FS(200), ContentName: "content", Now: today}
	s, _, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := build.Render(cfg)
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]*site.Offer{}
	for _, o := range s.Offers {
		byURL[o.URL()] = o
	}
	steps := map[string]*site.Step{}
	for _, st := range s.Steps {
		steps[st.URL()] = st
	}
	shares := func(a, b *site.Offer) bool {
		for _, t := range a.Topics {
			for _, u := range b.Topics {
				if t == u {
					return true
				}
			}
		}
		return false
	}
	listed := 0
	for _, o := range s.Offers {
		page := string(files[strings.TrimPrefix(o.URL(), "/")+"index.html"])
		for _, m := range altRe.FindAllStringSubmatch(page, -1) {
			st := steps[m[2]]
			if st == nil {
				t.Fatalf("%s: step link %q is not a step", o.URL(), m[2])
			}
			var alts []string
			for _, a := range regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(m[3], -1) {
				alts = append(alts, a[1])
			}
			if len(alts) > 3 {
				t.Errorf("%s: %d alternatives on %s, want at most 3", o.URL(), len(alts), st.Name)
			}
			for _, u := range alts {
				x := byURL[u]
				if x == nil || x.Step != st || !shares(o, x) {
					t.Errorf("%s: alternative %s is not an offer on %s sharing a topic", o.URL(), u, st.Name)
				}
			}
			exists := false
			for _, x := range st.Offers {
				exists = exists || shares(o, x)
			}
			if exists && len(alts) == 0 {
				t.Errorf("%s: no alternatives on %s, though it has offers on the same topics", o.URL(), st.Name)
			}
			listed += len(alts)
		}
	}
	if listed == 0 {
		t.Error("no offer page lists an alternative up or down the ladder")
	}
}
