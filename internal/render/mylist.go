package render

import (
	"encoding/json"
	"strings"

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
	// Fallback is the short lead of the last contact when it is not the offer's own
	// (render.Fallback): whom it belongs to, in one line, as a handout has room for.
	Fallback string `json:"reserve,omitempty"`
	// Links are the offer's own web links, shown with Missing.
	Links []site.Link `json:"links,omitempty"`
}

type listContact struct {
	Name  string `json:"navn"`
	Phone string `json:"telefon,omitempty"`
	Tel   string `json:"tel,omitempty"`
	SMS   string `json:"sms,omitempty"` // the number as written; the link is sms: with SMSHref
	// SMSHref is the sms: link of SMS, its digits as the tel: link has them.
	SMSHref string `json:"smsHref,omitempty"`
	Email   string `json:"email,omitempty"`
	Web     string `json:"web,omitempty"`
}

// listData returns min-liste/tilbud.json: slug → offer, which the browser reads to show the
// visitor's list. The list itself lives only in the address and the tab.
func listData(s *site.Site) ([]byte, error) {
	offers := make(map[string]listOffer, len(s.Offers))
	for _, o := range s.Offers {
		lo := listOffer{Title: o.Title, URL: o.URL(), Summary: o.Summary, Age: o.Age.Text(), Route: RouteText(o), Free: o.Free()}
		for _, c := range o.Contacts {
			lo.Contacts = append(lo.Contacts, newListContact(c))
		}
		if fb := Fallback(s, o); fb != nil { // as the offer page shows it
			lo.Fallback = fb.Short
			lo.Contacts = append(lo.Contacts, newListContact(fb.Contact))
		} else if !HasContact(o) {
			lo.Missing = "Vi har endnu ikke alle kontaktoplysninger. Kontakt " + askWhom(s, o) + " for at høre mere."
			lo.Links = o.Links
		}
		offers[o.Slug] = lo
	}
	return json.Marshal(offers) // maps marshal with sorted keys: deterministic
}

func newListContact(c *site.Contact) listContact {
	lc := listContact{Name: c.Name, Phone: c.Phone, Email: c.Email, Web: c.Web}
	if c.Phone != "" {
		lc.Tel = string(TelURL(c.Phone))
	}
	if c.SMS != "" {
		lc.SMS, lc.SMSHref = c.SMS, "sms:"+strings.TrimPrefix(string(TelURL(c.SMS)), "tel:")
	}
	return lc
}
