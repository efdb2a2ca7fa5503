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
