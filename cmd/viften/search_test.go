package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/content"
	"tilbudsviften/internal/search"
	"tilbudsviften/internal/serve"
	"tilbudsviften/internal/site"
)

const herlevContent = "../../content"

func TestSearchCommand(t *testing.T) {
	code, stdout, stderr := runCmd("search", "-content", herlevContent, "-n", "3", "hash", "15", "år")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, "Fandt 1 tilbud for \"hash 15 år\" (alder 15 år):\n 1. Alkolinjen\n    /tilbud/alkolinjen/\n") {
		t.Errorf("stdout:\n%s", stdout)
	}
	// Flags may follow the query.
	code, stdout, _ = runCmd("search", "-content", herlevContent, "skilsmisse", "-n", "2")
	if code != 0 || !strings.Contains(stdout, "her er de første 2:") || strings.Count(stdout, "/tilbud/") != 2 {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
	code, stdout, _ = runCmd("search", "-content", herlevContent, "xyzzyqwerty")
	if code != 0 || !strings.HasPrefix(stdout, "Fandt ingen tilbud for \"xyzzyqwerty\".") {
		t.Errorf("no results: exit %d, stdout %q", code, stdout)
	}
}

func TestSearchCommandJSON(t *testing.T) {
	code, stdout, stderr := runCmd("search", "-content", herlevContent, "-json", "-n", "5", "-f", "gratis=1", "boern angst")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var res search.Response
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Query != "boern angst" || len(res.Hits) == 0 || len(res.Hits) > 5 || res.Total < len(res.Hits) {
		t.Errorf("response: %+v", res)
	}
	// The command answers as the index does.
	s, _, err := build.Load(build.Config{Content: os.DirFS(herlevContent), ContentName: "content"})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	want, err := ix.Search(context.Background(), search.Request{Query: "boern angst", Filters: search.Filters{"gratis": {"1"}}, Size: 5})
	if err != nil {
		t.Fatal(err)
	}
	for i := range want.Hits {
		if i >= len(res.Hits) || res.Hits[i].URL != want.Hits[i].URL {
			t.Fatalf("viften search gives %v, the index %v", res.Hits, want.Hits)
		}
	}
}

func TestSearchCommandDirectory(t *testing.T) {
	code, stdout, stderr := runCmd("search", "-content", herlevContent, "-f", "alder=3", "-f", "vej=kom-selv", "-n", "100")
	if code != 0 || !strings.HasPrefix(stdout, "Fandt ") || strings.Contains(stdout, "headspace") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestSearchCommandUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"search", "-content", herlevContent}, "skriv, hvad du søger efter"},
		{[]string{"search", "-content", herlevContent, "-n", "0", "angst"}, "-n skal være et tal større end 0"},
		{[]string{"search", "-content", herlevContent, "-f", "alder", "angst"}, "skriv filteret som navn=værdi"},
		{[]string{"search", "-content", herlevContent, "-f", "alder=femten", "angst"}, "alder skal være et helt antal år"},
		{[]string{"search", "-content", "findes-ikke", "angst"}, "indholdsmappen \"findes-ikke\" findes ikke"},
	} {
		code, _, stderr := runCmd(tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.msg)
		}
	}
	code, stdout, _ := runCmd("search", "-h")
	if code != 0 || !strings.Contains(stdout, "brug: viften search") {
		t.Errorf("-h: exit %d, stdout %q", code, stdout)
	}
}

func TestSearchCommandContentErrors(t *testing.T) {
	dir := writeSite(t)
	contentDir := filepath.Join(dir, "content")
	offer := filepath.Join(contentDir, "tilbud", "aaben-raadgivning.md")
	data, _ := os.ReadFile(offer)
	os.WriteFile(offer, []byte(strings.Replace(string(data), "titel:", "tittel:", 1)), 0o644)
	code, _, stderr := runCmd("search", "-content", contentDir, "angst")
	if code != 1 || !strings.Contains(stderr, "aaben-raadgivning.md:") || !strings.Contains(stderr, "ret dem, og søg igen") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestLiveSearch holds that serve's /api/search, wired as viften serve wires it, answers from
// the last good build: it sees an edit after the rebuild, without a restart.
func TestLiveSearch(t *testing.T) {
	dir := writeSite(t)
	contentDir := filepath.Join(dir, "content")
	srv := serve.New(serve.Config{Build: build.Config{Content: os.DirFS(contentDir), ContentName: "content"},
		Search: (&liveSearch{}).Search})
	total := func() int {
		t.Helper()
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?q=bl%C3%A6ksprutte", nil))
		var res search.Response
		if err := json.Unmarshal(rec.Body.Bytes(), &res); rec.Code != 200 || err != nil {
			t.Fatalf("/api/search: %d %s (%v)", rec.Code, rec.Body, err)
		}
		return res.Total
	}
	if err := srv.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if n := total(); n != 0 {
		t.Fatalf("before the edit: %d results", n)
	}
	offer := filepath.Join(contentDir, "tilbud", "aaben-raadgivning.md")
	data, _ := os.ReadFile(offer)
	edited := strings.Replace(string(data), "\n---\n", "\n---\nVi taler også om blæksprutter.\n", 1)
	if edited == string(data) {
		t.Fatal("could not edit the offer's body")
	}
	os.WriteFile(offer, []byte(edited), 0o644)
	if err := srv.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if n := total(); n != 1 {
		t.Errorf("after the edit: %d results, want 1", n)
	}
}

// TestLiveSearchKeepsIndexInUse holds that a rebuild does not close the index of the build
// before it while a search still uses it, and closes it once that search is done.
func TestLiveSearchKeepsIndexInUse(t *testing.T) {
	dir := writeSite(t)
	load := func() *site.Site {
		s, _, err := content.Load(os.DirFS(filepath.Join(dir, "content")), "content", content.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	l := &liveSearch{}
	old, err := l.acquire(load()) // a search on the first build, still running
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Search(context.Background(), load(), "angst"); err != nil { // the next build's
		t.Fatal(err)
	}
	if _, err := old.ix.Search(context.Background(), search.Request{Query: "angst"}); err != nil {
		t.Fatalf("the running search's index was closed under it: %v", err)
	}
	old.users.Done()
	for i := 0; ; i++ {
		if _, err := old.ix.Search(context.Background(), search.Request{Query: "angst"}); err != nil {
			break // closed
		}
		if i == 200 {
			t.Fatal("the replaced index is still open after its last search")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
