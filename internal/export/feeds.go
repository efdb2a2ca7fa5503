package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"tilbudsviften/internal/site"
)

// FeedSize is the number of offers in the Atom feed: the most recently changed.
const FeedSize = 50

// PagePaths lists the site-relative URLs of the site's HTML pages that belong in a sitemap,
// with the day each last changed when the content says (offers: the day they were reviewed).
// The search page and the 404 page are left out, and so are /tilbud/ (the same list as
// /a-aa/) and the pages of folders that only say what files they hold (render.Folders).
func PagePaths(s *site.Site) []SitemapEntry {
	var list []SitemapEntry
	add := func(u string, t time.Time) { list = append(list, SitemapEntry{Path: u, Modified: t}) }
	add("/", time.Time{})
	for _, o := range s.Offers {
		add(o.URL(), o.Reviewed)
	}
	for _, t := range s.Topics {
		add(t.URL(), time.Time{})
	}
	for _, a := range s.Audiences {
		add(a.URL(), time.Time{})
	}
	for _, b := range s.AgeBands {
		add(b.URL(), time.Time{})
	}
	for _, st := range s.Steps {
		add(st.URL(), time.Time{})
	}
	for _, u := range []string{"/emner/", "/for/", "/alder/", "/trin/", "/kontakter/"} {
		add(u, time.Time{})
	}
	for _, c := range s.Contacts {
		add(c.URL(), c.Reviewed)
	}
	add("/principper/", time.Time{})
	for _, p := range s.Principles {
		add(p.URL(), time.Time{})
	}
	add("/bekymring/", time.Time{})
	for _, g := range s.Guides {
		add(g.URL(), time.Time{})
	}
	add("/a-aa/", time.Time{})
	for _, p := range s.Pages {
		add(p.URL(), time.Time{})
	}
	add("/data/", time.Time{})
	add("/"+HSDSDir+"profile/", time.Time{})
	return list
}

