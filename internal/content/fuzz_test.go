package content_test

import (
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"tilbudsviften/internal/content"
)

// FuzzLoad feeds arbitrary bytes to the loader as an offer and as a contact file: Load must
// never panic, and must return either a site or errors, never both or neither.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	more, _ := filepath.Glob("testdata/errors/*.txtar")
	for _, file := range append(files, more...) {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if filepath.Ext(af.Name) == ".md" || filepath.Ext(af.Name) == ".yaml" {
				f.Add(af.Data)
			}
		}
	}
	f.Add([]byte("---\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitel: [\n---\n"))
	f.Add([]byte("---\n&a [*a]\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitel: x\r\n---\r\n[x](/y/)"))
	f.Fuzz(func(t *testing.T, data []byte) {
		base := siteFS(t, nil)
		for _, name := range []string{"tilbud/fuzz.md", "kontakter/fuzz.yaml", "emner.yaml"} {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			fsys[name] = &fstest.MapFile{Data: data}
			s, _, err := content.Load(fsys, "content", content.Options{Now: today})
			if (s == nil) == (err == nil) {
				t.Fatalf("%s: Load returned site %v and error %v", name, s != nil, err)
			}
		}
	})
}
