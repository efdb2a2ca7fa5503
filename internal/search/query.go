package search

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A query is a list of words; each word is a set of leaves (term, boost) and a document's
// score is what bleve gives the query
//
//	disjunction over words of (disjunction over the word's leaves of
//	    (disjunction over fields of term query(term, field, boost · field boost)))
//
// with bleve's coord factor (matched / all) at every disjunction. search.js computes the same
// from the exported weights. Words are what the analysis puts at one position: the stem, the
// synonym groups ending there and compound parts. A word whose stem the vocabulary lacks gets
// typo matches (one edit from 5 letters, two from 9) and, when it is the last word and the
// query does not end in a space, prefix matches.
const (
	maxFuzzy    = 8
	maxPrefix   = 8
	minPrefix   = 3
	fuzzyBoost1 = 0.5
	fuzzyBoost2 = 0.25
	prefixBoost = 0.5
	tieEpsilon  = 1e-4 // scores within this fraction of the top score count as equal
)

type leaf struct {
	term  string
	boost float64
}

type word struct {
	folded  string // the surface word, folded; empty when the position has only groups
	primary string // its stem
	terms   []string
	last    bool
	pos     int
}

// vocabulary is the index's term list with document counts summed over fields.
type vocabulary struct {
	terms []string // sorted
	df    []int
	index map[string]int
	runes [][]rune // per term its code points (nil for groups)
	byLen [][]int  // the terms (groups left out) by their number of code points, in order
}

func newVocabulary(terms []string, df []int) *vocabulary {
	v := &vocabulary{terms: terms, df: df, index: make(map[string]int, len(terms)), runes: make([][]rune, len(terms))}
	for i, t := range terms {
		v.index[t] = i
		if t[0:1] != groupPrefix {
			v.runes[i] = []rune(t)
			n := len(v.runes[i])
			for len(v.byLen) <= n {
				v.byLen = append(v.byLen, nil)
			}
			v.byLen[n] = append(v.byLen[n], i)
		}
	}
	return v
}

// prefixRange returns the terms starting with p: v.terms[i:end] (sorted bytewise, so they
// stand together).
func (v *vocabulary) prefixRange(p string) (i, end int) {
	i = sort.SearchStrings(v.terms, p)
	end = i + sort.Search(len(v.terms)-i, func(j int) bool { return !strings.HasPrefix(v.terms[i+j], p) })
	return i, end
}

// Ages in a query. An age becomes the age filter and its words are dropped: "15 år", "15 års",
// "15-årig", "15årige", "16-åring", "fire år", "fireårig", "fjortenårige", "14 årig"; a bare
// number after "på" or "er" or after a word for a child ("min søn på 4", "datter 14": After),
// and a number alone ("4"), up to Max; "på fire"; months and weeks ("3 måneder", "6 uger") are
// age 0. A number followed by "." and more ("9. klasse"), or by "klasse", is no age.
var ageWord = regexp.MustCompile(ages.Pattern)

// AgeWords are the words readAge reads ages by, folded; Meta.Ages gives them to search.js.
type AgeWords struct {
	Pattern  string         `json:"pattern"`  // one word with its unit: "15år", "15-årig" (one token each side), "fireårig"
	Units    []string       `json:"units"`    // "15 år", "15-årig", "15årige", "fireårig"
	Infant   []string       `json:"infant"`   // "3 måneder", "6 uger": age 0
	After    []string       `json:"after"`    // a bare number after these is an age: "på 4", "er 4", "datter 14"
	Ordinal  []string       `json:"ordinal"`  // a number before these is none: "9 klasse"
	Numerals map[string]int `json:"numerals"` // number words; "en" and "et" only with a unit
	Max      int            `json:"max"`      // the highest bare number read as an age ("1813" is none)
}

var ages = func() AgeWords {
	a := AgeWords{
		Units:  []string{"ar", "ars", "arig", "arige", "aring", "aringer"},
		Infant: []string{"maned", "maneder", "maneders", "mdr", "uge", "uger", "ugers"},
		After: append([]string{"pa", "er"}, foldAll("søn sønnen datter datteren dreng drengen pige pigen bror "+
			"lillebror storebror søster lillesøster storesøster barn barnet baby babyen")...),
		Ordinal: []string{"klasse", "kl", "klassetrin"},
		Numerals: map[string]int{"nul": 0, "en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
			"syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
			"seksten": 16, "sytten": 17, "atten": 18, "nitten": 19, "tyve": 20},
		Max: 25,
	}
	a.Pattern = `^([0-9]{1,2}|[a-z]+)(` + strings.Join(a.Units, "|") + `)$`
	return a
}()

// foldAll returns the words of s, folded.
func foldAll(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		out = append(out, Fold(w))
	}
	return out
}

