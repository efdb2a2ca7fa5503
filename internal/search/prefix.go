package search

import (
	"encoding/json"
	"slices"
	"unicode/utf8"

	"tilbudsviften/internal/par"
)

// Prefix pages spare the first letters of a word typed alone their slowest search. A word of
// 3 to 8 letters whose stem the vocabulary lacks is matched as the prefix of up to maxPrefix
// terms (and from 5 letters to the terms one typo away), and the page of such a query ranks
// documents by all of those terms together: the best of them are seldom among any one term's
// heaviest postings or rows, so search.js would read further levels and then document
// chunks, three rounds of requests, before it could show the page.
// The export ranks each such query itself, from the weights as exported, and puts the page
// (shownOffers offers, shownOthers other pages, and the offers found) with its rows in the
// head shard of the first term the prefix's stem matches: search.js reads it with the heads,
// one round, and shows it without waiting for the other terms' heads.
//
// Only prefixes of prefixPageMax letters or fewer get a page (Meta.PageLetters): a longer one
// matches fewer and rarer terms, which their heads settle. On Herlev with rows forced the
// pages objects come to 17 543 bytes (TestShownRows logs them).
const prefixPageMax = 8 // letters

// wordPage is the page of a one-word query, as search.js would rank it: a prefix's, or a
// term's alone.
type wordPage struct {
	word  string
	docs  [2][]int // offers, other pages, in rank order
	total int      // offers found
}

// MarshalJSON writes the page as search.js reads it: [offers, other pages, total].
func (p wordPage) MarshalJSON() ([]byte, error) {
	return json.Marshal([]any{p.docs[0], p.docs[1], p.total})
}

// prefixPages returns the prefix pages of the index whose sorted vocabulary is v and whose
// postings are postings, keyed by the vocabulary index of the first term each prefix's stem
// matches (where its page goes), in prefix order; the weights of postings are as exported.
// The prefixes are those of the terms and of the documents' surface words (folded), for a
// word being typed is the start of a surface word, whose stem may be shorter ("skils" is
// stemmed "skil" and, from 5 letters, also matched with one typo). search.js looks a page up
// by the folded word typed, so a prefix gets one when an analyses it as one word whose only
// term is its stem (not a stop word, no compound parts), a stem the vocabulary lacks but
// some term starts with, and neither the prefix nor its stem is a term (whose own page the
// key would name).
func prefixPages(an *Analyzer, v *vocabulary, surface []string, postings map[string][]posting, offers int) map[int][]wordPage {
	seen := map[string]bool{}
	var prefixes []string
	add := func(t string) {
		n, at := 0, 0
		for _, r := range t {
			at += utf8.RuneLen(r)
			if n++; n < minPrefix {
				continue
			}
			if n > prefixPageMax || at == len(t) {
				break // the rest are longer, or the word itself
			}
			if p := t[:at]; !seen[p] {
				seen[p] = true
				if _, ok := v.index[p]; !ok {
					prefixes = append(prefixes, p)
				}
			}
		}
	}
	for _, t := range v.terms {
		if t[:1] != groupPrefix {
			add(t)
		}
	}
	for _, w := range surface {
		add(w)
	}
	slices.Sort(prefixes)
	pages := make([]*wordPage, len(prefixes))
	first := make([]int, len(prefixes))
	par.For(len(prefixes), func(k int) {
		p := prefixes[k]
		w, ok := typedAlone(an, p)
		if !ok {
			return
		}
		if _, ok := v.index[w.primary]; ok {
			return // the stem's own query: no prefix matches
		}
		i, end := v.prefixRange(w.primary)
		if i == end {
			return // no term to keep the page with (typo matches alone)
		}
		if ls := w.leaves(v); len(ls) >= 3 || len(w.terms) > 1 { // parse has it last: p ends the query
			docs, total := pageOf(ls, postings, offers)
			pages[k], first[k] = &wordPage{p, docs, total}, i
		} // else the stem and one term: that term's own ranking, in its rows
	})
	out := map[int][]wordPage{}
	for k, pg := range pages {
		if pg != nil {
			out[first[k]] = append(out[first[k]], *pg)
		}
	}
	return out
}

// typedAlone returns the word the query p is when it is one word whose terms are its stem and
// the topics it names, if any, and whether it is. The topics of a single word follow from its
// stem (a one-word synonym is matched by its stem), so a page looked up by the stem fits every
// word with that stem.
func typedAlone(an *Analyzer, p string) (word, bool) {
	words, _ := an.parse(p)
	if len(words) != 1 || words[0].folded != p || len(words[0].terms) == 0 || words[0].terms[0] != words[0].primary {
		return word{}, false
	}
	for _, t := range words[0].terms[1:] {
		if !isFacetTerm(t) {
			return word{}, false
		}
	}
	return words[0], true
}

// typedAsItself returns the word the query p is and whether p is one word typed alone (typedAlone)
// whose stem is p itself.
func typedAsItself(an *Analyzer, p string) (word, bool) {
	w, ok := typedAlone(an, p)
	return w, ok && w.primary == p
}

// pageOf ranks the one-word query of leaves as search.js does (Engine.prototype.page, with
// every weight known: the same sums in the same order) and returns the documents shown and
// the offers found. postings hold the weights as exported.
func pageOf(leaves []leaf, postings map[string][]posting, offers int) (docs [2][]int, total int) {
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
		if d < offers {
			total++
		}
	}
	return shown(list, offers), total
}
