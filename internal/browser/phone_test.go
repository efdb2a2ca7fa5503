package browser_test

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"tilbudsviften/internal/render"
	"tilbudsviften/internal/site"
)

type box struct{ Top, Bottom, Left, Right float64 }

type phoneResult struct {
	Search struct{ FirstResult, Header *box }
	Offers []struct {
		Path         string
		Call, Header *box
	}
	Home struct{ SearchBoxes int }
	Nav  struct {
		Before, After, Closed, NojsBefore, NojsAfter, WideShown, WideSearch bool
		Focused                                                             string
		AxeViolations                                                       []axeViolation
	}
	List struct {
		Picked                           []struct{ Title, URL string }
		Pressed                          []string
		NavText, OfferButton, Mail, Link string
		Titles                           []string
		Overflow                         []int
		Header                           *box
	}
	Exit struct {
		Scrolled                               float64
		InView                                 *box
		Hint, AfterTyping, ExitedTo, AfterBack string
		Tabs                                   []string
	}
	AllOffers struct {
		Status, Overflow int
		Links            []string
	}
	Errors []string
}

// phoneHeight is the screen the first-screen checks measure against: 375 × 812 CSS pixels.
const phoneHeight = 812

// TestPhone checks the site at a phone's size (375 × 812) in Chromium: the search page's first
// result and every offer page's call button (its own line, or the fallback named as such) are
// on the first screen; the home page's first screen has one search box; the header's "Menu"
// folds the menu away until tapped, with and without JavaScript, and a wide screen shows it as
// it is; three taps on result cards make a list of three, shown alike on the offer page, and the
// list's e-mail link carries every offer's name, phone and the share link; the quick exit stays in
// view after scrolling, is the second Tab stop, ignores capital letters typed and leaves on
// Shift pressed three times, with no way back; /tilbud/ lists every offer without JavaScript.
func TestPhone(t *testing.T) {
	chromium, node := tools(t)
	srv, s := serveHerlev(t)
	shots := os.Getenv("VIFTEN_SHOTS")
	var offers []string
	var sensitive string
	for _, o := range s.Offers {
		offers = append(offers, o.URL())
		if sensitive == "" && o.Sensitive() {
			sensitive = o.URL()
		}
	}
	if sensitive == "" {
		t.Fatal("the Herlev content has no sensitive offer to try the quick exit on")
	}
	var res phoneResult
	runScript(t, node, "phone.mjs", map[string]any{"base": srv.URL, "chromium": chromium, "search": "/soeg/?q=angst",
		"offers": offers, "sensitive": sensitive, "shots": shots, "exitTo": "https://www.dr.dk/"}, &res)

	if r := res.Search.FirstResult; r == nil || r.Bottom > phoneHeight {
		t.Errorf("/soeg/?q=angst: the first result's title is not on the first screen: %+v (header %+v)", r, res.Search.Header)
	} else {
		t.Logf("/soeg/?q=angst: first result's title ends at %.0f px; header %.0f px high", r.Bottom, res.Search.Header.Bottom-res.Search.Header.Top)
	}
	if len(res.Offers) != len(s.Offers) {
		t.Fatalf("measured %d offer pages, want %d", len(res.Offers), len(s.Offers))
	}
	lowest, lowestPath := 0.0, ""
	for i, m := range res.Offers {
		o := s.Offers[i]
		wantCall := callPhone(s, o) != ""
		switch {
		case wantCall && m.Call == nil:
			t.Errorf("%s: no call button at the top, though the page gives a phone", m.Path)
		case !wantCall && m.Call != nil:
			t.Errorf("%s: a call button at the top, though the page gives no phone", m.Path)
		case m.Call != nil && m.Call.Bottom > phoneHeight:
			t.Errorf("%s: the call button ends at %.0f px, below the first screen", m.Path, m.Call.Bottom)
		case m.Call != nil && m.Call.Bottom > lowest:
			lowest, lowestPath = m.Call.Bottom, m.Path
		}
	}
	t.Logf("the lowest call button on %d offer pages ends at %.0f px (%s)", len(res.Offers), lowest, lowestPath)
	if res.Home.SearchBoxes != 1 {
		t.Errorf("the home page's first screen shows %d search boxes, want 1", res.Home.SearchBoxes)
	}

	n := res.Nav
	if n.Before || !n.After {
		t.Errorf("phone: the menu is shown before tapping Menu: %v, after: %v; want hidden, then shown", n.Before, n.After)
	}
	if n.NojsBefore || !n.NojsAfter {
		t.Errorf("phone without JavaScript: the menu before tapping Menu: %v, after: %v; want hidden, then shown", n.NojsBefore, n.NojsAfter)
	}
	if !n.WideShown || !n.WideSearch {
		t.Errorf("1280 px: menu shown %v, search box shown %v; want both without a tap", n.WideShown, n.WideSearch)
	}
	if n.Focused != "top-q" || !n.Closed {
		t.Errorf("tapping Søg focuses %q (want top-q); Escape closes it: %v", n.Focused, n.Closed)
	}
	for _, v := range n.AxeViolations {
		t.Errorf("phone, menu open: axe %s (%s): %s at %v", v.ID, v.Impact, v.Help, v.Targets)
	}

	l := res.List
	var want []string
	for _, p := range l.Picked {
		want = append(want, p.Title)
	}
	if len(want) != 3 || strings.Join(l.Titles, "|") != strings.Join(want, "|") {
		t.Errorf("three taps on result cards %q gave the list %q", want, l.Titles)
	}
	if strings.Join(l.Pressed[:min(3, len(l.Pressed))], ",") != "true,true,true" {
		t.Errorf("the result cards' buttons after a tap: %v, want pressed", l.Pressed)
	}
	if l.OfferButton != "true" || !strings.Contains(l.NavText, "(3)") {
		t.Errorf("after three taps: the offer page's button pressed %q, the header says %q; want true and (3)", l.OfferButton, l.NavText)
	}
	checkMail(t, s, l.Mail, l.Link, l.Picked)
	for _, m := range res.Offers {
		if m.Path == l.Picked[0].URL && (l.Header == nil || m.Header == nil || l.Header.Bottom-l.Header.Top != m.Header.Bottom-m.Header.Top) {
			t.Errorf("%s: the header is %+v high with Liste (3) shown, %+v without: showing the list link moves the page", m.Path, l.Header, m.Header)
		}
	}
	if len(l.Overflow) != 2 || l.Overflow[0] != 0 || l.Overflow[1] != 0 {
		t.Errorf("/min-liste/ with three offers scrolls sideways by %v px at 375 and 320 px", l.Overflow)
	}

	e := res.Exit
	if e.Scrolled <= phoneHeight {
		t.Errorf("%s scrolled only %.0f px; the quick exit is not tried after scrolling", sensitive, e.Scrolled)
	}
	if e.InView == nil || e.InView.Top < 0 || e.InView.Bottom > phoneHeight {
		t.Errorf("%s: after scrolling to the end the quick exit is at %+v, not in view", sensitive, e.InView)
	}
	if !strings.Contains(e.Hint, "Skift") {
		t.Errorf("%s: the shortcut's hint says %q", sensitive, e.Hint)
	}
	if len(e.Tabs) != 2 || e.Tabs[0] != "skip" || e.Tabs[1] != "quick-exit" {
		t.Errorf("%s: the first Tab stops are %v, want skip, quick-exit", sensitive, e.Tabs)
	}
	if !strings.HasPrefix(e.AfterTyping, srv.URL) {
		t.Errorf("typing capital letters left the site: %s", e.AfterTyping)
	}
	if strings.HasPrefix(e.ExitedTo, srv.URL) {
		t.Errorf("Shift three times on %s stayed on the site: %s", sensitive, e.ExitedTo)
	}
	if strings.Contains(e.AfterBack, sensitive) {
		t.Errorf("the back button returns to the sensitive page: %s", e.AfterBack)
	}
	a := res.AllOffers
	listed := map[string]bool{}
	for _, l := range a.Links {
		listed[l] = true
	}
	for _, o := range s.Offers {
		if !listed[o.URL()] {
			t.Errorf("/tilbud/ without JavaScript does not list %s", o.URL())
		}
	}
	if a.Status != 200 || a.Overflow != 0 {
		t.Errorf("/tilbud/: HTTP %d, scrolls sideways by %d px at 375 px", a.Status, a.Overflow)
	}
	for _, err := range res.Errors {
		t.Errorf("console error or request to another host: %s", err)
	}
	if shots != "" {
		t.Logf("screenshots in %s", shots)
	}
}

