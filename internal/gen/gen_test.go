package gen_test

import (
	"testing"
	"time"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/gen"
)

func TestSiteIsValid(t *testing.T) {
	s, report, err := content.Load(gen.FS(200), "gen", content.Options{Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
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
