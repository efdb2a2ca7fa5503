package render

import (
	"sort"
	"strings"
	"testing"
	"tilbudsviften/internal/site"
	"time"
)

func TestDanishOrder(t *testing.T) {
	titles := []string{"Åben rådgivning", "Zoologisk have", "Ørelyd", "ænder", "Aalborg-gruppen", "Alkolinjen", "børnetelefonen", "BørneTelefonen", "Ballerup"}
	sort.SliceStable(titles, func(i, j int) bool { return site.Less(titles[i], titles[j]) })
	want := "Alkolinjen|Ballerup|BørneTelefonen|børnetelefonen|Zoologisk have|ænder|Ørelyd|Åben rådgivning|Aalborg-gruppen"
	if got := strings.Join(titles, "|"); got != want {
		t.Errorf("order\n got %s\nwant %s", got, want)
	}
	for title, want := range map[string]string{"Åben": "Å", "Aalborg": "Å", "æble": "Æ", "Ørsted": "Ø", "116 111": "0–9", "headspace": "H", "Éclair": "E"} {
		if got := Initial(title); got != want {
			t.Errorf("Initial(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestTelURL(t *testing.T) {
	for in, want := range map[string]string{"44 52 70 00": "tel:+4544527000", "112": "tel:112", "116 111": "tel:116111",
		"1813": "tel:1813", "+45 70 25 00 41": "tel:+4570250041", "4452 7100": "tel:+4544527100"} {
		if got := string(TelURL(in)); got != want {
			t.Errorf("TelURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDateAndLanguages(t *testing.T) {
	if got := Date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); got != "1. marts 2026" {
		t.Errorf("Date = %q", got)
	}
	if got := Languages([]string{"da", "en", "ar"}); got != "dansk, engelsk og arabisk" {
		t.Errorf("Languages = %q", got)
	}
}
