// Package content loads and validates a Tilbudsviften content folder into a *site.Site.
//
// Load reads the folder layout documented in docs/content-model.md from an fs.FS: site.yaml,
// the taxonomies (maalgrupper.yaml, emner.yaml, trin.yaml, synonymer.yaml) and the folders
// tilbud/, kontakter/, udbydere/, principper/, bekymring/ and sider/. It is the only package
// that knows positions in content files and the only one that imports the YAML library.
//
// Every problem is collected, not just the first: Load returns an ErrorList, sorted by
// position, whose entries read "path:line:col: message" with a Danish message that says how to
// fix it. A Site is returned only when there are no errors. Problems that should not stop a
// build (an offer overdue for review, facts still to be verified) are returned in a Report.
package content

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"tilbudsviften/internal/markdown"
	"tilbudsviften/internal/par"
	"tilbudsviften/internal/site"
)

// Options control Load.
type Options struct {
	// Now is the day publish and expiry dates and review intervals are judged against;
	// the zero value means today.
	Now time.Time
	// Drafts includes offers before their publish date or after their expiry date.
	Drafts bool
	// Cache, when not nil, keeps parsed files between loads of the same folder, so that a
	// load after an edit parses only the changed files. See Cache.
	Cache *Cache
}

// Report holds what Load found that does not stop a build.
type Report struct {
	Warnings   ErrorList // should be fixed: overdue reviews, missing contact facts
	Unverified ErrorList // facts marked "tjekkes" by the editors
	// Fallbacks lists the published offers without a phone or e-mail of their own, whose pages
	// show the contact of the unit responsible, of the provider or of the municipality instead.
	Fallbacks ErrorList
	Hidden    int // offers left out because of udgives or udloeber
}

// folders lists the entity folders, their file extension and their fields.
var folders = []struct {
	dir    string
	ext    string
	fields []field
}{
	{"tilbud", ".md", offerFields},
	{"kontakter", ".yaml", contactFields},
	{"udbydere", ".yaml", providerFields},
	{"principper", ".md", principleFields},
	{"bekymring", ".md", guideFields},
	{"sider", ".md", pageFields},
}

// topFiles are the files allowed at the top of the content folder.
var topFiles = []string{"site.yaml", "maalgrupper.yaml", "emner.yaml", "trin.yaml", "synonymer.yaml"}

type loader struct {
	siteRec *record // site.yaml, decoded; nil when missing or broken
	// yamlSrc holds the normalized source of each whole-file YAML document, by the name shown
	// in messages, so that a position inside a value's Markdown can be found.
	yamlSrc map[string][]byte
	fsys    fs.FS
	prefix  string
	opts    Options
	md      *markdown.Converter
	errs    ErrorList
	report  Report
	site    *site.Site
}

// parsed is one content file, decoded but not yet resolved against the others.
type parsed struct {
	f        *file
	rel      string // path in the content folder
	slug     string
	rec      *record
	doc      *markdown.Doc
	body     []byte
	bodyLine int
	// lix is the readability of the family text (nil without one), measured once when the
	// file is parsed: a parsed file is kept by the Cache between loads, so serve does not
	// measure unchanged offers again.
	lix *lixResult
}

// Load reads and validates the content folder fsys. prefix is the folder's name as it should
// appear in messages (e.g. "content").
func Load(fsys fs.FS, prefix string, opts Options) (*site.Site, *Report, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	l := &loader{fsys: fsys, prefix: prefix, opts: opts, md: markdown.New(), site: &site.Site{}, yamlSrc: map[string][]byte{}}
	if opts.Cache != nil {
		opts.Cache.begin()
		defer opts.Cache.end()
	}
	l.checkTop()
	siteRec := l.parseYAMLFile("site.yaml", true)
	l.loadConfig(siteRec)
	l.loadTaxonomies()

	byDir := map[string][]*parsed{}
	for _, d := range folders {
		byDir[d.dir] = l.parseFolder(d.dir, d.ext, d.fields)
	}
	providers := l.buildProviders(byDir["udbydere"])
	contacts := l.buildContacts(byDir["kontakter"], providers)
	l.resolveFallbacks(byDir["udbydere"], providers, contacts)
	principles := l.buildPrinciples(byDir["principper"])
	l.buildGuides(byDir["bekymring"])
	l.buildPages(byDir["sider"])
	l.buildOffers(byDir["tilbud"], providers, contacts, principles)
	l.checkLinks(byDir)
	l.checkBodyImages(byDir)
	l.backrefs()

	l.report.Warnings.Sort()
	l.report.Unverified.Sort()
	l.report.Fallbacks.Sort()
	if err := l.errs.Err(); err != nil {
		return nil, &l.report, err
	}
	return l.site, &l.report, nil
}

func (l *loader) display(rel string) string {
	if l.prefix == "" {
		return rel
	}
	return path.Join(l.prefix, rel)
}

