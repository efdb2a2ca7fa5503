package export_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tilbudsviften/internal/export"
)

// TestUUID5 checks the name-based UUIDs against RFC 9562's own example (the DNS namespace
// and "www.example.com", Appendix A.4) and the version and variant bits.
func TestUUID5(t *testing.T) {
	dns := export.MustParseUUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	if got, want := export.NewUUID5(dns, "www.example.com").String(), "2ed6657d-e927-568b-95e1-2665a8aea6a2"; got != want {
		t.Errorf("UUIDv5(DNS, www.example.com) = %s, want %s", got, want)
	}
	id := export.ServiceID("Herlev Kommune", "tandplejen")
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(id) {
		t.Errorf("%s is not a version 5, RFC 9562 variant UUID", id)
	}
	if export.MustParseUUID(id).String() != id {
		t.Errorf("%s does not round-trip", id)
	}
}

// TestServiceIDsDependOnSlugOnly: an offer's id stays when anything but its file name
// changes, and changes with the file name or the municipality.
func TestServiceIDsDependOnSlugOnly(t *testing.T) {
	before := load(t, baseFS(t))
	changed := baseFS(t)
	f := changed["tilbud/aaben-raadgivning.md"]
	f.Data = bytes.Replace(f.Data, []byte("titel: Åben rådgivning"), []byte("titel: Ny titel på rådgivningen"), 1)
	f.Data = bytes.Replace(f.Data, []byte("gennemgaaet: 2026-11-01"), []byte("gennemgaaet: 2026-11-15"), 1)
	after := load(t, changed)
	if before.Offers[0].Title == after.Offers[0].Title {
		t.Fatal("the title did not change")
	}
	hsdsID := func(files map[string][]byte) string {
		for _, p := range withPrefix(files, export.HSDSDir+"services/") {
			if !strings.Contains(p, "page-") {
				return strings.TrimSuffix(strings.TrimPrefix(p, export.HSDSDir+"services/"), ".json")
			}
		}
		return ""
	}
	a := hsdsID(files(t, func(emit export.Emit) error { return export.HSDS(before, emit) }))
	b := hsdsID(files(t, func(emit export.Emit) error { return export.HSDS(after, emit) }))
	if a == "" || a != b {
		t.Errorf("the service id changed with the title and review date: %s, then %s", a, b)
	}
	if want := export.ServiceID("Prøve Kommune", "aaben-raadgivning"); a != want {
		t.Errorf("service id %s, want ServiceID(municipality, slug) = %s", a, want)
	}
	if export.ServiceID("Prøve Kommune", "aaben-raadgivning-2") == a || export.ServiceID("Herlev Kommune", "aaben-raadgivning") == a {
		t.Error("the id does not depend on the slug and the municipality")
	}
}

// TestDeterministic exports the Herlev site and a generated site twice, each from a fresh
// load, and expects the same files byte for byte.
func TestDeterministic(t *testing.T) {
	for name, fsys := range map[string]func() map[string][]byte{
		"herlev": func() map[string][]byte {
			files, _ := buildSite(t, herlevFS(t, testBaseURL))
			return files
		},
		"generated": func() map[string][]byte { return all(t, load(t, genFS(300))) },
	} {
		t.Run(name, func(t *testing.T) {
			a, b := fsys(), fsys()
			if len(a) != len(b) {
				t.Fatalf("%d files, then %d", len(a), len(b))
			}
			n := 0
			for p, data := range a {
				if !bytes.Equal(data, b[p]) {
					t.Errorf("%s differs between two builds", p)
				}
				n++
			}
			t.Logf("%d files identical", n)
		})
	}
}

// TestEmitOrder holds the package's promise of a fixed order: the formats are written at the
// same time, but two exports of the same site emit the same paths in the same order, the
// formats in Formats' order and the standalone profile page after them.
func TestEmitOrder(t *testing.T) {
	s := load(t, genFS(300))
	order := func() []string {
		var paths []string
		if err := export.Data(s, export.Formats, func(p string, _ []byte) error {
			paths = append(paths, p)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return paths
	}
	a := order()
	for range 3 {
		if b := order(); !slices.Equal(a, b) {
			t.Fatalf("two exports emit %d and %d paths in different orders", len(a), len(b))
		}
	}
	if a[len(a)-1] != export.ProfilePath || a[len(a)-2] != export.ProJSONPath {
		t.Errorf("the last paths are %v, want tilbud.json, then the profile page", a[len(a)-2:])
	}
}
