package content

import (
	"math"
	"testing"
)

func TestLix(t *testing.T) {
	for _, tc := range []struct {
		text                string
		words, sentences    int
		score               float64
		longest, firstWords string
	}{
		// 7 words, 2 sentences, 2 long words (rådgivning, familier): 7/2 + 100*2/7 = 32.07.
		{"Vi giver rådgivning. Det er for familier.", 7, 2, 32.07, `"Det er for familier." (4 ord)`, "rådgivning"},
		// "f.eks." and "kl. 8" do not end a sentence; a line ends one without a full stop.
		// 10 words (f.eks. counts as two), 1 long (hjælper): 10/2 + 100*1/10 = 15.
		{"Ring f.eks. kl. 8 til os\nSå hjælper vi", 10, 2, 15, `"Ring f.eks. kl. 8 til os" (7 ord)`, "hjælper"},
		{"", 0, 0, 0, "", ""},
	} {
		r := lix(tc.text)
		if q := lixScore(tc.text); q.Words != r.Words || q.Sentences != r.Sentences || q.Score != r.Score || q.Longest != nil {
			t.Errorf("lixScore(%q) = %+v; lix gives %+v", tc.text, q, r)
		}
		if r.Words != tc.words || r.Sentences != tc.sentences || math.Abs(r.Score-tc.score) > 0.01 {
			t.Errorf("lix(%q) = %d words, %d sentences, %.2f; want %d, %d, %.2f", tc.text, r.Words, r.Sentences, r.Score, tc.words, tc.sentences, tc.score)
		}
		if tc.longest != "" && (len(r.Longest) == 0 || r.Longest[0] != tc.longest) {
			t.Errorf("lix(%q): longest %q, want %q first", tc.text, r.Longest, tc.longest)
		}
		if tc.firstWords != "" && (len(r.LongWords) == 0 || r.LongWords[0] != tc.firstWords) {
			t.Errorf("lix(%q): long words %q, want %q first", tc.text, r.LongWords, tc.firstWords)
		}
	}
}
