package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"tilbudsviften/internal/site"
)

// Options control the analysis.
type Options struct {
	// Compounds splits compound words into parts the site's vocabulary knows, for indexing
	// and for queries ("forældrekursus" finds "kursus for forældre").
	Compounds bool
}

// DefaultOptions returns the options the build and `viften search` use.
func DefaultOptions() Options { return Options{Compounds: true} }

// Sizes of the exported files: a postings shard holds terms until it reaches shardBytes, a
// document chunk holds docChunk documents.
const (
	shardBytes = 8 << 10
	docChunk   = 32
)

// MetaPath is the exported file search.js starts from; every other file it names carries a
// content hash, so it can be cached for ever.
const MetaPath = "search/meta.json"

// Meta is the content of search/meta.json.
type Meta struct {
	Version   int          `json:"v"`
	Fields    int          `json:"fields"` // fields per term (the coord denominator)
	Stop      []string     `json:"stop"`
	Groups    []Group      `json:"groups"`
	Compounds bool         `json:"compounds"`
	Vocab     []string     `json:"vocab"` // every term, sorted
	DF        []int        `json:"df"`    // per term: documents, summed over fields
	Shards    []int        `json:"shards"`
	Files     []string     `json:"files"` // postings shard i holds terms Shards[i] up to Shards[i+1]
	Docs      int          `json:"docs"`
	Offers    int          `json:"offers"` // documents 0 … Offers-1 are offers
	Chunk     int          `json:"chunk"`
	DocFiles  []string     `json:"docFiles"`
	FacetFile string       `json:"facetFile"`
	Facets    []FacetLabel `json:"facets"`
}

// FacetLabel names a facet's parameter and values, in the order the facet file numbers them.
type FacetLabel struct {
	Param  string     `json:"param"`
	Values [][]string `json:"values"` // [id, label]
}

// Export writes the static search files of s under search/ with emit: meta.json, the postings
// shards, the document chunks and the facet table. The same site gives the same bytes.
func Export(s *site.Site, emit func(path string, data []byte) error) error {
	return ExportWith(s, DefaultOptions(), emit)
}

// ExportWith is Export with explicit options.
func ExportWith(s *site.Site, opts Options, emit func(path string, data []byte) error) error {
	docs := documents(s)
	an := NewAnalyzer(s.Synonyms)
	as := analyseAll(an, docs)
	if opts.Compounds {
		an.SetCompounds(dictionary(as, an.Groups()))
		as = analyseAll(an, docs)
	}
	postings, dfSum := weights(as)
	vocab := sortedKeys(postings)
	meta := Meta{Version: 1, Fields: numFields, Stop: an.StopWords(), Groups: an.Groups(), Compounds: opts.Compounds,
		Vocab: vocab, Docs: len(docs), Chunk: docChunk}
	if meta.Groups == nil {
		meta.Groups = []Group{}
	}
	put := func(name string, data []byte) (string, error) {
		sum := sha256.Sum256(data)
		p := fmt.Sprintf("search/%s.%s.json", name, hex.EncodeToString(sum[:])[:10])
		return p[len("search/"):], emit(p, data)
	}
	// Postings: per term [doc delta, weight, ...], terms in vocabulary order.
	var shard bytes.Buffer
	flush := func() error {
		if shard.Len() == 0 {
			return nil
		}
		shard.WriteByte(']')
		// emit may keep the bytes: hand it a copy, as the buffer is reused for the next shard.
		name, err := put(fmt.Sprintf("shard-%03d", len(meta.Files)), bytes.Clone(shard.Bytes()))
		meta.Files = append(meta.Files, name)
		shard.Reset()
		return err
	}
	for i, t := range vocab {
		meta.DF = append(meta.DF, dfSum[t])
		if shard.Len() == 0 {
			meta.Shards = append(meta.Shards, i)
			shard.WriteByte('[')
		} else {
			shard.WriteByte(',')
		}
		shard.WriteByte('[')
		last := 0
		for j, p := range postings[t] {
			if j > 0 {
				shard.WriteByte(',')
			}
			shard.WriteString(strconv.Itoa(p.doc - last))
			shard.WriteByte(',')
			shard.WriteString(strconv.FormatFloat(p.weight, 'g', 6, 64))
			last = p.doc
		}
		shard.WriteByte(']')
		if shard.Len() >= shardBytes {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	// Documents: [kind, url, title, summary].
	for i := 0; i < len(docs); i += docChunk {
		var rows [][4]string
		for _, d := range docs[i:min(i+docChunk, len(docs))] {
			rows = append(rows, [4]string{d.Kind, d.URL, d.Title, d.Summary})
		}
		name, err := put(fmt.Sprintf("docs-%03d", i/docChunk), mustJSON(rows))
		if err != nil {
			return err
		}
		meta.DocFiles = append(meta.DocFiles, name)
	}
	// Facets: one column per facet over the offers.
	ft := newFacetTable(s, docs)
	meta.Offers = ft.offers
	meta.Facets = ft.labels
	name, err := put("facets", mustJSON(ft.columns()))
	if err != nil {
		return err
	}
	meta.FacetFile = name
	return emit(MetaPath, mustJSON(meta))
}

func mustJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only our own plain types are encoded
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// sortInts sorts and returns a.
func sortInts(a []int) []int { sort.Ints(a); return a }
