package content_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/content/contenttest"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/errors/*.txtar")

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// siteFS returns the base site with the files of overlay laid over it.
func siteFS(t *testing.T, overlay *txtar.Archive) fstest.MapFS {
	t.Helper()
	fsys := contenttest.Base(t)
	if overlay != nil {
		for _, f := range overlay.Files {
			if f.Name != "want" {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
	}
	return fsys
}

func load(t *testing.T, fsys fstest.MapFS) (string, *content.Report) {
	t.Helper()
	_, report, err := content.Load(fsys, "content", content.Options{Now: today})
	if err == nil {
		return "", report
	}
	var list content.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load returned %T, want content.ErrorList: %v", err, err)
	}
	return list.Error() + "\n", report
}

func TestBaseIsValid(t *testing.T) {
	got, report := load(t, siteFS(t, nil))
	if got != "" {
		t.Fatalf("base site has errors:\n%s", got)
	}
	if len(report.Warnings) != 0 {
		t.Errorf("base site has warnings:\n%s", report.Warnings.Error())
	}
}

// TestErrors runs each case in testdata/errors: the case's files are laid over the base site,
// and the errors Load reports must equal the case's "want" section, line for line.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases in testdata/errors")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := load(t, siteFS(t, ar))
			var want *txtar.File
			for i := range ar.Files {
				if ar.Files[i].Name == "want" {
					want = &ar.Files[i]
				}
			}
			if want == nil {
				t.Fatal("case has no want section")
			}
			if *update {
				want.Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got == "" {
				t.Fatalf("Load reported no error, want:\n%s", want.Data)
			}
			if got != string(want.Data) {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want.Data)
			}
		})
	}
}

func TestNotUTF8(t *testing.T) {
	fsys := siteFS(t, nil)
	fsys["sider/om.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Om\nresume: K\xf8benhavn\n---\n")}
	got, _ := load(t, fsys)
	want := "content/sider/om.md:3:10: filen er ikke gemt som UTF-8 (ugyldigt tegn her); gem den som UTF-8 i din editor\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBOMAndCRLFAccepted(t *testing.T) {
	fsys := siteFS(t, nil)
	for _, name := range []string{"tilbud/aaben-raadgivning.md", "site.yaml", "emner.yaml"} {
		data := bytes.ReplaceAll(fsys[name].Data, []byte("\n"), []byte("\r\n"))
		fsys[name] = &fstest.MapFile{Data: append([]byte("\xef\xbb\xbf"), data...)}
	}
	s, _, err := content.Load(fsys, "content", content.Options{Now: today})
	if err != nil {
		t.Fatalf("BOM and CRLF: %v", err)
	}
	if got := s.Offers[0].Title; got != "Åben rådgivning" {
		t.Errorf("title %q", got)
	}
	// An error in a CRLF file still has the right position.
	fsys["tilbud/aaben-raadgivning.md"].Data = bytes.Replace(fsys["tilbud/aaben-raadgivning.md"].Data, []byte("trin: forebyggelse"), []byte("trin: nej"), 1)
	got, _ := load(t, fsys)
	if want := "content/tilbud/aaben-raadgivning.md:7:7: ukendt trin \"nej\"; de kendte står i trin.yaml\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestModel(t *testing.T) {
	s, _, err := content.Load(siteFS(t, nil), "content", content.Options{Now: today})
	if err != nil {
		t.Fatal(err)
	}
	o := s.Offers[0]
	if o.Step.ID != "forebyggelse" || o.Step.Rank != 2 {
		t.Errorf("step %q rank %d, want forebyggelse rank 2", o.Step.ID, o.Step.Rank)
	}
	if o.Age == nil || o.Age.From != 0 || o.Age.To != 17 {
		t.Errorf("age %+v, want 0–17", o.Age)
	}
	if !o.Access.Anonymous || o.Access.Route != "kom-selv" || len(o.Access.Steps) != 1 {
		t.Errorf("access %+v", o.Access)
	}
	if !o.Free() {
		t.Error("offer should be free")
	}
	if len(o.Contacts) != 1 || o.Contacts[0].Phone != "44 52 00 00" || len(o.Contacts[0].PhoneHours) != 2 {
		t.Errorf("contacts %+v", o.Contacts)
	}
	if h := o.Contacts[0].PhoneHours[1]; h.Note != "også aftenåbent" || h.Closes != 17*60 {
		t.Errorf("hours %+v", h)
	}
	if !strings.Contains(o.FamilyText, "Du kan tale med en rådgiver") || strings.Contains(o.FamilyText, "Henvis") {
		t.Errorf("family text %q", o.FamilyText)
	}
	if o.ProText != "Henvis familien direkte." {
		t.Errorf("pro text %q", o.ProText)
	}
	if len(s.Principles[0].Offers) != 1 || len(s.Topics[0].Offers) != 1 || len(s.Topics[1].Offers) != 0 {
		t.Error("back-references not filled in")
	}
	var bands []string
	for _, b := range s.AgeBands {
		if len(b.Offers) > 0 {
			bands = append(bands, b.ID)
		}
	}
	if got := strings.Join(bands, " "); got != "0-2 3-5 6-12 13-17" {
		t.Errorf("age bands with the offer: %s", got)
	}
	if !s.Topics[1].Sensitive || s.Topics[0].Sensitive {
		t.Error("sensitive flag")
	}
}

