package site_test

import (
	"testing"
	"time"

	"tilbudsviften/internal/site"
)

func TestParseHours(t *testing.T) {
	for _, tc := range []struct {
		in, days, time, note string
	}{
		{"man-ons 8:00-15:00", "mandag–onsdag", "kl. 8.00–15.00", ""},
		{"tor 8-16", "torsdag", "kl. 8.00–16.00", ""},
		{"fre 8.00-14.15", "fredag", "kl. 8.00–14.15", ""},
		{"man, ons 7.45-8.45", "mandag, onsdag", "kl. 7.45–8.45", ""},
		{"man, tir 9-12", "mandag, tirsdag", "kl. 9.00–12.00", ""},
		{"hverdage 10-14 (skoledage)", "mandag–fredag", "kl. 10.00–14.00", "skoledage"},
		{"weekend 10–16", "lørdag, søndag", "kl. 10.00–16.00", ""},
		{"alle dage 0-24", "alle dage", "hele døgnet", ""},
		{"Døgnet rundt", "alle dage", "hele døgnet", ""},
		{"lør-søn 18-24", "lørdag, søndag", "kl. 18.00–24.00", ""},
		{"loer 9-12", "lørdag", "kl. 9.00–12.00", ""},
	} {
		h, err := site.ParseHours(tc.in)
		if err != nil {
			t.Errorf("ParseHours(%q): %v", tc.in, err)
			continue
		}
		if h.DaysText() != tc.days || h.TimeText() != tc.time || h.Note != tc.note {
			t.Errorf("ParseHours(%q) = %q %q %q, want %q %q %q", tc.in, h.DaysText(), h.TimeText(), h.Note, tc.days, tc.time, tc.note)
		}
	}
}

func TestParseHoursErrors(t *testing.T) {
	for _, tc := range []struct {
		in  string
		col int
	}{
		{"man-fre 8-25", 10},
		{"fre-man 8-15", 0},
		{"tir 15-8", 4},
		{"ons", 0},
		{"mon 8-15", 0},
		{"man, 8-15", 4},
		{"man 8:5-9", 4},
		{"man 24-24", 4},
		{"man 9", 4},
	} {
		_, err := site.ParseHours(tc.in)
		he, ok := err.(*site.HoursError)
		if !ok {
			t.Errorf("ParseHours(%q): got %v, want an *HoursError", tc.in, err)
			continue
		}
		if he.Col != tc.col {
			t.Errorf("ParseHours(%q): column %d, want %d (%s)", tc.in, he.Col, tc.col, he.Msg)
		}
	}
}

func TestOpenAt(t *testing.T) {
	var hours []site.Hours
	for _, line := range []string{"man-ons 8-15", "tor 8-17"} {
		h, err := site.ParseHours(line)
		if err != nil {
			t.Fatal(err)
		}
		hours = append(hours, h)
	}
	at := func(day, hour, min int) time.Time { return time.Date(2026, 11, 23+day, hour, min, 0, 0, time.UTC) } // 23 Nov 2026 is a Monday
	for _, tc := range []struct {
		t    time.Time
		open bool
	}{
		{at(0, 8, 0), true}, {at(0, 7, 59), false}, {at(0, 15, 0), false}, {at(3, 16, 30), true},
		{at(4, 10, 0), false}, {at(6, 10, 0), false},
	} {
		if got := site.OpenAt(hours, tc.t); got != tc.open {
			t.Errorf("OpenAt(%s) = %v, want %v", tc.t.Format("Mon 15:04"), got, tc.open)
		}
	}
}
