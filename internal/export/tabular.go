package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"

	"tilbudsviften/internal/site"
)

// TabularDir holds the HSDS Tabular Data Package: one CSV per HSDS object and datapackage.json.
const TabularDir = HSDSDir + "tabular/"

// table is one CSV of the tabular package: an HSDS object and the fields we fill, in the
// schema's order, each "name" or "name:kind" (uuid, email, uri, number, date, datetime).
type table struct {
	Name   string
	Path   string
	Fields []string
}

// Tables are the CSVs of the tabular package, in the specification's order.
var Tables = []table{
	{"organization", "organizations.csv", []string{"id:uuid", "name", "description", "email:email", "website:uri"}},
	{"service", "services.csv", []string{"id:uuid", "organization_id:uuid", "name", "description", "url:uri", "status",
		"application_process", "fees_description", "eligibility_description", "minimum_age:number", "maximum_age:number",
		"assured_date:date", "assurer_email:email", "alert", "last_modified:datetime"}},
	{"attribute", "attributes.csv", []string{"id:uuid", "link_id:uuid", "taxonomy_term_id:uuid", "link_type", "link_entity", "value"}},
	{"service_at_location", "service_at_location.csv", []string{"id:uuid", "service_id:uuid", "location_id:uuid", "description"}},
	{"location", "locations.csv", []string{"id:uuid", "location_type", "organization_id:uuid", "name"}},
	{"phone", "phones.csv", []string{"id:uuid", "organization_id:uuid", "contact_id:uuid", "number", "type", "description"}},
	{"contact", "contacts.csv", []string{"id:uuid", "organization_id:uuid", "service_id:uuid", "name", "department", "email:email"}},
	{"address", "addresses.csv", []string{"id:uuid", "location_id:uuid", "address_1", "city", "state_province", "postal_code", "country", "address_type"}},
	{"schedule", "schedules.csv", []string{"id:uuid", "service_id:uuid", "wkst", "freq", "byday", "description", "opens_at", "closes_at", "notes"}},
	{"service_area", "service_areas.csv", []string{"id:uuid", "service_id:uuid", "name", "description"}},
	{"language", "languages.csv", []string{"id:uuid", "service_id:uuid", "code"}},
	{"taxonomy_term", "taxonomy_terms.csv", []string{"id:uuid", "code", "name", "description", "taxonomy", "language", "taxonomy_id:uuid", "term_uri:uri"}},
	{"cost_option", "cost_options.csv", []string{"id:uuid", "service_id:uuid", "option", "currency", "amount:number"}},
	{"taxonomy", "taxonomies.csv", []string{"id:uuid", "name", "description", "uri:uri"}},
}

// nestedTable names the table of the objects under each key of a nested HSDS document; keys
// not listed ("organization", "service", "services") point back up and are not walked.
var nestedTable = map[string]string{
	"schedules": "schedule", "service_areas": "service_area", "service_at_locations": "service_at_location",
	"location": "location", "locations": "location", "addresses": "address", "languages": "language",
	"cost_options": "cost_option", "contacts": "contact", "phones": "phone", "attributes": "attribute",
	"taxonomy_term": "taxonomy_term", "taxonomy_detail": "taxonomy",
}

// rows collects the objects of each table, each id once, in the order first seen.
type rows struct {
	seen map[string]bool
	objs map[string][]map[string]any
}

func (r *rows) add(tbl string, obj map[string]any) {
	id, _ := obj["id"].(string)
	if r.seen[tbl+"/"+id] {
		return
	}
	r.seen[tbl+"/"+id] = true
	r.objs[tbl] = append(r.objs[tbl], obj)
	for _, key := range sortedKeys(obj) {
		child, ok := nestedTable[key]
		if !ok {
			continue
		}
		switch v := obj[key].(type) {
		case map[string]any:
			r.add(child, v)
		case []any:
			for _, x := range v {
				if m, ok := x.(map[string]any); ok {
					r.add(child, m)
				}
			}
		}
	}
}

// sortedKeys returns the keys in a fixed order, so rows come out the same every time.
func sortedKeys(m map[string]any) []string {
	var keys []string
	for _, t := range []string{"service_at_locations", "location", "locations", "addresses", "schedules", "service_areas",
		"languages", "cost_options", "contacts", "phones", "attributes", "taxonomy_term", "taxonomy_detail"} {
		if _, ok := m[t]; ok {
			keys = append(keys, t)
		}
	}
	return keys
}

