package browser_test

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tilbudsviften/internal/gen"
)

// searchState is what search.mjs reads from the search page.
type searchState struct {
	URL, Status, Live, Query, Age  string
	Hits, Titles, Marks, Checked   []string
	CLS                            float64
	FirstBytes, SecondBytes        int
	TypingBytes                    int
	PrefetchBytes, PrefetchFiles   int
	FirstFiles                     []string
	Second                         struct{ WrittenMs, PaintMs float64 }
	Typing                         []keystroke
	RequestMs                      map[string][]float64 // benchOnly: files fetched at once → ms
	Violations                     []axeViolation
	Passes                         int
	ConsoleErrors, ForeignRequests []string
}

// keystroke is one letter typed: the query it makes, input → results written to the page and
// → the frame that shows them, and the files fetched since the keystroke before.
type keystroke struct {
	Q            string
	WrittenMs    float64
	PaintMs      float64
	Files, Bytes int
}

type searchResult struct {
	Linked   searchState
	Keyboard struct {
		ReachedBox, ReachedFilters, ReachedFilter, ReachedResult bool
		AfterQuery, AfterFilter                                  searchState
		FocusAfterFilter, Opened, Expected                       string
		ConsoleErrors, ForeignRequests                           []string
	}
	Reopened    searchState
	Directory   searchState
	PhoneFilter searchState
	NoScript    struct {
		Text  string
		Links []string
	}
}

func runSearchCheck(t *testing.T, node string, config map[string]any) searchResult {
	t.Helper()
	var res searchResult
	runScript(t, node, "search.mjs", config, &res)
	return res
}

