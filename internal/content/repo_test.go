package content_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tilbudsviften/internal/content"
)

// repoContent is the default site shipped in the repository.
const repoContent = "../../content"

// TestRepoContent checks that the shipped Herlev site loads without errors.
func TestRepoContent(t *testing.T) {
	s, report, err := content.Load(os.DirFS(repoContent), "content", content.Options{Now: today})
	if err != nil {
		var list content.ErrorList
		if errors.As(err, &list) {
			t.Fatalf("content/ has %d errors:\n%s", len(list), list.Error())
		}
		t.Fatal(err)
	}
	if len(s.Offers) < 25 {
		t.Errorf("content/ has %d offers, want at least 25", len(s.Offers))
	}
	for _, o := range s.Offers {
		if len(o.Sources) == 0 {
			t.Errorf("%s: no kilder: every offer names where its facts come from", o.Source)
		}
	}
	// The shipped site is the showcase: its only warnings may be the settings a municipality
	// must supply itself (its own address and the editors' e-mail), never readability (LIX)
	// or staleness of the texts.
	for _, w := range report.Warnings {
		if !strings.HasPrefix(w.Pos.File, "content/site.yaml") {
			t.Errorf("content/ warning: %s", w.Error())
		}
	}
	t.Logf("%d offers, %d warnings, %d unverified", len(s.Offers), len(report.Warnings), len(report.Unverified))
}

// sharedDir returns the project's shared research folder (sources and facts), which lives
// beside the repository. Outside CI the test skips when it is absent; in CI it must be there.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("VIFTEN_SHARED")
	if dir == "" {
		dir = "../../../shared"
	}
	if _, err := os.Stat(filepath.Join(dir, "facts")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the shared folder with facts and seeds is missing (%v); CI must have it beside the repository", err)
		}
		t.Skipf("skipping: no shared folder at %s (set VIFTEN_SHARED)", dir)
	}
	return dir
}

var (
	phoneRe = regexp.MustCompile(`(?:^|[^0-9])(\+?[0-9][0-9 ]{1,14}[0-9])(?:[^0-9]|$)`)
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	// textPhone finds Danish eight-digit numbers written in running text: "44 52 70 00", "4452 7000".
	textPhone = regexp.MustCompile(`(?:^|[^0-9-])(\d{2} ?\d{2} ?\d{2} ?\d{2})(?:[^0-9-]|$)`)
	urlRe     = regexp.MustCompile(`https?://[^\s"'<>)]+`)
	phoneKV   = regexp.MustCompile(`(?m)^\s*-?\s*(?:telefon|sms|phone)\s*:\s*["']?([^"'#\n]+)`)
)

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestContentFactsHaveSources checks the one hard rule of the default content: every phone
// number and e-mail address in content/ occurs in the researched facts, the source documents,
// or a row of the project's research logs (docs/research) that names its source URL.
func TestContentFactsHaveSources(t *testing.T) {
	dir := sharedDir(t)
	var corpus strings.Builder
	for _, sub := range []string{"facts", "seeds"} {
		err := filepath.WalkDir(filepath.Join(dir, sub), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			corpus.Write(b)
			corpus.WriteByte('\n')
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// The project's own research logs: a row gives the fact with its source URL.
	logs, err := filepath.Glob("../../docs/research/*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range logs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "|") && strings.Contains(line, "http") {
				corpus.WriteString(line)
				corpus.WriteByte('\n')
			}
		}
	}
	known := corpus.String()
	knownDigits := map[string]bool{}
	for _, m := range phoneRe.FindAllStringSubmatch(known, -1) {
		knownDigits[digits(m[1])] = true
	}
	// 112 is the European emergency number; the product requires it on every page.
	knownDigits["112"] = true
	lowerKnown := strings.ToLower(known)
	checked := 0
	err = filepath.WalkDir(repoContent, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(b)
		rel, _ := filepath.Rel(repoContent, p)
		for _, m := range phoneKV.FindAllStringSubmatch(text, -1) {
			num := digits(m[1])
			checked++
			if !knownDigits[num] {
				t.Errorf("%s: phone number %q is in neither the facts nor the seeds", rel, strings.TrimSpace(m[1]))
			}
		}
		// A run of digits inside a web address (a press release's id) is not a phone number.
		for _, m := range textPhone.FindAllStringSubmatch(urlRe.ReplaceAllString(text, " "), -1) {
			checked++
			if !knownDigits[digits(m[1])] {
				t.Errorf("%s: number %q is in neither the facts nor the seeds", rel, m[1])
			}
		}
		for _, m := range regexp.MustCompile(`tel:(\+?[0-9]+)`).FindAllStringSubmatch(text, -1) {
			num := strings.TrimPrefix(digits(m[1]), "45")
			checked++
			if !knownDigits[num] && !knownDigits[digits(m[1])] {
				t.Errorf("%s: tel: link %q is in neither the facts nor the seeds", rel, m[1])
			}
		}
		for _, e := range emailRe.FindAllString(text, -1) {
			checked++
			if !strings.Contains(lowerKnown, strings.ToLower(e)) {
				t.Errorf("%s: e-mail %q is in neither the facts nor the seeds", rel, e)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("found no phone numbers or e-mails in content/: the pattern is broken")
	}
	t.Logf("%d phone numbers and e-mails checked", checked)
}