// fillerWords are the words a sentence is made of that say nothing of what is sought: pronouns,
// the family ("min søn", "vores datter", "far"), everyday verbs and adverbs, question words.
// They count in phrases (synonyms, topics) and ages but not as words of their own, unless
// the query has no other (docs/search.md). Written as they are typed; matched folded.
var fillerWords = strings.Fields(`
	min mit mine din dit dine vores jeres hans hendes deres sin sit sine jeg du han hun vi de dem
	mig dig os jer ham hende man
	søn sønnen sønner sønnerne datter datteren døtre døtrene dreng drengen drenge drengene pige
	pigen piger pigerne bror broren brødre lillebror lillebroren storebror storebroren søster
	søsteren søstre lillesøster lillesøsteren storesøster storesøsteren søskende mor moren mors
	far faren fars forældre forældrene mormor morfar farmor farfar bedstemor bedstefar ven vennen
	venner vennerne
	veninde veninden veninder kammerat kammerater klassekammerat klassekammerater
	har have havde haft er var været bliver blev blevet kan kunne skal skulle vil ville gør
	gjorde gøre får fik føler synes syntes tror ved går gik kommer sagt siger hedder lave laver
	lidt meget helt bare også altid tit ofte hele tiden nu lige rigtig virkelig så godt mere
	mest nok jo vist måske stadig længere igen ret næsten bare lille
	hvad hvor hvordan hvem hvornår hvorfor hvilken hvilke hvilket
	hjælp hjælpe hjælper få finde søger
	år gammel gamle ting noget nogen nogle andre anden andet hinanden problem problemer svært svær
`)

// filler is fillerWords folded, for parse; Meta.Filler lists it for search.js.
var filler = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range fillerWords {
		m[Fold(w)] = true
	}
	return m
}()

// fillerList returns the folded filler words, sorted.
func fillerList() []string { return slices.Sorted(maps.Keys(filler)) }

// parse analyses a query into words and an age, or -1. Filler words are dropped but for the
// synonym groups, topics and audiences their position holds; a query of filler words alone
// keeps them.
func (a *Analyzer) parse(q string) (words []word, age int) {
	age = -1
	toks := a.analyzeQuery(q)
	surface := a.words(q)
	lastPos, lastEnd := 0, 0
	if n := len(surface); n > 0 {
		lastPos, lastEnd = surface[n-1].Pos, surface[n-1].End
	}
	drop := map[int]bool{}
	for i := range surface {
		if n, used := readAge(q, surface, i); used > 0 {
			age = n
			for j := i; j < i+used; j++ {
				drop[surface[j].Pos] = true
			}
		}
	}
	var fillers []int // indices into words
	for _, t := range toks {
		if drop[t.Pos] {
			continue
		}
		if len(words) == 0 || t.Pos != words[len(words)-1].pos {
			words = append(words, word{pos: t.Pos})
		}
		w := &words[len(words)-1]
		if t.kind == kindWord {
			w.folded, w.primary = t.Folded, t.Term
			w.last = t.Pos == lastPos && lastEnd == len(q)
			if filler[t.Folded] {
				fillers = append(fillers, len(words)-1)
			}
		}
		if !slices.Contains(w.terms, t.Term) {
			w.terms = append(w.terms, t.Term)
		}
	}
	if len(fillers) == 0 {
		return words, age
	}
	// Keep of each filler word the groups its position holds; drop it when it holds none.
	kept := words[:0:0]
	isFiller := map[int]bool{}
	for _, i := range fillers {
		isFiller[i] = true
	}
	for i, w := range words {
		if !isFiller[i] {
			kept = append(kept, w)
			continue
		}
		var groups []string
		for _, t := range w.terms {
			if strings.HasPrefix(t, groupPrefix) {
				groups = append(groups, t)
			}
		}
		if len(groups) > 0 {
			kept = append(kept, word{pos: w.pos, terms: groups})
		}
	}
	if len(kept) == 0 {
		return words, age // filler alone: search for it as typed
	}
	return kept, age
}

