package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"testing"
)

// staticIndex ranks from the exported files alone, as search.js does: a second implementation
// of the browser's ranking, in Go, to hold the export's weights equal to bleve's scores.
type staticIndex struct {
	an     *Analyzer
	meta   Meta
	vocab  *vocabulary
	files  map[string][]byte
	loaded map[string]bool // shard files read, for the bytes-per-query figures
	post   map[string]map[int]float64
	docs   [][4]string
}

func openStatic(t testing.TB, files map[string][]byte, synonyms [][]string) *staticIndex {
	t.Helper()
	st := &staticIndex{files: files, loaded: map[string]bool{}, post: map[string]map[int]float64{}}
	if err := json.Unmarshal(files[MetaPath], &st.meta); err != nil {
		t.Fatal(err)
	}
	st.an = NewAnalyzer(synonyms)
	if st.meta.Compounds {
		// As search.js builds it: the one-word synonyms and every term but the groups.
		dict := dictionary(nil, st.meta.Groups)
		for _, term := range st.meta.Vocab {
			if term[:1] != groupPrefix {
				dict[term] = true
			}
		}
		st.an.SetCompounds(dict)
	}
	st.vocab = newVocabulary(st.meta.Vocab, st.meta.DF)
	for _, f := range st.meta.DocFiles {
		var rows [][4]string
		if err := json.Unmarshal(files["search/"+f], &rows); err != nil {
			t.Fatal(err)
		}
		st.docs = append(st.docs, rows...)
	}
	return st
}

// postings returns a term's weights per document, reading its shard.
func (st *staticIndex) postings(t testing.TB, term string) map[int]float64 {
	i := sort.SearchStrings(st.meta.Vocab, term)
	if i == len(st.meta.Vocab) || st.meta.Vocab[i] != term {
		return nil
	}
	shard := sort.SearchInts(st.meta.Shards, i+1) - 1
	name := st.meta.Files[shard]
	if !st.loaded[name] {
		st.loaded[name] = true
		var rows [][]json.Number
		dec := json.NewDecoder(bytes.NewReader(st.files["search/"+name]))
		dec.UseNumber()
		if err := dec.Decode(&rows); err != nil {
			t.Fatal(err)
		}
		for j, row := range rows {
			m := map[int]float64{}
			doc := 0
			for k := 0; k+1 < len(row); k += 2 {
				d, _ := strconv.Atoi(row[k].String())
				w, _ := row[k+1].Float64()
				doc += d
				m[doc] = w
			}
			st.post[st.meta.Vocab[st.meta.Shards[shard]+j]] = m
		}
	}
	return st.post[term]
}

// rank returns the documents matching q, best first, as Index.Search ranks them.
func (st *staticIndex) rank(t testing.TB, q string) []scored {
	words, _ := st.an.parse(q)
	if len(words) == 0 {
		return nil
	}
	total := map[int]float64{}
	matched := map[int]int{}
	for _, w := range words {
		ls := w.leaves(st.vocab)
		sum := map[int]float64{}
		n := map[int]int{}
		for _, l := range ls {
			for d, wt := range st.postings(t, l.term) {
				sum[d] += l.boost * wt
				n[d]++
			}
		}
		for d, s := range sum {
			total[d] += s * float64(n[d]) / float64(len(ls))
			matched[d]++
		}
	}
	var list []scored
	for d, s := range total {
		list = append(list, scored{d, s * float64(matched[d]) / float64(len(words))})
	}
	rank(list)
	return list
}

func (st *staticIndex) fetched() int {
	n := len(st.files[MetaPath])
	for f := range st.loaded {
		n += len(st.files["search/"+f])
	}
	return n
}

func describe(list []scored, docs [][4]string, n int) string {
	s := ""
	for i, x := range list {
		if i == n {
			break
		}
		s += fmt.Sprintf("\n  %.6g %s", x.score, docs[x.doc][1])
	}
	return s
}
