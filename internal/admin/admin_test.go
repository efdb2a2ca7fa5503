package admin_test

import (
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tilbudsviften/internal/admin"
	"tilbudsviften/internal/build"
	"tilbudsviften/internal/content"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// herlev builds the Herlev site with a stand-in for Decap's dist folder.
func herlev(t *testing.T) (map[string][]byte, *build.Result) {
	t.Helper()
	dist := fstest.MapFS{
		"decap-cms.js":              {Data: []byte("/* decap */")},
		"103.decap-cms.js":          {Data: []byte("/* chunk */")},
		"decap-cms.js.map":          {Data: []byte("{}")},
		"cms.js":                    {Data: []byte("/* other build */")},
		"decap-cms.js.LICENSE.txt":  {Data: []byte("MIT")},
		"dd5d52671a5763720504.wasm": {Data: []byte{0, 'a', 's', 'm'}},
	}
	files, res, err := build.Render(build.Config{Content: os.DirFS("../../content"), ContentName: "content", Now: today, Admin: dist})
	if err != nil {
		t.Fatal(err)
	}
	return files, res
}

// TestConfigFromModel: the Decap config has a collection per content folder and a field per
// key of the model, with its required flag, and references as relation or select widgets.
func TestConfigFromModel(t *testing.T) {
	files, _ := herlev(t)
	cfg := string(files["admin/config.yml"])
	for _, want := range []string{`publish_mode: "editorial_workflow"`, "backend:\n  name: \"git-gateway\"", `locale: "da"`} {
		if !strings.Contains(cfg, want) {
			t.Errorf("config has no %q", want)
		}
	}
	collections := strings.Split(cfg, "\n  - name: ")[1:]
	byName := map[string]string{}
	for _, c := range collections {
		name := strings.Trim(strings.SplitN(c, "\n", 2)[0], `"`)
		byName[name] = c
	}
	for _, typ := range content.Model() {
		if typ.Folder == "" {
			continue
		}
		col, ok := byName[typ.Folder]
		if !ok {
			t.Errorf("no collection %s", typ.Folder)
			continue
		}
		if !strings.Contains(col, `folder: "content/`+typ.Folder+`"`) {
			t.Errorf("%s: wrong folder", typ.Folder)
		}
		checkFields(t, typ.Folder, col, typ.Fields, "      ")
		if typ.Markdown && !strings.Contains(col, `- name: "body"`) {
			t.Errorf("%s: no body field", typ.Folder)
		}
	}
	offers := byName["tilbud"]
	for key, widget := range map[string]string{
		"maalgrupper": `widget: "select"`, "emner": `widget: "select"`, "trin": `widget: "select"`,
		"udbyder": `widget: "relation"`, "kontakter": `widget: "relation"`, "principper": `widget: "relation"`,
	} {
		i := strings.Index(offers, `- name: "`+key+`"`)
		if i < 0 || !strings.Contains(offers[i:i+400], widget) {
			t.Errorf("tilbud.%s is not a %s", key, widget)
		}
	}
	if !strings.Contains(offers, `collection: "kontakter"`) || !strings.Contains(offers, `value: "skilsmisse"`) {
		t.Error("relations and options do not name the site's contacts and topics")
	}
}

// checkFields finds each field of the model at its indent, with its required flag.
func checkFields(t *testing.T, where, text string, fields []content.Field, indent string) {
	t.Helper()
	for _, f := range fields {
		start := strings.Index(text, indent+`- name: "`+f.Key+`"`)
		if start < 0 {
			t.Errorf("%s: no field %s", where, f.Key)
			continue
		}
		block := text[start+len(indent)+2:]
		// The field's own keys are those at indent+2 up to the next item at indent.
		end := strings.Index(block, "\n"+indent+"- ")
		if end < 0 {
			end = len(block)
		}
		own := block[:end]
		req := "\n" + indent + "  required: " + map[bool]string{true: "true", false: "false"}[f.Required]
		if !strings.Contains(own, req) {
			t.Errorf("%s.%s: no %q", where, f.Key, strings.TrimSpace(req))
		}
		if f.Fields != nil {
			checkFields(t, where+"."+f.Key, own, f.Fields, indent+"    ")
		}
	}
}

// TestAdminOnlyOnAdmin: /admin/ has Decap's script and chunks but no source maps, its own
// relaxed policy in _headers, and no public page loads or links to anything under /admin/.
func TestAdminOnlyOnAdmin(t *testing.T) {
	files, _ := herlev(t)
	for _, want := range []string{"admin/index.html", "admin/config.yml", "admin/decap-cms.js", "admin/103.decap-cms.js",
		"admin/decap-cms.js.LICENSE.txt", "admin/dd5d52671a5763720504.wasm"} {
		if files[want] == nil {
			t.Errorf("no %s", want)
		}
	}
	for _, not := range []string{"admin/decap-cms.js.map", "admin/cms.js"} {
		if files[not] != nil {
			t.Errorf("%s is published", not)
		}
	}
	index := string(files["admin/index.html"])
	if !strings.Contains(index, `<script src="/admin/decap-cms.js"></script>`) || !strings.Contains(index, `rel="cms-config-url"`) {
		t.Errorf("admin/index.html:\n%s", index)
	}
	headers := string(files["_headers"])
	if !strings.Contains(headers, "/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: "+admin.CSP) {
		t.Errorf("_headers has no /admin/ rule:\n%s", headers)
	}
	if i := strings.Index(headers, "/admin/*"); strings.Contains(headers[:i], "unsafe") {
		t.Error("the site-wide rules of _headers are relaxed")
	}
	for name, data := range files {
		if strings.HasPrefix(name, "admin/") || name == "_headers" {
			continue
		}
		switch path.Ext(name) {
		case ".html", ".js", ".css", ".webmanifest": // what a public page loads
		default:
			continue
		}
		s := string(data)
		if strings.Contains(s, "decap") || strings.Contains(s, "/admin/") {
			t.Errorf("%s refers to the admin", name)
		}
	}
}

// TestNoAdminWithoutDecap: without Decap's files the site has no /admin/ at all.
func TestNoAdminWithoutDecap(t *testing.T) {
	files, _, err := build.Render(build.Config{Content: os.DirFS("../../content"), ContentName: "content", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if strings.HasPrefix(name, "admin/") {
			t.Errorf("%s without Decap", name)
		}
	}
	if strings.Contains(string(files["_headers"]), "/admin/") {
		t.Error("_headers has an /admin/ rule without the admin")
	}
}

// TestPackagePinned: Decap CMS is pinned to one exact version, and the lock file names no
// registry.
func TestPackagePinned(t *testing.T) {
	p := admin.Package()
	if !strings.Contains(string(p["package.json"]), `"decap-cms": "3.16.3"`) {
		t.Errorf("package.json does not pin decap-cms exactly:\n%s", p["package.json"])
	}
	if strings.Contains(string(p["package-lock.json"]), `"resolved"`) {
		t.Error("package-lock.json records registry addresses")
	}
	if !strings.Contains(string(p[".npmrc"]), "omit-lockfile-registry-resolved=true") {
		t.Error(".npmrc does not keep registry addresses out of the lock file")
	}
}
