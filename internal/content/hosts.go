package content

// Resources from other hosts. A browser that shows a page fetches every image on it; an image
// on another host than the site's own tells that host who reads which page. The loader reports
// each such image in a Markdown text as an error, unless its host is one of eksterne_vaerter in
// site.yaml (site.Config.AllowedHosts), which the pages' Content-Security-Policy may then allow.
//
// Images are the only thing a body can make the browser fetch: raw HTML is not rendered and no
// extension embeds (package markdown). Links are not fetched, so they may go anywhere.

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"tilbudsviften/internal/markdown"
)

// HostPattern is the rule for a host name in eksterne_vaerter, which the loader checks with it
// (checkHost), as does the JSON Schema: labels of ASCII letters, digits and hyphens, joined by
// single dots, at least two of them. A name with æ, ø or å is written as browsers send it
// (xn--…), the form a Content-Security-Policy needs.
const HostPattern = "^" + hostLabel + `(\.` + hostLabel + ")+$"

const hostLabel = `[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?`

var (
	hostRE   = regexp.MustCompile(HostPattern)
	schemeRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*):`)
)

// hostExample is the host name messages give as an example.
const hostExample = "billeder.kommune.dk"

// checkHost returns a message when s is not a bare host name, else "".
func checkHost(s string) string {
	switch {
	case strings.ContainsAny(s, `/\?#@`):
		return fmt.Sprintf("%q er en adresse, ikke et værtsnavn; skriv kun navnet uden https:// og sti, fx %q", s, hostSuggestion(s))
	case strings.Contains(s, "*"):
		return fmt.Sprintf("%q: en stjerne (*) kan ikke bruges her; skriv hver vært for sig med hele navnet, fx %q", s, hostSuggestion("billeder."+strings.TrimLeft(s, "*.")))
	case strings.Contains(s, ":"):
		return fmt.Sprintf("%q har et portnummer; skriv kun værtens navn, fx %q", s, hostSuggestion(s))
	case strings.ContainsFunc(s, func(r rune) bool { return r > 0x7f }):
		return fmt.Sprintf("ugyldigt værtsnavn %q; brug kun a-z, 0-9, bindestreg og punktum (et navn med æ, ø eller å skrives, som browseren skriver det: xn--…)", s)
	case !strings.Contains(s, "."):
		return fmt.Sprintf("ugyldigt værtsnavn %q: der mangler et domæne, fx %q", s, hostExample)
	case len(s) > 253 || !hostRE.MatchString(s):
		return fmt.Sprintf("ugyldigt værtsnavn %q; brug kun a-z, 0-9, bindestreg og punktum, fx %q", s, hostExample)
	}
	return ""
}

