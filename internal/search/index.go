package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"tilbudsviften/internal/site"
)

// Index answers searches from a bleve index held in memory (scorch, BM25), built with the
// same documents and analysis the static export uses. `viften search` and the serve command's
// /api/search use it.
type Index struct {
	an    *Analyzer
	bi    bleve.Index
	docs  []*doc
	ids   map[string]int // document URL → number
	ft    *facetTable
	vocab *vocabulary
}

// Open indexes the site.
func Open(s *site.Site) (*Index, error) { return OpenWith(s, DefaultOptions()) }

// OpenWith indexes the site with explicit options.
func OpenWith(s *site.Site, opts Options) (*Index, error) {
	docs := documents(s)
	an := newSiteAnalyzer(s)
	if opts.Compounds {
		an.SetCompounds(dictionary(analyseAll(an, docs), an.Groups()))
	}
	im := mapping.NewIndexMapping()
	im.ScoringModel = index.BM25Scoring
	bi, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	ix := &Index{an: an, bi: bi, docs: docs, ids: map[string]int{}, ft: newFacetTable(s, docs)}
	batch := bi.NewBatch()
	ba := bleveAnalyzer{an, false}
	for i, d := range docs {
		ix.ids[d.URL] = i
		bd := document.NewDocument(d.URL)
		for f, text := range d.Fields {
			var fa analysis.Analyzer = ba
			if isRaw(f) {
				fa = termsAnalyzer{}
			} else if f == fieldTitle {
				fa = bleveAnalyzer{an, true}
			}
			bd.AddField(document.NewTextFieldCustom(fieldNames[f], nil, []byte(text), index.IndexField, fa))
		}
		if err := batch.IndexAdvanced(bd); err != nil {
			bi.Close()
			return nil, fmt.Errorf("search index: %w", err)
		}
	}
	if err := bi.Batch(batch); err != nil {
		bi.Close()
		return nil, fmt.Errorf("search index: %w", err)
	}
	if ix.vocab, err = ix.readVocabulary(); err != nil {
		bi.Close()
		return nil, err
	}
	return ix, nil
}

// Close releases the index.
func (ix *Index) Close() error { return ix.bi.Close() }

// bleveAnalyzer hands our analysis to bleve.
type bleveAnalyzer struct {
	an      *Analyzer
	noParts bool // a title's words are not split into compound parts (fieldAnalysis)
}

func (b bleveAnalyzer) Analyze(input []byte) analysis.TokenStream {
	toks := b.an.Analyze(string(input))
	if b.noParts {
		toks = slices.DeleteFunc(toks, func(t Token) bool { return t.kind == kindPart })
	}
	ts := make(analysis.TokenStream, len(toks))
	for i, t := range toks {
		ts[i] = &analysis.Token{Term: []byte(t.Term), Position: t.Pos, Start: t.Start, End: t.End, Type: analysis.AlphaNumeric}
	}
	return ts
}

// termsAnalyzer hands bleve the topic field's terms as they are, one between spaces, as
// analyseAll reads them.
type termsAnalyzer struct{}

func (termsAnalyzer) Analyze(input []byte) analysis.TokenStream {
	var ts analysis.TokenStream
	for i, t := range bytes.Fields(input) {
		ts = append(ts, &analysis.Token{Term: t, Position: i + 1, Type: analysis.AlphaNumeric})
	}
	return ts
}

// readVocabulary reads the terms and their document counts from bleve's field dictionaries.
func (ix *Index) readVocabulary() (*vocabulary, error) {
	df := map[string]int{}
	for _, f := range fieldNames {
		d, err := ix.bi.FieldDict(f)
		if err != nil {
			return nil, fmt.Errorf("search index: %w", err)
		}
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, fmt.Errorf("search index: %w", err)
			}
			if e == nil {
				break
			}
			if !isPad(e.Term) {
				df[e.Term] += int(e.Count)
			}
		}
		d.Close()
	}
	terms := slices.Sorted(maps.Keys(df))
	counts := make([]int, len(terms))
	for i, t := range terms {
		counts[i] = df[t]
	}
	return newVocabulary(terms, counts), nil
}

// Request is a search.
type Request struct {
	Query   string
	Filters Filters
	Size    int // offers to return; 0 means 10
}

