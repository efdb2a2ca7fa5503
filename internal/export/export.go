// Package export publishes a loaded *site.Site as open data, in the standard formats others
// build on: Open Referral HSDS 3.0 (static JSON API files and the tabular data package), a
// spreadsheet of all offers for professionals (CSV for Danish Excel, and the same rows as
// JSON), schema.org JSON-LD for the pages, and the site files search engines, feed readers,
// browsers and calendars read (sitemap.xml, robots.txt, an Atom feed, an OpenSearch
// description and an iCalendar feed).
//
// Every function hands its files to emit, path → bytes, with paths relative to the site's
// root, in a fixed order. The output is deterministic: it depends only on the site, never on
// the clock or on map order; dates come from the content (reviewed and source-read dates).
// Identifiers are UUIDs derived from the municipality and the slugs (UUIDv5), so they survive
// rebuilds. Absolute URLs need site.Config.BaseURL; without it, files that require absolute
// URLs (the sitemap) are left out and the others use site-relative paths or leave the field
// out (docs/open-data.md says which).
//
// The package imports the standard library, the model and internal/par only.
package export

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"tilbudsviften/internal/site"
)

// Emit receives one output file: its path relative to the site's root and its bytes.
type Emit = func(path string, data []byte) error

// Format is a set of export files that `viften export -format` names.
type Format string

// The formats. Site files (sitemap, feeds) belong to the build only.
const (
	FormatHSDS Format = "hsds" // HSDS 3.0 JSON under data/hsds/, with the profile page
	FormatCSV  Format = "csv"  // the HSDS tabular data package and the professionals' CSV
	FormatJSON Format = "json" // the professionals' rows as JSON (data/tilbud.json)
)

// Formats lists the formats in the order they are written.
var Formats = []Format{FormatHSDS, FormatCSV, FormatJSON}

// Paths of the files outside data/hsds/.
const (
	ProCSVPath     = "data/tilbud.csv"
	ProJSONPath    = "data/tilbud.json"
	SitemapPath    = "sitemap.xml"
	RobotsPath     = "robots.txt"
	AtomPath       = "feed.atom"
	OpenSearchPath = "opensearch.xml"
	CalendarPath   = "kalender.ics"
)

// Data writes the files of the given formats; FormatHSDS includes the standalone profile page,
// written after them.
func Data(s *site.Site, formats []Format, emit Emit) error {
	hsds, err := data(s, formats, emit)
	if err != nil {
		return err
	}
	if slices.Contains(formats, FormatHSDS) {
		if err := writeProfile(hsds(), emit); err != nil { // the vocabularies the HSDS data holds
			return fmt.Errorf("%s: %w", FormatHSDS, err)
		}
	}
	return nil
}

