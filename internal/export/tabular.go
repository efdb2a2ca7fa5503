package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"tilbudsviften/internal/site"
)

// TabularDir holds the HSDS Tabular Data Package: one CSV per HSDS object and datapackage.json.
const TabularDir = HSDSDir + "tabular/"

// table is one CSV of the tabular package: an HSDS object, the fields we fill, in the
// schema's order, each "name" or "name:kind" (uuid, email, uri, number, date, datetime), and
// the rows, each with one cell per field.
type table struct {
	Name   string
	Path   string
	Fields []string
	rows   func(d *hsdsData, add func(cells ...string))
}

// Tables are the CSVs of the tabular package, in the specification's order. The rows are
// the one-to-one fields of the objects the JSON documents nest, each object once.
var Tables = []table{
	{"organization", "organizations.csv", []string{"id:uuid", "name", "description", "email:email", "website:uri"},
		func(d *hsdsData, add func(...string)) {
			for _, o := range d.orgs {
				add(o.ID, o.Name, o.Description, o.Email, o.Website)
			}
		}},
	{"service", "services.csv", []string{"id:uuid", "organization_id:uuid", "name", "description", "url:uri", "status",
		"application_process", "fees_description", "eligibility_description", "minimum_age:number", "maximum_age:number",
		"assured_date:date", "assurer_email:email", "alert", "last_modified:datetime"},
		func(d *hsdsData, add func(...string)) {
			for _, svc := range d.services {
				v := &svc.hsdsService
				add(v.ID, v.OrganizationID, v.Name, v.Description, v.URL, v.Status, v.ApplicationProcess, v.FeesDescription,
					v.EligibilityDescription, intCell(v.MinimumAge), intCell(v.MaximumAge), v.AssuredDate, v.AssurerEmail,
					v.Alert, v.LastModified)
			}
		}},
	{"attribute", "attributes.csv", []string{"id:uuid", "link_id:uuid", "taxonomy_term_id:uuid", "link_type", "link_entity", "value"},
		func(d *hsdsData, add func(...string)) {
			row := func(a hsdsAttribute) { add(a.ID, a.LinkID, a.TaxonomyTermID, a.LinkType, a.LinkEntity, a.Value) }
			for _, o := range d.orgs {
				for _, a := range o.Attributes {
					row(a)
				}
			}
			for _, svc := range d.services {
				for _, a := range svc.Attributes {
					row(a)
				}
			}
		}},
	{"service_at_location", "service_at_location.csv", []string{"id:uuid", "service_id:uuid", "location_id:uuid", "description"},
		func(d *hsdsData, add func(...string)) {
			for _, sal := range d.sals {
				add(sal.ID, sal.ServiceID, sal.LocationID, sal.Description)
			}
		}},
	{"location", "locations.csv", []string{"id:uuid", "location_type", "organization_id:uuid", "name"},
		func(d *hsdsData, add func(...string)) {
			for _, l := range d.locations {
				add(l.ID, l.LocationType, l.OrganizationID, l.Name)
			}
		}},
	{"phone", "phones.csv", []string{"id:uuid", "organization_id:uuid", "contact_id:uuid", "number", "type", "description"},
		func(d *hsdsData, add func(...string)) {
			row := func(p hsdsPhone) { add(p.ID, p.OrganizationID, p.ContactID, p.Number, p.Type, p.Description) }
			for _, o := range d.orgs {
				for _, p := range o.Phones {
					row(p)
				}
			}
			for _, svc := range d.services {
				for _, c := range svc.Contacts {
					for _, p := range c.Phones {
						row(p)
					}
				}
			}
		}},
	{"contact", "contacts.csv", []string{"id:uuid", "organization_id:uuid", "service_id:uuid", "name", "department", "email:email"},
		func(d *hsdsData, add func(...string)) {
			for _, svc := range d.services {
				for _, c := range svc.Contacts {
					add(c.ID, c.OrganizationID, c.ServiceID, c.Name, c.Department, c.Email)
				}
			}
		}},
	{"address", "addresses.csv", []string{"id:uuid", "location_id:uuid", "address_1", "city", "state_province", "postal_code", "country", "address_type"},
		func(d *hsdsData, add func(...string)) {
			for _, l := range d.locations {
				for _, a := range l.Addresses {
					add(a.ID, a.LocationID, a.Address1, a.City, a.StateProvince, a.PostalCode, a.Country, a.AddressType)
				}
			}
		}},
	{"schedule", "schedules.csv", []string{"id:uuid", "service_id:uuid", "wkst", "freq", "byday", "description", "opens_at", "closes_at", "notes"},
		func(d *hsdsData, add func(...string)) {
			for _, svc := range d.services {
				for _, h := range svc.Schedules {
					add(h.ID, h.ServiceID, h.Wkst, h.Freq, h.Byday, h.Description, h.OpensAt, h.ClosesAt, h.Notes)
				}
			}
		}},
	{"service_area", "service_areas.csv", []string{"id:uuid", "service_id:uuid", "name", "description"},
		func(d *hsdsData, add func(...string)) {
			for _, svc := range d.services {
				for _, a := range svc.ServiceAreas {
					add(a.ID, a.ServiceID, a.Name, a.Description)
				}
			}
		}},
	{"language", "languages.csv", []string{"id:uuid", "service_id:uuid", "code"},
		func(d *hsdsData, add func(...string)) {
			for _, svc := range d.services {
				for _, l := range svc.Languages {
					add(l.ID, l.ServiceID, l.Code)
				}
			}
		}},
	{"taxonomy_term", "taxonomy_terms.csv", []string{"id:uuid", "code", "name", "description", "taxonomy", "language", "taxonomy_id:uuid", "term_uri:uri"},
		func(d *hsdsData, add func(...string)) {
			for _, t := range d.terms {
				add(t.ID, t.Code, t.Name, t.Description, t.Taxonomy, t.Language, t.TaxonomyID, t.TermURI)
			}
		}},
	{"cost_option", "cost_options.csv", []string{"id:uuid", "service_id:uuid", "option", "currency", "amount:number"},
		func(d *hsdsData, add func(...string)) {
			for _, svc := range d.services {
				for _, c := range svc.CostOptions {
					amount := ""
					if c.Amount != nil {
						amount = strconv.FormatFloat(*c.Amount, 'f', -1, 64)
					}
					add(c.ID, c.ServiceID, c.Option, c.Currency, amount)
				}
			}
		}},
	{"taxonomy", "taxonomies.csv", []string{"id:uuid", "name", "description", "uri:uri"},
		func(d *hsdsData, add func(...string)) {
			for _, t := range d.taxa {
				add(t.ID, t.Name, t.Description, t.URI)
			}
		}},
}

