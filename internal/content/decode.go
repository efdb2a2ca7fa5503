package content

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"tilbudsviften/internal/site"
)

// kind is the type of a field's value.
type kind int

const (
	kText  kind = iota // a non-empty line of text
	kInt               // a whole number
	kBool              // true or false
	kDate              // YYYY-MM-DD
	kURL               // http, https, mailto or tel
	kEmail             // name@domain
	kPhone             // a Danish phone number
	kID                // an id or slug (resolved later)
	kEnum              // one of field.enum
	kTexts             // a list of texts
	kIDs               // a list of ids
	kHours             // a list of opening-hours lines
	kMap               // a nested map with field.fields
	kMaps              // a list of nested maps
	kHosts             // a list of host names (HostPattern)
)

// kindNames are the Danish names of the kinds, for messages.
var kindNames = map[kind]string{
	kText: "tekst", kInt: "et helt tal", kBool: "true eller false", kDate: "en dato (ÅÅÅÅ-MM-DD)",
	kURL: "et link", kEmail: "en e-mailadresse", kPhone: "et telefonnummer", kID: "et id",
	kEnum: "en af de tilladte værdier", kTexts: "en liste af tekster", kIDs: "en liste af id'er",
	kHours: "en liste af åbningstider", kMap: "felter (nøgle: værdi)", kMaps: "en liste af felter",
	kHosts: "en liste af værtsnavne",
}

// field describes one key of a content file. The tables of fields in schema.go are the
// loader's whole vocabulary; docs/content-model.md documents the same keys for editors.
type field struct {
	key      string
	kind     kind
	required bool
	enum     []string // for kEnum
	fields   []field  // for kMap and kMaps
	ref      string   // for kID and kIDs: the content type the ids name (see model.go)
	doc      string   // what the field means, in Danish
}

// file is a content file being decoded.
type file struct {
	name    string // the path shown in messages
	lineOff int    // lines before the YAML starts (front matter)
	errs    *ErrorList
}

func (f *file) pos(n *yaml.Node) Position {
	return Position{File: f.name, Line: n.Line + f.lineOff, Col: n.Column}
}

func (f *file) errorf(n *yaml.Node, format string, args ...any) {
	f.errs.Add(f.pos(n), format, args...)
}

// record is a decoded, validated mapping. Values that failed validation are left out, so the
// getters return zero values for them.
type record struct {
	f    *file
	node *yaml.Node
	vals map[string]*yaml.Node
	keys map[string]*yaml.Node
}

var (
	slugRE  = regexp.MustCompile(SlugPattern)
	phoneRE = regexp.MustCompile(PhonePattern)
)

// decodeRecord validates n against fields and returns the record; problems go to f.errs.
func decodeRecord(f *file, n *yaml.Node, fields []field) *record {
	r := &record{f: f, node: n, vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "forventede felter (nøgle: værdi), fandt %s", nodeDesc(n))
		return r
	}
	byKey := map[string]*field{}
	for i := range fields {
		byKey[fields[i].key] = &fields[i]
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prev, dup := r.keys[k.Value]; dup {
			f.errorf(k, "feltet %q står der allerede i linje %d; slet det ene", k.Value, prev.Line+f.lineOff)
			continue
		}
		r.keys[k.Value] = k
		fd := byKey[k.Value]
		if fd == nil {
			f.errorf(k, "ukendt felt %q%s", k.Value, suggest(k.Value, keysOf(fields), "tilladte felter: "))
			continue
		}
		if isNull(v) {
			if fd.required {
				f.errorf(k, "feltet %q er tomt; det skal udfyldes", k.Value)
			}
			continue
		}
		if checkValue(f, fd, v) {
			r.vals[k.Value] = v
		}
	}
	for _, fd := range fields {
		if _, ok := r.keys[fd.key]; !ok && fd.required {
			what := kindNames[fd.kind]
			if fd.kind == kEnum {
				what = strings.Join(fd.enum, ", ")
			}
			f.errorf(n, "mangler det påkrævede felt %q (%s)", fd.key, what)
		}
	}
	return r
}

func keysOf(fields []field) []string {
	keys := make([]string, len(fields))
	for i, fd := range fields {
		keys[i] = fd.key
	}
	return keys
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || (n.Tag != "!!str" && n.Value == ""))
}

func nodeDesc(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "felter (nøgle: værdi)"
	case yaml.SequenceNode:
		return "en liste"
	case yaml.AliasNode:
		return "et alias"
	}
	return fmt.Sprintf("%q", n.Value)
}

