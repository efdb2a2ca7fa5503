package content

import (
	"regexp"
	"testing"
)

// TestPhonePattern: the loader's phone rule, which the JSON Schema and the admin use as
// PhonePattern, on typical and awkward values.
func TestPhonePattern(t *testing.T) {
	for s, want := range map[string]bool{"112": true, "1813": true, "116 111": true, "44 52 70 00": true, "44527000": true,
		"+45 44 52 70 00": true, "+4544527000": true, "4452 7000": true, "12": false, "1234567": false, "123456789": false,
		"+45 112": false, "44-52-70-00": false, "tlf. 44 52 70 00": false, " 112": false, "": false, "+45": false} {
		if got := validPhone(s); got != want {
			t.Errorf("%q: valid %v, want %v", s, got, want)
		}
	}
}

// TestEmailPattern: the loader's e-mail rule, which the JSON Schema and the admin use as
// EmailPattern, on typical and awkward values.
func TestEmailPattern(t *testing.T) {
	for s, want := range map[string]bool{"navn@herlev.dk": true, "a.b+c@sub.example.dk": true, "søren@kommune.dk": true,
		"o'brien@x.dk": true, "a@b.d-k": true, "x@æblø.dk": true,
		"a@b": false, "a@b.": false, "@b.dk": false, "a@@b.dk": false, "a b@c.dk": false, `"a"@b.dk`: false, "<a@b.dk>": false,
		"a@b.dk ": false, "Navn <a@b.dk>": false, "": false, "a,b@c.dk": false, "a..b@c.dk": false, "a@b..dk": false,
		"a(b)@c.dk": false, "a;b@c.dk": false, ".a@c.dk": false, "a.@c.dk": false, "a@c.dk.": false, "a@[1.2.3.4]": false} {
		if got := validEmail(s); got != want {
			t.Errorf("%q: valid %v, want %v", s, got, want)
		}
	}
}

// TestPatterns holds URLPattern, which the JSON Schema and the admin use, to the loader's own
// check.
func TestPatterns(t *testing.T) {
	link := regexp.MustCompile(URLPattern)
	for _, s := range []string{"https://herlev.dk", "https://herlev.dk/side?a=1#x", "http://www.example.dk/", "https://localhost/a.html",
		"https://herlev", "https://herlev.dk.", "https://", "herlev.dk", "ftp://herlev.dk", "javascript:alert(1)",
		"mailto:navn@herlev.dk", "mailto:a@b", `mailto:"a"@b.dk`, "tel:+4544527000", "tel:44 52 70 00", "tel:112",
		"tel:12", "tel:+45", "https://herlev.dk/a b", ""} {
		if got, want := link.MatchString(s), checkURL(s) == ""; got != want {
			t.Errorf("link %q: URLPattern says %v, the loader %v", s, got, want)
		}
	}
}
