package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"tilbudsviften/internal/par"
	"tilbudsviften/internal/site"
)

// HSDS paths and constants.
const (
	HSDSDir     = "data/hsds/"
	HSDSVersion = "3.0"
	// OpenAPIURL is the HSDS 3.0 OpenAPI description our static files follow.
	OpenAPIURL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
	// ProfilePath is the page that describes our Danish profile of HSDS.
	ProfilePath = HSDSDir + "profile/index.html"
	// PageSize is the number of objects on one page of a list.
	PageSize = 100
)

// The HSDS objects we publish. Field order follows the HSDS schemas; fields the content does
// not know are left out. Our additions start with "dk_" (see the profile page).

type hsdsService struct {
	ID                     string   `json:"id"`
	OrganizationID         string   `json:"organization_id"`
	Name                   string   `json:"name"`
	Description            string   `json:"description,omitempty"`
	URL                    string   `json:"url,omitempty"`
	Status                 string   `json:"status"`
	ApplicationProcess     string   `json:"application_process,omitempty"`
	FeesDescription        string   `json:"fees_description,omitempty"`
	EligibilityDescription string   `json:"eligibility_description,omitempty"`
	MinimumAge             *int     `json:"minimum_age,omitempty"`
	MaximumAge             *int     `json:"maximum_age,omitempty"`
	AssuredDate            string   `json:"assured_date,omitempty"`
	AssurerEmail           string   `json:"assurer_email,omitempty"`
	Alert                  string   `json:"alert,omitempty"`
	LastModified           string   `json:"last_modified,omitempty"`
	Organization           *hsdsOrg `json:"organization,omitempty"` // in lists and full services
}

// hsdsFullService is the fully nested service of /services/{id}.
type hsdsFullService struct {
	hsdsService
	Schedules          []hsdsSchedule          `json:"schedules"`
	ServiceAreas       []hsdsServiceArea       `json:"service_areas"`
	ServiceAtLocations []hsdsServiceAtLocation `json:"service_at_locations"`
	Languages          []hsdsLanguage          `json:"languages"`
	CostOptions        []hsdsCostOption        `json:"cost_options"`
	Contacts           []hsdsContact           `json:"contacts"`
	Attributes         []hsdsAttribute         `json:"attributes"`

	ProDescription string       `json:"dk_professional_description,omitempty"`
	PageURL        string       `json:"dk_page_url,omitempty"`
	Links          []dkLink     `json:"dk_links,omitempty"`
	Sources        []dkSource   `json:"dk_sources"`
	org            *hsdsFullOrg // the full organization, for its own document
}

type dkLink struct {
	Title string `json:"title,omitempty"`
	URL   string `json:"url"`
}

type dkSource struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
	Read  string `json:"read,omitempty"`
}

type hsdsOrg struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Email       string `json:"email,omitempty"`
	Website     string `json:"website,omitempty"`
}

type hsdsFullOrg struct {
	hsdsOrg
	Phones     []hsdsPhone     `json:"phones"`
	Locations  []hsdsLocation  `json:"locations"`
	Attributes []hsdsAttribute `json:"attributes"`
	Services   []hsdsService   `json:"services,omitempty"` // in the organization's own document
}

type hsdsSchedule struct {
	ID          string `json:"id"`
	ServiceID   string `json:"service_id"`
	Freq        string `json:"freq"`
	Wkst        string `json:"wkst"`
	Byday       string `json:"byday"`
	Description string `json:"description"`
	OpensAt     string `json:"opens_at"`
	ClosesAt    string `json:"closes_at"`
	Notes       string `json:"notes,omitempty"`
}