// checkValue validates v as the kind of fd and reports whether it is valid.
func checkValue(f *file, fd *field, v *yaml.Node) bool {
	switch fd.kind {
	case kMap:
		if v.Kind != yaml.MappingNode {
			f.errorf(v, "%q skal være %s, ikke %s", fd.key, kindNames[kMap], nodeDesc(v))
			return false
		}
		decodeRecord(f, v, fd.fields) // errors are reported; the record is decoded again by the getter
		return true
	case kMaps, kTexts, kIDs, kHours, kHosts:
		if v.Kind != yaml.SequenceNode {
			f.errorf(v, "%q skal være %s, ikke %s; skriv hvert punkt på sin egen linje med \"- \" foran", fd.key, kindNames[fd.kind], nodeDesc(v))
			return false
		}
		ok := true
		for _, item := range v.Content {
			if !checkItem(f, fd, item) {
				ok = false
			}
		}
		return ok
	}
	if v.Kind != yaml.ScalarNode {
		f.errorf(v, "%q skal være %s, ikke %s", fd.key, kindNames[fd.kind], nodeDesc(v))
		return false
	}
	return checkScalar(f, fd.key, fd.kind, fd.enum, v)
}

func checkItem(f *file, fd *field, item *yaml.Node) bool {
	switch fd.kind {
	case kMaps:
		if item.Kind != yaml.MappingNode {
			f.errorf(item, "hvert punkt i %q skal være felter (nøgle: værdi), ikke %s", fd.key, nodeDesc(item))
			return false
		}
		decodeRecord(f, item, fd.fields)
		return true
	}
	if item.Kind != yaml.ScalarNode || isNull(item) {
		f.errorf(item, "hvert punkt i %q skal være en tekst, ikke %s", fd.key, nodeDesc(item))
		return false
	}
	switch fd.kind {
	case kIDs:
		return checkScalar(f, fd.key, kID, nil, item)
	case kHosts:
		if msg := checkHost(strings.TrimSpace(item.Value)); msg != "" {
			f.errorf(item, "%s", msg)
			return false
		}
	case kHours:
		if _, err := site.ParseHours(item.Value); err != nil {
			he := err.(*site.HoursError)
			p := f.pos(item)
			if item.Style == 0 { // plain scalar: columns map one to one
				p.Col += he.Col
			}
			f.errs.Add(p, "%s", he.Msg)
			return false
		}
	}
	return true
}

func checkScalar(f *file, key string, k kind, enum []string, v *yaml.Node) bool {
	s := strings.TrimSpace(v.Value)
	bad := func(format string, args ...any) bool {
		f.errorf(v, format, args...)
		return false
	}
	switch k {
	case kText:
		if s == "" {
			return bad("feltet %q er tomt; det skal udfyldes", key)
		}
	case kInt:
		if _, err := strconv.Atoi(s); err != nil || v.Tag != "!!int" {
			return bad("%q skal være et helt tal, ikke %q", key, v.Value)
		}
	case kBool:
		if v.Tag != "!!bool" {
			return bad("%q skal være true eller false, ikke %q", key, v.Value)
		}
	case kDate:
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return bad("ugyldig dato %q i %q; skriv ÅÅÅÅ-MM-DD, fx 2026-11-22", v.Value, key)
		}
	case kURL:
		if msg := checkURL(s); msg != "" {
			return bad("%s", msg)
		}
	case kEmail:
		if !validEmail(s) {
			return bad("ugyldig e-mailadresse %q; skriv fx navn@herlev.dk", v.Value)
		}
	case kPhone:
		if !validPhone(s) {
			return bad("ugyldigt telefonnummer %q; skriv 8 cifre, fx 44 52 71 00, eller et kort nummer som 112 eller 1813", v.Value)
		}
	case kID:
		if !slugRE.MatchString(s) {
			return bad("ugyldigt id %q; brug kun små bogstaver a-z, tal og bindestreg (æ=ae, ø=oe, å=aa)", v.Value)
		}
	case kEnum:
		for _, e := range enum {
			if s == e {
				return true
			}
		}
		return bad("ukendt værdi %q i %q%s", v.Value, key, suggest(s, enum, "tilladte værdier: "))
	}
	return true
}

// checkURL returns a message when s is not a link editors may use, else "".
func checkURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || s == "" {
		return fmt.Sprintf("ugyldigt link %q; skriv hele adressen, fx https://herlev.dk", s)
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" || !strings.Contains(u.Host, ".") {
			return fmt.Sprintf("ugyldigt link %q: der mangler et domæne, fx https://herlev.dk/side", s)
		}
	case "mailto":
		if !validEmail(u.Opaque) {
			return fmt.Sprintf("ugyldigt mailto-link %q; skriv fx mailto:navn@herlev.dk", s)
		}
	case "tel":
		if !validPhone(u.Opaque) {
			return fmt.Sprintf("ugyldigt tel-link %q; skriv fx tel:+4544527100", s)
		}
	case "":
		return fmt.Sprintf("ugyldigt link %q: skriv hele adressen med https:// foran", s)
	default:
		return fmt.Sprintf("link %q bruger %q; kun http, https, mailto og tel er tilladt", s, u.Scheme)
	}
	return ""
}

// validEmail reports whether s is a plain e-mail address (EmailPattern).
func validEmail(s string) bool { return emailRE.MatchString(s) }

