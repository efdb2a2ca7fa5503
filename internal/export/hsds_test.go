package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"tilbudsviften/internal/export"
)

// hsdsDir returns the folder with the official HSDS 3.0 schemas, which lives in the shared
// folder beside the repository (VIFTEN_SHARED overrides where that is). Outside CI the test
// skips when it is absent; in CI (CI=true) it must be there.
func hsdsDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("VIFTEN_SHARED")
	if dir == "" {
		dir = "../../../shared"
	}
	dir = filepath.Join(dir, "hsds-3.0")
	if _, err := os.Stat(filepath.Join(dir, "schema", "compiled", "service.json")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the HSDS 3.0 schemas are missing (%v); CI must have the shared folder beside the repository", err)
		}
		t.Skipf("skipping: no HSDS 3.0 schemas at %s (set VIFTEN_SHARED to the shared folder)", dir)
	}
	return dir
}

// schemaBase is where the specification publishes its schemas: openapi.json refers to the
// compiled schemas by these URLs. The test registers the local copies under it, so nothing
// is fetched.
var schemaBase = strings.TrimSuffix(export.OpenAPIURL, "openapi.json")

// hsdsSchemas compiles the schemas the static API's files must follow.
type hsdsSchemas struct {
	root, service, serviceAtLocation, organization, taxonomy, term, location *jsonschema.Schema
	// Page-wrapped lists, by folder under data/hsds/.
	lists map[string]*jsonschema.Schema
}

