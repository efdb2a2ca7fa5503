package render

import (
	"encoding/json"

	"tilbudsviften/internal/site"
)

// listOffer is what "Min liste" shows of an offer: enough for a one-page handout.
type listOffer struct {
	Title    string        `json:"titel"`
	URL      string        `json:"url"`
	Summary  string        `json:"resume"`
	Age      string        `json:"alder"`
	Route    string        `json:"adgang"`
	Free     bool          `json:"gratis,omitempty"`
	Contacts []listContact `json:"kontakter,omitempty"`
	// Missing says whom to ask when the offer has no contact details yet, as the offer page does.
	Missing string `json:"mangler,omitempty"`
	// Links are the offer's own web links, shown with Missing.
	Links []site.Link `json:"links,omitempty"`
}

type listContact struct {
	Name  string `json:"navn"`
	Phone string `json:"telefon,omitempty"`
	Tel   string `json:"tel,omitempty"`
	Email string `json:"email,omitempty"`
	Web   string `json:"web,omitempty"`
}

// listData returns min-liste/tilbud.json: slug → offer, which the browser reads to show the
// visitor's list. The list itself lives only in the address and the tab.
func listData(s *site.Site) ([]byte, error) {
	offers := make(map[string]listOffer, len(s.Offers))
	for _, o := range s.Offers {
		lo := listOffer{Title: o.Title, URL: o.URL(), Summary: o.Summary, Age: o.Age.Text(), Route: RouteText(o), Free: o.Free()}
		for _, c := range o.Contacts {
			lc := listContact{Name: c.Name, Phone: c.Phone, Email: c.Email, Web: c.Web}
			if c.Phone != "" {
				lc.Tel = string(TelURL(c.Phone))
			}
			lo.Contacts = append(lo.Contacts, lc)
		}
		if !HasContact(o) { // as the offer page decides it
			lo.Missing = "Vi har endnu ikke alle kontaktoplysninger. Kontakt " + askWhom(s, o) + " for at høre mere."
			lo.Links = o.Links
		}
		offers[o.Slug] = lo
	}
	return json.Marshal(offers) // maps marshal with sorted keys: deterministic
}
