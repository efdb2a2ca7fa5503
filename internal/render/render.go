// Package render turns a loaded *site.Site into the files of the static site: HTML pages from
// the theme's html/template files, the theme's assets under content-hashed names, and the
// host's security headers.
//
// A theme is a flat folder (an fs.FS): base.html holds the layout, partials.html the shared
// blocks, and every other .html file is one kind of page that defines the "main" block. Every
// other file is an asset, published as assets/<name>.<hash>.<ext> so it can be cached for ever;
// templates refer to it with {{asset "site.css"}}.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"tilbudsviften/internal/export"
	"tilbudsviften/internal/par"
	"tilbudsviften/internal/site"
)

// pageKinds are the theme's page templates; each must exist.
var pageKinds = []string{"index", "offer", "list", "overview", "contacts", "contact", "principles",
	"principle", "guides", "guide", "az", "page", "search", "list-mine", "404", "data", "folder"}

// Renderer renders sites with one theme.
type Renderer struct {
	pages      map[string]*template.Template
	assets     map[string]string // theme file name → published path, e.g. "site.css" → "assets/site.0a1b2c3d4e.css"
	assetFiles map[string][]byte // published path → content
	// writeOffers is set when the renderer writes offer pages itself (see offerpage.go).
	writeOffers bool
}

// New parses the theme.
func New(theme fs.FS) (*Renderer, error) {
	r := &Renderer{pages: map[string]*template.Template{}, assets: map[string]string{}, assetFiles: map[string][]byte{}}
	entries, err := fs.ReadDir(theme, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".go") || strings.HasPrefix(name, ".") {
			continue
		}
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			return nil, err
		}
		ext := path.Ext(name)
		if ext == ".js" {
			data = CompactJS(data)
		}
		sum := sha256.Sum256(data)
		p := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		r.assets[name] = p
		r.assetFiles[p] = data
	}
	base, err := template.New("base.html").Funcs(r.funcs()).ParseFS(theme, "base.html", "partials.html")
	if err != nil {
		return nil, err
	}
	for _, kind := range pageKinds {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(theme, kind+".html"); err != nil {
			return nil, err
		}
		r.pages[kind] = t
	}
	r.writeOffers = r.canWrite(theme)
	return r, nil
}

// Page is what a page template gets.
type Page struct {
	Site        *site.Site
	Kind        string
	Title       string
	Description string
	URL         string
	Sensitive   bool // show the quick-exit control
	Crumbs      []Crumb

	Offer     *site.Offer
	Offers    []*site.Offer // the offers a listing shows
	Groups    []Group       // grouped listings: overviews, A–Å
	Contact   *site.Contact
	Principle *site.Principle
	Guide     *site.Guide
	Plain     *site.Page
	Intro     template.HTML // a listing's description
	Lighter   *site.Step    // the step below an offer's or step's
	Heavier   *site.Step    // the step above
	Related   []*site.Offer
	// LighterOffers and HeavierOffers are offers on the steps below and above an offer's own
	// that help with the same topics: the alternatives down and up the ladder.
	LighterOffers, HeavierOffers []*site.Offer

	Shared *Shared // parts every page shares, rendered once

	cards map[*site.Offer]template.HTML // every offer's card, rendered once
}

// Shared holds the parts of the layout that are the same on every page.
type Shared struct {
	Urgent template.HTML // the urgent-help bar
	Footer template.HTML
}

// Crumb is one link of the breadcrumb trail.
type Crumb struct {
	Name string
	URL  string
}

// Group is a named list of entries on an overview page.
type Group struct {
	ID      string
	Name    string
	URL     string
	Note    string
	Count   int
	Offers  []*site.Offer
	Entries []Entry
}

// Entry is a link with a short text.
type Entry struct {
	Name string
	URL  string
	Text string
}

