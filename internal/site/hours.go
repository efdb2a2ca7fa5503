package site

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Hours is one line of opening hours: a set of weekdays and a time range on each of them.
type Hours struct {
	Days   [7]bool // Monday first
	Opens  int     // minutes after midnight
	Closes int     // minutes after midnight; 24*60 for midnight
	Note   string
	Text   string // the line as the editor wrote it, without the note
}

// dayNames are the Danish day abbreviations, Monday first.
var dayNames = [7]string{"man", "tir", "ons", "tor", "fre", "lør", "søn"}

// dayLong are the Danish day names, Monday first.
var dayLong = [7]string{"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"}

// DayName returns the Danish name of day d, 0 for Monday.
func DayName(d int) string { return dayLong[d] }

// HoursError is a mistake in a line of opening hours.
type HoursError struct {
	Col int // byte offset in the line where the mistake starts
	Msg string
}

func (e *HoursError) Error() string { return e.Msg }

// ParseHours parses one line of opening hours, as documented in docs/content-model.md:
// "man-ons 8:00-15:00", "hverdage 10-14 (skoledage)", "døgnet rundt".
func ParseHours(line string) (Hours, error) {
	var h Hours
	text := line
	if t := strings.TrimRight(line, " \t"); strings.HasSuffix(t, ")") {
		if i := strings.Index(t, "("); i >= 0 {
			h.Note = strings.TrimSpace(t[i+1 : len(t)-1])
			text = t[:i]
		}
	}
	h.Text = strings.TrimSpace(text)
	lower := strings.ToLower(text)
	if strings.TrimSpace(lower) == "døgnet rundt" || strings.TrimSpace(lower) == "doegnet rundt" {
		for i := range h.Days {
			h.Days[i] = true
		}
		h.Closes = 24 * 60
		return h, nil
	}
	// The time range is the last field; everything before it names the days.
	trimmed := strings.TrimRight(lower, " \t")
	sp := strings.LastIndexAny(trimmed, " \t")
	if sp < 0 {
		return h, &HoursError{0, fmt.Sprintf("åbningstid %q mangler dage eller klokkeslæt; skriv fx \"man-fre 8-15\"", strings.TrimSpace(text))}
	}
	daysPart, timePart := trimmed[:sp], trimmed[sp+1:]
	if err := parseDays(daysPart, &h.Days); err != nil {
		return h, err
	}
	opens, closes, err := parseTimeRange(timePart)
	if err != nil {
		err.Col += sp + 1
		return h, err
	}
	h.Opens, h.Closes = opens, closes
	return h, nil
}

func parseDays(s string, days *[7]bool) *HoursError {
	off := 0
	for _, item := range strings.Split(s, ",") {
		col := off + len(item) - len(strings.TrimLeft(item, " \t"))
		off += len(item) + 1
		item = strings.TrimSpace(item)
		switch item {
		case "hverdage":
			for d := 0; d < 5; d++ {
				days[d] = true
			}
			continue
		case "weekend":
			days[5], days[6] = true, true
			continue
		case "alle dage", "dagligt":
			for d := range days {
				days[d] = true
			}
			continue
		case "":
			return &HoursError{col, "der mangler en dag før eller efter et komma"}
		}
		from, to, ok := strings.Cut(item, "-")
		if !ok {
			to = from
		}
		a, b := day(strings.TrimSpace(from)), day(strings.TrimSpace(to))
		if a < 0 || b < 0 {
			bad := from
			if a >= 0 {
				bad = to
			}
			return &HoursError{col, fmt.Sprintf("ukendt dag %q; brug man, tir, ons, tor, fre, lør, søn, hverdage, weekend eller alle dage", strings.TrimSpace(bad))}
		}
		if b < a {
			return &HoursError{col, fmt.Sprintf("dagene %q går baglæns; skriv den første dag først", item)}
		}
		for d := a; d <= b; d++ {
			days[d] = true
		}
	}
	return nil
}

