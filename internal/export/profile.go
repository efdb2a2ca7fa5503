package export

import (
	"bytes"
	"html/template"
	"sort"

	"tilbudsviften/internal/site"
)

// profileCSP is the profile page's Content-Security-Policy: it loads nothing.
const profileCSP = "default-src 'none'; base-uri 'none'; form-action 'none'"

// Extension is one of the fields the Danish profile adds to HSDS objects.
type Extension struct {
	Object, Field, Meaning string
}

// Extensions lists the profile's additions; they appear in the JSON files only.
var Extensions = []Extension{
	{"service", "dk_professional_description", "Teksten til fagpersoner (afsnittet \"Til fagpersoner\"): metode, målgruppe og henvisning."},
	{"service", "dk_page_url", "Tilbuddets side på sitet, når sitets adresse (basisurl) ikke er kendt; ellers står den i url."},
	{"service", "dk_links", "Links til mere om tilbuddet: [{title, url}]."},
	{"service", "dk_sources", "Kilderne til oplysningerne: [{url, title, read}], read er den dag, kilden blev læst."},
	{"contact", "dk_description", "Hvad man kan kontakte kontaktpunktet om."},
	{"contact", "dk_web, dk_chat", "Kontaktpunktets hjemmeside og chat."},
	{"contact", "dk_address", "Kontaktpunktets adresse på én linje."},
	{"contact", "dk_opening_hours", "Hvornår man kan møde op."},
	{"contact", "dk_note", "Andet, man bør vide, før man ringer."},
	{"/ (index.json)", "dk_publisher, dk_site", "Kommunen og sitets navn."},
	{"/ (index.json)", "dk_static_paths", "Hvilken fil hvert HSDS-endpoint svarer til, fx /services/{id} → services/{id}.json."},
}

type profileTerm struct{ Code, Name string }

type profileTaxonomy struct {
	Code, Name, Description, ID, LinkType string
	Terms                                 []profileTerm
}

type profileData struct {
	Title      string
	Site       *site.Site
	CSP        string
	Taxonomies []profileTaxonomy
	Extensions []Extension
	Paths      [][2]string
	Namespace  string
	Example    string // an offer's slug, for the id example
}

// ProfileTitle is the profile page's heading.
const ProfileTitle = "HSDS-profil: Tilbudsviften i Danmark"

