package export_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/export"
	"tilbudsviften/internal/site"
)

// buildSite renders a whole site as `viften build` does.
func buildSite(t testing.TB, fsys fs.FS) (map[string][]byte, *site.Site) {
	t.Helper()
	files, res, err := build.Render(build.Config{Content: fsys, ContentName: "content", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	return files, res.Site
}

var (
	ldRe   = regexp.MustCompile(`<script type="application/ld\+json">([^<]*)</script>`)
	timeRe = regexp.MustCompile(`^\d\d:\d\d:\d\d$`)
)

// jsonLD returns the JSON-LD data blocks of a page, decoded.
func jsonLD(t testing.TB, name string, page []byte) []map[string]any {
	t.Helper()
	var list []map[string]any
	for _, m := range ldRe.FindAllSubmatch(page, -1) {
		var v map[string]any
		if err := json.Unmarshal(m[1], &v); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v\n%s", name, err, m[1])
		}
		list = append(list, v)
	}
	return list
}

func str(v any) string { s, _ := v.(string); return s }

func list(v any) []any {
	switch v := v.(type) {
	case []any:
		return v
	case nil:
		return nil
	}
	return []any{v}
}

// TestOfferJSONLD checks the schema.org description on every offer page of the Herlev site,
// without a base URL (as shipped) and with one.
func TestOfferJSONLD(t *testing.T) {
	for _, baseURL := range []string{"", testBaseURL} {
		t.Run("basisurl="+baseURL, func(t *testing.T) {
			files, s := buildSite(t, herlevFS(t, baseURL))
			withHours, withPhone := 0, 0
			for _, o := range s.Offers {
				p := strings.TrimPrefix(o.URL(), "/") + "index.html"
				lds := jsonLD(t, p, files[p])
				if len(lds) != 1 {
					t.Errorf("%s: %d JSON-LD blocks, want 1", p, len(lds))
					continue
				}
				ld := lds[0]
				wantType := "Service"
				if k := o.Provider.Kind; k == site.ProviderMunicipality || k == site.ProviderRegion || k == site.ProviderState {
					wantType = "GovernmentService"
				}
				if ld["@context"] != "https://schema.org" || ld["@type"] != wantType {
					t.Errorf("%s: @context %v, @type %v, want %s", p, ld["@context"], ld["@type"], wantType)
				}
				if ld["name"] != o.Title || ld["description"] != o.Summary {
					t.Errorf("%s: name %q, description %q", p, ld["name"], ld["description"])
				}
				if want := baseURL + o.URL(); ld["url"] != want {
					t.Errorf("%s: url %v, want %s", p, ld["url"], want)
				}
				if ld["identifier"] != export.ServiceID(s.Config.Municipality, o.Slug) {
					t.Errorf("%s: identifier %v, want the HSDS id", p, ld["identifier"])
				}
				prov, _ := ld["provider"].(map[string]any)
				if str(prov["name"]) != o.Provider.Name || !strings.HasSuffix(str(prov["@type"]), "Organization") && prov["@type"] != "NGO" {
					t.Errorf("%s: provider %v", p, prov)
				}
				area, _ := ld["areaServed"].(map[string]any)
				if area["@type"] != "AdministrativeArea" || area["name"] != "Herlev Kommune" {
					t.Errorf("%s: areaServed %v", p, area)
				}
				aud := list(ld["audience"])
				if len(aud) != len(o.Audiences) {
					t.Errorf("%s: %d audiences, want %d", p, len(aud), len(o.Audiences))
				}
				for i, a := range aud {
					a := a.(map[string]any)
					if a["@type"] != "PeopleAudience" || a["audienceType"] != o.Audiences[i].Name {
						t.Errorf("%s: audience %v", p, a)
					}
					if o.Age != nil && (a["suggestedMinAge"] != float64(o.Age.From) || a["suggestedMaxAge"] != float64(o.Age.To)) {
						t.Errorf("%s: audience ages %v, want %d–%d", p, a, o.Age.From, o.Age.To)
					}
				}
				hours := list(ld["hoursAvailable"])
				if len(hours) != len(o.Hours) {
					t.Errorf("%s: %d hoursAvailable, want %d", p, len(hours), len(o.Hours))
				}
				if len(hours) > 0 {
					withHours++
					h := hours[0].(map[string]any)
					if h["@type"] != "OpeningHoursSpecification" || len(list(h["dayOfWeek"])) == 0 ||
						!timeRe.MatchString(str(h["opens"])) || !timeRe.MatchString(str(h["closes"])) {
						t.Errorf("%s: hoursAvailable %v", p, h)
					}
				}
				// Every contact with a phone number is a channel with a ContactPoint.
				phones := map[string]bool{}
				for _, ch := range list(ld["availableChannel"]) {
					if sp, ok := ch.(map[string]any)["servicePhone"].(map[string]any); ok && sp["@type"] == "ContactPoint" {
						phones[str(sp["telephone"])] = true
					}
				}
				for _, c := range o.Contacts {
					if c.Phone != "" {
						withPhone++
						if !phones[c.Phone] {
							t.Errorf("%s: no ContactPoint with telephone %s (%s)", p, c.Phone, c.Name)
						}
					}
				}
			}
			if withHours == 0 || withPhone == 0 {
				t.Errorf("%d offers with hours, %d contacts with phones: the test proves little", withHours, withPhone)
			}

			// The front page describes the municipality and the site.
			lds := jsonLD(t, "index.html", files["index.html"])
			if len(lds) != 1 {
				t.Fatalf("index.html: %d JSON-LD blocks", len(lds))
			}
			var org, web map[string]any
			for _, n := range list(lds[0]["@graph"]) {
				n := n.(map[string]any)
				switch n["@type"] {
				case "GovernmentOrganization":
					org = n
				case "WebSite":
					web = n
				}
			}
			if org == nil || org["name"] != "Herlev Kommune" || web == nil || web["name"] != s.Config.Name {
				t.Errorf("index.html: JSON-LD %v", lds[0])
			}
			if web != nil && (web["potentialAction"] != nil) != (baseURL != "") {
				t.Errorf("index.html: SearchAction %v with basisurl %q", web["potentialAction"], baseURL)
			}
		})
	}
}

// TestSitemap checks sitemap.xml: the sitemaps.org namespace, absolute locations under the
// base URL, every HTML page of the site listed once except the 404 page and the pages that
// are not content (search, the visitor's own list, /tilbud/ beside /a-aa/, the folder pages),
// and no page that does not exist.
func TestSitemap(t *testing.T) {
	files, s := buildSite(t, herlevFS(t, testBaseURL))
	var set struct {
		XMLName xml.Name
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	data := files[export.SitemapPath]
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("sitemap.xml starts %.40q", data)
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	if set.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" || set.XMLName.Local != "urlset" {
		t.Errorf("root element %v", set.XMLName)
	}
	listed := map[string]bool{}
	for _, u := range set.URLs {
		pu, err := url.Parse(u.Loc)
		if err != nil || !pu.IsAbs() || !strings.HasPrefix(u.Loc, testBaseURL+"/") {
			t.Errorf("loc %q is not an absolute URL under %s", u.Loc, testBaseURL)
			continue
		}
		if listed[u.Loc] {
			t.Errorf("%s listed twice", u.Loc)
		}
		listed[u.Loc] = true
		file := strings.TrimPrefix(pu.Path, "/") + "index.html"
		if _, ok := files[file]; !ok {
			t.Errorf("%s: no such page (%s)", u.Loc, file)
		}
		if u.LastMod != "" {
			if _, err := time.Parse(time.DateOnly, u.LastMod); err != nil {
				t.Errorf("%s: lastmod %q", u.Loc, u.LastMod)
			}
		}
	}
	for _, p := range sortedPaths(files) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		loc := testBaseURL + "/" + strings.TrimSuffix(p, "index.html")
		notContent := p == "404.html" || p == "soeg/index.html" || p == "min-liste/index.html" ||
			p == "tilbud/index.html" || // the same list as /a-aa/
			bytes.Contains(files[p], []byte(`<body class="side-folder">`)) || // says what files a folder holds
			strings.HasPrefix(p, "admin/") // the editors' web admin, when a site has one
		if listed[loc] == notContent {
			t.Errorf("%s: listed %v in the sitemap", p, listed[loc])
		}
	}
	if len(set.URLs) < len(s.Offers) {
		t.Errorf("%d URLs for %d offers", len(set.URLs), len(s.Offers))
	}

	// robots.txt names the sitemap, keeps crawlers out of search results and the admin, and
	// lets them see the search page itself.
	robots := string(files[export.RobotsPath])
	if !strings.Contains(robots, "\nSitemap: "+testBaseURL+"/sitemap.xml\n") || !strings.HasPrefix(robots, "User-agent: *\n") ||
		!strings.Contains(robots, "\nDisallow: /soeg/?\n") || !strings.Contains(robots, "\nDisallow: /admin/\n") ||
		strings.Contains(robots, "\nDisallow: /soeg/\n") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}

