package build_test

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/content"
	"tilbudsviften/internal/content/contenttest"
	"tilbudsviften/internal/gen"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// baseSite returns the content package's small valid site.
func baseSite(t testing.TB) fstest.MapFS { return contenttest.Base(t) }

// TestGolden renders the small site and compares a chosen set of pages, and the list of all
// files, with testdata/site.golden (a txtar archive, one section per file).
func TestGolden(t *testing.T) {
	files, _, err := build.Render(build.Config{Content: baseSite(t), ContentName: "content", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	got := &txtar.Archive{Comment: []byte("Output of build.Render for ../content/testdata/base.txtar; rewrite with go test -update.\n")}
	got.Files = append(got.Files, txtar.File{Name: "files", Data: []byte(strings.Join(paths, "\n") + "\n")})
	for _, p := range []string{"index.html", "tilbud/aaben-raadgivning/index.html", "emner/vold/index.html", "_headers"} {
		data, ok := files[p]
		if !ok {
			t.Errorf("no %s in the output", p)
			continue
		}
		got.Files = append(got.Files, txtar.File{Name: p, Data: data})
	}
	golden := "testdata/site.golden"
	if *update {
		if err := os.WriteFile(golden, txtar.Format(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := txtar.ParseFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Files) != len(got.Files) {
		t.Fatalf("%d sections, want %d", len(got.Files), len(want.Files))
	}
	for i, w := range want.Files {
		g := got.Files[i]
		if g.Name != w.Name || !bytes.Equal(g.Data, w.Data) {
			t.Errorf("%s differs from the golden file; run go test -update and review the diff", w.Name)
		}
	}
}

// TestDeterministic renders the same content twice and expects the same bytes.
func TestDeterministic(t *testing.T) {
	sites := map[string]fs.FS{"generated": gen.FS(300)}
	if _, err := os.Stat("../../content/site.yaml"); err == nil {
		sites["herlev"] = os.DirFS("../../content")
	}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			cfg := build.Config{Content: fsys, ContentName: "content", Now: today}
			a, _, err := build.Render(cfg)
			if err != nil {
				t.Fatal(err)
			}
			b, _, err := build.Render(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if len(a) != len(b) {
				t.Fatalf("%d files, then %d", len(a), len(b))
			}
			for p, data := range a {
				if !bytes.Equal(data, b[p]) {
					t.Errorf("%s differs between two builds", p)
				}
			}
		})
	}
}

// readTree returns every file under dir: relative path → content.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		tree[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// TestFailedBuildKeepsSite builds a good site, breaks one file, builds again: the second build
// fails naming the file and line, and the output folder is byte for byte as before.
func TestFailedBuildKeepsSite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	fsys := baseSite(t)
	cfg := build.Config{Content: fsys, ContentName: "content", Out: out, Now: today}
	if _, err := build.Run(cfg); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	if len(before) == 0 {
		t.Fatal("first build wrote nothing")
	}
	fsys["tilbud/aaben-raadgivning.md"].Data = bytes.Replace(fsys["tilbud/aaben-raadgivning.md"].Data, []byte("emner: [skilsmisse]"), []byte("emner: [skilsmise]"), 1)
	_, err := build.Run(cfg)
	var list content.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("second build: got %v, want a content.ErrorList", err)
	}
	if got, want := list.Error(), `content/tilbud/aaben-raadgivning.md:6:9: ukendt emne "skilsmise"; mente du "skilsmisse"?`; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("the failed build changed the number of files: %d, was %d", len(after), len(before))
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("the failed build changed %s", p)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the failed build left files beside the output: %v", entries)
	}
}

// TestRunReplacesOutput checks that a second good build replaces files and removes stale ones.
func TestRunReplacesOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"stale.html", ".gitignore", "README.md"} {
		if err := os.WriteFile(filepath.Join(out, name), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := build.Run(build.Config{Content: baseSite(t), ContentName: "content", Out: out, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	if _, ok := tree["stale.html"]; ok {
		t.Error("stale file kept")
	}
	if tree[".gitignore"] != "old" || tree["README.md"] != "old" {
		t.Error(".gitignore and README.md at the top of the output folder were not kept")
	}
	if len(tree) != res.Files+2 || res.Pages == 0 {
		t.Errorf("%d files on disk, result says %d files, %d pages", len(tree), res.Files, res.Pages)
	}
}

// TestTemplateOverride lays a site's own stylesheet over the default theme: the output's
// stylesheet has the new content and a new hashed name.
func TestTemplateOverride(t *testing.T) {
	plain, _, err := build.Render(build.Config{Content: baseSite(t), ContentName: "content", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	own := fstest.MapFS{"site.css": {Data: []byte("body{color:#123456}\n")}}
	themed, _, err := build.Render(build.Config{Content: baseSite(t), ContentName: "content", Templates: own, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	css := func(files map[string][]byte) (string, string) {
		for p, data := range files {
			if strings.HasPrefix(p, "assets/") && strings.HasSuffix(p, ".css") {
				return p, string(data)
			}
		}
		return "", ""
	}
	p1, _ := css(plain)
	p2, body := css(themed)
	if p1 == "" || p1 == p2 {
		t.Errorf("stylesheet names %q and %q: want two different hashed names", p1, p2)
	}
	if !strings.Contains(body, "#123456") {
		t.Errorf("own stylesheet not used: %q", body)
	}
	if !strings.Contains(string(themed["index.html"]), "/"+p2) {
		t.Error("pages do not link the own stylesheet")
	}
}
