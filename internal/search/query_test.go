package search

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseAge(t *testing.T) {
	an := NewAnalyzer(nil)
	for _, tc := range []struct {
		q     string
		age   int
		words string
	}{
		{"hash 15 år", 15, "hash"},
		{"hash 15 aar", 15, "hash"},
		{"15-årig ensom", 15, "ensom"},
		{"7årige", 7, ""},
		{"en 16-åring drikker", 16, "drik"},
		{"3 års", 3, ""},
		{"år", -1, "ar"},
		{"1813", -1, "1813"},
		{"15", 15, ""},
		{"150 år", -1, "150"},
		{"min søn på 4 snakker ikke", 4, "snak"},
		{"min søn på 4", 4, "son"},
		{"vores datter på 14 vil ikke spise", 14, "spis"},
		{"datter 14 spiser ikke", 14, "spis"},
		{"han er 6 og kan ikke sidde stille", 6, "sid stil"},
		{"fireårig bider", 4, "bid"},
		{"fjortenårige pjækker", 14, "pjaek"},
		{"fire år og taler ikke", 4, "tal"},
		{"14-årige drikker", 14, "drik"},
		{"14 årig ensom", 14, "ensom"},
		{"min søn på fire", 4, "son"},
		{"baby 3 måneder græder", 0, "baby graed"},
		{"6 uger gammel", 0, "gammel"},
		{"praktik i 9. klasse", -1, "praktik 9 klas"},
		{"9 klasse", -1, "9 klas"},
		{"vi har 2 børn", -1, "2 born"},
		{"på en skole", -1, "skol"},
		{"ring 116 111", -1, "ring 116 111"},
	} {
		words, age := an.parse(tc.q)
		var got []string
		for _, w := range words {
			got = append(got, w.primary)
		}
		if age != tc.age || strings.Join(got, " ") != tc.words {
			t.Errorf("parse(%q) = %q, age %d; want %q, age %d", tc.q, strings.Join(got, " "), age, tc.words, tc.age)
		}
	}
}

// TestParseLast holds that only a query's last word, typed to the end, is matched as a prefix.
func TestParseLast(t *testing.T) {
	an := NewAnalyzer(nil)
	words, _ := an.parse("angst skil")
	if len(words) != 2 || words[0].last || !words[1].last {
		t.Errorf("parse(%q): want only the last word marked last: %+v", "angst skil", words)
	}
	words, _ = an.parse("angst skil ")
	if len(words) != 2 || words[1].last {
		t.Errorf("parse(%q): a space ends the last word: %+v", "angst skil ", words)
	}
}

func TestLevenshtein(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		max  int
		want int
	}{
		{"skilsmis", "skilsmis", 1, 0},
		{"skilsmis", "skilsmiss", 1, 1},
		{"sundhedsplejerk", "sundhedsplejersk", 2, 1},
		{"sundhedsplejrk", "sundhedsplejersk", 2, 2},
		{"kat", "hund", 1, 2},
		{"abcdef", "ab", 2, 3},
		{"børn", "born", 1, 1},
	} {
		if got := levenshtein([]rune(tc.a), []rune(tc.b), tc.max); got != tc.want {
			t.Errorf("levenshtein(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.max, got, tc.want)
		}
	}
}

