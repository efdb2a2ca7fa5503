package content_test

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"tilbudsviften/internal/content"
)

// edit changes the base site for one case.
type edit func(t *testing.T, fsys fstest.MapFS)

// put writes a file.
func put(name, data string) edit {
	return func(t *testing.T, fsys fstest.MapFS) { fsys[name] = &fstest.MapFile{Data: []byte(data)} }
}

// replace replaces old, which must be there, by new in a file of the base site.
func replace(name, old, new string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		f := fsys[name]
		if f == nil || !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		f.Data = bytes.Replace(f.Data, []byte(old), []byte(new), 1)
	}
}

// page is sider/om.md with body: the body's first line is the file's line 6.
func page(body string) edit {
	return put("sider/om.md", "---\ntitel: Om sitet\nresume: Hvad sitet er.\nnummer: 1\n---\n"+body)
}

// otherHost is the error for an image at pos with the address dest, fetched from host.
func otherHost(pos, dest, host string) string {
	return pos + ": billedet " + strconv.Quote(dest) + " hentes fra " + host + ", en anden vært, som så kan se, hvem der læser siden; " +
		"læg billedet på sitet selv, eller skriv " + host + " under eksterne_vaerter i site.yaml, hvis I stoler på værten"
}

func loadEdited(t *testing.T, edits ...edit) (string, fstest.MapFS) {
	t.Helper()
	fsys := siteFS(t, nil)
	for _, e := range edits {
		e(t, fsys)
	}
	got, _ := load(t, fsys)
	return got, fsys
}

func lines(l ...string) string {
	if len(l) == 0 {
		return ""
	}
	return strings.Join(l, "\n") + "\n"
}

