package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/content/contenttest"
	"tilbudsviften/internal/gen"
	"tilbudsviften/internal/scaffold"
	"tilbudsviften/internal/schema"
	"tilbudsviften/internal/site"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// validators compiles the schemas generated for s, by the path pattern of their type.
func validators(t *testing.T, s *site.Site) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	out := map[string]*jsonschema.Schema{}
	for _, typ := range content.Model() {
		data, err := schema.Generate(typ, s)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", typ.Name, err)
		}
		url := "mem:///" + schema.Path(typ)
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		sch, err := c.Compile(url)
		if err != nil {
			t.Fatalf("compile %s: %v", typ.Name, err)
		}
		out[typ.Path] = sch
	}
	return out
}

// typeOf returns the path pattern of the content type of the file name, or "".
func typeOf(name string) string {
	for _, typ := range content.Model() {
		if ok, _ := path.Match(typ.Path, name); ok {
			return typ.Path
		}
	}
	return ""
}

// instance returns a content file's YAML (the front matter of a Markdown file) as the JSON
// value a schema validator sees, the way an editor's YAML tooling reads it.
func instance(name string, data []byte) (any, error) {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if strings.HasSuffix(name, ".md") {
		rest, ok := bytes.CutPrefix(data, []byte("---\n"))
		if !ok {
			return nil, fmt.Errorf("no front matter")
		}
		fm, _, ok := bytes.Cut(rest, []byte("\n---\n"))
		if !ok {
			return nil, fmt.Errorf("unclosed front matter")
		}
		data = fm
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return jsonValue(v), nil
}

// jsonValue turns a decoded YAML value into JSON types. YAML reads an unquoted 2026-11-01 as
// a timestamp; JSON tools (and the yaml.schemas of editors' IDEs) see the string.
func jsonValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, x := range v {
			m[k] = jsonValue(x)
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = jsonValue(x)
		}
		return out
	case time.Time:
		return v.Format(time.DateOnly)
	case int:
		return json.Number(fmt.Sprint(v))
	case float64:
		return json.Number(fmt.Sprint(v))
	}
	return v
}

// validate validates every content file of fsys that has a schema and returns the problems
// by file.
func validate(t *testing.T, fsys fs.FS, vals map[string]*jsonschema.Schema, only map[string]bool) map[string]string {
	t.Helper()
	bad := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (only != nil && !only[p]) {
			return err
		}
		typ := typeOf(p)
		if typ == "" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		v, err := instance(p, data)
		if err != nil {
			bad[p] = err.Error()
			return nil
		}
		if err := vals[typ].Validate(v); err != nil {
			bad[p] = err.Error()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return bad
}

func baseFS(t *testing.T) fstest.MapFS { return contenttest.Base(t) }

func mustLoad(t *testing.T, fsys fs.FS) *site.Site {
	t.Helper()
	s, _, err := content.Load(fsys, "content", content.Options{Now: today, Drafts: true})
	if err != nil {
		t.Fatalf("fixture does not load: %v", err)
	}
	return s
}

// TestValidContentValidates: every file the loader accepts validates against the schema of
// its type: the test site, the Herlev content, a generated site and the site of viften init.
func TestValidContentValidates(t *testing.T) {
	gsite := gen.FS(40)
	initFiles, err := scaffold.Site("Prøve Kommune", today)
	if err != nil {
		t.Fatal(err)
	}
	isite := fstest.MapFS{}
	for name, data := range initFiles {
		if rest, ok := strings.CutPrefix(name, "content/"); ok {
			isite[rest] = &fstest.MapFile{Data: data}
		}
	}
	for name, fsys := range map[string]fs.FS{
		"base":   baseFS(t),
		"herlev": os.DirFS("../../content"),
		"gen":    gsite,
		"init":   isite,
	} {
		s := mustLoad(t, fsys)
		for _, withSite := range []*site.Site{s, nil} {
			bad := validate(t, fsys, validators(t, withSite), nil)
			for _, p := range sortedKeys(bad) {
				t.Errorf("%s: %s (valid for the loader) fails its schema (site enums %t):\n%s", name, p, withSite != nil, bad[p])
			}
		}
	}
}

// schemaCases are the loader's error fixtures whose every error is about a file's shape:
// keys, required keys, types, formats, allowed values and ids. The schema must reject the
// files they change. The other fixtures (an age range the wrong way round, opening hours that
// do not parse, broken links, duplicate ids and slugs, file names, front-matter fences) are
// the loader's alone.
var schemaCases = []string{
	"bad-date", "bad-email", "bad-enum", "bad-phone", "bad-url", "missing-required",
	"missing-site", "unknown-ids", "unknown-key", "wrong-type", "bad-host",
}

// TestInvalidContentFails: for each shape error the loader reports, the schema rejects the
// file too, and the loader and the schema agree on which files are wrong.
func TestInvalidContentFails(t *testing.T) {
	base := baseFS(t)
	vals := validators(t, mustLoad(t, base))
	for _, name := range schemaCases {
		a, err := txtar.ParseFile(filepath.Join("../content/testdata/errors", name+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for p, f := range base {
			fsys[p] = f
		}
		changed := map[string]bool{}
		var want string
		for _, f := range a.Files {
			if f.Name == "want" {
				want = string(f.Data)
				continue
			}
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			changed[f.Name] = true
		}
		wrong := map[string]bool{} // files the loader reports
		for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
			file, _, _ := strings.Cut(line, ":")
			wrong[strings.TrimPrefix(file, "content/")] = true
		}
		bad := validate(t, fsys, vals, changed)
		for p := range changed {
			if wrong[p] && bad[p] == "" {
				t.Errorf("%s: the loader rejects %s, but its schema accepts it", name, p)
			}
			if !wrong[p] && bad[p] != "" {
				t.Errorf("%s: the loader accepts %s, but its schema rejects it:\n%s", name, p, bad[p])
			}
		}
	}
}

// TestEveryKeyInSchema: every key of the model is a property in its type's schema.
func TestEveryKeyInSchema(t *testing.T) {
	for _, typ := range content.Model() {
		data, err := schema.Generate(typ, nil)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		if doc["$schema"] != schema.Draft {
			t.Errorf("%s: $schema %v", typ.Name, doc["$schema"])
		}
		if typ.List {
			doc = doc["items"].(map[string]any)
		}
		checkProps(t, typ.Name, doc, typ.Fields)
	}
}

func checkProps(t *testing.T, where string, doc map[string]any, fields []content.Field) {
	t.Helper()
	props, _ := doc["properties"].(map[string]any)
	var required []string
	list, _ := doc["required"].([]any)
	for _, r := range list {
		required = append(required, r.(string))
	}
	for _, f := range fields {
		p, ok := props[f.Key].(map[string]any)
		if !ok {
			t.Errorf("%s: no property %q", where, f.Key)
			continue
		}
		isReq := false
		for _, r := range required {
			isReq = isReq || r == f.Key
		}
		if isReq != f.Required {
			t.Errorf("%s.%s: required %t in the schema, %t in the model", where, f.Key, isReq, f.Required)
		}
		if f.Fields == nil {
			continue
		}
		if alts, ok := p["anyOf"].([]any); ok {
			p = alts[0].(map[string]any)
		}
		if items, ok := p["items"].(map[string]any); ok {
			p = items
		}
		checkProps(t, where+"."+f.Key, p, f.Fields)
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
