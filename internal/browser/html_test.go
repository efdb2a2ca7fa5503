package browser_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValid runs the Nu HTML Checker (npm vnu-jar, on Java) over one page of every type of
// the built Herlev site: no errors.
func TestHTMLValid(t *testing.T) {
	java, err := exec.LookPath("java")
	jar := filepath.Join("node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, statErr := os.Stat(jar); err != nil || statErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the Nu HTML Checker needs java and %s; .ci/run installs both", jar)
		}
		t.Skip("skipping: java or the npm package vnu-jar is missing (run npm ci in internal/browser)")
	}
	out, s := buildHerlev(t)
	args := []string{"-jar", jar, "--format", "json", "--errors-only"}
	for _, p := range samplePages(s) {
		f := strings.TrimPrefix(p, "/")
		if f == "" || strings.HasSuffix(f, "/") {
			f += "index.html"
		}
		args = append(args, filepath.Join(out, filepath.FromSlash(f)))
	}
	cmd := command(t, java, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	var report struct {
		Messages []struct {
			Type, URL, Message string
			LastLine           int
		}
	}
	if err := json.Unmarshal([]byte(stderr.String()), &report); err != nil {
		t.Fatalf("vnu: %v (%v)\n%s", err, runErr, stderr.String())
	}
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			t.Errorf("%s:%d: %s", strings.TrimPrefix(m.URL, "file:"+out), m.LastLine, m.Message)
		}
	}
	t.Logf("%d pages checked, %d messages", len(args)-5, len(report.Messages))
}