// callPhone is the phone an offer page's call button rings: the offer's own first phone, else
// the fallback contact's (named on the page as not the offer's own); "" for none.
func callPhone(s *site.Site, o *site.Offer) string {
	for _, c := range o.Contacts {
		if c.Phone != "" {
			return c.Phone
		}
	}
	if fb := render.Fallback(s, o); fb != nil {
		return fb.Contact.Phone
	}
	return ""
}

// checkMail decodes the list's mailto: link: a subject, and a body with every picked offer's
// title, its page's address, each phone and e-mail Min liste shows for it, and the share link.
func checkMail(t *testing.T, s *site.Site, mail, link string, picked []struct{ Title, URL string }) {
	t.Helper()
	u, err := url.Parse(mail)
	if err != nil || u.Scheme != "mailto" {
		t.Fatalf("the list's e-mail link is %q (%v), want a mailto: link", mail, err)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		t.Fatalf("mailto query %q: %v", u.RawQuery, err)
	}
	body := q.Get("body")
	if q.Get("subject") == "" || !strings.Contains(body, link) {
		t.Errorf("mailto: subject %q; body lacks the share link %q:\n%s", q.Get("subject"), link, body)
	}
	bySlug := map[string]*site.Offer{}
	for _, o := range s.Offers {
		bySlug[o.URL()] = o
	}
	for _, p := range picked {
		o := bySlug[p.URL]
		if o == nil {
			t.Errorf("picked %q, which is no offer page", p.URL)
			continue
		}
		if !strings.Contains(body, o.Title) || !strings.Contains(body, o.URL()) {
			t.Errorf("the e-mail lacks %q or its address:\n%s", o.Title, body)
		}
		contacts := o.Contacts
		if fb := render.Fallback(s, o); fb != nil {
			contacts = append(contacts, fb.Contact)
		}
		for _, c := range contacts {
			if c.Phone != "" && !strings.Contains(body, c.Phone) {
				t.Errorf("the e-mail lacks %s's phone %s", o.Title, c.Phone)
			}
			if c.Email != "" && !strings.Contains(body, c.Email) {
				t.Errorf("the e-mail lacks %s's e-mail %s", o.Title, c.Email)
			}
		}
	}
}
