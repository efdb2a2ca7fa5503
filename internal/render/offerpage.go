package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strings"

	"tilbudsviften/internal/site"
)

// The offer page is most of a site's pages (10 000 of 12 000 on a large generated site), and
// html/template spends most of its time calling functions through reflection: an escaper for
// every value, a function for every condition. So when the theme's base.html, offer.html,
// partials.html and list.html are the default theme's, the renderer writes offer pages and cards
// itself, in Go, byte for byte as the templates would (TestOfferPageWriter compares every
// file of several sites); the contact blocks, the urgent bar and the footer still come from
// the theme's templates, each rendered once. A theme with its own version of any of those
// files gets the templates, as before.

// pageWriterSums are the SHA-256 sums of the theme files whose markup the writer reproduces:
// the layout, the offer page, the partials (card, hours, sources, cards) and list.html, whose
// template set renders the cards (and could define its own "card"). The writer is used only
// when the site's files have these sums, so a site's own version of any of them, or an edit
// of the default theme that offerpage.go has not followed, gets the templates.
// TestOfferPageWriter fails when the default files no longer have these sums.
var pageWriterSums = map[string]string{
	"base.html":     "d06162615385a5d40cbf7b61c2271084aea4088eff4883251c524d1ed3e6e237",
	"offer.html":    "12245dc9aa4b45e97e82f13566bc1362452a20ee78a3d5862c0b7955a3354e86",
	"partials.html": "553c7a721038fc4f8e18be129e5c0ac9daa8f77ef36ce7c8951ae60c8f645d93",
	"list.html":     "908cb0e20bb65ad0540e7053759c4c34d68f1c715d2c935c34d6374c2263ac3b",
}

// writerAssets are the assets the written pages link to.
var writerAssets = []string{"site.css", "icon.svg", "site.js"}

// canWrite reports whether the renderer may write offer pages and cards itself for theme.
func (r *Renderer) canWrite(theme fs.FS) bool {
	for name, want := range pageWriterSums {
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			return false
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != want {
			return false
		}
	}
	for _, name := range writerAssets {
		if r.assets[name] == "" {
			return false
		}
	}
	return true
}

// contactBlocks renders the "contact-block" template once for each contact of the offers, the
// contacts their pages show for want of their own phone or e-mail (Fallback) included.
func (r *Renderer) contactBlocks(s *site.Site, offers []*site.Offer) (map[*site.Contact]string, error) {
	var list []*site.Contact
	seen := map[*site.Contact]bool{}
	add := func(c *site.Contact) {
		if !seen[c] {
			seen[c] = true
			list = append(list, c)
		}
	}
	for _, o := range offers {
		for _, c := range o.Contacts {
			add(c)
		}
		if fb := Fallback(s, o); fb != nil {
			add(fb.Contact)
		}
	}
	html := make([]string, len(list))
	t := r.pages["offer"]
	err := parallel(len(list), func(i int, buf *bytes.Buffer) error {
		if err := t.ExecuteTemplate(buf, "contact-block", list[i]); err != nil {
			return fmt.Errorf("render contact %s: %w", list[i].Source, err)
		}
		html[i] = buf.String()
		return nil
	})
	blocks := make(map[*site.Contact]string, len(list))
	for i, c := range list {
		blocks[c] = html[i]
	}
	return blocks, err
}

// offerWriter appends HTML to b with html/template's escaping: offer pages and cards.
type offerWriter struct {
	b      []byte
	blocks map[*site.Contact]string // contact blocks
	assets map[string]string        // the theme's asset paths
	jsonLD string                   // the page's JSON-LD
}

func (w *offerWriter) raw(s string) { w.b = append(w.b, s...) }

// text appends s escaped as html/template escapes text and quoted attribute values.
func (w *offerWriter) text(s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		w.b = append(w.b, s[start:i]...)
		w.b = append(w.b, repl...)
		start = i + 1
	}
	w.b = append(w.b, s[start:]...)
}

