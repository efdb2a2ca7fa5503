package content

import (
	"regexp"
	"testing"
)

// TestFetchHost: the host a browser fetches an image's src from, as the rendered page writes
// it, or "" for the site's own addresses and addresses that fetch from no host.
func TestFetchHost(t *testing.T) {
	cases := []struct{ src, want string }{
		{"https://t.example/p.gif", "t.example"},
		{"http://t.example", "t.example"},
		{"HTTPS://T.Example/p.gif", "t.example"},
		{"//t.example/p.gif", "t.example"},
		{"https:///t.example/p.gif", "t.example"},
		{`https:\\t.example/p.gif`, "t.example"},
		{`\\t.example/p.gif`, "t.example"},
		{`/\t.example/p.gif`, "t.example"},
		{" \t//t.example/p.gif", "t.example"},
		{"/\t/t.example/p.gif", "t.example"},
		{"https://user:pw@t.example:8443/p.gif", "t.example"},
		{"https://t.example./p.gif", "t.example"},
		{"https://t.example?x=1", "t.example"},
		{"https://t.example#x", "t.example"},
		{"https://bl%C3%A5.example/p.gif", "blå.example"},
		{"//[::1]:8080/p.gif", "[::1]"},
		{"ftp://t.example/p.gif", "t.example"},
		{"/billeder/p.gif", ""},
		{"billeder/p.gif", ""},
		{"../p.gif", ""},
		{"#p", ""},
		{"/%5Ct.example/p.gif", ""},
		{"data:image/png;base64,iVBORw0KGgo=", ""},
		{"mailto:a@example.dk", ""},
		{"c:/p.gif", ""},
		{"https:", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := fetchHost(c.src); got != c.want {
			t.Errorf("fetchHost(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

// TestHostPattern holds checkHost and HostPattern, which the JSON Schema uses, to the same
// answer.
func TestHostPattern(t *testing.T) {
	re := regexp.MustCompile(HostPattern)
	for _, c := range []struct {
		host string
		ok   bool
	}{
		{"cdn.example.dk", true}, {"CDN.Example.DK", true}, {"xn--bl-lka.example", true}, {"a-b.c1.dk", true},
		{"localhost", false}, {"-a.dk", false}, {"a-.dk", false}, {"a..dk", false}, {"a.dk.", false},
		{"a_b.dk", false}, {"blå.dk", false}, {"a.dk:80", false}, {"https://a.dk", false}, {"a.dk/x", false},
		{"*.a.dk", false}, {"", false},
	} {
		if got := checkHost(c.host) == ""; got != c.ok {
			t.Errorf("checkHost(%q) accepts: %t, want %t", c.host, got, c.ok)
		}
		if got := re.MatchString(c.host); got != c.ok {
			t.Errorf("HostPattern matches %q: %t, want %t", c.host, got, c.ok)
		}
	}
}
