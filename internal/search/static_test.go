package search

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// staticIndex ranks from the exported files alone, as search.js does: a second implementation
// of the browser's ranking, in Go, to hold the export's weights equal to bleve's scores and to
// count the bytes a query fetches.
type staticIndex struct {
	t      testing.TB
	an     *Analyzer
	meta   Meta
	vocab  *vocabulary
	files  map[string][]byte
	loaded map[string]bool // files read, for the bytes-per-query figures
	terms  map[int]*staticTerm
	rows   map[int][4]string // document rows read with the head shards
	early  [2]bool           // per kind: the last page top settled had matches of unknown score
}

// staticTerm is a term as read from its head and the further levels read so far.
type staticTerm struct {
	i     int
	docs  []int      // every document of the term
	w     []float64  // weight per document, NaN while its level is unread
	max   [2]float64 // the largest weight NaN stands for: offers, other pages
	level int        // levels read
}

func openStatic(t testing.TB, files map[string][]byte, synonyms [][]string) *staticIndex {
	t.Helper()
	st := &staticIndex{t: t, files: files, loaded: map[string]bool{}, terms: map[int]*staticTerm{}, rows: map[int][4]string{}}
	if err := json.Unmarshal(files[MetaPath], &st.meta); err != nil {
		t.Fatal(err)
	}
	terms := unFrontCode(st.meta.Vocab)
	st.an = analyzerOf(st.meta.Groups) // as search.js builds it
	if st.meta.Compounds {
		// As search.js builds it: the one-word synonyms and every term but the groups.
		dict := dictionary(nil, st.meta.Groups)
		for _, term := range terms {
			if term[:1] != groupPrefix {
				dict[term] = true
			}
		}
		st.an.SetCompounds(dict)
	}
	st.vocab = newVocabulary(terms, st.meta.DF)
	return st
}

// unFrontCode reverses frontCode.
func unFrontCode(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	var prev []uint16
	for _, e := range strings.Split(s, " ") {
		p, _ := strconv.ParseInt(e[:1], 36, 0)
		prev = append(prev[:p:p], utf16.Encode([]rune(e[1:]))...)
		out = append(out, string(utf16.Decode(prev)))
	}
	return out
}

// read returns a file's parsed JSON, recording that it was fetched.
func (st *staticIndex) read(path string, v any) {
	st.loaded[path] = true
	if err := json.Unmarshal(st.files[path], v); err != nil {
		st.t.Fatalf("%s: %v", path, err)
	}
}