// Hit is one result.
type Hit struct {
	Kind    string  `json:"kind"`
	URL     string  `json:"url"`
	Title   string  `json:"title"`
	Summary string  `json:"summary"`
	Score   float64 `json:"score,omitempty"`
}

// Response is the answer to a Request.
type Response struct {
	Query  string   `json:"query"`
	Terms  []string `json:"terms,omitempty"` // the query's terms after analysis and expansion
	Age    *int     `json:"age,omitempty"`   // an age read from the query ("15 år") and used as a filter
	Total  int      `json:"total"`           // offers found
	Hits   []Hit    `json:"hits"`            // the best offers, at most Size
	Others []Hit    `json:"others"`          // contacts, principles and guide pages, at most 3, when no filter is set
	Facets []Facet  `json:"facets"`
}

// Search answers req. An empty query lists the offers that pass the filters in title order.
func (ix *Index) Search(ctx context.Context, req Request) (*Response, error) {
	size := req.Size
	if size <= 0 {
		size = 10
	}
	words, age := ix.an.parse(req.Query)
	filters := Filters{}
	for k, v := range req.Filters {
		filters[k] = v
	}
	res := &Response{Query: req.Query, Hits: []Hit{}, Others: []Hit{}}
	if age >= 0 && len(filters[ParamAge]) == 0 {
		filters[ParamAge] = []string{strconv.Itoa(age)}
		res.Age = &age
	}
	var list []scored
	if len(words) == 0 {
		for d := 0; d < ix.ft.offers; d++ {
			list = append(list, scored{doc: d})
		}
	} else {
		var err error
		if list, err = ix.rank(ctx, words, res); err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, err)
		}
	}
	c := ix.ft.compile(filters)
	var cands []int
	for _, s := range list {
		if s.doc < ix.ft.offers {
			cands = append(cands, s.doc)
			if ix.ft.passes(s.doc, c, "") {
				res.Total++
				if len(res.Hits) < size {
					res.Hits = append(res.Hits, ix.hit(s))
				}
			}
		} else if !c.active() && len(res.Others) < shownOthers {
			res.Others = append(res.Others, ix.hit(s))
		}
	}
	res.Facets = ix.ft.counts(cands, filters, c)
	return res, nil
}

// ranked returns every document matching q: the offers best first, then the other pages best
// first.
func (ix *Index) ranked(ctx context.Context, q string) ([]scored, error) {
	words, _ := ix.an.parse(q)
	if len(words) == 0 {
		return nil, nil
	}
	return ix.rank(ctx, words, &Response{})
}

// rank asks bleve for the documents matching words and ranks the offers and the other pages
// apart (rankApart); it records the query's terms in res.
func (ix *Index) rank(ctx context.Context, words []word, res *Response) ([]scored, error) {
	var wq []query.Query
	for _, w := range words {
		var lq []query.Query
		for _, l := range w.leaves(ix.vocab) {
			res.Terms = append(res.Terms, l.term)
			var fq []query.Query
			for f, name := range fieldNames {
				tq := query.NewTermQuery(l.term)
				tq.SetField(name)
				tq.SetBoost(fieldBoosts[f] * l.boost)
				fq = append(fq, tq)
			}
			lq = append(lq, query.NewDisjunctionQuery(fq))
		}
		wq = append(wq, query.NewDisjunctionQuery(lq))
	}
	sr := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(wq), len(ix.docs), 0, false)
	out, err := ix.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, err
	}
	var list []scored
	for _, h := range out.Hits {
		if d, ok := ix.ids[h.ID]; ok && h.Score > 0 {
			list = append(list, scored{d, h.Score})
		}
	}
	return rankApart(list, ix.ft.offers), nil
}

func (ix *Index) hit(s scored) Hit {
	d := ix.docs[s.doc]
	return Hit{Kind: d.Kind, URL: d.URL, Title: d.Title, Summary: d.Summary, Score: s.score}
}

// ServeHTTP answers GET /api/search?q=...&<filters> with the Response as JSON; n sets the
// number of offers (at most 100).
func (ix *Index) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req := ParseRequest(r.URL.Query())
	if n, err := strconv.Atoi(r.URL.Query().Get("n")); err == nil && n > 0 {
		req.Size = min(n, 100)
	}
	res, err := ix.Search(r.Context(), req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(res)
}
