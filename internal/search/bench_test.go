package search

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"tilbudsviften/internal/site"
)

// Benchmarks (go test ./internal/search -bench . -run '^$' -benchtime 1x for the large sites):
// export time, index open time and query latency on the Herlev site and on generated sites of
// 1 000 and 10 000 offers, with the sizes of the exported files and the bytes the browser
// fetches for a first and a second query as metrics. docs/search.md records the figures.

var benchSites struct {
	sync.Mutex
	m map[string]*site.Site
}

func benchSite(b *testing.B, name string) *site.Site {
	b.Helper()
	benchSites.Lock()
	defer benchSites.Unlock()
	if s := benchSites.m[name]; s != nil {
		return s
	}
	var s *site.Site
	switch name {
	case "herlev":
		s = herlevSite(b)
	case "1000":
		s = genSite(b, 1000)
	case "10000":
		s = genSite(b, 10000)
	}
	if benchSites.m == nil {
		benchSites.m = map[string]*site.Site{}
	}
	benchSites.m[name] = s
	return s
}

var benchSizes = []string{"herlev", "1000", "10000"}

func BenchmarkExport(b *testing.B) {
	for _, name := range benchSizes {
		b.Run(name, func(b *testing.B) {
			s := benchSite(b, name)
			b.ResetTimer()
			var files map[string][]byte
			for b.Loop() {
				files = export(b, s, DefaultOptions())
			}
			b.StopTimer()
			total, gz := 0, 0
			for _, data := range files {
				total += len(data)
				gz += gzipSize(data)
			}
			b.ReportMetric(float64(total), "bytes")
			b.ReportMetric(float64(gz), "gzip-bytes")
			b.ReportMetric(float64(len(files[MetaPath])), "meta-bytes")
			var meta Meta
			if err := json.Unmarshal(files[MetaPath], &meta); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(meta.Vocab)), "vocab-bytes")
			b.ReportMetric(float64(len(files)), "files")
		})
	}
}

func BenchmarkOpen(b *testing.B) {
	for _, name := range benchSizes {
		b.Run(name, func(b *testing.B) {
			s := benchSite(b, name)
			b.ResetTimer()
			for b.Loop() {
				ix, err := Open(s)
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
		})
	}
}

// benchQueries are a family's queries: a first and a second one.
var benchQueries = []string{"skilsmisse", "angst hos børn", "sundhedsplejerkse", "rådgivning 15 år"}

func BenchmarkQuery(b *testing.B) {
	for _, name := range benchSizes {
		b.Run(name, func(b *testing.B) {
			ix, err := Open(benchSite(b, name))
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				if _, err := ix.Search(context.Background(), Request{Query: benchQueries[i%len(benchQueries)]}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkFetched reports what the browser fetches for a first query (meta.json, the heads of
// the query's terms, the further levels the heads cannot settle the page without, the chunks
// of the 20 offers and 3 other pages shown) and then for a second one (files already fetched
// are not fetched again); and, apart, the facet table search.js fetches once the first results
// are shown.
func BenchmarkFetched(b *testing.B) {
	for _, name := range benchSizes {
		b.Run(name, func(b *testing.B) {
			s := benchSite(b, name)
			files := export(b, s, DefaultOptions())
			var first, second, firstGz, secondGz int
			for b.Loop() {
				st := openStatic(b, files, s.Synonyms)
				size := func(gz bool) int {
					n := 0
					for p := range st.loaded {
						if gz {
							n += gzipSize(files[p])
						} else {
							n += len(files[p])
						}
					}
					return n
				}
				st.loaded[MetaPath] = true
				for qi, q := range benchQueries[:2] {
					st.page(q, 20)
					if qi == 0 {
						first, firstGz = size(false), size(true)
					} else {
						second, secondGz = size(false)-first, size(true)-firstGz
					}
				}
			}
			var meta Meta
			json.Unmarshal(files[MetaPath], &meta)
			facets := files["search/"+meta.FacetFile]
			b.ReportMetric(float64(first), "first-bytes")
			b.ReportMetric(float64(firstGz), "first-gzip-bytes")
			b.ReportMetric(float64(len(facets)), "facet-bytes")
			b.ReportMetric(float64(gzipSize(facets)), "facet-gzip-bytes")
			b.ReportMetric(float64(second), "second-bytes")
			b.ReportMetric(float64(secondGz), "second-gzip-bytes")
		})
	}
}

// TestPrintSizes prints the export's files for a look (go test -run PrintSizes -v); it checks
// only that every file is JSON-looking.
func TestPrintSizes(t *testing.T) {
	files := export(t, herlevSite(t), DefaultOptions())
	var lines []string
	for p, data := range files {
		if !strings.HasPrefix(string(data), "[") && !strings.HasPrefix(string(data), "{") {
			t.Errorf("%s does not start like JSON", p)
		}
		lines = append(lines, fmt.Sprintf("%s %d", p, len(data)))
	}
	if testing.Verbose() {
		fmt.Fprintln(os.Stderr, strings.Join(lines, "\n"))
	}
}

// BenchmarkSentenceSet answers the public sentence set (testdata/sentences.txt) and the keyword
// set (testdata/queries.txt) from the Herlev index, and reports the shares right at top 1 and
// top 3 (sentences) and at top 3 (keywords), with the time per sentence.
func BenchmarkSentenceSet(b *testing.B) {
	ix := herlevIndex(b, DefaultOptions())
	qs, kw := readSentences(b), readQueries(b)
	var top1, top3 float64
	b.ResetTimer()
	for b.Loop() {
		top1, top3, _ = sentenceRates(b, ix, qs)
	}
	b.StopTimer()
	b.ReportMetric(100*top1, "%top1")
	b.ReportMetric(100*top3, "%top3")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(qs))/1e6, "ms/sentence")
	keywords, _ := hitRateTB(b, ix, kw)
	b.ReportMetric(100*keywords, "%keywords-top3")
	b.ReportMetric(float64(len(qs)), "sentences")
}
