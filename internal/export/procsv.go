package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"tilbudsviften/internal/site"
)

// proRow is one offer as professionals read it in a spreadsheet: one row per offer, the
// contacts flattened into text.
type proRow struct {
	ID           string   `json:"id"`
	Title        string   `json:"titel"`
	Summary      string   `json:"resume"`
	Audiences    []string `json:"maalgrupper"`
	AgeFrom      *int     `json:"alder_fra"`
	AgeTo        *int     `json:"alder_til"`
	Topics       []string `json:"emner"`
	Step         string   `json:"trin"`
	StepNumber   int      `json:"trin_nummer,omitempty"`
	Route        string   `json:"adgang"`
	Anonymous    bool     `json:"anonym"`
	Via          string   `json:"via,omitempty"`
	Price        string   `json:"pris,omitempty"`
	Provider     string   `json:"udbyder"`
	ProviderKind string   `json:"udbydertype"`
	Contacts     []string `json:"kontakter"`
	Phones       []string `json:"telefon"`
	Emails       []string `json:"email"`
	Places       []string `json:"steder"`
	Hours        string   `json:"aabningstider,omitempty"`
	Languages    []string `json:"sprog"`
	LegalBasis   string   `json:"lovgrundlag,omitempty"`
	Principles   []string `json:"principper"`
	Status       string   `json:"status"`
	Alert        string   `json:"besked,omitempty"`
	Reviewed     string   `json:"gennemgaaet"`
	ProText      string   `json:"til_fagpersoner,omitempty"`
	Page         string   `json:"side"`
}

// proColumns are the spreadsheet's columns: a Danish heading and the cell of a row.
var proColumns = []struct {
	Head string
	Cell func(r *proRow) string
}{
	{"Tilbud", func(r *proRow) string { return r.Title }},
	{"Kort fortalt", func(r *proRow) string { return r.Summary }},
	{"Målgrupper", func(r *proRow) string { return strings.Join(r.Audiences, ", ") }},
	{"Alder fra", func(r *proRow) string { return intCell(r.AgeFrom) }},
	{"Alder til", func(r *proRow) string { return intCell(r.AgeTo) }},
	{"Emner", func(r *proRow) string { return strings.Join(r.Topics, ", ") }},
	{"Trin", func(r *proRow) string { return r.Step }},
	{"Sådan får man det", func(r *proRow) string { return r.Route }},
	{"Anonym", func(r *proRow) string { return yesNo(r.Anonymous) }},
	{"Via", func(r *proRow) string { return r.Via }},
	{"Pris", func(r *proRow) string { return r.Price }},
	{"Udbyder", func(r *proRow) string { return r.Provider }},
	{"Udbydertype", func(r *proRow) string { return r.ProviderKind }},
	{"Kontakter", func(r *proRow) string { return strings.Join(r.Contacts, "\n") }},
	{"Telefon", func(r *proRow) string { return strings.Join(r.Phones, ", ") }},
	{"E-mail", func(r *proRow) string { return strings.Join(r.Emails, ", ") }},
	{"Steder", func(r *proRow) string { return strings.Join(r.Places, "\n") }},
	{"Åbningstider", func(r *proRow) string { return r.Hours }},
	{"Sprog", func(r *proRow) string { return strings.Join(r.Languages, ", ") }},
	{"Lovgrundlag", func(r *proRow) string { return r.LegalBasis }},
	{"Principper", func(r *proRow) string { return strings.Join(r.Principles, ", ") }},
	{"Status", func(r *proRow) string { return r.Status }},
	{"Besked", func(r *proRow) string { return r.Alert }},
	{"Gennemgået", func(r *proRow) string { return r.Reviewed }},
	{"Til fagpersoner", func(r *proRow) string { return r.ProText }},
	{"Side", func(r *proRow) string { return r.Page }},
	{"HSDS-id", func(r *proRow) string { return r.ID }},
}

