// Package gen generates synthetic Tilbudsviften content of any size, for benchmarks and load
// tests. The output is deterministic for a given size and valid for content.Load.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"

	"tilbudsviften/internal/site"
)

var topics = []string{"trivsel", "skole", "skilsmisse", "angst", "ensomhed", "rusmidler",
	"kriminalitet", "sprog", "sundhed", "sygdom", "vold", "foraeldreskab"}

var steps = []string{"almen", "forebyggelse", "hjemmebaseret", "netvaerk", "familiepleje", "institution"}

var words = strings.Fields(`barn børn unge forældre familie skole trivsel hjælp rådgivning samtale
gruppe kursus forløb sundhedsplejerske pædagog lærer psykolog angst bekymring skilsmisse brud
mobning ensomhed venner fritid sport klub café lektier sprog tale udvikling leg motorik søvn mad
spisning vægt tandpleje tandlæge sygdom hospital læge krise sorg tab vold overgreb alkohol hash
stoffer kriminalitet politi netværk bedsteforældre søskende baby graviditet fødsel amning
uddannelse job praktik erhverv fravær skolevægring diagnose adhd autisme ordblindhed
støtte vejledning anonym gratis telefon chat sms åben hverdag weekend aften morgen`)

// FS returns Site(n) as a file system, for loading without a disk.
func FS(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range Site(n) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// Site returns the files of a generated site with n offers: path → content.
func Site(n int) map[string][]byte {
	r := rand.New(rand.NewPCG(uint64(n), 42))
	files := map[string][]byte{}
	put := func(name, s string) { files[name] = []byte(s) }
	// lix_graense 100: the readability check runs as on a real site (benchmarks pay for it),
	// but random words are not prose, so the limit is set where no offer reaches it.
	put("site.yaml", "navn: Tilbudsviften Genereret\nkommune: Genereret Kommune\nbeskrivelse: Et genereret site til målinger.\nbasisurl: https://tilbud.example.dk\nredaktion:\n  navn: Redaktionen\n  email: redaktion@example.dk\nlix_graense: 100\nakut:\n  - navn: Alarm\n    telefon: \"112\"\n")
	put("maalgrupper.yaml", "- {id: boern, navn: Børn, beskrivelse: Børn.}\n- {id: unge, navn: Unge, beskrivelse: Unge.}\n- {id: foraeldre, navn: Forældre, beskrivelse: Forældre.}\n- {id: fagprofessionelle, navn: Fagprofessionelle, beskrivelse: Fagfolk.}\n")
	var b strings.Builder
	for _, t := range topics {
		fmt.Fprintf(&b, "- id: %s\n  navn: %s\n  beskrivelse: Om %s.\n  synonymer: [%s]\n", t, site.UpperFirst(t), t, words[r.IntN(len(words))])
	}
	put("emner.yaml", b.String())
	b.Reset()
	for i, s := range steps {
		fmt.Fprintf(&b, "- id: %s\n  navn: Trin %d\n  kort: \"Trin %d\"\n  beskrivelse: Trin nummer %d.\n", s, i+1, i+1, i+1)
	}
	put("trin.yaml", b.String())
	put("synonymer.yaml", "- [skilsmisse, samlivsophør, brud]\n- [hash, cannabis]\n")
	providers := max(n/50, 2)
	for i := 0; i < providers; i++ {
		put(fmt.Sprintf("udbydere/udbyder-%d.yaml", i), fmt.Sprintf("navn: Udbyder %d\ntype: forening\nbeskrivelse: Udbyder nummer %d.\nweb: https://udbyder%d.example.dk\nkilder:\n  - url: https://udbyder%d.example.dk\n", i, i, i, i))
	}
	contacts := max(n/5, 2)
	for i := 0; i < contacts; i++ {
		put(fmt.Sprintf("kontakter/kontakt-%d.yaml", i), fmt.Sprintf("navn: Kontakt %d\nudbyder: udbyder-%d\ntelefon: %d\ntelefontider:\n  - man-tor 9-15\n  - fre 9-13\nemail: kontakt%d@example.dk\nkilder:\n  - url: https://example.dk/kontakt/%d\ngennemgaaet: 2026-10-01\n", i, i%providers, 40000000+i, i, i))
	}
	for i := 1; i <= 3; i++ {
		put(fmt.Sprintf("principper/princip-%d.md", i), fmt.Sprintf("---\ntitel: Princip %d\nresume: Princip nummer %d.\ntype: tema\nnummer: %d\nprincipper:\n  - Vi handler tidligt.\nkilder:\n  - url: https://example.dk/principper\n---\nTekst om princip %d.\n", i, i, i, i))
	}
	put("bekymring/start.md", "---\ntitel: Er du bekymret for et barn?\nresume: Sådan gør du.\nmaalgruppe: alle\nnummer: 1\nkilder:\n  - url: https://example.dk/underretning\n---\nRing 112, hvis et barn er i fare.\n")
	put("sider/om.md", "---\ntitel: Om sitet\nresume: Om sitet.\nnummer: 1\n---\nOm sitet.\n")
	sentence := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = words[r.IntN(len(words))]
		}
		return site.UpperFirst(strings.Join(ws, " ")) + "."
	}
	aud := []string{"boern", "unge", "foraeldre", "fagprofessionelle"}
	routes := []string{"kom-selv", "via-fagperson", "kraever-afgoerelse"}
	for i := 0; i < n; i++ {
		from := r.IntN(18)
		to := from + r.IntN(25-from)
		var body strings.Builder
		for p := 0; p < 3; p++ {
			for s := 0; s < 3; s++ {
				body.WriteString(sentence(6 + r.IntN(8)))
				body.WriteByte(' ')
			}
			body.WriteString("\n\n")
		}
		fmt.Fprintf(&body, "## Til fagpersoner\n\n%s\n", sentence(12))
		put(fmt.Sprintf("tilbud/tilbud-%05d.md", i), fmt.Sprintf(`---
titel: %s %d
resume: %s
maalgrupper: [%s, %s]
alder: {fra: %d, til: %d}
emner: [%s, %s]
trin: %s
adgang:
  vej: %s
  anonym: %v
  trin:
    - Ring og aftal en tid.
pris:
  gratis: %v
udbyder: udbyder-%d
kontakter: [kontakt-%d]
aabningstider:
  - man-ons 8-15
  - tor 8-17
principper: [princip-%d]
gennemgaaet: 2026-10-01
ansvarlig: Redaktionen
kilder:
  - url: https://example.dk/tilbud/%d
    laest: 2026-10-01
---
%s`, strings.TrimSuffix(sentence(2+r.IntN(3)), "."), i, sentence(12), aud[r.IntN(2)], aud[2+r.IntN(2)], from, to,
			topics[r.IntN(6)], topics[6+r.IntN(6)], steps[r.IntN(len(steps))], routes[r.IntN(3)], r.IntN(3) == 0,
			r.IntN(4) != 0, i%providers, i%contacts, 1+i%3, i, body.String()))
	}
	return files
}
