// Package browser holds the browser tests of the built site: headless Chromium (Debian's
// chromium package) driven by playwright-core, with accessibility checked by axe-core. Both
// npm packages are pinned in package.json here; `npm ci` in this folder installs them.
//
// Outside CI the tests skip when Chromium, Node.js or the npm packages are missing; with
// CI=true they must run.
package browser_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/render"
	"tilbudsviften/internal/site"
)

// tools returns the Chromium and node executables, or skips (fails in CI) when one is missing.
func tools(t *testing.T) (chromium, node string) {
	t.Helper()
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing; .ci/run installs it", what)
		}
		t.Skipf("skipping browser tests: %s is missing (see internal/browser/README.md)", what)
	}
	chromium = os.Getenv("CHROMIUM")
	if chromium == "" {
		for _, name := range []string{"chromium", "chromium-browser"} {
			if p, err := exec.LookPath(name); err == nil {
				chromium = p
				break
			}
		}
	}
	if chromium == "" {
		missing("Chromium")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("Node.js")
	}
	for _, pkg := range []string{"playwright-core", "axe-core"} {
		if _, err := os.Stat(filepath.Join("node_modules", pkg, "package.json")); err != nil {
			missing("the npm package " + pkg + " (run npm ci in internal/browser)")
		}
	}
	return chromium, node
}

// command is exec.Command with a time limit, so that a browser that hangs fails its test in
// minutes, naming the script, instead of stopping the whole package at go test's timeout.
func command(t *testing.T, name string, args ...string) *exec.Cmd {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 4*time.Minute)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

// serveHerlev builds the default site into a temporary folder and serves it on loopback.
func serveHerlev(t *testing.T) (*httptest.Server, *site.Site) {
	t.Helper()
	out, s := buildHerlev(t)
	return serveDir(t, out), s
}

// serveDir serves a built site's folder until the test ends.
func serveDir(t *testing.T, out string) *httptest.Server {
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return srv
}

// buildHerlev builds the repository's content as of 2026-11-22 into a temporary folder and
// returns the folder and the site.
func buildHerlev(t *testing.T) (out string, s *site.Site) {
	t.Helper()
	return buildSite(t, os.DirFS("../../content"))
}

// buildSite builds the content in fsys as of 2026-11-22 into a temporary folder and returns the
// folder and the site.
func buildSite(t *testing.T, fsys fs.FS) (out string, s *site.Site) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "public")
	res, err := build.Run(build.Config{Content: fsys, ContentName: "content", Out: out,
		Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return out, res.Site
}

// axeViolation is one rule axe-core found broken, with up to five of its elements.
type axeViolation struct {
	ID, Impact, Help string
	Targets          []string
}

type pageResult struct {
	Path            string
	Status          int
	Violations      []axeViolation
	Passes          int
	Overflow320     int
	Overflow640     int
	ConsoleErrors   []string
	ForeignRequests []string
}

type checkResult struct {
	Pages  []pageResult
	MyList *struct {
		Link                           string
		First, Second                  []string
		ConsoleErrors, ForeignRequests []string
	}
	OpenNow []struct {
		Time  time.Time
		Items []struct {
			Hours, Text string
			Hidden      bool
		}
	}
	QuickExit *struct {
		ExitedTo, AfterBack string
		ForeignRequests     []string
	}
}

// samplePages returns one page of every page type of s.
func samplePages(s *site.Site) []string {
	pages := []string{"/", "/min-liste/", "/emner/", "/for/", "/alder/", "/trin/", "/kontakter/", "/principper/",
		"/bekymring/", "/a-aa/", "/tilbud/", "/soeg/", "/404.html", "/data/", "/data/hsds/profile/", "/data/hsds/services/"}
	var plain, sensitive *site.Offer
	for _, o := range s.Offers {
		if o.Sensitive() && sensitive == nil {
			sensitive = o
		}
		if !o.Sensitive() && len(o.Contacts) > 0 && len(o.Hours) > 0 && plain == nil {
			plain = o
		}
	}
	for _, o := range []*site.Offer{plain, sensitive} {
		if o != nil {
			pages = append(pages, o.URL())
		}
	}
	pages = append(pages, s.Topics[0].URL(), s.Audiences[0].URL(), s.AgeBands[0].URL(), s.Steps[0].URL(),
		s.Contacts[0].URL(), s.Principles[0].URL(), s.Guides[0].URL(), s.Pages[0].URL())
	return pages
}

func runCheck(t *testing.T, node string, config map[string]any) checkResult {
	t.Helper()
	var res checkResult
	runScript(t, node, "check.mjs", config, &res)
	return res
}

// runScript runs one of this folder's browser scripts with config written to a JSON file,
// and decodes the JSON it prints into result.
func runScript(t *testing.T, node, script string, config, result any) {
	t.Helper()
	cfgPath := filepath.Join(t.TempDir(), "config.json")
	data, err := json.Marshal(config)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfgPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := command(t, node, script, cfgPath)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, stderr.String())
	}
	if err := json.Unmarshal(out, result); err != nil {
		t.Fatalf("%s output: %v\n%s", script, err, out)
	}
}

