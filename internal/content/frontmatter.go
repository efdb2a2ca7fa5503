package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// normalize checks that src is UTF-8, strips a byte-order mark and turns CRLF into LF. Line
// numbers are unchanged by both.
func normalize(name string, src []byte, errs *ErrorList) ([]byte, bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(src) {
		line, col := 1, 1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col += size
			}
			i += size
		}
		errs.Add(Position{name, line, col}, "filen er ikke gemt som UTF-8 (ugyldigt tegn her); gem den som UTF-8 i din editor")
		return nil, false
	}
	if bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	return src, true
}

// splitFrontMatter splits a Markdown file into its front matter and body. bodyLine is the line
// the body starts on. The front matter is the lines between a first line "---" and the next
// line "---"; a front matter that never closes is an error at its opening line.
func splitFrontMatter(name string, src []byte, errs *ErrorList) (fm, body []byte, bodyLine int, ok bool) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if strings.TrimRight(string(first), " \t") != "---" {
		errs.Add(Position{name, 1, 1}, "filen skal begynde med en linje med --- efterfulgt af felterne (front matter) og en linje med ---")
		return nil, nil, 0, false
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		if end >= 0 {
			next = off + end
		}
		l := strings.TrimRight(string(rest[off:next]), " \t")
		if l == "---" {
			body := []byte(nil)
			if next < len(rest) {
				body = rest[next+1:]
			}
			return rest[:off], body, line + 1, true
		}
		if end < 0 {
			break
		}
		off = next + 1
		line++
	}
	errs.Add(Position{name, 1, 1}, "front matter begynder her, men slutter aldrig; tilføj en linje med --- efter felterne")
	return nil, nil, 0, false
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlMessages turns yaml.v3's syntax errors into plain Danish with a hint.
var yamlMessages = []struct{ en, da string }{
	{"mapping values are not allowed in this context", "et kolon for meget i en værdi; sæt teksten i anførselstegn (\"...\")"},
	{"could not find expected ':'", "der mangler et kolon efter feltnavnet, eller teksten fortsætter på næste linje uden indrykning"},
	{"found character that cannot start any token", "et tegn, der ikke må stå her; brug mellemrum til indrykning (ikke tabulator), og sæt tekst med @, ` eller % i anførselstegn"},
	{"did not find expected key", "forkert indrykning; felter på samme niveau skal stå lige under hinanden"},
	{"did not find expected '-' indicator", "forkert indrykning i en liste; hvert punkt skal begynde med \"- \" lige under det forrige"},
	{"found unexpected end of stream", "teksten slutter midt i en værdi; mangler der et afsluttende anførselstegn?"},
	{"found unknown escape character", "ukendt escape-tegn (\\) i en tekst i anførselstegn; brug enkelte anførselstegn ('...')"},
	{"block sequence entries are not allowed in this context", "en liste står, hvor der skal være en værdi; ret indrykningen"},
	{"already defined", "feltet står der to gange; slet det ene"},
}

// parseYAML parses src into a document node; syntax errors are reported with their line.
func parseYAML(f *file, src []byte) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := 1, err.Error()
		// yaml.v3 exposes a syntax error's position only in its message.
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		da := "YAML-fejl: " + strings.TrimPrefix(msg, "yaml: ")
		for _, t := range yamlMessages {
			if strings.Contains(msg, t.en) {
				da = t.da
				break
			}
		}
		f.errs.Add(Position{f.name, line + f.lineOff, 1}, "%s", da)
		return nil, false
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, true
	}
	return doc.Content[0], true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
