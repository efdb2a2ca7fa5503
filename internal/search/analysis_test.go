package search

import (
	"slices"
	"strings"
	"testing"
)

// terms returns the terms of text as a space-separated string.
func terms(an *Analyzer, text string) string {
	var out []string
	for _, t := range an.Analyze(text) {
		out = append(out, t.Term)
	}
	return strings.Join(out, " ")
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"børn", "born"},
		{"boern", "born"},
		{"born", "born"},
		{"åben", "aben"},
		{"aaben", "aben"},
		{"ændring", "aendring"},
		{"café", "cafe"},
		{"skole", "skole"},
		{"müller", "muller"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSpellingsMeet holds that the spellings families type without æ, ø and å find the same
// term as the Danish spelling.
func TestSpellingsMeet(t *testing.T) {
	an := NewAnalyzer(nil)
	for _, group := range [][]string{
		{"børn", "boern", "born", "BØRN"},
		{"åben", "aaben", "Åben"},
		{"rådgivning", "raadgivning", "radgivning"},
		{"tandlæge", "tandlaege"},
		{"forældre", "foraeldre"},
	} {
		want := terms(an, group[0])
		for _, w := range group[1:] {
			if got := terms(an, w); got != want {
				t.Errorf("%q analyses to %q, want %q as for %q", w, got, want, group[0])
			}
		}
	}
}

func TestStopWords(t *testing.T) {
	an := NewAnalyzer(nil)
	if got := terms(an, "og i på paa det"); got != "" {
		t.Errorf("stop words analyse to %q, want nothing", got)
	}
	if got, want := terms(an, "min søn vil ikke i skole"), "son skol"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	stop := an.StopWords()
	if !slices.IsSorted(stop) || !slices.Contains(stop, "pa") || slices.Contains(stop, "på") {
		t.Errorf("StopWords() must be folded and sorted: %v", stop)
	}
}

// TestStems holds the inflections families write to the same term.
func TestStems(t *testing.T) {
	an := NewAnalyzer(nil)
	for _, group := range [][]string{
		{"skilsmisse", "skilsmissen", "skilsmisser"},
		{"forældre", "forældrene", "forældres"},
		{"skole", "skolen", "skoler"},
		{"barn", "barnet", "barnets"},
		{"mobning", "mobningen"},
		{"ensom", "ensomme"},
	} {
		want := terms(an, group[0])
		for _, w := range group[1:] {
			if got := terms(an, w); got != want {
				t.Errorf("%q analyses to %q, want %q as for %q", w, got, want, group[0])
			}
		}
	}
	if a, b := terms(an, "skole"), terms(an, "skilsmisse"); a == b {
		t.Errorf("different words meet: %q", a)
	}
}

func TestSynonyms(t *testing.T) {
	an := NewAnalyzer([][]string{
		{"skilsmisse", "samlivsophør", "brud"},
		{"skolevægring", "vil ikke i skole"},
		{"ppr", "pædagogisk psykologisk rådgivning"},
	})
	for _, tc := range []struct{ text, want string }{
		{"skilsmissen", "skilsmis =skilsmis"},
		{"samlivsophør", "samlivsophor =skilsmis"},
		{"brud", "brud =skilsmis"},
		{"han vil ikke i skole", "skol =skolevaegring"},
		{"han vil ikke i skoven", "skov"},
		{"pædagogisk psykologisk rådgivning", "paedagogisk psykologisk radgivning =ppr"},
		{"psykologisk rådgivning", "psykologisk radgivning"},
		{"PPR", "ppr =ppr"},
	} {
		if got := terms(an, tc.text); got != tc.want {
			t.Errorf("%q analyses to %q, want %q", tc.text, got, tc.want)
		}
	}
	if n := len(an.Groups()); n != 3 {
		t.Errorf("%d groups, want 3", n)
	}
}

func TestCompounds(t *testing.T) {
	an := NewAnalyzer([][]string{{"tandregulering", "bøjle"}})
	plain := terms(an, "forældrekursus fritidsklub tandbøjle")
	dict := map[string]bool{}
	for _, w := range []string{"forældre", "kursus", "fritid", "klub", "tand"} {
		dict[an.Stem(Fold(w))] = true
	}
	an.SetCompounds(dictionary(nil, an.Groups()))
	for w := range dict {
		an.dict[w] = true
	}
	for _, tc := range []struct{ text, want string }{
		{"forældrekursus", "foraeldrekursus foraeldr kursus"},
		{"fritidsklub", "fritidsklub fritid klub"},          // a linking s
		{"tandbøjle", "tandbojl tand bojl =tandregulering"}, // a part that is a synonym
		{"kursus", "kursus"},                                // too short to split
		{"skovtur", "skovtur"},                              // parts unknown
	} {
		if got := terms(an, tc.text); got != tc.want {
			t.Errorf("%q analyses to %q, want %q", tc.text, got, tc.want)
		}
	}
	an.SetCompounds(nil)
	if got := terms(an, "forældrekursus fritidsklub tandbøjle"); got != plain {
		t.Errorf("without a dictionary: %q, want %q", got, plain)
	}
}

func TestAnalyzeOffsets(t *testing.T) {
	an := NewAnalyzer(nil)
	text := "Børn og unge"
	toks := an.Analyze(text)
	if len(toks) != 2 {
		t.Fatalf("got %d tokens, want 2", len(toks))
	}
	if got := text[toks[0].Start:toks[0].End]; got != "Børn" {
		t.Errorf("first token covers %q, want %q", got, "Børn")
	}
	if toks[1].Pos != 3 {
		t.Errorf("second token at position %d, want 3", toks[1].Pos)
	}
}
