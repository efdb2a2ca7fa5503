package site

import "testing"

func TestText(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{(*AgeRange)(nil).Text(), ""},
		{(&AgeRange{3, 3}).Text(), "3 år"},
		{(&AgeRange{0, 6}).Text(), "0–6 år"},
		{(&AgeRange{15, 99}).Text(), "Fra 15 år"},
		{(&AgeRange{0, 120}).Text(), "Alle aldre"},
		{Address{Street: "Borgmester Ib Juuls Vej 1", PostalCode: "2730", City: "Herlev"}.Line(), "Borgmester Ib Juuls Vej 1, 2730 Herlev"},
		{Address{Street: "Rådhusvej 1"}.Line(), "Rådhusvej 1"},
		{Address{City: "Herlev"}.Line(), "Herlev"},
		{JoinAnd(nil), ""},
		{JoinAnd([]string{"børn"}), "børn"},
		{JoinAnd([]string{"børn", "unge"}), "børn og unge"},
		{JoinAnd([]string{"børn", "unge", "forældre"}), "børn, unge og forældre"},
		{UpperFirst("børn og unge"), "Børn og unge"},
		{UpperFirst("ærø"), "Ærø"},
		{UpperFirst(""), ""},
		{LowerFirst("Forældre"), "forældre"},
		{LowerFirst("Øvrige"), "øvrige"},
		{PlainText("<p>Tilbud om <em>vold</em> &amp;\n overgreb.</p>"), "Tilbud om vold & overgreb."},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for title, want := range map[string]string{
		"Åben Rådgivning":                 "aaben-raadgivning",
		"Børn & unge: støtte i hverdagen": "boern-unge-stoette-i-hverdagen",
		"  Familiehuset (0–6 år) ":        "familiehuset-0-6-aar",
		"Ærø-turen 2027":                  "aeroe-turen-2027",
		"Café Über":                       "cafe-ueber",
		"Barnets lov § 30":                "barnets-lov-paragraf-30",
		"Om Sitet":                        "om-sitet",
		"???":                             "",
	} {
		if got := Slug(title); got != want {
			t.Errorf("Slug(%q) = %q, want %q", title, got, want)
		}
	}
}
