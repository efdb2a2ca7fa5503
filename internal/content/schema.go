package content

// The field tables below are every key the loader accepts, file type by file type. Keep them
// in step with docs/content-model.md (a test compares the two).

var sourceFields = []field{
	{key: "url", kind: kURL, required: true, doc: "adressen på kilden"},
	{key: "titel", kind: kText, doc: "kildens titel"},
	{key: "laest", kind: kDate, doc: "datoen, oplysningerne blev læst"},
	{key: "note", kind: kText, doc: "note om kilden, fx hvis kilderne er uenige, og hvilken der er brugt"},
}

var addressFields = []field{
	{key: "vej", kind: kText, doc: "vej og nummer"},
	{key: "postnummer", kind: kText, doc: "postnummer"},
	{key: "by", kind: kText, doc: "by"},
}

var siteFields = []field{
	{key: "navn", kind: kText, required: true, doc: "sitets navn"},
	{key: "kommune", kind: kText, required: true, doc: "kommunens navn"},
	{key: "beskrivelse", kind: kText, required: true, doc: "én sætning om sitet"},
	{key: "basisurl", kind: kURL, doc: "sitets offentlige adresse"},
	{key: "underretning", kind: kURL, doc: "kommunens side om underretning"},
	{key: "tilgaengelighedserklaering", kind: kURL, doc: "link til kommunens tilgængelighedserklæring (WAS)"},
	{key: "kontakt", kind: kID, ref: "kontakt", doc: "kommunens fælles kontakt fra kontakter/: vises på tilbud uden egen telefon eller e-mail"},
	{key: "redaktion", kind: kMap, doc: "hvem der retter sitet", fields: []field{
		{key: "navn", kind: kText, doc: "redaktionens navn"},
		{key: "email", kind: kEmail, doc: "redaktionens e-mail"},
	}},
	{key: "akut", kind: kMaps, doc: "akutte numre på alle sider", fields: []field{
		{key: "navn", kind: kText, required: true, doc: "linjens navn"},
		{key: "telefon", kind: kPhone, required: true, doc: "nummeret"},
		{key: "tekst", kind: kText, doc: "hvornår man ringer"},
	}},
	{key: "aldersgrupper", kind: kMaps, doc: "aldersgrupper at browse efter", fields: []field{
		{key: "id", kind: kID, required: true, doc: "id, fx 0-2"},
		{key: "navn", kind: kText, required: true, doc: "navn, fx 0–2 år"},
		{key: "fra", kind: kInt, required: true, doc: "fra alder"},
		{key: "til", kind: kInt, required: true, doc: "til alder"},
	}},
	{key: "gennemgang_maaneder", kind: kInt, doc: "måneder før et tilbud skal gennemgås igen"},
	{key: "lix_graense", kind: kInt, doc: "grænse for LIX i teksten til familier"},
	{key: "eksterne_vaerter", kind: kHosts, doc: "andre værter, som billeder i teksterne må hentes fra, fx billeder.kommune.dk: de kan se, hvem der læser siderne"},
	{key: "cms", kind: kMap, doc: "redigering i browseren på /admin/ (Decap CMS)", fields: []field{
		{key: "backend", kind: kEnum, required: true, enum: []string{"github", "gitlab", "git-gateway"}, doc: "hvor indholdet ligger"},
		{key: "repo", kind: kText, doc: "repository, fx organisation/tilbudsviften"},
		{key: "gren", kind: kText, doc: "grenen, der udgives fra (standard main)"},
		{key: "login", kind: kURL, doc: "adressen på login-tjenesten (OAuth)"},
	}},
}

var audienceFields = []field{
	{key: "id", kind: kID, required: true, doc: "id"},
	{key: "navn", kind: kText, required: true, doc: "navn"},
	{key: "beskrivelse", kind: kText, required: true, doc: "beskrivelse"},
	{key: "synonymer", kind: kTexts, doc: "ord i en søgning, der siger, hvem der spørger, fx \"min søn\" for forældre"},
}