type hsdsServiceArea struct {
	ID          string `json:"id"`
	ServiceID   string `json:"service_id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

type hsdsServiceAtLocation struct {
	ID          string        `json:"id"`
	ServiceID   string        `json:"service_id"`
	LocationID  string        `json:"location_id"`
	Description string        `json:"description,omitempty"`
	Location    *hsdsLocation `json:"location,omitempty"`
	Service     *hsdsService  `json:"service,omitempty"` // in its own document and list
}

type hsdsLocation struct {
	ID             string        `json:"id"`
	LocationType   string        `json:"location_type"`
	OrganizationID string        `json:"organization_id,omitempty"`
	Name           string        `json:"name,omitempty"`
	Addresses      []hsdsAddress `json:"addresses"`
}

type hsdsAddress struct {
	ID            string `json:"id"`
	LocationID    string `json:"location_id"`
	Address1      string `json:"address_1"`
	City          string `json:"city"`
	StateProvince string `json:"state_province"`
	PostalCode    string `json:"postal_code"`
	Country       string `json:"country"`
	AddressType   string `json:"address_type"`
}

type hsdsLanguage struct {
	ID        string `json:"id"`
	ServiceID string `json:"service_id"`
	Code      string `json:"code"`
}

type hsdsCostOption struct {
	ID        string   `json:"id"`
	ServiceID string   `json:"service_id"`
	Option    string   `json:"option"`
	Currency  string   `json:"currency,omitempty"`
	Amount    *float64 `json:"amount,omitempty"`
}

type hsdsContact struct {
	ID             string      `json:"id"`
	OrganizationID string      `json:"organization_id,omitempty"`
	ServiceID      string      `json:"service_id"`
	Name           string      `json:"name"`
	Department     string      `json:"department,omitempty"`
	Email          string      `json:"email,omitempty"`
	Phones         []hsdsPhone `json:"phones"`

	Description string `json:"dk_description,omitempty"`
	Web         string `json:"dk_web,omitempty"`
	Chat        string `json:"dk_chat,omitempty"`
	Address     string `json:"dk_address,omitempty"`
	Hours       string `json:"dk_opening_hours,omitempty"`
	Note        string `json:"dk_note,omitempty"`
}

type hsdsPhone struct {
	ID             string `json:"id"`
	OrganizationID string `json:"organization_id,omitempty"`
	ContactID      string `json:"contact_id,omitempty"`
	Number         string `json:"number"`
	Type           string `json:"type"`
	Description    string `json:"description,omitempty"`
}

type hsdsAttribute struct {
	ID             string            `json:"id"`
	LinkID         string            `json:"link_id"`
	TaxonomyTermID string            `json:"taxonomy_term_id"`
	LinkType       string            `json:"link_type"`
	LinkEntity     string            `json:"link_entity"`
	Value          string            `json:"value,omitempty"`
	TaxonomyTerm   *hsdsTaxonomyTerm `json:"taxonomy_term"`
}

type hsdsTaxonomyTerm struct {
	ID             string        `json:"id"`
	Code           string        `json:"code"`
	Name           string        `json:"name"`
	Description    string        `json:"description"`
	Taxonomy       string        `json:"taxonomy"`
	TaxonomyDetail *hsdsTaxonomy `json:"taxonomy_detail,omitempty"`
	Language       string        `json:"language"`
	TaxonomyID     string        `json:"taxonomy_id"`
	TermURI        string        `json:"term_uri,omitempty"`
}

type hsdsTaxonomy struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	URI         string `json:"uri,omitempty"`
	Version     string `json:"version,omitempty"`
}

// hsdsPage is the HSDS Page wrapper of a list.
type hsdsPage struct {
	TotalItems int  `json:"total_items"`
	TotalPages int  `json:"total_pages"`
	PageNumber int  `json:"page_number"`
	Size       int  `json:"size"`
	FirstPage  bool `json:"first_page"`
	LastPage   bool `json:"last_page"`
	Empty      bool `json:"empty"`
	Contents   any  `json:"contents"`
}

// taxonomyDef is one of our vocabularies.
type taxonomyDef struct {
	Code, Name, Description string
	// LinkType is the attribute's link_type: what a term of the taxonomy says about the
	// object it is linked to.
	LinkType string
}

// Taxonomies are the vocabularies of the Danish profile, in the order the profile lists them.
var taxonomies = []taxonomyDef{
	{"maalgruppe", "Målgruppe", "Hvem tilbuddet er for: børn, unge, forældre eller fagprofessionelle (maalgrupper.yaml).", "target_group"},
	{"emne", "Emne", "Hvad tilbuddet handler om, fx skilsmisse, angst eller trivsel (emner.yaml).", "topic"},
	{"indsatstrappen", "Indsatstrappen", "Trinnet på kommunens indsatstrappe, fra det letteste (1) til det tungeste. Attributtens value er trinnets nummer (trin.yaml).", "intervention_level"},
	{"adgang", "Adgang", "Vejen til tilbuddet: kom-selv, via-fagperson eller kraever-afgoerelse, og anonym, når man kan bruge tilbuddet uden at sige sit navn.", "access"},
	{"lovgrundlag", "Lovgrundlag", "Den lov og paragraf, tilbuddet gives efter, sådan som redaktionen har skrevet den.", "legal_basis"},
	{"princip", "Principper og metoder", "Kommunens principper, temaer og arbejdsmetoder, som tilbuddet bygger på (principper/).", "principle"},
	{"udbydertype", "Udbydertype", "Hvem organisationen er: kommune, region, stat eller forening.", "organization_type"},
}

// hsdsData is the whole HSDS export of a site, built once.
type hsdsData struct {
	s         *site.Site
	ids       ids
	services  []*hsdsFullService
	orgs      []*hsdsFullOrg
	sals      []hsdsServiceAtLocation
	locations []hsdsLocation
	terms     []*hsdsTaxonomyTerm
	taxa      []*hsdsTaxonomy

	termByKey map[string]*hsdsTaxonomyTerm
	taxByCode map[string]*hsdsTaxonomy
	locByID   map[string]bool
}

// buildHSDS maps the site onto HSDS objects.
func buildHSDS(s *site.Site) *hsdsData {
	d := buildVocabularies(s)
	orgByProvider := map[*site.Provider]*hsdsFullOrg{}
	for _, p := range s.Providers {
		o := d.org(p)
		orgByProvider[p] = o
		d.orgs = append(d.orgs, o)
	}
	for _, o := range s.Offers {
		svc := d.service(o, orgByProvider[o.Provider])
		d.services = append(d.services, svc)
		if svc.org != nil {
			svc.org.Services = append(svc.org.Services, svc.hsdsService)
			svc.org.Services[len(svc.org.Services)-1].Organization = nil
		}
	}
	sort.SliceStable(d.locations, func(i, j int) bool { return d.locations[i].ID < d.locations[j].ID })
	return d
}

// buildVocabularies maps the site's vocabularies onto HSDS taxonomies and terms, without the
// services: all the profile page needs.
func buildVocabularies(s *site.Site) *hsdsData {
	d := &hsdsData{s: s, ids: newIDs(s.Config.Municipality), termByKey: map[string]*hsdsTaxonomyTerm{},
		taxByCode: map[string]*hsdsTaxonomy{}, locByID: map[string]bool{}}
	for _, t := range taxonomies {
		tx := &hsdsTaxonomy{ID: d.ids.id("taxonomy", t.Code), Name: t.Name, Description: t.Description,
			URI: abs(s, "/"+HSDSDir+"profile/#"+t.Code)}
		d.taxa = append(d.taxa, tx)
		d.taxByCode[t.Code] = tx
	}
	// Terms in the order of the content: audiences, topics, steps, routes, principles,
	// provider kinds; legal bases last, as they appear in the offers.
	for _, a := range s.Audiences {
		d.term("maalgruppe", a.ID, a.Name, site.PlainText(string(a.Description)), abs(s, a.URL()))
	}
	for _, t := range s.Topics {
		d.term("emne", t.ID, t.Name, site.PlainText(string(t.Description)), abs(s, t.URL()))
	}
	for _, st := range s.Steps {
		d.term("indsatstrappen", st.ID, st.Name, site.PlainText(string(st.Description)), abs(s, st.URL()))
	}
	for _, r := range site.Routes {
		d.term("adgang", string(r), r.Label(), routeText(r), "")
	}
	d.term("adgang", "anonym", "Anonym", "Man kan bruge tilbuddet uden at sige sit navn.", "")
	for _, p := range s.Principles {
		d.term("princip", p.Slug, p.Title, p.Summary, abs(s, p.URL()))
	}
	for _, k := range providerKinds {
		d.term("udbydertype", string(k.kind), k.name, "Organisationen er "+k.text+".", "")
	}
	for _, o := range s.Offers {
		if o.LegalBasis != "" {
			d.legalBasis(o.LegalBasis)
		}
	}
	return d
}

// providerKinds are the kinds of provider, in the profile's order, each with its term's name
// and the phrase its description uses.
var providerKinds = []struct {
	kind       site.ProviderKind
	name, text string
}{
	{site.ProviderMunicipality, "Kommune", "en kommune"},
	{site.ProviderRegion, "Region", "en region"},
	{site.ProviderState, "Stat", "en statslig myndighed"},
	{site.ProviderNGO, "Forening", "en forening, fond eller anden frivillig organisation"},
}

func providerKindName(k site.ProviderKind) string {
	for _, pk := range providerKinds {
		if pk.kind == k {
			return pk.name
		}
	}
	return string(k)
}

// legalBasis returns the term of a legal basis, adding it the first time.
func (d *hsdsData) legalBasis(text string) *hsdsTaxonomyTerm {
	return d.term("lovgrundlag", site.Slug(text), text, "", "")
}

// term returns the taxonomy term code in taxonomy tax, adding it the first time.
func (d *hsdsData) term(tax, code, name, desc, uri string) *hsdsTaxonomyTerm {
	key := tax + "/" + code
	if t, ok := d.termByKey[key]; ok {
		return t
	}
	tx := d.taxByCode[tax]
	if desc == "" {
		desc = name
	}
	t := &hsdsTaxonomyTerm{ID: d.ids.id("taxonomy-term", tax, code), Code: code, Name: name, Description: desc,
		Taxonomy: tx.Name, Language: "da", TaxonomyID: tx.ID, TermURI: uri}
	d.termByKey[key] = t
	d.terms = append(d.terms, t)
	return t
}

// attr links the object id of entity to a term.
func (d *hsdsData) attr(entity, linkID string, t *hsdsTaxonomyTerm, value string) hsdsAttribute {
	def := taxonomyOf(t)
	nested := *t
	nested.TaxonomyDetail = d.taxByCode[def.Code]
	return hsdsAttribute{ID: d.ids.id("attribute", linkID, t.ID), LinkID: linkID, TaxonomyTermID: t.ID,
		LinkType: def.LinkType, LinkEntity: entity, Value: value, TaxonomyTerm: &nested}
}

// taxonomyOf returns the vocabulary a term belongs to.
func taxonomyOf(t *hsdsTaxonomyTerm) taxonomyDef {
	for _, def := range taxonomies {
		if def.Name == t.Taxonomy {
			return def
		}
	}
	return taxonomyDef{}
}

// location returns the location of a named place, recording it once.
func (d *hsdsData) location(name string, a site.Address, orgID string) *hsdsLocation {
	key := strings.Join([]string{name, a.Street, a.PostalCode, a.City}, "|")
	id := d.ids.id("location", key)
	l := &hsdsLocation{ID: id, LocationType: "physical", OrganizationID: orgID, Name: name, Addresses: []hsdsAddress{}}
	if !a.IsZero() {
		l.Addresses = append(l.Addresses, hsdsAddress{ID: d.ids.id("address", key), LocationID: id,
			Address1: a.Street, City: a.City, PostalCode: a.PostalCode, Country: "DK", AddressType: "physical"})
	}
	if !d.locByID[id] {
		d.locByID[id] = true
		d.locations = append(d.locations, *l)
	}
	return l
}

func (d *hsdsData) org(p *site.Provider) *hsdsFullOrg {
	id := d.ids.id("organization", p.Slug)
	o := &hsdsFullOrg{hsdsOrg: hsdsOrg{ID: id, Name: p.Name, Description: p.Description, Website: p.Web},
		Phones: []hsdsPhone{}, Locations: []hsdsLocation{}, Attributes: []hsdsAttribute{}}
	o.Email = p.Email // the loader has checked it
	if p.Phone != "" {
		o.Phones = append(o.Phones, hsdsPhone{ID: d.ids.id("phone", "organization", p.Slug), OrganizationID: id,
			Number: p.Phone, Type: "voice"})
	}
	if !p.Address.IsZero() {
		o.Locations = append(o.Locations, *d.location(p.Name, p.Address, id))
	}
	o.Attributes = append(o.Attributes, d.attr("organization", id, d.term("udbydertype", string(p.Kind), providerKindName(p.Kind), "", ""), ""))
	return o
}

var weekdays = [7]string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

func byday(h site.Hours) string {
	var days []string
	for i, on := range h.Days {
		if on {
			days = append(days, weekdays[i])
		}
	}
	return strings.Join(days, ",")
}

func date(t time.Time) string { return t.Format("2006-01-02") }

func (d *hsdsData) service(o *site.Offer, org *hsdsFullOrg) *hsdsFullService {
	s := d.s
	id := d.ids.id("service", o.Slug)
	svc := &hsdsFullService{org: org}
	core := &svc.hsdsService
	core.ID = id
	core.Name = o.Title
	core.Description = o.Summary
	if o.FamilyText != "" {
		core.Description += "\n\n" + strings.TrimSpace(o.FamilyText)
	}
	core.URL = abs(s, o.URL())
	core.Status = "active"
	if o.Status == site.StatusClosed {
		core.Status = "temporarily closed"
	}
	core.ApplicationProcess = accessText(o.Access)
	core.FeesDescription = costText(o.Cost)
	core.EligibilityDescription = "For " + strings.ToLower(site.JoinAnd(audienceNames(o.Audiences))) + ", " + ageText(o.Age) + "."
	if o.Age != nil {
		from, to := o.Age.From, o.Age.To
		core.MinimumAge, core.MaximumAge = &from, &to
	}
	if !o.Reviewed.IsZero() {
		core.AssuredDate = date(o.Reviewed)
		core.LastModified = o.Reviewed.UTC().Format("2006-01-02T15:04:05Z")
	}
	if isEmail(o.Responsible) {
		core.AssurerEmail = o.Responsible
	}
	core.Alert = o.Alert
	if org != nil {
		core.OrganizationID = org.ID
		oc := org.hsdsOrg
		core.Organization = &oc
	}

	svc.Schedules = []hsdsSchedule{}
	for i, h := range o.Hours {
		svc.Schedules = append(svc.Schedules, hsdsSchedule{ID: d.ids.id("schedule", o.Slug, strconv.Itoa(i)), ServiceID: id,
			Freq: "WEEKLY", Wkst: "MO", Byday: byday(h), Description: hoursText(h), OpensAt: clock(h.Opens), ClosesAt: clock(h.Closes), Notes: h.Note})
	}
	svc.ServiceAreas = []hsdsServiceArea{{ID: d.ids.id("service-area", o.Slug), ServiceID: id, Name: s.Config.Municipality,
		Description: "Tilbuddet er til børn, unge og familier i " + s.Config.Municipality + ". Det kan også gives andre steder."}}
	svc.ServiceAtLocations = []hsdsServiceAtLocation{}
	for _, l := range o.Locations {
		loc := d.location(l.Name, l.Address, "")
		sal := hsdsServiceAtLocation{ID: d.ids.id("service-at-location", o.Slug, loc.ID), ServiceID: id, LocationID: loc.ID,
			Description: l.Note, Location: loc}
		svc.ServiceAtLocations = append(svc.ServiceAtLocations, sal)
		withService := sal
		withService.Service = &hsdsService{}
		*withService.Service = *core
		withService.Service.Organization = nil
		d.sals = append(d.sals, withService)
	}
	svc.Languages = []hsdsLanguage{}
	for _, code := range o.LanguageCodes() {
		svc.Languages = append(svc.Languages, hsdsLanguage{ID: d.ids.id("language", o.Slug, code), ServiceID: id, Code: code})
	}
	svc.CostOptions = []hsdsCostOption{}
	if o.Cost != nil {
		co := hsdsCostOption{ID: d.ids.id("cost-option", o.Slug), ServiceID: id, Option: costText(o.Cost)}
		if o.Cost.Free {
			zero := 0.0
			co.Currency, co.Amount = "DKK", &zero
		}
		svc.CostOptions = append(svc.CostOptions, co)
	}
	svc.Contacts = []hsdsContact{}
	for _, c := range o.Contacts {
		cid := d.ids.id("contact", o.Slug, c.Slug)
		hc := hsdsContact{ID: cid, ServiceID: id, Name: c.Name, Phones: []hsdsPhone{}, Description: c.Description,
			Web: c.Web, Chat: c.Chat, Address: c.Address.Line(), Hours: hoursList(c.Hours), Note: c.Note}
		if c.Provider != nil {
			hc.OrganizationID = d.ids.id("organization", c.Provider.Slug)
			hc.Department = c.Provider.Name
		}
		hc.Email = c.Email // the loader has checked it
		if c.Phone != "" {
			desc := ""
			if len(c.PhoneHours) > 0 {
				desc = "Telefontid: " + hoursList(c.PhoneHours)
			}
			hc.Phones = append(hc.Phones, hsdsPhone{ID: d.ids.id("phone", o.Slug, c.Slug, "voice"), ContactID: cid,
				Number: c.Phone, Type: "voice", Description: desc})
		}
		if c.SMS != "" {
			hc.Phones = append(hc.Phones, hsdsPhone{ID: d.ids.id("phone", o.Slug, c.Slug, "text"), ContactID: cid,
				Number: c.SMS, Type: "text", Description: "SMS"})
		}
		svc.Contacts = append(svc.Contacts, hc)
	}
	svc.Attributes = []hsdsAttribute{}
	add := func(t *hsdsTaxonomyTerm, value string) {
		svc.Attributes = append(svc.Attributes, d.attr("service", id, t, value))
	}
	for _, a := range o.Audiences {
		add(d.termByKey["maalgruppe/"+a.ID], "")
	}
	for _, t := range o.Topics {
		add(d.termByKey["emne/"+t.ID], "")
	}
	if o.Step != nil {
		add(d.termByKey["indsatstrappen/"+o.Step.ID], strconv.Itoa(o.Step.Rank))
	}
	if t := d.termByKey["adgang/"+string(o.Access.Route)]; t != nil {
		add(t, "")
	}
	if o.Access.Anonymous {
		add(d.termByKey["adgang/anonym"], "")
	}
	if o.LegalBasis != "" {
		add(d.legalBasis(o.LegalBasis), o.LegalBasis)
	}
	for _, p := range o.Principles {
		add(d.termByKey["princip/"+p.Slug], "")
	}
	svc.ProDescription = strings.TrimSpace(o.ProText)
	if s.Config.BaseURL == "" {
		svc.PageURL = o.URL()
	}
	for _, l := range o.Links {
		svc.Links = append(svc.Links, dkLink{Title: l.Title, URL: l.URL})
	}
	svc.Sources = []dkSource{}
	for _, src := range o.Sources {
		ds := dkSource{URL: src.URL, Title: src.Title}
		if !src.Read.IsZero() {
			ds.Read = date(src.Read)
		}
		svc.Sources = append(svc.Sources, ds)
	}
	return svc
}

// marshal encodes v as compact JSON with a final newline, without HTML escaping.
func marshal(v any) ([]byte, error) { return marshalIndent(v, "") }

// marshalIndent is marshal with each level indented by indent ("": compact).
func marshalIndent(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// rootDoc is the document of the API's "/" endpoint.
type rootDoc struct {
	Version     string            `json:"version"`
	Profile     string            `json:"profile,omitempty"`
	OpenAPIURL  string            `json:"openapi_url"`
	Publisher   string            `json:"dk_publisher"`
	Site        string            `json:"dk_site"`
	StaticPaths map[string]string `json:"dk_static_paths"`
}

// StaticPaths maps the HSDS API endpoints we publish to files, relative to data/hsds/.
var StaticPaths = map[string]string{
	"/":                          "index.json",
	"/services":                  "services/page-{page}.json",
	"/services/{id}":             "services/{id}.json",
	"/organizations":             "organizations/page-{page}.json",
	"/organizations/{id}":        "organizations/{id}.json",
	"/service_at_locations":      "service_at_locations/page-{page}.json",
	"/service_at_locations/{id}": "service_at_locations/{id}.json",
	"/locations":                 "locations/page-{page}.json",
	"/taxonomies":                "taxonomies/page-{page}.json",
	"/taxonomies/{id}":           "taxonomies/{id}.json",
	"/taxonomy_terms":            "taxonomy_terms/page-{page}.json",
	"/taxonomy_terms/{id}":       "taxonomy_terms/{id}.json",
}

// HSDS writes the HSDS 3.0 JSON files and the profile page under data/hsds/.
func HSDS(s *site.Site, emit Emit) error { return Data(s, []Format{FormatHSDS}, emit) }

// writeHSDS writes the HSDS 3.0 JSON files; the profile page is writeProfile's. The documents
// are listed first, then encoded in parallel and emitted in this order.
func writeHSDS(d *hsdsData, emit Emit) error { return emitDocs(listHSDS(d), emit) }

// doc is a file to be encoded as JSON.
type doc struct {
	path string
	v    any
}

// emitDocs encodes the documents on all processors and emits them in order.
func emitDocs(docs []doc, emit Emit) error {
	data := make([][]byte, len(docs))
	errs := make([]error, len(docs))
	par.For(len(docs), func(i int) { data[i], errs[i] = marshal(docs[i].v) })
	for i, d := range docs {
		if errs[i] != nil {
			return fmt.Errorf("%s: %w", strings.TrimPrefix(d.path, HSDSDir), errs[i])
		}
		if err := emit(d.path, data[i]); err != nil {
			return err
		}
	}
	return nil
}

// listHSDS lists every document of the HSDS API.
func listHSDS(d *hsdsData) []doc {
	s := d.s
	var docs []doc
	put := func(p string, v any) { docs = append(docs, doc{HSDSDir + p, v}) }
	put("index.json", rootDoc{Version: HSDSVersion, Profile: abs(s, "/"+HSDSDir+"profile/"), OpenAPIURL: OpenAPIURL,
		Publisher: s.Config.Municipality, Site: s.Config.Name, StaticPaths: StaticPaths})
	endpoint(put, "services", d.services, func(x *hsdsFullService) (string, any, any) { return x.ID, x.hsdsService, x })
	endpoint(put, "organizations", d.orgs, func(x *hsdsFullOrg) (string, any, any) { return x.ID, x.hsdsOrg, x })
	endpoint(put, "service_at_locations", d.sals, func(x hsdsServiceAtLocation) (string, any, any) { return x.ID, x, x })
	endpoint(put, "locations", d.locations, func(x hsdsLocation) (string, any, any) { return "", x, nil })
	endpoint(put, "taxonomies", d.taxa, func(x *hsdsTaxonomy) (string, any, any) { return x.ID, x, x })
	endpoint(put, "taxonomy_terms", d.terms, func(x *hsdsTaxonomyTerm) (string, any, any) {
		full := *x
		full.TaxonomyDetail = d.taxByCode[taxonomyOf(x).Code]
		return x.ID, x, full
	})
	return docs
}

// endpoint puts an endpoint's documents: for each item its own document dir/{id}.json (unless
// full is nil: /locations/{id} is not published), then the list of the items as pages of
// PageSize objects, dir/page-1.json, dir/page-2.json, ... (an empty list is one empty page).
// parts gives an item's id, its object in the list and its own document.
func endpoint[T any](put func(string, any), dir string, items []T, parts func(T) (id string, listed, full any)) {
	list := make([]any, len(items))
	for i, it := range items {
		id, listed, full := parts(it)
		list[i] = listed
		if full != nil {
			put(dir+"/"+id+".json", full)
		}
	}
	total := max(1, (len(list)+PageSize-1)/PageSize)
	for n := 1; n <= total; n++ {
		contents := list[(n-1)*PageSize : min(n*PageSize, len(list))]
		put(fmt.Sprintf("%s/page-%d.json", dir, n), hsdsPage{TotalItems: len(list), TotalPages: total, PageNumber: n,
			Size: len(contents), FirstPage: n == 1, LastPage: n == total, Empty: len(list) == 0, Contents: contents})
	}
}