// TestSearchPage drives /soeg/ in Chromium: a linked search shows results that link to offers
// with the query's words marked and the count in an aria-live region; keyboard alone reaches
// the box, a filter and a result; a filter changes the list and the address, and the address
// opened afresh shows the same; directory mode lists offers without a query; axe-core finds
// nothing; no request leaves the site; without JavaScript the page says so.
func TestSearchPage(t *testing.T) {
	chromium, node := tools(t)
	srv, _ := serveHerlev(t)
	shots := os.Getenv("VIFTEN_SHOTS")
	res := runSearchCheck(t, node, map[string]any{"base": srv.URL, "chromium": chromium, "shots": shots, "axe": true,
		"query": "skilsmisse", "second": "angst", "typingPauseMs": 150, "typing": []string{"t", "ta", "tan", "tand", "tandl", "tandlæ", "tandlæg", "tandlæge"},
		"filter": map[string]string{"param": "anonym", "value": "1"}, "phoneFilter": "/soeg/?q=angst&anonym=1"})

	l := res.Linked
	if len(l.Hits) == 0 || !strings.HasPrefix(l.Hits[0], "/tilbud/") {
		t.Fatalf("/soeg/?q=skilsmisse: results %v, status %q", l.Hits, l.Status)
	}
	if !slices.ContainsFunc(l.Hits[:min(3, len(l.Hits))], func(h string) bool { return strings.Contains(h, "skilsmisse") }) {
		t.Errorf("skilsmisse: no divorce offer in the top 3: %v", l.Hits)
	}
	if l.Live != "polite" || !strings.Contains(l.Status, "tilbud fundet") {
		t.Errorf("status %q with aria-live %q; want a count in a polite live region", l.Status, l.Live)
	}
	if len(l.Marks) == 0 {
		t.Error("no word of the query is marked in the summaries")
	}
	if l.Query != "skilsmisse" {
		t.Errorf("the search box holds %q, want the query from the address", l.Query)
	}
	if l.CLS >= 0.1 {
		t.Errorf("layout shift %.3f while the results load, want under 0.1", l.CLS)
	}
	for _, v := range append(l.Violations, res.Reopened.Violations...) {
		t.Errorf("axe %s (%s): %s at %v", v.ID, v.Impact, v.Help, v.Targets)
	}
	if l.Passes == 0 {
		t.Error("axe-core ran no passing checks")
	}
	if l.FirstBytes == 0 || l.FirstBytes > 50*1024 {
		t.Errorf("first query fetched %d bytes of search files before its results were shown, want ≤ 50 KB: %v", l.FirstBytes, l.FirstFiles)
	}
	// Herlev's index is marked whole: the page loads it after the first results, so a second
	// query fetches nothing.
	if l.PrefetchFiles == 0 || l.SecondBytes != 0 {
		t.Errorf("after the first results: %d files prefetched, the second query fetched %d bytes; want the whole index prefetched and nothing more", l.PrefetchFiles, l.SecondBytes)
	}
	t.Logf("first query: %d bytes of search files (%v); then prefetched %d bytes in %d files; second query: %d bytes more; input → results written/shown %.1f/%.1f ms; typing %s; CLS %.4f",
		l.FirstBytes, l.FirstFiles, l.PrefetchBytes, l.PrefetchFiles, l.SecondBytes, l.Second.WrittenMs, l.Second.PaintMs, typing(l), l.CLS)

	// On a phone the filter panel, open when the address sets a filter, stands above the results
	// and pushes them down as it is built: the page keeps the results hidden until the frame
	// after, so nothing should shift at all; 0.01 leaves room for rounding, not for the 0.076
	// the panel caused without that.
	if p := res.PhoneFilter; len(p.Hits) == 0 || !slices.Contains(p.Checked, "anonym=1") || p.CLS >= 0.01 {
		t.Errorf("/soeg/?q=angst&anonym=1 at 390×844: %d results, checked %v, layout shift %.4f (want under 0.01)", len(p.Hits), p.Checked, p.CLS)
	} else {
		t.Logf("/soeg/?q=angst&anonym=1 at 390×844: layout shift %.4f", p.CLS)
	}

	k := res.Keyboard
	if !k.ReachedBox || !k.ReachedFilters || !k.ReachedFilter || !k.ReachedResult {
		t.Errorf("keyboard: reached box %v, filters %v, filter %v, a result %v", k.ReachedBox, k.ReachedFilters, k.ReachedFilter, k.ReachedResult)
	}
	if !strings.Contains(k.AfterQuery.URL, "q=skilsmisse") || len(k.AfterQuery.Hits) == 0 {
		t.Errorf("after typing and Enter: address %q, %d results", k.AfterQuery.URL, len(k.AfterQuery.Hits))
	}
	if !strings.Contains(k.AfterFilter.URL, "anonym=1") || !slices.Contains(k.AfterFilter.Checked, "anonym=1") {
		t.Errorf("after ticking Anonymt with Space: address %q, checked %v", k.AfterFilter.URL, k.AfterFilter.Checked)
	}
	if slices.Equal(k.AfterFilter.Hits, k.AfterQuery.Hits) || len(k.AfterFilter.Hits) >= len(k.AfterQuery.Hits) {
		t.Errorf("the filter did not narrow the list: %v, then %v", k.AfterQuery.Hits, k.AfterFilter.Hits)
	}
	if k.FocusAfterFilter != "f-anonym-1" {
		t.Errorf("focus moved to %q after ticking a filter; want it to stay on the checkbox", k.FocusAfterFilter)
	}
	if k.Opened == "" || k.Opened != k.Expected {
		t.Errorf("Enter on a result opened %q, want %q", k.Opened, k.Expected)
	}

	r := res.Reopened
	if !slices.Equal(r.Hits, k.AfterFilter.Hits) || !slices.Equal(r.Checked, k.AfterFilter.Checked) || r.Query != k.AfterFilter.Query {
		t.Errorf("the address %s opened afresh shows %v %v %q; before it showed %v %v %q",
			k.AfterFilter.URL, r.Hits, r.Checked, r.Query, k.AfterFilter.Hits, k.AfterFilter.Checked, k.AfterFilter.Query)
	}

	d := res.Directory
	if len(d.Hits) == 0 || d.Age != "3" || !slices.Contains(d.Checked, "vej=kom-selv") {
		t.Errorf("directory mode (?alder=3&vej=kom-selv): %d results, age %q, checked %v", len(d.Hits), d.Age, d.Checked)
	}
	for _, h := range d.Hits {
		if strings.Contains(h, "headspace") || strings.Contains(h, "ventilen") {
			t.Errorf("directory mode for 3 år lists %s, an offer for older children", h)
		}
	}

	for _, st := range []struct {
		name       string
		errs, reqs []string
	}{{"linked", l.ConsoleErrors, l.ForeignRequests}, {"keyboard", k.ConsoleErrors, k.ForeignRequests},
		{"reopened", r.ConsoleErrors, r.ForeignRequests}, {"directory", d.ConsoleErrors, nil},
		{"phone with a filter", res.PhoneFilter.ConsoleErrors, res.PhoneFilter.ForeignRequests}} {
		for _, e := range st.errs {
			t.Errorf("%s: console error: %s", st.name, e)
		}
		for _, u := range st.reqs {
			t.Errorf("%s: request to another host: %s", st.name, u)
		}
	}

	if !strings.Contains(res.NoScript.Text, "JavaScript") || !slices.Contains(res.NoScript.Links, "/emner/") || !slices.Contains(res.NoScript.Links, "/a-aa/") {
		t.Errorf("without JavaScript the page shows %q with links %v", res.NoScript.Text, res.NoScript.Links)
	}
}