var topicFields = []field{
	{key: "id", kind: kID, required: true, doc: "id"},
	{key: "navn", kind: kText, required: true, doc: "navn"},
	{key: "beskrivelse", kind: kText, required: true, doc: "beskrivelse"},
	{key: "synonymer", kind: kTexts, doc: "ord, der skal finde emnet"},
	{key: "foelsomt", kind: kBool, doc: "vis \"Forlad siden hurtigt\""},
}

var stepFields = []field{
	{key: "id", kind: kID, required: true, doc: "id"},
	{key: "navn", kind: kText, required: true, doc: "navn"},
	{key: "kort", kind: kText, required: true, doc: "kort navn til kort"},
	{key: "beskrivelse", kind: kText, required: true, doc: "beskrivelse"},
}

var offerFields = []field{
	{key: "titel", kind: kText, required: true, doc: "tilbuddets navn"},
	{key: "resume", kind: kText, required: true, doc: "én sætning: hvad og for hvem"},
	{key: "maalgrupper", kind: kIDs, required: true, ref: "maalgruppe", doc: "målgrupper fra maalgrupper.yaml"},
	{key: "alder", kind: kMap, doc: "alder fra og til", fields: []field{
		{key: "fra", kind: kInt, required: true, doc: "fra alder"},
		{key: "til", kind: kInt, required: true, doc: "til alder"},
	}},
	{key: "emner", kind: kIDs, required: true, ref: "emne", doc: "emner fra emner.yaml"},
	{key: "trin", kind: kID, required: true, ref: "trin", doc: "trin på Indsatstrappen fra trin.yaml"},
	{key: "adgang", kind: kMap, required: true, doc: "sådan får man tilbuddet", fields: []field{
		{key: "vej", kind: kEnum, required: true, enum: []string{"kom-selv", "via-fagperson", "kraever-afgoerelse"}, doc: "adgangsvej"},
		{key: "anonym", kind: kBool, doc: "kan bruges anonymt"},
		{key: "via", kind: kText, doc: "hvem man går igennem"},
		{key: "trin", kind: kTexts, doc: "sådan gør du, trin for trin"},
	}},
	{key: "pris", kind: kMap, doc: "pris", fields: []field{
		{key: "gratis", kind: kBool, required: true, doc: "er det gratis"},
		{key: "tekst", kind: kText, doc: "om prisen"},
	}},
	{key: "udbyder", kind: kID, required: true, ref: "udbyder", doc: "udbyder fra udbydere/"},
	{key: "kontakter", kind: kIDs, ref: "kontakt", doc: "kontakter fra kontakter/"},
	{key: "enhed", kind: kID, ref: "kontakt", doc: "kontakten til den enhed, der står for tilbuddet: vises, hvis tilbuddet ikke har egen telefon eller e-mail"},
	{key: "steder", kind: kMaps, doc: "steder", fields: []field{
		{key: "navn", kind: kText, required: true, doc: "stedets navn"},
		{key: "adresse", kind: kText, doc: "vej og nummer"},
		{key: "postnummer", kind: kText, doc: "postnummer"},
		{key: "by", kind: kText, doc: "by"},
		{key: "note", kind: kText, doc: "note"},
	}},
	{key: "aabningstider", kind: kHours, doc: "åbningstider"},
	{key: "moedetider", kind: kHours, doc: "faste mødetider for grupper og forløb"},
	{key: "sprog", kind: kIDs, doc: "sprog (ISO 639-1)"},
	{key: "principper", kind: kIDs, ref: "princip", doc: "principper fra principper/"},
	{key: "links", kind: kMaps, doc: "links", fields: []field{
		{key: "titel", kind: kText, required: true, doc: "linkets tekst"},
		{key: "url", kind: kURL, required: true, doc: "adressen"},
	}},
	{key: "lovgrundlag", kind: kText, doc: "lovgrundlag"},
	{key: "status", kind: kEnum, enum: []string{"aktiv", "midlertidigt-lukket"}, doc: "status"},
	{key: "besked", kind: kText, doc: "besked når tilbuddet er lukket"},
	{key: "gennemgaaet", kind: kDate, required: true, doc: "dato for sidste gennemgang"},
	{key: "ansvarlig", kind: kText, required: true, doc: "ansvarlig redaktør"},
	{key: "kilder", kind: kMaps, required: true, fields: sourceFields, doc: "kilder"},
	{key: "tjekkes", kind: kText, doc: "hvad der skal bekræftes"},
	{key: "udgives", kind: kDate, doc: "udgives fra"},
	{key: "udloeber", kind: kDate, doc: "skjules fra"},
	{key: "soegeord", kind: kTexts, doc: "ekstra søgeord"},
}