func (l *loader) newFile(rel string, lineOff int) *file {
	return &file{name: l.display(rel), lineOff: lineOff, errs: &l.errs}
}

// checkTop reports unknown files and folders at the top of the content folder.
func (l *loader) checkTop() {
	entries, err := fs.ReadDir(l.fsys, ".")
	if err != nil {
		l.errs.Add(Position{File: l.display(".")}, "kan ikke læse indholdsmappen: %v", err)
		return
	}
	known := append([]string(nil), topFiles...)
	for _, d := range folders {
		known = append(known, d.dir)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.EqualFold(name, "README.md") {
			continue
		}
		if !contains(known, name) {
			l.errs.Add(Position{File: l.display(name)}, "ukendt fil eller mappe i indholdsmappen%s", suggest(name, known, "kendte navne: "))
		}
	}
}

// read reads and normalizes a file; missing optional files return nil.
func (l *loader) read(rel string, required bool) []byte {
	src, err := fs.ReadFile(l.fsys, rel)
	if err == nil && l.opts.Cache != nil {
		l.opts.Cache.note(rel, sha256.Sum256(src))
	}
	if err != nil {
		if required || !isNotExist(err) {
			l.errs.Add(Position{File: l.display(rel)}, "filen mangler eller kan ikke læses: %v", unwrapPathError(err))
		}
		return nil
	}
	src, ok := normalize(l.display(rel), src, &l.errs)
	if !ok {
		return nil
	}
	return src
}

// parseYAMLFile parses a whole-file YAML document; it returns nil when the file is missing or broken.
func (l *loader) parseYAMLFile(rel string, required bool) *yaml.Node {
	src := l.read(rel, required)
	if src == nil {
		return nil
	}
	l.yamlSrc[l.display(rel)] = src
	n, ok := parseYAML(l.newFile(rel, 0), src)
	if !ok {
		return nil
	}
	return n
}

func (l *loader) loadConfig(n *yaml.Node) {
	c := &l.site.Config
	c.ReviewMonths, c.LixLimit = 12, 35
	l.site.AgeBands = site.DefaultAgeBands()
	if n == nil {
		return
	}
	f := l.newFile("site.yaml", 0)
	r := decodeRecord(f, n, siteFields)
	l.siteRec = r
	c.Name, c.Municipality, c.Description = r.str("navn"), r.str("kommune"), r.str("beskrivelse")
	c.BaseURL = strings.TrimRight(r.str("basisurl"), "/")
	c.ReportURL, c.AccessibilityURL = r.str("underretning"), r.str("tilgaengelighedserklaering")
	if e := r.sub("redaktion", fieldsOf(siteFields, "redaktion")); e != nil {
		c.Editors = site.Editors{Name: e.str("navn"), Email: e.str("email")}
	}
	for _, a := range r.subs("akut", fieldsOf(siteFields, "akut")) {
		c.Urgent = append(c.Urgent, site.UrgentLine{Name: a.str("navn"), Phone: a.str("telefon"), Text: a.str("tekst")})
	}
	if bands := r.subs("aldersgrupper", fieldsOf(siteFields, "aldersgrupper")); bands != nil {
		l.site.AgeBands = nil
		seen := map[string]bool{}
		for _, b := range bands {
			from, _ := b.int("fra")
			to, _ := b.int("til")
			id := b.str("id")
			if seen[id] {
				f.errs.Add(b.pos("id"), "aldersgruppen %q står der to gange", id)
			}
			seen[id] = true
			if from > to {
				f.errs.Add(b.pos("fra"), "aldersgruppe %q: fra (%d) er større end til (%d); byt om på dem", id, from, to)
			}
			l.site.AgeBands = append(l.site.AgeBands, &site.AgeBand{ID: id, Name: b.str("navn"), From: from, To: to})
		}
	}
	if m, ok := r.int("gennemgang_maaneder"); ok {
		c.ReviewMonths = m
	}
	if m, ok := r.int("lix_graense"); ok {
		c.LixLimit = m
	}
	c.AllowedHosts = l.allowedHosts(f, r)
	if e := r.sub("cms", fieldsOf(siteFields, "cms")); e != nil {
		c.CMS = site.CMS{Backend: e.str("backend"), Repo: e.str("repo"), Branch: e.str("gren"), LoginURL: e.str("login")}
	}
	if c.Editors.Email == "" {
		l.report.Warnings.Add(r.pos("redaktion"), "redaktion.email mangler: uden den kan besøgende ikke sende rettelser (\"Ret en fejl\")")
	}
	if c.BaseURL == "" {
		l.report.Warnings.Add(r.pos("basisurl"), "basisurl mangler: sitemap, feeds og delte links bliver uden fuld adresse")
	}
}

