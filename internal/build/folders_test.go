package build_test

import (
	"html"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/site"
)

var (
	linkRe  = regexp.MustCompile(`<a\s[^>]*href="([^"]*)"`)
	mainRe  = regexp.MustCompile(`(?s)<main[ >].*</main>`)
	entryRe = regexp.MustCompile(`<li><a href="([^"]*)">([^<]*)</a>`)
)

// renderHerlev builds the shipped Herlev site in memory, or skips without it.
func renderHerlev(t *testing.T) (map[string][]byte, *build.Result) {
	t.Helper()
	if _, err := os.Stat("../../content/site.yaml"); err != nil {
		t.Skip("no content folder")
	}
	files, res, err := build.Render(build.Config{Content: os.DirFS("../../content"), ContentName: "content", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	return files, res
}

// TestEveryFolderHasPage: a visitor who cuts an address the Herlev site shows down to one of
// its folders finds a page there. Every folder above an HTML page, and above every file a
// page links to, has an index.html; so has every other folder of the output but assets/ and
// search/, whose files only the site's own pages fetch.
func TestEveryFolderHasPage(t *testing.T) {
	files, _ := renderHerlev(t)
	checked := map[string]bool{} // folder → checked
	check := func(from, file string) {
		for dir := path.Dir(file); dir != "." && dir != "/"; dir = path.Dir(dir) {
			if checked[dir+"/"] {
				continue
			}
			checked[dir+"/"] = true
			if _, ok := files[dir+"/index.html"]; !ok {
				t.Errorf("/%s/ has no index.html (reached from %s)", dir, from)
			}
		}
	}
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		check(p, p)
		for _, m := range linkRe.FindAllStringSubmatch(string(data), -1) {
			u, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
				continue // another site, tel:, mailto:, a fragment
			}
			target := strings.TrimPrefix(u.Path, "/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := files[target]; ok {
				check(p, target)
			}
		}
	}
	for _, dir := range []string{"tilbud/", "data/", "data/hsds/", "data/hsds/services/", "data/hsds/tabular/", "schema/"} {
		if !checked[dir] {
			t.Errorf("/%s is above no page and no linked file, want it checked", dir)
		}
	}
	for p := range files {
		if strings.HasPrefix(p, "assets/") || strings.HasPrefix(p, "search/") {
			continue
		}
		for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
			if _, ok := files[dir+"/index.html"]; !ok && !checked[dir+"/"] {
				checked[dir+"/"] = true
				t.Errorf("/%s/ has no index.html (holds %s)", dir, p)
			}
		}
	}

	// A folder of one file per offer says so and links its collection, not the files.
	services := string(files["data/hsds/services/index.html"])
	for _, want := range []string{`href="/data/hsds/services/page-1.json"`, `href="/data/"`, "én fil pr. tilbud"} {
		if !strings.Contains(services, want) {
			t.Errorf("/data/hsds/services/ lacks %q", want)
		}
	}
	for p := range files {
		if strings.HasPrefix(p, "data/hsds/services/") && !strings.HasSuffix(p, "/page-1.json") && strings.Contains(services, `"/`+p+`"`) {
			t.Errorf("/data/hsds/services/ links %s; want only the collection file", p)
		}
	}
	// /data/ links every open-data file a professional or developer starts from.
	data := string(files["data/index.html"])
	for _, want := range []string{"/data/tilbud.csv", "/data/tilbud.json", "/data/hsds/index.json", "/data/hsds/profile/",
		"/data/hsds/services/", "/data/hsds/tabular/", "/feed.atom", "/kalender.ics", "/schema/"} {
		if !strings.Contains(data, `href="`+want+`"`) {
			t.Errorf("/data/ does not link %s", want)
		}
	}
}

// TestAllOffersPage: /tilbud/ lists every offer of the Herlev site, title and link, in Danish
// alphabetical order, in its HTML (no script needed), as /a-aa/ does.
func TestAllOffersPage(t *testing.T) {
	files, res := renderHerlev(t)
	offers := slices.Clone(res.Site.Offers)
	sort.SliceStable(offers, func(i, j int) bool {
		a, b := offers[i], offers[j]
		if a.Title != b.Title {
			return site.Less(a.Title, b.Title)
		}
		return a.Slug < b.Slug
	})
	var want []string
	for _, o := range offers {
		want = append(want, o.URL()+" "+o.Title)
	}
	entries := func(p string) []string {
		main := mainRe.FindString(string(files[p]))
		if main == "" {
			t.Fatalf("%s: no <main>", p)
		}
		var list []string
		for _, m := range entryRe.FindAllStringSubmatch(main, -1) {
			if strings.HasPrefix(m[1], "/tilbud/") {
				list = append(list, m[1]+" "+html.UnescapeString(m[2]))
			}
		}
		return list
	}
	got := entries("tilbud/index.html")
	if !slices.Equal(got, want) {
		t.Errorf("/tilbud/ lists %d offers:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
	if az := entries("a-aa/index.html"); !slices.Equal(az, got) {
		t.Errorf("/a-aa/ lists\n%s\nwant what /tilbud/ lists", strings.Join(az, "\n"))
	}
	page := string(files["tilbud/index.html"])
	for _, want := range []string{"<h1>Alle tilbud</h1>", `<li><a href="/">Forside</a></li>`, "<title>Alle tilbud – " + res.Site.Config.Name + "</title>"} {
		if !strings.Contains(page, want) {
			t.Errorf("/tilbud/ lacks %q", want)
		}
	}
	if strings.Contains(mainRe.FindString(page), "<script") {
		t.Error("/tilbud/ has a script in its main content")
	}
}
