package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/search"
	"tilbudsviften/internal/site"
)

// filterFlag collects -f param=value filters.
type filterFlag search.Filters

func (f filterFlag) String() string { return "" }

func (f filterFlag) Set(s string) error {
	param, value, ok := strings.Cut(s, "=")
	if !ok || param == "" || value == "" {
		return errors.New("skriv filteret som navn=værdi, fx alder=15 eller vej=kom-selv")
	}
	f[param] = append(f[param], value)
	return nil
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("search", " SØGNING", stdout, stderr)
	contentDir := flags.String("content", "content", "indholdsmappen")
	asJSON := flags.Bool("json", false, "skriv svaret som JSON")
	n := flags.Int("n", 10, "højst så mange tilbud")
	filters := filterFlag{}
	flags.Var(filters, "f", "filter som navn=værdi (alder, maalgruppe, emne, trin, vej, anonym, gratis, sprog); kan gentages")
	var date dateFlag
	flags.Var(&date, "date", "søg, som var det denne dag (ÅÅÅÅ-MM-DD)")
	// Flags may come before, between or after the words of the query.
	words, code, ok := parseMixed(flags, args)
	if !ok {
		return code
	}
	q := strings.TrimSpace(strings.Join(words, " "))
	if q == "" && !search.Filters(filters).Active() {
		fmt.Fprintln(stderr, "viften search: skriv, hvad du søger efter, fx viften search skilsmisse, eller vælg et filter med -f")
		return 2
	}
	if *n < 1 {
		fmt.Fprintln(stderr, "viften search: -n skal være et tal større end 0")
		return 2
	}
	if a := filters[search.ParamAge]; len(a) > 0 {
		if v, err := strconv.Atoi(a[0]); err != nil || v < 0 {
			fmt.Fprintf(stderr, "viften search: alder skal være et helt antal år, ikke %q\n", a[0])
			return 2
		}
	}
	if contentMissing("search", *contentDir, stderr) {
		return 2
	}
	s, _, err := build.Load(build.Config{Content: os.DirFS(*contentDir), ContentName: *contentDir, Now: date.t})
	if err != nil {
		count := printErrors(stderr, err)
		fmt.Fprintf(stderr, "viften search: %s i indholdet; ret dem, og søg igen\n", countFejl(count))
		return 1
	}
	ix, err := search.Open(s)
	if err != nil {
		fmt.Fprintf(stderr, "viften search: %v\n", err)
		return 1
	}
	defer ix.Close()
	res, err := ix.Search(ctx, search.Request{Query: q, Filters: search.Filters(filters), Size: *n})
	if err != nil {
		fmt.Fprintf(stderr, "viften search: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(stderr, "viften search: %v\n", err)
			return 1
		}
		return 0
	}
	printResponse(stdout, res)
	return 0
}

// printResponse writes a response for people: the count, then each offer with its address
// and summary, then other pages.
func printResponse(w io.Writer, res *search.Response) {
	what := "tilbud"
	if res.Query != "" {
		what += fmt.Sprintf(" for %q", res.Query)
	}
	if res.Age != nil {
		what += fmt.Sprintf(" (alder %d år)", *res.Age)
	}
	switch {
	case res.Total == 0:
		fmt.Fprintf(w, "Fandt ingen %s.\n", what)
	case len(res.Hits) < res.Total:
		fmt.Fprintf(w, "Fandt %d %s; her er de første %d:\n", res.Total, what, len(res.Hits))
	default:
		fmt.Fprintf(w, "Fandt %d %s:\n", res.Total, what)
	}
	for i, h := range res.Hits {
		fmt.Fprintf(w, "%2d. %s\n    %s\n    %s\n", i+1, h.Title, h.URL, h.Summary)
	}
	if len(res.Others) > 0 {
		fmt.Fprintln(w, "Se også:")
		for _, h := range res.Others {
			fmt.Fprintf(w, "    %s – %s\n", h.Title, h.URL)
		}
	}
}

// liveSearch answers the serve command's /api/search over the site serve has just built: it
// opens a bleve index the first time it sees a new build's site and keeps it until the next.
// An index a newer build replaced is closed once the searches still using it are done.
type liveSearch struct {
	mu  sync.Mutex
	cur *liveIndex
}

// liveIndex is the index of one build's site and the searches using it.
type liveIndex struct {
	site  *site.Site
	ix    *search.Index
	users sync.WaitGroup
}

// Search answers q over s with the same analysis and ranking as viften search.
func (l *liveSearch) Search(ctx context.Context, s *site.Site, q string) (any, error) {
	li, err := l.acquire(s)
	if err != nil {
		return nil, err
	}
	defer li.users.Done()
	return li.ix.Search(ctx, search.Request{Query: q})
}

// acquire returns the index of s, opened if s is a new build's, counted as in use.
func (l *liveSearch) acquire(s *site.Site) (*liveIndex, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cur == nil || l.cur.site != s {
		ix, err := search.Open(s)
		if err != nil {
			return nil, err
		}
		if old := l.cur; old != nil {
			go func() { // no search acquires old any more
				old.users.Wait()
				old.ix.Close()
			}()
		}
		l.cur = &liveIndex{site: s, ix: ix}
	}
	l.cur.users.Add(1)
	return l.cur, nil
}