// allowedHosts returns site.yaml's eksterne_vaerter, lower-case, each once; a host named twice
// is an error. A list with an invalid host has been reported and is left out of the record, but
// its valid hosts are still returned, so that the images from them are not reported as well.
func (l *loader) allowedHosts(f *file, r *record) []string {
	items := r.nodes("eksterne_vaerter")
	if items == nil && r.node.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(r.node.Content); i += 2 {
			if k, v := r.node.Content[i], r.node.Content[i+1]; k.Value == "eksterne_vaerter" && v.Kind == yaml.SequenceNode {
				items = v.Content
			}
		}
	}
	var hosts []string
	seen := map[string]bool{}
	for _, h := range items {
		host := strings.ToLower(strings.TrimSpace(h.Value))
		if h.Kind != yaml.ScalarNode || checkHost(host) != "" {
			continue
		}
		if seen[host] {
			f.errorf(h, "værten %q står der to gange; slet den ene", host)
			continue
		}
		seen[host] = true
		hosts = append(hosts, host)
	}
	return hosts
}

// taxonomy parses a top-level file holding a list of entries with ids.
func (l *loader) taxonomy(rel string, fields []field, required bool) []*record {
	n := l.parseYAMLFile(rel, required)
	if n == nil {
		return nil
	}
	f := l.newFile(rel, 0)
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.MappingNode && len(n.Content) == 0 && !required {
			return nil
		}
		f.errorf(n, "filen skal være en liste, hvor hvert punkt begynder med \"- id: ...\"")
		return nil
	}
	var out []*record
	seen := map[string]int{}
	for _, item := range n.Content {
		r := decodeRecord(f, item, fields)
		if id := r.str("id"); id != "" {
			if line, dup := seen[id]; dup {
				f.errs.Add(r.pos("id"), "id %q bruges allerede i linje %d; hvert id skal være unikt", id, line)
				continue
			}
			seen[id] = r.pos("id").Line
		}
		out = append(out, r)
	}
	if required && len(out) == 0 {
		f.errorf(n, "listen er tom; der skal være mindst ét punkt")
	}
	return out
}

// markdownField converts the Markdown of a text field; it reports images from other hosts.
func (l *loader) markdownField(f *file, r *record, key string) string {
	v := r.vals[key]
	if v == nil {
		return ""
	}
	text := strings.TrimSpace(v.Value)
	doc, err := l.md.Convert([]byte(text))
	if err != nil {
		f.errs.Add(r.pos(key), "kan ikke læse teksten: %v", err)
		return ""
	}
	pos, lead := scalarPos(f, v, l.yamlSrc[f.name]), strings.Index(v.Value, text)
	l.checkImages(doc, func(off int) Position { return pos(lead + off) })
	return doc.HTML
}

func (l *loader) loadTaxonomies() {
	s := l.site
	for _, r := range l.taxonomy("maalgrupper.yaml", audienceFields, true) {
		s.Audiences = append(s.Audiences, &site.Audience{ID: r.str("id"), Name: r.str("navn"),
			Description: html(l.markdownField(r.f, r, "beskrivelse")), Synonyms: r.strs("synonymer")})
	}
	for _, r := range l.taxonomy("emner.yaml", topicFields, true) {
		s.Topics = append(s.Topics, &site.Topic{ID: r.str("id"), Name: r.str("navn"),
			Description: html(l.markdownField(r.f, r, "beskrivelse")),
			Synonyms:    r.strs("synonymer"), Sensitive: r.bool("foelsomt")})
	}
	for i, r := range l.taxonomy("trin.yaml", stepFields, true) {
		s.Steps = append(s.Steps, &site.Step{ID: r.str("id"), Name: r.str("navn"), Short: r.str("kort"),
			Description: html(l.markdownField(r.f, r, "beskrivelse")), Rank: i + 1})
	}
	n := l.parseYAMLFile("synonymer.yaml", false)
	if n == nil {
		return
	}
	f := l.newFile("synonymer.yaml", 0)
	if n.Kind != yaml.SequenceNode {
		f.errorf(n, "filen skal være en liste af grupper, fx - [skilsmisse, samlivsophør, brud]")
		return
	}
	for _, g := range n.Content {
		if g.Kind != yaml.SequenceNode || len(g.Content) < 2 {
			f.errorf(g, "hver gruppe skal være en liste med mindst to ord, fx [skilsmisse, samlivsophør]")
			continue
		}
		var words []string
		for _, w := range g.Content {
			if w.Kind != yaml.ScalarNode || strings.TrimSpace(w.Value) == "" {
				f.errorf(w, "hvert ord i en synonymgruppe skal være en tekst")
				continue
			}
			words = append(words, strings.ToLower(strings.TrimSpace(w.Value)))
		}
		s.Synonyms = append(s.Synonyms, words)
	}
}