// term returns term i as its head gives it.
func (st *staticIndex) term(i int) *staticTerm {
	if x := st.terms[i]; x != nil {
		return x
	}
	shard := sort.SearchInts(st.meta.Shards, i+1) - 1
	var rows []json.RawMessage
	var shown map[string][4]string
	st.read(headPath(shard, st.meta.Hash), &[2]any{&rows, &shown})
	for d, row := range shown {
		n, err := strconv.Atoi(d)
		if err != nil {
			st.t.Fatalf("shard %d: document %q", shard, d)
		}
		st.rows[n] = row
	}
	x := &staticTerm{i: i}
	var head []float64
	if err := json.Unmarshal(rows[i-st.meta.Shards[shard]], &head); err == nil {
		doc := 0
		for k := 0; k+1 < len(head); k += 2 {
			doc += int(head[k])
			x.docs = append(x.docs, doc)
			x.w = append(x.w, head[k+1])
		}
		st.terms[i] = x
		return x
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(rows[i-st.meta.Shards[shard]], &parts); err != nil || len(parts) != 4 {
		st.t.Fatalf("term %d: a head is neither postings nor [set, heaviest, maxOffer, maxOther]", i)
	}
	var bitmap string
	if json.Unmarshal(parts[0], &bitmap) == nil {
		bm, err := base64.StdEncoding.DecodeString(bitmap)
		if err != nil {
			st.t.Fatal(err)
		}
		for d := 0; d < st.meta.Docs; d++ {
			if bm[d/8]&(1<<(d%8)) != 0 {
				x.docs = append(x.docs, d)
			}
		}
	} else {
		var deltas []int
		json.Unmarshal(parts[0], &deltas)
		doc := 0
		for _, d := range deltas {
			doc += d
			x.docs = append(x.docs, doc)
		}
	}
	x.w = make([]float64, len(x.docs))
	for k := range x.w {
		x.w[k] = math.NaN()
	}
	st.fill(x, parts[1:])
	st.terms[i] = x
	return x
}

// fill sets the weights of a level, [postings, maxOffer, maxOther], into x.
func (st *staticIndex) fill(x *staticTerm, parts []json.RawMessage) {
	var pairs []float64
	json.Unmarshal(parts[0], &pairs)
	doc := 0
	for k := 0; k+1 < len(pairs); k += 2 {
		doc += int(pairs[k])
		x.w[sort.SearchInts(x.docs, doc)] = pairs[k+1]
	}
	json.Unmarshal(parts[1], &x.max[0])
	json.Unmarshal(parts[2], &x.max[1])
}

// deepen reads the term's next level, if any is left; it reports whether it read one.
func (st *staticIndex) deepen(x *staticTerm) bool {
	if x == nil || x.max == [2]float64{} {
		return false
	}
	x.level++
	var parts []json.RawMessage
	st.read(levelPath(x.i, x.level, st.meta.Hash), &parts)
	if parts[0][0] == '[' {
		st.fill(x, parts)
		return true
	}
	k := 0 // the last level: the weights left, in document order
	for j := range x.w {
		if math.IsNaN(x.w[j]) {
			json.Unmarshal(parts[k], &x.w[j])
			k++
		}
	}
	x.max = [2]float64{}
	return true
}

// rank returns every document matching q, best first, as Index.Search ranks them, reading
// every level it needs.
func (st *staticIndex) rank(q string) []scored {
	words, _ := st.an.parse(q)
	ls, terms := st.leaves(words)
	for _, x := range terms {
		for st.deepen(x) {
		}
	}
	list, _, _ := st.score(words, ls, terms)
	return rankApart(list, st.meta.Offers)
}

func (st *staticIndex) leaves(words []word) ([][]leaf, []*staticTerm) {
	var ls [][]leaf
	var terms []*staticTerm
	for _, w := range words {
		l := w.leaves(st.vocab)
		ls = append(ls, l)
		for _, x := range l {
			if i, ok := st.vocab.index[x.term]; ok {
				terms = append(terms, st.term(i))
			} else {
				terms = append(terms, nil)
			}
		}
	}
	return ls, terms
}

// score scores the documents matching the words: exact holds those whose every weight is
// known, upper the highest score the others may reach, per kind (offers, other pages); matched
// lists every match.
func (st *staticIndex) score(words []word, ls [][]leaf, terms []*staticTerm) (exact []scored, upper [2]float64, matched []int) {
	n := st.meta.Docs
	total, high := make([]float64, n), make([]float64, n)
	count, unknown := make([]int, n), make([]bool, n)
	k := 0
	for _, wl := range ls {
		sum, hi, c := make([]float64, n), make([]float64, n), make([]int, n)
		var touched []int
		for _, l := range wl {
			x := terms[k]
			k++
			if x == nil {
				continue
			}
			for j, d := range x.docs {
				if c[d] == 0 {
					touched = append(touched, d)
				}
				c[d]++
				if w := x.w[j]; !math.IsNaN(w) {
					sum[d] += l.boost * w
				} else {
					hi[d] += l.boost * x.max[st.kind(d)]
					unknown[d] = true
				}
			}
		}
		for _, d := range touched {
			total[d] += sum[d] * float64(c[d]) / float64(len(wl))
			high[d] += (sum[d] + hi[d]) * float64(c[d]) / float64(len(wl))
			if count[d] == 0 {
				matched = append(matched, d)
			}
			count[d]++
		}
	}
	for _, d := range matched {
		if unknown[d] {
			upper[st.kind(d)] = max(upper[st.kind(d)], high[d]*float64(count[d])/float64(len(words)))
		} else {
			exact = append(exact, scored{d, total[d] * float64(count[d]) / float64(len(words))})
		}
	}
	return exact, upper, matched
}

// kind is 0 for an offer, 1 for another page.
func (st *staticIndex) kind(d int) int {
	if d < st.meta.Offers {
		return 0
	}
	return 1
}

// top returns the first documents of q's ranking as search.js settles them for a page of size
// offers and 3 other pages without filters: from the heads, reading further levels of the
// terms only while the bounds leave the page open. Offers come first, then the other pages,
// each ranked apart.
func (st *staticIndex) top(q string, size int) []scored {
	words, _ := st.an.parse(q)
	ls, terms := st.leaves(words)
	for {
		exact, upper, matched := st.score(words, ls, terms)
		var out []scored
		open := false
		st.early = [2]bool{}
		for kind, want := range []int{size, shownOthers} {
			var ex []scored
			var all int
			for _, s := range exact {
				if st.kind(s.doc) == kind {
					ex = append(ex, s)
				}
			}
			for _, d := range matched {
				if st.kind(d) == kind {
					all++
				}
			}
			n := settled(ex, upper[kind], all, want)
			open = open || n < 0
			st.early[kind] = len(ex) < all
			out = append(out, ex[:max(n, 0)]...)
		}
		if !open {
			return out
		}
		more := false
		for _, x := range terms {
			more = st.deepen(x) || more
		}
		if !more {
			st.t.Fatalf("%q: every level read and the page still open", q)
		}
	}
}

// settled ranks the exact scores of one kind of document (all matches of the kind, exact or
// not) and returns how many of its first are the ranking's, want of them (or all there are),
// when no document of unknown score (at most upper) can come before them or join their last
// run of ties; otherwise -1. As search.js's settle.
func settled(exact []scored, upper float64, all, want int) int {
	top := 0.0
	for _, s := range exact {
		top = max(top, s.score)
	}
	ends := rank(exact)
	if len(exact) == all {
		return all
	}
	want = min(want, all)
	i := 0
	for _, j := range ends {
		if j < want {
			i = j
			continue
		}
		low := top
		for _, s := range exact[i:j] {
			low = min(low, s.score)
		}
		if upper*(1+1e-9) < low-top*tieEpsilon {
			return j
		}
		return -1
	}
	return -1
}

// page reads the documents search.js shows for q without filters: the first size offers and
// the first 3 other pages of its first page.
func (st *staticIndex) page(q string, size int) {
	offers, others := 0, 0
	for _, s := range st.top(q, size) {
		if s.doc < st.meta.Offers && offers < size {
			offers++
			st.doc(s.doc)
		} else if s.doc >= st.meta.Offers && others < shownOthers {
			others++
			st.doc(s.doc)
		}
	}
}

// doc returns document d's row, from the head shards read or else from its chunk.
func (st *staticIndex) doc(d int) [4]string {
	if row, ok := st.rows[d]; ok {
		return row
	}
	var rows [][4]string
	st.read(docPath(d/st.meta.Chunk, st.meta.Hash), &rows)
	return rows[d%st.meta.Chunk]
}

func (st *staticIndex) describe(list []scored, n int) string {
	s := ""
	for i, x := range list {
		if i == n {
			break
		}
		s += fmt.Sprintf("\n  %.6g %s", x.score, st.doc(x.doc)[1])
	}
	return s
}
