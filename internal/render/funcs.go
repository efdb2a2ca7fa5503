package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"tilbudsviften/internal/export"
	"tilbudsviften/internal/site"
)

// funcs are the functions templates can call.
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) (string, error) {
			p, ok := r.assets[name]
			if !ok {
				return "", fmt.Errorf("the theme has no asset %q", name)
			}
			return "/" + p, nil
		},
		"date":       Date,
		"isodate":    func(t time.Time) string { return t.Format("2006-01-02") },
		"age":        (*site.AgeRange).Text,
		"tel":        TelURL,
		"language":   Language,
		"languages":  Languages,
		"directions": Directions,
		"address":    site.Address.Line,
		"fixmail":    FixMail,
		"hoursData":  HoursData,
		"cards": func(p *Page, offers []*site.Offer) []template.HTML {
			list := make([]template.HTML, len(offers))
			for i, o := range offers {
				list[i] = p.cards[o]
			}
			return list
		},
		"pageURL":    PageURL,
		"jsonld":     JSONLD,
		"join":       strings.Join,
		"contains":   strings.Contains,
		"lower":      strings.ToLower,
		"add":        func(a, b int) int { return a + b },
		"count":      Count,
		"routeText":  RouteText,
		"hasContact": HasContact,
		"fallback":   Fallback,
		"askWhom":    askWhom,
		"firstCall":  firstCall,
		"cspMeta":    cspMeta,
		"topicNames": topicNames,
		"host":       Host,
	}
}

// PageURL returns the address of the plain page with the slug, or "" when there is none.
func PageURL(s *site.Site, slug string) string {
	for _, p := range s.Pages {
		if p.Slug == slug {
			return p.URL()
		}
	}
	return ""
}

// firstCall is the offer's first contact with a telephone number, for the call button at the
// top of the offer page; nil when none has one.
func firstCall(o *site.Offer) *site.Contact {
	for _, c := range o.Contacts {
		if c.Phone != "" {
			return c
		}
	}
	return nil
}

// topicNames lists the topics' names, comma separated.
func topicNames(ts []*site.Topic) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// Host returns the host of a web address without "www.", or the address when it has none.
func Host(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return u
	}
	return strings.TrimPrefix(p.Host, "www.")
}

var months = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
	"september", "oktober", "november", "december"}

// Date formats t the Danish way: "22. november 2026".
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d. %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// TelURL returns the tel: link of a Danish phone number as editors write it: "44 52 70 00"
// becomes "tel:+4544527000"; short numbers such as 112, 1813 and 116 111 stay as they are.
func TelURL(phone string) template.URL {
	var digits strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' || r == '+' {
			digits.WriteRune(r)
		}
	}
	d := digits.String()
	if len(d) == 8 && !strings.HasPrefix(d, "+") {
		d = "+45" + d
	}
	return template.URL("tel:" + d)
}

// Language returns the Danish name of an ISO 639-1 language code, or the code when unknown.
func Language(code string) string {
	n, _ := site.LanguageName(code)
	return n
}

// Languages lists language codes as Danish names: "dansk, engelsk og arabisk".
func Languages(codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = Language(c)
	}
	return site.JoinAnd(names)
}

// Directions returns a link that opens a map with directions to the address in the visitor's
// own map service. Nothing is loaded from the map service until the visitor follows the link.
func Directions(a site.Address) template.URL {
	q := url.QueryEscape(a.Line())
	return template.URL("https://www.openstreetmap.org/search?query=" + q)
}

// FixMail returns a mailto: link for reporting a mistake on a page.
func FixMail(s *site.Site, title, pageURL string) template.URL {
	to := s.Config.Editors.Email
	subject := "Fejl på siden " + title
	body := "Siden: " + s.Config.BaseURL + pageURL + "\n\nHvad er forkert?\n"
	return template.URL("mailto:" + to + "?subject=" + pathEscape(subject) + "&body=" + pathEscape(body))
}

func pathEscape(s string) string { return strings.ReplaceAll(url.PathEscape(s), "&", "%26") }

// Count writes a count with its noun: "1 tilbud", "3 tilbud", "1 kontakt", "2 kontakter".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// RouteText says in one phrase how to get an offer.
func RouteText(o *site.Offer) string {
	switch o.Access.Route {
	case site.RouteSelf:
		if o.Access.Anonymous {
			return "Du kan selv tage kontakt – også anonymt"
		}
		return "Du kan selv tage kontakt"
	case site.RouteProfessional:
		if o.Access.Via != "" {
			return "Via " + lowerWord(o.Access.Via)
		}
		return "Via en fagperson"
	case site.RouteDecision:
		return "Kræver en afgørelse fra kommunen"
	}
	return ""
}

