package export_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"tilbudsviften/internal/export"
)

// TestProCSV checks the professionals' spreadsheet as Danish Excel opens it: UTF-8 with a
// byte-order mark (without it Excel reads the bytes as Windows-1252 and shows "Ã¦" for "æ"),
// semicolons (Excel's list separator in Danish), CRLF line ends, one row per offer with the
// contacts flattened into one cell, and every cell back through encoding/csv as written.
func TestProCSV(t *testing.T) {
	s := load(t, herlevFS(t, ""))
	out := files(t, func(emit export.Emit) error { return export.ProCSV(s, emit) })
	data := out[export.ProCSVPath]
	if !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("%s does not start with a UTF-8 byte-order mark: % x", export.ProCSVPath, data[:3])
	}
	header, _, _ := bytes.Cut(data[3:], []byte("\r\n"))
	if !bytes.Contains(header, []byte(";")) || bytes.Contains(header, []byte(",")) {
		t.Errorf("header %q: want fields separated by semicolons", header)
	}
	if bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Error("a line ends in LF without CR")
	}
	recs := readCSV(t, export.ProCSVPath, data[3:], ';')
	head := recs[0]
	for _, want := range []string{"Tilbud", "Målgrupper", "Sådan får man det", "Kontakter", "Telefon", "Åbningstider", "Gennemgået", "HSDS-id"} {
		if !slices.Contains(head, want) {
			t.Errorf("no column %q in %q", want, head)
		}
	}
	col := func(name string) int { return slices.Index(head, name) }
	rows := recs[1:]
	if len(rows) != len(s.Offers) {
		t.Fatalf("%d rows, want one per offer (%d)", len(rows), len(s.Offers))
	}
	danish, flattened := 0, 0
	for i, o := range s.Offers {
		r := rows[i]
		if len(r) != len(head) {
			t.Errorf("row %d: %d cells, want %d", i+1, len(r), len(head))
			continue
		}
		if r[col("Tilbud")] != o.Title || r[col("Kort fortalt")] != o.Summary {
			t.Errorf("row %d: %q / %q, want %q / %q", i+1, r[col("Tilbud")], r[col("Kort fortalt")], o.Title, o.Summary)
		}
		if strings.ContainsAny(o.Title+o.Summary, "æøåÆØÅ") {
			danish++
		}
		if r[col("HSDS-id")] != export.ServiceID(s.Config.Municipality, o.Slug) {
			t.Errorf("row %d: HSDS-id %q", i+1, r[col("HSDS-id")])
		}
		// Contacts: one line per contact in one cell, each with its phone number.
		lines := strings.Split(r[col("Kontakter")], "\n")
		if len(o.Contacts) == 0 && r[col("Kontakter")] != "" || len(o.Contacts) > 0 && len(lines) != len(o.Contacts) {
			t.Errorf("row %d: contacts cell %q for %d contacts", i+1, r[col("Kontakter")], len(o.Contacts))
			continue
		}
		for j, c := range o.Contacts {
			if !strings.HasPrefix(lines[j], c.Name) || c.Phone != "" && !strings.Contains(lines[j], "tlf. "+c.Phone) {
				t.Errorf("row %d: contact line %q, want %s with tlf. %s", i+1, lines[j], c.Name, c.Phone)
			}
			if c.Phone != "" {
				flattened++
				if !slices.Contains(strings.Split(r[col("Telefon")], ", "), c.Phone) {
					t.Errorf("row %d: Telefon %q lacks %s", i+1, r[col("Telefon")], c.Phone)
				}
			}
		}
	}
	if danish == 0 || flattened == 0 {
		t.Errorf("%d rows with æ, ø or å, %d contacts with phones: the test proves little", danish, flattened)
	}
}

// TestProCSVFormulas: a cell that a spreadsheet would run as a formula is written as text.
func TestProCSVFormulas(t *testing.T) {
	fsys := baseFS(t)
	f := fsys["tilbud/aaben-raadgivning.md"]
	f.Data = bytes.Replace(f.Data, []byte("resume: Gratis og anonym rådgivning til familier."),
		[]byte(`resume: "=HYPERLINK(\"x\") Gratis rådgivning."`), 1)
	s := load(t, fsys)
	out := files(t, func(emit export.Emit) error { return export.ProCSV(s, emit) })
	recs := readCSV(t, export.ProCSVPath, bytes.TrimPrefix(out[export.ProCSVPath], []byte("\ufeff")), ';')
	if got := recs[1][slices.Index(recs[0], "Kort fortalt")]; !strings.HasPrefix(got, "'=HYPERLINK") {
		t.Errorf("summary cell %q: want it quoted as text", got)
	}
}

// TestProJSON checks data/tilbud.json: the same rows as an array, æ, ø and å unescaped.
func TestProJSON(t *testing.T) {
	s := load(t, herlevFS(t, ""))
	out := files(t, func(emit export.Emit) error { return export.ProJSON(s, emit) })
	data := out[export.ProJSONPath]
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(s.Offers) {
		t.Fatalf("%d rows, want %d", len(rows), len(s.Offers))
	}
	for i, o := range s.Offers {
		if rows[i]["titel"] != o.Title || rows[i]["id"] != export.ServiceID(s.Config.Municipality, o.Slug) {
			t.Errorf("row %d: %v", i, rows[i]["titel"])
		}
	}
	if !bytes.ContainsAny(data, "æøå") || bytes.Contains(data, []byte(`\u00e6`)) {
		t.Error("æ, ø and å are not written as UTF-8")
	}
}