// parseFolder parses every file in dir, in parallel, in name order.
func (l *loader) parseFolder(dir, ext string, fields []field) []*parsed {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		if !isNotExist(err) {
			l.errs.Add(Position{File: l.display(dir)}, "kan ikke læse mappen: %v", unwrapPathError(err))
		}
		return nil
	}
	var rels []string
	for _, e := range entries {
		name := e.Name()
		rel := dir + "/" + name
		switch {
		case strings.HasPrefix(name, "."):
			continue
		case e.IsDir():
			l.errs.Add(Position{File: l.display(rel)}, "mappen %s må ikke have undermapper; læg filen direkte i %s/", dir, dir)
			continue
		case ext == ".yaml" && strings.HasSuffix(name, ".yml"):
		case !strings.HasSuffix(name, ext):
			l.errs.Add(Position{File: l.display(rel)}, "ukendt filtype; filer i %s/ skal hedde noget med %s", dir, ext)
			continue
		}
		rels = append(rels, rel)
	}
	out := make([]*parsed, len(rels))
	lists := make([]ErrorList, len(rels))
	par.For(len(rels), func(i int) { out[i] = l.parseFile(rels[i], ext, fields, &lists[i]) })
	var kept []*parsed
	seen := map[string]string{}
	for i, p := range out {
		l.errs = append(l.errs, lists[i]...)
		if p == nil {
			continue
		}
		p.f.errs = &l.errs // later checks on this file report to the loader's list
		if prev, dup := seen[p.slug]; dup {
			l.errs.Add(Position{File: l.display(p.rel)}, "adressen /%s/%s/ bruges allerede af %s; omdøb den ene fil", dir, p.slug, l.display(prev))
			continue
		}
		seen[p.slug] = p.rel
		kept = append(kept, p)
	}
	return kept
}

// parseFile parses one entity file. It only touches errs, so it may run concurrently.
func (l *loader) parseFile(rel, ext string, fields []field, errs *ErrorList) *parsed {
	name := path.Base(rel)
	slug := strings.TrimSuffix(strings.TrimSuffix(name, ext), ".yml")
	p := &parsed{rel: rel, slug: slug}
	display := l.display(rel)
	if !slugRE.MatchString(slug) {
		errs.Add(Position{File: display}, "filnavnet %q kan ikke bruges i en adresse; brug kun små bogstaver a-z, tal og bindestreg (æ=ae, ø=oe, å=aa), fx %q", name, site.Slug(slug)+ext)
		return nil
	}
	raw, err := fs.ReadFile(l.fsys, rel)
	if err != nil {
		errs.Add(Position{File: display}, "kan ikke læse filen: %v", unwrapPathError(err))
		return nil
	}
	c := l.opts.Cache
	if c == nil {
		return l.parseSource(p, raw, ext, fields, errs)
	}
	sum := sha256.Sum256(raw)
	c.note(rel, sum)
	if e, ok := c.get(rel, sum); ok {
		*errs = append(*errs, e.errs...)
		return e.p
	}
	start := len(*errs)
	p = l.parseSource(p, raw, ext, fields, errs)
	c.put(rel, &cacheEntry{sum: sum, p: p, errs: append(ErrorList(nil), (*errs)[start:]...)})
	return p
}