// Tabular writes the HSDS Tabular Data Package: a CSV per object (UTF-8, comma, header row)
// and datapackage.json describing them.
func Tabular(s *site.Site, emit Emit) error { return writeTabular(buildHSDS(s), emit) }

func writeTabular(d *hsdsData, emit Emit) error {
	var buf bytes.Buffer
	for _, t := range Tables {
		buf.Reset()
		w := csv.NewWriter(&buf)
		header := make([]string, len(t.Fields))
		for i, f := range t.Fields {
			header[i], _, _ = strings.Cut(f, ":")
		}
		w.Write(header)
		var err error
		t.rows(d, func(cells ...string) {
			if len(cells) != len(header) {
				err = fmt.Errorf("%s: %d cells for %d fields", t.Path, len(cells), len(header))
			}
			w.Write(cells)
		})
		w.Flush()
		if err == nil {
			err = w.Error()
		}
		if err != nil {
			return err
		}
		if err := emit(TabularDir+t.Path, bytes.Clone(buf.Bytes())); err != nil {
			return err
		}
	}
	pkg, err := dataPackage(d.s)
	if err != nil {
		return err
	}
	return emit(TabularDir+"datapackage.json", pkg)
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
	pkg := dpPackage{Profile: "tabular-data-package", Name: "hsds-" + site.Slug(s.Config.Municipality),
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
	return marshalIndent(pkg, "  ")
}
