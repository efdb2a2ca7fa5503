// Package scaffold writes new content: `viften new` makes one file from an archetype, and
// `viften init` makes a whole new municipality's site.
//
// The archetypes are generated from the loader's model (content.Model), so a new file lists
// every key the loader accepts, each with a Danish comment that says what to write. Required
// keys are left empty, so `viften check` names each one until it is filled in; optional keys
// are written without a value, which the loader reads as left out, and optional groups of
// keys are written as comments to copy.
package scaffold

import (
	"fmt"
	"strings"

	"tilbudsviften/internal/content"
	model "tilbudsviften/internal/site"
)

// Types lists the content types `viften new` makes files for.
func Types() []content.Type {
	var out []content.Type
	for _, t := range content.Model() {
		if t.Folder != "" {
			out = append(out, t)
		}
	}
	return out
}

// TypeNamed returns the content type called name ("tilbud", "kontakt", ...).
func TypeNamed(name string) (content.Type, bool) {
	for _, t := range Types() {
		if t.Name == name {
			return t, true
		}
	}
	return content.Type{}, false
}

// Archetype returns a new file of type t with the given title: every key of the model with a
// Danish comment, the title filled in, everything else to be written by the editor.
func Archetype(t content.Type, title string) []byte {
	var b strings.Builder
	if t.Markdown {
		b.WriteString("---\n")
	}
	fmt.Fprintf(&b, "# %s. Udfyld felterne, og kør \"viften check\": den nævner hvert påkrævet felt, der mangler.\n", headings[t.Name])
	b.WriteString("# Skriv kun oplysninger, du har en kilde til (se kilder). Felter, der ikke kendes, lader du stå tomme.\n")
	if t.Markdown {
		fmt.Fprintf(&b, "# Under den sidste linje med --- skriver du teksten%s i Markdown, med korte sætninger.\n", bodyFor[t.Name])
	}
	for _, f := range t.Fields {
		writeField(&b, t.Name, f, "", title)
	}
	if t.Markdown {
		b.WriteString("---\n")
		if body := bodies[t.Name]; body != "" {
			b.WriteString(body)
		}
	}
	return []byte(b.String())
}

// writeField writes one key with its comment, at the given indent.
func writeField(b *strings.Builder, typ string, f content.Field, indent, title string) {
	comment := Comment(typ, f)
	for _, line := range strings.Split(comment, "\n") {
		fmt.Fprintf(b, "%s# %s\n", indent, line)
	}
	switch {
	case (f.Key == "titel" || f.Key == "navn") && indent == "" && title != "":
		fmt.Fprintf(b, "%s: %s\n", f.Key, quote(title))
	case f.Kind == content.KindMap && f.Required:
		fmt.Fprintf(b, "%s%s:\n", indent, f.Key)
		for _, sub := range f.Fields {
			writeField(b, typ+"."+f.Key, sub, indent+"  ", "")
		}
	case f.Kind == content.KindMaps && f.Required:
		fmt.Fprintf(b, "%s%s:\n", indent, f.Key)
		for i, sub := range f.Fields {
			var inner strings.Builder
			writeField(&inner, typ+"."+f.Key, sub, indent+"    ", "")
			s := inner.String()
			if i == 0 { // the first key starts the list item
				s = startItem(s, indent+"    ", indent+"  - ")
			}
			b.WriteString(s)
		}
	case f.Kind == content.KindMap || f.Kind == content.KindMaps:
		// An optional group is written as a comment to copy: written empty, its required
		// keys would be errors.
		fmt.Fprintf(b, "%s# Skal feltet bruges, så fjern # foran linjerne herunder, og udfyld dem:\n", indent)
		var inner strings.Builder
		fmt.Fprintf(&inner, "%s:\n", f.Key)
		lead := "  "
		if f.Kind == content.KindMaps {
			lead = "    "
		}
		for i, sub := range f.Fields {
			var one strings.Builder
			writeField(&one, typ+"."+f.Key, sub, lead, "")
			s := one.String()
			if i == 0 && f.Kind == content.KindMaps {
				s = startItem(s, lead, "  - ")
			}
			inner.WriteString(s)
		}
		for _, line := range strings.Split(strings.TrimSuffix(inner.String(), "\n"), "\n") {
			fmt.Fprintf(b, "%s# %s\n", indent, line)
		}
	default:
		fmt.Fprintf(b, "%s%s:\n", indent, f.Key)
	}
}

