package render

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"path"
	"regexp"
	"slices"
	"strings"

	"tilbudsviften/internal/export"
	"tilbudsviften/internal/site"
)

// DataTitle is the heading of /data/, the page that lists the site's open data.
const DataTitle = "Åbne data"

// folderText is what the page of a known folder says. Paths are relative to the site's root,
// folders end in a slash.
type folderText struct {
	dir   string
	title string
	lead  string   // the first paragraph, also the page's description
	short string   // what /data/ says of the folder, for the HSDS folders
	more  []string // further paragraphs
	// collection is the folder's collection file, relative to the folder: the first page of
	// the list of what the folder holds one file each of, or the file that describes the rest.
	collection, collectionName string
	// files lists the folder's files on its page: set only where their number is fixed by the
	// product, not by the content (a folder with one file per offer holds 50 000 at national scale).
	files bool
}

// pagedText is the paragraph of a folder that holds one file per object and the whole list in pages.
func pagedText(each string) string {
	return fmt.Sprintf("Filerne er ikke listet her, for der er én pr. %s. Hele listen står på sider med %d på hver: page-1.json, page-2.json og så videre.",
		each, export.PageSize)
}

// folderTexts describes the folders the build publishes files in without a page of their own.
// A folder not listed here gets a neutral page (fallbackFolder); /data/ itself is a page of the
// theme (data.html).
var folderTexts = []folderText{
	{dir: export.HSDSDir, title: "Tilbuddene i HSDS 3.0", short: "Oversigt over HSDS-filerne og deres mapper.",
		lead: "Her ligger alle tilbud, udbydere, steder og ordlister i standarden Open Referral HSDS 3.0 (Human Services Data Specification), så andre systemer kan bruge dem.",
		more: []string{
			"Sitet er statisk, så hvert API-endpoint er en fast fil. index.json er API'ets rod og fortæller, hvilken fil hvert endpoint svarer til.",
			"HSDS-profilen beskriver de danske ordlister og de felter, vi har tilføjet til standarden.",
		},
		collection: "index.json", collectionName: "API'ets rod (index.json)"},
	{dir: export.HSDSDir + "services/", title: "Tilbud (services)",
		short:      fmt.Sprintf("Ét tilbud pr. fil med alle oplysninger, og alle tilbud på sider med %d på hver.", export.PageSize),
		lead:       "Her ligger én fil pr. tilbud med alle oplysninger om tilbuddet i HSDS 3.0. Filen hedder tilbuddets HSDS-id med .json efter.",
		more:       []string{pagedText("tilbud"), "Tilbuddets HSDS-id står også i regnearket med alle tilbud."},
		collection: "page-1.json", collectionName: "Første side af listen (page-1.json)"},
	{dir: export.HSDSDir + "organizations/", title: "Udbydere (organizations)",
		short:      "Én udbyder pr. fil: kommunen, regionen, staten eller en forening.",
		lead:       "Her ligger én fil pr. udbyder – kommunen, regionen, staten eller en forening – med udbyderens kontaktoplysninger og tilbud i HSDS 3.0.",
		more:       []string{pagedText("udbyder")},
		collection: "page-1.json", collectionName: "Første side af listen (page-1.json)"},
	{dir: export.HSDSDir + "service_at_locations/", title: "Tilbud på et sted (service_at_locations)",
		short:      "Ét tilbud på ét sted pr. fil, med stedets adresse.",
		lead:       "Her ligger én fil pr. sted, hvor et tilbud gives: tilbuddet og stedets adresse i HSDS 3.0.",
		more:       []string{pagedText("sted")},
		collection: "page-1.json", collectionName: "Første side af listen (page-1.json)"},
	{dir: export.HSDSDir + "locations/", title: "Steder (locations)",
		short:      "Alle steder, hvor tilbuddene gives, og udbydernes adresser.",
		lead:       fmt.Sprintf("Her ligger alle steder, hvor tilbuddene gives, og udbydernes adresser, på sider med %d på hver.", export.PageSize),
		more:       []string{"Der er ingen fil pr. sted: stederne står også under tilbuddene. Listen over steder findes ikke i HSDS 3.0; den er vores tilføjelse."},
		collection: "page-1.json", collectionName: "Første side af listen (page-1.json)"},
	{dir: export.HSDSDir + "taxonomies/", title: "Ordlister (taxonomies)",
		short:      "Ordlisterne, tilbuddene er ordnet efter: målgrupper, emner, trin og flere.",
		lead:       "Her ligger én fil pr. ordliste (taksonomi), som tilbuddene er ordnet efter, fx målgrupper, emner og trin på indsatstrappen.",
		more:       []string{"Alle ordlister står også samlet i page-1.json. HSDS-profilen forklarer hver ordliste."},
		collection: "page-1.json", collectionName: "Alle ordlister (page-1.json)"},
	{dir: export.HSDSDir + "taxonomy_terms/", title: "Ord i ordlisterne (taxonomy_terms)",
		short:      "Ordene i ordlisterne, ét pr. fil.",
		lead:       "Her ligger én fil pr. ord i ordlisterne, fx et emne eller en målgruppe, sammen med den ordliste, ordet hører til.",
		more:       []string{pagedText("ord")},
		collection: "page-1.json", collectionName: "Første side af listen (page-1.json)"},
	{dir: export.TabularDir, title: "Tabeller (Tabular Data Package)",
		short:      "De samme data som CSV-tabeller, én pr. slags oplysning.",
		lead:       "Her ligger de samme HSDS-data som tabeller: én CSV-fil pr. slags oplysning og datapackage.json, der beskriver filerne og deres kolonner.",
		more:       []string{"CSV-filerne er UTF-8 med komma mellem felterne, som HSDS foreskriver. Til Excel er regnearket med alle tilbud lettere at bruge."},
		collection: "datapackage.json", collectionName: "Beskrivelsen af tabellerne (datapackage.json)", files: true},
	{dir: "schema/", title: "JSON-skemaer til redaktører",
		lead: "Skemaerne beskriver sitets indholdsfiler, så redaktørens editor kan hjælpe, mens der skrives.",
		more: []string{
			"Der er et skema for hver slags fil: tilbud, kontakter, udbydere og de andre. Skemaet siger, hvilke felter filen kan have, hvilke der skal udfyldes, og hvilke værdier der er tilladt – også sitets egne emner, målgrupper og trin.",
			"En editor som Visual Studio Code med YAML-udvidelsen bruger skemaerne til at foreslå felter og vise fejl med det samme. Kommandoen viften check er stadig den endelige kontrol, før en ændring bliver udgivet.",
		},
		files: true},
}

