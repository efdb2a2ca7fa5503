package build_test

import (
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/gen"
)

var (
	h1Re        = regexp.MustCompile(`<h1[ >]`)
	inlineStyle = regexp.MustCompile(`<style[ >]| style="`)
	inlineJS    = regexp.MustCompile(`<script(?:[^>]*)>[^<]|\son[a-z]+="`)
	// jsonLD is a data block, not script: browsers do not run it and the CSP does not apply.
	jsonLD     = regexp.MustCompile(`<script type="application/ld\+json">[^<]*</script>`)
	refRe      = regexp.MustCompile(`\s(href|src|action)="([^"]*)"`)
	idRe       = regexp.MustCompile(`\sid="([^"]+)"`)
	resourceRe = regexp.MustCompile(`<(?:link|script|img|iframe|source|video|audio)\b[^>]*\s(?:href|src)="([^"]+)"`)
)

// TestSiteInvariants checks every page of the shipped Herlev site and a generated site: Danish
// language, one h1, no inline script or style, no resource from another host, and every local
// link and fragment pointing at something that exists.
func TestSiteInvariants(t *testing.T) {
	sites := map[string]fs.FS{"generated": gen.FS(200)}
	if _, err := os.Stat("../../content/site.yaml"); err == nil {
		sites["herlev"] = os.DirFS("../../content")
	}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			files, _, err := build.Render(build.Config{Content: fsys, ContentName: "content", Now: today})
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]map[string]bool{}
			for p, data := range files {
				if strings.HasSuffix(p, ".html") {
					ids[p] = map[string]bool{}
					for _, m := range idRe.FindAllStringSubmatch(string(data), -1) {
						if ids[p][m[1]] {
							t.Errorf("%s: id %q used twice", p, m[1])
						}
						ids[p][m[1]] = true
					}
				}
			}
			pages := 0
			for p, data := range files {
				if !strings.HasSuffix(p, ".html") {
					continue
				}
				pages++
				html := string(data)
				if !strings.Contains(html, `<html lang="da">`) {
					t.Errorf("%s: no lang=\"da\"", p)
				}
				if n := len(h1Re.FindAllString(html, -1)); n != 1 {
					t.Errorf("%s: %d h1 elements, want 1", p, n)
				}
				if inlineStyle.MatchString(html) || inlineJS.MatchString(jsonLD.ReplaceAllString(html, "")) {
					t.Errorf("%s: inline style or script (the CSP forbids it)", p)
				}
				if !strings.Contains(html, `http-equiv="Content-Security-Policy"`) {
					t.Errorf("%s: no Content-Security-Policy", p)
				}
				for _, m := range resourceRe.FindAllStringSubmatch(html, -1) {
					if strings.Contains(m[0], `rel="canonical"`) {
						continue // names the page's address, loads nothing
					}
					if u, err := url.Parse(m[1]); err != nil || u.Host != "" || u.Scheme != "" {
						t.Errorf("%s: loads %q from another host", p, m[1])
					}
				}
				for _, m := range refRe.FindAllStringSubmatch(html, -1) {
					ref := strings.ReplaceAll(m[2], "&amp;", "&")
					if !strings.HasPrefix(ref, "/") && !strings.HasPrefix(ref, "#") {
						continue // another site, tel:, mailto:, sms:
					}
					u, err := url.Parse(ref)
					if err != nil {
						t.Errorf("%s: bad link %q", p, ref)
						continue
					}
					target := p
					if u.Path != "" {
						target = strings.TrimPrefix(u.Path, "/")
						if target == "" || strings.HasSuffix(target, "/") {
							target += "index.html"
						}
						if _, ok := files[target]; !ok {
							t.Errorf("%s: link to %s, which is not in the site", p, ref)
							continue
						}
					}
					if u.Fragment != "" && ids[target] != nil && !ids[target][u.Fragment] {
						t.Errorf("%s: link to %s, but the page has no id %q", p, ref, u.Fragment)
					}
				}
			}
			if pages < 20 {
				t.Errorf("only %d pages", pages)
			}
		})
	}
}

// TestEveryOfferReachable: every published offer page of the shipped Herlev site gives, in its
// main content (not only the urgent bar or the footer), a phone number or an e-mail address
// to use today: a tel: or mailto: link in <main>. Where it is not the offer's own, the page
// says whose it is (the fallback's lead).
func TestEveryOfferReachable(t *testing.T) {
	if _, err := os.Stat("../../content/site.yaml"); err != nil {
		t.Skip("no content folder")
	}
	files, res, err := build.Render(build.Config{Content: os.DirFS("../../content"), ContentName: "content", Now: today})
	if err != nil {
		t.Fatal(err)
	}
	mainRe := regexp.MustCompile(`(?s)<main[ >].*</main>`)
	offers, fallbacks := 0, 0
	for p, data := range files {
		if !strings.HasPrefix(p, "tilbud/") || !strings.HasSuffix(p, "/index.html") || p == "tilbud/index.html" {
			continue
		}
		offers++
		main := mainRe.FindString(string(data))
		if !strings.Contains(main, `href="tel:`) && !strings.Contains(main, `href="mailto:`) {
			t.Errorf("%s: no tel: or mailto: link in the main content", p)
		}
		if strings.Contains(main, `<p class="fallback">`) {
			fallbacks++
		}
	}
	if offers != len(res.Site.Offers) || offers == 0 {
		t.Fatalf("%d offer pages, %d offers", offers, len(res.Site.Offers))
	}
	if fallbacks != len(res.Report.Fallbacks) {
		t.Errorf("%d pages show a fallback contact, the report lists %d", fallbacks, len(res.Report.Fallbacks))
	}
	t.Logf("%d offer pages, %d with a fallback contact", offers, fallbacks)
}
