package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompactJS(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"comments, blank lines and indentation go",
			"// A comment.\n(function () {\n  \"use strict\";\n\n  // Another.\n  var a = 1; // kept: code before it\n\t\tif (a) {\n    a = \"// not a comment\";\n  }\n})();\n",
			"(function () {\n\"use strict\";\nvar a = 1; // kept: code before it\nif (a) {\na = \"// not a comment\";\n}\n})();\n"},
		{"a last line without a line end", "  x();", "x();"},
		{"CRLF lines", "  // c\r\n  x();\r\n", "x();\r\n"},
		{"a template literal keeps the script as written", "var s = `a\n    b`;\n// c\n", "var s = `a\n    b`;\n// c\n"},
		{"a continued string keeps the script as written", "var s = \"a\\\n    b\";\n// c\n", "var s = \"a\\\n    b\";\n// c\n"},
	}
	for _, c := range cases {
		if got := string(CompactJS([]byte(c.in))); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestCompactThemeScripts holds the theme's own scripts, as published, to being smaller and
// to parsing (node --check, when Node is there); the browser tests run them.
func TestCompactThemeScripts(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil && os.Getenv("CI") == "true" {
		t.Fatal("node is needed when CI=true")
	}
	files, _ := filepath.Glob("../../templates/*.js")
	if len(files) == 0 {
		t.Fatal("no scripts in templates/")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pub := CompactJS(src)
		if len(pub) >= len(src) || strings.Contains(string(pub), "\n//") {
			t.Errorf("%s: published %d bytes of %d, comment lines left: %v", f, len(pub), len(src), strings.Contains(string(pub), "\n//"))
		}
		if node == "" {
			continue
		}
		out := filepath.Join(t.TempDir(), filepath.Base(f))
		if err := os.WriteFile(out, pub, 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command(node, "--check", out).CombinedOutput(); err != nil {
			t.Errorf("%s as published does not parse: %v\n%s", f, err, msg)
		}
	}
}
