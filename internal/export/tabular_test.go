package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tilbudsviften/internal/export"
)

// dataPackage is the part of a Frictionless Data descriptor the tests read.
type dataPackage struct {
	Profile   string `json:"profile"`
	Name      string `json:"name"`
	Resources []struct {
		Name     string `json:"name"`
		Path     string `json:"path"`
		Profile  string `json:"profile"`
		Format   string `json:"format"`
		Encoding string `json:"encoding"`
		Schema   struct {
			Fields []struct {
				Name   string `json:"name"`
				Type   string `json:"type"`
				Format string `json:"format"`
			} `json:"fields"`
			PrimaryKey []string `json:"primaryKey"`
		} `json:"schema"`
	} `json:"resources"`
}

// readCSV reads a whole CSV file with encoding/csv.
func readCSV(t testing.TB, name string, data []byte, comma rune) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", name)
	}
	return recs
}

// tabularFiles exports the tabular package of the Herlev site (or the generated one when
// content/ is absent) and returns the files and the site.
func tabularFiles(t *testing.T) (map[string][]byte, [][]string) {
	t.Helper()
	s := load(t, herlevFS(t, ""))
	out := files(t, func(emit export.Emit) error { return export.Tabular(s, emit) })
	titles := make([][]string, len(s.Offers))
	for i, o := range s.Offers {
		titles[i] = []string{export.ServiceID(s.Config.Municipality, o.Slug), o.Title}
	}
	return out, titles
}

// TestTabularPackage checks the HSDS Tabular Data Package: the descriptor is sound, every
// resource's file exists and its header is the schema's field list, and every CSV reads back
// through encoding/csv with the offers' names, æ, ø and å intact.
func TestTabularPackage(t *testing.T) {
	out, titles := tabularFiles(t)
	var pkg dataPackage
	mustJSON(t, out[export.TabularDir+"datapackage.json"], &pkg)
	if pkg.Profile != "tabular-data-package" || pkg.Name != "hsds-herlev-kommune" || len(pkg.Resources) == 0 {
		t.Fatalf("datapackage.json: profile %q, name %q, %d resources", pkg.Profile, pkg.Name, len(pkg.Resources))
	}
	seen := map[string]bool{}
	for _, res := range pkg.Resources {
		if seen[res.Name] || seen[res.Path] {
			t.Errorf("resource %s (%s) listed twice", res.Name, res.Path)
		}
		seen[res.Name], seen[res.Path] = true, true
		if res.Profile != "tabular-data-resource" || res.Format != "csv" || res.Encoding != "utf-8" {
			t.Errorf("%s: profile %q, format %q, encoding %q", res.Name, res.Profile, res.Format, res.Encoding)
		}
		if !slices.Equal(res.Schema.PrimaryKey, []string{"id"}) {
			t.Errorf("%s: primaryKey %v", res.Name, res.Schema.PrimaryKey)
		}
		data, ok := out[export.TabularDir+res.Path]
		if !ok {
			t.Errorf("%s: no file %s", res.Name, res.Path)
			continue
		}
		if bytes.HasPrefix(data, []byte("\ufeff")) {
			t.Errorf("%s: byte-order mark; the tabular package is plain UTF-8", res.Path)
		}
		recs := readCSV(t, res.Path, data, ',')
		var fields []string
		for _, f := range res.Schema.Fields {
			fields = append(fields, f.Name)
			switch f.Type {
			case "string", "number", "date", "datetime":
			default:
				t.Errorf("%s.%s: type %q", res.Name, f.Name, f.Type)
			}
		}
		if !slices.Equal(recs[0], fields) {
			t.Errorf("%s: header %v, schema fields %v", res.Path, recs[0], fields)
		}
		ids := map[string]bool{}
		for i, rec := range recs[1:] {
			if len(rec) != len(fields) {
				t.Errorf("%s:%d: %d cells, want %d", res.Path, i+2, len(rec), len(fields))
			}
			if ids[rec[0]] {
				t.Errorf("%s: id %s twice", res.Path, rec[0])
			}
			ids[rec[0]] = true
		}
	}
	for p := range out {
		if name := strings.TrimPrefix(p, export.TabularDir); name != "datapackage.json" && !seen[name] {
			t.Errorf("%s is in no resource of datapackage.json", p)
		}
	}

	// services.csv has one row per offer, in the site's order, names as written.
	recs := readCSV(t, "services.csv", out[export.TabularDir+"services.csv"], ',')
	if len(recs)-1 != len(titles) {
		t.Fatalf("services.csv: %d rows, want %d", len(recs)-1, len(titles))
	}
	name := slices.Index(recs[0], "name")
	danish := 0
	for i, want := range titles {
		if got := []string{recs[i+1][0], recs[i+1][name]}; !slices.Equal(got, want) {
			t.Errorf("services.csv row %d: %q, want %q", i+1, got, want)
		}
		if strings.ContainsAny(want[1], "æøåÆØÅ") {
			danish++
		}
	}
	if danish == 0 {
		t.Error("no offer name with æ, ø or å: the round trip proves nothing")
	}
}