// url appends u as html/template writes a value that makes up a whole quoted URL attribute:
// a string with a scheme other than http, https or mailto becomes "#ZgotmplZ" (trusted
// template.URL values skip that check), the rest is normalized (bytes outside the URL
// characters percent-encoded) and escaped for the attribute.
func (w *offerWriter) url(u string, trusted bool) {
	if !trusted {
		if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") &&
			!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			u = "#ZgotmplZ"
		}
	}
	w.urlPart(u)
}

// urlPart appends a URL normalized and escaped for an attribute, as html/template's
// urlNormalizer and attrEscaper do, without the scheme check.
func (w *offerWriter) urlPart(u string) {
	var norm []byte
	start := 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			continue
		}
		norm = append(norm, u[start:i]...)
		norm = fmt.Appendf(norm, "%%%02x", c)
		start = i + 1
	}
	if norm == nil {
		w.text(u)
		return
	}
	w.text(string(append(norm, u[start:]...)))
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// link appends <a href="url">text</a>.
func (w *offerWriter) link(url, text string) {
	w.raw(`<a href="`)
	w.url(url, false)
	w.raw(`">`)
	w.text(text)
	w.raw(`</a>`)
}

// factLinks writes a row of the facts list whose value is n links, comma separated; nothing
// when n is 0.
func (w *offerWriter) factLinks(term string, n int, item func(i int) (url, name string)) {
	if n == 0 {
		return
	}
	w.raw("\n<div><dt>" + term + "</dt><dd>")
	for i := range n {
		if i > 0 {
			w.raw(", ")
		}
		w.link(item(i))
	}
	w.raw("</dd></div>")
}