// hsdsCompiler returns a compiler that knows every schema of the specification by its
// published URL, with format assertions on (uuid, uri, email, date-time: ids and links must
// be well formed). The compiled tabular schema refers to the object schemas as if they lay
// beside it in compiled/; they are registered there too.
func hsdsCompiler(t testing.TB) *jsonschema.Compiler {
	t.Helper()
	dir := filepath.Join(hsdsDir(t), "schema")
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	added := map[string]bool{}
	var aliases []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if !strings.Contains(rel, "/") {
			aliases = append(aliases, rel)
		}
		added[rel] = true
		return c.AddResource(schemaBase+rel, doc)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range aliases {
		if added["compiled/"+name] {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(schemaBase+"compiled/"+name, doc); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func compileHSDS(t testing.TB) *hsdsSchemas {
	t.Helper()
	c := hsdsCompiler(t)
	compile := func(loc string) *jsonschema.Schema {
		t.Helper()
		sch, err := c.Compile(schemaBase + loc)
		if err != nil {
			t.Fatalf("compile %s: %v", loc, err)
		}
		return sch
	}
	// The API's responses, as openapi.json defines them.
	response := func(endpoint string) *jsonschema.Schema {
		ptr := strings.NewReplacer("~", "~0", "/", "~1").Replace(endpoint)
		return compile("openapi.json#/paths/" + ptr + "/get/responses/200/content/application~1json/schema")
	}
	return &hsdsSchemas{
		root:              response("/"),
		service:           compile("compiled/service.json"),
		serviceAtLocation: compile("compiled/service_at_location.json"),
		organization:      compile("compiled/organization.json"),
		taxonomy:          compile("taxonomy.json"),
		term:              compile("taxonomy_term.json"),
		location:          compile("location.json"),
		lists: map[string]*jsonschema.Schema{
			"services":             response("/services"),
			"organizations":        response("/organizations"),
			"service_at_locations": response("/service_at_locations"),
			"taxonomies":           response("/taxonomies"),
			"taxonomy_terms":       response("/taxonomy_terms"),
			// HSDS 3.0 has no /locations endpoint; our list pages use the Page wrapper and
			// each location is checked against location.json below.
			"locations": compile("openapi.json#/components/schemas/Page"),
		},
	}
}

func decodeInstance(t testing.TB, name string, data []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

var (
	pageFile = regexp.MustCompile(`^data/hsds/([a-z_]+)/page-([0-9]+)\.json$`)
	objFile  = regexp.MustCompile(`^data/hsds/([a-z_]+)/([0-9a-f-]{36})\.json$`)
)

// validateHSDS validates every HSDS JSON file in files and returns how many it validated.
func validateHSDS(t *testing.T, sch *hsdsSchemas, files map[string][]byte) int {
	t.Helper()
	validate := func(name string, s *jsonschema.Schema, v any) {
		t.Helper()
		if err := s.Validate(v); err != nil {
			t.Errorf("%s does not validate against HSDS 3.0:\n%v", name, err)
		}
	}
	n := 0
	for _, p := range withPrefix(files, export.HSDSDir) {
		if !strings.HasSuffix(p, ".json") || strings.HasPrefix(p, export.TabularDir) {
			continue
		}
		v := decodeInstance(t, p, files[p])
		n++
		if p == export.HSDSDir+"index.json" {
			validate(p, sch.root, v)
			continue
		}
		if m := pageFile.FindStringSubmatch(p); m != nil {
			s, ok := sch.lists[m[1]]
			if !ok {
				t.Errorf("%s: a list HSDS does not define", p)
				continue
			}
			validate(p, s, v)
			if m[1] == "locations" {
				for i, l := range v.(map[string]any)["contents"].([]any) {
					validate(fmt.Sprintf("%s: contents[%d]", p, i), sch.location, l)
				}
			}
			continue
		}
		m := objFile.FindStringSubmatch(p)
		if m == nil {
			t.Errorf("%s: an HSDS file of no known kind", p)
			continue
		}
		s := map[string]*jsonschema.Schema{"services": sch.service, "organizations": sch.organization,
			"service_at_locations": sch.serviceAtLocation, "taxonomies": sch.taxonomy, "taxonomy_terms": sch.term}[m[1]]
		if s == nil {
			t.Errorf("%s: an object HSDS does not define", p)
			continue
		}
		validate(p, s, v)
		if id := v.(map[string]any)["id"]; id != m[2] {
			t.Errorf("%s: id %v, want the file's name", p, id)
		}
	}
	return n
}

// TestHSDSValidates validates every HSDS JSON file of the Herlev site (as it is, without a
// base URL, and with one), the small test site and a generated site of 250 offers (three
// pages of services) against the official HSDS 3.0 JSON Schemas.
func TestHSDSValidates(t *testing.T) {
	sch := compileHSDS(t)
	cases := []struct {
		name string
		fsys func(t testing.TB) fs.FS
	}{
		{"herlev", func(t testing.TB) fs.FS { return herlevFS(t, "") }},
		{"herlev-basisurl", func(t testing.TB) fs.FS { return herlevFS(t, testBaseURL) }},
		{"base", func(t testing.TB) fs.FS { return baseFS(t) }},
		{"generated", func(t testing.TB) fs.FS { return genFS(250) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := load(t, c.fsys(t))
			out := files(t, func(emit export.Emit) error { return export.Data(s, []export.Format{export.FormatHSDS}, emit) })
			n := validateHSDS(t, sch, out)
			services := len(withPrefix(out, export.HSDSDir+"services/")) - pages(len(s.Offers))
			if services != len(s.Offers) {
				t.Errorf("%d service documents, want one per offer (%d)", services, len(s.Offers))
			}
			t.Logf("%d HSDS files validated (%d services)", n, services)
		})
	}
}

func pages(n int) int { return max(1, (n+export.PageSize-1)/export.PageSize) }

// TestHSDSSchemasCatchErrors makes sure the validation has teeth: a service without a name, or
// with an id that is not a UUID, fails.
func TestHSDSSchemasCatchErrors(t *testing.T) {
	sch := compileHSDS(t)
	s := load(t, baseFS(t))
	out := files(t, func(emit export.Emit) error { return export.HSDS(s, emit) })
	p := export.HSDSDir + "services/" + export.ServiceID(s.Config.Municipality, "aaben-raadgivning") + ".json"
	data, ok := out[p]
	if !ok {
		t.Fatalf("no %s", p)
	}
	for name, breakIt := range map[string]func(m map[string]any){
		"no name":      func(m map[string]any) { delete(m, "name") },
		"bad id":       func(m map[string]any) { m["id"] = "aaben-raadgivning" },
		"bad status":   func(m map[string]any) { m["status"] = "aktiv" },
		"bad schedule": func(m map[string]any) { m["schedules"] = []any{map[string]any{"id": "x"}} },
	} {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		breakIt(m)
		broken, _ := json.Marshal(m)
		if err := sch.service.Validate(decodeInstance(t, name, broken)); err == nil {
			t.Errorf("%s: the broken service validates", name)
		}
	}
}

// TestHSDSContent checks what the schemas cannot: the root document, the Page wrapper's
// numbers, and that the Danish vocabularies reach every service as attributes.
func TestHSDSContent(t *testing.T) {
	s := load(t, genFS(250))
	out := files(t, func(emit export.Emit) error { return export.HSDS(s, emit) })

	var root map[string]any
	mustJSON(t, out[export.HSDSDir+"index.json"], &root)
	if root["version"] != "3.0" || root["profile"] != "https://tilbud.example.dk/data/hsds/profile/" || root["openapi_url"] != export.OpenAPIURL {
		t.Errorf("root: %v", root)
	}
	if _, ok := out[export.ProfilePath]; !ok {
		t.Errorf("no profile page at %s", export.ProfilePath)
	}

	total := 0
	for n := 1; n <= 3; n++ {
		p := fmt.Sprintf("%sservices/page-%d.json", export.HSDSDir, n)
		var raw map[string]any
		mustJSON(t, out[p], &raw)
		want := map[string]any{"total_items": 250.0, "total_pages": 3.0, "page_number": float64(n),
			"size": float64(min(100, 250-(n-1)*100)), "first_page": n == 1, "last_page": n == 3, "empty": false}
		for k, v := range want {
			if raw[k] != v {
				t.Errorf("%s: %s = %v, want %v", p, k, raw[k], v)
			}
		}
		total += len(raw["contents"].([]any))
	}
	if total != 250 {
		t.Errorf("%d services on the pages, want 250", total)
	}
	if _, ok := out[export.HSDSDir+"services/page-4.json"]; ok {
		t.Error("a fourth page of 250 services")
	}

	// The offer of the small site: every vocabulary is an attribute with its taxonomy.
	b := load(t, baseFS(t))
	out = files(t, func(emit export.Emit) error { return export.HSDS(b, emit) })
	var svc map[string]any
	mustJSON(t, out[export.HSDSDir+"services/"+export.ServiceID(b.Config.Municipality, "aaben-raadgivning")+".json"], &svc)
	got := map[string]bool{}
	for _, a := range svc["attributes"].([]any) {
		term := a.(map[string]any)["taxonomy_term"].(map[string]any)
		got[term["taxonomy"].(string)+"/"+term["code"].(string)] = true
		if term["taxonomy_detail"] == nil {
			t.Errorf("term %v without taxonomy_detail", term["code"])
		}
	}
	for _, want := range []string{"Målgruppe/foraeldre", "Emne/skilsmisse", "Indsatstrappen/forebyggelse", "Adgang/kom-selv"} {
		if !got[want] {
			t.Errorf("service attributes lack %s; have %v", want, got)
		}
	}
}

func mustJSON(t testing.TB, data []byte, v any) {
	t.Helper()
	if data == nil {
		t.Fatal("no such file")
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}