// parallel runs f(0) … f(n-1) with par.For, each with a reset buffer of its own for the
// call, and returns the first error by index.
func parallel(n int, f func(i int, buf *bytes.Buffer) error) error {
	errs := make([]error, n)
	buffers := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	par.For(n, func(i int) {
		buf := buffers.Get().(*bytes.Buffer)
		buf.Reset()
		errs[i] = f(i, buf)
		buffers.Put(buf)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// shared renders the urgent bar and the footer.
func (r *Renderer) shared(s *site.Site) (*Shared, error) {
	var urgent, footer bytes.Buffer
	t := r.pages["index"]
	if err := t.ExecuteTemplate(&urgent, "urgent", s); err != nil {
		return nil, err
	}
	if err := t.ExecuteTemplate(&footer, "footer", s); err != nil {
		return nil, err
	}
	return &Shared{Urgent: template.HTML(urgent.String()), Footer: template.HTML(footer.String())}, nil
}

// cards renders every offer's card once; listings reuse them.
func (r *Renderer) cards(s *site.Site) (map[*site.Offer]template.HTML, error) {
	html := make([]template.HTML, len(s.Offers))
	err := r.renderCards(s.Offers, all(len(s.Offers)), html)
	cards := make(map[*site.Offer]template.HTML, len(s.Offers))
	for i, o := range s.Offers {
		cards[o] = html[i]
	}
	return cards, err
}

// renderCards renders into html[i] the card of offers[i] for each i in todo, in parallel.
func (r *Renderer) renderCards(offers []*site.Offer, todo []int, html []template.HTML) error {
	t := r.pages["list"]
	return parallel(len(todo), func(k int, buf *bytes.Buffer) error {
		i := todo[k]
		if r.writeOffers {
			w := offerWriter{b: buf.AvailableBuffer()}
			w.card(offers[i])
			html[i] = template.HTML(w.b)
			buf.Grow(len(w.b)) // so the next card is written without growing w.b
			return nil
		}
		if err := t.ExecuteTemplate(buf, "card", offers[i]); err != nil {
			return fmt.Errorf("render card of %s: %w", offers[i].Source, err)
		}
		html[i] = template.HTML(buf.String())
		return nil
	})
}

// renderPages renders into out[i] the page of jobs[i] for each i in todo, in parallel.
func (r *Renderer) renderPages(jobs []job, todo []int, out [][]byte) error {
	var blocks map[*site.Contact]string
	if r.writeOffers {
		var offers []*site.Offer
		var st *site.Site
		for _, i := range todo {
			if jobs[i].kind == "offer" && jobs[i].page.Offer != nil {
				offers = append(offers, jobs[i].page.Offer)
				st = jobs[i].page.Site
			}
		}
		var err error
		if blocks, err = r.contactBlocks(st, offers); err != nil {
			return err
		}
	}
	return parallel(len(todo), func(k int, buf *bytes.Buffer) error {
		i := todo[k]
		j := jobs[i]
		if j.kind == "offer" && r.writeOffers {
			ld, err := JSONLD(j.page)
			if err != nil {
				return fmt.Errorf("render %s: %w", j.path, err)
			}
			w := offerWriter{b: buf.AvailableBuffer(), blocks: blocks, assets: r.assets, jsonLD: string(ld)}
			w.offerPage(j.page)
			out[i] = bytes.Clone(w.b)
			buf.Grow(len(w.b)) // so the next page is written without growing w.b
			return nil
		}
		if err := r.pages[j.kind].ExecuteTemplate(buf, "base", j.page); err != nil {
			return fmt.Errorf("render %s: %w", j.path, err)
		}
		out[i] = bytes.Clone(buf.Bytes())
		return nil
	})
}

// all returns the indexes 0 … n-1.
func all(n int) []int {
	list := make([]int, n)
	for i := range list {
		list[i] = i
	}
	return list
}

// prepare returns the pages to render, each with the shared chrome and the offers' cards.
func (r *Renderer) prepare(s *site.Site, cards map[*site.Offer]template.HTML) ([]job, error) {
	shared, err := r.shared(s)
	if err != nil {
		return nil, err
	}
	jobs, err := r.jobs(s)
	if err != nil {
		return nil, err
	}
	for _, j := range jobs {
		j.page.cards = cards
		j.page.Shared = shared
	}
	return jobs, nil
}

type job struct {
	path string
	kind string
	page *Page
}

// Site renders every file of s and hands each to emit, in a fixed order.
func (r *Renderer) Site(s *site.Site, emit func(path string, data []byte) error) error {
	cards, err := r.cards(s)
	if err != nil {
		return err
	}
	jobs, err := r.prepare(s, cards)
	if err != nil {
		return err
	}
	out := make([][]byte, len(jobs))
	if err := r.renderPages(jobs, all(len(jobs)), out); err != nil {
		return err
	}
	for i, j := range jobs {
		if err := emit(j.path, out[i]); err != nil {
			return err
		}
	}
	return r.files(s, emit)
}

// files emits what follows the pages in every render, full or cached: the theme's assets,
// the Min liste data, the favicon and the headers file.
func (r *Renderer) files(s *site.Site, emit func(path string, data []byte) error) error {
	names := make([]string, 0, len(r.assetFiles))
	for p := range r.assetFiles {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		if err := emit(p, r.assetFiles[p]); err != nil {
			return err
		}
	}
	list, err := listData(s)
	if err != nil {
		return err
	}
	if err := emit("min-liste/tilbud.json", list); err != nil {
		return err
	}
	if err := emit("favicon.ico", favicon()); err != nil {
		return err
	}
	return emit("_headers", []byte(headers(s)))
}

// CSP is the Content-Security-Policy of every page of a site that allows no other host:
// nothing from another host, no inline script or style.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'"

// PageCSP is the Content-Security-Policy of s's pages: CSP, with the hosts site.yaml's
// eksterne_vaerter allows added to img-src (over https only), since images are the one
// resource the content may take from another host (the loader reports any other).
func PageCSP(s *site.Site) string {
	if len(s.Config.AllowedHosts) == 0 {
		return CSP
	}
	var img strings.Builder
	img.WriteString("img-src 'self' data:")
	for _, h := range s.Config.AllowedHosts {
		img.WriteString(" https://" + h)
	}
	return strings.Replace(CSP, "img-src 'self' data:", img.String(), 1)
}

// cspMeta is the page's CSP as a meta element, written whole so the policy's quotes stay as
// they are (in an attribute the template would escape them). The policy needs no escaping: its
// hosts are bare host names, which the loader holds to letters, digits, hyphens and dots.
func cspMeta(s *site.Site) template.HTML {
	return template.HTML(`<meta http-equiv="Content-Security-Policy" content="` + PageCSP(s) + `">`)
}

// headers returns the security headers in the _headers format that common static hosts read.
func headers(s *site.Site) string {
	var b strings.Builder
	b.WriteString("/*\n")
	b.WriteString("  Content-Security-Policy: " + PageCSP(s) + "; frame-ancestors 'none'\n")
	b.WriteString("  X-Content-Type-Options: nosniff\n")
	b.WriteString("  Referrer-Policy: no-referrer\n")
	b.WriteString("  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n")
	b.WriteString("/assets/*\n")
	b.WriteString("  Cache-Control: public, max-age=31536000, immutable\n")
	return b.String()
}

func pagePath(url string) string {
	return strings.TrimPrefix(url, "/") + "index.html"
}

// jobs lists every page of the site.
func (r *Renderer) jobs(s *site.Site) ([]job, error) {
	var jobs []job
	add := func(kind string, p *Page) {
		p.Site = s
		p.Kind = kind
		jobs = append(jobs, job{path: pagePath(p.URL), kind: kind, page: p})
	}
	home := Crumb{"Forside", "/"}
	ord := newOrder(s.Offers)

	add("index", &Page{Title: s.Config.Name, Description: s.Config.Description, URL: "/"})

	similar := ord.similarAll(s.Offers, s.Steps)
	for i, o := range s.Offers {
		p := &Page{Title: o.Title, Description: o.Summary, URL: o.URL(), Offer: o, Sensitive: o.Sensitive(),
			Crumbs: []Crumb{home, {"Alle tilbud", "/a-aa/"}}}
		if o.Step != nil {
			p.Lighter, p.Heavier = neighbours(s.Steps, o.Step)
		}
		p.Related, p.LighterOffers, p.HeavierOffers = similar[i][0], similar[i][1], similar[i][2]
		add("offer", p)
	}

	// Listings per topic, audience, age band and step, and their overviews.
	var topics, audiences, bands, steps []Group
	for _, t := range s.Topics {
		topics = append(topics, Group{ID: t.ID, Name: t.Name, URL: t.URL(), Count: len(t.Offers), Note: site.PlainText(string(t.Description))})
		add("list", &Page{Title: t.Name, Description: "Tilbud om " + strings.ToLower(t.Name) + ".", URL: t.URL(),
			Intro: t.Description, Offers: ord.byStep(t.Offers), Sensitive: t.Sensitive,
			Crumbs: []Crumb{home, {"Emner", "/emner/"}}})
	}
	for _, a := range s.Audiences {
		audiences = append(audiences, Group{ID: a.ID, Name: a.Name, URL: a.URL(), Count: len(a.Offers), Note: site.PlainText(string(a.Description))})
		add("list", &Page{Title: "Tilbud til " + site.LowerFirst(a.Name), Description: site.PlainText(string(a.Description)), URL: a.URL(),
			Intro: a.Description, Offers: ord.byStep(a.Offers), Crumbs: []Crumb{home, {"Hvem er du?", "/for/"}}})
	}
	for _, b := range s.AgeBands {
		bands = append(bands, Group{ID: b.ID, Name: b.Name, URL: b.URL(), Count: len(b.Offers)})
		add("list", &Page{Title: "Tilbud til børn og unge på " + b.Name, Description: "Tilbud for alderen " + b.Name + ".",
			URL: b.URL(), Offers: ord.byStep(b.Offers), Crumbs: []Crumb{home, {"Alder", "/alder/"}}})
	}
	for _, st := range s.Steps {
		steps = append(steps, Group{ID: st.ID, Name: st.Name, URL: st.URL(), Count: len(st.Offers), Note: st.Short})
		lighter, heavier := neighbours(s.Steps, st)
		add("list", &Page{Title: st.Name, Description: site.PlainText(string(st.Description)), URL: st.URL(), Intro: st.Description,
			Offers: ord.byTitle(st.Offers), Lighter: lighter, Heavier: heavier,
			Crumbs: []Crumb{home, {"Indsatstrappen", "/trin/"}}})
	}
	add("overview", &Page{Title: "Emner", Description: "Find tilbud efter, hvad det handler om.", URL: "/emner/", Groups: topics, Crumbs: []Crumb{home}})
	add("overview", &Page{Title: "Hvem er du?", Description: "Find tilbud til børn, unge, forældre og fagpersoner.", URL: "/for/", Groups: audiences, Crumbs: []Crumb{home}})
	add("overview", &Page{Title: "Alder", Description: "Find tilbud efter barnets alder.", URL: "/alder/", Groups: bands, Crumbs: []Crumb{home}})
	add("overview", &Page{Title: "Indsatstrappen", Description: "Tilbuddene på Indsatstrappen, fra det letteste trin til det tungeste.", URL: "/trin/", Groups: steps, Crumbs: []Crumb{home}})

	add("contacts", &Page{Title: "Kontakter", Description: "Telefonnumre, e-mails og adresser til rådgivning og hjælp.", URL: "/kontakter/",
		Groups: contactGroups(s), Crumbs: []Crumb{home}})
	for _, c := range s.Contacts {
		add("contact", &Page{Title: c.Name, Description: c.Description, URL: c.URL(), Contact: c, Offers: ord.byTitle(c.Offers),
			Crumbs: []Crumb{home, {"Kontakter", "/kontakter/"}}})
	}

	add("principles", &Page{Title: "Principper", Description: "De principper, som kommunens arbejde med børn, unge og familier bygger på.",
		URL: "/principper/", Crumbs: []Crumb{home}})
	for _, pr := range s.Principles {
		add("principle", &Page{Title: pr.Title, Description: pr.Summary, URL: pr.URL(), Principle: pr, Offers: ord.byTitle(pr.Offers),
			Crumbs: []Crumb{home, {"Principper", "/principper/"}}})
	}

	add("guides", &Page{Title: "Er du bekymret for et barn?", Description: "Hvad du kan gøre, når du er bekymret for et barn eller en ung.",
		URL: "/bekymring/", Sensitive: true, Crumbs: []Crumb{home}})
	for _, g := range s.Guides {
		add("guide", &Page{Title: g.Title, Description: g.Summary, URL: g.URL(), Guide: g, Sensitive: true,
			Crumbs: []Crumb{home, {"Er du bekymret?", "/bekymring/"}}})
	}

	letters := alphabet(ord)
	add("az", &Page{Title: "Alle tilbud fra A til Å", Description: "Alle tilbud i alfabetisk rækkefølge.", URL: "/a-aa/",
		Groups: letters, Crumbs: []Crumb{home}})
	// /tilbud/, the folder of the offer pages, is the same list: a visitor who cuts an offer's
	// address down to it finds every offer.
	add("az", &Page{Title: "Alle tilbud", Description: "Alle tilbud i alfabetisk rækkefølge.", URL: "/tilbud/",
		Groups: letters, Crumbs: []Crumb{home}})
	for _, pg := range s.Pages {
		add("page", &Page{Title: pg.Title, Description: pg.Summary, URL: pg.URL(), Plain: pg, Crumbs: []Crumb{home}})
	}
	// The open-data profile, in the site's theme (internal/export writes the data files).
	body, err := export.ProfileContent(s)
	if err != nil {
		return nil, fmt.Errorf("open-data profile: %w", err)
	}
	add("page", &Page{Title: export.ProfileTitle, Description: "Sådan udgiver " + s.Config.Name + " tilbuddene som åbne data.",
		URL: "/" + strings.TrimSuffix(export.ProfilePath, "index.html"), Plain: &site.Page{Title: export.ProfileTitle, Body: body},
		Crumbs: []Crumb{home}})
	// /data/, the folder of the open data, says what it holds; Folders gives its subfolders pages.
	add("data", &Page{Title: DataTitle, Description: "Alle tilbud som åbne data: regneark, JSON, Open Referral HSDS 3.0, feed og kalender.",
		URL: "/data/", Groups: []Group{{ID: "hsds", Entries: dataFolders()}}, Crumbs: []Crumb{home}})
	add("search", &Page{Title: "Søg", Description: "Søg i alle tilbud.", URL: "/soeg/", Crumbs: []Crumb{home}})
	add("list-mine", &Page{Title: "Min liste", Description: "Tilbud, du har samlet – til at dele, printe eller tage med til et møde.",
		URL: "/min-liste/", Crumbs: []Crumb{home}})

	nf := &Page{Title: "Siden findes ikke", Description: "Siden findes ikke.", URL: "/404/"}
	nf.Site, nf.Kind = s, "404"
	jobs = append(jobs, job{path: "404.html", kind: "404", page: nf})
	return jobs, nil
}

// neighbours returns the steps just below and above st.
func neighbours(steps []*site.Step, st *site.Step) (lighter, heavier *site.Step) {
	for i, x := range steps {
		if x == st {
			if i > 0 {
				lighter = steps[i-1]
			}
			if i+1 < len(steps) {
				heavier = steps[i+1]
			}
		}
	}
	return lighter, heavier
}

// order ranks offers in Danish alphabetical order of their titles, so listings sort by an int
// instead of comparing collation keys again and again.
type order struct {
	rank   map[*site.Offer]int
	byRank []*site.Offer
}

func newOrder(offers []*site.Offer) *order {
	list := append([]*site.Offer(nil), offers...)
	keys := make(map[*site.Offer]string, len(list))
	for _, o := range list {
		keys[o] = site.CollationKey(o.Title)
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if keys[a] != keys[b] {
			return keys[a] < keys[b]
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Slug < b.Slug
	})
	ord := &order{rank: make(map[*site.Offer]int, len(list)), byRank: list}
	for i, o := range list {
		ord.rank[o] = i
	}
	return ord
}

// scorer ranks offers by the topics they share with one offer; each worker has its own.
type scorer struct {
	*order
	scores  []int // indexed by rank
	touched []int // ranks with a score above 0
}

// similarAll returns similar for every offer: element i holds the related offers and the
// lighter and heavier alternatives of offers[i]. Offers with the same topics score every
// other offer alike, so the scoring runs once per set of topics (in parallel) and each offer
// then only drops itself from its set's lists.
func (ord *order) similarAll(offers []*site.Offer, steps []*site.Step) [][3][]*site.Offer {
	const n, m = 6, 3 // related offers; alternatives per neighbouring step
	type group struct {
		rep     *site.Offer
		members []int
		related []*site.Offer                // the n+1 best of any step, the offers themselves included
		onStep  map[*site.Step][]*site.Offer // the m best on a step
	}
	var groups []*group
	byKey := map[string]*group{}
	var key strings.Builder
	for i, o := range offers {
		key.Reset()
		for _, t := range o.Topics {
			key.WriteString(t.ID)
			key.WriteByte(0)
		}
		g := byKey[key.String()]
		if g == nil {
			g = &group{rep: o, onStep: map[*site.Step][]*site.Offer{}}
			byKey[key.String()] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, i)
	}
	scorers := sync.Pool{New: func() any { return &scorer{order: ord, scores: make([]int, len(ord.byRank))} }}
	par.For(len(groups), func(k int) {
		sc := scorers.Get().(*scorer)
		defer scorers.Put(sc)
		g := groups[k]
		sc.score(g.rep)
		g.related = sc.top(n+1, nil)
		for _, i := range g.members {
			if st := offers[i].Step; st != nil {
				lighter, heavier := neighbours(steps, st)
				for _, x := range []*site.Step{lighter, heavier} {
					if _, done := g.onStep[x]; x != nil && !done {
						g.onStep[x] = sc.top(m, x)
					}
				}
			}
		}
		sc.reset()
	})
	out := make([][3][]*site.Offer, len(offers))
	for _, g := range groups {
		for _, i := range g.members {
			o := offers[i]
			var related []*site.Offer
			for _, x := range g.related {
				if x != o && len(related) < n {
					related = append(related, x)
				}
			}
			out[i][0] = related
			if o.Step != nil {
				lighter, heavier := neighbours(steps, o.Step)
				if lighter != nil {
					out[i][1] = g.onStep[lighter]
				}
				if heavier != nil {
					out[i][2] = g.onStep[heavier]
				}
			}
		}
	}
	return out
}

// score counts, for every offer, the topics it shares with o (o itself included).
func (sc *scorer) score(o *site.Offer) {
	for _, t := range o.Topics {
		for _, x := range t.Offers {
			r := sc.rank[x]
			if sc.scores[r] == 0 {
				sc.touched = append(sc.touched, r)
			}
			sc.scores[r]++
		}
	}
}

// reset clears the scores for the next offer.
func (sc *scorer) reset() {
	for _, r := range sc.touched {
		sc.scores[r] = 0
	}
	sc.touched = sc.touched[:0]
}

// top picks the n best of the scored offers, on step if it is not nil.
func (sc *scorer) top(n int, step *site.Step) []*site.Offer {
	better := func(a, b int) bool {
		if sc.scores[a] != sc.scores[b] {
			return sc.scores[a] > sc.scores[b]
		}
		return a < b
	}
	top := make([]int, 0, n+1)
	for _, r := range sc.touched {
		if step != nil && sc.byRank[r].Step != step {
			continue
		}
		i := len(top)
		for i > 0 && better(r, top[i-1]) {
			i--
		}
		if i < n {
			top = append(top, 0)
			copy(top[i+1:], top[i:])
			top[i] = r
			if len(top) > n {
				top = top[:n]
			}
		}
	}
	if len(top) == 0 {
		return nil
	}
	list := make([]*site.Offer, len(top))
	for i, r := range top {
		list[i] = sc.byRank[r]
	}
	return list
}

// byTitle returns the offers in Danish alphabetical order.
func (ord *order) byTitle(offers []*site.Offer) []*site.Offer {
	list := append([]*site.Offer(nil), offers...)
	sort.Slice(list, func(i, j int) bool { return ord.rank[list[i]] < ord.rank[list[j]] })
	return list
}

// byStep returns the offers lowest step first, then alphabetically: the Indsatstrappen's
// direction is down the ladder, so the lightest help comes first.
func (ord *order) byStep(offers []*site.Offer) []*site.Offer {
	list := ord.byTitle(offers)
	rank := func(o *site.Offer) int {
		if o.Step == nil {
			return 1 << 20
		}
		return o.Step.Rank
	}
	sort.SliceStable(list, func(i, j int) bool { return rank(list[i]) < rank(list[j]) })
	return list
}

// contactGroups groups the contacts by provider, the municipality's own first.
func contactGroups(s *site.Site) []Group {
	kindRank := map[site.ProviderKind]int{site.ProviderMunicipality: 0, site.ProviderRegion: 1, site.ProviderState: 2, site.ProviderNGO: 3}
	var groups []Group
	var loose []Entry
	providers := append([]*site.Provider(nil), s.Providers...)
	sort.SliceStable(providers, func(i, j int) bool {
		a, b := providers[i], providers[j]
		if kindRank[a.Kind] != kindRank[b.Kind] {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		return site.Less(a.Name, b.Name)
	})
	for _, p := range providers {
		g := Group{ID: p.Slug, Name: p.Name, URL: p.Web}
		for _, c := range p.Contacts {
			g.Entries = append(g.Entries, Entry{Name: c.Name, URL: c.URL(), Text: c.Phone})
		}
		if len(g.Entries) > 0 {
			sort.SliceStable(g.Entries, func(i, j int) bool { return site.Less(g.Entries[i].Name, g.Entries[j].Name) })
			groups = append(groups, g)
		}
	}
	for _, c := range s.Contacts {
		if c.Provider == nil {
			loose = append(loose, Entry{Name: c.Name, URL: c.URL(), Text: c.Phone})
		}
	}
	if len(loose) > 0 {
		sort.SliceStable(loose, func(i, j int) bool { return site.Less(loose[i].Name, loose[j].Name) })
		groups = append(groups, Group{ID: "andre", Name: "Andre", Entries: loose})
	}
	return groups
}

// alphabet groups the offers by first letter, in the Danish alphabet.
func alphabet(ord *order) []Group {
	var groups []Group
	for _, o := range ord.byRank {
		l := Initial(o.Title)
		if len(groups) == 0 || groups[len(groups)-1].Name != l {
			groups = append(groups, Group{ID: letterID(l), Name: l})
		}
		g := &groups[len(groups)-1]
		g.Offers = append(g.Offers, o)
		g.Count++
	}
	return groups
}

func letterID(l string) string {
	switch l {
	case "Æ":
		return "ae"
	case "Ø":
		return "oe"
	case "Å":
		return "aa"
	case "0–9":
		return "tal"
	}
	return strings.ToLower(l)
}

// CompactJS returns a script as the site publishes it: without its comment lines, blank lines
// and indentation, which a visitor's browser has no use for. Lines are kept whole and in order,
// so the code means the same; a script with a template literal (`) or a line continued by a
// backslash is published as written, as a string may span lines there and its spacing counts.
func CompactJS(src []byte) []byte {
	var out []byte
	for line := range bytes.Lines(src) {
		code := bytes.TrimLeft(line, " \t")
		if len(bytes.TrimSpace(code)) == 0 || bytes.HasPrefix(code, []byte("//")) {
			continue
		}
		if bytes.IndexByte(code, '`') >= 0 || bytes.HasSuffix(bytes.TrimRight(code, "\r\n"), []byte("\\")) {
			return src
		}
		out = append(out, code...)
	}
	return out
}