// TestTabularValidates reads each CSV back into rows (empty cells left out except in required
// text fields, numbers as numbers) and validates the whole package against the specification's compiled tabular
// schema (schema/compiled/tabular.json): table names, file names, field names, order and
// types must be the specification's, required fields filled, and every id column must point
// at a row that exists.
func TestTabularValidates(t *testing.T) {
	dir := filepath.Join(hsdsDir(t), "schema")
	out, _ := tabularFiles(t)

	raw, err := os.ReadFile(filepath.Join(dir, "compiled", "tabular.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Properties map[string]struct {
			Items struct {
				Path             string   `json:"path"`
				Required         []string `json:"required"`
				TabularRequired  []string `json:"tabular_required"`
				Properties       ordered  `json:"properties"`
				DatapackageOrder struct {
					Order int `json:"order"`
				} `json:"datapackage_metadata"`
			} `json:"items"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	sch, err := hsdsCompiler(t).Compile(schemaBase + "compiled/tabular.json")
	if err != nil {
		t.Fatal(err)
	}

	var pkg dataPackage
	mustJSON(t, out[export.TabularDir+"datapackage.json"], &pkg)
	instance := map[string]any{}
	ids := map[string]map[string]bool{} // table → ids
	tables := map[string][]map[string]string{}
	lastOrder := 0
	for _, res := range pkg.Resources {
		table, ok := spec.Properties[res.Name]
		if !ok {
			t.Errorf("resource %s: no such table in HSDS", res.Name)
			continue
		}
		if res.Path != table.Items.Path {
			t.Errorf("resource %s: path %s, HSDS says %s", res.Name, res.Path, table.Items.Path)
		}
		if o := table.Items.DatapackageOrder.Order; o < lastOrder {
			t.Errorf("resource %s out of the specification's order", res.Name)
		} else {
			lastOrder = o
		}
		// The columns are the specification's, in its order.
		pos := 0
		types := map[string]string{}
		for _, f := range res.Schema.Fields {
			i := slices.Index(table.Items.Properties.keys, f.Name)
			if i < 0 {
				t.Errorf("%s.%s: no such field in HSDS", res.Name, f.Name)
				continue
			}
			if i < pos {
				t.Errorf("%s.%s: out of the specification's order", res.Name, f.Name)
			}
			pos = i
			specType := table.Items.Properties.types[f.Name]
			if (specType == "number") != (f.Type == "number") {
				t.Errorf("%s.%s: type %s, HSDS says %s", res.Name, f.Name, f.Type, specType)
			}
			types[f.Name] = f.Type
		}
		recs := readCSV(t, res.Path, out[export.TabularDir+res.Path], ',')
		rows := []any{}
		ids[res.Name] = map[string]bool{}
		for _, rec := range recs[1:] {
			row := map[string]any{}
			flat := map[string]string{}
			for i, cell := range rec {
				name := recs[0][i]
				flat[name] = cell
				if cell == "" && (types[name] == "number" || !slices.Contains(table.Items.Required, name)) {
					// An empty cell is a missing value, except in a required text field: there
					// it is the empty string the JSON has (state_province, which Danish
					// addresses do not have, and a city or postal code the content lacks).
					continue
				}
				if types[name] == "number" {
					row[name] = json.Number(cell)
				} else {
					row[name] = cell
				}
			}
			for _, f := range table.Items.TabularRequired {
				if flat[f] == "" {
					t.Errorf("%s %s: %s is empty; HSDS requires it in the tabular format", res.Name, flat["id"], f)
				}
			}
			rows = append(rows, row)
			ids[res.Name][flat["id"]] = true
			tables[res.Name] = append(tables[res.Name], flat)
		}
		instance[res.Name] = rows
	}
	if err := sch.Validate(instance); err != nil {
		t.Errorf("the tabular package does not validate against HSDS 3.0:\n%v", err)
	}

	// Every reference resolves.
	refs := map[string][]string{
		"organization_id":  {"organization"},
		"service_id":       {"service"},
		"location_id":      {"location"},
		"contact_id":       {"contact"},
		"taxonomy_term_id": {"taxonomy_term"},
		"taxonomy_id":      {"taxonomy"},
		"link_id":          {"service", "organization"},
	}
	checked := 0
	for table, rows := range tables {
		for _, row := range rows {
			for col, targets := range refs {
				v := row[col]
				if v == "" {
					continue
				}
				checked++
				if !slices.ContainsFunc(targets, func(tb string) bool { return ids[tb][v] }) {
					t.Errorf("%s %s: %s %s points at no row of %v", table, row["id"], col, v, targets)
				}
			}
		}
	}
	t.Logf("%d tables validated, %d references resolved", len(instance), checked)
}

// ordered is a JSON object's keys in the order written, with each value's "type".
type ordered struct {
	keys  []string
	types map[string]string
}

func (o *ordered) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	o.types = map[string]string{}
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key := tok.(string)
		var v struct {
			Type string `json:"type"`
		}
		if err := dec.Decode(&v); err != nil {
			return err
		}
		o.keys = append(o.keys, key)
		o.types[key] = v.Type
	}
	return nil
}
