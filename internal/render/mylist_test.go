package render

import (
	"encoding/json"
	"testing"

	"tilbudsviften/internal/site"
)

// TestListMissingContact: Min liste says whom to ask when the offer page does (HasContact): for a
// contact with a name only, not for an offer reached at a place's address.
func TestListMissingContact(t *testing.T) {
	s := &site.Site{Config: site.Config{Municipality: "Herlev Kommune"}, Offers: []*site.Offer{
		{Slug: "kun-navn", Contacts: []*site.Contact{{Name: "Rådgivningen"}}},
		{Slug: "adresse", Locations: []site.Location{{Name: "Huset", Address: site.Address{Street: "Vej 1"}}}},
	}}
	list := decodeList(t, s)
	if list["adresse"].Missing != "" {
		t.Errorf("an offer reached at a place's address: missing note %q, want none", list["adresse"].Missing)
	}
	if want := "Vi har endnu ikke alle kontaktoplysninger. Kontakt Herlev Kommune for at høre mere."; list["kun-navn"].Missing != want {
		t.Errorf("missing note %q, want %q", list["kun-navn"].Missing, want)
	}
}

// TestListFallback: an offer without a phone or e-mail of its own carries on Min liste the contact
// its page falls back to, last, with a one-line lead naming whose it is; an offer with its own line
// carries no lead.
func TestListFallback(t *testing.T) {
	kommune := &site.Contact{Name: "Herlev Kommune", Phone: "44 52 70 08"}
	enhed := &site.Contact{Name: "Familierådgivningen", Email: "familie@example.dk"}
	s := &site.Site{Config: site.Config{Municipality: "Herlev Kommune", Contact: kommune}, Offers: []*site.Offer{
		{Slug: "egen", Contacts: []*site.Contact{{Name: "Linjen", Phone: "70 00 00 00"}}},
		{Slug: "enhed", Contacts: []*site.Contact{{Name: "Gruppen"}}, Unit: enhed},
		{Slug: "kommune"},
	}}
	list := decodeList(t, s)
	if o := list["egen"]; o.Fallback != "" || len(o.Contacts) != 1 {
		t.Errorf("an offer with its own phone: lead %q, %d contacts; want none and 1", o.Fallback, len(o.Contacts))
	}
	cases := []struct {
		slug, lead string
		last       *site.Contact
		contacts   int
	}{
		{"enhed", "Ingen egen telefon eller e-mail. Kontakt i stedet den enhed, der står for tilbuddet:", enhed, 2},
		{"kommune", "Ingen egen telefon eller e-mail. Kontakt i stedet kommunen:", kommune, 1},
	}
	for _, c := range cases {
		o := list[c.slug]
		if o.Fallback != c.lead || o.Missing != "" {
			t.Errorf("%s: lead %q, missing note %q; want %q and none", c.slug, o.Fallback, o.Missing, c.lead)
		}
		if len(o.Contacts) != c.contacts {
			t.Fatalf("%s: %d contacts, want %d", c.slug, len(o.Contacts), c.contacts)
		}
		last := o.Contacts[len(o.Contacts)-1]
		if last.Name != c.last.Name || last.Phone != c.last.Phone || last.Email != c.last.Email {
			t.Errorf("%s: last contact %+v, want %s", c.slug, last, c.last.Name)
		}
	}
}

// decodeList returns min-liste/tilbud.json of s as Min liste reads it.
func decodeList(t *testing.T, s *site.Site) map[string]listOffer {
	t.Helper()
	data, err := listData(s)
	if err != nil {
		t.Fatal(err)
	}
	var list map[string]listOffer
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	return list
}

// TestListSMS: a contact reached by sms only carries its number and an sms: link on Min liste,
// so the list does not show its name with nothing after it.
func TestListSMS(t *testing.T) {
	s := &site.Site{Offers: []*site.Offer{{Slug: "chat", Contacts: []*site.Contact{{Name: "Chatten", SMS: "47 47 10 20"}}}}}
	c := decodeList(t, s)["chat"].Contacts
	if len(c) != 1 || c[0].SMS != "47 47 10 20" || c[0].SMSHref != "sms:+4547471020" {
		t.Errorf("contacts %+v, want the sms number and sms:+4547471020", c)
	}
}
