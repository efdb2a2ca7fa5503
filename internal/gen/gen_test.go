package gen_test

import (
	"testing"
	"testing/fstest"
	"time"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/gen"
)

func TestSiteIsValid(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, data := range gen.Site(200) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	s, report, err := content.Load(fsys, "gen", content.Options{Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Offers) != 200 {
		t.Errorf("%d offers, want 200", len(s.Offers))
	}
	if len(report.Warnings) != 0 {
		t.Errorf("warnings: %v", report.Warnings)
	}
}