// TestWithoutBaseURL: the Herlev site.yaml has no basisurl yet. A sitemap must have absolute
// URLs, so there is none (check warns about the missing basisurl); robots.txt names no
// sitemap; the feed, the OpenSearch description and the JSON-LD use site-relative links,
// which readers resolve against the address they fetched them from; the HSDS root leaves
// the profile out (it must be an absolute URI) and services give their page in dk_page_url.
func TestWithoutBaseURL(t *testing.T) {
	s := load(t, herlevFS(t, ""))
	if s.Config.BaseURL != "" {
		t.Skip("the Herlev content has a basisurl now")
	}
	out := all(t, s)
	if _, ok := out[export.SitemapPath]; ok {
		t.Error("a sitemap without a base URL")
	}
	if strings.Contains(string(out[export.RobotsPath]), "Sitemap:") {
		t.Errorf("robots.txt names a sitemap:\n%s", out[export.RobotsPath])
	}
	xmlns := regexp.MustCompile(`xmlns="[^"]*"`)
	for _, p := range []string{export.AtomPath, export.OpenSearchPath, export.CalendarPath} {
		if m := regexp.MustCompile(`\S*://\S*`).Find(xmlns.ReplaceAll(out[p], nil)); m != nil {
			t.Errorf("%s has an absolute link %s without a base URL", p, m)
		}
	}
	var root map[string]any
	mustJSON(t, out[export.HSDSDir+"index.json"], &root)
	if _, ok := root["profile"]; ok {
		t.Errorf("root: profile %v without a base URL", root["profile"])
	}
	var svc map[string]any
	o := s.Offers[0]
	mustJSON(t, out[export.HSDSDir+"services/"+export.ServiceID(s.Config.Municipality, o.Slug)+".json"], &svc)
	if svc["url"] != nil || svc["dk_page_url"] != o.URL() {
		t.Errorf("service: url %v, dk_page_url %v; want none and %s", svc["url"], svc["dk_page_url"], o.URL())
	}
	if !bytes.Contains(out[export.AtomPath], []byte(`href="`+o.URL()+`"`)) {
		t.Errorf("feed.atom has no relative link to %s", o.URL())
	}
}

