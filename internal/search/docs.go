package search

import (
	"sort"
	"strings"

	"tilbudsviften/internal/site"
)

// The fields of a search document and their boosts. search.js gets the count from meta.json;
// the boosts are folded into the exported weights.
const (
	fieldTitle = iota
	fieldKeywords
	fieldSummary
	fieldBody
	numFields
)

var fieldNames = [numFields]string{"titel", "soegeord", "resume", "tekst"}

var fieldBoosts = [numFields]float64{3, 2, 1.5, 1}

// The kinds of document. Offers are the results; the others are shown beside them.
const (
	KindOffer     = "tilbud"
	KindContact   = "kontakt"
	KindPrinciple = "princip"
	KindGuide     = "bekymring"
)

// doc is one search document.
type doc struct {
	Kind    string
	Title   string
	URL     string
	Summary string
	Fields  [numFields]string
	Offer   *site.Offer
}

// documents returns the site's search documents in their fixed order: offers by title, then
// contacts, principles and concern-guide pages, each by title. The index of a document in this
// list is its number in the exported files, and ties in ranking go to the lower number.
func documents(s *site.Site) []*doc {
	var offers, others []*doc
	for _, o := range s.Offers {
		var kw, body []string
		kw = append(kw, o.Keywords...)
		for _, t := range o.Topics {
			kw = append(kw, t.Name)
			kw = append(kw, t.Synonyms...)
		}
		for _, a := range o.Audiences {
			kw = append(kw, a.Name)
		}
		body = append(body, o.FamilyText, o.ProText, o.Access.Via)
		body = append(body, o.Access.Steps...)
		if o.Cost != nil {
			body = append(body, o.Cost.Text)
		}
		if o.Provider != nil {
			body = append(body, o.Provider.Name)
		}
		body = append(body, o.LegalBasis)
		offers = append(offers, &doc{Kind: KindOffer, Title: o.Title, URL: o.URL(), Summary: o.Summary, Offer: o,
			Fields: [numFields]string{o.Title, join(kw), o.Summary, join(body)}})
	}
	sortDocs(offers)
	var contacts, principles, guides []*doc
	for _, c := range s.Contacts {
		var kw string
		if c.Provider != nil {
			kw = c.Provider.Name
		}
		contacts = append(contacts, &doc{Kind: KindContact, Title: c.Name, URL: c.URL(), Summary: c.Description,
			Fields: [numFields]string{c.Name, kw, c.Description, c.Note}})
	}
	for _, p := range s.Principles {
		principles = append(principles, &doc{Kind: KindPrinciple, Title: p.Title, URL: p.URL(), Summary: p.Summary,
			Fields: [numFields]string{p.Title, p.Subtitle, p.Summary, join(append([]string{p.Text}, p.Items...))}})
	}
	for _, g := range s.Guides {
		guides = append(guides, &doc{Kind: KindGuide, Title: g.Title, URL: g.URL(), Summary: g.Summary,
			Fields: [numFields]string{g.Title, "", g.Summary, g.Text}})
	}
	for _, list := range [][]*doc{contacts, principles, guides} {
		sortDocs(list)
		others = append(others, list...)
	}
	return append(offers, others...)
}

// join joins texts, one a line.
func join(texts []string) string {
	var b strings.Builder
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			b.WriteString(t)
		}
	}
	return b.String()
}

func sortDocs(list []*doc) {
	keys := make(map[*doc]string, len(list))
	for _, d := range list {
		keys[d] = site.CollationKey(d.Title)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if a, b := keys[list[i]], keys[list[j]]; a != b {
			return a < b
		}
		return list[i].URL < list[j].URL
	})
}
