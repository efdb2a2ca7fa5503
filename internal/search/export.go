package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"unicode/utf16"

	"tilbudsviften/internal/par"
	"tilbudsviften/internal/site"
)

// Options control the analysis.
type Options struct {
	// Compounds splits compound words into parts the site's vocabulary knows, for indexing
	// and for queries ("forældrekursus" finds "kursus for forældre").
	Compounds bool

	// head is the number of postings a term's head holds (0: headPostings); tests set it
	// low so that the rankers' reading of further levels meets small sites.
	head int
	// rowsAlways writes the head shards' document rows even for an index search.js loads
	// whole (prefetchBytes); tests set it so that small sites meet them.
	rowsAlways bool
}

// DefaultOptions returns the options the build and `viften search` use.
func DefaultOptions() Options { return Options{Compounds: true} }

// Sizes of the exported files: a head shard holds terms until it reaches shardBytes, a
// document chunk holds docChunk documents, and a term with more than headPostings postings
// keeps only its heaviest ones in its head, the rest in further levels (writeHead).
const (
	shardBytes   = 4 << 10
	docChunk     = 4
	headPostings = 128
)

// The offers and other pages search.js shows for a query. A head shard also holds the rows of
// the documents each of its terms would show alone (shownOf), so that a word's results need
// no document chunk: the chunks serve the pages of several words and of filters. An index whose
// heads and chunks come to prefetchBytes or less gets no such rows: search.js loads it whole
// after the first results, and rows repeat documents many times over (Herlev's head shards
// would grow from 49 562 to 689 836 bytes with rows and pages; TestShownRows logs them).
const (
	shownOffers   = 20
	shownOthers   = 3
	prefetchBytes = 150 << 10 // Meta.Whole: search.js loads such an index whole
)

// MetaPath is the exported file search.js starts from; every other file it names carries a
// content hash, so it can be cached for ever.
const MetaPath = "search/meta.json"

// metaVersion is Meta.Version, the format of the exported files; search.js reads only this one.
const metaVersion = 6

// Meta is the content of search/meta.json.
type Meta struct {
	Version   int      `json:"v"`
	Fields    int      `json:"fields"` // fields per term (the coord denominator)
	Stop      []string `json:"stop"`
	Filler    []string `json:"filler"` // folded filler words (fillerWords)
	Ages      AgeWords `json:"ages"`
	Groups    []Group  `json:"groups"`
	Compounds bool     `json:"compounds"`
	Vocab     string   `json:"vocab"` // every term, sorted bytewise, front-coded (frontCode)
	DF        []int    `json:"df"`    // per term: documents, summed over fields
	Shards    []int    `json:"shards"`
	Hash      string   `json:"hash"` // of every head, level and document file; part of their names
	Docs      int      `json:"docs"`
	Offers    int      `json:"offers"` // documents 0 … Offers-1 are offers
	Chunk     int      `json:"chunk"`
	Whole     bool     `json:"whole"` // no rows: search.js loads every head shard and chunk after the first results
	// PageLetters is the longest prefix with a page (prefixPageMax); 0: none (Whole).
	PageLetters int          `json:"pageLetters"`
	FacetFile   string       `json:"facetFile"`
	Facets      []FacetLabel `json:"facets"`
	MaxAge      int          `json:"maxAge"` // the age facet's last value
}

// FacetLabel names a facet's parameter and values, in the order the facet file numbers them.
type FacetLabel struct {
	Param  string     `json:"param"`
	Values [][]string `json:"values"` // [id, label]
}