type atomFeed struct {
	XMLName xml.Name
	Lang    string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string `xml:"id"`
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// TestAtom checks the feed against RFC 4287's required elements and that its dates come from
// the content: the newest change first, the feed's updated the newest entry's.
func TestAtom(t *testing.T) {
	fsys := genFS(80)
	// Give one offer a later review date than the rest: it must come first.
	for name, f := range fsys {
		if strings.HasPrefix(name, "tilbud/") {
			f.Data = regexp.MustCompile(`(?m)^gennemgaaet: .*$`).ReplaceAll(f.Data, []byte("gennemgaaet: 2026-10-01"))
		}
	}
	late := "tilbud/" + firstOffer(fsys) + ".md"
	fsys[late].Data = regexp.MustCompile(`(?m)^gennemgaaet: .*$`).ReplaceAll(fsys[late].Data, []byte("gennemgaaet: 2026-11-20"))
	s := load(t, fsys)
	out := all(t, s)
	var feed atomFeed
	if err := xml.Unmarshal(out[export.AtomPath], &feed); err != nil {
		t.Fatal(err)
	}
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.XMLName.Local != "feed" || feed.Lang != "da" {
		t.Errorf("root element %v, xml:lang %q", feed.XMLName, feed.Lang)
	}
	if !strings.HasPrefix(feed.ID, "urn:uuid:") || feed.Title == "" || feed.Author.Name != s.Config.Municipality {
		t.Errorf("feed id %q, title %q, author %q", feed.ID, feed.Title, feed.Author.Name)
	}
	if feed.Updated != "2026-11-20T00:00:00Z" {
		t.Errorf("feed updated %q, want the newest review day", feed.Updated)
	}
	rels := map[string]string{}
	for _, l := range feed.Links {
		rels[l.Rel] = l.Href
	}
	if rels["self"] != "https://tilbud.example.dk/feed.atom" || rels["alternate"] != "https://tilbud.example.dk/" {
		t.Errorf("feed links %v", rels)
	}
	if len(feed.Entries) != export.FeedSize {
		t.Errorf("%d entries, want %d", len(feed.Entries), export.FeedSize)
	}
	for i, e := range feed.Entries {
		if !strings.HasPrefix(e.ID, "urn:uuid:") || e.Title == "" || e.Summary == "" || e.Link.Rel != "alternate" ||
			!strings.HasPrefix(e.Link.Href, "https://tilbud.example.dk/tilbud/") {
			t.Errorf("entry %d: %+v", i, e)
		}
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry %d: updated %q", i, e.Updated)
		}
		if i > 0 && e.Updated > feed.Entries[i-1].Updated {
			t.Errorf("entry %d is newer than the one before it", i)
		}
	}
	if want := "urn:uuid:" + export.ServiceID(s.Config.Municipality, firstOffer(fsys)); feed.Entries[0].ID != want {
		t.Errorf("first entry %s, want the offer reviewed last (%s)", feed.Entries[0].ID, want)
	}
}

