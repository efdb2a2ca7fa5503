package search

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The early stop: a ranker settles a page from the heads and the levels read so far when no
// document of unknown score can reach it. These tests give the Go ranker (staticIndex.top) and
// search.js random postings, with ties and near-ties, heads of 1 to 4 postings and both kinds of
// document, and hold every page they settle equal to the full ranking, per kind.

const (
	settleOffers = 240 // documents 0 … 239 are offers
	settleOthers = 60  // then the other pages
	settleCases  = 400
)

// settleCase is a query of 2 or 3 words, one term each, and the offers to show.
type settleCase struct {
	terms []string
	size  int
}

// settleIndex returns random postings for settleCases queries over the same documents. Case 0
// is a near-tie where only the unknown weights tell the first offer: with the query "a b" and
// heads of 2, offers 0 and 1 have a weight of 10 for a, offers 2 and 3 for b, and offer 4 of 4
// for each; with the coord factor offers 0-3 score 5 and offer 4 scores 8.
func settleIndex(seed uint64) (map[string][]posting, []settleCase) {
	rng := rand.New(rand.NewPCG(seed, 1))
	postings := map[string][]posting{}
	var cases []settleCase
	name := func(c, t int) string {
		// Consonants only: no stemming, no folding, no stop word; a letter per case digit.
		const letters = "bcdfghjklmnpqrstvwxz"
		s := string(letters[t])
		for c++; c > 0; c /= len(letters) {
			s += string(letters[c%len(letters)])
		}
		return s
	}
	q0 := settleCase{terms: []string{name(0, 0), name(0, 1)}, size: 1}
	postings[q0.terms[0]] = []posting{{0, 10}, {1, 10}, {4, 4}}
	postings[q0.terms[1]] = []posting{{2, 10}, {3, 10}, {4, 4}}
	cases = append(cases, q0)
	for c := 1; c < settleCases; c++ {
		q := settleCase{size: 1 + rng.IntN(5)}
		for t := range 2 + rng.IntN(2) {
			q.terms = append(q.terms, name(c, t))
		}
		// Which documents: a few offers, or many (so that search.js ranks them from their best
		// few); a few other pages, or more than a term's first level holds with heads of 1.
		var docs []int
		nOffers, nOthers := 1+rng.IntN(14), rng.IntN(13)
		if rng.IntN(4) == 0 {
			nOffers = 150 + rng.IntN(settleOffers-150)
		}
		if rng.IntN(3) == 0 {
			nOthers = 20 + rng.IntN(settleOthers-20)
		}
		docs = append(docs, rng.Perm(settleOffers)[:nOffers]...)
		for _, d := range rng.Perm(settleOthers)[:nOthers] {
			docs = append(docs, settleOffers+d)
		}
		// Weights: small integers (exact ties), values within the tie margin of each other
		// (near-ties), or a few heavy documents among light ones; the other pages' scaled apart
		// from the offers'.
		style, scale := rng.IntN(4), []float64{0.5, 1, 2}[rng.IntN(3)]
		weight := func(heavy bool) float64 {
			switch style {
			case 0:
				return float64(1 + rng.IntN(10))
			case 1:
				return []float64{10, 9.9995, 9.999, 5, 4.9995, 2}[rng.IntN(6)]
			case 2:
				return 10 - float64(rng.IntN(40))*0.0002
			}
			if heavy {
				return float64(20 + rng.IntN(5))
			}
			return float64(1 + rng.IntN(3))
		}
		p := [2]float64{0.3 + 0.5*rng.Float64(), 0.1 + 0.5*rng.Float64()}
		for _, d := range docs {
			kind := 0
			if d >= settleOffers {
				kind = 1
			}
			heavy := rng.IntN(4) == 0
			first := rng.IntN(len(q.terms)) // every document has a term
			for t, term := range q.terms {
				if t != first && rng.Float64() >= p[kind] {
					continue
				}
				w := weight(heavy)
				if kind == 1 {
					w *= scale
				}
				w, _ = strconv.ParseFloat(formatWeight(w), 64) // as exported
				postings[term] = append(postings[term], posting{d, w})
			}
		}
		cases = append(cases, q)
	}
	for _, ps := range postings {
		slices.SortFunc(ps, func(a, b posting) int { return a.doc - b.doc })
	}
	return postings, cases
}

