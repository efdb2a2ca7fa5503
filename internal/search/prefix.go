package search

import (
	"slices"
	"unicode/utf8"

	"tilbudsviften/internal/par"
)

// Prefix pages spare the first letters of a word typed alone their slowest search. A word of
// 3 or 4 letters the vocabulary lacks is matched as the prefix of up to maxPrefix terms, and
// the page of such a query ranks documents by all of those terms together: the best of them
// are seldom among any one term's heaviest postings or rows, so search.js would read further
// levels and then document chunks, three rounds of requests, before it could show the page.
// The export ranks each such query itself, from the weights as exported, and puts the page
// (shownOffers offers, shownOthers other pages) with its rows in the head shard of the first
// term the prefix matches: search.js reads it with the heads, one round.
//
// Only prefixes shorter than 5 letters get a page: from 5 letters a word also has typo
// matches, whose heads lie anywhere in the vocabulary, and a longer prefix matches fewer and
// rarer terms, which their heads settle.
const prefixPageMax = 4 // letters

// prefixPage is the page of the one-word query prefix, as search.js would rank it.
type prefixPage struct {
	prefix string
	docs   [2][]int // offers, other pages, in rank order
}

// prefixPages returns the prefix pages of the index whose sorted vocabulary is v and whose
// postings are postings, keyed by the vocabulary index of the first term each prefix matches
// (where its page goes), in prefix order; the weights of postings are as exported. A page is
// kept under the stem its word has, for search.js looks it up by the stem of the word typed:
// so a prefix gets one only when an analyses it as itself, one word (not a stop word, its
// stem itself, no compound parts).
func prefixPages(an *Analyzer, v *vocabulary, postings map[string][]posting, offers int) map[int][]prefixPage {
	seen := map[string]bool{}
	var prefixes []string
	for _, t := range v.terms {
		if t[:1] == groupPrefix {
			continue
		}
		n, at := 0, 0
		for _, r := range t {
			at += utf8.RuneLen(r)
			if n++; n < minPrefix {
				continue
			}
			if n > prefixPageMax || at == len(t) {
				break // the rest are longer, or the term itself
			}
			if p := t[:at]; !seen[p] {
				seen[p] = true
				if _, ok := v.index[p]; !ok && typedAsItself(an, p) {
					prefixes = append(prefixes, p)
				}
			}
		}
	}
	slices.Sort(prefixes)
	pages := make([]*prefixPage, len(prefixes))
	par.For(len(prefixes), func(k int) {
		p := prefixes[k]
		if ls := (word{folded: p, primary: p, terms: []string{p}, last: true}).leaves(v); len(ls) >= 3 {
			pages[k] = &prefixPage{prefix: p, docs: pageOf(ls, postings, offers)}
		} // else the prefix and one term: that term's own ranking, in its rows
	})
	out := map[int][]prefixPage{}
	for _, pg := range pages {
		if pg != nil {
			i, _ := v.prefixRange(pg.prefix)
			out[i] = append(out[i], *pg)
		}
	}
	return out
}

// typedAsItself reports whether the query p is one word whose stem and only term is p.
func typedAsItself(an *Analyzer, p string) bool {
	words, _ := an.parse(p)
	return len(words) == 1 && words[0].folded == p && words[0].primary == p && slices.Equal(words[0].terms, []string{p})
}

// pageOf ranks the one-word query of leaves as search.js does (Engine.prototype.page, with
// every weight known: the same sums in the same order) and returns the documents shown.
// postings hold the weights as exported.
func pageOf(leaves []leaf, postings map[string][]posting, offers int) [2][]int {
	sum := map[int]float64{}
	count := map[int]int{}
	for _, l := range leaves {
		for _, p := range postings[l.term] {
			count[p.doc]++
			sum[p.doc] += l.boost * p.weight
		}
	}
	list := make([]scored, 0, len(sum))
	for d, x := range sum {
		list = append(list, scored{d, x * float64(count[d]) / float64(len(leaves))})
	}
	return shown(list, offers)
}
