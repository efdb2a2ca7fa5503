package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNew: viften new writes the archetype under a slug made from the title, refuses to
// overwrite it, and check names the required facts still to fill in.
func TestNew(t *testing.T) {
	dir := writeSite(t)
	contentDir := filepath.Join(dir, "content")
	code, stdout, stderr := runCmd("new", "-content", contentDir, "tilbud", "Åben Rådgivning for børn")
	want := filepath.Join(contentDir, "tilbud", "aaben-raadgivning-for-boern.md")
	if code != 0 || !strings.Contains(stdout, "aaben-raadgivning-for-boern.md") {
		t.Fatalf("new: exit %d, %q %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(want)
	if err != nil || !bytes.Contains(data, []byte("titel: Åben Rådgivning for børn\n")) {
		t.Fatalf("new wrote %q: %v", data, err)
	}
	if code, _, stderr := runCmd("new", "-content", contentDir, "tilbud", "Åben rådgivning for børn"); code != 1 || !strings.Contains(stderr, "findes allerede") {
		t.Errorf("second new: exit %d, %q; want 1 and a refusal", code, stderr)
	}
	if after, _ := os.ReadFile(want); !bytes.Equal(after, data) {
		t.Error("new overwrote the file")
	}
	code, _, stderr = runCmd("check", "-content", contentDir, "-date", "2026-11-22")
	if code != 1 || !strings.Contains(stderr, "aaben-raadgivning-for-boern.md:9:1: feltet \"resume\" er tomt; det skal udfyldes") {
		t.Errorf("check after new: exit %d, %q", code, stderr)
	}
	for _, typ := range []string{"kontakt", "princip", "side", "udbyder", "bekymring"} {
		// flags may also follow the type and title, as with export and search
		if code, _, stderr := runCmd("new", typ, "Ny "+typ, "-content", contentDir); code != 0 {
			t.Errorf("new %s: exit %d, %q", typ, code, stderr)
		}
	}
	if code, _, stderr := runCmd("new", "-content", contentDir, "tilbut", "X"); code != 2 || !strings.Contains(stderr, "ukendt type") {
		t.Errorf("new tilbut: exit %d, %q", code, stderr)
	}
}

// TestInit: viften init writes a site that passes check and builds at once, and will not
// write into a folder that is not empty.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCmd("init", "-kommune", "Prøve Kommune", dir, "-date", "2026-11-01"); code != 0 {
		t.Fatalf("init: exit %d, %q", code, stderr)
	}
	contentDir := filepath.Join(dir, "content")
	code, stdout, stderr := runCmd("check", "-content", contentDir, "-date", "2026-11-22")
	if code != 0 || !strings.Contains(stdout, "ingen fejl i 1 tilbud") {
		t.Errorf("check: exit %d, %q %q", code, stdout, stderr)
	}
	out := filepath.Join(dir, "public")
	if code, _, stderr := runCmd("build", "-content", contentDir, "-out", out, "-date", "2026-11-22"); code != 0 {
		t.Errorf("build: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "tilbud", "eksempel", "index.html")); err != nil {
		t.Error(err)
	}
	for _, f := range []string{".github/workflows/udgiv.yml", ".gitlab-ci.yml", "package-lock.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if code, _, stderr := runCmd("init", dir); code != 1 || !strings.Contains(stderr, "ikke tom") {
		t.Errorf("init into a full folder: exit %d, %q", code, stderr)
	}
}

// TestStrictOverdue: an offer overdue for review is a warning for check and an error for
// check -strict, and its page shows when it was last reviewed.
func TestStrictOverdue(t *testing.T) {
	dir := writeSite(t)
	contentDir := filepath.Join(dir, "content")
	want := "aaben-raadgivning.md:20:14: tilbuddet blev sidst gennemgået 2026-11-01 og skulle gennemgås igen senest 2027-11-01"
	code, _, stderr := runCmd("check", "-content", contentDir, "-date", "2027-11-02")
	if code != 0 || !strings.Contains(stderr, want) {
		t.Errorf("check: exit %d, %q", code, stderr)
	}
	code, _, stderr = runCmd("check", "-strict", "-content", contentDir, "-date", "2027-11-02")
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("check -strict: exit %d, %q; want exit 1 with %q", code, stderr, want)
	}
	out := filepath.Join(dir, "public")
	if code, _, stderr := runCmd("build", "-content", contentDir, "-out", out, "-date", "2026-11-22"); code != 0 {
		t.Fatalf("build: exit %d, %q", code, stderr)
	}
	page, _ := os.ReadFile(filepath.Join(out, "tilbud", "aaben-raadgivning", "index.html"))
	if !strings.Contains(string(page), `Sidst gennemgået <time datetime="2026-11-01">1. november 2026</time> af Redaktionen`) {
		t.Error("the offer page does not show when it was last reviewed")
	}
}