// TestPages opens one page of every type in Chromium: no axe-core violations of WCAG 2.2 A/AA,
// no horizontal scrolling at 320 px or at 200 % zoom, no console errors, no request to another
// host; and the quick exit leaves a sensitive page for good.
func TestPages(t *testing.T) {
	chromium, node := tools(t)
	srv, s := serveHerlev(t)
	shots := os.Getenv("VIFTEN_SHOTS") // set it to a folder to take screenshots and look at them
	pages := samplePages(s)
	res := runCheck(t, node, map[string]any{"base": srv.URL, "chromium": chromium, "pages": pagesConfig(pages),
		"shots": shots, "sensitive": "/bekymring/"})
	if len(res.Pages) != len(pages) {
		t.Fatalf("checked %d pages, want %d", len(res.Pages), len(pages))
	}
	for _, p := range res.Pages {
		wantStatus := 200
		if p.Path == "/404.html" {
			wantStatus = 200 // served as a file here; hosts serve it with 404
		}
		if p.Status != wantStatus {
			t.Errorf("%s: HTTP %d", p.Path, p.Status)
		}
		for _, v := range p.Violations {
			t.Errorf("%s: axe %s (%s): %s at %v", p.Path, v.ID, v.Impact, v.Help, v.Targets)
		}
		if p.Passes == 0 {
			t.Errorf("%s: axe-core ran no passing checks; did it run at all?", p.Path)
		}
		if p.Overflow320 > 0 || p.Overflow640 > 0 {
			t.Errorf("%s: scrolls sideways by %d px at 320 px and %d px at 200 %% zoom", p.Path, p.Overflow320, p.Overflow640)
		}
		for _, e := range p.ConsoleErrors {
			t.Errorf("%s: console error: %s", p.Path, e)
		}
		for _, r := range p.ForeignRequests {
			t.Errorf("%s: request to another host: %s", p.Path, r)
		}
	}
	if q := res.QuickExit; q == nil {
		t.Error("quick exit not checked")
	} else {
		if strings.HasPrefix(q.ExitedTo, srv.URL) {
			t.Errorf("Shift three times on /bekymring/ stayed on the site: %s", q.ExitedTo)
		}
		if strings.Contains(q.AfterBack, "/bekymring/") {
			t.Errorf("the back button returns to the sensitive page: %s", q.AfterBack)
		}
	}
	t.Logf("%d pages checked", len(res.Pages))
	if shots != "" {
		t.Logf("screenshots in %s", shots)
	}
}

// TestOpenNow sets the browser's clock to moments around an offer's opening hours and checks that
// "Åben nu" / "Lukket – åbner …" agrees with the model's own rule (site.OpenAt) in Danish time.
func TestOpenNow(t *testing.T) {
	chromium, node := tools(t)
	srv, s := serveHerlev(t)
	var offer *site.Offer
	for _, o := range s.Offers {
		if len(o.Hours) > 0 && !o.Hours[0].AllDay() {
			offer = o
			break
		}
	}
	if offer == nil {
		t.Fatal("no offer with opening hours in the Herlev content")
	}
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	h := offer.Hours[0]
	var day int
	for !h.Days[day] {
		day++
	}
	// A Monday in winter time; then the first open day at opening, just before closing, at
	// closing, and at three in the night.
	monday := time.Date(2026, 11, 23, 0, 0, 0, 0, cph)
	at := func(min int) time.Time { return monday.AddDate(0, 0, day).Add(time.Duration(min) * time.Minute) }
	times := []time.Time{at(h.Opens), at(h.Closes - 1), at(h.Closes), at(3 * 60), monday.AddDate(0, 0, 5).Add(12 * time.Hour)}
	var iso []string
	for _, tm := range times {
		iso = append(iso, tm.Format(time.RFC3339))
	}
	res := runCheck(t, node, map[string]any{"base": srv.URL, "chromium": chromium, "pages": []any{},
		"openNow": map[string]any{"path": offer.URL(), "times": iso}})
	want := render.HoursData(offer.Hours)
	for i, r := range res.OpenNow {
		found := false
		for _, it := range r.Items {
			if it.Hours != want {
				continue
			}
			found = true
			open := site.OpenAt(offer.Hours, times[i])
			if it.Hidden || strings.HasPrefix(it.Text, "Åben nu") != open || (!open && !strings.HasPrefix(it.Text, "Lukket")) {
				t.Errorf("%s at %s: shows %q (hidden %v); open by the model: %v", offer.URL(), times[i], it.Text, it.Hidden, open)
			}
			t.Logf("%s: %s", times[i].Format("Mon 15:04"), it.Text)
		}
		if !found {
			t.Errorf("%s: no .open-now element with the offer's hours %q", offer.URL(), want)
		}
	}
}

