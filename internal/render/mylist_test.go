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
	data, err := listData(s)
	if err != nil {
		t.Fatal(err)
	}
	var list map[string]listOffer
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	if list["adresse"].Missing != "" {
		t.Errorf("an offer reached at a place's address: missing note %q, want none", list["adresse"].Missing)
	}
	if want := "Vi har endnu ikke alle kontaktoplysninger. Kontakt Herlev Kommune for at høre mere."; list["kun-navn"].Missing != want {
		t.Errorf("missing note %q, want %q", list["kun-navn"].Missing, want)
	}
}
