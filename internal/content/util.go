package content

import (
	"errors"
	"html/template"
	"io/fs"
	"sort"
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
