package content

import (
	"os"
	"strings"
	"testing"
)

// TestDocsListEveryKey holds docs/content-model.md in step with the field tables: every key the
// loader accepts must be documented there (as `key`).
func TestDocsListEveryKey(t *testing.T) {
	doc, err := os.ReadFile("../../docs/content-model.md")
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][]field{
		"site.yaml": siteFields, "maalgrupper.yaml": audienceFields, "emner.yaml": topicFields,
		"trin.yaml": stepFields, "tilbud": offerFields, "kontakter": contactFields,
		"udbydere": providerFields, "principper": principleFields, "bekymring": guideFields, "sider": pageFields,
	}
	var walk func(where string, fields []field)
	walk = func(where string, fields []field) {
		for _, f := range fields {
			if !strings.Contains(string(doc), "`"+f.key+"`") && !strings.Contains(string(doc), "{"+f.key) && !strings.Contains(string(doc), ", "+f.key) {
				t.Errorf("%s: key %q is not in docs/content-model.md", where, f.key)
			}
			walk(where+"."+f.key, f.fields)
		}
	}
	for where, fields := range tables {
		walk(where, fields)
	}
}
