package search

import (
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"tilbudsviften/internal/site"
)

// The URL parameters of the search page: the query, the age (a number), and the facets.
const (
	ParamQuery = "q"
	ParamAge   = "alder"
)

// facetParams are the facets in the order the page shows them.
var facetParams = []string{"maalgruppe", "emne", "trin", "vej", "anonym", "gratis", "sprog"}

// facetTable holds the facet values of every offer as value numbers per parameter.
type facetTable struct {
	offers int
	labels []FacetLabel
	values map[string][][]int // param → offer → value numbers
	ages   [][]int            // offer → [from, to], or nil for any age
	maxAge int
}

func newFacetTable(s *site.Site, docs []*doc) *facetTable {
	ft := &facetTable{values: map[string][][]int{}, maxAge: 25}
	var langs []string
	seen := map[string]bool{}
	for _, d := range docs {
		if d.Offer == nil {
			continue
		}
		ft.offers++
		for _, l := range d.Offer.LanguageCodes() {
			if !seen[l] {
				seen[l] = true
				langs = append(langs, l)
			}
		}
		if d.Offer.Age != nil && d.Offer.Age.To > ft.maxAge {
			ft.maxAge = min(d.Offer.Age.To, 99)
		}
	}
	sort.Slice(langs, func(i, j int) bool { // Danish first, then by name
		if (langs[i] == "da") != (langs[j] == "da") {
			return langs[i] == "da"
		}
		return languageName(langs[i]) < languageName(langs[j])
	})
	index := map[string]map[string]int{}
	add := func(param string, values [][]string) {
		if values == nil {
			values = [][]string{} // meta.json lists an empty facet as []
		}
		ft.labels = append(ft.labels, FacetLabel{Param: param, Values: values})
		index[param] = map[string]int{}
		for i, v := range values {
			index[param][v[0]] = i
		}
	}
	for _, p := range facetParams {
		var vs [][]string
		switch p {
		case "maalgruppe":
			for _, a := range s.Audiences {
				vs = append(vs, []string{a.ID, a.Name})
			}
		case "emne":
			for _, t := range s.Topics {
				vs = append(vs, []string{t.ID, t.Name})
			}
		case "trin":
			for _, st := range s.Steps {
				label := st.Short
				if label == "" {
					label = st.Name
				}
				vs = append(vs, []string{st.ID, label})
			}
		case "vej":
			for _, r := range site.Routes {
				vs = append(vs, []string{string(r), r.Label()})
			}
		case "anonym":
			vs = [][]string{{"1", "Anonymt"}}
		case "gratis":
			vs = [][]string{{"1", "Gratis"}}
		case "sprog":
			for _, l := range langs {
				vs = append(vs, []string{l, languageName(l)})
			}
		}
		add(p, vs)
	}
	for _, d := range docs[:ft.offers] {
		o := d.Offer
		var ids = map[string][]string{"trin": nil, "vej": {string(o.Access.Route)}, "sprog": o.LanguageCodes()}
		for _, a := range o.Audiences {
			ids["maalgruppe"] = append(ids["maalgruppe"], a.ID)
		}
		for _, t := range o.Topics {
			ids["emne"] = append(ids["emne"], t.ID)
		}
		if o.Step != nil {
			ids["trin"] = []string{o.Step.ID}
		}
		if o.Access.Anonymous {
			ids["anonym"] = []string{"1"}
		}
		if o.Free() {
			ids["gratis"] = []string{"1"}
		}
		for _, p := range facetParams {
			nums := []int{}
			for _, id := range ids[p] {
				if n, ok := index[p][id]; ok {
					nums = append(nums, n)
				}
			}
			slices.Sort(nums)
			ft.values[p] = append(ft.values[p], nums)
		}
		if o.Age != nil {
			ft.ages = append(ft.ages, []int{o.Age.From, o.Age.To})
		} else {
			ft.ages = append(ft.ages, nil)
		}
	}
	return ft
}

// languageName is a language's label in the filter: "Engelsk", or the code in capitals when
// the name is unknown.
func languageName(code string) string {
	if n, ok := site.LanguageName(code); ok {
		return site.UpperFirst(n)
	}
	return strings.ToUpper(code)
}

// columns returns the table as the facet file holds it: per facet parameter a string with
// the same number of digits for every offer, ceil(values/6) of them (at least one), each
// holding six bits of the offer's value set (bit v%6 of digit v/6 for value v); and "alder":
// four digits per offer, from+1 and to+1 in two digits each (high first), all zero for an
// offer of any age. A digit x is the character '0'+x.
func (ft *facetTable) columns() map[string]string {
	digit := func(x int) byte { return byte('0' + x) }
	cols := map[string]string{}
	for _, l := range ft.labels {
		w := max(1, (len(l.Values)+5)/6)
		b := make([]byte, 0, w*ft.offers)
		for _, vs := range ft.values[l.Param] {
			set := make([]byte, w)
			for _, v := range vs {
				set[v/6] |= 1 << (v % 6)
			}
			for _, x := range set {
				b = append(b, digit(int(x)))
			}
		}
		cols[l.Param] = string(b)
	}
	b := make([]byte, 0, 4*ft.offers)
	for _, a := range ft.ages {
		from, to := 0, 0
		if a != nil {
			from, to = min(a[0], 4094)+1, min(a[1], 4094)+1
		}
		b = append(b, digit(from>>6), digit(from&63), digit(to>>6), digit(to&63))
	}
	cols[ParamAge] = string(b)
	return cols
}

