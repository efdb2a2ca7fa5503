package content

import (
	"errors"
	"html/template"
	"io/fs"
	"sort"
	"strings"
)

func html(s string) template.HTML { return template.HTML(s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// unwrapPathError drops the path from an fs.PathError; messages name the file already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// slugify suggests a slug for a file name: lower case, æøå spelt out, other runs of
// characters turned into single hyphens.
func slugify(s string) string {
	s = fold(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
