package export

import (
	"encoding/json"

	"tilbudsviften/internal/site"
)

// The JSON-LD is encoded with encoding/json's default HTML escaping (<, > and & as \u003c ...)
// so it can stand inside a <script type="application/ld+json"> element as it is.

// The objects are structs whose fields are in the order of their JSON names, so the output
// is what encoding/json gives for maps (keys sorted), at a fraction of the cost; a field is
// left out (omitempty) exactly where a key used to be left out of the map.

type ldArea struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldAddress struct {
	Type     string `json:"@type"`
	Country  string `json:"addressCountry"`
	Locality string `json:"addressLocality,omitempty"`
	Postal   string `json:"postalCode,omitempty"`
	Street   string `json:"streetAddress,omitempty"`
}

type ldHours struct {
	Type        string   `json:"@type"`
	Closes      string   `json:"closes"`
	Days        []string `json:"dayOfWeek"`
	Description string   `json:"description,omitempty"`
	Opens       string   `json:"opens"`
}

type ldOrg struct {
	ID          string     `json:"@id,omitempty"`
	Type        string     `json:"@type"`
	Address     *ldAddress `json:"address,omitempty"`
	AreaServed  *ldArea    `json:"areaServed,omitempty"`
	Description string     `json:"description,omitempty"`
	Email       string     `json:"email,omitempty"`
	Name        string     `json:"name"`
	Telephone   string     `json:"telephone,omitempty"`
	URL         string     `json:"url,omitempty"`
}

type ldAudience struct {
	Type   string `json:"@type"`
	Name   string `json:"audienceType"`
	MaxAge *int   `json:"suggestedMaxAge,omitempty"`
	MinAge *int   `json:"suggestedMinAge,omitempty"`
}

type ldContactPoint struct {
	Type      string    `json:"@type"`
	Email     string    `json:"email,omitempty"`
	Hours     []ldHours `json:"hoursAvailable,omitempty"`
	Name      string    `json:"name"`
	Telephone string    `json:"telephone,omitempty"`
}

type ldSMS struct {
	Type      string `json:"@type"`
	Telephone string `json:"telephone"`
}

type ldPlace struct {
	Type        string     `json:"@type"`
	Address     *ldAddress `json:"address,omitempty"`
	Description string     `json:"description,omitempty"`
	Name        string     `json:"name"`
	Hours       []ldHours  `json:"openingHoursSpecification,omitempty"`
}

type ldChannel struct {
	Type      string          `json:"@type"`
	Languages []string        `json:"availableLanguage"`
	Name      string          `json:"name"`
	Location  *ldPlace        `json:"serviceLocation,omitempty"`
	Phone     *ldContactPoint `json:"servicePhone,omitempty"`
	SMS       *ldSMS          `json:"serviceSmsNumber,omitempty"`
	URL       string          `json:"serviceUrl,omitempty"`
}

type ldOffer struct {
	Type        string `json:"@type"`
	Description string `json:"description,omitempty"`
	Price       string `json:"price,omitempty"`
	Currency    string `json:"priceCurrency"`
}

type ldService struct {
	Context     string       `json:"@context"`
	Type        string       `json:"@type"`
	AreaServed  ldArea       `json:"areaServed"`
	Audience    []ldAudience `json:"audience"`
	Channels    []ldChannel  `json:"availableChannel,omitempty"`
	Category    []string     `json:"category,omitempty"`
	Description string       `json:"description"`
	Hours       []ldHours    `json:"hoursAvailable,omitempty"`
	Identifier  string       `json:"identifier"`
	InLanguage  string       `json:"inLanguage"`
	Name        string       `json:"name"`
	Offers      *ldOffer     `json:"offers,omitempty"`
	Provider    *ldOrg       `json:"provider,omitempty"`
	ServiceType *string      `json:"serviceType,omitempty"` // set with the step, even if empty
	URL         string       `json:"url"`
}

var schemaDays = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// openingHours returns schema.org OpeningHoursSpecification objects for lines of hours.
func openingHours(hours []site.Hours) []ldHours {
	list := make([]ldHours, 0, len(hours))
	for _, h := range hours {
		var days []string
		for i, on := range h.Days {
			if on {
				days = append(days, "https://schema.org/"+schemaDays[i])
			}
		}
		spec := ldHours{Type: "OpeningHoursSpecification", Days: days, Opens: clock(h.Opens) + ":00",
			Closes: clock(h.Closes) + ":00", Description: h.Note}
		if h.Closes >= 24*60 {
			spec.Closes = "23:59:59"
		}
		list = append(list, spec)
	}
	return list
}

func postalAddress(a site.Address) *ldAddress {
	return &ldAddress{Type: "PostalAddress", Country: "DK", Street: a.Street, Postal: a.PostalCode, Locality: a.City}
}

// government reports whether the provider is a public authority.
func government(p *site.Provider) bool {
	return p != nil && (p.Kind == site.ProviderMunicipality || p.Kind == site.ProviderRegion || p.Kind == site.ProviderState)
}