// The exported files besides meta.json and the facet table, with h = Meta.Hash:
//
//	search/h/<shard>.<h>.json        head shard: [heads, rows, pages]: per term of the shard, in
//	                                 vocabulary order, its head; {"<doc>": [kind, url, title,
//	                                 summary]} for the documents its terms show alone (shownOf)
//	                                 and its pages show; {"<word>": [offers, others, total]}, the
//	                                 pages of the shard's terms: prefix pages (prefixPages) and
//	                                 those of terms with further levels
//	search/t/<term>-<level>.<h>.json a further level of term number <term>, from 1
//	search/d/<chunk>.<h>.json        docChunk documents: [kind, url, title, summary]
//
// A head is the term's postings [docDelta, weight, …] when it has at most headPostings of
// them. Otherwise it is [set, heaviest, maxOffer, maxOther]: set holds every document of the
// term, as a base64 bitmap (bit d%8 of byte d/8) or as document deltas, whichever is shorter;
// heaviest is [docDelta, weight, …] for the headPostings heaviest postings of offers and the
// headPostings/8 heaviest of other pages (ties to the lower document); maxOffer and maxOther
// are the largest weights of each kind left to later levels (0: none). A further level is
// [postings, maxOffer, maxOther] for the next heaviest postings (writeHead); the last level
// lists only the weights of the documents left, in document order. A ranker can thus
// count every match and bound every score from the heads alone, and read further levels only
// while the bounds cannot settle the page it shows.
func headPath(shard int, hash string) string { return fmt.Sprintf("search/h/%d.%s.json", shard, hash) }
func levelPath(term, level int, hash string) string {
	return fmt.Sprintf("search/t/%d-%d.%s.json", term, level, hash)
}
func docPath(chunk int, hash string) string { return fmt.Sprintf("search/d/%d.%s.json", chunk, hash) }

// Export writes the static search files of s under search/ with emit: meta.json, the head
// shards, the further levels, the document chunks and the facet table. The same site gives the
// same bytes.
func Export(s *site.Site, emit func(path string, data []byte) error) error {
	return ExportWith(s, DefaultOptions(), emit)
}

// ExportWith is Export with explicit options.
func ExportWith(s *site.Site, opts Options, emit func(path string, data []byte) error) error {
	docs := documents(s)
	an := newSiteAnalyzer(s)
	as := analyseAll(an, docs)
	if opts.Compounds {
		an.SetCompounds(dictionary(as, an.Groups()))
		as = analyseAll(an, docs)
	}
	rows := make([][4]string, len(docs))
	for i, d := range docs {
		rows[i] = [4]string{d.Kind, d.URL, d.Title, d.Summary}
	}
	postings, dfSum := weights(as)
	meta := Meta{Version: metaVersion, Fields: numFields, Stop: an.StopWords(), Filler: fillerList(), Ages: ages, Groups: an.Groups(), Compounds: opts.Compounds}
	return writeIndex(meta, an, surfaceWords(as), postings, dfSum, rows, newFacetTable(s, docs), opts, emit)
}