// hostSuggestion returns the host name in s, an address or a host with a port, when it is a
// valid one, else the example.
func hostSuggestion(s string) string {
	rest := s
	if _, after, ok := strings.Cut(s, "://"); ok {
		rest = after
	}
	if h := authorityHost(strings.TrimLeft(rest, `/\`)); hostRE.MatchString(h) {
		return h
	}
	return hostExample
}

// fetchHost returns the host a browser fetches src from, when that is not the page's own: src
// is an absolute http or https address (the browser skips any slashes and backslashes after
// the scheme), a protocol-relative one (//host/…) or another scheme with a host (ftp://host/…).
// It returns "" for an address on the site itself (a path from the root or relative, a
// fragment), for data: and other addresses without a host, and for "". The host is lower-case,
// without user, port or a final dot.
func fetchHost(src string) string {
	// As a browser does: leading and trailing control characters and spaces go, and so do tabs
	// and line breaks anywhere.
	s := strings.Trim(src, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	var rest string
	if m := schemeRE.FindString(s); m != "" {
		rest = s[len(m):]
		switch strings.ToLower(m) {
		case "http:", "https:":
			rest = strings.TrimLeft(rest, `/\`)
		default:
			if !strings.HasPrefix(rest, "//") {
				return ""
			}
			rest = rest[2:]
		}
	} else {
		if len(s) < 2 || !isSlash(s[0]) || !isSlash(s[1]) {
			return ""
		}
		rest = strings.TrimLeft(s, `/\`)
	}
	return authorityHost(rest)
}

func isSlash(c byte) bool { return c == '/' || c == '\\' }

// authorityHost returns the host of the URL text that starts with its authority
// ("user@host:port/path"): lower-case, percent-decoded, without a final dot.
func authorityHost(rest string) string {
	auth := rest
	if i := strings.IndexAny(auth, `/\?#`); i >= 0 {
		auth = auth[:i]
	}
	if i := strings.LastIndexByte(auth, '@'); i >= 0 {
		auth = auth[i+1:]
	}
	if strings.HasPrefix(auth, "[") {
		if i := strings.IndexByte(auth, ']'); i >= 0 {
			auth = auth[:i+1]
		}
	} else if i := strings.LastIndexByte(auth, ':'); i >= 0 {
		auth = auth[:i]
	}
	if h, err := url.PathUnescape(auth); err == nil {
		auth = h
	}
	return strings.TrimSuffix(strings.ToLower(auth), ".")
}

// ownHost returns the host of the site's published address (basisurl), "" when unknown: an
// image there is the site's own.
func ownHost(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// checkImages reports the images of a Markdown text that a browser would fetch from another
// host than the site's own and that eksterne_vaerter does not allow. pos turns a byte offset in
// the text into a position.
func (l *loader) checkImages(doc *markdown.Doc, pos func(off int) Position) {
	c := &l.site.Config
	own := ownHost(c.BaseURL)
	for _, im := range doc.Images {
		host := fetchHost(im.Src)
		if host == "" || host == own || c.AllowsHost(host) {
			continue
		}
		l.errs.Add(pos(im.Offset), "billedet %q hentes fra %s, en anden vært, som så kan se, hvem der læser siden; "+
			"læg billedet på sitet selv, eller skriv %s under eksterne_vaerter i site.yaml, hvis I stoler på værten", im.Dest, host, host)
	}
}

// checkBodyImages runs checkImages on the Markdown body of every parsed file: offers,
// principles, the concern guide and plain pages.
func (l *loader) checkBodyImages(byDir map[string][]*parsed) {
	for _, d := range folders {
		for _, p := range byDir[d.dir] {
			if p.doc != nil {
				l.checkImages(p.doc, func(off int) Position { return offsetPos(p, off) })
			}
		}
	}
}

// scalarPos returns a function that turns a byte offset in the text of the YAML scalar v into
// its position in the file f, whose source is src. The position is exact where the text up to
// the offset stands in the source as written: on the first line of a plain or quoted value
// without escapes before it, or on any line of a literal block (|); elsewhere (a folded or
// multi-line plain value) it is the value's start.
func scalarPos(f *file, v *yaml.Node, src []byte) func(off int) Position {
	start := f.pos(v)
	lines := bytes.Split(src, []byte("\n"))
	return func(off int) Position {
		if v.Line < 1 || v.Line > len(lines) || off > len(v.Value) {
			return start
		}
		at := func(line, col int) Position { return Position{File: start.File, Line: line + f.lineOff, Col: col} }
		switch v.Style {
		case 0, yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
			col := v.Column - 1 // the value's 0-based byte column in its line
			if v.Style != 0 {
				col++ // after the quote
			}
			line := lines[v.Line-1]
			if col <= len(line) && bytes.HasPrefix(line[col:], []byte(v.Value[:off])) {
				return at(v.Line, col+off+1)
			}
		case yaml.LiteralStyle:
			// The block's lines follow the line of "|", each indented as written.
			before := v.Value[:off]
			i := strings.Count(before, "\n")
			lineStart := strings.LastIndexByte(before, '\n') + 1
			text, _, _ := strings.Cut(v.Value[lineStart:], "\n")
			if n := v.Line + i; n < len(lines) {
				line := lines[n]
				indent := len(line) - len(text)
				if indent >= 0 && bytes.HasSuffix(line, []byte(text)) && len(bytes.TrimLeft(line[:indent], " ")) == 0 {
					return at(n+1, indent+off-lineStart+1)
				}
			}
		}
		return start
	}
}