func day(s string) int {
	switch s {
	case "loer":
		return 5
	case "soen":
		return 6
	}
	for i, n := range dayNames {
		if s == n || s == dayLong[i] {
			return i
		}
	}
	return -1
}

func parseTimeRange(s string) (int, int, *HoursError) {
	s = strings.ReplaceAll(s, "–", "-")
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, &HoursError{0, fmt.Sprintf("klokkeslæt %q skal være et fra-til, fx 8-15 eller 8.30-16.00", s)}
	}
	a, okA := clock(from)
	b, okB := clock(to)
	switch {
	case !okA:
		return 0, 0, &HoursError{0, fmt.Sprintf("ukendt klokkeslæt %q; skriv fx 8, 8.30 eller 08:30", from)}
	case !okB:
		return 0, 0, &HoursError{len(from) + 1, fmt.Sprintf("ukendt klokkeslæt %q; skriv fx 16, 16.30 eller 16:30", to)}
	case a == 24*60:
		return 0, 0, &HoursError{0, "en åbningstid kan ikke begynde kl. 24"}
	case b <= a:
		return 0, 0, &HoursError{0, fmt.Sprintf("lukketiden %s er ikke efter åbningstiden %s", to, from)}
	}
	return a, b, nil
}

// clock parses 8, 8.30, 08:30 and 24 into minutes after midnight.
func clock(s string) (int, bool) {
	hs, ms, hasMin := strings.Cut(s, ":")
	if !hasMin {
		hs, ms, hasMin = strings.Cut(s, ".")
	}
	if hs == "" || len(hs) > 2 {
		return 0, false
	}
	h, err := strconv.Atoi(hs)
	if err != nil || h < 0 || h > 24 {
		return 0, false
	}
	m := 0
	if hasMin {
		if len(ms) != 2 {
			return 0, false
		}
		m, err = strconv.Atoi(ms)
		if err != nil || m < 0 || m > 59 {
			return 0, false
		}
	}
	if h == 24 && m != 0 {
		return 0, false
	}
	return h*60 + m, true
}

// AllDay reports whether the line means open all hours, every day.
func (h Hours) AllDay() bool {
	return h.Opens == 0 && h.Closes == 24*60 && h.Days == [7]bool{true, true, true, true, true, true, true}
}

// DaysText returns the days in plain Danish: "mandag–onsdag", "mandag, onsdag", "alle dage".
func (h Hours) DaysText() string {
	var parts []string
	for d := 0; d < 7; {
		if !h.Days[d] {
			d++
			continue
		}
		e := d
		for e+1 < 7 && h.Days[e+1] {
			e++
		}
		switch {
		case d == 0 && e == 6:
			return "alle dage"
		case e == d:
			parts = append(parts, dayLong[d])
		case e == d+1:
			parts = append(parts, dayLong[d], dayLong[e])
		default:
			parts = append(parts, dayLong[d]+"–"+dayLong[e])
		}
		d = e + 1
	}
	return strings.Join(parts, ", ")
}

// TimeText returns the time range in Danish style: "kl. 8.00–15.00", or "hele døgnet".
func (h Hours) TimeText() string {
	if h.Opens == 0 && h.Closes == 24*60 {
		return "hele døgnet"
	}
	return "kl. " + ClockText(h.Opens) + "–" + ClockText(h.Closes)
}

// ClockText formats minutes after midnight as "8.00" or "16.30".
func ClockText(min int) string { return fmt.Sprintf("%d.%02d", min/60, min%60) }

// weekday returns t's day of the week, 0 for Monday.
func weekday(t time.Time) int { return (int(t.Weekday()) + 6) % 7 }

// OpenAt reports whether any of the lines is open at t (in t's location).
func OpenAt(hours []Hours, t time.Time) bool {
	d, m := weekday(t), t.Hour()*60+t.Minute()
	for _, h := range hours {
		if h.Days[d] && m >= h.Opens && m < h.Closes {
			return true
		}
	}
	return false
}
