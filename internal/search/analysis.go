package search

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"tilbudsviften/internal/site"
)

// groupPrefix starts the term a synonym group is indexed under. The tokenizer never yields it,
// so a group term cannot be typed and is never offered as a prefix or typo match.
const groupPrefix = "="

// Token is one term of an analysed text.
type Token struct {
	Term   string // the term as indexed: folded and stemmed, a synonym group or a compound part
	Folded string // the folded surface word; empty for synonym groups
	Pos    int    // position of the surface word, from 1; a group or part shares its word's
	Start  int    // byte offsets of the surface text in the input
	End    int
	kind   tokenKind
}

type tokenKind uint8

const (
	kindWord  tokenKind = iota // a word's stem
	kindStop                   // a stop word: dropped after synonym matching
	kindPart                   // a compound's part
	kindGroup                  // a synonym group
)

// Analyzer is Tilbudsviften's Danish analysis, the same for indexing and for queries, in Go and
// in search.js: bleve's Unicode tokenizer and lower-case filter, folding (æ→ae, ø/oe→o, å/aa→a,
// accents dropped), bleve's Danish stop words (folded), bleve's Snowball Danish stemmer, the
// editors' synonyms as group terms beside the words, and optionally dictionary-based compound
// splitting.
type Analyzer struct {
	tokenizer analysis.Tokenizer
	lower     analysis.TokenFilter
	stemmer   analysis.TokenFilter
	stop      map[string]bool
	phrases   map[string][]phrase // first term → phrases starting with it, longest first
	groups    []Group
	dict      map[string]bool // compound parts; nil: no splitting
	splits    *sync.Map       // folded word → its parts ([]string, nil when it does not split)
	stems     *sync.Map       // word → stem
}

// Group is one synonym group: its indexed term and its members as analysed term sequences.
type Group struct {
	Term    string     `json:"t"`
	Phrases [][]string `json:"p"`
}

type phrase struct {
	terms []string
	group string
}

// facet reports whether the phrase names a topic or an audience (its group is one's).
func (p phrase) facet() bool { return isFacetTerm(p.group) }

// NewAnalyzer returns the analysis for a site with the given synonym groups (each a list of
// words or phrases that mean the same).
func NewAnalyzer(synonyms [][]string) *Analyzer {
	a := &Analyzer{
		tokenizer: unicode.NewUnicodeTokenizer(),
		lower:     lowercase.NewLowerCaseFilter(),
		stemmer:   da.NewDanishStemmerFilter(),
		stop:      map[string]bool{},
		phrases:   map[string][]phrase{},
		stems:     &sync.Map{},
	}
	tm := analysis.NewTokenMap()
	if err := tm.LoadBytes(da.DanishStopWords); err == nil {
		for w := range tm {
			a.stop[Fold(w)] = true
		}
	}
	for _, words := range synonyms {
		a.addGroup("", words)
	}
	return a
}

// topicPrefix starts the group term of a topic: groupPrefix, "#", the topic's id; audiencePrefix
// that of an audience ("@"). The pads, a prefix alone, fill every offer's topic and audience
// fields to the same length (documents), so a topic's or an audience's term weighs the same in
// every offer that has it: it ranks the offers of a topic or audience a query names above the
// others without reordering them among themselves. No query yields a pad.
const (
	topicPrefix    = groupPrefix + "#"
	audiencePrefix = groupPrefix + "@"
	topicPad       = topicPrefix
	audiencePad    = audiencePrefix
)

// isFacetTerm reports whether t is a topic's or an audience's group term.
func isFacetTerm(t string) bool {
	return strings.HasPrefix(t, topicPrefix) || strings.HasPrefix(t, audiencePrefix)
}

// isPad reports whether t pads a facet field.
func isPad(t string) bool { return t == topicPad || t == audiencePad }

// newSiteAnalyzer returns the analysis of a site: the editors' synonym groups, then one group
// per topic, of the words and phrases that name it (its name and synonyms in emner.yaml), under
// the term topicPrefix + id, and one per audience that has synonyms in maalgrupper.yaml (the
// words that say who asks: "min søn", "vores datter" for parents), under audiencePrefix + id.
// A query that says a topic in everyday words ("skærer i sig selv", "snakker ikke") thus brings
// the topic's term, which the offers of that topic hold in their topic field (fieldTopics), and
// likewise for audiences (fieldAudiences). Documents are analysed without these groups.
func newSiteAnalyzer(s *site.Site) *Analyzer {
	a := NewAnalyzer(s.Synonyms)
	for _, t := range s.Topics {
		a.addGroup(topicPrefix+t.ID, append([]string{t.Name}, t.Synonyms...))
	}
	for _, au := range s.Audiences {
		if len(au.Synonyms) > 0 {
			a.addGroup(audiencePrefix+au.ID, au.Synonyms)
		}
	}
	return a
}

