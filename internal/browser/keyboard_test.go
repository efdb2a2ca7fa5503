package browser_test

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestKeyboardPath walks front page → search → filter → offer → call link with the keyboard
// only, on a phone-sized window: every step must be reachable with Tab, show a visible focus,
// and lead where it should; the call link is the offer's telephone number.
func TestKeyboardPath(t *testing.T) {
	chromium, node := tools(t)
	srv, s := serveHerlev(t)
	offer := "/tilbud/boernenes-skilsmissetelefon/"
	var tel string
	for _, o := range s.Offers {
		if o.URL() == offer && len(o.Contacts) > 0 {
			tel = o.Contacts[0].Phone
		}
	}
	if tel == "" {
		t.Fatalf("%s has no contact with a phone number in the Herlev content", offer)
	}
	cfg := map[string]any{"base": srv.URL, "chromium": chromium, "query": "skilsmisse", "filter": "f-vej-kom-selv",
		"offer": offer, "shots": os.Getenv("VIFTEN_SHOTS")}
	var res struct {
		Steps []struct {
			Name, URL string
			Focus     *struct {
				Tag, ID, Name, Href, Text string
				Visible, OnScreen         bool
			}
		}
		Results                        []string
		ConsoleErrors, ForeignRequests []string
	}
	runScript(t, node, "keyboard.mjs", cfg, &res)
	at := map[string]int{}
	for i, st := range res.Steps {
		at[st.Name] = i
		t.Logf("%-11s %-45s %+v", st.Name, st.URL, st.Focus)
		if st.Name == "results" || st.Name == "offer" {
			continue
		}
		if st.Focus == nil {
			t.Errorf("%s: not reachable with Tab from %s", st.Name, st.URL)
			continue
		}
		if !st.Focus.Visible || !st.Focus.OnScreen {
			t.Errorf("%s: the focus on %s %q cannot be seen (outline or shadow %v, on screen %v)", st.Name, st.Focus.Tag, st.Focus.Text, st.Focus.Visible, st.Focus.OnScreen)
		}
	}
	if u := res.Steps[at["results"]].URL; !strings.HasPrefix(u, "/soeg/?q=skilsmisse") {
		t.Errorf("Enter in the header's search box led to %s, want /soeg/?q=skilsmisse", u)
	}
	if u := res.Steps[at["offer link"]].URL; !strings.Contains(u, "vej=kom-selv") {
		t.Errorf("after ticking the filter the address is %s, want the filter in it", u)
	}
	if !slices.Contains(res.Results, offer) {
		t.Errorf("filtered results %v do not hold %s", res.Results, offer)
	}
	if u := res.Steps[at["offer"]].URL; u != offer {
		t.Errorf("Enter on the result opened %s, want %s", u, offer)
	}
	if f := res.Steps[at["call link"]].Focus; f == nil || f.Href != "tel:+45"+strings.ReplaceAll(tel, " ", "") {
		t.Errorf("call link: focus %+v, want tel:+45%s", f, strings.ReplaceAll(tel, " ", ""))
	}
	for _, e := range append(res.ConsoleErrors, res.ForeignRequests...) {
		t.Errorf("console error or foreign request: %s", e)
	}
}