// Filters are the facet values chosen: parameter → value ids; within a facet any value
// matches, all facets must match. ParamAge holds one age in years.
type Filters map[string][]string

// Active reports whether any filter is set.
func (f Filters) Active() bool {
	for _, v := range f {
		if len(v) > 0 {
			return true
		}
	}
	return false
}

// ParseRequest reads a search from URL parameters as the search page writes them:
// ?q=...&maalgruppe=unge&emne=skole&alder=15&anonym=1.
func ParseRequest(v url.Values) Request {
	req := Request{Query: v.Get(ParamQuery), Filters: Filters{}}
	for _, p := range append([]string{ParamAge}, facetParams...) {
		for _, x := range v[p] {
			if x = strings.TrimSpace(x); x != "" {
				req.Filters[p] = append(req.Filters[p], x)
			}
		}
	}
	if a := req.Filters[ParamAge]; len(a) > 0 {
		if _, err := strconv.Atoi(a[0]); err != nil {
			delete(req.Filters, ParamAge)
		} else {
			req.Filters[ParamAge] = a[:1]
		}
	}
	return req
}

// compiled filters: param → allowed value numbers; age or -1.
type compiled struct {
	sets map[string]map[int]bool
	age  int
}

func (ft *facetTable) compile(f Filters) compiled {
	c := compiled{sets: map[string]map[int]bool{}, age: -1}
	for _, l := range ft.labels {
		for _, id := range f[l.Param] {
			for i, v := range l.Values {
				if v[0] == id {
					if c.sets[l.Param] == nil {
						c.sets[l.Param] = map[int]bool{}
					}
					c.sets[l.Param][i] = true
				}
			}
		}
		if len(f[l.Param]) > 0 && c.sets[l.Param] == nil {
			c.sets[l.Param] = map[int]bool{} // only unknown values: nothing matches
		}
	}
	if a := f[ParamAge]; len(a) > 0 && isAllDigits(a[0]) {
		if n, err := strconv.Atoi(a[0]); err == nil {
			c.age = n
		}
	}
	return c
}

// active reports whether the filters are in use: a facet of the table given a value, or an age
// that is a number. An age such as "abc" or a parameter that is no facet filters nothing, and
// the page shows other pages beside the offers, as search.js does.
func (c compiled) active() bool { return len(c.sets) > 0 || c.age >= 0 }

// passes reports whether offer d passes every filter but the one named except.
func (ft *facetTable) passes(d int, c compiled, except string) bool {
	for p, set := range c.sets {
		if p == except {
			continue
		}
		ok := false
		for _, v := range ft.values[p][d] {
			ok = ok || set[v]
		}
		if !ok {
			return false
		}
	}
	if c.age >= 0 && except != ParamAge {
		if a := ft.ages[d]; a != nil && (c.age < a[0] || c.age > a[1]) {
			return false
		}
	}
	return true
}

// FacetCount is one facet value with the number of results it would give.
type FacetCount struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Count    int    `json:"count"`
	Selected bool   `json:"selected,omitempty"`
}

// Facet is one facet of a response.
type Facet struct {
	Param  string       `json:"param"`
	Values []FacetCount `json:"values"`
}

// counts returns the facets with counts over the offers in cands: each value counts the offers
// that pass the other facets' filters and have the value.
func (ft *facetTable) counts(cands []int, f Filters, c compiled) []Facet {
	var out []Facet
	for _, l := range ft.labels {
		fc := Facet{Param: l.Param, Values: []FacetCount{}}
		n := make([]int, len(l.Values))
		for _, d := range cands {
			if ft.passes(d, c, l.Param) {
				for _, v := range ft.values[l.Param][d] {
					n[v]++
				}
			}
		}
		for i, v := range l.Values {
			fc.Values = append(fc.Values, FacetCount{ID: v[0], Label: v[1], Count: n[i], Selected: c.sets[l.Param][i]})
		}
		out = append(out, fc)
	}
	// The ages count the offers that pass the other filters; which those are does not depend
	// on the age, so they are found once.
	var ageCands []int
	for _, d := range cands {
		if ft.passes(d, c, ParamAge) {
			ageCands = append(ageCands, d)
		}
	}
	age := Facet{Param: ParamAge}
	for a := 0; a <= ft.maxAge; a++ {
		n := 0
		for _, d := range ageCands {
			if r := ft.ages[d]; r == nil || a >= r[0] && a <= r[1] {
				n++
			}
		}
		age.Values = append(age.Values, FacetCount{ID: strconv.Itoa(a), Label: strconv.Itoa(a) + " år", Count: n, Selected: c.age == a})
	}
	return append(out, age)
}