// addGroup adds a synonym group of words (words or phrases) under term, or, when term is
// empty, under groupPrefix and the first member's terms. A group whose term is taken already
// is left out.
func (a *Analyzer) addGroup(term string, words []string) {
	g := Group{Term: term}
	for _, w := range words {
		var terms []string
		for _, t := range a.words(w) {
			terms = append(terms, t.Term)
		}
		if len(terms) == 0 || slices.ContainsFunc(g.Phrases, func(p []string) bool { return slices.Equal(p, terms) }) {
			continue
		}
		if g.Term == "" {
			g.Term = groupPrefix + strings.Join(terms, "_")
		}
		g.Phrases = append(g.Phrases, terms)
	}
	if len(g.Phrases) == 0 || slices.ContainsFunc(a.groups, func(h Group) bool { return h.Term == g.Term }) {
		return
	}
	a.groups = append(a.groups, g)
	for _, p := range g.Phrases {
		a.phrases[p[0]] = append(a.phrases[p[0]], phrase{terms: p, group: g.Term})
	}
}

// Groups returns the synonym groups as the analyzer uses them.
func (a *Analyzer) Groups() []Group { return a.groups }

// StopWords returns the folded stop words, sorted.
func (a *Analyzer) StopWords() []string { return slices.Sorted(maps.Keys(a.stop)) }

// SetCompounds turns compound splitting on with the given dictionary of terms, or off (nil).
func (a *Analyzer) SetCompounds(dict map[string]bool) { a.dict, a.splits = dict, &sync.Map{} }

