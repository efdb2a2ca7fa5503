package search

import (
	"math"
	"slices"
	"strings"

	"tilbudsviften/internal/par"
)

// BM25 as bleve v2.6 scores it (search/scorer/scorer_term.go): for a term in a field,
//
//	idf   = ln(1 + (N - df + 0.5) / (df + 0.5))
//	tf    = sqrt(freq)
//	len   = 1 / norm², norm = float32(1 / sqrt(tokens in the field))
//	avgdl = ceil(distinct terms of the field / N)
//	bm25  = idf · tf · k1 / (tf + k1 · (1 - b + b · len / avgdl))
//
// and a term query with boost B scores B · idf · queryNorm · bm25. N counts every document.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// analysed holds a document's analysed fields.
type analysed struct {
	freq   [numFields]map[string]int
	length [numFields]int
	words  []string // the surface words, folded, once each
}

// analyseAll analyses every document's fields on all processors.
func analyseAll(an *Analyzer, docs []*doc) []analysed {
	out := make([]analysed, len(docs))
	par.For(len(docs), func(i int) {
		for f := 0; f < numFields; f++ {
			if isRaw(f) {
				terms := strings.Fields(docs[i].Fields[f])
				m := make(map[string]int, len(terms))
				for _, t := range terms {
					m[t]++
				}
				out[i].freq[f], out[i].length[f] = m, len(terms)
				continue
			}
			toks := an.Analyze(docs[i].Fields[f])
			if f == fieldTitle {
				toks = slices.DeleteFunc(toks, func(t Token) bool { return t.kind == kindPart })
			}
			m := make(map[string]int, len(toks))
			for _, t := range toks {
				m[t.Term]++
				if t.kind == kindWord {
					out[i].words = append(out[i].words, t.Folded)
				}
			}
			out[i].freq[f], out[i].length[f] = m, len(toks)
		}
		slices.Sort(out[i].words)
		out[i].words = slices.Compact(out[i].words)
	})
	return out
}

// surfaceWords returns the folded surface words of the analysed documents, sorted, once each.
func surfaceWords(as []analysed) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.words...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dictionary returns the terms that may be compound parts: every term of the analysed
// documents but synonym groups, and every one-word synonym. search.js builds the same set from
// meta.json's vocabulary and groups.
func dictionary(as []analysed, groups []Group) map[string]bool {
	dict := map[string]bool{}
	for _, g := range groups {
		for _, p := range g.Phrases {
			if len(p) == 1 {
				dict[p[0]] = true
			}
		}
	}
	for _, a := range as {
		for f := range a.freq {
			for t := range a.freq[f] {
				if t[0:1] != groupPrefix {
					dict[t] = true
				}
			}
		}
	}
	return dict
}

// posting is one document's weight for a term.
type posting struct {
	doc    int
	weight float64
}

// weights returns, per term, the documents it occurs in (in document order) with the term's
// weight: coord · Σ over fields of boost · idf · bm25, which is what a bleve disjunction of one
// boosted term query per field scores, divided by the query norm. dfSum is the term's document
// count summed over fields, as bleve's field dictionaries report it.
func weights(as []analysed) (postings map[string][]posting, dfSum map[string]int) {
	n := float64(len(as))
	var df [numFields]map[string]int
	var avgdl [numFields]float64
	dfSum = map[string]int{}
	for f := 0; f < numFields; f++ {
		df[f] = map[string]int{}
		for _, a := range as {
			for t := range a.freq[f] {
				df[f][t]++
				dfSum[t]++
			}
		}
		avgdl[f] = math.Ceil(float64(len(df[f])) / n)
	}
	postings = map[string][]posting{}
	for d, a := range as {
		terms := map[string]int{} // fields matched
		sums := map[string]float64{}
		for f := 0; f < numFields; f++ {
			if a.length[f] == 0 {
				continue
			}
			norm := float64(float32(1 / math.Sqrt(float64(a.length[f]))))
			fl := 1 / (norm * norm)
			for t, freq := range a.freq[f] {
				dft := float64(df[f][t])
				idf := math.Log(1 + (n-dft+0.5)/(dft+0.5))
				tf := math.Sqrt(float64(freq))
				bm := idf * (tf * bm25K1) / (tf + bm25K1*(1-bm25B+(bm25B*fl/avgdl[f])))
				sums[t] += fieldBoosts[f] * idf * bm
				terms[t]++
			}
		}
		for t, s := range sums {
			if !isPad(t) { // no query yields it: it only pads a facet field
				postings[t] = append(postings[t], posting{d, s * float64(terms[t]) / numFields})
			}
		}
	}
	return postings, dfSum
}