// TestLeaves holds the typo and prefix rules: one typo from 5 letters, two from 9, none below;
// a prefix only for the last word; nothing extra for a word the vocabulary knows.
func TestLeaves(t *testing.T) {
	an := NewAnalyzer(nil)
	v := newVocabulary([]string{"=angst", "angst", "headspac", "skilsmis", "skol", "skolevaegring", "sundhedsplejersk"}, []int{3, 5, 2, 6, 9, 1, 4})
	leaves := func(q string) string {
		words, _ := an.parse(q)
		var out []string
		for _, w := range words {
			for _, l := range w.leaves(v) {
				out = append(out, l.term+"^"+strconv.FormatFloat(l.boost, 'g', -1, 64))
			}
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ q, want string }{
		{"angst ", "angst^1"},                                              // known: no expansion
		{"hedspace ", "hedspac^1 headspac^0.5"},                            // one typo in 8 letters
		{"angts ", "angt^1 angst^0.5"},                                     // a swap is two edits, but the stem drops the s
		{"anxgst ", "anxgst^1 angst^0.5"},                                  // one letter too many
		{"sundhedsplejerkse ", "sundhedsplejerks^1 sundhedsplejersk^0.25"}, // two typos in 17 letters
		{"skole ", "skol^1"},
		{"skoel ", "skol^1"},                     // the stemmer drops the e
		{"skolr ", "skolr^1 skol^0.5"},           // 5 letters: one typo
		{"skxl ", "skxl^1"},                      // 4 letters: no typo
		{"skol", "skol^1"},                       // known: no prefix expansion
		{"skolev", "skolev^1 skolevaegring^0.5"}, // the last word as a prefix
		{"skolev angst", "skolev^1 angst^1"},     // not the last word: no prefix
		{"sk", "sk^1"},                           // too short for a prefix
		{"kat ", "kat^1"},                        // too short for a typo
	} {
		if got := leaves(tc.q); got != tc.want {
			t.Errorf("leaves(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestRankTies(t *testing.T) {
	// 1.00000001 and 1.0 are within the tie margin of each other: document order decides, so
	// document 2 goes before document 3 although its score is a little lower.
	list := []scored{{3, 1.00000001}, {1, 2.0}, {2, 1.0}, {0, 0.5}}
	rank(list)
	want := []scored{{1, 2.0}, {2, 1.0}, {3, 1.00000001}, {0, 0.5}}
	if !reflect.DeepEqual(list, want) {
		t.Errorf("rank = %v, want %v", list, want)
	}
	list = []scored{{5, 1.0}, {4, 1.0 - 1e-9}}
	rank(list)
	if list[0].doc != 4 {
		t.Errorf("near-equal scores must go in document order: %v", list)
	}
	// Offers (documents 0 … 2 here) and other pages rank apart: the offers first, whatever the
	// other pages score.
	list = rankApart([]scored{{5, 2}, {1, 1}, {4, 1.5}, {0, 0.5}, {2, 1.5}}, 3)
	want = []scored{{2, 1.5}, {1, 1}, {0, 0.5}, {5, 2}, {4, 1.5}}
	if !reflect.DeepEqual(list, want) {
		t.Errorf("rankApart = %v, want %v", list, want)
	}
}

func TestParseRequest(t *testing.T) {
	v, _ := url.ParseQuery("q=angst&maalgruppe=unge&maalgruppe=foraeldre&alder=15&alder=3&emne=&gratis=1&ukendt=x")
	req := ParseRequest(v)
	want := Request{Query: "angst", Filters: Filters{"maalgruppe": {"unge", "foraeldre"}, "alder": {"15"}, "gratis": {"1"}}}
	if !reflect.DeepEqual(req, want) {
		t.Errorf("ParseRequest = %+v, want %+v", req, want)
	}
	v, _ = url.ParseQuery("alder=femten")
	if req := ParseRequest(v); req.Filters.Active() {
		t.Errorf("an age that is not a number must be dropped: %+v", req)
	}
}

// TestFillerWords: a sentence's filler words are no words of their own, but the phrases they
// end keep their groups, and a query of filler words alone is searched as typed.
func TestFillerWords(t *testing.T) {
	an := NewAnalyzer([][]string{{"ingen venner", "ensom"}})
	an.addGroup(topicPrefix+"vold", []string{"slår", "far slår"})
	an.addGroup(topicPrefix+"selvskade", []string{"gør skade på sig selv"})
	for _, tc := range []struct{ q, want string }{
		{"min søn snakker ikke", "snak"},
		{"vores datter har det svært", "vor dat svaert"}, // filler alone: as typed
		{"jeg har ingen venner", "ing =ing_ven"},
		{"far slår min lillebror", "slar+=#vold"},
		{"min ven gør skade på sig selv", "skad =#selvskade"},
		{"min søn", "son"},
		{"hvad gør jeg", "gor"},
	} {
		words, _ := an.parse(tc.q)
		var got []string
		for _, w := range words {
			got = append(got, strings.Join(w.terms, "+"))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("parse(%q) = %q, want %q", tc.q, g, tc.want)
		}
	}
}