// Fold maps a lower-case word to the spelling search compares: "aa"
// and "å" become "a", "oe" and "ø" become "o", "æ" becomes "ae", and accents are dropped, so
// "børn", "boern" and "born" meet.
func Fold(s string) string {
	if isASCIIPlain(s) {
		return s
	}
	s = strings.ReplaceAll(s, "aa", "a")
	s = strings.ReplaceAll(s, "oe", "o")
	var b strings.Builder
	for _, r := range s {
		if f, ok := folds[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCIIPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
		if i > 0 && (s[i] == 'a' && s[i-1] == 'a' || s[i] == 'e' && s[i-1] == 'o') {
			return false
		}
	}
	return true
}

// folds maps letters to their folded spelling. search.js holds the same table.
var folds = map[rune]string{
	'æ': "ae", 'ø': "o", 'å': "a", 'ä': "ae", 'ö': "o", 'ü': "u",
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ý': "y", 'ÿ': "y",
}

// Stem returns bleve's Snowball Danish stem of a word.
func (a *Analyzer) Stem(word string) string {
	if v, ok := a.stems.Load(word); ok {
		return v.(string)
	}
	ts := a.stemmer.Filter(analysis.TokenStream{&analysis.Token{Term: []byte(word)}})
	stem := string(ts[0].Term)
	a.stems.Store(word, stem)
	return stem
}

// words tokenizes, lower-cases, folds, marks stop words and stems the rest.
func (a *Analyzer) words(text string) []Token {
	ts := a.lower.Filter(a.tokenizer.Tokenize([]byte(text)))
	out := make([]Token, 0, len(ts))
	for _, t := range ts {
		f := Fold(string(t.Term))
		tok := Token{Term: f, Folded: f, Pos: t.Position, Start: t.Start, End: t.End}
		if a.stop[f] {
			tok.kind = kindStop
		} else {
			tok.Term = a.Stem(f)
		}
		out = append(out, tok)
	}
	return out
}

// Analyze returns the terms of a document's text in order: each word that is not a stop word,
// followed by the synonym groups whose phrase ends at it and the parts it splits into. The
// topics' groups are left out: a document holds its topics in its topic field alone.
func (a *Analyzer) Analyze(text string) []Token { return a.analyze(text, false) }

// analyzeQuery is Analyze for a query: the topics' and audiences' groups included, so a query
// that names a topic brings its term, the longest phrase winning (longestFacets); search.js
// analyses every text so.
func (a *Analyzer) analyzeQuery(text string) []Token { return a.analyze(text, true) }

func (a *Analyzer) analyze(text string, query bool) []Token {
	ws := a.words(text)
	var out []Token
	var groupsAt map[int][]Token
	for i, w := range ws {
		for _, p := range a.phrases[w.Term] {
			if !query && p.facet() || i+len(p.terms) > len(ws) || !matches(ws[i:i+len(p.terms)], p.terms) {
				continue
			}
			last := ws[i+len(p.terms)-1]
			if groupsAt == nil {
				groupsAt = map[int][]Token{}
			}
			if !hasGroup(groupsAt[last.Pos], p.group) {
				groupsAt[last.Pos] = append(groupsAt[last.Pos], Token{Term: p.group, Pos: last.Pos, Start: w.Start, End: last.End, kind: kindGroup})
			}
		}
	}
	for _, w := range ws {
		if w.kind != kindStop {
			out = append(out, w)
			if a.dict != nil {
				for _, part := range a.split(w.Folded) {
					if part != w.Term {
						out = append(out, Token{Term: part, Folded: w.Folded, Pos: w.Pos, Start: w.Start, End: w.End, kind: kindPart})
					}
					// A part that is a one-word synonym brings its group: "tandbøjle"
					// finds what "bøjle" finds.
					for _, p := range a.phrases[part] {
						if len(p.terms) == 1 && (query || !p.facet()) && !hasGroup(groupsAt[w.Pos], p.group) {
							if groupsAt == nil {
								groupsAt = map[int][]Token{}
							}
							groupsAt[w.Pos] = append(groupsAt[w.Pos], Token{Term: p.group, Pos: w.Pos, Start: w.Start, End: w.End, kind: kindGroup})
						}
					}
				}
			}
		}
		out = append(out, groupsAt[w.Pos]...)
	}
	if query {
		out = longestFacets(out)
	}
	return out
}

// longestFacets drops the topic and audience groups whose phrase lies inside another's: in "min
// ven gør skade på sig selv" the topic of "gør skade på sig selv" (self-harm) stands, not that
// of "skade" (illness) nor that of "ven". Words are kept.
func longestFacets(toks []Token) []Token {
	var facets []Token
	for _, t := range toks {
		if t.kind == kindGroup && isFacetTerm(t.Term) {
			facets = append(facets, t)
		}
	}
	out := toks[:0]
	for _, t := range toks {
		inside := t.kind == kindGroup && isFacetTerm(t.Term) && slices.ContainsFunc(facets, func(u Token) bool {
			return u.Start <= t.Start && t.End <= u.End && (u.Start != t.Start || u.End != t.End)
		})
		if !inside {
			out = append(out, t)
		}
	}
	return out
}

func hasGroup(toks []Token, group string) bool {
	for _, t := range toks {
		if t.Term == group {
			return true
		}
	}
	return false
}

func matches(ws []Token, terms []string) bool {
	for i, t := range terms {
		if ws[i].Term != t {
			return false
		}
	}
	return true
}

// Compound splitting: a folded word of 8 letters or more splits into a head and a tail when
// both stem to terms of the dictionary and neither is a stop word; the head may end in a
// linking "s" or "e". The longest tail wins. Measured in docs/search.md.
const (
	compoundMin     = 8
	compoundMinHead = 3
	compoundMinTail = 4
)

// split returns the stems of a compound's two parts, or nil. Words repeat, and trying every
// cut stems many strings, so the answer is kept per word.
func (a *Analyzer) split(folded string) []string {
	if v, ok := a.splits.Load(folded); ok {
		return v.([]string)
	}
	parts := a.trySplit(folded)
	a.splits.Store(folded, parts)
	return parts
}

func (a *Analyzer) trySplit(folded string) []string {
	r := []rune(folded)
	if len(r) < compoundMin {
		return nil
	}
	for i := compoundMinHead; i <= len(r)-compoundMinTail; i++ {
		tail := a.Stem(string(r[i:]))
		if !a.dict[tail] || a.stop[string(r[i:])] {
			continue
		}
		// A stop word is no part: "forældre" is not "for" + "ældre".
		if h := a.Stem(string(r[:i])); a.dict[h] && !a.stop[string(r[:i])] {
			return []string{h, tail}
		}
		if i > compoundMinHead && (r[i-1] == 's' || r[i-1] == 'e') {
			if h := a.Stem(string(r[:i-1])); a.dict[h] && !a.stop[string(r[:i-1])] {
				return []string{h, tail}
			}
		}
	}
	return nil
}
