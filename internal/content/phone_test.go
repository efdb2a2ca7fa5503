package content

import (
	"regexp"
	"testing"
)

// TestPhonePattern holds PhonePattern, which the JSON Schema and the admin use, equal to the
// loader's own check.
func TestPhonePattern(t *testing.T) {
	re := regexp.MustCompile(PhonePattern)
	for _, s := range []string{"112", "1813", "116 111", "44 52 70 00", "44527000", "+45 44 52 70 00", "+4544527000",
		"4452 7000", "12", "1234567", "123456789", "+45 112", "44-52-70-00", "tlf. 44 52 70 00", " 112", "", "+45"} {
		if got, want := re.MatchString(s), validPhone(s); got != want {
			t.Errorf("%q: PhonePattern says %v, the loader %v", s, got, want)
		}
	}
}

// TestPatterns holds EmailPattern and URLPattern, which the JSON Schema and the admin use, to
// the loader's own checks.
func TestPatterns(t *testing.T) {
	email := regexp.MustCompile(EmailPattern)
	for _, s := range []string{"navn@herlev.dk", "a.b+c@sub.example.dk", "a@b", "a@b.", "@b.dk", "a@@b.dk", "a b@c.dk",
		`"a"@b.dk`, "<a@b.dk>", "a@b.dk ", "Navn <a@b.dk>", "a@b.d-k", ""} {
		if got, want := email.MatchString(s), validEmail(s); got != want {
			t.Errorf("e-mail %q: EmailPattern says %v, the loader %v", s, got, want)
		}
	}
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