func intCell(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func yesNo(b bool) string {
	if b {
		return "Ja"
	}
	return "Nej"
}

// proRows returns one row per offer, in the site's order (by slug).
func proRows(s *site.Site) []*proRow {
	x := newIDs(s.Config.Municipality)
	list := make([]*proRow, len(s.Offers))
	for i, o := range s.Offers {
		r := &proRow{ID: x.id("service", o.Slug), Title: o.Title, Summary: o.Summary, Audiences: audienceNames(o.Audiences),
			Topics: topicNames(o.Topics), Route: o.Access.Route.Label(), Anonymous: o.Access.Anonymous, Via: o.Access.Via,
			Price: costText(o.Cost), Hours: hoursList(o.Hours), Languages: o.LanguageCodes(), LegalBasis: o.LegalBasis,
			Status: "aktiv", Alert: o.Alert, ProText: strings.TrimSpace(o.ProText), Page: ref(s, o.URL()),
			Contacts: []string{}, Phones: []string{}, Emails: []string{}, Places: []string{}, Principles: []string{}}
		if o.Age != nil {
			from, to := o.Age.From, o.Age.To
			r.AgeFrom, r.AgeTo = &from, &to
		}
		if o.Step != nil {
			r.Step, r.StepNumber = o.Step.Name, o.Step.Rank
		}
		if o.Provider != nil {
			r.Provider, r.ProviderKind = o.Provider.Name, providerKindName(o.Provider.Kind)
		}
		if o.Status == site.StatusClosed {
			r.Status = "midlertidigt lukket"
		}
		if !o.Reviewed.IsZero() {
			r.Reviewed = date(o.Reviewed)
		}
		for _, c := range o.Contacts {
			r.Contacts = append(r.Contacts, contactLine(c))
			if c.Phone != "" {
				r.Phones = append(r.Phones, c.Phone)
			}
			if c.Email != "" {
				r.Emails = append(r.Emails, c.Email)
			}
		}
		for _, l := range o.Locations {
			r.Places = append(r.Places, placeText(l))
		}
		for _, p := range o.Principles {
			r.Principles = append(r.Principles, p.Title)
		}
		list[i] = r
	}
	return list
}

// contactLine flattens a contact: "Tandplejen: tlf. 44 52 70 00 (mandag–fredag kl. 8.00–15.00), e-mail x@y.dk".
func contactLine(c *site.Contact) string {
	var parts []string
	if c.Phone != "" {
		p := "tlf. " + c.Phone
		if len(c.PhoneHours) > 0 {
			p += " (" + hoursList(c.PhoneHours) + ")"
		}
		parts = append(parts, p)
	}
	if c.SMS != "" {
		parts = append(parts, "sms "+c.SMS)
	}
	if c.Email != "" {
		parts = append(parts, "e-mail "+c.Email)
	}
	if c.Chat != "" {
		parts = append(parts, "chat "+c.Chat)
	}
	if c.Web != "" {
		parts = append(parts, c.Web)
	}
	if a := c.Address.Line(); a != "" {
		parts = append(parts, a)
	}
	if len(parts) == 0 {
		return c.Name
	}
	return c.Name + ": " + strings.Join(parts, ", ")
}

// ProCSV writes data/tilbud.csv, all offers for professionals, for Danish Excel: UTF-8 with a
// byte-order mark (so Excel reads æ, ø and å), semicolons between fields (Excel's list
// separator in Danish), CRLF line ends. A cell that starts like a formula (=, +, -, @) gets an
// apostrophe first, so the spreadsheet shows it as text instead of running it.
func ProCSV(s *site.Site, emit Emit) error { return writeProCSV(proRows(s), emit) }

// writeProCSV writes data/tilbud.csv of rows (ProCSV).
func writeProCSV(rows []*proRow, emit Emit) error {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	rec := make([]string, len(proColumns))
	for i, c := range proColumns {
		rec[i] = c.Head
	}
	w.Write(rec)
	for _, r := range rows {
		for i, c := range proColumns {
			rec[i] = spreadsheetSafe(c.Cell(r))
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return emit(ProCSVPath, buf.Bytes())
}

// spreadsheetSafe keeps a spreadsheet from reading a cell as a formula.
func spreadsheetSafe(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

// ProJSON writes data/tilbud.json: the professionals' rows as a JSON array, lists as arrays.
func ProJSON(s *site.Site, emit Emit) error { return writeProJSON(proRows(s), emit) }

// writeProJSON writes data/tilbud.json of rows (ProJSON).
func writeProJSON(rows []*proRow, emit Emit) error {
	data, err := marshalIndent(rows, " ")
	if err != nil {
		return err
	}
	return emit(ProJSONPath, data)
}
