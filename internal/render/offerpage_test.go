package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"slices"
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
// (which html/template refuses), no contact at all, a unit's contact for want of the offer's
// own, a source with a note, characters every escaper must handle.
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
	"tilbud/reserve.md": `---
titel: Uden eget nummer
resume: Et tilbud, hvis side viser enhedens kontakt.
maalgrupper: [foraeldre]
emner: [skilsmisse]
trin: forebyggelse
adgang:
  vej: kom-selv
udbyder: kommune
enhed: center
gennemgaaet: 2026-11-01
ansvarlig: Redaktionen
kilder:
  - url: https://example.dk/reserve
    titel: Reserve
    laest: 2026-11-01
    note: En ældre side gav et andet nummer & andre tider; den nyeste er brugt.
---
Tekst.
`,
	"kontakter/center.yaml": `navn: Center for "Børn" & Unge
udbyder: kommune
telefon: 44 00 00 01
email: center@example.dk
kilder:
  - url: https://example.dk/center
gennemgaaet: 2026-11-01
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
	// A host the odd site allows images from: its pages' CSP names it, in both writers.
	odd["site.yaml"] = &fstest.MapFile{Data: slices.Concat(odd["site.yaml"].Data, []byte("\neksterne_vaerter: [billeder.example.dk]\n"))}
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
		t.Fatal("the default theme does not get the offer page writer: a file of pageWriterSums changed; " +
			"make offerpage.go write what the templates now give (this test shows the difference) and update its sum")
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
		if strings.HasPrefix(tc.name, "odd") {
			csp := "img-src 'self' data: https://billeder.example.dk;"
			for _, path := range []string{"tilbud/reserve/index.html", "index.html", "_headers"} {
				if !bytes.Contains(want[path], []byte(csp)) {
					t.Errorf("%s: %s lacks %q", tc.name, path, csp)
				}
			}
		}
		offers := 0
		for path, w := range want {
			if !bytes.Equal(got[path], w) {
				t.Errorf("%s: %s differs from the template's:\n%s", tc.name, path, firstDiff(got[path], w))
			}
			if strings.HasPrefix(path, "tilbud/") && path != "tilbud/index.html" { // the list of all offers is no offer page
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

// TestOwnOfferTemplate: a theme with its own offer.html gets its template, not the writer, and
// one whose list.html defines its own card gets that card in every listing.
func TestOwnOfferTemplate(t *testing.T) {
	s, _, err := content.Load(contenttest.Base(t), "content", content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for file, tc := range map[string]struct{ source, page, want string }{
		"offer.html": {`{{define "main"}}<p class="own">{{.Offer.Title}}</p>{{end}}`, "tilbud/aaben-raadgivning/index.html", `<p class="own">Åben rådgivning</p>`},
		"list.html":  {`{{define "main"}}{{template "cards" (cards $ .Offers)}}{{end}}{{define "card"}}<b>{{.Title}}</b>{{end}}`, "emner/skilsmisse/index.html", `<li><b>Åben rådgivning</b></li>`},
	} {
		r, err := New(themeWith(t, file, tc.source))
		if err != nil {
			t.Fatal(err)
		}
		page := renderAll(t, r, s)[tc.page]
		if r.writeOffers || !bytes.Contains(page, []byte(tc.want)) {
			t.Errorf("own %s: writer on %v; %s does not show %s:\n%s", file, r.writeOffers, tc.page, tc.want, page)
		}
	}
}

// themeWith returns the default theme with one file replaced.
func themeWith(t *testing.T, name, source string) fstest.MapFS {
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
	theme[name] = &fstest.MapFile{Data: []byte(source)}
	return theme
}

// TestWriterEscaping holds the writer's escaping to html/template's on awkward values: text and
// attribute values, whole URLs (with the scheme check) and URL parts.
func TestWriterEscaping(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<p title="{{.}}">{{.}}</p><a href="{{.}}">x</a><a href="sms:{{.}}">x</a>`))
	for _, v := range []string{"", "plain", `&'"+<>`, "a\x00b", "\xff\xfe", "æøå – ü", "\u2028\ufdd0",
		"https://example.dk/læs mere?a=1&b=2#x", "javascript:alert(1)", " javascript:x", "tel:+4512345678", "data:x",
		"mailto:a@b.dk?subject=Fejl på siden", "HTTPS://X", "a:b/c", "/a:b", "'()", "%zz", "%4", "%41%2f", "//host/p", "?q=1"} {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		var w offerWriter
		w.raw(`<p title="`)
		w.text(v)
		w.raw(`">`)
		w.text(v)
		w.raw(`</p><a href="`)
		w.url(v, false)
		w.raw(`">x</a><a href="sms:`)
		w.urlPart(v)
		w.raw(`">x</a>`)
		if string(w.b) != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", v, w.b, want.String())
		}
	}
}