// writeIndex completes meta with the vocabulary of postings and writes every exported file:
// the head shards (heads of opts.head postings; 0: headPostings), the further levels, the
// chunks of rows (per document [kind, url, title, summary]; offers first, ft.offers of them),
// the facet table and meta.json. an is the analyzer queries are read with (nil: no pages of
// words), surface the documents' words, folded (their prefixes may get pages). The weights of
// postings are rounded in place as the files write them.
func writeIndex(meta Meta, an *Analyzer, surface []string, postings map[string][]posting, dfSum map[string]int, rows [][4]string, ft *facetTable, opts Options, emit func(path string, data []byte) error) error {
	k := opts.head
	if k <= 0 {
		k = headPostings
	}
	vocab := slices.Sorted(maps.Keys(postings))
	// Every ranking the export does (rows, prefix pages) uses the weights as search.js reads them.
	par.For(len(vocab), func(i int) {
		for j, p := range postings[vocab[i]] {
			postings[vocab[i]][j].weight, _ = strconv.ParseFloat(formatWeight(p.weight), 64)
		}
	})
	meta.Vocab, meta.Docs, meta.Chunk = frontCode(vocab), len(rows), docChunk
	if meta.Groups == nil {
		meta.Groups = []Group{}
	}
	for _, t := range vocab {
		meta.DF = append(meta.DF, dfSum[t])
	}
	// The files named by the hash are written once it is known: heads, levels, documents.
	rowJSON := make([][]byte, len(rows))
	for d, row := range rows {
		rowJSON[d] = mustJSON(row)
	}
	var chunks [][]byte
	chunkBytes := 0
	for i := 0; i < len(rows); i += docChunk {
		chunk := append(append([]byte{'['}, bytes.Join(rowJSON[i:min(i+docChunk, len(rows))], []byte{','})...), ']')
		chunks = append(chunks, chunk)
		chunkBytes += len(chunk)
	}
	termHeads := make([][]byte, len(vocab))
	var levels []termLevels // in vocabulary order
	for i, t := range vocab {
		var b bytes.Buffer
		if l := writeHead(&b, postings[t], len(rows), ft.offers, k); l != nil {
			levels = append(levels, termLevels{i, l})
		}
		termHeads[i] = b.Bytes()
	}
	sh := packShards(termHeads, nil, nil, nil)
	meta.Whole = !opts.rowsAlways && sh.size+chunkBytes <= prefetchBytes
	if !meta.Whole {
		shownBy, totals := make([][2][]int, len(vocab)), make([]int, len(vocab))
		par.For(len(vocab), func(i int) { shownBy[i], totals[i] = shownOf(postings[vocab[i]], ft.offers) })
		pages := map[int][]wordPage{}
		if an != nil {
			meta.PageLetters = prefixPageMax
			pages = prefixPages(an, newVocabulary(vocab, meta.DF), surface, postings, ft.offers)
			// A term with further levels that a word typed alone can be gets its page: its
			// heaviest postings may tie with ones left to a level, which search.js would then
			// read to order them.
			v := newVocabulary(vocab, meta.DF)
			for _, tl := range levels {
				t := vocab[tl.term]
				w, ok := typedAsItself(an, t)
				switch {
				case !ok:
				case len(w.terms) > 1: // with the topics it names
					docs, total := pageOf(w.leaves(v), postings, ft.offers)
					pages[tl.term] = append(pages[tl.term], wordPage{t, docs, total})
				default:
					pages[tl.term] = append(pages[tl.term], wordPage{t, shownBy[tl.term], totals[tl.term]})
				}
			}
		}
		sh = packShards(termHeads, shownBy, rowJSON, pages)
	}
	heads := sh.files
	meta.Shards = sh.first
	sum := sha256.New()
	for _, group := range [][][]byte{heads, chunks} {
		for _, data := range group {
			sum.Write(data)
			sum.Write([]byte{0})
		}
	}
	for _, tl := range levels {
		for l, data := range tl.levels {
			fmt.Fprintf(sum, "%d-%d\x00", tl.term, l+1)
			sum.Write(data)
		}
	}
	meta.Hash = hex.EncodeToString(sum.Sum(nil))[:10]
	for i, data := range heads {
		if err := emit(headPath(i, meta.Hash), data); err != nil {
			return err
		}
	}
	for _, tl := range levels {
		for l, data := range tl.levels {
			if err := emit(levelPath(tl.term, l+1, meta.Hash), data); err != nil {
				return err
			}
		}
	}
	for i, data := range chunks {
		if err := emit(docPath(i, meta.Hash), data); err != nil {
			return err
		}
	}
	// Facets: one column per facet over the offers.
	meta.Offers, meta.Facets, meta.MaxAge = ft.offers, ft.labels, ft.maxAge
	data := mustJSON(ft.columns())
	h := sha256.Sum256(data)
	meta.FacetFile = "facets." + hex.EncodeToString(h[:])[:10] + ".json"
	if err := emit("search/"+meta.FacetFile, data); err != nil {
		return err
	}
	return emit(MetaPath, mustJSON(meta))
}

// shards are head shards: their bytes, each shard's first term and the bytes of them all.
type shards struct {
	files [][]byte
	first []int
	size  int
}