var emailRE = regexp.MustCompile(EmailPattern)

// PhonePattern is the rule for phone numbers, which the loader checks with it (validPhone), as
// do the JSON Schema and the admin's form checks.
const PhonePattern = "^" + phone + "$"

const phone = `(\+45 ?[0-9]( *[0-9]){7}|[0-9]( *[0-9]){2,5}|[0-9]( *[0-9]){7})`

// EmailPattern is the rule for e-mail addresses, which the loader checks with it (validEmail),
// as do the JSON Schema and the admin's form checks: a plain address, no name or brackets,
// parts of letters (any script), digits and RFC 5322's other atom characters, joined by single
// dots, and a domain with a dot. URLPattern is checkURL's rule as a regular expression, for the
// JSON Schema and the admin; TestPatterns holds it to the loader's check on typical and awkward
// values. SlugPattern is the rule for ids and file names, which the loader itself checks with it.
const (
	EmailPattern = "^" + email + "$"
	URLPattern   = `^(https?://[^/\s?#]*\.[^/\s?#]*([/?#].*)?|mailto:` + email + `|tel:` + phone + `)$`
	SlugPattern  = `^[a-z0-9]+(-[a-z0-9]+)*$`

	atom  = `[^\s\x00-\x1f\x7f()<>\[\]:;@\\,."]+`
	email = atom + `(\.` + atom + `)*@` + atom + `(\.` + atom + `)*\.` + atom
)

// validPhone reports whether s is a Danish phone number: 3–6 or 8 digits, spaces allowed,
// optionally +45 first.
func validPhone(s string) bool { return phoneRE.MatchString(s) }

// Getters. They return zero values for missing or invalid fields.

func (r *record) has(key string) bool { return r.vals[key] != nil }

func (r *record) str(key string) string {
	if v := r.vals[key]; v != nil {
		return strings.TrimSpace(v.Value)
	}
	return ""
}

func (r *record) int(key string) (int, bool) {
	if v := r.vals[key]; v != nil {
		n, err := strconv.Atoi(v.Value)
		return n, err == nil
	}
	return 0, false
}

func (r *record) bool(key string) bool {
	v := r.vals[key]
	if v == nil {
		return false
	}
	b, _ := strconv.ParseBool(v.Value)
	return b
}

func (r *record) date(key string) time.Time {
	if v := r.vals[key]; v != nil {
		t, _ := time.Parse(time.DateOnly, strings.TrimSpace(v.Value))
		return t
	}
	return time.Time{}
}

func (r *record) strs(key string) []string {
	v := r.vals[key]
	if v == nil {
		return nil
	}
	out := make([]string, len(v.Content))
	for i, item := range v.Content {
		out[i] = strings.TrimSpace(item.Value)
	}
	return out
}

func (r *record) nodes(key string) []*yaml.Node {
	if v := r.vals[key]; v != nil {
		return v.Content
	}
	return nil
}

func (r *record) hours(key string) []site.Hours {
	var out []site.Hours
	for _, item := range r.nodes(key) {
		h, _ := site.ParseHours(item.Value)
		out = append(out, h)
	}
	return out
}

// sub decodes a nested map; it returns nil when the field is absent. The nested record's
// errors were reported when the parent was checked, so they are collected in a throwaway list.
func (r *record) sub(key string, fields []field) *record {
	v := r.vals[key]
	if v == nil {
		return nil
	}
	quiet := &file{name: r.f.name, lineOff: r.f.lineOff, errs: new(ErrorList)}
	return decodeRecord(quiet, v, fields)
}

func (r *record) subs(key string, fields []field) []*record {
	var out []*record
	for _, item := range r.nodes(key) {
		quiet := &file{name: r.f.name, lineOff: r.f.lineOff, errs: new(ErrorList)}
		out = append(out, decodeRecord(quiet, item, fields))
	}
	return out
}

// pos returns the position of key's value, or of the record when the key is absent.
func (r *record) pos(key string) Position {
	if v := r.vals[key]; v != nil {
		return r.f.pos(v)
	}
	if k := r.keys[key]; k != nil {
		return r.f.pos(k)
	}
	return r.f.pos(r.node)
}

// suggest returns "; mente du "x"?" for the closest of options, or a list of the options.
func suggest(s string, options []string, listIntro string) string {
	best, bestD := "", 1<<30
	fs := fold(s)
	for _, o := range options {
		d := distance(fs, fold(o))
		if d < bestD {
			best, bestD = o, d
		}
	}
	if best != "" && bestD <= max(1, len([]rune(s))/3) {
		return fmt.Sprintf("; mente du %q?", best)
	}
	if listIntro == "" || len(options) > 12 {
		return ""
	}
	return "; " + listIntro + strings.Join(options, ", ")
}

// fold lower-cases s and writes æ, ø, å as ae, oe, aa, so that "målgrupper" meets "maalgrupper".
func fold(s string) string {
	return strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "_", "-").Replace(strings.ToLower(s))
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
