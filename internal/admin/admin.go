// Package admin makes the editors' web admin at /admin/: Decap CMS, configured from the same
// model the loader validates (content.Model), so that non-technical editors edit offers,
// contacts, providers, principles, the concern guide and pages in a web form and publish by
// commit. With the editorial workflow every change is a pull request, which CI checks with
// `viften check` before anyone merges it.
//
// Decap CMS comes from the npm registry, pinned to one version in package.json and
// package-lock.json here (`npm ci` in this folder installs it). The build adds /admin/ only
// when it is given Decap's dist folder (build.Config.Admin); the pages of the public site never
// load it. Only /admin/ gets a relaxed Content-Security-Policy, in its own page and in
// _headers.
//
// What Decap cannot edit: the taxonomies (maalgrupper.yaml, emner.yaml, trin.yaml) and
// site.yaml are top-level YAML lists or site settings, which Decap 3 does not read as entries;
// offers pick their audiences, topics and step from select lists generated from the site,
// and the taxonomies are edited in git.
package admin

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/site"
)

//go:embed package.json package-lock.json .npmrc
var pkg embed.FS

// Package returns the npm files that pin Decap CMS, for a new site (`viften init`).
func Package() map[string][]byte {
	out := map[string][]byte{}
	for _, name := range []string{"package.json", "package-lock.json", ".npmrc"} {
		data, err := pkg.ReadFile(name)
		if err != nil {
			panic(err) // embedded above
		}
		out[name] = data
	}
	return out
}

// DistDir is where `npm ci` puts Decap's files, relative to the folder with package.json.
const DistDir = "node_modules/decap-cms/dist"

// CSP is the Content-Security-Policy of /admin/ only. Decap is a React application: it styles
// itself with inline styles, previews images from blob: and data: URLs, runs a web worker and
// talks to the git host's API. Nothing here applies to the public pages.
const CSP = "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self' https:; frame-src 'self' https:; " +
	"worker-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// distFile reports whether name in Decap's dist folder belongs in the site: the script, its
// chunks, their licence and the WebAssembly modules they load (no source maps).
var distFile = regexp.MustCompile(`^([0-9]+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|^[0-9a-f]+\.wasm$`)

// Write adds /admin/ to the site in files: index.html, config.yml and Decap's files from
// dist, and the /admin/ rule of _headers.
func Write(s *site.Site, dist fs.FS, files map[string][]byte) error {
	entries, err := fs.ReadDir(dist, ".")
	if err != nil {
		return fmt.Errorf("decap cms: %w", err)
	}
	found := false
	for _, e := range entries {
		if e.IsDir() || !distFile.MatchString(e.Name()) {
			continue
		}
		data, err := fs.ReadFile(dist, e.Name())
		if err != nil {
			return fmt.Errorf("decap cms: %w", err)
		}
		files[path.Join("admin", e.Name())] = data
		found = found || e.Name() == "decap-cms.js"
	}
	if !found {
		return fmt.Errorf("decap cms: no decap-cms.js in the folder; give the dist folder of the npm package decap-cms (%s)", DistDir)
	}
	files["admin/index.html"] = Index(s)
	files["admin/config.yml"] = Config(s)
	h := files["_headers"]
	files["_headers"] = append(append([]byte(nil), h...), Headers()...)
	return nil
}

// Headers returns the _headers rule for /admin/: it detaches the site-wide policy (the "!"
// line, understood by hosts that merge rules, such as Cloudflare Pages) and sets the admin's.
func Headers() string {
	return "/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: " + CSP + "\n  X-Robots-Tag: noindex\n  Cache-Control: no-cache\n"
}

// Index returns /admin/index.html.
func Index(s *site.Site) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	fmt.Fprintf(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", strings.ReplaceAll(CSP, "; frame-ancestors 'none'", ""))
	fmt.Fprintf(&b, "<title>Redigér %s</title>\n", html.EscapeString(s.Config.Name))
	b.WriteString("<link href=\"/admin/config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n")
	b.WriteString("</head>\n<body>\n")
	b.WriteString("<noscript><p>Redigering kræver JavaScript. Du kan også rette filerne i content/ direkte; se docs/redaktoer.md.</p></noscript>\n")
	b.WriteString("<script src=\"/admin/decap-cms.js\"></script>\n</body>\n</html>\n")
	return []byte(b.String())
}