// lowerWord lower-cases the first letter of s unless its first word is an abbreviation
// ("PPR", "SSP") or a name in capitals ("BørneTelefonen").
func lowerWord(s string) string {
	word, _, _ := strings.Cut(s, " ")
	upper := 0
	for _, r := range word {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper > 1 {
		return s
	}
	return site.LowerFirst(s)
}

// HoursData encodes opening hours for the browser's "Åben nu": one "days,opens,closes" group
// per line, days as seven 0/1 digits from Monday, times in minutes after midnight.
func HoursData(hours []site.Hours) string {
	parts := make([]string, len(hours))
	for i, h := range hours {
		var days [7]byte
		for d, open := range h.Days {
			days[d] = '0'
			if open {
				days[d] = '1'
			}
		}
		parts[i] = fmt.Sprintf("%s,%d,%d", days[:], h.Opens, h.Closes)
	}
	return strings.Join(parts, ";")
}

// HasContact reports whether an offer gives the visitor any way to get in touch.
func HasContact(o *site.Offer) bool {
	for _, c := range o.Contacts {
		if c.Phone != "" || c.Email != "" || c.Web != "" || c.Chat != "" || c.SMS != "" || !c.Address.IsZero() {
			return true
		}
	}
	for _, l := range o.Locations {
		if !l.Address.IsZero() {
			return true
		}
	}
	return false
}

// FallbackContact is what an offer page shows under "Kontakt" when none of the offer's contacts
// has a phone or e-mail: another contact, with a lead that says whose it is.
type FallbackContact struct {
	Lead    string // "Tilbuddet har ikke sit eget telefonnummer … Kontakt X, som står for tilbuddet:"
	Short   string // the same for a one-page list, without the name: "Ingen egen telefon … Kontakt i stedet kommunen:"
	Contact *site.Contact
}

// fallbackLeads are the leads of the fallback contacts by kind; %s is the contact's name.
var fallbackLeads = map[site.ReachKind]string{
	site.ReachUnit:         "Kontakt %s, som står for tilbuddet:",
	site.ReachProvider:     "Kontakt %s, som står bag tilbuddet:",
	site.ReachMunicipality: "Du kan i stedet kontakte kommunen (%s):",
}

// fallbackShort names, by kind, whom a one-page list (Min liste) sends the family to; the
// contact's name follows on its own line there.
var fallbackShort = map[site.ReachKind]string{
	site.ReachUnit:         "den enhed, der står for tilbuddet",
	site.ReachProvider:     "dem, der står bag tilbuddet",
	site.ReachMunicipality: "kommunen",
}

// Fallback returns the contact an offer's page shows for want of a phone or e-mail of the
// offer's own (site.ReachOf), or nil when the offer has one or there is none to show.
func Fallback(s *site.Site, o *site.Offer) *FallbackContact {
	r := s.ReachOf(o)
	if !r.Fallback() {
		return nil
	}
	return &FallbackContact{Contact: r.Contact,
		Lead:  "Tilbuddet har ikke sit eget telefonnummer eller sin egen e-mail her endnu. " + fmt.Sprintf(fallbackLeads[r.Kind], r.Contact.Name),
		Short: "Ingen egen telefon eller e-mail. Kontakt i stedet " + fallbackShort[r.Kind] + ":"}
}

// askWhom names whom to ask about an offer that gives no way to get in touch: its provider,
// or the municipality.
func askWhom(s *site.Site, o *site.Offer) string {
	if o.Provider != nil {
		return o.Provider.Name
	}
	return s.Config.Municipality
}

// Initial returns the letter under which a title is listed from A to Å.
func Initial(title string) string {
	k := site.CollationKey(title)
	if k == "" {
		return "#"
	}
	if strings.HasPrefix(k, "{") {
		return "Æ"
	}
	if strings.HasPrefix(k, "|") {
		return "Ø"
	}
	if strings.HasPrefix(k, "}") {
		return "Å"
	}
	r := []rune(k)[0]
	if unicode.IsDigit(r) {
		return "0–9"
	}
	return strings.ToUpper(string(r))
}

// JSONLD returns the schema.org JSON-LD of a page, for a <script type="application/ld+json">
// element: the offer on an offer page, the municipality and the site on the front page, and
// nothing on other pages. The JSON escapes <, > and &, so it cannot end the element.
func JSONLD(p *Page) (template.JS, error) {
	var data []byte
	var err error
	switch {
	case p.Kind == "offer" && p.Offer != nil:
		data, err = export.OfferJSONLD(p.Site, p.Offer)
	case p.Kind == "index":
		data, err = export.SiteJSONLD(p.Site)
	default:
		return "", nil
	}
	return template.JS(data), err
}