var contactFields = []field{
	{key: "navn", kind: kText, required: true, doc: "navn"},
	{key: "udbyder", kind: kID, required: true, ref: "udbyder", doc: "udbyder fra udbydere/"},
	{key: "beskrivelse", kind: kText, doc: "hvad man kontakter dem om"},
	{key: "telefon", kind: kPhone, doc: "telefon"},
	{key: "telefontider", kind: kHours, doc: "telefontider"},
	{key: "sms", kind: kPhone, doc: "sms-nummer"},
	{key: "email", kind: kEmail, doc: "e-mail"},
	{key: "web", kind: kURL, doc: "hjemmeside"},
	{key: "chat", kind: kURL, doc: "chat"},
	{key: "adresse", kind: kMap, fields: addressFields, doc: "adresse"},
	{key: "aabningstider", kind: kHours, doc: "åbningstider"},
	{key: "note", kind: kText, doc: "note"},
	{key: "kilder", kind: kMaps, required: true, fields: sourceFields, doc: "kilder"},
	{key: "gennemgaaet", kind: kDate, required: true, doc: "dato for sidste gennemgang"},
	{key: "tjekkes", kind: kText, doc: "hvad der skal bekræftes"},
}

var providerFields = []field{
	{key: "navn", kind: kText, required: true, doc: "navn"},
	{key: "type", kind: kEnum, required: true, enum: []string{"kommune", "region", "stat", "forening"}, doc: "type"},
	{key: "beskrivelse", kind: kText, required: true, doc: "én sætning"},
	{key: "web", kind: kURL, doc: "hjemmeside"},
	{key: "email", kind: kEmail, doc: "e-mail"},
	{key: "telefon", kind: kPhone, doc: "telefon"},
	{key: "adresse", kind: kMap, fields: addressFields, doc: "adresse"},
	{key: "kontakt", kind: kID, ref: "kontakt", doc: "organisationens fælles kontakt fra kontakter/: vises på dens tilbud uden egen telefon eller e-mail"},
	{key: "kilder", kind: kMaps, required: true, fields: sourceFields, doc: "kilder"},
}

var principleFields = []field{
	{key: "titel", kind: kText, required: true, doc: "titel"},
	{key: "undertitel", kind: kText, doc: "undertitel"},
	{key: "resume", kind: kText, required: true, doc: "én sætning"},
	{key: "type", kind: kEnum, required: true, enum: []string{"tema", "metode"}, doc: "tema eller metode"},
	{key: "nummer", kind: kInt, required: true, doc: "rækkefølge"},
	{key: "principper", kind: kTexts, doc: "principperne"},
	{key: "kilder", kind: kMaps, required: true, fields: sourceFields, doc: "kilder"},
}

var guideFields = []field{
	{key: "titel", kind: kText, required: true, doc: "titel"},
	{key: "resume", kind: kText, required: true, doc: "én sætning"},
	{key: "maalgruppe", kind: kEnum, required: true, enum: []string{"alle", "foraeldre", "fagprofessionelle"}, doc: "hvem siden er til"},
	{key: "nummer", kind: kInt, required: true, doc: "rækkefølge"},
	{key: "kilder", kind: kMaps, required: true, fields: sourceFields, doc: "kilder"},
}

var pageFields = []field{
	{key: "titel", kind: kText, required: true, doc: "titel"},
	{key: "resume", kind: kText, required: true, doc: "én sætning"},
	{key: "nummer", kind: kInt, doc: "rækkefølge i bunden af siden"},
	{key: "kilder", kind: kMaps, fields: sourceFields, doc: "kilder til sidens oplysninger"},
}

// fieldsOf returns the nested fields of key in fields.
func fieldsOf(fields []field, key string) []field {
	for _, f := range fields {
		if f.key == key {
			return f.fields
		}
	}
	panic("content: no field " + key) // a programming error in the tables above
}
