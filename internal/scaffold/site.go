package scaffold

import (
	"embed"
	"io/fs"
	"strings"
	"time"

	"tilbudsviften/internal/admin"
)

// site holds the new site of `viften init`: a content skeleton (site.yaml, the audiences,
// topics and Indsatstrappen steps, one example offer, contact, provider and page), the
// publishing workflows for GitHub Pages and GitLab Pages, and editor settings. @KOMMUNE@ and
// @DATO@ are replaced when it is written.
//
//go:embed all:site
var site embed.FS

// Site returns the files of a new site for the municipality, path → content; day is the
// review date of the examples.
func Site(municipality string, day time.Time) (map[string][]byte, error) {
	files := map[string][]byte{}
	r := strings.NewReplacer("@KOMMUNE@", municipality, "@DATO@", day.Format(time.DateOnly))
	err := fs.WalkDir(site, "site", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := site.ReadFile(p)
		if err != nil {
			return err
		}
		files[strings.TrimPrefix(p, "site/")] = []byte(r.Replace(string(data)))
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The site pins Decap CMS the same way this repository does.
	for name, data := range admin.Package() {
		files[name] = data
	}
	return files, nil
}
