package render

import (
	"crypto/sha256"
	"html/template"
	"io"
	"strconv"
	"sync"

	"tilbudsviften/internal/site"
)

// Cache keeps the rendered offer pages of one Renderer between renders of the same site, for
// `viften serve`. An offer page is rendered again only when its key changes: the hash of
// everything the offer template shows, namely
//
//   - Versions.Global: the site settings, taxonomies, plain pages, theme and build day;
//   - the versions of the offer's own file and of the files of its contacts (and their
//     providers), its provider and its principles;
//   - the cards of its related offers (by their keys), which also cover the choice of them.
//
// Contact, principle, listing (topic, audience, age band, step), A–Å and contacts-overview
// pages are cached the same way, keyed by their entity's files and the hashes of the cards or
// entries they list. The rest (front page, overviews with counts, guides, plain pages, search,
// 404) are few and rendered every time. A Cache must not be used by two renders at
// once. TestIncrementalMatchesFull (internal/build) holds the result byte-equal to Site's.
type Cache struct {
	mu    sync.Mutex
	owner *Renderer
	pages map[string]cachedPage // output path → page
	cards map[string]cachedCard // offer source → card

	// Rendered and Reused count the offer pages of the last render.
	Rendered, Reused int
}

type cachedCard struct {
	key  [sha256.Size]byte // of the inputs
	sum  [sha256.Size]byte // of the HTML
	html template.HTML
}

type cachedPage struct {
	key  [sha256.Size]byte
	data []byte
}

// Versions tell a cached render what changed since the last one.
type Versions struct {
	// Global is a hash of every input that can show on any page besides the site's offers,
	// contacts, providers and principles.
	Global string
	// Source returns the version (a content hash) of an entity's source file, by its Source
	// path; "" when unknown, which makes the page render again and not be cached.
	Source func(source string) string
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{pages: map[string]cachedPage{}, cards: map[string]cachedCard{}}
}

// SiteCached renders every file of s like Site, in the same order and with the same bytes,
// but takes unchanged offer pages from c.
func (r *Renderer) SiteCached(s *site.Site, c *Cache, v Versions, emit func(path string, data []byte) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.owner != r { // another theme: nothing cached is valid
		c.owner = r
		clear(c.pages)
		clear(c.cards)
	}
	c.Rendered, c.Reused = 0, 0

	cards, cardKeys, err := r.cachedCards(s, c, v)
	if err != nil {
		return err
	}
	jobs, err := r.prepare(s, cards)
	if err != nil {
		return err
	}
	keys := make([][sha256.Size]byte, len(jobs))
	var todo []int
	out := make([][]byte, len(jobs))
	seen := make(map[string]bool, len(jobs))
	for i, j := range jobs {
		seen[j.path] = true
		key, known := pageKey(j.kind, j.page, v, cardKeys)
		if !known {
			todo = append(todo, i)
			if j.kind == "offer" {
				c.Rendered++
			}
			continue
		}
		keys[i] = key
		if p, ok := c.pages[j.path]; ok && p.key == key {
			out[i] = p.data
			if j.kind == "offer" {
				c.Reused++
			}
			continue
		}
		todo = append(todo, i)
		if j.kind == "offer" {
			c.Rendered++
		}
	}
	if err := r.renderPages(jobs, todo, out); err != nil {
		return err
	}
	for i, j := range jobs {
		if keys[i] != ([sha256.Size]byte{}) {
			c.pages[j.path] = cachedPage{key: keys[i], data: out[i]}
		}
		if err := emit(j.path, out[i]); err != nil {
			return err
		}
	}
	for p := range c.pages {
		if !seen[p] {
			delete(c.pages, p)
		}
	}
	return r.files(s, emit)
}

