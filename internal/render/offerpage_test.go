package render

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/content/contenttest"
	"tilbudsviften/internal/gen"
	"tilbudsviften/internal/site"
	"tilbudsviften/templates"
)

// oddOffers are offers that take the offer page's rarer branches: drafts, a closed offer,
// an alert, meeting times, places with and without an address, links with a tel: address
// (which html/template refuses), no contact at all, characters every escaper must handle.
var oddOffers = map[string]string{
	"tilbud/lukket.md": `---
titel: Lukket & "lille" <gruppe> + 'mere'
resume: Et tilbud med alt det sjældne – også + og &.
maalgrupper: [foraeldre]
alder: {fra: 3, til: 3}
emner: [skilsmisse]
adgang:
  vej: via-fagperson
  via: PPR eller jeres læge
trin: forebyggelse
udbyder: kommune
ansvarlig: Redaktionen & co.
pris:
  gratis: false
  tekst: 50 kr. pr. gang
status: midlertidigt-lukket
besked: Vi holder lukket til 1. marts – ring & spørg.
steder:
  - navn: Huset på "hjørnet"
    adresse: Søvej 1 & 2
    postnummer: "2730"
    by: Herlev
    note: Indgang fra gården.
  - navn: Torvet
    adresse: Torvet 3
  - navn: Kun et navn
    note: Vi mødes udenfor.
moedetider:
  - tir 17-19 (forældregruppe)
sprog: [da, en, ar]
links:
  - titel: Ring til os
    url: tel:+4544527000
  - titel: Læs om "det" & mere
    url: https://example.dk/læs mere?a=1&b=2
lovgrundlag: Barnets lov § 30
tjekkes: adressen
gennemgaaet: 2026-11-01
kilder:
  - url: https://www.example.dk/kilde?x=1&y=æ
  - url: https://example.dk/k2
    titel: Kilde med titel
---
Tekst med **fed** og [et link](https://example.dk/?q=1&r=2).
`,
	"tilbud/kommende.md": `---
titel: Kommende
resume: Udgives senere.
maalgrupper: [boern]
emner: [skilsmisse]
trin: forebyggelse
adgang:
  vej: kraever-afgoerelse
besked: Læs dette først.
udgives: 2027-01-01
udbyder: kommune
gennemgaaet: 2026-11-01
ansvarlig: Redaktionen
kilder:
  - url: https://example.dk/
---
Tekst.
`,
	"tilbud/udloebet.md": `---
titel: Udløbet
resume: Er udløbet.
maalgrupper: [boern]
emner: [skilsmisse]
trin: forebyggelse
adgang:
  vej: kom-selv
udbyder: kommune
udloeber: 2026-01-01
gennemgaaet: 2026-11-01
ansvarlig: Redaktionen
kilder:
  - url: https://example.dk/
---
Tekst.
`,
}

// TestOfferPageWriter: the offer pages the renderer writes itself are byte-equal to what
// templates/offer.html gives, on the Herlev content, the base test site with the odd
// offers (with and without drafts) and a generated site.
func TestOfferPageWriter(t *testing.T) {
	odd := contenttest.Base(t)
	for name, data := range oddOffers {
		odd[name] = &fstest.MapFile{Data: []byte(data)}
	}
	sites := []struct {
		name   string
		fsys   fs.FS
		drafts bool
	}{
		{"herlev", os.DirFS("../../content"), false},
		{"odd", odd, false},
		{"odd with drafts", odd, true},
		{"generated", gen.FS(300), false},
	}
	fast, err := New(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	if !fast.writeOffers {
		t.Fatal("the default theme does not get the offer page writer")
	}
	slow, err := New(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	slow.writeOffers = false
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	for _, tc := range sites {
		s, _, err := content.Load(tc.fsys, "content", content.Options{Now: now, Drafts: tc.drafts})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want := renderAll(t, slow, s)
		got := renderAll(t, fast, s)
		offers := 0
		for path, w := range want {
			if !bytes.Equal(got[path], w) {
				t.Errorf("%s: %s differs from the template's:\n%s", tc.name, path, firstDiff(got[path], w))
			}
			if strings.HasPrefix(path, "tilbud/") {
				offers++
			}
		}
		if offers != len(s.Offers) || len(got) != len(want) {
			t.Errorf("%s: %d offer pages of %d offers; %d files, want %d", tc.name, offers, len(s.Offers), len(got), len(want))
		}
	}
}

func renderAll(t *testing.T, r *Renderer, s *site.Site) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	if err := r.Site(s, func(path string, data []byte) error {
		files[path] = data
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return files
}

// firstDiff shows where two pages first differ.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return "got:  …" + string(got[from:min(len(got), i+120)]) + "\nwant: …" + string(want[from:min(len(want), i+120)])
}

// TestOwnOfferTemplate: a theme with its own offer.html gets its template, not the writer.
func TestOwnOfferTemplate(t *testing.T) {
	theme := fstest.MapFS{}
	entries, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(templates.FS, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		theme[e.Name()] = &fstest.MapFile{Data: data}
	}
	theme["offer.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<p class="own">{{.Offer.Title}}</p>{{end}}`)}
	r, err := New(theme)
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := content.Load(contenttest.Base(t), "content", content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := renderAll(t, r, s)["tilbud/aaben-raadgivning/index.html"]
	if !bytes.Contains(page, []byte(`<p class="own">Åben rådgivning</p>`)) {
		t.Errorf("the own offer.html was not used:\n%s", page)
	}
}
