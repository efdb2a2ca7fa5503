package content

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Readability of the family-facing text is measured with LIX (Björnsson's læsbarhedsindeks),
// the measure Danish plain-language guidance uses: the average sentence length in words plus
// the share of long words (more than six letters) in per cent. Below 25 is very easy, 35–44
// is the level of a newspaper, 45 and up is hard.

// lixResult is the readability of a text.
type lixResult struct {
	Score     float64
	Words     int
	Sentences int
	Longest   []string // the longest sentences, longest first
	LongWords []string // the longest distinct words, longest first
}

// lix measures text and names its longest sentences and words. A sentence ends at ".", "!",
// "?", ":" or the end of a block (a line of the plain text: a paragraph, heading or list item).
func lix(text string) lixResult { return measureLix(text, true) }

// lixScore measures text without naming the longest sentences and words: what every offer
// needs, while only offers above the limit need the names.
func lixScore(text string) lixResult { return measureLix(text, false) }

func measureLix(text string, detail bool) lixResult {
	var res lixResult
	type sentence struct {
		text  string
		words int
	}
	var sentences []sentence
	var long map[string]int
	if detail {
		long = map[string]int{}
	}
	longCount := 0
	for _, line := range strings.Split(text, "\n") {
		start := 0
		words := 0
		inWord := false
		letters := 0
		wordStart := 0
		endWord := func(end int) {
			if !inWord {
				return
			}
			inWord = false
			words++
			res.Words++
			if letters > 6 {
				longCount++
				if detail {
					long[strings.ToLower(line[wordStart:end])] = letters
				}
			}
		}
		endSentence := func(end int) {
			if words > 0 {
				if detail {
					sentences = append(sentences, sentence{strings.TrimSpace(line[start:end]), words})
				}
				res.Sentences++
			}
			start, words = end, 0
		}
		for i, r := range line {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || (inWord && (r == '-' || r == '\'')):
				if !inWord {
					inWord, letters, wordStart = true, 0, i
				}
				if unicode.IsLetter(r) {
					letters++
				}
			default:
				endWord(i)
				if r == '.' || r == '!' || r == '?' || r == ':' {
					// "f.eks." and "kl. 8" are not sentence ends when a lower-case letter or digit follows.
					rest := strings.TrimLeft(line[i+utf8.RuneLen(r):], " ")
					if next, _ := utf8.DecodeRuneInString(rest); rest != "" && r == '.' && (unicode.IsLower(next) || unicode.IsDigit(next)) {
						continue
					}
					endSentence(i + utf8.RuneLen(r))
				}
			}
		}
		endWord(len(line))
		endSentence(len(line))
	}
	if res.Words == 0 || res.Sentences == 0 {
		return res
	}
	res.Score = float64(res.Words)/float64(res.Sentences) + 100*float64(longCount)/float64(res.Words)
	if !detail {
		return res
	}
	sort.SliceStable(sentences, func(i, j int) bool { return sentences[i].words > sentences[j].words })
	for i := 0; i < len(sentences) && i < 2; i++ {
		res.Longest = append(res.Longest, fmt.Sprintf("%q (%d ord)", shorten(sentences[i].text, 70), sentences[i].words))
	}
	words := make([]string, 0, len(long))
	for w := range long {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if long[words[i]] != long[words[j]] {
			return long[words[i]] > long[words[j]]
		}
		return words[i] < words[j]
	})
	if len(words) > 3 {
		words = words[:3]
	}
	res.LongWords = words
	return res
}

// shorten cuts s to at most n runes at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	runes := 0 // runes before i
	for i, r := range s {
		if runes > n {
			break
		}
		if r == ' ' {
			cut = i
		}
		runes++
	}
	if cut == 0 {
		return string([]rune(s)[:n]) + " …"
	}
	return s[:cut] + " …"
}

// lixNote adds a warning when an offer's family-facing text is harder to read than the site's
// limit; it names the longest sentences and words, which are what to shorten first.
func (l *loader) lixNote(p *parsed) {
	limit := l.site.Config.LixLimit
	if limit <= 0 || p.lix == nil { // p.lix is measured when the file is parsed
		return
	}
	if p.lix.Sentences == 0 || p.lix.Score <= float64(limit) {
		return
	}
	r := lix(p.doc.FamilyText) // with the longest sentences and words
	msg := fmt.Sprintf("teksten til familier har LIX %.0f (grænsen er %d); gør de længste sætninger kortere: %s",
		r.Score, limit, strings.Join(r.Longest, ", "))
	if len(r.LongWords) > 0 {
		msg += "; og find kortere ord for " + strings.Join(r.LongWords, ", ")
	}
	l.report.Warnings.Add(Position{File: p.f.name, Line: p.bodyLine, Col: 1}, "%s", msg)
}