func organization(p *site.Provider) *ldOrg {
	org := &ldOrg{Type: "Organization", Name: p.Name, Description: p.Description, URL: p.Web, Email: p.Email, Telephone: p.Phone}
	switch {
	case government(p):
		org.Type = "GovernmentOrganization"
	case p.Kind == site.ProviderNGO:
		org.Type = "NGO"
	}
	if !p.Address.IsZero() {
		org.Address = postalAddress(p.Address)
	}
	return org
}

// OfferJSONLD returns the schema.org description of an offer page: a GovernmentService when a
// public authority provides it, otherwise a Service, with its provider, the municipality as the
// area served, its audiences (and ages), opening hours, contact channels and places.
func OfferJSONLD(s *site.Site, o *site.Offer) ([]byte, error) {
	svc := ldService{Context: "https://schema.org", Type: "Service", Identifier: ServiceID(s.Config.Municipality, o.Slug),
		Name: o.Title, Description: o.Summary, URL: ref(s, o.URL()), InLanguage: "da",
		AreaServed: ldArea{Type: "AdministrativeArea", Name: s.Config.Municipality}}
	if government(o.Provider) {
		svc.Type = "GovernmentService"
	}
	if o.Provider != nil {
		svc.Provider = organization(o.Provider)
	}
	for _, a := range o.Audiences {
		aud := ldAudience{Type: "PeopleAudience", Name: a.Name}
		if o.Age != nil {
			aud.MinAge, aud.MaxAge = &o.Age.From, &o.Age.To
		}
		svc.Audience = append(svc.Audience, aud)
	}
	if len(o.Topics) > 0 {
		svc.Category = topicNames(o.Topics)
	}
	if o.Step != nil {
		svc.ServiceType = &o.Step.Name
	}
	if len(o.Hours) > 0 {
		svc.Hours = openingHours(o.Hours)
	}
	langs := o.LanguageCodes()
	for _, c := range o.Contacts {
		ch := ldChannel{Type: "ServiceChannel", Name: c.Name, Languages: langs}
		if c.Phone != "" || c.Email != "" {
			ch.Phone = &ldContactPoint{Type: "ContactPoint", Name: c.Name, Telephone: c.Phone, Email: c.Email}
			if len(c.PhoneHours) > 0 {
				ch.Phone.Hours = openingHours(c.PhoneHours)
			}
		}
		if c.SMS != "" {
			ch.SMS = &ldSMS{Type: "ContactPoint", Telephone: c.SMS}
		}
		ch.URL = c.Web
		if ch.URL == "" {
			ch.URL = c.Chat
		}
		if !c.Address.IsZero() {
			ch.Location = &ldPlace{Type: "Place", Name: c.Name, Address: postalAddress(c.Address)}
			if len(c.Hours) > 0 {
				ch.Location.Hours = openingHours(c.Hours)
			}
		}
		svc.Channels = append(svc.Channels, ch)
	}
	for _, l := range o.Locations {
		place := &ldPlace{Type: "Place", Name: l.Name, Description: l.Note}
		if !l.Address.IsZero() {
			place.Address = postalAddress(l.Address)
		}
		svc.Channels = append(svc.Channels, ldChannel{Type: "ServiceChannel", Name: l.Name, Location: place, Languages: langs})
	}
	if o.Cost != nil {
		svc.Offers = &ldOffer{Type: "Offer", Currency: "DKK", Description: o.Cost.Text}
		if o.Cost.Free {
			svc.Offers.Price = "0"
		}
	}
	return json.Marshal(svc)
}

// SiteJSONLD returns the schema.org description of the front page: the municipality that
// publishes the site (with what its provider file says about it, when it has one), and the
// site with its search.
func SiteJSONLD(s *site.Site) ([]byte, error) {
	municipality := &ldOrg{Type: "GovernmentOrganization", Name: s.Config.Municipality}
	for _, p := range s.Providers {
		if p.Kind == site.ProviderMunicipality && p.Name == s.Config.Municipality {
			municipality = organization(p) // with its website, phone and address when known
			break
		}
	}
	municipality.ID = ref(s, "/") + "#kommune"
	municipality.AreaServed = &ldArea{Type: "AdministrativeArea", Name: s.Config.Municipality}
	type ldRef struct {
		ID string `json:"@id"`
	}
	type ldSearch struct {
		Type   string `json:"@type"`
		Query  string `json:"query-input"`
		Target string `json:"target"`
	}
	type ldSite struct {
		ID          string    `json:"@id"`
		Type        string    `json:"@type"`
		Description string    `json:"description"`
		InLanguage  string    `json:"inLanguage"`
		Name        string    `json:"name"`
		Action      *ldSearch `json:"potentialAction,omitempty"`
		Publisher   ldRef     `json:"publisher"`
		URL         string    `json:"url"`
	}
	website := ldSite{Type: "WebSite", ID: ref(s, "/") + "#site", Name: s.Config.Name, Description: s.Config.Description,
		URL: ref(s, "/"), InLanguage: "da", Publisher: ldRef{ref(s, "/") + "#kommune"}}
	if s.Config.BaseURL != "" {
		website.Action = &ldSearch{Type: "SearchAction", Target: s.Config.BaseURL + "/soeg/?q={search_term_string}",
			Query: "required name=search_term_string"}
	}
	return json.Marshal(struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}{"https://schema.org", []any{municipality, website}})
}