// SitemapEntry is one page of the sitemap.
type SitemapEntry struct {
	Path     string
	Modified time.Time // zero when not known
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

func xmlDoc(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// Sitemap writes sitemap.xml. A sitemap needs absolute URLs, so without a base URL
// (basisurl in site.yaml, which `viften check` warns about) it writes nothing.
func Sitemap(s *site.Site, emit Emit) error {
	if s.Config.BaseURL == "" {
		return nil
	}
	var set urlset
	for _, e := range PagePaths(s) {
		u := sitemapURL{Loc: s.Config.BaseURL + e.Path}
		if !e.Modified.IsZero() {
			u.LastMod = date(e.Modified)
		}
		set.URLs = append(set.URLs, u)
	}
	data, err := xmlDoc(set)
	if err != nil {
		return err
	}
	return emit(SitemapPath, data)
}

// Robots writes robots.txt: everything may be crawled except search results (the search page
// itself may: it is how the site is searched) and the editors' admin; the sitemap is named
// when the base URL is known.
func Robots(s *site.Site, emit Emit) error {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\nDisallow: /soeg/?\nDisallow: /admin/\n")
	if s.Config.BaseURL != "" {
		b.WriteString("\nSitemap: " + s.Config.BaseURL + "/" + SitemapPath + "\n")
	}
	return emit(RobotsPath, []byte(b.String()))
}

// The Atom feed (RFC 4287).
type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name  string `xml:"name"`
	Email string `xml:"email,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Link       atomLink       `xml:"link"`
	Summary    string         `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// changed returns the day an offer last changed: the later of its review and publish days.
func changed(o *site.Offer) time.Time {
	if o.Publish.After(o.Reviewed) {
		return o.Publish
	}
	return o.Reviewed
}

// Atom writes feed.atom: the FeedSize most recently changed offers, newest first. Dates come
// from the content (reviewed and publish days), ids are URNs of the offers' UUIDs, so the feed
// is the same on every build of the same content.
func Atom(s *site.Site, emit Emit) error {
	x := newIDs(s.Config.Municipality)
	offers := append([]*site.Offer(nil), s.Offers...)
	sort.SliceStable(offers, func(i, j int) bool {
		a, b := changed(offers[i]), changed(offers[j])
		if !a.Equal(b) {
			return a.After(b)
		}
		return offers[i].Slug < offers[j].Slug
	})
	if len(offers) > FeedSize {
		offers = offers[:FeedSize]
	}
	feed := atomFeed{Lang: "da", ID: "urn:uuid:" + x.id("feed"), Title: "Nye og ændrede tilbud – " + s.Config.Name,
		Subtitle: s.Config.Description, Author: atomPerson{Name: s.Config.Municipality, Email: s.Config.Editors.Email}}
	if u := abs(s, "/"+AtomPath); u != "" {
		feed.Links = append(feed.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: u})
	}
	feed.Links = append(feed.Links, atomLink{Rel: "alternate", Type: "text/html", Href: ref(s, "/")})
	var updated time.Time
	for _, o := range offers {
		c := changed(o)
		if c.After(updated) {
			updated = c
		}
		e := atomEntry{ID: "urn:uuid:" + x.id("service", o.Slug), Title: o.Title, Updated: atomTime(c),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: ref(s, o.URL())}, Summary: o.Summary}
		if !o.Publish.IsZero() {
			e.Published = atomTime(o.Publish)
		}
		for _, t := range o.Topics {
			e.Categories = append(e.Categories, atomCategory{Term: t.ID, Label: t.Name})
		}
		feed.Entries = append(feed.Entries, e)
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	feed.Updated = atomTime(updated)
	data, err := xmlDoc(feed)
	if err != nil {
		return err
	}
	return emit(AtomPath, data)
}

type openSearch struct {
	XMLName       xml.Name        `xml:"http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription"`
	ShortName     string          `xml:"ShortName"`
	Description   string          `xml:"Description"`
	InputEncoding string          `xml:"InputEncoding"`
	Language      string          `xml:"Language"`
	URLs          []openSearchURL `xml:"Url"`
}

type openSearchURL struct {
	Type     string `xml:"type,attr"`
	Rel      string `xml:"rel,attr,omitempty"`
	Method   string `xml:"method,attr,omitempty"`
	Template string `xml:"template,attr"`
}

// shortName cuts a name to the 16 characters OpenSearch allows, at a space when it can.
func shortName(name string) string {
	if utf8.RuneCountInString(name) <= 16 {
		return name
	}
	r := []rune(name)[:16]
	if i := strings.LastIndexByte(string(r), ' '); i > 0 {
		return string(r)[:i]
	}
	return string(r)
}

// OpenSearch writes opensearch.xml, so browsers can add the site's search.
func OpenSearch(s *site.Site, emit Emit) error {
	d := openSearch{ShortName: shortName(s.Config.Name), Description: "Søg i " + s.Config.Name + ": " + s.Config.Description,
		InputEncoding: "UTF-8", Language: "da",
		URLs: []openSearchURL{{Type: "text/html", Method: "get", Template: ref(s, "/soeg/?q={searchTerms}")}}}
	if u := abs(s, "/"+OpenSearchPath); u != "" {
		d.URLs = append(d.URLs, openSearchURL{Type: "application/opensearchdescription+xml", Rel: "self", Template: u})
	}
	data, err := xmlDoc(d)
	if err != nil {
		return err
	}
	return emit(OpenSearchPath, data)
}

// copenhagen is the VTIMEZONE of Danish time: CET, and CEST from the last Sunday of March to
// the last Sunday of October.
const copenhagen = "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n" +
	"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

// Calendar writes kalender.ics (RFC 5545): every active offer's weekly group meetings
// (moedetider) as a repeating event in Danish time, one event per line ("døgnet rundt" is left
// out: it is not a time to go). The first event is on the first matching day on or after the
// day the offer was reviewed, so the feed depends on the content only.
func Calendar(s *site.Site, emit Emit) error {
	x := newIDs(s.Config.Municipality)
	var b strings.Builder
	line := func(name, value string) { b.WriteString(fold(name + ":" + value)) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//Tilbudsviften//viften//DA")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("NAME", icsText("Faste tider – "+s.Config.Name))
	line("X-WR-CALNAME", icsText("Faste tider – "+s.Config.Name))
	line("X-WR-TIMEZONE", "Europe/Copenhagen")
	b.WriteString(copenhagen)
	for _, o := range s.Offers {
		if o.Status == site.StatusClosed {
			continue
		}
		for i, h := range o.Sessions {
			if h.AllDay() || byday(h) == "" {
				continue
			}
			start := o.Reviewed
			for !h.Days[(int(start.Weekday())+6)%7] {
				start = start.AddDate(0, 0, 1)
			}
			day := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
			at := func(min int) string {
				return day.Add(time.Duration(min) * time.Minute).Format("20060102T150405")
			}
			line("BEGIN", "VEVENT")
			line("UID", x.id("schedule", o.Slug, fmt.Sprint(i)))
			line("DTSTAMP", o.Reviewed.UTC().Format("20060102T150405Z"))
			line("DTSTART;TZID=Europe/Copenhagen", at(h.Opens))
			line("DTEND;TZID=Europe/Copenhagen", at(h.Closes))
			line("RRULE", "FREQ=WEEKLY;WKST=MO;BYDAY="+byday(h))
			summary := o.Title
			if h.Note != "" {
				summary += " (" + h.Note + ")"
			}
			line("SUMMARY", icsText(summary))
			line("DESCRIPTION", icsText(o.Summary+"\n"+hoursText(h)+"\n"+ref(s, o.URL())))
			if len(o.Locations) > 0 {
				line("LOCATION", icsText(placeText(o.Locations[0])))
			}
			if u := abs(s, o.URL()); u != "" {
				line("URL", u)
			}
			line("END", "VEVENT")
		}
	}
	line("END", "VCALENDAR")
	return emit(CalendarPath, []byte(b.String()))
}

// icsText escapes a TEXT value.
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`).Replace(s)
}

// fold ends a content line with CRLF, folded to lines of at most 75 octets without splitting a
// UTF-8 sequence.
func fold(l string) string {
	var b strings.Builder
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut] + "\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(l + "\r\n")
	return b.String()
}