// readAge reads an age starting at surface word i of q: the age and the number of words it
// takes (0: none). search.js reads them alike from Meta.Ages.
func readAge(q string, surface []Token, i int) (age, used int) {
	t := surface[i].Folded
	if m := ageWord.FindStringSubmatch(t); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			return n, 1
		}
		if n, ok := ages.Numerals[m[1]]; ok {
			return n, 1
		}
	}
	digits := isAllDigits(t) && len(t) <= 2
	n, ok := ages.Numerals[t]
	if digits {
		n, _ = strconv.Atoi(t)
	} else if !ok {
		return 0, 0
	}
	var next, prev string
	if i+1 < len(surface) {
		next = surface[i+1].Folded
	}
	if i > 0 {
		prev = surface[i-1].Folded
	}
	switch {
	case slices.Contains(ages.Units, next):
		return n, 2
	case slices.Contains(ages.Infant, next):
		return 0, 2
	}
	// A bare number: not an ordinal ("9. klasse"), not above Max, and only where an age is
	// written so.
	end := surface[i].End
	if end < len(q) && q[end] == '.' && strings.TrimSpace(q[end+1:]) != "" || slices.Contains(ages.Ordinal, next) || n > ages.Max {
		return 0, 0
	}
	if digits && (slices.Contains(ages.After, prev) || len(surface) == 1) ||
		!digits && t != "en" && t != "et" && prev == "pa" {
		return n, 1
	}
	return 0, 0
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// leaves returns the word's leaves: its terms, then typo and prefix matches from v.
func (w word) leaves(v *vocabulary) []leaf {
	var out []leaf
	for _, t := range w.terms {
		out = append(out, leaf{t, 1})
	}
	p := w.primary
	if p == "" || isAllDigits(p) {
		return out
	}
	if _, ok := v.index[p]; ok {
		return out
	}
	have := map[string]bool{}
	for _, t := range w.terms {
		have[t] = true
	}
	n := utf8.RuneCountInString(w.folded)
	k := 0
	if n >= 9 {
		k = 2
	} else if n >= 5 {
		k = 1
	}
	type cand struct {
		i, d int
	}
	var cands []cand
	if k > 0 {
		// Only terms within k code points of p's length can be within k edits.
		pr := []rune(p)
		for l := max(1, len(pr)-k); l <= len(pr)+k && l < len(v.byLen); l++ {
			for _, i := range v.byLen[l] {
				if d := levenshtein(pr, v.runes[i], k); d <= k {
					cands = append(cands, cand{i, d})
				}
			}
		}
		sort.Slice(cands, func(a, b int) bool {
			if cands[a].d != cands[b].d {
				return cands[a].d < cands[b].d
			}
			if da, db := v.df[cands[a].i], v.df[cands[b].i]; da != db {
				return da > db
			}
			return cands[a].i < cands[b].i
		})
		for j, c := range cands {
			if j == maxFuzzy {
				break
			}
			t := v.terms[c.i]
			if !have[t] {
				have[t] = true
				b := fuzzyBoost1
				if c.d == 2 {
					b = fuzzyBoost2
				}
				out = append(out, leaf{t, b})
			}
		}
	}
	if w.last && utf8.RuneCountInString(w.folded) >= minPrefix {
		// Terms starting with the stem: a Danish Snowball stem only ever drops letters from
		// the end, so they include every term starting with the folded word itself.
		var pre []int
		for i, end := v.prefixRange(p); i < end; i++ {
			if t := v.terms[i]; t != p && t[0:1] != groupPrefix {
				pre = append(pre, i)
			}
		}
		sort.SliceStable(pre, func(a, b int) bool { return v.df[pre[a]] > v.df[pre[b]] })
		for j, i := range pre {
			if j == maxPrefix {
				break
			}
			if t := v.terms[i]; !have[t] {
				have[t] = true
				out = append(out, leaf{t, prefixBoost})
			}
		}
	}
	return out
}

// levenshtein returns the edit distance of a and b, or max+1 when it exceeds max.
func levenshtein(a, b []rune, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = 1 + min(prev[j-1], prev[j], cur[j-1])
			}
			cur[j] = c
			best = min(best, c)
		}
		if best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// rankApart ranks the offers (documents 0 … offers-1) and the other pages apart, each as rank
// does, and returns the offers, then the other pages: the page shows them in two lists.
func rankApart(list []scored, offers int) []scored {
	kinds := apart(list, offers)
	rank(kinds[0])
	rank(kinds[1])
	return append(kinds[0], kinds[1]...)
}

// apart returns the offers (documents 0 … offers-1) and the other pages of list, each in
// list's order.
func apart(list []scored, offers int) (out [2][]scored) {
	for _, s := range list {
		kind := 0
		if s.doc >= offers {
			kind = 1
		}
		out[kind] = append(out[kind], s)
	}
	return out
}

// shown returns the documents a page of list shows: its shownOffers first offers and its
// shownOthers first other pages, each kind ranked apart as the rankers rank it.
func shown(list []scored, offers int) [2][]int {
	out := [2][]int{{}, {}}
	for kind, l := range apart(list, offers) {
		rank(l)
		for _, s := range l[:min(len(l), [2]int{shownOffers, shownOthers}[kind])] {
			out[kind] = append(out[kind], s.doc)
		}
	}
	return out
}

// scored is a document with its score.
type scored struct {
	doc   int
	score float64
}

// rank sorts by score, highest first; scores within tieEpsilon of the top score of each other
// in a run count as equal and go in document order. search.js ranks the same way, so float
// noise between bleve's sums and the browser's cannot reorder results. It returns where each
// run ends (exclusive).
func rank(list []scored) (ends []int) {
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].doc < list[j].doc
	})
	if len(list) == 0 {
		return nil
	}
	eps := list[0].score * tieEpsilon
	for i := 0; i < len(list); {
		j := i + 1
		for j < len(list) && list[j-1].score-list[j].score <= eps {
			j++
		}
		run := list[i:j]
		sort.Slice(run, func(a, b int) bool { return run[a].doc < run[b].doc })
		ends = append(ends, j)
		i = j
	}
	return ends
}
