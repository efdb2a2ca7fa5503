package export_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"tilbudsviften/internal/export"
)

// groupOffer is an offer with weekly group meetings (moedetider); its opening hours are not
// meetings and stay out of the calendar.
const groupOffer = `---
titel: Samtalegruppe for børn, hvis forældre er gået fra hinanden – med en meget lang titel, der skal foldes
resume: En gruppe, hvor børn mødes og taler om skilsmissen; æ, ø og å skal komme helt igennem.
maalgrupper: [boern]
alder: {fra: 7, til: 12}
emner: [skilsmisse]
trin: forebyggelse
adgang:
  vej: kom-selv
udbyder: kommune
steder:
  - navn: Familiehuset
    adresse: Rådhusvej 1
    postnummer: "9999"
    by: Prøveby
aabningstider:
  - man-fre 9-15
moedetider:
  - tir 17-19 (samtalegruppe)
  - tor 16.30-18
gennemgaaet: 2026-11-01
ansvarlig: Redaktionen
kilder:
  - url: https://example.dk/gruppe
    titel: Samtalegruppen
    laest: 2026-11-01
---
Børnene mødes hver uge.
`

// unfold parses an iCalendar stream into content lines, checking the octet rules on the way:
// CRLF line ends only, at most 75 octets a line, continuation lines starting with a space,
// no UTF-8 sequence split across a fold.
func unfold(t *testing.T, data []byte) []string {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Error("the calendar does not end with CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var lines []string
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d: a bare CR or LF", i+1)
		}
		if len(l) > 75 {
			t.Errorf("line %d: %d octets, more than 75", i+1, len(l))
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d: a UTF-8 sequence split by folding: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			if len(lines) == 0 {
				t.Fatal("the calendar starts with a continuation line")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	return lines
}

// TestCalendar checks kalender.ics against RFC 5545's line rules and that each weekly time of
// the group offer is a VEVENT in Danish time with a weekly RRULE, starting on the first
// matching day on or after the day the offer was reviewed.
func TestCalendar(t *testing.T) {
	fsys := baseFS(t)
	fsys["tilbud/samtalegruppe.md"] = &fstest.MapFile{Data: []byte(groupOffer)}
	s := load(t, fsys)
	out := all(t, s)
	data := out[export.CalendarPath]
	lines := unfold(t, data)
	if !bytes.Contains(data, []byte("\r\n ")) {
		t.Error("nothing was folded: the long title should have been")
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("the calendar runs from %q to %q", lines[0], lines[len(lines)-1])
	}
	for _, want := range []string{"VERSION:2.0", "PRODID:-//Tilbudsviften//viften//DA", "BEGIN:VTIMEZONE", "TZID:Europe/Copenhagen"} {
		if !contains(lines, want) {
			t.Errorf("no line %q", want)
		}
	}
	events := vevents(lines)
	uid := regexp.MustCompile(`^UID:[0-9a-f-]{36}$`)
	var group []map[string]string
	for _, e := range events {
		if !uid.MatchString("UID:"+e["UID"]) || e["DTSTAMP"] == "" || e["RRULE"] == "" {
			t.Errorf("event %v lacks UID, DTSTAMP or RRULE", e)
		}
		if strings.HasPrefix(e["SUMMARY"], "Samtalegruppe") {
			group = append(group, e)
		}
	}
	if len(group) != 2 {
		t.Fatalf("%d events for the group offer, want 2 (one per weekly time)", len(group))
	}
	want := []map[string]string{{
		"DTSTART;TZID=Europe/Copenhagen": "20261103T170000", // the first Tuesday from 2026-11-01
		"DTEND;TZID=Europe/Copenhagen":   "20261103T190000",
		"RRULE":                          "FREQ=WEEKLY;WKST=MO;BYDAY=TU",
		"SUMMARY":                        `Samtalegruppe for børn\, hvis forældre er gået fra hinanden – med en meget lang titel\, der skal foldes (samtalegruppe)`,
		"LOCATION":                       `Familiehuset\, Rådhusvej 1\, 9999 Prøveby`,
		"URL":                            "https://tilbud.example.dk/tilbud/samtalegruppe/",
		"DTSTAMP":                        "20261101T000000Z",
	}, {
		"DTSTART;TZID=Europe/Copenhagen": "20261105T163000",
		"DTEND;TZID=Europe/Copenhagen":   "20261105T180000",
		"RRULE":                          "FREQ=WEEKLY;WKST=MO;BYDAY=TH",
	}}
	for i, w := range want {
		for k, v := range w {
			if group[i][k] != v {
				t.Errorf("event %d: %s = %q, want %q", i, k, group[i][k], v)
			}
		}
	}
	if !strings.Contains(group[0]["DESCRIPTION"], `æ\, ø og å`) {
		t.Errorf("DESCRIPTION %q", group[0]["DESCRIPTION"])
	}
	// The offer of the small site is open "hverdage 9-15": one event on five days.
	for _, e := range events {
		if strings.HasPrefix(e["SUMMARY"], "Åben rådgivning") && e["RRULE"] != "FREQ=WEEKLY;WKST=MO;BYDAY=MO,TU,WE,TH,FR" {
			t.Errorf("Åben rådgivning: RRULE %q", e["RRULE"])
		}
	}
}

// TestCalendarLeavesOutAllDay: "døgnet rundt" is no time to go, so a meeting line that says
// it is no event; the group's other meeting still is.
func TestCalendarLeavesOutAllDay(t *testing.T) {
	fsys := baseFS(t)
	offer := strings.Replace(groupOffer, "  - tir 17-19 (samtalegruppe)", "  - døgnet rundt", 1)
	if offer == groupOffer {
		t.Fatal("the group offer has no meeting line to replace")
	}
	fsys["tilbud/samtalegruppe.md"] = &fstest.MapFile{Data: []byte(offer)}
	out := all(t, load(t, fsys))
	if n := len(vevents(unfold(t, out[export.CalendarPath]))); n != 1 {
		t.Errorf("%d events, want 1 (tor 16.30-18 only)", n)
	}
}

func contains(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// vevents returns the properties of each VEVENT: name (with parameters) → value.
func vevents(lines []string) []map[string]string {
	var list []map[string]string
	var cur map[string]string
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			cur = map[string]string{}
		case l == "END:VEVENT":
			list = append(list, cur)
			cur = nil
		case cur != nil:
			name, value, _ := strings.Cut(l, ":")
			cur[name] = value
		}
	}
	return list
}
