package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tilbudsviften/internal/content/contenttest"
)

// writeSite writes the content package's small valid site into a temporary folder.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	contenttest.Write(t, filepath.Join(dir, "content"))
	return dir
}

func runCmd(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestBuildAndCheck(t *testing.T) {
	dir := writeSite(t)
	contentDir, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	code, stdout, stderr := runCmd("check", "-content", contentDir, "-date", "2026-11-22")
	if code != 0 || !strings.HasPrefix(stdout, "viften check: ingen fejl i 1 tilbud, 1 kontakter") {
		t.Errorf("check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runCmd("build", "-content", contentDir, "-out", out, "-templates", filepath.Join(dir, "none"), "-date", "2026-11-22")
	if code != 0 || !strings.HasPrefix(stdout, "viften build: ") || !strings.Contains(stdout, "skrevet til "+out) {
		t.Errorf("build: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "tilbud", "aaben-raadgivning", "index.html")); err != nil {
		t.Error(err)
	}
}

func TestContentErrorsExit1(t *testing.T) {
	dir := writeSite(t)
	contentDir := filepath.Join(dir, "content")
	offer := filepath.Join(contentDir, "tilbud", "aaben-raadgivning.md")
	data, _ := os.ReadFile(offer)
	data = bytes.Replace(data, []byte("trin: forebyggelse"), []byte("trin: forebygelse"), 1)
	data = bytes.Replace(data, []byte("resume: "), []byte("resumé: "), 1)
	if err := os.WriteFile(offer, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"check", "build"} {
		code, _, stderr := runCmd(cmd, "-content", contentDir, "-out", filepath.Join(dir, "public"), "-date", "2026-11-22")
		if cmd == "check" {
			// check has no -out flag: that is a usage error.
			if code != 2 {
				t.Errorf("check -out: exit %d, want 2", code)
			}
			code, _, stderr = runCmd(cmd, "-content", contentDir, "-date", "2026-11-22")
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		want := []string{
			filepath.Join(contentDir, "tilbud/aaben-raadgivning.md") + `:2:1: mangler det påkrævede felt "resume" (tekst)`,
			filepath.Join(contentDir, "tilbud/aaben-raadgivning.md") + `:3:1: ukendt felt "resumé"; mente du "resume"?`,
			filepath.Join(contentDir, "tilbud/aaben-raadgivning.md") + `:7:7: ukendt trin "forebygelse"; mente du "forebyggelse"?`,
		}
		if code != 1 || len(lines) != 4 || strings.Join(lines[:3], "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant exit 1 and:\n%s", cmd, code, stderr, strings.Join(want, "\n"))
		}
	}
}

func TestStrict(t *testing.T) {
	dir := writeSite(t)
	contentDir := filepath.Join(dir, "content")
	offer := filepath.Join(contentDir, "tilbud", "aaben-raadgivning.md")
	data, _ := os.ReadFile(offer)
	data = bytes.Replace(data, []byte("ansvarlig: Redaktionen\n"), []byte("ansvarlig: Redaktionen\ntjekkes: Telefonnummeret mangler.\n"), 1)
	if err := os.WriteFile(offer, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := runCmd("check", "-content", contentDir, "-date", "2026-11-22"); code != 0 || !strings.Contains(stdout, "1 oplysninger skal tjekkes") {
		t.Errorf("check: exit %d, %q", code, stdout)
	}
	code, _, stderr := runCmd("check", "-strict", "-content", contentDir, "-date", "2026-11-22")
	if code != 1 || !strings.Contains(stderr, "aaben-raadgivning.md:22:10: skal tjekkes: Telefonnummeret mangler.") {
		t.Errorf("check -strict: exit %d, stderr %q", code, stderr)
	}
	// A year later the offer is overdue for review: a warning, and an error with -strict.
	code, _, stderr = runCmd("check", "-content", contentDir, "-date", "2027-11-02")
	if code != 0 || !strings.Contains(stderr, "skulle gennemgås igen senest 2027-11-01") {
		t.Errorf("check a year later: exit %d, stderr %q", code, stderr)
	}
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		out  string
	}{
		{nil, 2, ""},
		{[]string{"nej"}, 2, ""},
		{[]string{"build", "-nej"}, 2, ""},
		{[]string{"build", "ekstra"}, 2, ""},
		{[]string{"build", "-content", "findes-ikke"}, 2, ""},
		{[]string{"check", "-date", "22-11-2026"}, 2, ""},
		{[]string{"-h"}, 0, "Viften bygger Tilbudsviften"},
		{[]string{"help"}, 0, "Kommandoer:"},
		{[]string{"help", "build"}, 0, "-content"},
		{[]string{"help", "nej"}, 2, ""},
	} {
		code, stdout, _ := runCmd(tc.args...)
		if code != tc.code || !strings.Contains(stdout, tc.out) {
			t.Errorf("viften %v: exit %d, stdout %q; want exit %d and %q", tc.args, code, stdout, tc.code, tc.out)
		}
	}
}

// TestFallbackCount: an offer without a phone or e-mail of its own, whose page shows the
// municipality's general contact instead, is counted by check and build and listed by
// check -strict, which fails on it.
func TestFallbackCount(t *testing.T) {
	dir := writeSite(t)
	contentDir, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	write := func(rel, text string, replace ...string) {
		t.Helper()
		p := filepath.Join(contentDir, rel)
		data, _ := os.ReadFile(p)
		if len(replace) == 2 {
			data = bytes.Replace(data, []byte(replace[0]), []byte(replace[1]), 1)
		}
		if err := os.WriteFile(p, append(data, text...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tilbud/aaben-raadgivning.md", "", "kontakter: [raadgivning]\n", "")
	write("kontakter/kommune.yaml", "navn: Prøve Kommune\nudbyder: kommune\ntelefon: 44 00 00 00\nkilder:\n  - url: https://example.dk/kontakt\ngennemgaaet: 2026-11-01\n")
	write("site.yaml", "kontakt: kommune\n")
	const count = "1 af 1 tilbud har ingen egen telefon eller e-mail og viser en anden kontakt i stedet"
	if code, stdout, stderr := runCmd("check", "-content", contentDir, "-date", "2026-11-22"); code != 0 || !strings.Contains(stdout, count) {
		t.Errorf("check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr := runCmd("check", "-strict", "-content", contentDir, "-date", "2026-11-22")
	if want := "aaben-raadgivning.md:2:8: tilbuddet har ingen egen telefon eller e-mail; siden viser i stedet kommunens fælles kontakt (Prøve Kommune, "; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("check -strict: exit %d, stderr %q; want it to list %q", code, stderr, want)
	}
	code, stdout, stderr := runCmd("build", "-content", contentDir, "-out", out, "-templates", filepath.Join(dir, "none"), "-date", "2026-11-22")
	if code != 0 || !strings.Contains(stdout, "viften build: "+count+`; "viften check -strict" viser hvilke`) {
		t.Errorf("build: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "tilbud", "aaben-raadgivning", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<p class="fallback">Tilbuddet har ikke sit eget telefonnummer eller sin egen e-mail her endnu. Du kan i stedet kontakte kommunen (Prøve Kommune):</p>`,
		`href="tel:&#43;4544000000"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the offer page lacks %q", want)
		}
	}
}
