// Package site holds Tilbudsviften's domain model: the site, its offers, contacts, providers,
// principles, guide pages, plain pages and taxonomies, and the rules for their URLs.
//
// The model is built and validated by package content; every other package reads it. A *Site
// handed out by content.Load is complete: every reference (topic, step, audience, provider,
// contact, principle) is resolved to a pointer, lists are in their display order, and
// back-references (offers per topic, per principle, ...) are filled in. The package imports
// nothing outside the standard library.
package site

import (
	"html/template"
	"strings"
	"time"
)

// Site is a whole Tilbudsviften site.
type Site struct {
	Config     Config
	Audiences  []*Audience  // in file order
	Topics     []*Topic     // in file order
	Steps      []*Step      // the Indsatstrappen, lowest first
	AgeBands   []*AgeBand   // youngest first
	Synonyms   [][]string   // groups of words that mean the same in a search
	Offers     []*Offer     // sorted by Slug
	Contacts   []*Contact   // sorted by Slug
	Providers  []*Provider  // sorted by Slug
	Principles []*Principle // sorted by Number, then Slug
	Guides     []*Guide     // sorted by Number, then Slug
	Pages      []*Page      // sorted by Number, then Slug
}

// Config is the site-wide configuration from site.yaml.
type Config struct {
	Name             string
	Municipality     string
	Description      string
	BaseURL          string // without a trailing slash; empty when unknown
	ReportURL        string // where to report a concern about a child (underretning)
	AccessibilityURL string // the municipality's WAS accessibility statement
	Editors          Editors
	Contact          *Contact // the municipality's general contact: the last fallback of an offer without phone or e-mail
	Urgent           []UrgentLine
	ReviewMonths     int // months before an offer is overdue for review
	LixLimit         int // readability limit for family-facing text
	CMS              CMS // the web admin's git backend
	// AllowedHosts are the other hosts the municipality lets pages load images from
	// (eksterne_vaerter in site.yaml): bare host names, lower-case, each once, in file order;
	// empty when pages load nothing from another host. The loader reports an image from any
	// other host as an error, so a page's Content-Security-Policy may allow exactly these
	// (img-src 'self' https://<host> …) and nothing more.
	AllowedHosts []string
}

