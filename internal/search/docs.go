package search

import (
	"sort"
	"strings"

	"tilbudsviften/internal/site"
)

// The fields of a search document and their boosts. search.js gets the count from meta.json;
// the boosts are folded into the exported weights.
//
// fieldTopics holds an offer's topics as their group terms (topicPrefix + id), one term each,
// not analysed: a query that names a topic, in its words or in everyday ones its synonyms
// list, prefers the offers of that topic to those that merely share a word with it.
// fieldAudiences does the same for the offer's audiences (audiencePrefix + id).
const (
	fieldTitle = iota
	fieldKeywords
	fieldSummary
	fieldBody
	fieldTopics
	fieldAudiences
	numFields
)

var fieldNames = [numFields]string{"titel", "soegeord", "resume", "tekst", "emne", "maalgruppe"}

var fieldBoosts = [numFields]float64{3, 2, 1.5, 1, topicBoost, audienceBoost}

// isRaw reports whether field f holds terms as they are, not text to analyse.
func isRaw(f int) bool { return f == fieldTopics || f == fieldAudiences }

// topicBoost is the topic field's boost. Measured on the query sets in docs/search.md.
const topicBoost = 10

// audienceBoost is the audience field's boost.
const audienceBoost = 1

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
		var topics, audiences []string
		for _, t := range o.Topics {
			topics = append(topics, topicPrefix+t.ID)
		}
		for _, a := range o.Audiences {
			audiences = append(audiences, audiencePrefix+a.ID)
		}
		offers = append(offers, &doc{Kind: KindOffer, Title: o.Title, URL: o.URL(), Summary: o.Summary, Offer: o,
			Fields: [numFields]string{o.Title, join(kw), o.Summary, join(body), strings.Join(topics, " "), strings.Join(audiences, " ")}})
	}
	sortDocs(offers)
	padTopics(offers)
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

// padTopics pads the offers' topic and audience fields with their pads to the length of the
// longest.
func padTopics(offers []*doc) {
	var n, m int
	for _, d := range offers {
		n, m = max(n, len(d.Offer.Topics)), max(m, len(d.Offer.Audiences))
	}
	for _, d := range offers {
		d.Fields[fieldTopics] = strings.TrimSpace(d.Fields[fieldTopics] + strings.Repeat(" "+topicPad, n-len(d.Offer.Topics)))
		d.Fields[fieldAudiences] = strings.TrimSpace(d.Fields[fieldAudiences] + strings.Repeat(" "+audiencePad, m-len(d.Offer.Audiences)))
	}
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