// exportSettle writes postings as the exported files, with heads of k postings.
func exportSettle(t *testing.T, postings map[string][]posting, k int) map[string][]byte {
	t.Helper()
	rows := make([][4]string, settleOffers+settleOthers)
	for d := range rows {
		kind := KindOffer
		if d >= settleOffers {
			kind = KindContact
		}
		rows[d] = [4]string{kind, "/d/" + strconv.Itoa(d) + "/", "Dokument " + strconv.Itoa(d), ""}
	}
	ft := &facetTable{offers: settleOffers, values: map[string][][]int{}, ages: make([][]int, settleOffers), maxAge: 25}
	for _, p := range facetParams {
		ft.labels = append(ft.labels, FacetLabel{Param: p, Values: [][]string{}})
		ft.values[p] = make([][]int, settleOffers)
	}
	dfSum := map[string]int{}
	for term, ps := range postings {
		dfSum[term] = len(ps)
	}
	an := NewAnalyzer(nil)
	files := map[string][]byte{}
	meta := Meta{Version: metaVersion, Fields: numFields, Stop: an.StopWords(), Filler: fillerList(), Ages: ages}
	err := writeIndex(meta, nil, nil, postings, dfSum, rows, ft, Options{head: k, rowsAlways: k%2 == 0}, func(p string, data []byte) error {
		files[p] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// settleRanking is the full ranking of a case from its postings, per kind: offers, other pages.
func settleRanking(postings map[string][]posting, q settleCase) [2][]scored {
	total, count := map[int]float64{}, map[int]int{}
	for _, term := range q.terms {
		for _, p := range postings[term] {
			total[p.doc] += p.weight // one leaf per word: its coord factor is 1
			count[p.doc]++
		}
	}
	var out [2][]scored
	for d, s := range total {
		kind := 0
		if d >= settleOffers {
			kind = 1
		}
		out[kind] = append(out[kind], scored{d, s * float64(count[d]) / float64(len(q.terms))})
	}
	rank(out[0])
	rank(out[1])
	return out
}

// settledPage is what a ranker shows for a case: per kind (offers, other pages) the documents,
// and whether it settled that kind's page with weights of its matches unknown.
type settledPage struct {
	docs  [2][]int
	early [2]bool
}

// checkSettle holds the pages a ranker shows, with heads of 1 to 4 postings, equal per kind to
// the start of the full ranking (the case's size of offers, 3 other pages, or all there are),
// and requires some pages of each kind to settle while weights are unknown.
func checkSettle(t *testing.T, pages func(files map[string][]byte, cases []settleCase) []settledPage) {
	postings, cases := settleIndex(1)
	var early [2]int
	for k := 1; k <= 4; k++ {
		var kEarly [2]int
		for c, page := range pages(exportSettle(t, postings, k), cases) {
			full := settleRanking(postings, cases[c])
			for kind, want := range []int{cases[c].size, shownOthers} {
				n := min(want, len(full[kind]))
				if got, want := page.docs[kind][:min(n, len(page.docs[kind]))], docsOf(full[kind][:n]); !slices.Equal(got, want) {
					t.Errorf("heads of %d, case %d %q, %s: %v, want %v", k, c, strings.Join(cases[c].terms, " "), []string{"offers", "other pages"}[kind], got, want)
				}
				if page.early[kind] {
					kEarly[kind]++
				}
			}
		}
		t.Logf("heads of %d: %d offer pages and %d other pages of %d settled with weights unknown", k, kEarly[0], kEarly[1], len(cases))
		early[0] += kEarly[0]
		early[1] += kEarly[1]
	}
	if early[0] == 0 || early[1] == 0 {
		t.Errorf("%d offer pages and %d other pages settled with weights unknown; want some of each", early[0], early[1])
	}
}

func docsOf(list []scored) []int {
	out := []int{}
	for _, s := range list {
		out = append(out, s.doc)
	}
	return out
}

// TestSettleRandom holds the Go ranker's early-stopped pages (staticIndex.top) to the full
// ranking on random postings.
func TestSettleRandom(t *testing.T) {
	checkSettle(t, func(files map[string][]byte, cases []settleCase) []settledPage {
		st := openStatic(t, files, nil)
		var out []settledPage
		for _, q := range cases {
			page := st.top(strings.Join(q.terms, " "), q.size)
			a := apart(page, settleOffers)
			out = append(out, settledPage{docs: [2][]int{docsOf(a[0]), docsOf(a[1])}, early: st.early})
		}
		return out
	})
}

// TestJSSettleRandom holds search.js's pages to the full ranking on the same random postings.
func TestJSSettleRandom(t *testing.T) {
	checkSettle(t, func(files map[string][]byte, cases []settleCase) []settledPage {
		var in []string
		for _, q := range cases {
			b, _ := json.Marshal(map[string]any{"q": strings.Join(q.terms, " "), "size": q.size})
			in = append(in, string(b))
		}
		var out []settledPage
		for _, line := range runJS(t, "search", writeExport(t, files), in) {
			var js jsResponse
			if err := json.Unmarshal([]byte(line), &js); err != nil {
				t.Fatal(err)
			}
			var page settledPage
			for kind, urls := range [][]string{js.Hits, js.Others} {
				page.docs[kind] = []int{}
				for _, u := range urls {
					d, err := strconv.Atoi(strings.Trim(strings.TrimPrefix(u, "/d/"), "/"))
					if err != nil {
						t.Fatalf("search.js shows %q", u)
					}
					page.docs[kind] = append(page.docs[kind], d)
				}
				page.early[kind] = js.Unknown[kind] > 0
			}
			out = append(out, page)
		}
		return out
	})
}