// TestImagesFromOtherHosts: every image a browser would fetch from another host is an error at
// the position of its "!", in every Markdown text the site renders (the bodies of offers,
// pages, principles and the concern guide, and the descriptions of topics, audiences and
// steps); links, the site's own images and images from eksterne_vaerter are not.
func TestImagesFromOtherHosts(t *testing.T) {
	const siteYAML = "site.yaml"
	allow := func(hosts string) edit {
		return func(t *testing.T, fsys fstest.MapFS) {
			// a copy: the base files share one buffer
			fsys[siteYAML].Data = slices.Concat(fsys[siteYAML].Data, []byte("eksterne_vaerter: ["+hosts+"]\n"))
		}
	}
	cases := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"https image in a page", []edit{page("Se ![kort](https://tracker.example/p.gif) her.\n")},
			lines(otherHost("content/sider/om.md:6:4", "https://tracker.example/p.gif", "tracker.example"))},
		{"http image without alt text", []edit{page("![](http://tracker.example/p.gif)\n")},
			lines(otherHost("content/sider/om.md:6:1", "http://tracker.example/p.gif", "tracker.example"))},
		{"protocol-relative image", []edit{page("Tekst.\n\n![logo](//cdn.example.net/logo.png)\n")},
			lines(otherHost("content/sider/om.md:8:1", "//cdn.example.net/logo.png", "cdn.example.net"))},
		{"reference image: at the image, not the definition", []edit{page("Tekst ![kort][k].\n\n[k]: https://maps.example/kort.png\n")},
			lines(otherHost("content/sider/om.md:6:7", "https://maps.example/kort.png", "maps.example"))},
		{"image inside a link: the image, not the link", []edit{page("[![knap](https://badge.example/b.svg)](https://andet.example/)\n")},
			lines(otherHost("content/sider/om.md:6:2", "https://badge.example/b.svg", "badge.example"))},
		{"image in a table cell", []edit{page("| a | b |\n|---|---|\n| x | ![t](https://t.example/x.png) |\n")},
			lines(otherHost("content/sider/om.md:8:7", "https://t.example/x.png", "t.example"))},
		{"image in an offer's list, upper-case scheme and host", []edit{replace("tilbud/aaben-raadgivning.md",
			"Du kan tale med en rådgiver.", "- ![x](HTTPS://T.Example/p.gif)\n\nDu kan tale med en rådgiver.")},
			lines(otherHost("content/tilbud/aaben-raadgivning.md:27:3", "HTTPS://T.Example/p.gif", "t.example"))},
		{"image in the professionals' section", []edit{replace("tilbud/aaben-raadgivning.md",
			"Henvis familien direkte.", "Henvis familien direkte. ![x](https://t.example/p.gif)")},
			lines(otherHost("content/tilbud/aaben-raadgivning.md:31:26", "https://t.example/p.gif", "t.example"))},
		{"slashes as character references", []edit{page("![x](&#47;&#47;t.example/p.gif)\n")},
			lines(otherHost("content/sider/om.md:6:1", "&#47;&#47;t.example/p.gif", "t.example"))},
		{"slashes as backslash escapes", []edit{page(`![x](\/\/t.example/p.gif)` + "\n")},
			lines(otherHost("content/sider/om.md:6:1", `\/\/t.example/p.gif`, "t.example"))},
		{"three slashes, user and port", []edit{page("![a](https:///t.example/a.gif) ![b](https://u@u.example:8443/b.gif)\n")},
			lines(otherHost("content/sider/om.md:6:1", "https:///t.example/a.gif", "t.example"),
				otherHost("content/sider/om.md:6:32", "https://u@u.example:8443/b.gif", "u.example"))},
		{"principle body", []edit{replace("principper/faellesskab.md", "Tekst om fællesskabet.", "Tekst om ![f](https://p.example/f.jpg) fællesskabet.")},
			lines(otherHost("content/principper/faellesskab.md:11:10", "https://p.example/f.jpg", "p.example"))},
		{"concern guide body", []edit{replace("bekymring/start.md", "Ring 112, hvis et barn er i fare.", "Ring 112.\n\n![112](https://g.example/112.png)")},
			lines(otherHost("content/bekymring/start.md:11:1", "https://g.example/112.png", "g.example"))},
		{"topic description", []edit{replace("emner.yaml", "beskrivelse: Når forældre går fra hinanden.", "beskrivelse: Når forældre går ![fra](https://e.example/e.png) hinanden.")},
			lines(otherHost("content/emner.yaml:3:36", "https://e.example/e.png", "e.example"))},
		{"audience description, quoted", []edit{replace("maalgrupper.yaml", "beskrivelse: Børn fra 0 til 12 år.", `beskrivelse: "Børn ![b](//b.example/b.png)"`)},
			lines(otherHost("content/maalgrupper.yaml:3:23", "//b.example/b.png", "b.example"))},
		{"step description as a literal block", []edit{replace("trin.yaml", "beskrivelse: Hjælp i dagtilbud, skole og fritid.", "beskrivelse: |\n    Hjælp i dagtilbud.\n\n    Se ![s](https://s.example/s.png)")},
			lines(otherHost("content/trin.yaml:7:8", "https://s.example/s.png", "s.example"))},
		{"step description on two lines: at the value", []edit{replace("trin.yaml", "beskrivelse: Råd og hjælp, før problemerne vokser.", "beskrivelse: Råd og hjælp,\n    før ![s](https://s.example/s.png) problemerne vokser.")},
			lines(otherHost("content/trin.yaml:8:16", "https://s.example/s.png", "s.example"))},
		{"an allowed host does not allow the others", []edit{allow("t.example"), page("![a](https://t.example/a.png) ![b](https://tracker.example/b.png)\n")},
			lines(otherHost("content/sider/om.md:6:31", "https://tracker.example/b.png", "tracker.example"))},

		{"allowed hosts, in any case", []edit{allow("T.example, cdn.example.net"), page("![a](https://t.example/a.png) ![b](//CDN.example.net/b.png)\n")}, ""},
		{"the site's own host (basisurl)", []edit{page("![a](https://tilbud.example.dk/billeder/a.png)\n")}, ""},
		{"links to other sites", []edit{page("Ring til [BørneTelefonen](https://boernetelefonen.example/), se <https://andet.example/> " +
			"eller [kortet][k].\n\n[k]: https://kort.example/\n")}, ""},
		{"the site's own images", []edit{page("![a](/billeder/a.png) ![b](billeder/b.png) ![c](../c.png) ![d](#d) ![e](/\\e.example/e.png)\n\n" +
			"![f](data:image/png;base64,iVBORw0KGgo=) ![g](mailto:a@example.dk)\n")}, ""},
		{"an address the renderer drops", []edit{page("![x](javascript:alert(1))\n")}, ""},
		{"raw HTML is not rendered, so it loads nothing", []edit{page(rawHTML)}, ""},
		{"an image in a code span or block is text", []edit{page("`![x](https://t.example/p.gif)`\n\n    ![y](https://t.example/q.gif)\n")}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := loadEdited(t, c.edits...)
			if got != c.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// rawHTML is every kind of raw HTML that would load something from another host if it were
// rendered.
const rawHTML = `<img src="https://t.example/a.gif" srcset="https://t.example/b.gif 2x">

<iframe src="https://t.example/frame"></iframe>

<script src="https://t.example/s.js"></script>

<video src="https://t.example/v.mp4"><source src="https://t.example/v.webm"><track src="https://t.example/v.vtt"></video>

<audio src="https://t.example/a.mp3"></audio>

<embed src="https://t.example/e.swf">

<object data="https://t.example/o.pdf"></object>

<link rel="stylesheet" href="https://t.example/s.css">

<picture><source srcset="https://t.example/p.webp"><img src="https://t.example/p.png"></picture>

<div style="background: url(https://t.example/bg.png)">Tekst</div>

Inline <img src="https://t.example/i.gif"> og <span style="background:url(//t.example/x.png)">tekst</span>.
`

// TestRawHTMLLoadsNothing holds the premise of the check of other hosts: raw HTML in a body is
// not rendered, so none of it can make the browser fetch anything. If this fails, raw HTML has
// been turned on, and the check must learn every element and attribute that loads.
func TestRawHTMLLoadsNothing(t *testing.T) {
	fsys := siteFS(t, nil)
	page(rawHTML)(t, fsys)
	s, _, err := content.Load(fsys, "content", content.Options{Now: today})
	if err != nil {
		t.Fatal(err)
	}
	body := string(s.Pages[0].Body)
	for _, bad := range []string{"t.example", "<img", "<iframe", "<script", "<video", "<audio", "<source", "<track", "<embed", "<object", "<link", "<picture", "style="} {
		if strings.Contains(body, bad) {
			t.Errorf("the page renders %q from raw HTML:\n%s", bad, body)
		}
	}
}

// TestAllowedHosts: eksterne_vaerter in site.yaml holds bare host names, each once; site.Config
// has them lower-case in file order, and anything else is an error at the entry that says what
// to write.
func TestAllowedHosts(t *testing.T) {
	const at = "content/site.yaml:13:5: "
	cases := []struct {
		name, yaml string
		want       string   // the error; "" for none
		hosts      []string // Config.AllowedHosts when there is no error
	}{
		{"hosts", "eksterne_vaerter:\n  - CDN.Example.dk\n  - xn--bl-lka.example\n", "", []string{"cdn.example.dk", "xn--bl-lka.example"}},
		{"none", "eksterne_vaerter: []\n", "", nil},
		{"an address", "eksterne_vaerter:\n  - https://cdn.example.dk/billeder\n",
			at + `"https://cdn.example.dk/billeder" er en adresse, ikke et værtsnavn; skriv kun navnet uden https:// og sti, fx "cdn.example.dk"`, nil},
		{"protocol-relative", "eksterne_vaerter:\n  - //cdn.example.dk\n",
			at + `"//cdn.example.dk" er en adresse, ikke et værtsnavn; skriv kun navnet uden https:// og sti, fx "cdn.example.dk"`, nil},
		{"a path", "eksterne_vaerter:\n  - cdn.example.dk/billeder\n",
			at + `"cdn.example.dk/billeder" er en adresse, ikke et værtsnavn; skriv kun navnet uden https:// og sti, fx "cdn.example.dk"`, nil},
		{"a port", "eksterne_vaerter:\n  - cdn.example.dk:8080\n",
			at + `"cdn.example.dk:8080" har et portnummer; skriv kun værtens navn, fx "cdn.example.dk"`, nil},
		{"a wildcard", "eksterne_vaerter:\n  - \"*.example.dk\"\n",
			at + `"*.example.dk": en stjerne (*) kan ikke bruges her; skriv hver vært for sig med hele navnet, fx "billeder.example.dk"`, nil},
		{"no domain", "eksterne_vaerter:\n  - localhost\n",
			at + `ugyldigt værtsnavn "localhost": der mangler et domæne, fx "billeder.kommune.dk"`, nil},
		{"æ, ø, å", "eksterne_vaerter:\n  - billeder.kø.dk\n",
			at + `ugyldigt værtsnavn "billeder.kø.dk"; brug kun a-z, 0-9, bindestreg og punktum (et navn med æ, ø eller å skrives, som browseren skriver det: xn--…)`, nil},
		{"other characters", "eksterne_vaerter:\n  - cdn_billeder.example.dk\n",
			at + `ugyldigt værtsnavn "cdn_billeder.example.dk"; brug kun a-z, 0-9, bindestreg og punktum, fx "billeder.kommune.dk"`, nil},
		{"twice", "eksterne_vaerter:\n  - cdn.example.dk\n  - CDN.example.dk\n",
			`content/site.yaml:14:5: værten "cdn.example.dk" står der to gange; slet den ene`, nil},
		{"not a list", "eksterne_vaerter: cdn.example.dk\n",
			`content/site.yaml:12:19: "eksterne_vaerter" skal være en liste af værtsnavne, ikke "cdn.example.dk"; skriv hvert punkt på sin egen linje med "- " foran`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t, nil)
			fsys["site.yaml"].Data = slices.Concat(fsys["site.yaml"].Data, []byte(c.yaml)) // a copy: the base files share one buffer
			got, _ := load(t, fsys)
			if want := lines(c.want); c.want == "" && got != "" || c.want != "" && got != want {
				t.Fatalf("errors:\n%s\nwant:\n%s", got, want)
			}
			if c.want != "" {
				return
			}
			s, _, err := content.Load(fsys, "content", content.Options{Now: today})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(s.Config.AllowedHosts, c.hosts) {
				t.Errorf("AllowedHosts %q, want %q", s.Config.AllowedHosts, c.hosts)
			}
		})
	}
}

