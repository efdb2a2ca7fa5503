package build

import (
	"strings"
	"testing"
)

// TestMergeNamesFirstDuplicate holds merge to one error for paths two parts write: the first
// of them in path order, whatever the maps' order.
func TestMergeNamesFirstDuplicate(t *testing.T) {
	for range 20 {
		files := map[string][]byte{"a.html": nil, "c/index.html": nil, "b.json": nil, "d.xml": nil}
		err := merge(files, map[string][]byte{"d.xml": nil, "new.html": nil, "c/index.html": nil, "b.json": nil})
		if err == nil || !strings.Contains(err.Error(), "b.json written twice") {
			t.Fatalf("merge: %v, want the error to name b.json", err)
		}
		if _, ok := files["new.html"]; !ok {
			t.Fatal("merge dropped a path only the part has")
		}
	}
	if err := merge(map[string][]byte{"a": nil}, map[string][]byte{"b": nil}); err != nil {
		t.Errorf("merge of apart paths: %v", err)
	}
}
