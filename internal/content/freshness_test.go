package content_test

import (
	"bytes"
	"testing"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/site"
)

// TestExpiry: an offer is hidden from its udloeber date on, shown again with Drafts (the
// preview flag), and udloeber must come after udgives.
func TestExpiry(t *testing.T) {
	fsys := siteFS(t, nil)
	offer := "tilbud/aaben-raadgivning.md"
	orig := fsys[offer].Data
	fsys[offer].Data = bytes.Replace(orig, []byte("ansvarlig: Redaktionen\n"), []byte("ansvarlig: Redaktionen\nudloeber: 2026-11-22\n"), 1)
	s, report, err := content.Load(fsys, "content", content.Options{Now: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Offers) != 0 || report.Hidden != 1 {
		t.Errorf("on the expiry day: %d offers, %d hidden; want 0 and 1", len(s.Offers), report.Hidden)
	}
	if s, _, _ := content.Load(fsys, "content", content.Options{Now: today.AddDate(0, 0, -1)}); len(s.Offers) != 1 || s.Offers[0].Draft != "" {
		t.Errorf("the day before: %d offers, want 1, public", len(s.Offers))
	}
	if s, _, _ := content.Load(fsys, "content", content.Options{Now: today, Drafts: true}); len(s.Offers) != 1 || s.Offers[0].Draft != site.DraftExpired {
		t.Errorf("with drafts: %d offers, want 1, marked expired", len(s.Offers))
	}
	fsys[offer].Data = bytes.Replace(orig, []byte("ansvarlig: Redaktionen\n"), []byte("ansvarlig: Redaktionen\nudgives: 2026-12-01\n"), 1)
	if s, _, _ := content.Load(fsys, "content", content.Options{Now: today, Drafts: true}); len(s.Offers) != 1 || s.Offers[0].Draft != site.DraftComing {
		t.Errorf("with drafts, before udgives: %d offers, want 1, marked coming", len(s.Offers))
	}
	fsys[offer].Data = bytes.Replace(orig, []byte("ansvarlig: Redaktionen\n"), []byte("ansvarlig: Redaktionen\nudgives: 2026-12-01\nudloeber: 2026-12-01\n"), 1)
	_, _, err = content.Load(fsys, "content", content.Options{Now: today})
	if err == nil || err.Error() != "content/tilbud/aaben-raadgivning.md:23:11: udloeber (2026-12-01) skal være efter udgives (2026-12-01)" {
		t.Errorf("udloeber not after udgives: got %v", err)
	}
}

// TestReviewInterval: gennemgang_maaneder sets when an offer is overdue; 0 turns it off.
func TestReviewInterval(t *testing.T) {
	fsys := siteFS(t, nil)
	site := fsys["site.yaml"].Data
	for months, want := range map[string]int{"": 0, "gennemgang_maaneder: 6\n": 0, "gennemgang_maaneder: 3\n": 1, "gennemgang_maaneder: 0\n": 0} {
		fsys["site.yaml"].Data = append(append([]byte(nil), site...), months...)
		_, report, err := content.Load(fsys, "content", content.Options{Now: today.AddDate(0, 3, 0)})
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for _, w := range report.Warnings {
			if bytes.Contains([]byte(w.Msg), []byte("gennemgås igen")) {
				got++
			}
		}
		if got != want {
			t.Errorf("%q three months on: %d overdue warnings, want %d", months, got, want)
		}
	}
}
