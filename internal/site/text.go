package site

import (
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Danish wording of model values, shared by the pages and the open data.

// Text says who an age range is for: "3 år", "0–6 år", "Fra 15 år", "Alle aldre"; a nil
// range (any age, or not stated) gives "".
func (a *AgeRange) Text() string {
	switch {
	case a == nil:
		return ""
	case a.From == a.To:
		return fmt.Sprintf("%d år", a.From)
	case a.From == 0 && a.To >= 99:
		return "Alle aldre"
	case a.To >= 99:
		return fmt.Sprintf("Fra %d år", a.From)
	}
	return fmt.Sprintf("%d–%d år", a.From, a.To)
}

// Line writes an address on one line: "Borgmester Ib Juuls Vej 1, 2730 Herlev".
func (a Address) Line() string {
	town := strings.TrimSpace(a.PostalCode + " " + a.City)
	switch {
	case a.Street == "":
		return town
	case town == "":
		return a.Street
	}
	return a.Street + ", " + town
}

// JoinAnd joins items the Danish way: "a", "a og b", "a, b og c".
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " og " + items[len(items)-1]
}

// PlainText strips the tags of a short HTML text (a taxonomy description, say), decodes its
// entities and collapses white space.
func PlainText(h string) string {
	var b strings.Builder
	in := false
	for _, r := range h {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// CollationKey maps a string onto a key that sorts in Danish alphabetical order: case and
// accents are ignored, and Æ, Ø and Å (and the old spelling Aa at the start) come after Z: they
// map onto the three characters that follow 'z' in ASCII.
func CollationKey(s string) string {
	var b strings.Builder
	rs := []rune(strings.ToLower(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case 'æ', 'ä':
			b.WriteRune('{')
		case 'ø', 'ö':
			b.WriteRune('|')
		case 'å':
			b.WriteRune('}')
		case 'é', 'è', 'ê':
			b.WriteRune('e')
		case 'ü':
			b.WriteRune('y')
		case 'a':
			if i == 0 && i+1 < len(rs) && rs[i+1] == 'a' {
				b.WriteRune('}')
				i++
				continue
			}
			b.WriteRune('a')
		default:
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// Less reports whether a sorts before b in Danish alphabetical order (titles, names).
func Less(a, b string) bool {
	ka, kb := CollationKey(a), CollationKey(b)
	if ka != kb {
		return ka < kb
	}
	return a < b
}

// UpperFirst returns s with its first letter in upper case: "børn" → "Børn".
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// LowerFirst returns s with its first letter in lower case: "Forældre" → "forældre".
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// Slug turns a title or a name into the form used in file names, addresses and codes: lower
// case a–z, digits and single hyphens; æ, ø and å spelt ae, oe and aa, other accents
// dropped, § spelt paragraf, anything else a hyphen between words. "Åben Rådgivning" →
// "aaben-raadgivning".
func Slug(s string) string {
	var b strings.Builder
	dash := false // a hyphen is due before the next letter
	for _, r := range strings.ToLower(s) {
		spelt := ""
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			spelt = string(r)
		case r == 'æ', r == 'ä':
			spelt = "ae"
		case r == 'ø', r == 'ö':
			spelt = "oe"
		case r == 'å':
			spelt = "aa"
		case r == 'ü':
			spelt = "ue"
		case r == 'ß':
			spelt = "ss"
		case r == '§':
			spelt = "paragraf"
		case strings.ContainsRune("áàâã", r):
			spelt = "a"
		case strings.ContainsRune("éèêë", r):
			spelt = "e"
		case strings.ContainsRune("íìîï", r):
			spelt = "i"
		case strings.ContainsRune("óòôõ", r):
			spelt = "o"
		case strings.ContainsRune("úùû", r):
			spelt = "u"
		}
		if spelt == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(spelt)
	}
	return b.String()
}

var languageNames = map[string]string{
	"da": "dansk", "en": "engelsk", "de": "tysk", "ar": "arabisk", "tr": "tyrkisk", "ur": "urdu",
	"so": "somali", "pl": "polsk", "uk": "ukrainsk", "ru": "russisk", "fa": "persisk", "ps": "pashto",
	"ti": "tigrinya", "sv": "svensk", "no": "norsk", "fr": "fransk", "es": "spansk", "ro": "rumænsk",
	"lt": "litauisk", "bs": "bosnisk", "sr": "serbisk", "hr": "kroatisk", "ku": "kurdisk", "vi": "vietnamesisk",
	"th": "thai", "tl": "tagalog", "kl": "grønlandsk", "fo": "færøsk", "sgn": "tegnsprog",
}

// LanguageName returns the Danish name of an ISO 639-1 language code, in lower case
// ("engelsk"), and reports whether it knows the code; for an unknown code it returns the code.
func LanguageName(code string) (string, bool) {
	if n, ok := languageNames[code]; ok {
		return n, true
	}
	return code, false
}
