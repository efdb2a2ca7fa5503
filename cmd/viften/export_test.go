package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExport(t *testing.T) {
	dir := writeSite(t)
	contentDir, out := filepath.Join(dir, "content"), filepath.Join(dir, "eksport")
	// A file of the user's own and a service file an earlier export left behind.
	own := filepath.Join(out, "noter.txt")
	stale := filepath.Join(out, "data", "hsds", "services", "00000000-0000-5000-8000-000000000000.json")
	for _, p := range []string{own, stale} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	code, stdout, stderr := runCmd("export", "-content", contentDir, "-format", "hsds", "-date", "2026-11-22", out)
	if code != 0 || !strings.HasPrefix(stdout, "viften export: 1 tilbud som hsds: ") || stderr != "" {
		t.Fatalf("export hsds: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, p := range []string{"data/hsds/index.json", "data/hsds/services/page-1.json", "data/hsds/profile/index.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Error(err)
		}
	}
	for _, p := range []string{"data/tilbud.csv", "data/hsds/tabular/datapackage.json", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s written by -format hsds", p)
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale service of an earlier export is still there")
	}
	if _, err := os.Stat(own); err != nil {
		t.Errorf("the user's own file is gone: %v", err)
	}

	// Flags may follow the folder; csv and json add their files beside the HSDS ones.
	code, stdout, stderr = runCmd("export", "-content", contentDir, out, "-format", "csv,json", "-date", "2026-11-22")
	if code != 0 || !strings.Contains(stdout, "som csv og json") {
		t.Fatalf("export csv,json: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	csv, err := os.ReadFile(filepath.Join(out, "data", "tilbud.csv"))
	if err != nil || !bytes.HasPrefix(csv, []byte("\ufeffTilbud;")) || !bytes.Contains(csv, []byte("Åben rådgivning")) {
		t.Errorf("data/tilbud.csv: %v, %.60q", err, csv)
	}
	for _, p := range []string{"data/tilbud.json", "data/hsds/tabular/services.csv", "data/hsds/index.json"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Error(err)
		}
	}
}

func TestExportUsage(t *testing.T) {
	dir := writeSite(t)
	contentDir := filepath.Join(dir, "content")
	for _, args := range [][]string{
		{"export", "-content", contentDir},                              // no folder
		{"export", "-content", contentDir, "a", "b"},                    // two folders
		{"export", "-content", contentDir, "-format", "xml", dir},       // unknown format
		{"export", "-content", contentDir, "-format", "hsds,,csv", dir}, // empty format
		{"export", "-content", filepath.Join(dir, "none"), dir},         // no content
		{"export", "-content", contentDir, "-date", "22-11-2026", dir},  // bad date
		{"export", "-content", contentDir, "-ukendt", dir},              // unknown flag
	} {
		if code, _, stderr := runCmd(args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args[1:], code, stderr)
		}
	}
	if code, stdout, _ := runCmd("help", "export"); code != 0 || !strings.Contains(stdout, "-format") {
		t.Errorf("help export: exit %d, %q", code, stdout)
	}
	if !strings.Contains(manual(), "viften export [-content content] [-format hsds,csv,json] MAPPE") {
		t.Error("the manual does not describe export")
	}
}

func TestExportContentErrors(t *testing.T) {
	dir := writeSite(t)
	contentDir := filepath.Join(dir, "content")
	offer := filepath.Join(contentDir, "tilbud", "aaben-raadgivning.md")
	data, _ := os.ReadFile(offer)
	if err := os.WriteFile(offer, bytes.Replace(data, []byte("trin: forebyggelse"), []byte("trin: forebygelse"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "eksport")
	code, _, stderr := runCmd("export", "-content", contentDir, "-date", "2026-11-22", out)
	if code != 1 || !strings.Contains(stderr, `ukendt trin "forebygelse"`) || !strings.Contains(stderr, "intet er skrevet") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the export folder was created despite the errors")
	}
}