func TestReport(t *testing.T) {
	fsys := siteFS(t, nil)
	fsys["tilbud/aaben-raadgivning.md"].Data = bytes.Replace(fsys["tilbud/aaben-raadgivning.md"].Data,
		[]byte("gennemgaaet: 2026-11-01\n"), []byte("gennemgaaet: 2025-11-01\ntjekkes: Åbningstiderne er fra 2021.\n"), 1)
	fsys["site.yaml"].Data = []byte("navn: Prøve\nkommune: Prøve Kommune\nbeskrivelse: Tilbud.\n")
	_, report, err := content.Load(fsys, "content", content.Options{Now: today})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"content/site.yaml:1:1: basisurl mangler: sitemap, feeds og delte links bliver uden fuld adresse",
		"content/site.yaml:1:1: redaktion.email mangler: uden den kan besøgende ikke sende rettelser (\"Ret en fejl\")",
		"content/tilbud/aaben-raadgivning.md:20:14: tilbuddet blev sidst gennemgået 2025-11-01 og skulle gennemgås igen senest 2026-11-01; tjek oplysningerne og ret datoen",
	}, "\n")
	if got := report.Warnings.Error(); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
	if got, want := report.Unverified.Error(), "content/tilbud/aaben-raadgivning.md:21:10: skal tjekkes: Åbningstiderne er fra 2021."; got != want {
		t.Errorf("unverified:\n%s\nwant:\n%s", got, want)
	}
}