// Config returns /admin/config.yml: Decap's configuration generated from the model, with the
// backend from site.yaml's cms settings.
func Config(s *site.Site) []byte {
	cms := s.Config.CMS
	backend := m{{"name", or(cms.Backend, "git-gateway")}}
	if cms.Repo != "" {
		backend = append(backend, kv{"repo", cms.Repo})
	}
	backend = append(backend, kv{"branch", or(cms.Branch, "main")})
	if cms.LoginURL != "" {
		backend = append(backend, kv{"base_url", cms.LoginURL})
	}
	cfg := m{
		{"backend", backend},
		{"publish_mode", "editorial_workflow"},
		{"locale", "da"},
		{"media_folder", "filer"},
		{"public_folder", "/filer"},
	}
	if s.Config.BaseURL != "" {
		cfg = append(cfg, kv{"site_url", s.Config.BaseURL}, kv{"display_url", s.Config.BaseURL})
	}
	g := gen{site: s}
	var cols []any
	for _, t := range content.Model() {
		if t.Folder == "" {
			continue
		}
		col := m{
			{"name", t.Folder},
			{"label", t.Label},
			{"label_singular", singular[t.Name]},
			{"folder", "content/" + t.Folder},
			{"extension", strings.TrimPrefix(t.Ext, ".")},
			{"format", map[bool]string{true: "yaml-frontmatter", false: "yaml"}[t.Markdown]},
			{"create", true},
			{"slug", "{{slug}}"},
			{"identifier_field", identifier(t)},
			{"summary", "{{" + identifier(t) + "}}"},
		}
		fields := g.fields(t.Fields)
		if t.Markdown {
			fields = append(fields, m{{"name", "body"}, {"label", "Tekst"}, {"widget", "markdown"}, {"required", false},
				{"hint", bodyHint[t.Name]}})
		}
		col = append(col, kv{"fields", fields})
		cols = append(cols, col)
	}
	cfg = append(cfg, kv{"collections", cols})
	var b bytes.Buffer
	b.WriteString("# Decap CMS on /admin/, generated by viften build from the content model. Do not edit:\n")
	b.WriteString("# change site.yaml (cms) or the model instead.\n")
	writeYAML(&b, cfg, 0)
	return b.Bytes()
}

var singular = map[string]string{
	"tilbud": "Tilbud", "kontakt": "Kontakt", "udbyder": "Udbyder", "princip": "Princip",
	"bekymring": "Side om bekymring", "side": "Side",
}

var bodyHint = map[string]string{
	"tilbud":    "Teksten til familierne, med korte sætninger. Skriv det, fagpersoner skal vide, til sidst under overskriften \"Til fagpersoner\" (## Til fagpersoner).",
	"princip":   "Teksten, der forklarer princippet.",
	"bekymring": "Sidens tekst.",
	"side":      "Sidens tekst.",
}

func identifier(t content.Type) string {
	for _, f := range t.Fields {
		if f.Key == "titel" {
			return "titel"
		}
	}
	return "navn"
}

type gen struct{ site *site.Site }

// fields returns Decap's fields for the model's fields.
func (g gen) fields(fields []content.Field) []any {
	out := make([]any, 0, len(fields))
	for _, f := range fields {
		out = append(out, g.field(f))
	}
	return out
}

// refCollections maps a reference to the folder collection it names.
var refCollections = map[string]string{"kontakt": "kontakter", "udbyder": "udbydere", "princip": "principper"}

