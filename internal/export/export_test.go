package export_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/content/contenttest"
	"tilbudsviften/internal/export"
	"tilbudsviften/internal/gen"
	"tilbudsviften/internal/site"
)

// today is the build day of every test, so review warnings and publish windows do not move.
var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// testBaseURL is the published address tests give a site that has none.
const testBaseURL = "https://tilbud.herlev.example"

// herlevFS returns the shipped Herlev content as an in-memory file system, with basisurl set
// to baseURL in site.yaml when baseURL is not empty. The test skips when content/ is absent.
func herlevFS(t testing.TB, baseURL string) fstest.MapFS {
	t.Helper()
	root := "../../content"
	if _, err := os.Stat(filepath.Join(root, "site.yaml")); err != nil {
		t.Skipf("skipping: no Herlev content at %s", root)
	}
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if baseURL != "" {
		withBaseURL(t, fsys, baseURL)
	}
	return fsys
}

// withBaseURL sets basisurl in site.yaml.
func withBaseURL(t testing.TB, fsys fstest.MapFS, baseURL string) {
	t.Helper()
	f := fsys["site.yaml"]
	if bytes.Contains(f.Data, []byte("\nbasisurl:")) {
		t.Fatal("site.yaml already has basisurl; the test expects none")
	}
	f.Data = append([]byte("basisurl: "+baseURL+"\n"), f.Data...)
}

// baseFS returns the content package's small valid site.
func baseFS(t testing.TB) fstest.MapFS { return contenttest.Base(t) }

// genFS returns a generated site of n offers.
func genFS(n int) fstest.MapFS {
	return gen.FS(n)
}

// load loads a content folder as of today.
func load(t testing.TB, fsys fs.FS) *site.Site {
	t.Helper()
	s, _, err := content.Load(fsys, "content", content.Options{Now: today})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// files collects what an export function emits, failing on a path written twice.
func files(t testing.TB, write func(emit export.Emit) error) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := write(func(p string, data []byte) error {
		if _, dup := out[p]; dup {
			t.Errorf("%s written twice", p)
		}
		out[p] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// all returns every export file of a site.
func all(t testing.TB, s *site.Site) map[string][]byte {
	t.Helper()
	return files(t, func(emit export.Emit) error { return export.All(s, emit) })
}

func sortedPaths(m map[string][]byte) []string {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// withPrefix returns the paths under prefix, sorted.
func withPrefix(m map[string][]byte, prefix string) []string {
	var list []string
	for _, p := range sortedPaths(m) {
		if strings.HasPrefix(p, prefix) {
			list = append(list, p)
		}
	}
	return list
}