// parseSource parses the bytes of one entity file into p.
func (l *loader) parseSource(p *parsed, raw []byte, ext string, fields []field, errs *ErrorList) *parsed {
	display := l.display(p.rel)
	src, ok := normalize(display, raw, errs)
	if !ok {
		return nil
	}
	yamlSrc, lineOff := src, 0
	if ext == ".md" {
		fm, body, bodyLine, ok := splitFrontMatter(display, src, errs)
		if !ok {
			return nil
		}
		yamlSrc, lineOff = fm, 1
		p.body, p.bodyLine = body, bodyLine
		doc, err := l.md.Convert(body)
		if err != nil {
			errs.Add(Position{display, bodyLine, 1}, "kan ikke læse teksten: %v", err)
			return nil
		}
		p.doc = doc
		if path.Dir(p.rel) == "tilbud" && strings.TrimSpace(doc.FamilyText) != "" {
			// an offer's readability is measured here, where files parse in parallel, rather
			// than when the offer is built
			r := lixScore(doc.FamilyText)
			p.lix = &r
		}
	}
	p.f = &file{name: display, lineOff: lineOff, errs: errs}
	n, ok := parseYAML(p.f, yamlSrc)
	if !ok {
		return nil
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 0 && n.Line <= 1 && lineOff == 1 {
		n.Line = 0 // an empty front matter: report missing fields at the opening "---"
		n.Column = 1
	}
	p.rec = decodeRecord(p.f, n, fields)
	return p
}

func (l *loader) sources(r *record) []site.Source {
	var out []site.Source
	for _, s := range r.subs("kilder", sourceFields) {
		out = append(out, site.Source{URL: s.str("url"), Title: s.str("titel"), Read: s.date("laest"), Note: s.str("note")})
	}
	return out
}

func address(r *record) site.Address {
	if r == nil {
		return site.Address{}
	}
	return site.Address{Street: r.str("vej"), PostalCode: r.str("postnummer"), City: r.str("by")}
}

func (l *loader) buildProviders(files []*parsed) map[string]*site.Provider {
	idx := map[string]*site.Provider{}
	for _, p := range files {
		r := p.rec
		pr := &site.Provider{Slug: p.slug, Source: p.rel, Name: r.str("navn"), Kind: site.ProviderKind(r.str("type")),
			Description: r.str("beskrivelse"), Web: r.str("web"), Email: r.str("email"), Phone: r.str("telefon"),
			Address: address(r.sub("adresse", addressFields)), Sources: l.sources(r)}
		idx[p.slug] = pr
		l.site.Providers = append(l.site.Providers, pr)
	}
	return idx
}

func (l *loader) buildContacts(files []*parsed, providers map[string]*site.Provider) map[string]*site.Contact {
	idx := map[string]*site.Contact{}
	for _, p := range files {
		r := p.rec
		c := &site.Contact{Slug: p.slug, Source: p.rel, Name: r.str("navn"), Description: r.str("beskrivelse"),
			Phone: r.str("telefon"), PhoneHours: r.hours("telefontider"), SMS: r.str("sms"), Email: r.str("email"),
			Web: r.str("web"), Chat: r.str("chat"), Address: address(r.sub("adresse", addressFields)),
			Hours: r.hours("aabningstider"), Note: r.str("note"), Sources: l.sources(r),
			Reviewed: r.date("gennemgaaet"), Verify: r.str("tjekkes")}
		c.Provider = resolveOne(p, "udbyder", "udbyder", providers, "udbydere/")
		if c.Phone == "" && c.Email == "" && c.Web == "" && c.Chat == "" && c.SMS == "" && c.Address.IsZero() {
			l.report.Warnings.Add(r.pos("navn"), "kontakten har hverken telefon, e-mail, hjemmeside, chat, sms eller adresse; tilføj det, der er kendt, eller skriv i tjekkes, hvad der mangler")
		}
		if c.Verify != "" {
			l.report.Unverified.Add(r.pos("tjekkes"), "skal tjekkes: %s", c.Verify)
		}
		if c.Provider != nil {
			c.Provider.Contacts = append(c.Provider.Contacts, c)
		}
		idx[p.slug] = c
		l.site.Contacts = append(l.site.Contacts, c)
	}
	return idx
}

func (l *loader) buildPrinciples(files []*parsed) map[string]*site.Principle {
	idx := map[string]*site.Principle{}
	for _, p := range files {
		r := p.rec
		n, _ := r.int("nummer")
		pr := &site.Principle{Slug: p.slug, Source: p.rel, Title: r.str("titel"), Subtitle: r.str("undertitel"),
			Summary: r.str("resume"), Kind: site.PrincipleKind(r.str("type")), Number: n, Items: r.strs("principper"),
			Sources: l.sources(r), Body: html(p.doc.HTML), Text: p.doc.Text()}
		idx[p.slug] = pr
		l.site.Principles = append(l.site.Principles, pr)
	}
	sort.SliceStable(l.site.Principles, func(i, j int) bool {
		return l.site.Principles[i].Number < l.site.Principles[j].Number
	})
	return idx
}

func (l *loader) buildGuides(files []*parsed) {
	for _, p := range files {
		r := p.rec
		n, _ := r.int("nummer")
		l.site.Guides = append(l.site.Guides, &site.Guide{Slug: p.slug, Source: p.rel, Title: r.str("titel"),
			Summary: r.str("resume"), Audience: r.str("maalgruppe"), Number: n, Sources: l.sources(r),
			Body: html(p.doc.HTML), Text: p.doc.Text()})
	}
	sort.SliceStable(l.site.Guides, func(i, j int) bool { return l.site.Guides[i].Number < l.site.Guides[j].Number })
}

func (l *loader) buildPages(files []*parsed) {
	for _, p := range files {
		if contains(site.ReservedSlugs, p.slug) {
			l.errs.Add(Position{File: l.display(p.rel)}, "adressen /%s/ bruges af sitet selv; giv siden et andet filnavn", p.slug)
			continue
		}
		r := p.rec
		n, _ := r.int("nummer")
		l.site.Pages = append(l.site.Pages, &site.Page{Slug: p.slug, Source: p.rel, Title: r.str("titel"),
			Summary: r.str("resume"), Number: n, Sources: l.sources(r), Body: html(p.doc.HTML), Text: p.doc.Text()})
	}
	sort.SliceStable(l.site.Pages, func(i, j int) bool { return l.site.Pages[i].Number < l.site.Pages[j].Number })
}

func (l *loader) buildOffers(files []*parsed, providers map[string]*site.Provider,
	contacts map[string]*site.Contact, principles map[string]*site.Principle) {
	s := l.site
	audiences := index(s.Audiences, func(a *site.Audience) string { return a.ID })
	topics := index(s.Topics, func(t *site.Topic) string { return t.ID })
	steps := index(s.Steps, func(t *site.Step) string { return t.ID })
	// The offers are made from their records in parallel, each file's errors into a list of its
	// own; the report, which all share, is written after, in file order.
	offers := make([]*site.Offer, len(files))
	errs := make([]ErrorList, len(files))
	par.For(len(files), func(i int) {
		files[i].f.errs = &errs[i]
		offers[i] = l.newOffer(files[i], audiences, topics, steps, providers, contacts, principles)
	})
	for i, p := range files {
		l.errs = append(l.errs, errs[i]...)
		p.f.errs = &l.errs // later checks on this file report to the loader's list again
		o := offers[i]
		l.offerNotes(p, o)
		if !o.Visible(l.opts.Now) {
			if !l.opts.Drafts {
				l.report.Hidden++
				continue
			}
			o.Draft = site.DraftExpired
			if !o.Publish.IsZero() && l.opts.Now.Before(o.Publish) {
				o.Draft = site.DraftComing
			}
		}
		l.reachNote(p, o)
		s.Offers = append(s.Offers, o)
	}
}

// reachNote reports a published offer whose page has no phone or e-mail of the offer's own: in
// Fallbacks when the page shows another contact instead, as a warning when it has none at all.
func (l *loader) reachNote(p *parsed, o *site.Offer) {
	r := p.rec
	pos := r.pos("titel")
	if r.has("kontakter") {
		pos = r.pos("kontakter")
	}
	reach := l.site.ReachOf(o)
	switch reach.Kind {
	case site.ReachOwn:
	case site.ReachNone:
		l.report.Warnings.Add(pos, "tilbuddet har hverken telefon eller e-mail, og der er ingen at vise i stedet; tilføj en kontakt med telefon eller e-mail, en enhed (enhed:), udbyderens kontakt (kontakt: i udbydere/) eller kommunens kontakt (kontakt: i site.yaml)")
	default:
		whose := map[site.ReachKind]string{site.ReachUnit: "enheden, der står for tilbuddet",
			site.ReachProvider: "udbyderens fælles kontakt", site.ReachMunicipality: "kommunens fælles kontakt"}[reach.Kind]
		l.report.Fallbacks.Add(pos, "tilbuddet har ingen egen telefon eller e-mail; siden viser i stedet %s (%s, %s); tilføj tilbuddets egen, når den kendes",
			whose, reach.Contact.Name, l.display(reach.Contact.Source))
	}
}

// resolveFallbacks resolves the fallback contacts of the providers (their kontakt) and of the
// site (site.yaml's kontakt), and warns of one without phone or e-mail: it could not stand in
// for an offer's own.
func (l *loader) resolveFallbacks(files []*parsed, providers map[string]*site.Provider, contacts map[string]*site.Contact) {
	unreachable := func(pos Position, c *site.Contact) {
		if c != nil && !c.Reachable() {
			l.report.Warnings.Add(pos, "kontakten %q har hverken telefon eller e-mail, så siderne kan ikke vise den i stedet for et tilbuds egen; tilføj telefon eller e-mail i %s", c.Slug, l.display(c.Source))
		}
	}
	for _, p := range files {
		if pr := providers[p.slug]; pr != nil {
			pr.Contact = resolveOne(p, "kontakt", "kontakt", contacts, "kontakter/")
			unreachable(p.rec.pos("kontakt"), pr.Contact)
		}
	}
	if r := l.siteRec; r != nil {
		c := resolveOne(&parsed{f: r.f, rec: r}, "kontakt", "kontakt", contacts, "kontakter/")
		l.site.Config.Contact = c
		unreachable(r.pos("kontakt"), c)
	}
}

// newOffer makes the offer of a parsed file, resolving its ids; it reports only to the file's
// own error list, so it may run concurrently.
func (l *loader) newOffer(p *parsed, audiences map[string]*site.Audience, topics map[string]*site.Topic,
	steps map[string]*site.Step, providers map[string]*site.Provider, contacts map[string]*site.Contact,
	principles map[string]*site.Principle) *site.Offer {
	r := p.rec
	o := &site.Offer{Slug: p.slug, Source: p.rel, Title: r.str("titel"), Summary: r.str("resume"),
		LegalBasis: r.str("lovgrundlag"), Status: site.Status(r.str("status")), Alert: r.str("besked"),
		Reviewed: r.date("gennemgaaet"), Responsible: r.str("ansvarlig"), Sources: l.sources(r),
		Verify: r.str("tjekkes"), Publish: r.date("udgives"), Expire: r.date("udloeber"),
		Keywords: r.strs("soegeord"), Hours: r.hours("aabningstider"), Sessions: r.hours("moedetider"),
		Languages: r.strs("sprog"), Body: html(p.doc.HTML), FamilyText: p.doc.FamilyText, ProText: p.doc.ProText}
	if o.Status == "" {
		o.Status = site.StatusActive
	}
	if o.Status == site.StatusClosed && o.Alert == "" {
		p.f.errs.Add(r.pos("status"), "et midlertidigt lukket tilbud skal have en besked; tilføj feltet besked med, hvornår det åbner igen, eller hvad man kan gøre imens")
	}
	o.Audiences = resolveMany(p, "maalgrupper", "målgruppe", audiences, "maalgrupper.yaml")
	o.Topics = resolveMany(p, "emner", "emne", topics, "emner.yaml")
	o.Step = resolveOne(p, "trin", "trin", steps, "trin.yaml")
	o.Provider = resolveOne(p, "udbyder", "udbyder", providers, "udbydere/")
	o.Contacts = resolveMany(p, "kontakter", "kontakt", contacts, "kontakter/")
	o.Unit = resolveOne(p, "enhed", "kontakt", contacts, "kontakter/")
	o.Principles = resolveMany(p, "principper", "princip", principles, "principper/")
	if a := r.sub("alder", fieldsOf(offerFields, "alder")); a != nil {
		from, okF := a.int("fra")
		to, okT := a.int("til")
		switch {
		case !okF || !okT:
		case from < 0 || to > 120:
			p.f.errs.Add(a.pos("fra"), "alder skal være mellem 0 og 120 år")
		case from > to:
			p.f.errs.Add(a.pos("fra"), "alder: fra (%d) er større end til (%d); byt om på dem", from, to)
		default:
			o.Age = &site.AgeRange{From: from, To: to}
		}
	}
	if a := r.sub("adgang", fieldsOf(offerFields, "adgang")); a != nil {
		o.Access = site.Access{Route: site.Route(a.str("vej")), Anonymous: a.bool("anonym"), Via: a.str("via"), Steps: a.strs("trin")}
	}
	if c := r.sub("pris", fieldsOf(offerFields, "pris")); c != nil {
		o.Cost = &site.Cost{Free: c.bool("gratis"), Text: c.str("tekst")}
	}
	places := map[site.Location]bool{} // name and address, each once
	for _, sr := range r.subs("steder", fieldsOf(offerFields, "steder")) {
		loc := site.Location{Name: sr.str("navn"), Address: site.Address{Street: sr.str("adresse"), PostalCode: sr.str("postnummer"), City: sr.str("by")}}
		if places[loc] {
			p.f.errs.Add(sr.pos("navn"), "stedet %q står der to gange; skriv det én gang, med en note hvis der er mere at sige", loc.Name)
			continue
		}
		places[loc] = true
		loc.Note = sr.str("note")
		o.Locations = append(o.Locations, loc)
	}
	for _, lr := range r.subs("links", fieldsOf(offerFields, "links")) {
		o.Links = append(o.Links, site.Link{Title: lr.str("titel"), URL: lr.str("url")})
	}
	for _, n := range r.nodes("sprog") {
		if len(n.Value) != 2 {
			p.f.errorf(n, "ukendt sprogkode %q; brug to bogstaver efter ISO 639-1, fx da, en, ar", n.Value)
		}
	}
	if !o.Publish.IsZero() && !o.Expire.IsZero() && !o.Expire.After(o.Publish) {
		p.f.errs.Add(r.pos("udloeber"), "udloeber (%s) skal være efter udgives (%s)", o.Expire.Format(time.DateOnly), o.Publish.Format(time.DateOnly))
	}
	return o
}

// offerNotes adds an offer's warnings and unverified facts to the report.
func (l *loader) offerNotes(p *parsed, o *site.Offer) {
	r := p.rec
	if o.Verify != "" {
		l.report.Unverified.Add(r.pos("tjekkes"), "skal tjekkes: %s", o.Verify)
	}
	if o.Unit != nil && !o.Unit.Reachable() {
		l.report.Warnings.Add(r.pos("enhed"), "enheden %q har hverken telefon eller e-mail, så siden kan ikke vise den i stedet for tilbuddets egen; tilføj enhedens telefon eller e-mail i %s", o.Unit.Slug, l.display(o.Unit.Source))
	}
	l.lixNote(p)
	if !o.Reviewed.IsZero() && l.site.Config.ReviewMonths > 0 {
		due := o.Reviewed.AddDate(0, l.site.Config.ReviewMonths, 0)
		if !l.opts.Now.Before(due) {
			l.report.Warnings.Add(r.pos("gennemgaaet"), "tilbuddet blev sidst gennemgået %s og skulle gennemgås igen senest %s; tjek oplysningerne og ret datoen",
				o.Reviewed.Format(time.DateOnly), due.Format(time.DateOnly))
		}
	}
}

// resolveOne looks up the id in key; unknown ids are reported with a suggestion.
func resolveOne[T any](p *parsed, key, what string, idx map[string]T, where string) T {
	var zero T
	v := p.rec.vals[key]
	if v == nil {
		return zero
	}
	t, ok := lookup(p, v, what, idx, where)
	if !ok {
		return zero
	}
	return t
}

func resolveMany[T any](p *parsed, key, what string, idx map[string]T, where string) []T {
	var out []T
	seen := map[string]bool{}
	for _, n := range p.rec.nodes(key) {
		if seen[n.Value] {
			p.f.errorf(n, "%s %q står der to gange", what, n.Value)
			continue
		}
		seen[n.Value] = true
		if t, ok := lookup(p, n, what, idx, where); ok {
			out = append(out, t)
		}
	}
	return out
}

func lookup[T any](p *parsed, n *yaml.Node, what string, idx map[string]T, where string) (T, bool) {
	if t, ok := idx[n.Value]; ok {
		return t, true
	}
	ids := make([]string, 0, len(idx))
	for id := range idx {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	hint := suggest(n.Value, ids, "")
	if hint == "" {
		hint = fmt.Sprintf("; de kendte står i %s", where)
	}
	p.f.errorf(n, "ukendt %s %q%s", what, n.Value, hint)
	var zero T
	return zero, false
}

func index[T any](items []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		m[id(it)] = it
	}
	return m
}

// checkLinks reports Markdown links to unknown pages of the site and links with schemes
// editors may not use.
func (l *loader) checkLinks(byDir map[string][]*parsed) {
	urls := URLs(l.site)
	for _, d := range folders {
		for _, p := range byDir[d.dir] {
			if p.doc == nil {
				continue
			}
			for _, ln := range p.doc.Links {
				pos := offsetPos(p, ln.Offset)
				dest := ln.Dest
				switch {
				case strings.HasPrefix(dest, "#"):
				case strings.HasPrefix(dest, "/"):
					target, _, _ := strings.Cut(dest, "#")
					target, _, _ = strings.Cut(target, "?")
					if !urls[target] && !urls[target+"/"] {
						l.errs.Add(pos, "linket %q peger på en side, der ikke findes%s", dest, suggestURL(target, urls))
					}
				case !strings.Contains(dest, ":"):
					l.errs.Add(pos, "linket %q er relativt; skriv adressen fra roden, fx /tilbud/boernetelefonen/, eller en hel adresse med https://", dest)
				default:
					if msg := checkURL(dest); msg != "" {
						l.errs.Add(pos, "%s", msg)
					}
				}
			}
		}
	}
}

// offsetPos turns a byte offset in a file's body into a position.
func offsetPos(p *parsed, off int) Position {
	off = min(off, len(p.body))
	before := p.body[:off]
	line := p.bodyLine + strings.Count(string(before), "\n")
	col := off - strings.LastIndexByte(string(before), '\n')
	return Position{File: p.f.name, Line: line, Col: col}
}

// URLs returns the set of page URLs the site will have.
func URLs(s *site.Site) map[string]bool {
	m := map[string]bool{}
	for _, u := range []string{"/", "/soeg/", "/a-aa/", "/emner/", "/for/", "/alder/", "/trin/",
		"/kontakter/", "/principper/", "/bekymring/"} {
		m[u] = true
	}
	add := func(u string) { m[u] = true }
	for _, x := range s.Audiences {
		add(x.URL())
	}
	for _, x := range s.Topics {
		add(x.URL())
	}
	for _, x := range s.Steps {
		add(x.URL())
	}
	for _, x := range s.AgeBands {
		add(x.URL())
	}
	for _, x := range s.Offers {
		add(x.URL())
	}
	for _, x := range s.Contacts {
		add(x.URL())
	}
	for _, x := range s.Principles {
		add(x.URL())
	}
	for _, x := range s.Guides {
		add(x.URL())
	}
	for _, x := range s.Pages {
		add(x.URL())
	}
	return m
}

// backrefs fills in the lists of offers on taxonomies, contacts, providers and principles.
func (l *loader) backrefs() {
	s := l.site
	for _, o := range s.Offers {
		for _, a := range o.Audiences {
			a.Offers = append(a.Offers, o)
		}
		for _, t := range o.Topics {
			t.Offers = append(t.Offers, o)
		}
		if o.Step != nil {
			o.Step.Offers = append(o.Step.Offers, o)
		}
		if o.Provider != nil {
			o.Provider.Offers = append(o.Provider.Offers, o)
		}
		for _, c := range o.Contacts {
			c.Offers = append(c.Offers, o)
		}
		for _, p := range o.Principles {
			p.Offers = append(p.Offers, o)
		}
		for _, b := range s.AgeBands {
			if o.Age.Overlaps(b.From, b.To) {
				b.Offers = append(b.Offers, o)
			}
		}
	}
}

// suggestURL suggests a page for a link to a missing one: the same slug in another section, or
// a URL at most two edits away.
func suggestURL(target string, urls map[string]bool) string {
	if !strings.HasSuffix(target, "/") {
		target += "/"
	}
	slug := path.Base(target)
	best, bestD := "", 3
	for _, u := range sortedKeys(urls) {
		if path.Base(u) == slug && u != "/" {
			return fmt.Sprintf("; mente du %q?", u)
		}
		if d := distance(target, u); d < bestD {
			best, bestD = u, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; mente du %q?", best)
}