func (g gen) field(f content.Field) m {
	label := site.UpperFirst(f.Doc)
	out := m{{"name", f.Key}, {"label", label}}
	multiple := f.Kind == content.KindIDs
	switch f.Kind {
	case content.KindText, content.KindPhone, content.KindEmail, content.KindURL:
		out = append(out, kv{"widget", "string"})
		if p := patterns[f.Kind]; p != nil {
			out = append(out, kv{"pattern", p})
		}
	case content.KindInt:
		out = append(out, kv{"widget", "number"}, kv{"value_type", "int"})
	case content.KindBool:
		out = append(out, kv{"widget", "boolean"})
	case content.KindDate:
		out = append(out, kv{"widget", "datetime"}, kv{"format", "YYYY-MM-DD"}, kv{"date_format", "DD-MM-YYYY"}, kv{"time_format", false})
	case content.KindEnum:
		out = append(out, kv{"widget", "select"}, kv{"options", strs(f.Enum)})
	case content.KindTexts, content.KindHours, content.KindHosts:
		item := m{{"name", "punkt"}, {"label", label}, {"widget", "string"}}
		if p := patterns[f.Kind]; p != nil {
			item = append(item, kv{"pattern", p})
		}
		out = append(out, kv{"widget", "list"}, kv{"field", item})
		if f.Kind == content.KindHours {
			out = append(out, kv{"hint", "Én linje for hver, fx \"man-fre 8-15\" eller \"døgnet rundt\"."})
		}
	case content.KindID, content.KindIDs:
		if col, ok := refCollections[f.Ref]; ok {
			out = append(out, kv{"widget", "relation"}, kv{"collection", col}, kv{"value_field", "{{slug}}"},
				kv{"search_fields", []any{identifierOf(f.Ref)}}, kv{"display_fields", []any{identifierOf(f.Ref)}})
		} else if opts := g.options(f.Ref); opts != nil {
			out = append(out, kv{"widget", "select"}, kv{"options", opts})
		} else {
			out = append(out, kv{"widget", "string"})
			if multiple {
				out[len(out)-1] = kv{"widget", "list"}
			}
		}
		if multiple && out[len(out)-1].v != "list" {
			out = append(out, kv{"multiple", true})
		}
	case content.KindMap:
		out = append(out, kv{"widget", "object"}, kv{"fields", g.fields(f.Fields)})
	case content.KindMaps:
		out = append(out, kv{"widget", "list"}, kv{"fields", g.fields(f.Fields)})
	}
	out = append(out, kv{"required", f.Required})
	return out
}

func identifierOf(ref string) string {
	if ref == "princip" {
		return "titel"
	}
	return "navn"
}

// options returns a select widget's options for a taxonomy reference: the site's ids with
// their names.
func (g gen) options(ref string) []any {
	if g.site == nil {
		return nil
	}
	var out []any
	add := func(id, name string) { out = append(out, m{{"label", name}, {"value", id}}) }
	switch ref {
	case "maalgruppe":
		for _, a := range g.site.Audiences {
			add(a.ID, a.Name)
		}
	case "emne":
		for _, t := range g.site.Topics {
			add(t.ID, t.Name)
		}
	case "trin":
		for _, st := range g.site.Steps {
			add(st.ID, st.Short+" – "+st.Name)
		}
	default:
		return nil
	}
	return out
}

// patterns are Decap's checks for some kinds: a regular expression and the message shown.
var patterns = map[content.Kind][]any{
	content.KindPhone: {content.PhonePattern, "Skriv 8 cifre, fx 44 52 71 00, eller et kort nummer som 112 eller 1813."},
	content.KindEmail: {content.EmailPattern, "Skriv en e-mailadresse, fx navn@kommune.dk."},
	content.KindURL:   {content.URLPattern, "Skriv hele adressen med https:// foran."},
	content.KindHosts: {content.HostPattern, "Skriv kun værtens navn, uden https:// og sti, fx billeder.kommune.dk."},
}

func strs(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// m is a YAML mapping whose keys keep their order.
type m []kv

type kv struct {
	k string
	v any
}

// writeYAML writes v as block YAML; strings are written as JSON strings, which YAML reads as
// double-quoted scalars.
func writeYAML(b *bytes.Buffer, v any, indent int) {
	pad := strings.Repeat(" ", indent)
	switch v := v.(type) {
	case m:
		for _, e := range v {
			b.WriteString(pad + e.k + ":")
			writeValue(b, e.v, indent)
		}
	}
}

func writeValue(b *bytes.Buffer, v any, indent int) {
	pad := strings.Repeat(" ", indent)
	switch v := v.(type) {
	case m:
		b.WriteString("\n")
		writeYAML(b, v, indent+2)
	case []any:
		if len(v) == 0 {
			b.WriteString(" []\n")
			return
		}
		b.WriteString("\n")
		for _, item := range v {
			if mm, ok := item.(m); ok {
				var inner bytes.Buffer
				writeYAML(&inner, mm, indent+4)
				s := inner.String()
				b.WriteString(pad + "  - " + strings.TrimPrefix(s, pad+"    "))
				continue
			}
			b.WriteString(pad + "  -")
			writeValue(b, item, indent+2)
		}
	default:
		b.WriteString(" " + scalar(v) + "\n")
	}
}

func scalar(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // only strings, numbers and booleans reach here
	}
	return string(data)
}