func TestPublishWindow(t *testing.T) {
	fsys := siteFS(t, nil)
	fsys["tilbud/aaben-raadgivning.md"].Data = bytes.Replace(fsys["tilbud/aaben-raadgivning.md"].Data,
		[]byte("ansvarlig: Redaktionen\n"), []byte("ansvarlig: Redaktionen\nudgives: 2026-12-01\n"), 1)
	s, report, err := content.Load(fsys, "content", content.Options{Now: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Offers) != 0 || report.Hidden != 1 {
		t.Errorf("got %d offers, %d hidden; want 0 and 1", len(s.Offers), report.Hidden)
	}
	s, _, _ = content.Load(fsys, "content", content.Options{Now: today, Drafts: true})
	if len(s.Offers) != 1 {
		t.Errorf("with drafts: %d offers, want 1", len(s.Offers))
	}
	s, _, _ = content.Load(fsys, "content", content.Options{Now: today.AddDate(0, 1, 0)})
	if len(s.Offers) != 1 {
		t.Errorf("after the publish date: %d offers, want 1", len(s.Offers))
	}
}

// TestFallbackContact follows an offer without a phone or e-mail of its own down its fallbacks:
// nothing to show is a warning (tjekkes or not: the page has no number to call); the
// municipality's general contact (site.yaml kontakt), the provider's (udbydere kontakt) and the
// unit's (enhed) stand in, the nearest first, each listed in Fallbacks by name and file; a
// fallback without phone or e-mail is passed over with a warning.
func TestFallbackContact(t *testing.T) {
	fsys := siteFS(t, nil)
	offer := fsys["tilbud/aaben-raadgivning.md"]
	offer.Data = bytes.Replace(offer.Data, []byte("kontakter: [raadgivning]\n"), []byte("tjekkes: Telefonnummeret mangler.\n"), 1)
	fsys["kontakter/kommune.yaml"] = &fstest.MapFile{Data: []byte("navn: Prøve Kommune\nudbyder: kommune\ntelefon: 44 00 00 00\n" +
		"kilder:\n  - url: https://example.dk/kontakt\ngennemgaaet: 2026-11-01\n")}
	fsys["kontakter/center.yaml"] = &fstest.MapFile{Data: []byte("navn: Center for Børn\nudbyder: kommune\nemail: center@example.dk\n" +
		"kilder:\n  - url: https://example.dk/center\ngennemgaaet: 2026-11-01\n")}
	fsys["kontakter/uden.yaml"] = &fstest.MapFile{Data: []byte("navn: Kontor uden nummer\nudbyder: kommune\nweb: https://example.dk/kontor\n" +
		"kilder:\n  - url: https://example.dk/kontor\ngennemgaaet: 2026-11-01\n")}
	check := func(step, wantWarn, wantFallback string) {
		t.Helper()
		_, report, err := content.Load(fsys, "content", content.Options{Now: today})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		text := func(l content.ErrorList) string {
			if len(l) == 0 {
				return ""
			}
			return l.Error()
		}
		if got := text(report.Warnings); got != wantWarn {
			t.Errorf("%s: warnings:\n%s\nwant:\n%s", step, got, wantWarn)
		}
		if got := text(report.Fallbacks); got != wantFallback {
			t.Errorf("%s: fallbacks:\n%s\nwant:\n%s", step, got, wantFallback)
		}
	}
	check("no fallback", "content/tilbud/aaben-raadgivning.md:2:8: tilbuddet har hverken telefon eller e-mail, og der er ingen at vise i stedet; "+
		"tilføj en kontakt med telefon eller e-mail, en enhed (enhed:), udbyderens kontakt (kontakt: i udbydere/) eller kommunens kontakt (kontakt: i site.yaml)", "")

	site := fsys["site.yaml"]
	site.Data = append(site.Data, []byte("kontakt: kommune\n")...)
	check("municipality", "", "content/tilbud/aaben-raadgivning.md:2:8: tilbuddet har ingen egen telefon eller e-mail; siden viser i stedet "+
		"kommunens fælles kontakt (Prøve Kommune, content/kontakter/kommune.yaml); tilføj tilbuddets egen, når den kendes")

	provider := fsys["udbydere/kommune.yaml"]
	provider.Data = append(provider.Data, []byte("kontakt: center\n")...)
	check("provider", "", "content/tilbud/aaben-raadgivning.md:2:8: tilbuddet har ingen egen telefon eller e-mail; siden viser i stedet "+
		"udbyderens fælles kontakt (Center for Børn, content/kontakter/center.yaml); tilføj tilbuddets egen, når den kendes")

	offer.Data = bytes.Replace(offer.Data, []byte("tjekkes:"), []byte("enhed: uden\ntjekkes:"), 1)
	check("unit without phone or e-mail", "content/tilbud/aaben-raadgivning.md:16:8: enheden \"uden\" har hverken telefon eller e-mail, "+
		"så siden kan ikke vise den i stedet for tilbuddets egen; tilføj enhedens telefon eller e-mail i content/kontakter/uden.yaml",
		"content/tilbud/aaben-raadgivning.md:2:8: tilbuddet har ingen egen telefon eller e-mail; siden viser i stedet "+
			"udbyderens fælles kontakt (Center for Børn, content/kontakter/center.yaml); tilføj tilbuddets egen, når den kendes")

	offer.Data = bytes.Replace(offer.Data, []byte("enhed: uden"), []byte("enhed: kommune"), 1)
	check("unit", "", "content/tilbud/aaben-raadgivning.md:2:8: tilbuddet har ingen egen telefon eller e-mail; siden viser i stedet "+
		"enheden, der står for tilbuddet (Prøve Kommune, content/kontakter/kommune.yaml); tilføj tilbuddets egen, når den kendes")

	site.Data = append(site.Data[:len(site.Data)-len("kontakt: kommune\n")], []byte("kontakt: uden\n")...)
	check("municipality without phone or e-mail", "content/site.yaml:12:10: kontakten \"uden\" har hverken telefon eller e-mail, "+
		"så siderne kan ikke vise den i stedet for et tilbuds egen; tilføj telefon eller e-mail i content/kontakter/uden.yaml",
		"content/tilbud/aaben-raadgivning.md:2:8: tilbuddet har ingen egen telefon eller e-mail; siden viser i stedet "+
			"enheden, der står for tilbuddet (Prøve Kommune, content/kontakter/kommune.yaml); tilføj tilbuddets egen, når den kendes")
}

// TestLixWarning lowers the site's readability limit below the base offer's text and expects
// a warning at the start of the body naming what to shorten.
func TestLixWarning(t *testing.T) {
	fsys := siteFS(t, nil)
	fsys["site.yaml"].Data = append(fsys["site.yaml"].Data, []byte("lix_graense: 5\n")...)
	_, report, err := content.Load(fsys, "content", content.Options{Now: today})
	if err != nil {
		t.Fatal(err)
	}
	got := report.Warnings.Error()
	for _, want := range []string{"content/tilbud/aaben-raadgivning.md:", "teksten til familier har LIX ", "(grænsen er 5); gør de længste sætninger kortere: \"", "ord)"} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nwant them to contain %q", got, want)
		}
	}
}