// AllowsHost reports whether pages may load from host, another host than the site's own: it is
// one of AllowedHosts. host is compared without regard to case.
func (c *Config) AllowsHost(host string) bool {
	for _, h := range c.AllowedHosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// CMS says where the web admin (/admin/, Decap CMS) reads and commits content.
type CMS struct {
	Backend  string // github, gitlab or git-gateway; empty: git-gateway
	Repo     string // owner/name of the repository (github, gitlab)
	Branch   string // the branch to publish to; empty: main
	LoginURL string // the OAuth service editors log in through (github, gitlab); empty: the host's own
}

// Editors says who keeps the site's content correct.
type Editors struct {
	Name  string
	Email string
}

// UrgentLine is a phone line shown on every page for urgent help.
type UrgentLine struct {
	Name  string
	Phone string
	Text  string
}

// Audience is a target group: children, young people, parents, professionals.
type Audience struct {
	ID          string
	Name        string
	Description template.HTML
	Synonyms    []string // words in a search that say who asks ("min søn" for parents)
	Offers      []*Offer
}

// URL returns the audience's listing page.
func (a *Audience) URL() string { return "/for/" + a.ID + "/" }

// Topic is a need or theme an offer helps with.
type Topic struct {
	ID          string
	Name        string
	Description template.HTML
	Synonyms    []string
	Sensitive   bool // violence, abuse and the like: pages show a quick-exit control
	Offers      []*Offer
}

// URL returns the topic's listing page.
func (t *Topic) URL() string { return "/emner/" + t.ID + "/" }

// Step is one step of the Indsatstrappen (the effort ladder).
type Step struct {
	ID          string
	Name        string
	Short       string // a short label for cards, e.g. "Trin 1: Hverdagen"
	Description template.HTML
	Rank        int // 1 for the lowest step
	Offers      []*Offer
}

// URL returns the step's listing page.
func (s *Step) URL() string { return "/trin/" + s.ID + "/" }

// AgeBand is a range of ages used to browse offers, both ends included.
type AgeBand struct {
	ID     string
	Name   string
	From   int
	To     int
	Offers []*Offer
}

// URL returns the age band's listing page.
func (b *AgeBand) URL() string { return "/alder/" + b.ID + "/" }

// DefaultAgeBands returns the age bands used when site.yaml names none.
func DefaultAgeBands() []*AgeBand {
	return []*AgeBand{
		{ID: "0-2", Name: "0–2 år", From: 0, To: 2},
		{ID: "3-5", Name: "3–5 år", From: 3, To: 5},
		{ID: "6-12", Name: "6–12 år", From: 6, To: 12},
		{ID: "13-17", Name: "13–17 år", From: 13, To: 17},
		{ID: "18-25", Name: "18–25 år", From: 18, To: 25},
	}
}

// Route is the way to get an offer.
type Route string

// The routes to an offer.
const (
	RouteSelf         Route = "kom-selv"           // contact them yourself, no referral
	RouteProfessional Route = "via-fagperson"      // through a professional
	RouteDecision     Route = "kraever-afgoerelse" // needs a decision by a caseworker
)

// Routes lists the routes, from the easiest to the hardest.
var Routes = []Route{RouteSelf, RouteProfessional, RouteDecision}

// Label returns the route in plain Danish.
func (r Route) Label() string {
	switch r {
	case RouteSelf:
		return "Kom selv"
	case RouteProfessional:
		return "Via en fagperson"
	case RouteDecision:
		return "Kræver afgørelse"
	}
	return string(r)
}

// Status is an offer's state.
type Status string

// The states of an offer.
const (
	StatusActive Status = "aktiv"
	StatusClosed Status = "midlertidigt-lukket"
)

// Offer is one offer ("tilbud").
type Offer struct {
	Slug        string
	Source      string // path of the file, relative to the content folder
	Title       string
	Summary     string
	Audiences   []*Audience
	Age         *AgeRange // nil: any age
	Topics      []*Topic
	Step        *Step
	Access      Access
	Cost        *Cost // nil: not known
	Provider    *Provider
	Contacts    []*Contact
	Unit        *Contact // the contact of the unit responsible for the offer, shown when it has no phone or e-mail of its own
	Locations   []Location
	Hours       []Hours
	Sessions    []Hours  // recurring group meetings or course sessions, for the calendar feed
	Languages   []string // ISO 639-1 codes
	Principles  []*Principle
	Links       []Link
	LegalBasis  string
	Status      Status
	Alert       string
	Reviewed    time.Time
	Responsible string
	Sources     []Source
	Verify      string // what must still be verified; empty when nothing
	Publish     time.Time
	Expire      time.Time
	// Draft is set on an offer outside its publish window that a preview (-drafts) shows
	// anyway: DraftComing before Publish, DraftExpired from Expire on.
	Draft      DraftState
	Keywords   []string
	Body       template.HTML
	FamilyText string // plain text of the body before the professionals' section
	ProText    string // plain text of the professionals' section
}

// URL returns the offer's page.
func (o *Offer) URL() string { return "/tilbud/" + o.Slug + "/" }

// LanguageCodes returns the languages the offer is given in: its own list, or Danish when its
// file names none (the model's default, docs/content-model.md). The offer page shows only the
// file's own list; open data and the search's language facet use this.
func (o *Offer) LanguageCodes() []string {
	if len(o.Languages) == 0 {
		return []string{"da"}
	}
	return o.Languages
}

// Free reports whether the offer is known to be free.
func (o *Offer) Free() bool { return o.Cost != nil && o.Cost.Free }

// Sensitive reports whether any of the offer's topics is sensitive.
func (o *Offer) Sensitive() bool {
	for _, t := range o.Topics {
		if t.Sensitive {
			return true
		}
	}
	return false
}

// DraftState says why an offer in a preview is not public.
type DraftState string

// The draft states.
const (
	DraftComing  DraftState = "kommende"
	DraftExpired DraftState = "udloebet"
)

// Visible reports whether the offer is published at the given time.
func (o *Offer) Visible(now time.Time) bool {
	if !o.Publish.IsZero() && now.Before(o.Publish) {
		return false
	}
	if !o.Expire.IsZero() && !now.Before(o.Expire) {
		return false
	}
	return true
}

// AgeRange is a range of ages in whole years, both ends included.
type AgeRange struct {
	From int
	To   int
}

// Contains reports whether age lies in the range.
func (r *AgeRange) Contains(age int) bool { return r == nil || (age >= r.From && age <= r.To) }

// Overlaps reports whether the range shares an age with [from, to].
func (r *AgeRange) Overlaps(from, to int) bool { return r == nil || (r.From <= to && from <= r.To) }

// Access says how to get an offer.
type Access struct {
	Route     Route
	Anonymous bool
	Via       string   // who to go through
	Steps     []string // how to get it, step by step
}

// Cost says what an offer costs.
type Cost struct {
	Free bool
	Text string
}

// Location is a place where an offer is given.
type Location struct {
	Name    string
	Address Address
	Note    string
}

// Address is a Danish postal address; any part may be empty when not known.
type Address struct {
	Street     string
	PostalCode string
	City       string
}

// IsZero reports whether the address is empty.
func (a Address) IsZero() bool { return a == Address{} }

// Link is a titled link.
type Link struct {
	Title string `json:"titel"`
	URL   string `json:"url"`
}

// Source is where facts come from.
type Source struct {
	URL   string
	Title string
	Read  time.Time
	Note  string // what the editors noted, e.g. where sources disagree and which was used
}

// Contact is a contact point: a team, a phone line, a counter.
type Contact struct {
	Slug        string
	Source      string
	Name        string
	Provider    *Provider
	Description string
	Phone       string
	PhoneHours  []Hours
	SMS         string
	Email       string
	Web         string
	Chat        string
	Address     Address
	Hours       []Hours
	Note        string
	Sources     []Source
	Reviewed    time.Time
	Verify      string
	Offers      []*Offer
}

// URL returns the contact's page.
func (c *Contact) URL() string { return "/kontakter/" + c.Slug + "/" }

// ProviderKind is the kind of organisation behind an offer.
type ProviderKind string

// The kinds of provider.
const (
	ProviderMunicipality ProviderKind = "kommune"
	ProviderRegion       ProviderKind = "region"
	ProviderState        ProviderKind = "stat"
	ProviderNGO          ProviderKind = "forening"
)

// Provider is an organisation that runs offers.
type Provider struct {
	Slug        string
	Source      string
	Name        string
	Kind        ProviderKind
	Description string
	Web         string
	Email       string
	Phone       string
	Address     Address
	Sources     []Source
	Contact     *Contact // the organisation's general contact, the fallback for its offers without phone or e-mail
	Offers      []*Offer
	Contacts    []*Contact
}

// PrincipleKind says whether a principle page is a theme or a method.
type PrincipleKind string

// The kinds of principle page.
const (
	PrincipleTheme  PrincipleKind = "tema"
	PrincipleMethod PrincipleKind = "metode"
)

// Principle is a theme of the municipality's principles, or a working method.
type Principle struct {
	Slug     string
	Source   string
	Title    string
	Subtitle string
	Summary  string
	Kind     PrincipleKind
	Number   int
	Items    []string // the principles under the theme or method
	Sources  []Source
	Body     template.HTML
	Text     string
	Offers   []*Offer
}

// URL returns the principle's page.
func (p *Principle) URL() string { return "/principper/" + p.Slug + "/" }

// Guide is a page of the concern guide ("Er du bekymret for et barn?").
type Guide struct {
	Slug     string
	Source   string
	Title    string
	Summary  string
	Audience string // alle, foraeldre or fagprofessionelle
	Number   int
	Sources  []Source
	Body     template.HTML
	Text     string
}

// URL returns the guide page.
func (g *Guide) URL() string { return "/bekymring/" + g.Slug + "/" }

// Page is a plain page: about, accessibility, privacy.
type Page struct {
	Slug    string
	Source  string
	Title   string
	Summary string
	Number  int
	Sources []Source
	Body    template.HTML
	Text    string
}

// URL returns the page's address.
func (p *Page) URL() string { return "/" + p.Slug + "/" }

// ReservedSlugs are the first path segments the site itself uses; a plain page may not take one.
var ReservedSlugs = []string{"tilbud", "kontakter", "principper", "bekymring", "emner", "trin",
	"for", "alder", "a-aa", "soeg", "assets", "search", "api", "admin", "data", "404"}