// profileTmpl is the standalone page that `viften export` writes; "content" is its main
// part, which a site build shows inside the site's own theme (ProfileContent).
var profileTmpl = template.Must(template.Must(template.New("page").Parse(`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="referrer" content="no-referrer">
<title>HSDS-profil – {{.Site.Config.Name}}</title>
<meta name="description" content="Sådan udgiver {{.Site.Config.Name}} tilbuddene som åbne data i Open Referral HSDS 3.0.">
</head>
<body>
<a href="#indhold">Gå til indholdet</a>
<header>
<p><a href="/">{{.Site.Config.Name}}</a></p>
</header>
<main id="indhold">
<h1>{{.Title}}</h1>
{{template "content" .}}
</main>
</body>
</html>
`)).New("content").Parse(`<p>{{.Site.Config.Name}} udgiver alle tilbud til børn, unge og familier i {{.Site.Config.Municipality}} som åbne data i
<a href="https://docs.openreferral.org/en/latest/">Open Referral Human Services Data Specification (HSDS) 3.0</a>.
Denne side beskriver profilen: de danske ordlister (taksonomier) og de felter, vi har lagt til.
Alt andet følger HSDS 3.0 uændret, og filerne valideres mod de officielle JSON-skemaer.</p>

<h2 id="filer">Filer</h2>
<p>Sitet er statisk, så API'et er udgivet som faste filer. Hvert HSDS-endpoint svarer til en fil under
<a href="/data/hsds/index.json">/data/hsds/</a>; lister er delt i sider med HSDS' Page-indpakning.</p>
<table>
<thead><tr><th scope="col">HSDS-endpoint</th><th scope="col">Fil under /data/hsds/</th></tr></thead>
<tbody>
{{- range .Paths}}
<tr><td><code>{{index . 0}}</code>{{if eq (index . 0) "/locations"}} (ikke i HSDS 3.0; vores tilføjelse){{end}}</td><td><code>{{index . 1}}</code></td></tr>
{{- end}}
</tbody>
</table>
<p>Forespørgselsparametre (search, page, taxonomy_term_id …) kan et statisk site ikke svare på: hent siderne
<code>page-1.json</code>, <code>page-2.json</code> … og filtrér selv.</p>
<p>HSDS' tabelformat (Tabular Data Package) ligger i <a href="/data/hsds/tabular/datapackage.json">/data/hsds/tabular/</a>:
én CSV-fil pr. objekt (UTF-8, komma) og <code>datapackage.json</code>. Til fagpersoner er der et regneark med ét tilbud pr.
række, <a href="/data/tilbud.csv">tilbud.csv</a> (til dansk Excel: semikolon og UTF-8 med BOM), og de samme rækker som
<a href="/data/tilbud.json">JSON</a>.</p>

<h2 id="id">Identifikatorer</h2>
<p>Alle id'er er UUID version 5 (navnebaserede, SHA-1) i navnerummet <code>{{.Namespace}}</code>. Navnet er
<code>tilbudsviften/&lt;kommune&gt;/&lt;type&gt;/&lt;nøgle&gt;</code>, fx
<code>tilbudsviften/{{.Site.Config.Municipality}}/service/{{.Example}}</code> for tilbuddet i filen
<code>tilbud/{{.Example}}.md</code>. Id'erne ændrer sig derfor ikke, når sitet bygges igen, men de ændrer sig, hvis et
tilbud får et nyt filnavn.</p>

<h2 id="taksonomier">Taksonomier</h2>
<p>Tilbuddenes målgrupper, emner, trin på indsatstrappen, adgang, lovgrundlag og principper er udgivet som HSDS-attributter
(<code>attributes</code>), der peger på et <code>taxonomy_term</code> i en af disse taksonomier. Termens <code>code</code> er
id'et fra indholdsfilerne.</p>
{{- range .Taxonomies}}
<h3 id="{{.Code}}">{{.Name}} <code>{{.Code}}</code></h3>
<p>{{.Description}} Taksonomiens id: <code>{{.ID}}</code>. Attributternes <code>link_type</code>: <code>{{.LinkType}}</code>.</p>
{{- with .Terms}}
<ul>
{{- range .}}
<li><code>{{.Code}}</code>: {{.Name}}</li>
{{- end}}
</ul>
{{- end}}
{{- end}}

<h2 id="udvidelser">Udvidelser</h2>
<p>Felter, som HSDS ikke har, står med præfikset <code>dk_</code>. De findes kun i JSON-filerne.</p>
<table>
<thead><tr><th scope="col">Objekt</th><th scope="col">Felt</th><th scope="col">Betydning</th></tr></thead>
<tbody>
{{- range .Extensions}}
<tr><td>{{.Object}}</td><td><code>{{.Field}}</code></td><td>{{.Meaning}}</td></tr>
{{- end}}
</tbody>
</table>

<h2 id="regler">Sådan er felterne udfyldt</h2>
<ul>
<li><code>service.description</code> er resuméet og teksten til familier; teksten til fagpersoner står i
<code>dk_professional_description</code>.</li>
<li><code>service.status</code> er <code>active</code> eller <code>temporarily closed</code> (med <code>alert</code>).</li>
<li><code>assured_date</code> og <code>last_modified</code> er den dag, redaktionen sidst gennemgik oplysningerne.</li>
<li><code>service_areas</code> er kommunen: tilbuddet er til familier i {{.Site.Config.Municipality}}, men kan også gives andre steder.</li>
<li>Åbningstider er ugentlige <code>schedules</code> (<code>freq</code> WEEKLY, <code>byday</code>); døgnåbent er 00:00–23:59.
<code>opens_at</code> og <code>closes_at</code> er dansk tid (Europe/Copenhagen) uden forskydning fra UTC, fordi
forskydningen skifter med sommertiden.</li>
<li>Kontaktpunkter står under hvert tilbud som <code>contacts</code> med egne id'er pr. tilbud; telefontider står i telefonens
<code>description</code>, og sms-numre er telefoner med <code>type</code> text.</li>
<li>Adresser har <code>country</code> DK. <code>state_province</code> er tom: Danmark har ingen delstater, og regionen står
ikke i indholdet. <code>city</code> og <code>postal_code</code> er tomme, når indholdet ikke kender dem.</li>
<li>Felter, som indholdet ikke kender, er udeladt. Intet er gættet: hver oplysning har en kilde i <code>dk_sources</code>.</li>
</ul>

<h2 id="andre">Andre åbne filer</h2>
<ul>
<li><a href="/feed.atom">Nye og ændrede tilbud</a> som Atom-feed.</li>
<li><a href="/kalender.ics">Faste mødetider</a> som iCalendar: gruppers og forløbs ugentlige møder (<code>moedetider</code>).</li>
<li><a href="/opensearch.xml">OpenSearch-beskrivelse</a>, så browseren kan søge direkte på sitet.</li>
{{- if .Site.Config.BaseURL}}
<li><a href="/sitemap.xml">Sitemap</a> til søgemaskiner.</li>
{{- end}}
<li>Hver tilbudsside beskriver tilbuddet med schema.org (JSON-LD) til søgemaskiner.</li>
</ul>
`))

// ProfileContent returns the main part of the profile page (below its heading, ProfileTitle),
// for a site build to show in the site's theme at /data/hsds/profile/. It needs the
// vocabularies only, not the services.
func ProfileContent(s *site.Site) (template.HTML, error) {
	var buf bytes.Buffer
	if err := profileTmpl.ExecuteTemplate(&buf, "content", profileInput(buildVocabularies(s))); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// writeProfile writes the standalone profile page that describes the Danish additions to HSDS.
func writeProfile(d *hsdsData, emit Emit) error {
	var buf bytes.Buffer
	if err := profileTmpl.ExecuteTemplate(&buf, "page", profileInput(d)); err != nil {
		return err
	}
	return emit(ProfilePath, buf.Bytes())
}

func profileInput(d *hsdsData) profileData {
	s := d.s
	data := profileData{Title: ProfileTitle, Site: s, CSP: profileCSP, Extensions: Extensions, Namespace: Namespace.String(),
		Example: "sundhedsplejen"}
	if len(s.Offers) > 0 {
		data.Example = s.Offers[0].Slug
	}
	for _, def := range taxonomies {
		pt := profileTaxonomy{Code: def.Code, Name: def.Name, Description: def.Description, ID: d.taxByCode[def.Code].ID,
			LinkType: def.LinkType}
		for _, t := range d.terms {
			if t.TaxonomyID == pt.ID {
				pt.Terms = append(pt.Terms, profileTerm{t.Code, t.Name})
			}
		}
		data.Taxonomies = append(data.Taxonomies, pt)
	}
	for ep, file := range StaticPaths {
		data.Paths = append(data.Paths, [2]string{ep, file})
	}
	sort.Slice(data.Paths, func(i, j int) bool { return data.Paths[i][0] < data.Paths[j][0] })
	return data
}
