package build_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/gen"
)

// TestIncrementalMatchesFull edits a generated site in every way an editor can and holds the
// Builder's output byte-equal to a fresh Render after each edit.
func TestIncrementalMatchesFull(t *testing.T) {
	fsys := gen.FS(120)
	own := fstest.MapFS{}
	cfg := build.Config{Content: fsys, ContentName: "content", Templates: own, Now: today}
	b := build.NewBuilder(cfg)
	replace := func(name, old, new string) func() {
		return func() {
			data := string(fsys[name].Data)
			if !strings.Contains(data, old) {
				t.Fatalf("%s does not contain %q", name, old)
			}
			fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
		}
	}
	steps := []struct {
		name string
		edit func()
		// most is the most offer pages the step may render again; -1: any number
		most int
	}{
		{"first build", func() {}, -1},
		{"no change", func() {}, 0},
		{"offer body", replace("tilbud/tilbud-00007.md", "## Til fagpersoner", "Ny sætning her.\n\n## Til fagpersoner"), 1},
		{"offer title", replace("tilbud/tilbud-00008.md", "titel: ", "titel: Nyt navn "), -1},
		{"offer topics", replace("tilbud/tilbud-00009.md", "emner: [", "emner: [vold, "), -1},
		{"contact phone", replace("kontakter/kontakt-3.yaml", "telefon: ", "telefon: 1"), -1},
		{"provider name", replace("udbydere/udbyder-1.yaml", "navn: ", "navn: Den nye "), -1},
		{"principle title", replace("principper/princip-2.md", "titel: ", "titel: Nyt "), -1},
		{"topic name", replace("emner.yaml", "navn: Skole", "navn: Skolen"), -1},
		{"site name", replace("site.yaml", "navn: Tilbudsviften Genereret", "navn: Viften"), -1},
		{"page title", replace("sider/om.md", "titel: Om sitet", "titel: Om os"), -1},
		{"delete offer", func() { delete(fsys, "tilbud/tilbud-00010.md") }, -1},
		{"add offer", func() {
			fsys["tilbud/tilbud-99999.md"] = &fstest.MapFile{Data: bytes.Replace(fsys["tilbud/tilbud-00011.md"].Data, []byte("titel: "), []byte("titel: Kopi "), 1)}
		}, -1},
		{"theme", func() {
			data, err := fs.ReadFile(build.Theme(nil), "offer.html")
			if err != nil {
				t.Fatal(err)
			}
			own["offer.html"] = &fstest.MapFile{Data: bytes.Replace(data, []byte(`{{define "main" -}}`), []byte(`{{define "main" -}}<p>egen skabelon</p>`), 1)}
		}, -1},
		{"broken offer", replace("tilbud/tilbud-00012.md", "trin: ", "trin: ukendt-"), -1},
		{"fixed offer", replace("tilbud/tilbud-00012.md", "trin: ukendt-", "trin: "), -1},
	}
	for _, st := range steps {
		st.edit()
		want, _, wantErr := build.Render(cfg)
		got, _, gotErr := b.Render()
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("%s: got error %v, want %v", st.name, gotErr, wantErr)
		}
		if wantErr != nil {
			continue
		}
		if diff := diffFiles(got, want); diff != "" {
			t.Fatalf("%s: incremental output differs from a full build:\n%s", st.name, diff)
		}
		if s := b.Stats(); st.most >= 0 && s.OffersRendered > st.most {
			t.Errorf("%s: rendered %d offer pages, want at most %d (reused %d)", st.name, s.OffersRendered, st.most, s.OffersReused)
		}
	}
}

// diffFiles lists the paths whose bytes differ between got and want.
func diffFiles(got, want map[string][]byte) string {
	var out []string
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			out = append(out, "missing "+p)
		case !bytes.Equal(g, w):
			out = append(out, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			out = append(out, "extra "+p)
		}
	}
	sort.Strings(out)
	if len(out) > 10 {
		out = append(out[:10], fmt.Sprintf("… and %d more", len(out)-10))
	}
	return strings.Join(out, "\n")
}