// termLevels are a term's further levels, after its head.
type termLevels struct {
	term   int // index in the vocabulary
	levels [][]byte
}

// packShards joins the terms' heads, in vocabulary order, into shards [heads, rows, pages]:
// rows holds rowJSON[d] for every document d that shown[term] names (shown nil: none) or a
// page shows; pages holds {"<word>": [offers, other pages, total]} for the pages of the shard's
// terms (pages: by the index of the term they go with). A shard closes once its heads, rows
// and pages reach shardBytes.
func packShards(heads [][]byte, shown [][2][]int, rowJSON [][]byte, pages map[int][]wordPage) shards {
	var sh shards
	var shard bytes.Buffer
	inShard := map[int]bool{} // the shard's documents
	var shardPages bytes.Buffer
	rowBytes := 0
	addRow := func(d int) {
		if !inShard[d] {
			inShard[d] = true
			rowBytes += len(rowJSON[d])
		}
	}
	flush := func() {
		shard.WriteString("],{")
		for j, d := range slices.Sorted(maps.Keys(inShard)) {
			if j > 0 {
				shard.WriteByte(',')
			}
			shard.WriteString(`"` + strconv.Itoa(d) + `":`)
			shard.Write(rowJSON[d])
		}
		shard.WriteString("},{")
		shard.Write(shardPages.Bytes())
		shard.WriteString("}]")
		sh.files = append(sh.files, bytes.Clone(shard.Bytes()))
		sh.size += shard.Len()
		shard.Reset()
		shardPages.Reset()
		clear(inShard)
		rowBytes = 0
	}
	for i, head := range heads {
		if shard.Len() == 0 {
			sh.first = append(sh.first, i)
			shard.WriteString("[[")
		} else {
			shard.WriteByte(',')
		}
		shard.Write(head)
		if shown != nil {
			for _, ds := range shown[i] {
				for _, d := range ds {
					addRow(d)
				}
			}
		}
		for _, pg := range pages[i] {
			if shardPages.Len() > 0 {
				shardPages.WriteByte(',')
			}
			shardPages.Write(mustJSON(pg.word))
			shardPages.WriteByte(':')
			shardPages.Write(mustJSON(pg))
			for _, ds := range pg.docs {
				for _, d := range ds {
					addRow(d)
				}
			}
		}
		if shard.Len()+rowBytes+shardPages.Len() >= shardBytes {
			flush()
		}
	}
	if shard.Len() > 0 {
		flush()
	}
	return sh
}

// writeHead appends the head of a term with postings ps (in document order) to b and returns
// the term's further levels, none when the head holds every weight. Level 0, the head, keeps
// the k heaviest offers' and the max(1, k/8) heaviest other pages' weights; each further level
// the next ones of each kind, up to a running cap (counting the levels before it) 16 times the
// cap before.
func writeHead(b *bytes.Buffer, ps []posting, n, offers, k int) (levels [][]byte) {
	if len(ps) <= k {
		writePairs(b, ps)
		return nil
	}
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return ps[order[i]].weight > ps[order[j]].weight })
	var byWeight [2][]int // per kind (offers, other pages): postings, heaviest first
	for _, i := range order {
		kind := 0
		if ps[i].doc >= offers {
			kind = 1
		}
		byWeight[kind] = append(byWeight[kind], i)
	}
	level := make([]int, len(ps))
	var maxLeft [][2]float64 // per level: the largest weight of each kind it leaves to later levels
	upTo, done := [2]int{k, max(1, k/8)}, [2]int{}
	for l := 0; done[0] < len(byWeight[0]) || done[1] < len(byWeight[1]); l++ {
		var m [2]float64
		for kind, list := range byWeight {
			cut := min(upTo[kind], len(list))
			for _, i := range list[done[kind]:cut] {
				level[i] = l
			}
			done[kind] = cut
			if cut < len(list) {
				m[kind] = ps[list[cut]].weight
			}
			upTo[kind] *= 16
		}
		maxLeft = append(maxLeft, m)
	}
	for l, m := range maxLeft {
		var these []posting
		for i, p := range ps {
			if level[i] == l {
				these = append(these, p)
			}
		}
		out := b
		if l > 0 {
			out = &bytes.Buffer{}
		}
		if l > 0 && m == [2]float64{} {
			// The last level: its documents are those not read yet, so their weights in
			// document order say it all.
			writeList(out, len(these), func(j int) { out.WriteString(formatWeight(these[j].weight)) })
			levels = append(levels, out.Bytes())
			continue
		}
		out.WriteByte('[')
		if l == 0 {
			out.WriteString(docSet(ps, n))
			out.WriteByte(',')
		}
		writePairs(out, these)
		for _, x := range m {
			out.WriteByte(',')
			out.WriteString(formatWeight(x))
		}
		out.WriteByte(']')
		if l > 0 {
			levels = append(levels, out.Bytes())
		}
	}
	return levels
}