// cachedCards renders the card of every offer whose file or the global version changed and
// takes the others from c, like cards. It also returns the hash of each card it knows the
// version of, which pages hash instead of the cards' bytes (an offer without one makes the
// pages that show its card uncacheable).
func (r *Renderer) cachedCards(s *site.Site, c *Cache, v Versions) (map[*site.Offer]template.HTML, map[*site.Offer][sha256.Size]byte, error) {
	cardKeys := map[*site.Offer][sha256.Size]byte{}
	html := make([]template.HTML, len(s.Offers))
	keys := make([][sha256.Size]byte, len(s.Offers))
	var todo []int
	for i, o := range s.Offers {
		ver := ""
		if v.Source != nil {
			ver = v.Source(o.Source)
		}
		if ver == "" {
			todo = append(todo, i)
			continue
		}
		keys[i] = sha256.Sum256([]byte(v.Global + "\x00" + o.Source + "\x00" + ver))
		if cc, ok := c.cards[o.Source]; ok && cc.key == keys[i] {
			html[i] = cc.html
			cardKeys[o] = cc.sum
			continue
		}
		todo = append(todo, i)
	}
	if err := r.renderCards(s.Offers, todo, html); err != nil {
		return nil, nil, err
	}
	live := make(map[string]bool, len(s.Offers))
	cards := make(map[*site.Offer]template.HTML, len(s.Offers))
	for i, o := range s.Offers {
		cards[o] = html[i]
		live[o.Source] = true
	}
	for _, i := range todo {
		if keys[i] != ([sha256.Size]byte{}) {
			o := s.Offers[i]
			sum := sha256.Sum256([]byte(html[i]))
			c.cards[o.Source] = cachedCard{key: keys[i], sum: sum, html: html[i]}
			cardKeys[o] = sum
		}
	}
	for src := range c.cards {
		if !live[src] {
			delete(c.cards, src)
		}
	}
	return cards, cardKeys, nil
}

// pageKey hashes what a page of the given kind shows; see Cache. It reports false for kinds
// that are always rendered and when a version is unknown; such pages are not cached.
func pageKey(kind string, p *Page, v Versions, cardKeys map[*site.Offer][sha256.Size]byte) (key [sha256.Size]byte, known bool) {
	if v.Source == nil {
		return key, false
	}
	known = true
	h := sha256.New()
	write := func(parts ...string) {
		for _, s := range parts {
			io.WriteString(h, s)
			h.Write([]byte{0})
		}
	}
	src := func(source string) {
		ver := v.Source(source)
		if ver == "" {
			known = false
		}
		write(source, ver)
	}
	cards := func(offers []*site.Offer) {
		write("cards")
		for _, o := range offers {
			k, ok := cardKeys[o]
			if !ok {
				known = false
			}
			h.Write(k[:])
		}
	}
	write(v.Global, kind, p.URL, p.Title, p.Description)
	switch {
	case kind == "offer" && p.Offer != nil:
		o := p.Offer
		src(o.Source)
		if o.Provider != nil {
			src(o.Provider.Source)
		}
		for _, c := range o.Contacts {
			src(c.Source)
			if c.Provider != nil {
				src(c.Provider.Source)
			}
		}
		for _, pr := range o.Principles {
			src(pr.Source)
		}
		cards(p.Related)
		cards(p.LighterOffers)
		cards(p.HeavierOffers)
	case kind == "contact" && p.Contact != nil:
		src(p.Contact.Source)
		if p.Contact.Provider != nil {
			src(p.Contact.Provider.Source)
		}
		cards(p.Offers)
	case kind == "principle" && p.Principle != nil:
		src(p.Principle.Source)
		cards(p.Offers)
	case kind == "list":
		cards(p.Offers)
	case kind == "az" || kind == "contacts":
		for _, g := range p.Groups {
			write("group", g.ID, g.Name, g.URL, g.Note, strconv.Itoa(g.Count))
			cards(g.Offers)
			for _, e := range g.Entries {
				write(e.Name, e.URL, e.Text)
			}
		}
	default:
		return key, false
	}
	h.Sum(key[:0])
	return key, known
}