// decoded returns v as generic JSON, numbers kept as written.
func decoded(v any) (map[string]any, error) {
	data, err := marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var m map[string]any
	err = dec.Decode(&m)
	return m, err
}

// Tabular writes the HSDS Tabular Data Package: a CSV per object (UTF-8, comma, header row)
// and datapackage.json describing them.
func Tabular(s *site.Site, emit Emit) error { return writeTabular(buildHSDS(s), emit) }

func writeTabular(d *hsdsData, emit Emit) error {
	s := d.s
	r := &rows{seen: map[string]bool{}, objs: map[string][]map[string]any{}}
	type root struct {
		tbl string
		v   any
	}
	// The vocabularies first, so their rows keep the content's order.
	var roots []root
	for _, t := range d.taxa {
		roots = append(roots, root{"taxonomy", t})
	}
	for _, t := range d.terms {
		roots = append(roots, root{"taxonomy_term", t})
	}
	for _, o := range d.orgs {
		o := *o
		o.Services = nil
		roots = append(roots, root{"organization", o})
	}
	for _, svc := range d.services {
		roots = append(roots, root{"service", svc})
	}
	for _, l := range d.locations {
		roots = append(roots, root{"location", l})
	}
	for _, x := range roots {
		m, err := decoded(x.v)
		if err != nil {
			return err
		}
		r.add(x.tbl, m)
	}
	for _, t := range Tables {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		header := make([]string, len(t.Fields))
		for i, f := range t.Fields {
			header[i], _, _ = strings.Cut(f, ":")
		}
		w.Write(header)
		for _, obj := range r.objs[t.Name] {
			rec := make([]string, len(header))
			for i, name := range header {
				rec[i] = cell(obj[name])
			}
			w.Write(rec)
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
		if err := emit(TabularDir+t.Path, buf.Bytes()); err != nil {
			return err
		}
	}
	pkg, err := dataPackage(s)
	if err != nil {
		return err
	}
	return emit(TabularDir+"datapackage.json", pkg)
}

func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return fmt.Sprint(v)
}

// The Frictionless Data descriptor of the package.
type dpPackage struct {
	Profile     string       `json:"profile"`
	Name        string       `json:"name"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Homepage    string       `json:"homepage,omitempty"`
	Resources   []dpResource `json:"resources"`
}

type dpResource struct {
	Name      string   `json:"name"`
	Path      string   `json:"path"`
	Profile   string   `json:"profile"`
	Format    string   `json:"format"`
	Mediatype string   `json:"mediatype"`
	Encoding  string   `json:"encoding"`
	Schema    dpSchema `json:"schema"`
}

type dpSchema struct {
	Fields     []dpField `json:"fields"`
	PrimaryKey []string  `json:"primaryKey"`
}

type dpField struct {
	Name   string `json:"name"`
	Type   string `json:"type"`
	Format string `json:"format,omitempty"`
}

func dataPackage(s *site.Site) ([]byte, error) {
	pkg := dpPackage{Profile: "tabular-data-package", Name: "hsds-" + slugify(s.Config.Municipality),
		Title:       s.Config.Name + ": tilbud i HSDS 3.0",
		Description: "Tilbud til børn, unge og familier i " + s.Config.Municipality + " som Open Referral HSDS 3.0 tabular data package.",
		Homepage:    abs(s, "/"+HSDSDir+"profile/")}
	for _, t := range Tables {
		res := dpResource{Name: t.Name, Path: t.Path, Profile: "tabular-data-resource", Format: "csv", Mediatype: "text/csv",
			Encoding: "utf-8", Schema: dpSchema{PrimaryKey: []string{"id"}}}
		for _, f := range t.Fields {
			name, kind, _ := strings.Cut(f, ":")
			field := dpField{Name: name, Type: "string"}
			switch kind {
			case "uuid", "email", "uri":
				field.Format = kind
			case "number", "date", "datetime":
				field.Type = kind
			}
			res.Schema.Fields = append(res.Schema.Fields, field)
		}
		pkg.Resources = append(pkg.Resources, res)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pkg); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
