package scaffold_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/content"
	"tilbudsviften/internal/content/contenttest"
	"tilbudsviften/internal/scaffold"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// keyLine matches a key at the start of a line, also when commented out or a list item.
func hasKey(text, key string) bool {
	return regexp.MustCompile(`(?m)^[# ]*(- )?` + regexp.QuoteMeta(key) + `:`).MatchString(text)
}

// TestArchetypeHasEveryKey: a new file lists every key of the model, nested keys too, each
// after a comment.
func TestArchetypeHasEveryKey(t *testing.T) {
	var walk func(typ string, text string, fields []content.Field)
	walk = func(typ, text string, fields []content.Field) {
		for _, f := range fields {
			if !hasKey(text, f.Key) {
				t.Errorf("%s: the archetype has no key %q", typ, f.Key)
			}
			if c := scaffold.Comment(typ, f); c == "" || !strings.HasSuffix(c, ".") {
				t.Errorf("%s.%s: comment %q", typ, f.Key, c)
			}
			walk(typ+"."+f.Key, text, f.Fields)
		}
	}
	for _, typ := range scaffold.Types() {
		walk(typ.Name, string(scaffold.Archetype(typ, "Åben rådgivning")), typ.Fields)
	}
}

// base returns the loader's small valid site.
func base(t *testing.T) fstest.MapFS { return contenttest.Base(t) }

// fill writes a value into every required key the archetype left empty, the way an editor
// fills in the facts, using ids that exist in the base site.
func fill(typ content.Type, text string) string {
	values := map[content.Kind]string{
		content.KindText: "Udfyldt.", content.KindDate: "2026-11-01", content.KindURL: "https://example.dk/kilde",
		content.KindInt: "1", content.KindBool: "true", content.KindEmail: "a@example.dk", content.KindPhone: "44 52 00 00",
	}
	refs := map[string]string{"maalgruppe": "boern", "emne": "skilsmisse", "trin": "almen", "udbyder": "kommune",
		"kontakt": "raadgivning", "princip": "faellesskab"}
	value := func(f content.Field) string {
		switch f.Kind {
		case content.KindEnum:
			return f.Enum[0]
		case content.KindID:
			return refs[f.Ref]
		case content.KindIDs:
			return "[" + refs[f.Ref] + "]"
		}
		return values[f.Kind]
	}
	lines := strings.Split(text, "\n")
	var walk func(fields []content.Field, indent string, list bool)
	walk = func(fields []content.Field, indent string, list bool) {
		for i, f := range fields {
			if !f.Required {
				continue
			}
			want := indent + f.Key + ":"
			if list && i == 0 {
				want = indent[:len(indent)-2] + "- " + f.Key + ":"
			}
			for j, l := range lines {
				if l == want {
					if f.Kind == content.KindMap || f.Kind == content.KindMaps {
						sub := indent + "  "
						if f.Kind == content.KindMaps {
							sub = indent + "    "
						}
						walk(f.Fields, sub, f.Kind == content.KindMaps)
					} else if !(indent == "" && (f.Key == "titel" || f.Key == "navn")) {
						lines[j] = l + " " + value(f)
					}
					break
				}
			}
		}
	}
	walk(typ.Fields, "", false)
	return strings.Join(lines, "\n")
}

// TestArchetypeLoads: a new file of each type loads without errors once its required facts
// are filled in, and before that every required key is named by the loader.
func TestArchetypeLoads(t *testing.T) {
	for _, typ := range scaffold.Types() {
		fsys := base(t)
		name := typ.Folder + "/ny-fil" + typ.Ext
		text := string(scaffold.Archetype(typ, "Ny fil"))
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
		_, _, err := content.Load(fsys, "content", content.Options{Now: today})
		var list content.ErrorList
		if !errors.As(err, &list) {
			t.Errorf("%s: the empty archetype loads without errors", typ.Name)
		}
		for _, e := range list {
			if e.Pos.File != "content/"+name {
				t.Errorf("%s: error outside the new file: %v", typ.Name, e)
			}
		}
		filled := fill(typ, text)
		fsys[name] = &fstest.MapFile{Data: []byte(filled)}
		if _, _, err := content.Load(fsys, "content", content.Options{Now: today}); err != nil {
			t.Errorf("%s: the filled-in archetype does not load:\n%v\n%s", typ.Name, err, filled)
		}
	}
}

// TestInitSiteBuilds: the site of viften init passes check without errors and builds.
func TestInitSiteBuilds(t *testing.T) {
	files, err := scaffold.Site("Prøve Kommune", today)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		if rest, ok := strings.CutPrefix(name, "content/"); ok {
			fsys[rest] = &fstest.MapFile{Data: data}
		}
	}
	for _, want := range []string{".github/workflows/udgiv.yml", ".gitlab-ci.yml", "package.json", "package-lock.json", ".vscode/settings.json", "content/trin.yaml"} {
		if files[want] == nil {
			t.Errorf("init writes no %s", want)
		}
	}
	for name, data := range files {
		if strings.Contains(string(data), "@KOMMUNE@") || strings.Contains(string(data), "@DATO@") {
			t.Errorf("%s: placeholder left", name)
		}
	}
	pages, res, err := build.Render(build.Config{Content: fsys, ContentName: "content", Now: today})
	if err != nil {
		t.Fatalf("the new site does not build: %v", err)
	}
	if len(res.Site.Offers) != 1 || len(res.Site.Steps) != 5 || pages["tilbud/eksempel/index.html"] == nil {
		t.Errorf("new site: %d offers, %d steps", len(res.Site.Offers), len(res.Site.Steps))
	}
	if !strings.Contains(string(pages["tilbud/eksempel/index.html"]), "Sidst gennemgået") {
		t.Error("the example offer does not show Sidst gennemgået")
	}
}