// shownOf returns the documents a query of the one term with postings ps shows (shown), and
// the offers it finds.
func shownOf(ps []posting, offers int) (docs [2][]int, total int) {
	list := make([]scored, len(ps))
	for j, p := range ps {
		list[j] = scored{p.doc, p.weight}
		if p.doc < offers {
			total++
		}
	}
	return shown(list, offers), total
}

// writePairs appends postings as [docDelta, weight, …].
func writePairs(b *bytes.Buffer, list []posting) {
	writeList(b, len(list), func(j int) {
		b.WriteString(strconv.Itoa(docDelta(list, j)))
		b.WriteByte(',')
		b.WriteString(formatWeight(list[j].weight))
	})
}

// writeList appends a JSON array of n items, each written by item.
func writeList(b *bytes.Buffer, n int, item func(j int)) {
	b.WriteByte('[')
	for j := range n {
		if j > 0 {
			b.WriteByte(',')
		}
		item(j)
	}
	b.WriteByte(']')
}

// docDelta returns the document of list[j] less the one before it (0 before the first).
func docDelta(list []posting, j int) int {
	if j == 0 {
		return list[0].doc
	}
	return list[j].doc - list[j-1].doc
}

// formatWeight writes a weight with 6 significant digits, as every exported weight is.
func formatWeight(w float64) string { return strconv.FormatFloat(w, 'g', 6, 64) }

// docSet returns the documents of ps as JSON: a base64 bitmap over n documents or a list of
// document deltas, whichever is shorter.
func docSet(ps []posting, n int) string {
	var list bytes.Buffer
	writeList(&list, len(ps), func(j int) { list.WriteString(strconv.Itoa(docDelta(ps, j))) })
	if bits := base64.StdEncoding.EncodedLen((n+7)/8) + 2; bits < list.Len() {
		bm := make([]byte, (n+7)/8)
		for _, p := range ps {
			bm[p.doc/8] |= 1 << (p.doc % 8)
		}
		return `"` + base64.StdEncoding.EncodeToString(bm) + `"`
	}
	return list.String()
}

// frontCode writes sorted terms as one string: per term the length of the prefix it shares
// with the term before (in UTF-16 code units, at most 35, as one base-36 digit) and the rest of
// the term; terms are separated by spaces, which no term holds.
func frontCode(terms []string) string {
	var b bytes.Buffer
	var prev []uint16
	for i, t := range terms {
		u := utf16.Encode([]rune(t))
		p := 0
		for p < len(prev) && p < len(u) && p < 35 && prev[p] == u[p] {
			p++
		}
		if p > 0 && utf16.IsSurrogate(rune(u[p-1])) && u[p-1] < 0xdc00 {
			p-- // never split a surrogate pair
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatInt(int64(p), 36))
		b.WriteString(string(utf16.Decode(u[p:])))
		prev = u
	}
	return b.String()
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