// TestRepoContentLoadsNothingFromOtherHosts: the shipped site allows no other host, and no text
// of it renders an image from one.
func TestRepoContentLoadsNothingFromOtherHosts(t *testing.T) {
	s, _, err := content.Load(os.DirFS(repoContent), "content", content.Options{Now: today, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Config.AllowedHosts) != 0 {
		t.Errorf("content/site.yaml allows other hosts: %q", s.Config.AllowedHosts)
	}
	src := regexp.MustCompile(`(?i)<img[^>]*\ssrc="([^"]*)"`)
	remote := regexp.MustCompile(`(?i)^\s*([a-z][a-z0-9+.-]*:|[/\\]{2})`)
	check := func(where, html string) {
		for _, m := range src.FindAllStringSubmatch(html, -1) {
			if remote.MatchString(m[1]) && !strings.HasPrefix(strings.ToLower(m[1]), "data:") {
				t.Errorf("%s: image from another host: %s", where, m[1])
			}
		}
	}
	for _, o := range s.Offers {
		check(o.Source, string(o.Body))
	}
	for _, p := range s.Pages {
		check(p.Source, string(p.Body))
	}
	for _, p := range s.Principles {
		check(p.Source, string(p.Body))
	}
	for _, g := range s.Guides {
		check(g.Source, string(g.Body))
	}
	for _, x := range s.Topics {
		check("emner.yaml "+x.ID, string(x.Description))
	}
	for _, x := range s.Audiences {
		check("maalgrupper.yaml "+x.ID, string(x.Description))
	}
	for _, x := range s.Steps {
		check("trin.yaml "+x.ID, string(x.Description))
	}
}