// linkSection writes a section with a heading and a list of n links; nothing when n is 0.
func (w *offerWriter) linkSection(id, heading string, n int, item func(i int) (url, title string)) {
	if n == 0 {
		return
	}
	w.raw("\n<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + heading + "</h2>\n<ul>")
	for i := range n {
		w.raw("\n<li>")
		w.link(item(i))
		w.raw("</li>")
	}
	w.raw("\n</ul>\n</section>")
}

// stepLink appends a link to a step: "<a href=…>Trin 1 – Name</a>".
func (w *offerWriter) stepLink(st *site.Step) {
	w.raw(`<a href="`)
	w.url(st.URL(), false)
	w.raw(`">`)
	w.text(st.Short)
	w.raw(` – `)
	w.text(st.Name)
	w.raw(`</a>`)
}

// hours writes the "hours" partial.
func (w *offerWriter) hours(hours []site.Hours) {
	w.raw(`<p class="open-now" data-hours="`)
	w.text(HoursData(hours))
	w.raw("\" hidden></p>\n<table class=\"hours\">\n<tbody>")
	for _, h := range hours {
		w.raw("\n<tr><th scope=\"row\">")
		w.text(h.DaysText())
		w.raw(`</th><td>`)
		w.text(h.TimeText())
		if h.Note != "" {
			w.raw(` <span class="note">(`)
			w.text(h.Note)
			w.raw(`)</span>`)
		}
		w.raw(`</td></tr>`)
	}
	w.raw("\n</tbody>\n</table>")
}

// offerPage writes templates/base.html with the "main" block of templates/offer.html for p.
func (w *offerWriter) offerPage(p *Page) {
	cfg := p.Site.Config
	w.raw("<!doctype html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		string(cspMeta(p.Site)) + "\n" +
		"<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
	if p.URL != "/" {
		w.text(p.Title)
		w.raw(" – ")
	}
	w.text(cfg.Name)
	w.raw("</title>\n")
	if p.Description != "" {
		w.raw(`<meta name="description" content="`)
		w.text(p.Description)
		w.raw("\">\n")
	}
	if cfg.BaseURL != "" {
		w.raw(`<link rel="canonical" href="`)
		w.url(cfg.BaseURL, false)
		w.url(p.URL, false)
		w.raw("\">\n")
	}
	w.raw(`<link rel="stylesheet" href="`)
	w.url("/"+w.assets["site.css"], false)
	w.raw("\">\n<link rel=\"icon\" href=\"")
	w.url("/"+w.assets["icon.svg"], false)
	w.raw("\" type=\"image/svg+xml\">\n" +
		"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.atom\" title=\"Nye og ændrede tilbud\">\n" +
		"<link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\" title=\"")
	w.text(cfg.Name)
	w.raw("\">\n")
	if w.jsonLD != "" {
		w.raw("<script type=\"application/ld+json\">" + w.jsonLD + "</script>\n")
	}
	w.raw("</head>\n<body class=\"side-")
	w.text(p.Kind)
	w.raw("\">\n<a class=\"skip\" href=\"#indhold\">Gå til indholdet</a>")
	if p.Sensitive {
		w.raw("\n<div class=\"exit-bar\">\n" +
			"<a class=\"quick-exit\" href=\"https://www.dr.dk/\" rel=\"noreferrer\" aria-describedby=\"exit-hint\">Forlad siden hurtigt</a>\n" +
			"<span class=\"exit-hint\" id=\"exit-hint\">Eller tryk tre gange på Skift-tasten</span>\n</div>")
	}
	w.raw("\n")
	w.raw(string(p.Shared.Urgent))
	w.raw("\n<header class=\"top\">\n<div class=\"wrap top-inner\">\n<a class=\"brand\" href=\"/\">")
	w.text(cfg.Name)
	w.raw("</a>\n<a class=\"my-list-nav\" href=\"/min-liste/\" hidden><span class=\"my-list-min\">Min </span>liste <span class=\"my-list-size\"></span></a>" +
		"\n<details class=\"fold search-fold\">\n<summary>Søg</summary>\n" +
		"<form class=\"top-search\" role=\"search\" action=\"/soeg/\" method=\"get\">\n" +
		"<label for=\"top-q\">Søg i tilbud</label>\n" +
		"<input id=\"top-q\" name=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"Fx skilsmisse, angst, 3 år\">\n" +
		"<button type=\"submit\">Søg</button>\n</form>\n</details>\n" +
		"<details class=\"fold nav-fold\">\n<summary>Menu</summary>\n" +
		"<nav class=\"main-nav\" aria-label=\"Hovedmenu\">\n<ul>\n")
	for _, item := range mainNav {
		w.raw(`<li><a href="` + item.url + `"`)
		if p.URL == item.url {
			w.raw(` aria-current="page"`)
		}
		w.raw(">" + item.label + "</a></li>\n")
	}
	w.raw("</ul>\n</nav>\n</details>\n</div>\n</header>")
	if len(p.Crumbs) > 0 {
		w.raw("\n<nav class=\"wrap crumbs\" aria-label=\"Brødkrummesti\">\n<ol>")
		for _, c := range p.Crumbs {
			w.raw("<li>")
			w.link(c.URL, c.Name)
			w.raw("</li>")
		}
		w.raw("<li aria-current=\"page\">")
		w.text(p.Title)
		w.raw("</li></ol>\n</nav>")
	}
	w.raw("\n<main id=\"indhold\" class=\"wrap\" tabindex=\"-1\">\n")
	w.offerMain(p)
	w.raw("\n</main>\n")
	w.raw(string(p.Shared.Footer))
	w.raw("\n<script src=\"")
	w.url("/"+w.assets["site.js"], false)
	w.raw("\" defer></script>\n</body>\n</html>\n")
}

// addToList writes the Min liste button of an offer on a line of its own (site.js shows it).
func (w *offerWriter) addToList(o *site.Offer) {
	w.raw("\n<button type=\"button\" class=\"add-to-list secondary\" data-slug=\"")
	w.text(o.Slug)
	w.raw(`" aria-pressed="false" hidden>Føj til min liste</button>`)
}

// card writes the "card" partial of offer o.
func (w *offerWriter) card(o *site.Offer) {
	closed := o.Status == site.StatusClosed
	w.raw(`<article class="card`)
	if closed {
		w.raw(" closed")
	}
	w.raw("\">\n<h3>")
	w.link(o.URL(), o.Title)
	w.raw("</h3>\n<p class=\"summary\">")
	w.text(o.Summary)
	w.raw("</p>")
	w.addToList(o)
	if closed {
		w.raw("\n<p class=\"status\">Midlertidigt lukket")
		if o.Alert != "" {
			w.raw(": ")
			w.text(o.Alert)
		}
		w.raw("</p>")
	}
	w.raw("\n<dl class=\"facts-inline\">")
	if age := o.Age.Text(); age != "" {
		w.raw("\n<div><dt>Alder</dt><dd>")
		w.text(age)
		w.raw("</dd></div>")
	}
	if len(o.Topics) > 0 {
		w.raw("\n<div><dt>Emner</dt><dd>")
		w.text(topicNames(o.Topics))
		w.raw("</dd></div>")
	}
	w.raw("\n<div><dt>Sådan</dt><dd>")
	w.text(o.Access.Route.Label())
	if o.Access.Anonymous {
		w.raw(" · anonymt")
	}
	w.raw("</dd></div>")
	if o.Free() {
		w.raw("\n<div><dt>Pris</dt><dd>Gratis</dd></div>")
	}
	if o.Step != nil {
		w.raw("\n<div><dt>Trin</dt><dd>")
		w.text(o.Step.Short)
		w.raw("</dd></div>")
	}
	w.raw("\n</dl>\n</article>")
}

// mainNav is the main menu of base.html (an offer page is never the Min liste page, whose
// link in the header site.js shows).
var mainNav = []struct {
	url, label string
}{
	{"/emner/", "Emner"},
	{"/alder/", "Alder"},
	{"/for/", "Hvem er du?"},
	{"/trin/", "Indsatstrappen"},
	{"/a-aa/", "Alle tilbud"},
	{"/kontakter/", "Kontakter"},
	{"/bekymring/", "Er du bekymret?"},
}

// offerMain writes the "main" block of templates/offer.html for p.
func (w *offerWriter) offerMain(p *Page) {
	o := p.Offer
	if o == nil {
		return
	}
	w.raw("<article class=\"offer\">\n<header class=\"offer-head\">\n<h1>")
	w.text(o.Title)
	w.raw("</h1>\n<p class=\"lead\">")
	w.text(o.Summary)
	w.raw("</p>")
	if c := firstCall(o); c != nil {
		w.raw("\n<p class=\"head-call\"><a class=\"action call\" href=\"")
		w.url(string(TelURL(c.Phone)), true)
		w.raw(`">Ring `)
		w.text(c.Phone)
		w.raw(`</a>`)
		if c.Name != o.Title {
			w.raw(` <span class="note">`)
			w.text(c.Name)
			w.raw(`</span>`)
		}
		w.raw(`</p>`)
	} else if fb := Fallback(p.Site, o); fb != nil && fb.Contact.Phone != "" {
		w.raw("\n<p class=\"head-call\"><a class=\"action call\" href=\"")
		w.url(string(TelURL(fb.Contact.Phone)), true)
		w.raw(`">Ring `)
		w.text(fb.Contact.Phone)
		w.raw(`</a> <span class="note">`)
		w.text(fb.Contact.Name)
		w.raw(` – ikke tilbuddets eget nummer</span></p>`)
	}
	w.addToList(o)
	if o.Draft != "" {
		w.raw("\n<div class=\"alert draft\" role=\"note\"><strong>Kladde – ikke offentlig.</strong> ")
		if o.Draft == site.DraftComing {
			w.raw("Tilbuddet udgives ")
			w.text(Date(o.Publish))
		} else {
			w.raw("Tilbuddet udløb ")
			w.text(Date(o.Expire))
		}
		w.raw(". Du ser det, fordi forhåndsvisningen viser kladder.</div>")
	}
	switch {
	case o.Status == site.StatusClosed:
		w.raw("\n<div class=\"alert\" role=\"note\"><strong>Midlertidigt lukket.</strong> ")
		w.text(o.Alert)
		w.raw(`</div>`)
	case o.Alert != "":
		w.raw("\n<div class=\"alert\" role=\"note\">")
		w.text(o.Alert)
		w.raw(`</div>`)
	}
	w.raw("\n</header>\n\n<section class=\"at-a-glance\" aria-labelledby=\"glance-h\">\n" +
		"<h2 id=\"glance-h\" class=\"visually-hidden\">Kort fortalt</h2>\n<dl class=\"facts\">")
	w.factLinks("For", len(o.Audiences), func(i int) (string, string) { return o.Audiences[i].URL(), o.Audiences[i].Name })
	w.raw("\n<div><dt>Alder</dt><dd>")
	if age := o.Age.Text(); age != "" {
		w.text(age)
	} else {
		w.raw("Ikke oplyst")
	}
	w.raw("</dd></div>")
	w.factLinks("Emner", len(o.Topics), func(i int) (string, string) { return o.Topics[i].URL(), o.Topics[i].Name })
	w.raw("\n<div><dt>Sådan får du det</dt><dd>")
	w.text(RouteText(o))
	w.raw("</dd></div>\n<div><dt>Pris</dt><dd>")
	switch {
	case o.Cost == nil:
		w.raw("Spørg om prisen")
	case o.Cost.Text != "":
		w.text(o.Cost.Text)
	case o.Cost.Free:
		w.raw("Gratis")
	}
	w.raw("</dd></div>")
	if len(o.Languages) > 0 {
		w.raw("\n<div><dt>Sprog</dt><dd>")
		w.text(Languages(o.Languages))
		w.raw("</dd></div>")
	}
	if pr := o.Provider; pr != nil {
		w.raw("\n<div><dt>Udbyder</dt><dd>")
		if pr.Web != "" {
			w.link(pr.Web, pr.Name)
		} else {
			w.text(pr.Name)
		}
		w.raw("</dd></div>")
	}
	w.raw("\n</dl>\n</section>\n\n<section class=\"get-in-touch\" aria-labelledby=\"contact-h\">\n<h2 id=\"contact-h\">Kontakt</h2>")
	for _, c := range o.Contacts {
		w.raw("\n")
		w.raw(w.blocks[c])
	}
	if fb := Fallback(p.Site, o); fb != nil {
		w.raw("\n<p class=\"fallback\">")
		w.text(fb.Lead)
		w.raw("</p>\n")
		w.raw(w.blocks[fb.Contact])
	} else if !HasContact(o) {
		w.raw("\n<p>Vi har endnu ikke alle kontaktoplysninger på dette tilbud. Kontakt ")
		w.text(askWhom(p.Site, o))
		w.raw(" for at høre mere.</p>")
	}
	if len(o.Hours) > 0 {
		w.raw("\n<h3>Åbningstider</h3>\n")
		w.hours(o.Hours)
	}
	if len(o.Sessions) > 0 {
		w.raw("\n<h3>Faste mødetider</h3>\n")
		w.hours(o.Sessions)
		w.raw("\n<p class=\"note\">Mødetiderne findes også i <a href=\"/kalender.ics\">kalenderen</a>, som du kan tilføje på din telefon.</p>")
	}
	for _, l := range o.Locations {
		w.raw("\n<div class=\"location\">\n<h3>")
		if l.Name != "" {
			w.text(l.Name)
		} else {
			w.raw("Sted")
		}
		w.raw("</h3>")
		if !l.Address.IsZero() {
			w.raw("\n<p class=\"address\">")
			w.text(l.Address.Line())
			w.raw(` <a href="`)
			w.url(string(Directions(l.Address)), true)
			w.raw(`">Find vej</a></p>`)
		}
		if l.Note != "" {
			w.raw("<p>")
			w.text(l.Note)
			w.raw("</p>")
		}
		w.raw("\n</div>")
	}
	w.raw("\n</section>")
	if len(o.Access.Steps) > 0 {
		w.raw("\n<section aria-labelledby=\"how-h\">\n<h2 id=\"how-h\">Sådan får du hjælpen</h2>\n<ol class=\"how\">")
		for _, st := range o.Access.Steps {
			w.raw("\n<li>")
			w.text(st)
			w.raw("</li>")
		}
		w.raw("\n</ol>\n</section>")
	}
	w.raw("\n\n<section class=\"body\" aria-labelledby=\"about-h\">\n<h2 id=\"about-h\" class=\"visually-hidden\">Om tilbuddet</h2>\n")
	w.raw(string(o.Body))
	w.raw("\n</section>")
	if o.Verify != "" {
		w.raw("\n<p class=\"unverified\">Vi er ved at tjekke nogle af oplysningerne om dette tilbud. Spørg gerne, før du går derhen.</p>")
	}
	if st := o.Step; st != nil {
		w.raw("\n<section class=\"step-box\" aria-labelledby=\"step-h\">\n<h2 id=\"step-h\">På Indsatstrappen</h2>\n<p>Tilbuddet står på ")
		w.stepLink(st)
		w.raw(".</p>\n<ul>")
		w.neighbour("Et lettere trin: ", p.Lighter, p.LighterOffers)
		w.neighbour("Et tungere trin: ", p.Heavier, p.HeavierOffers)
		w.raw("\n</ul>\n</section>")
	}
	w.linkSection("pr-h", "Bygger på", len(o.Principles), func(i int) (string, string) { return o.Principles[i].URL(), o.Principles[i].Title })
	w.linkSection("links-h", "Læs mere", len(o.Links), func(i int) (string, string) { return o.Links[i].URL, o.Links[i].Title })
	if o.LegalBasis != "" {
		w.raw("\n<p class=\"legal\">Lovgrundlag: ")
		w.text(o.LegalBasis)
		w.raw("</p>")
	}
	if len(p.Related) > 0 {
		w.raw("\n<section aria-labelledby=\"rel-h\">\n<h2 id=\"rel-h\">Lignende tilbud</h2>\n\n<ul class=\"cards\">")
		for _, x := range p.Related {
			w.raw("\n<li>")
			w.raw(string(p.cards[x]))
			w.raw("</li>")
		}
		w.raw("\n</ul>\n\n</section>")
	}
	w.raw("\n\n<footer class=\"page-meta\">")
	if !o.Reviewed.IsZero() {
		w.raw("\n<p>Sidst gennemgået <time datetime=\"")
		w.text(o.Reviewed.Format("2006-01-02"))
		w.raw(`">`)
		w.text(Date(o.Reviewed))
		w.raw("</time>")
		if o.Responsible != "" {
			w.raw(" af ")
			w.text(o.Responsible)
		}
		w.raw(".</p>")
	}
	w.raw("\n")
	if len(o.Sources) > 0 {
		w.raw("\n<details class=\"sources\">\n<summary>Kilder</summary>\n<ul>")
		for _, src := range o.Sources {
			w.raw("\n<li><a href=\"")
			w.url(src.URL, false)
			w.raw(`">`)
			if src.Title != "" {
				w.text(src.Title)
			} else {
				w.text(Host(src.URL))
			}
			w.raw("</a>")
			if !src.Read.IsZero() {
				w.raw(" (læst ")
				w.text(Date(src.Read))
				w.raw(")")
			}
			if src.Note != "" {
				w.raw(". ")
				w.text(src.Note)
			}
			w.raw("</li>")
		}
		w.raw("\n</ul>\n</details>\n")
	}
	if p.Site.Config.Editors.Email != "" {
		w.raw("\n<p><a href=\"")
		w.url(string(FixMail(p.Site, p.Title, p.URL)), true)
		w.raw("\">Ret en fejl på siden</a></p>")
	} else if u := PageURL(p.Site, "ret-et-tilbud"); u != "" {
		w.raw("\n<p><a href=\"")
		w.url(u, false)
		w.raw("\">Ret en fejl på siden</a></p>")
	}
	w.raw("\n</footer>\n</article>")
}

// neighbour writes a step-box line for the step below or above with its alternatives.
func (w *offerWriter) neighbour(label string, st *site.Step, offers []*site.Offer) {
	if st == nil {
		return
	}
	w.raw("\n<li>" + label)
	w.stepLink(st)
	if len(offers) > 0 {
		w.raw(". Med samme emner:\n<ul class=\"alternatives\">")
		for _, x := range offers {
			w.raw("<li>")
			w.link(x.URL(), x.Title)
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
	w.raw("</li>")
}