// dataFolders returns the HSDS folders /data/ lists: their titles, leads and addresses.
func dataFolders() []Entry {
	var list []Entry
	for _, f := range folderTexts {
		if strings.HasPrefix(f.dir, export.HSDSDir) {
			list = append(list, Entry{Name: f.title, URL: "/" + f.dir, Text: f.short})
		}
	}
	return list
}

// skipFolders are the folders (with everything under them) that get no page. Their files are
// fetched by the site's own pages and never shown to a visitor as an address to cut down:
// assets/ holds the stylesheet, scripts and icon under content-hashed names, and the host
// headers (_headers) let browsers cache everything under /assets/ for a year, so a page there
// would be served stale long after the site changed; search/ holds the parts of the search
// index that search.js fetches, in a format of its own that is no public interface.
var skipFolders = []string{"assets/", "search/"}

// fallbackFolder returns what a folder the site knows nothing about says.
func fallbackFolder(dir string) folderText {
	return folderText{dir: dir, title: "Mappen /" + dir,
		lead: "Her ligger filer, som sitet udgiver. Mappen har ingen oversigt over filerne.",
		more: []string{"Du finder alle tilbud på forsiden og på listen over alle tilbud."}}
}

// Folders renders a page for every folder of the output that has none: every folder that holds
// one of files (path → bytes, the rest of the build) or a folder that does, but no index.html,
// except skipFolders. Such a
// folder is reached by cutting a file's address, e.g. /data/hsds/services/<id>.json down to
// /data/hsds/services/. A known folder's page says what it holds and links to its collection
// file (folderTexts); any other gets a neutral page. The pages are handed to emit in path
// order, so the same paths give the same pages.
func (r *Renderer) Folders(s *site.Site, files map[string][]byte, emit func(path string, data []byte) error) error {
	// children lists each folder's files and subfolders (with a final slash) by name; "" is the root.
	children := map[string][]string{}
	add := func(dir, name string) (isNew bool) {
		_, seen := children[dir]
		children[dir] = append(children[dir], name)
		return !seen
	}
	for p := range files {
		dir, name := path.Split(p)
		for add(dir, name) && dir != "" {
			dir, name = path.Split(strings.TrimSuffix(dir, "/"))
			name += "/"
		}
	}
	has := func(p string) bool { _, ok := files[p]; return ok }
	skip := func(dir string) bool {
		return slices.ContainsFunc(skipFolders, func(x string) bool { return strings.HasPrefix(dir, x) })
	}
	var todo []string
	for dir := range children {
		if dir == "" || has(dir+"index.html") || skip(dir) {
			continue
		}
		todo = append(todo, dir)
	}
	if len(todo) == 0 {
		return nil
	}
	slices.Sort(todo)
	texts := map[string]folderText{}
	for _, f := range folderTexts {
		texts[f.dir] = f
	}
	text := func(dir string) folderText {
		if f, ok := texts[dir]; ok {
			return f
		}
		return fallbackFolder(dir)
	}
	made := map[string]bool{}
	for _, dir := range todo {
		made[dir] = true
	}
	// title names a folder in the crumbs and the list of subfolders: its page's title.
	title := func(dir string) string {
		if made[dir] {
			return text(dir).title
		}
		if t := heading(files[dir+"index.html"]); t != "" {
			return t
		}
		return strings.TrimSuffix(path.Base(dir), "/")
	}
	shared, err := r.shared(s)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	for _, dir := range todo {
		f := text(dir)
		p := &Page{Site: s, Kind: "folder", Title: f.title, Description: f.lead, URL: "/" + dir, Shared: shared,
			Intro: paragraphs(f.more)}
		p.Crumbs = []Crumb{{"Forside", "/"}}
		up := ""
		for _, name := range strings.SplitAfter(strings.TrimSuffix(dir, "/"), "/") {
			if up != "" {
				p.Crumbs = append(p.Crumbs, Crumb{title(up), "/" + up})
			}
			up += name
		}
		names := slices.Sorted(slices.Values(children[dir]))
		var fileList, subfolders []Entry
		if f.collection != "" && has(dir+f.collection) {
			fileList = append(fileList, Entry{Name: f.collectionName, URL: "/" + dir + f.collection})
		}
		for _, name := range names {
			switch {
			case strings.HasSuffix(name, "/"):
				sub := dir + name
				if !skip(sub) {
					subfolders = append(subfolders, Entry{Name: title(sub), URL: "/" + sub})
				}
			case f.files && name != f.collection:
				fileList = append(fileList, Entry{Name: name, URL: "/" + dir + name})
			}
		}
		if len(fileList) > 0 {
			p.Groups = append(p.Groups, Group{ID: "filer", Name: "Filer", Entries: fileList})
		}
		if len(subfolders) > 0 {
			p.Groups = append(p.Groups, Group{ID: "mapper", Name: "Mapper", Entries: subfolders})
		}
		var more []Entry
		if strings.HasPrefix(dir, export.HSDSDir) && has(export.ProfilePath) {
			more = append(more, Entry{Name: "HSDS-profilen", URL: "/" + strings.TrimSuffix(export.ProfilePath, "index.html"),
				Text: "Sådan bruger vi standarden: ordlister, tilføjede felter og id'er."})
		}
		if has("data/index.html") {
			more = append(more, Entry{Name: DataTitle, URL: "/data/", Text: "Alle de åbne data, sitet udgiver: regneark, JSON og HSDS 3.0."})
		}
		if _, known := texts[dir]; !known {
			if has("tilbud/index.html") {
				more = append(more, Entry{Name: "Alle tilbud", URL: "/tilbud/"})
			}
			more = append(more, Entry{Name: "Forside", URL: "/"})
		}
		more = slices.DeleteFunc(more, func(e Entry) bool { // what the page lists already
			return slices.ContainsFunc(subfolders, func(x Entry) bool { return x.URL == e.URL })
		})
		if len(more) > 0 {
			p.Groups = append(p.Groups, Group{ID: "videre", Name: "Se også", Entries: more})
		}
		buf.Reset()
		if err := r.pages["folder"].ExecuteTemplate(&buf, "base", p); err != nil {
			return fmt.Errorf("render /%s: %w", dir, err)
		}
		if err := emit(dir+"index.html", bytes.Clone(buf.Bytes())); err != nil {
			return err
		}
	}
	return nil
}

// paragraphs returns texts as HTML paragraphs.
func paragraphs(texts []string) template.HTML {
	var b strings.Builder
	for i, t := range texts {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<p>" + template.HTMLEscapeString(t) + "</p>")
	}
	return template.HTML(b.String())
}

var (
	h1Re  = regexp.MustCompile(`(?s)<h1[ >].*?</h1>`)
	tagRe = regexp.MustCompile(`<[^>]*>`)
)

// heading returns the text of a page's h1, or "" when it has none.
func heading(page []byte) string {
	m := h1Re.Find(page)
	if m == nil {
		return ""
	}
	return strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(string(m), ""))), " ")
}