// TestMyList adds three offers to Min liste, takes the share link and opens it in a new browser
// context: the same list, in the same order. The QR code on the page, decoded by zbarimg, is
// the share link; the list printed to PDF is one page with every title, without the controls.
func TestMyList(t *testing.T) {
	chromium, node := tools(t)
	zbarimg, pdftotext, pdfinfo := tool(t, "zbarimg", "zbar-tools"), tool(t, "pdftotext", "poppler-utils"), tool(t, "pdfinfo", "poppler-utils")
	srv, s := serveHerlev(t)
	offers := []*site.Offer{s.Offers[0], s.Offers[len(s.Offers)/2], s.Offers[len(s.Offers)-1]}
	var paths, want []string
	for _, o := range offers {
		paths = append(paths, o.URL())
		want = append(want, o.Title)
	}
	out := t.TempDir()
	res := runCheck(t, node, map[string]any{"base": srv.URL, "chromium": chromium, "pages": []any{},
		"myList": paths, "myListOut": out})
	m := res.MyList
	if m == nil {
		t.Fatal("Min liste not checked")
	}
	if strings.Join(m.First, "|") != strings.Join(want, "|") || strings.Join(m.Second, "|") != strings.Join(want, "|") {
		t.Errorf("list %q, opened from the link %q; want %q", m.First, m.Second, want)
	}
	if !strings.HasPrefix(m.Link, srv.URL+"/min-liste/?t=") || !strings.Contains(m.Link, offers[0].Slug) {
		t.Errorf("share link %q", m.Link)
	}
	for _, e := range append(m.ConsoleErrors, m.ForeignRequests...) {
		t.Errorf("console error or foreign request: %s", e)
	}

	decoded, err := exec.Command(zbarimg, "-q", "--raw", filepath.Join(out, "qr.png")).Output()
	if got := strings.TrimSpace(string(decoded)); err != nil || got != m.Link {
		t.Errorf("QR code decodes to %q (%v); want the share link %q", got, err, m.Link)
	}

	pdf := filepath.Join(out, "min-liste.pdf")
	info, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(info) {
		t.Errorf("printed list is not one page:\n%s", info)
	}
	text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	printed := strings.Join(strings.Fields(string(text)), " ")
	for _, w := range want {
		if !strings.Contains(printed, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("printed list lacks %q:\n%s", w, printed)
		}
	}
	for _, control := range []string{"Fjern fra listen", "Kopiér link", "Gå til indholdet"} {
		if strings.Contains(printed, control) {
			t.Errorf("printed list shows the control %q", control)
		}
	}
	if shots := os.Getenv("VIFTEN_SHOTS"); shots != "" {
		if pdftoppm, err := exec.LookPath("pdftoppm"); err == nil {
			if err := exec.Command(pdftoppm, "-png", "-r", "80", "-singlefile", pdf, filepath.Join(shots, "min-liste-print")).Run(); err != nil {
				t.Errorf("pdftoppm: %v", err)
			}
		}
	}
}

// tool returns the path of a command the tests need from Debian package pkg, or skips (fails
// in CI) when it is missing.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (Debian package %s); .ci/run installs it", name, pkg)
		}
		t.Skipf("skipping: %s is missing (Debian package %s)", name, pkg)
	}
	return p
}

func pagesConfig(paths []string) []map[string]string {
	list := make([]map[string]string, len(paths))
	for i, p := range paths {
		list[i] = map[string]string{"path": p}
	}
	return list
}
