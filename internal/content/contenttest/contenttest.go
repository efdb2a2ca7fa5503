// Package contenttest gives the tests of every package the content loader's small valid site,
// internal/content/testdata/base.txtar: as an in-memory file system, or written to a folder.
// Only tests import it (TestImportRules holds that).
package contenttest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// archive reads base.txtar, found beside this package in the source tree.
func archive(t testing.TB) *txtar.Archive {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("contenttest: cannot find its own source folder")
	}
	ar, err := txtar.ParseFile(filepath.Join(filepath.Dir(file), "..", "testdata", "base.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return ar
}

// Base returns the base site as a file system whose root is the content folder.
func Base(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range archive(t).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// Write writes the base site into the folder dir, creating it, and returns dir.
func Write(t testing.TB, dir string) string {
	t.Helper()
	for _, f := range archive(t).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