// data writes the files of the given formats and returns the HSDS data, built when a format
// needed it.
func data(s *site.Site, formats []Format, emit Emit) (func() *hsdsData, error) {
	// What several formats share is built once, by the first that needs it.
	hsds := sync.OnceValue(func() *hsdsData { return buildHSDS(s) })
	rows := sync.OnceValue(func() []*proRow { return proRows(s) })
	// The formats are written at the same time, each into its own list, and emitted in order:
	// a goroutine each, for JSON's rows need not wait while CSV waits for the HSDS data.
	type output struct {
		files []file
		err   error
	}
	outs := make([]output, len(formats))
	write := func(i int) {
		out := &outs[i]
		collect := func(p string, data []byte) error {
			out.files = append(out.files, file{p, data})
			return nil
		}
		switch formats[i] {
		case FormatHSDS:
			out.err = writeHSDS(hsds(), collect)
		case FormatCSV:
			if out.err = writeTabular(hsds(), collect); out.err == nil {
				out.err = writeProCSV(rows(), collect)
			}
		case FormatJSON:
			out.err = writeProJSON(rows(), collect)
		default:
			out.err = fmt.Errorf("unknown format %q", formats[i])
		}
	}
	var wg sync.WaitGroup
	for i := range formats {
		wg.Go(func() { write(i) })
	}
	wg.Wait()
	for i, out := range outs {
		err := out.err
		for _, f := range out.files {
			if err == nil {
				err = emit(f.path, f.data)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", formats[i], err)
		}
	}
	return hsds, nil
}

// file is one written file.
type file struct {
	path string
	data []byte
}

// All writes every open-data and site file: the build's output. The build renders the
// profile page in the site's theme (ProfileContent), so the standalone page, which is for
// `viften export`, is left out.
func All(s *site.Site, emit Emit) error {
	if _, err := data(s, Formats, emit); err != nil {
		return err
	}
	return SiteFiles(s, emit)
}

// SiteFiles writes sitemap.xml (when the base URL is known), robots.txt, the Atom feed, the
// OpenSearch description and the iCalendar feed.
func SiteFiles(s *site.Site, emit Emit) error {
	for _, f := range []func(*site.Site, Emit) error{Sitemap, Robots, Atom, OpenSearch, Calendar} {
		if err := f(s, emit); err != nil {
			return err
		}
	}
	return nil
}

// abs returns the absolute URL of a site path when the base URL is known, or "" when not.
func abs(s *site.Site, path string) string {
	if s.Config.BaseURL == "" {
		return ""
	}
	return s.Config.BaseURL + path
}

// ref returns the absolute URL of a site path when the base URL is known, or the path itself.
func ref(s *site.Site, path string) string {
	if s.Config.BaseURL == "" {
		return path
	}
	return s.Config.BaseURL + path
}

// clock formats minutes after midnight as HH:MM; midnight at the end of a day is 23:59, as
// HSDS and schema.org expect.
func clock(min int) string {
	if min >= 24*60 {
		return "23:59"
	}
	return fmt.Sprintf("%02d:%02d", min/60, min%60)
}

// hoursText returns a line of opening hours in plain Danish: "mandag–onsdag kl. 8.00–15.00 (chat)".
func hoursText(h site.Hours) string {
	t := h.DaysText() + " " + h.TimeText()
	if h.Note != "" {
		t += " (" + h.Note + ")"
	}
	return t
}

// hoursList joins lines of opening hours with "; ".
func hoursList(hours []site.Hours) string {
	parts := make([]string, len(hours))
	for i, h := range hours {
		parts[i] = hoursText(h)
	}
	return strings.Join(parts, "; ")
}

// routeText explains the way to an offer in plain Danish.
func routeText(r site.Route) string {
	switch r {
	case site.RouteSelf:
		return "Kom selv: kontakt tilbuddet direkte, uden henvisning."
	case site.RouteProfessional:
		return "Via en fagperson, fx sundhedsplejersken, en lærer, PPR eller lægen."
	case site.RouteDecision:
		return "Kræver en afgørelse fra kommunens sagsbehandler."
	}
	return string(r)
}

// accessText describes how to get an offer: route, anonymity, who to go through, the steps.
func accessText(a site.Access) string {
	var b strings.Builder
	b.WriteString(routeText(a.Route))
	if a.Anonymous {
		b.WriteString(" Du kan være anonym.")
	}
	if a.Via != "" {
		b.WriteString(" Gå gennem: " + a.Via + ".")
	}
	for i, step := range a.Steps {
		fmt.Fprintf(&b, "\n%d. %s", i+1, step)
	}
	return b.String()
}

// costText describes the price, or "" when not known.
func costText(c *site.Cost) string {
	switch {
	case c == nil:
		return ""
	case c.Text != "":
		return c.Text
	case c.Free:
		return "Gratis"
	}
	return "Koster penge; spørg om prisen."
}

// audienceNames and topicNames return the names of audiences or topics.
func audienceNames(list []*site.Audience) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.Name
	}
	return out
}

func topicNames(list []*site.Topic) []string {
	out := make([]string, len(list))
	for i, t := range list {
		out[i] = t.Name
	}
	return out
}

// placeText writes a place on one line: its name, then its address when known.
func placeText(l site.Location) string {
	if a := l.Address.Line(); a != "" {
		return l.Name + ", " + a
	}
	return l.Name
}

// isEmail reports whether s looks like an e-mail address: for free text such as an offer's
// "ansvarlig", which may name a person instead (e-mail fields are checked by the loader).
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t")
}

// ageText says who an offer is for by age, in the middle of a sentence: "0–6 år", "fra 15 år",
// "alle aldre".
func ageText(a *site.AgeRange) string {
	if a == nil {
		return "alle aldre"
	}
	return strings.ToLower(a.Text())
}
