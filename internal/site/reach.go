package site

// Reachable reports whether the contact gives a phone number or an e-mail address: a way to get
// in touch that works from any phone (tel: or mailto:).
func (c *Contact) Reachable() bool { return c != nil && (c.Phone != "" || c.Email != "") }

// ReachKind says whose phone or e-mail an offer's page gives.
type ReachKind string

// The kinds of reach, from the offer's own line to none. Only ReachOwn is the offer's own; the
// others are fallbacks, which the page names as what they are.
const (
	ReachOwn          ReachKind = "egen"    // a contact of the offer's own has a phone or e-mail
	ReachUnit         ReachKind = "enhed"   // the unit responsible for the offer (the offer's enhed)
	ReachProvider     ReachKind = "udbyder" // the organisation behind it (its provider's kontakt)
	ReachMunicipality ReachKind = "kommune" // the municipality's general contact (site.yaml kontakt)
	ReachNone         ReachKind = "ingen"   // no phone or e-mail at all
)

// Reach is how an offer's page lets a visitor call or write.
type Reach struct {
	Kind    ReachKind
	Contact *Contact // the fallback shown; nil for ReachOwn and ReachNone
}

// Fallback reports whether the page shows a contact that is not the offer's own.
func (r Reach) Fallback() bool { return r.Contact != nil }

// ReachOf returns how the page of o lets a visitor call or write: the offer's own contacts when
// one has a phone or e-mail, else the first of the unit responsible for it, its provider's general
// contact and the municipality's general contact that has one.
func (s *Site) ReachOf(o *Offer) Reach {
	for _, c := range o.Contacts {
		if c.Reachable() {
			return Reach{Kind: ReachOwn}
		}
	}
	if o.Unit.Reachable() {
		return Reach{ReachUnit, o.Unit}
	}
	if o.Provider != nil && o.Provider.Contact.Reachable() {
		return Reach{ReachProvider, o.Provider.Contact}
	}
	if s.Config.Contact.Reachable() {
		return Reach{ReachMunicipality, s.Config.Contact}
	}
	return Reach{Kind: ReachNone}
}
