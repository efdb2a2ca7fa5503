package export

import (
	"encoding/json"

	"tilbudsviften/internal/site"
)

// The JSON-LD is encoded with encoding/json's default HTML escaping (<, > and & as \u003c ...)
// so it can stand inside a <script type="application/ld+json"> element as it is.

type ld = map[string]any

var schemaDays = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// openingHours returns schema.org OpeningHoursSpecification objects for lines of hours.
func openingHours(hours []site.Hours) []ld {
	list := make([]ld, 0, len(hours))
	for _, h := range hours {
		var days []string
		for i, on := range h.Days {
			if on {
				days = append(days, "https://schema.org/"+schemaDays[i])
			}
		}
		spec := ld{"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": clock(h.Opens) + ":00",
			"closes": clock(h.Closes) + ":00"}
		if h.Closes >= 24*60 {
			spec["closes"] = "23:59:59"
		}
		if h.Note != "" {
			spec["description"] = h.Note
		}
		list = append(list, spec)
	}
	return list
}

// setText sets key to v unless v is empty.
func setText(m ld, key, v string) {
	if v != "" {
		m[key] = v
	}
}

func postalAddress(a site.Address) ld {
	addr := ld{"@type": "PostalAddress", "addressCountry": "DK"}
	setText(addr, "streetAddress", a.Street)
	setText(addr, "postalCode", a.PostalCode)
	setText(addr, "addressLocality", a.City)
	return addr
}

// government reports whether the provider is a public authority.
func government(p *site.Provider) bool {
	return p != nil && (p.Kind == site.ProviderMunicipality || p.Kind == site.ProviderRegion || p.Kind == site.ProviderState)
}

func organization(p *site.Provider) ld {
	org := ld{"@type": "Organization", "name": p.Name}
	switch {
	case government(p):
		org["@type"] = "GovernmentOrganization"
	case p.Kind == site.ProviderNGO:
		org["@type"] = "NGO"
	}
	setText(org, "description", p.Description)
	setText(org, "url", p.Web)
	setText(org, "email", p.Email)
	setText(org, "telephone", p.Phone)
	if !p.Address.IsZero() {
		org["address"] = postalAddress(p.Address)
	}
	return org
}

// OfferJSONLD returns the schema.org description of an offer page: a GovernmentService when a
// public authority provides it, otherwise a Service, with its provider, the municipality as the
// area served, its audiences (and ages), opening hours, contact channels and places.
func OfferJSONLD(s *site.Site, o *site.Offer) ([]byte, error) {
	x := newIDs(s.Config.Municipality)
	svc := ld{"@context": "https://schema.org", "@type": "Service", "identifier": x.id("service", o.Slug),
		"name": o.Title, "description": o.Summary, "url": ref(s, o.URL()), "inLanguage": "da",
		"areaServed": ld{"@type": "AdministrativeArea", "name": s.Config.Municipality}}
	if government(o.Provider) {
		svc["@type"] = "GovernmentService"
	}
	if o.Provider != nil {
		svc["provider"] = organization(o.Provider)
	}
	var audiences []ld
	for _, a := range o.Audiences {
		aud := ld{"@type": "PeopleAudience", "audienceType": a.Name}
		if o.Age != nil {
			aud["suggestedMinAge"] = o.Age.From
			aud["suggestedMaxAge"] = o.Age.To
		}
		audiences = append(audiences, aud)
	}
	svc["audience"] = audiences
	if len(o.Topics) > 0 {
		svc["category"] = topicNames(o.Topics)
	}
	if o.Step != nil {
		svc["serviceType"] = o.Step.Name
	}
	if len(o.Hours) > 0 {
		svc["hoursAvailable"] = openingHours(o.Hours)
	}
	langs := o.Languages
	if len(langs) == 0 {
		langs = []string{"da"}
	}
	var channels []ld
	for _, c := range o.Contacts {
		ch := ld{"@type": "ServiceChannel", "name": c.Name, "availableLanguage": langs}
		if c.Phone != "" || c.Email != "" {
			cp := ld{"@type": "ContactPoint", "name": c.Name}
			if c.Phone != "" {
				cp["telephone"] = c.Phone
			}
			if c.Email != "" {
				cp["email"] = c.Email
			}
			if len(c.PhoneHours) > 0 {
				cp["hoursAvailable"] = openingHours(c.PhoneHours)
			}
			ch["servicePhone"] = cp
		}
		if c.SMS != "" {
			ch["serviceSmsNumber"] = ld{"@type": "ContactPoint", "telephone": c.SMS}
		}
		if c.Web != "" {
			ch["serviceUrl"] = c.Web
		} else if c.Chat != "" {
			ch["serviceUrl"] = c.Chat
		}
		if !c.Address.IsZero() {
			place := ld{"@type": "Place", "name": c.Name, "address": postalAddress(c.Address)}
			if len(c.Hours) > 0 {
				place["openingHoursSpecification"] = openingHours(c.Hours)
			}
			ch["serviceLocation"] = place
		}
		channels = append(channels, ch)
	}
	for _, l := range o.Locations {
		place := ld{"@type": "Place", "name": l.Name}
		if !l.Address.IsZero() {
			place["address"] = postalAddress(l.Address)
		}
		if l.Note != "" {
			place["description"] = l.Note
		}
		channels = append(channels, ld{"@type": "ServiceChannel", "name": l.Name, "serviceLocation": place, "availableLanguage": langs})
	}
	if len(channels) > 0 {
		svc["availableChannel"] = channels
	}
	if o.Cost != nil {
		offer := ld{"@type": "Offer", "priceCurrency": "DKK"}
		if o.Cost.Free {
			offer["price"] = "0"
		}
		if o.Cost.Text != "" {
			offer["description"] = o.Cost.Text
		}
		svc["offers"] = offer
	}
	return json.Marshal(svc)
}

// SiteJSONLD returns the schema.org description of the front page: the municipality that
// publishes the site (with what its provider file says about it, when it has one), and the
// site with its search.
func SiteJSONLD(s *site.Site) ([]byte, error) {
	municipality := ld{"@type": "GovernmentOrganization", "name": s.Config.Municipality}
	for _, p := range s.Providers {
		if p.Kind == site.ProviderMunicipality && p.Name == s.Config.Municipality {
			municipality = organization(p) // with its website, phone and address when known
			break
		}
	}
	municipality["@id"] = ref(s, "/") + "#kommune"
	municipality["areaServed"] = ld{"@type": "AdministrativeArea", "name": s.Config.Municipality}
	website := ld{"@type": "WebSite", "@id": ref(s, "/") + "#site", "name": s.Config.Name, "description": s.Config.Description,
		"url": ref(s, "/"), "inLanguage": "da", "publisher": ld{"@id": ref(s, "/") + "#kommune"}}
	if s.Config.BaseURL != "" {
		website["potentialAction"] = ld{"@type": "SearchAction", "target": s.Config.BaseURL + "/soeg/?q={search_term_string}",
			"query-input": "required name=search_term_string"}
	}
	return json.Marshal(ld{"@context": "https://schema.org", "@graph": []ld{municipality, website}})
}
