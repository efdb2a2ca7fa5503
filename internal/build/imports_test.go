package build_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestImportRules holds the package-per-dependency layout: each third-party library is
// imported by exactly one package, and the model imports no third-party code.
func TestImportRules(t *testing.T) {
	owners := map[string]string{
		"github.com/yuin/goldmark":               "internal/markdown",
		"gopkg.in/yaml.v3":                       "internal/content",
		"github.com/blevesearch/bleve/v2":        "internal/search",
		"github.com/blevesearch/bleve_index_api": "internal/search", // bleve's own index interfaces
		"github.com/fsnotify/fsnotify":           "internal/watch",
		"golang.org/x/tools/txtar":               "internal/content/contenttest", // test support: only tests import that package
		"github.com/santhosh-tekuri/jsonschema":  "",                             // tests only
	}
	importers := map[string]map[string]bool{}
	root := "../.."
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := filepath.ToSlash(rel)
		for _, imp := range f.Imports {
			ip := strings.Trim(imp.Path.Value, `"`)
			project := strings.HasPrefix(ip, "tilbudsviften/") // no dot in its first part either
			if ip == "tilbudsviften/internal/content/contenttest" {
				t.Errorf("%s imports contenttest, which is for tests only", pkg)
			}
			if !project && !strings.Contains(strings.SplitN(ip, "/", 2)[0], ".") {
				continue // standard library
			}
			if pkg == "internal/site" {
				t.Errorf("internal/site imports %s; the model may use the standard library only", ip)
			}
			for lib := range owners {
				if ip == lib || strings.HasPrefix(ip, lib+"/") {
					if importers[lib] == nil {
						importers[lib] = map[string]bool{}
					}
					importers[lib][pkg] = true
				}
			}
			if project {
				continue
			}
			known := false
			for lib := range owners {
				if ip == lib || strings.HasPrefix(ip, lib+"/") {
					known = true
				}
			}
			if !known {
				t.Errorf("%s imports %s, which is not one of the project's dependencies", pkg, ip)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for lib, pkgs := range importers {
		var list []string
		for p := range pkgs {
			list = append(list, p)
		}
		sort.Strings(list)
		want := owners[lib]
		if want == "" {
			t.Errorf("%s is imported outside tests by %v", lib, list)
			continue
		}
		if len(list) != 1 || list[0] != want {
			t.Errorf("%s is imported by %v; only %s may import it", lib, list, want)
		}
	}
}