// Comment returns the Danish comment for field f of type typ ("tilbud", "tilbud.adgang").
func Comment(typ string, f content.Field) string {
	text, ok := comments[typ+"."+f.Key]
	if !ok && strings.HasSuffix(typ, ".kilder") { // the sources read the same in every type
		text, ok = comments["kilder."+f.Key]
	}
	if !ok {
		text = model.UpperFirst(f.Doc) + "."
	}
	if f.Kind == content.KindEnum {
		text += " Skriv en af: " + strings.Join(f.Enum, ", ") + "."
	}
	if f.Required {
		text += " Skal udfyldes."
	}
	return text
}

// quote returns s as a YAML scalar, quoted when YAML would read it as something else.
func quote(s string) string {
	plain := s != "" && !strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`") && !strings.HasPrefix(s, "-") &&
		!strings.HasPrefix(s, "?") && strings.TrimSpace(s) == s
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~":
		plain = false
	}
	if _, err := fmt.Sscanf(s, "%g", new(float64)); err == nil {
		plain = false
	}
	if plain {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

var headings = map[string]string{
	"tilbud":    "Et tilbud",
	"kontakt":   "Et kontaktpunkt: et team, en linje eller en person",
	"udbyder":   "En udbyder: organisationen bag tilbuddene",
	"princip":   "Et princip, et tema eller en metode, som kommunen arbejder efter",
	"bekymring": "En side i vejledningen \"Er du bekymret for et barn?\"",
	"side":      "En almindelig side, fx om sitet eller om privatliv",
}

// bodyFor says who the body of a Markdown type is for.
var bodyFor = map[string]string{
	"tilbud": " til familierne. Det, fagpersoner skal vide (metode, målgruppe, henvisning), skriver du\n# til sidst under overskriften \"## Til fagpersoner\"",
}

// bodies are the Markdown bodies of new files: headings only, so nothing unchecked is
// published; the comments above say what to write.
var bodies = map[string]string{
	"tilbud": "\n",
}

// comments say what to write in each key. Keys not listed use the model's short description.
var comments = map[string]string{
	"tilbud.titel":         "Tilbuddets navn, som familierne kender det.",
	"tilbud.resume":        "Én enkel sætning: hvad tilbuddet er, og hvem det er til.",
	"tilbud.maalgrupper":   "Hvem tilbuddet er til: id'er fra maalgrupper.yaml, fx [boern, foraeldre].",
	"tilbud.alder":         "Alder i hele år, fra og til. Udelad feltet, hvis tilbuddet er for alle aldre.",
	"tilbud.alder.fra":     "Den yngste alder, fx 0.",
	"tilbud.alder.til":     "Den ældste alder, fx 17.",
	"tilbud.emner":         "Hvad tilbuddet hjælper med: id'er fra emner.yaml, fx [skilsmisse].",
	"tilbud.trin":          "Tilbuddets trin på Indsatstrappen: et id fra trin.yaml.",
	"tilbud.adgang":        "Sådan får man tilbuddet.",
	"tilbud.adgang.vej":    "kom-selv (ingen henvisning), via-fagperson (fx sundhedsplejerske, lærer, PPR eller læge) eller kraever-afgoerelse (kræver en afgørelse fra kommunen).",
	"tilbud.adgang.anonym": "true, hvis man kan bruge tilbuddet uden at sige sit navn.",
	"tilbud.adgang.via":    "Hvem man går igennem, med almindelige ord, fx \"Din egen læge eller 1813\".",
	"tilbud.adgang.trin":   "Sådan gør du, trin for trin: en liste af korte sætninger.",
	"tilbud.pris":          "Hvad tilbuddet koster.",
	"tilbud.pris.gratis":   "true, hvis tilbuddet er gratis, ellers false.",
	"tilbud.pris.tekst":    "Om prisen med almindelige ord.",
	"tilbud.udbyder":       "Organisationen bag tilbuddet: et id (filnavn uden .yaml) fra udbydere/.",
	"tilbud.kontakter":     "Hvor man henvender sig: id'er (filnavne uden .yaml) fra kontakter/.",
	"tilbud.steder":        "Steder, hvor tilbuddet foregår. Ét punkt for hvert sted.",
	"tilbud.steder.navn":   "Stedets navn.",
	"tilbud.aabningstider": "Hvornår tilbuddet har åbent: én linje for hver, fx \"- man-fre 8-15\". Se docs/content-model.md.",
	"tilbud.sprog":         "Sprog, tilbuddet gives på, som koder med to bogstaver, fx [da, en]. Står feltet tomt, gælder dansk.",
	"tilbud.principper":    "Principper, tilbuddet bygger på: id'er (filnavne uden .md) fra principper/.",
	"tilbud.links":         "Links til mere om tilbuddet.",
	"tilbud.lovgrundlag":   "Lovgrundlaget, fx \"Barnets lov § 30\".",
	"tilbud.status":        "Tilbuddets status. Står feltet tomt, er tilbuddet aktivt.",
	"tilbud.besked":        "Beskeden på siden, når tilbuddet er midlertidigt lukket: hvornår det åbner, og hvad man kan gøre imens.",
	"tilbud.gennemgaaet":   "Datoen, da nogen sidst tjekkede alle oplysningerne, som ÅÅÅÅ-MM-DD. Siden viser \"Sidst gennemgået\".",
	"tilbud.ansvarlig":     "Redaktøren, der har ansvaret for tilbuddet: navn eller e-mail.",
	"tilbud.kilder":        "Hvor oplysningerne kommer fra. Ét punkt for hver kilde.",
	"tilbud.tjekkes":       "Hvad der stadig skal bekræftes. \"viften check -strict\" viser alle tilbud med dette felt.",
	"tilbud.udgives":       "Tilbuddet vises først fra denne dato (ÅÅÅÅ-MM-DD). Står feltet tomt, vises det med det samme.",
	"tilbud.udloeber":      "Tilbuddet skjules fra denne dato (ÅÅÅÅ-MM-DD). Står feltet tomt, skjules det aldrig.",
	"tilbud.soegeord":      "Ekstra ord, som søgningen skal finde tilbuddet på.",

	"kontakt.navn":          "Kontaktens navn, fx \"Familierådgivningen\".",
	"kontakt.udbyder":       "Organisationen bag: et id (filnavn uden .yaml) fra udbydere/.",
	"kontakt.telefon":       "Telefonnummer, fx 44 52 00 00 eller 1813.",
	"kontakt.telefontider":  "Hvornår telefonen tages: én linje for hver, fx \"- man-fre 9-12\".",
	"kontakt.aabningstider": "Hvornår man kan komme forbi: én linje for hver.",
	"kontakt.gennemgaaet":   "Datoen, da nogen sidst tjekkede oplysningerne, som ÅÅÅÅ-MM-DD.",
	"kontakt.kilder":        "Hvor oplysningerne kommer fra. Ét punkt for hver kilde.",
	"kontakt.tjekkes":       "Hvad der stadig skal bekræftes.",

	"princip.type":       "tema (et tema i principperne) eller metode (en arbejdsmetode).",
	"princip.nummer":     "Rækkefølgen på siden med principper: 1, 2, 3 …",
	"princip.principper": "Principperne under temaet eller metoden, én sætning hver.",

	"side.nummer": "Rækkefølgen i bunden af siderne: 1, 2, 3 … Står feltet tomt, står siden ikke i bunden.",

	"kilder.url":   "Adressen på kilden, fx https://kommune.dk/side.",
	"kilder.laest": "Datoen, du læste kilden, som ÅÅÅÅ-MM-DD.",
}

// startItem makes the key line of a written field (its last line, after its comments) start a
// YAML list item: the indent is replaced by the item's dash.
func startItem(s, indent, dash string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	last := len(lines) - 1
	lines[last] = dash + strings.TrimPrefix(lines[last], indent)
	return strings.Join(lines, "\n") + "\n"
}