// TestSearchTimings measures the search page on a generated site of VIFTEN_SEARCH_OFFERS
// offers (e.g. 10000): bytes fetched for a first and a second query, then, for two words typed
// letter by letter 150 ms apart, the time from input to rendered results per keystroke and the
// files it fetched; and what fetching 1, 2, 10 and 20 files costs the page. docs/search.md
// records the figures; the test fails only when a search gives no results in time or the page
// reports an error, so that a figure is never a timeout's.
func TestSearchTimings(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("VIFTEN_SEARCH_OFFERS"))
	if n <= 0 {
		t.Skip("set VIFTEN_SEARCH_OFFERS=10000 to measure the search page on a generated site")
	}
	chromium, node := tools(t)
	start := time.Now()
	out, _ := buildSite(t, gen.FS(n))
	t.Logf("built %d offers in %v", n, time.Since(start))
	srv := serveDir(t, out)
	typed := []string{"s", "su", "sun", "sund", "sundh", "sundhe", "sundhed", "sundheds", "t", "ta", "tan", "tand", "tandl", "tandlæ", "tandlæg", "tandlæge"}
	res := runSearchCheck(t, node, map[string]any{"base": srv.URL, "chromium": chromium, "benchOnly": true,
		"query": "skilsmisse", "second": "angst", "typingPauseMs": 150, "typing": typed})
	l := res.Linked
	t.Logf("%d offers: first query %d bytes (%v); then prefetched %d bytes in %d files; second query %d bytes; input → results written/shown %.1f/%.1f ms (second query); typing %s, %d bytes; %s; n files fetched at once: %v ms",
		n, l.FirstBytes, l.FirstFiles, l.PrefetchBytes, l.PrefetchFiles, l.SecondBytes, l.Second.WrittenMs, l.Second.PaintMs, typing(l), l.TypingBytes, l.Status, l.RequestMs)
	if l.FirstBytes == 0 || len(l.Hits) == 0 || l.Second.PaintMs < 0 {
		t.Errorf("incomplete measurement: first query %d bytes, %d results; second query %.1f ms", l.FirstBytes, len(l.Hits), l.Second.PaintMs)
	}
	for _, k := range l.Typing {
		if k.PaintMs < 0 {
			t.Errorf("%q: no results within 5 s", k.Q)
		}
	}
	if len(l.ConsoleErrors) > 0 || len(l.ForeignRequests) > 0 {
		t.Errorf("console errors %v, requests off the site %v", l.ConsoleErrors, l.ForeignRequests)
	}
}

// typing formats the typing timings: per keystroke, input → results written/shown, in
// brackets the files fetched.
func typing(s searchState) string {
	var parts []string
	for _, k := range s.Typing {
		f := ""
		if k.Files > 0 {
			f = fmt.Sprintf(" [%d files, %d B]", k.Files, k.Bytes)
		}
		parts = append(parts, fmt.Sprintf("%s %.1f/%.1f%s", k.Q, k.WrittenMs, k.PaintMs, f))
	}
	return strings.Join(parts, ", ") + " ms"
}