// firstOffer returns the slug of the first offer file, by name.
func firstOffer(fsys fstest.MapFS) string {
	var names []string
	for name := range fsys {
		if strings.HasPrefix(name, "tilbud/") {
			names = append(names, strings.TrimSuffix(strings.TrimPrefix(name, "tilbud/"), ".md"))
		}
	}
	slices.Sort(names)
	return names[0]
}

// TestOpenSearch checks the OpenSearch 1.1 description.
func TestOpenSearch(t *testing.T) {
	s := load(t, herlevFS(t, testBaseURL))
	out := all(t, s)
	var d struct {
		XMLName       xml.Name
		ShortName     string `xml:"ShortName"`
		Description   string `xml:"Description"`
		InputEncoding string `xml:"InputEncoding"`
		URLs          []struct {
			Type     string `xml:"type,attr"`
			Rel      string `xml:"rel,attr"`
			Template string `xml:"template,attr"`
		} `xml:"Url"`
	}
	if err := xml.Unmarshal(out[export.OpenSearchPath], &d); err != nil {
		t.Fatal(err)
	}
	if d.XMLName.Space != "http://a9.com/-/spec/opensearch/1.1/" || d.XMLName.Local != "OpenSearchDescription" {
		t.Errorf("root element %v", d.XMLName)
	}
	if d.ShortName == "" || len([]rune(d.ShortName)) > 16 || d.Description == "" || len(d.Description) > 1024 || d.InputEncoding != "UTF-8" {
		t.Errorf("ShortName %q, Description %q, InputEncoding %q", d.ShortName, d.Description, d.InputEncoding)
	}
	if len(d.URLs) == 0 || d.URLs[0].Type != "text/html" || d.URLs[0].Template != testBaseURL+"/soeg/?q={searchTerms}" {
		t.Errorf("Url %+v", d.URLs)
	}
	// The search page the template names exists and reads q.
	files, _ := buildSite(t, herlevFS(t, testBaseURL))
	if !bytes.Contains(files["soeg/index.html"], []byte(`name="q"`)) {
		t.Error("the search page has no field named q")
	}
	// Every page links the description and the feed.
	if !bytes.Contains(files["index.html"], []byte(`rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml"`)) ||
		!bytes.Contains(files["index.html"], []byte(`rel="alternate" type="application/atom+xml" href="/feed.atom"`)) {
		t.Error("index.html does not link the OpenSearch description and the feed")
	}
}
