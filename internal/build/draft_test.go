package build_test

import (
	"bytes"
	"strings"
	"testing"

	"tilbudsviften/internal/build"
)

// TestDraftPreview: an offer before its udgives date is left out of a build, and shown in a
// preview with drafts (-drafts) with a note that it is not public yet and when it will be.
func TestDraftPreview(t *testing.T) {
	fsys := baseSite(t)
	offer := "tilbud/aaben-raadgivning.md"
	fsys[offer].Data = bytes.Replace(fsys[offer].Data, []byte("ansvarlig: Redaktionen\n"), []byte("ansvarlig: Redaktionen\nudgives: 2026-12-01\n"), 1)
	page := "tilbud/aaben-raadgivning/index.html"
	files, _, err := build.Render(build.Config{Content: fsys, ContentName: "content", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files[page]; ok {
		t.Errorf("%s is built before its udgives date", page)
	}
	files, _, err = build.Render(build.Config{Content: fsys, ContentName: "content", Now: today, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	html := string(files[page])
	if !strings.Contains(html, "<strong>Kladde – ikke offentlig.</strong> Tilbuddet udgives 1. december 2026.") {
		t.Errorf("the preview of %s has no draft note:\n%s", page, html)
	}
}
