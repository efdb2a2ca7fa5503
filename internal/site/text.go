package site

import (
	"fmt"
	"html"
	"strings"
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
