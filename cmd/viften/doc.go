/*
Viften bygger Tilbudsviften: et hurtigt, tilgængeligt og søgbart website over kommunens tilbud
til børn, unge og familier, lavet af Markdown- og YAML-filer i en indholdsmappe.

Brug:

	viften <kommando> [flag]

Kommandoer:

	build   byg sitet fra indholdsmappen til en mappe med statiske filer
	check   tjek indholdet for fejl uden at bygge
	serve   vis sitet i browseren, mens du retter; siden opdaterer sig selv, når du gemmer
	new     lav en ny fil (tilbud, kontakt, princip, side, ...) med alle felter
	init    lav et nyt site til en kommune i en ny mappe
	search  søg i tilbuddene, som søgefeltet på sitet gør
	export  skriv tilbuddene som åbne data (HSDS, CSV, JSON) uden at bygge sitet
	help    vis hjælp til en kommando: viften help build

Byg sitet:

	viften build [-content content] [-out public] [-templates templates] [-drafts] [-v]

build tjekker først alt indhold. Er der fejl, skrives de som fil:linje:kolonne: besked, og
den sidste gode udgave af sitet i -out bliver stående urørt. Sitet skrives til en ny mappe ved
siden af -out og skiftes ind, når alt er skrevet.

	-content DIR    indholdsmappen (standard content)
	-out DIR        mappen, sitet skrives til (standard public)
	-templates DIR  egne skabeloner, der erstatter standardtemaets filer med samme navn
	                (standard templates, hvis mappen findes)
	-drafts         tag også tilbud med, der endnu ikke er udgivet eller er udløbet
	-date ÅÅÅÅ-MM-DD  byg, som var det denne dag (udgivelse, udløb og gennemgang)
	-admin DIR      mappen med Decap CMS (npm-pakken decap-cms); findes den, får sitet
	                redigering på /admin/ (standard node_modules/decap-cms/dist)
	-v              vis fremskridt

Tjek indholdet:

	viften check [-content content] [-strict]

check skriver hver fejl som fil:linje:kolonne: besked med et råd om, hvordan den rettes, og
til sidst en linje med antal fejl og advarsler. Advarsler (fx et tilbud, der skal gennemgås
igen, eller manglende kontaktoplysninger) stopper ikke et build.

	-content DIR  indholdsmappen (standard content)
	-strict       gør advarsler til fejl, og vis alle oplysninger, der er markeret "tjekkes"
	-date ÅÅÅÅ-MM-DD  tjek, som var det denne dag

Vis sitet, mens du retter:

	viften serve [-addr 127.0.0.1:8080] [-content content] [-templates templates] [-drafts]

serve bygger sitet og viser det på http://127.0.0.1:8080/. Når du gemmer en fil i
indholdsmappen eller skabelonerne, bygges det, der er ændret, og åbne sider i browseren
opdaterer sig selv. Er der en fejl, står den i browseren og i terminalen som
fil:linje:kolonne: besked, og du ser den sidste gode udgave, til fejlen er rettet. Ctrl-C stopper.

	-addr ADR       adressen, der lyttes på (standard 127.0.0.1:8080: kun denne maskine)
	-content DIR    indholdsmappen (standard content)
	-templates DIR  egne skabeloner (standard templates, hvis mappen findes)
	-drafts         vis også tilbud, der endnu ikke er udgivet eller er udløbet
	-date ÅÅÅÅ-MM-DD  vis sitet, som var det denne dag

Lav en ny fil:

	viften new [-content content] <tilbud|kontakt|udbyder|princip|bekymring|side> "Titel"

new skriver en ny fil med alle felter og en forklaring til hvert. Filnavnet laves af titlen
(æ=ae, ø=oe, å=aa). En fil, der findes, bliver aldrig overskrevet. Udfyld felterne, og kør
viften check: den nævner hvert påkrævet felt, der mangler.

Lav et nyt site:

	viften init [-kommune "Navn Kommune"] MAPPE

init skriver et nyt site i en ny eller tom mappe: content/ med site.yaml, målgrupper, emner,
Indsatstrappens trin, et eksempel på et tilbud, en kontakt, en udbyder og en side;
arbejdsgange, der tjekker og udgiver sitet på GitHub Pages eller GitLab Pages; og
package.json, der låser Decap CMS til redigering på /admin/. Sitet kan bygges med det samme.

Søg i tilbuddene:

	viften search [-content content] [-json] [-n 10] [-f navn=værdi] SØGNING

search finder tilbuddene med den samme søgning, som sitets søgefelt bruger: stavemåder som
"boern" og "børn" mødes, bøjninger ("skilsmissen") og synonymer fra synonymer.yaml findes, og
en stavefejl tilgives. En alder i søgningen ("hash 15 år") viser kun tilbud for den alder.
Uden søgning, men med filtre, vises alle tilbud, der passer.

	-content DIR  indholdsmappen (standard content)
	-json         skriv svaret som JSON
	-n N          vis højst N tilbud (standard 10)
	-f navn=værdi  filtrér, fx -f alder=3 -f vej=kom-selv -f anonym=1; navnene er alder,
	               maalgruppe, emne, trin, vej, anonym, gratis og sprog; kan gentages
	-date ÅÅÅÅ-MM-DD  søg, som var det denne dag

Eksportér åbne data:

	viften export [-content content] [-format hsds,csv,json] MAPPE

export skriver tilbuddene som åbne data i MAPPE, de samme filer som build lægger i sitet:
hsds er Open Referral HSDS 3.0 som JSON (data/hsds/), csv er HSDS-tabellerne
(data/hsds/tabular/) og regnearket til fagpersoner (data/tilbud.csv, til dansk Excel), og
json er de samme rækker som JSON (data/tilbud.json). Filer fra en tidligere eksport på de
samme steder bliver erstattet; andre filer i MAPPE bliver ikke rørt.

	-content DIR  indholdsmappen (standard content)
	-format LISTE  formaterne, adskilt af komma: hsds, csv og json (standard alle tre)
	-date ÅÅÅÅ-MM-DD  eksportér, som var det denne dag

Afslutningskoder: 0 når alt er i orden, 1 ved fejl i indholdet, 2 ved forkert brug af kommandoen.

Indholdsmodellen (mapper, filer og alle felter) står i docs/content-model.md.
*/
package main
