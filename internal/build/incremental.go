package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/render"
)

// Builder renders the same site again and again, as `viften serve` does after each edit,
// reusing what did not change: the parsed content files (content.Cache), the parsed theme and
// the rendered offer pages (render.Cache). Its output is byte for byte what Render gives for
// the same input. A Builder is not safe for concurrent use.
type Builder struct {
	cfg      Config
	content  *content.Cache
	pages    *render.Cache
	renderer *render.Renderer
	theme    string // hash of the theme the renderer was made from
}

// BuildStats says how much of the last build was reused.
type BuildStats struct {
	OffersRendered, OffersReused int
}

// NewBuilder returns a Builder for cfg; cfg.Out is not used.
func NewBuilder(cfg Config) *Builder {
	return &Builder{cfg: cfg, content: content.NewCache(), pages: render.NewCache()}
}

// Stats reports how many offer pages the last Render rendered and reused.
func (b *Builder) Stats() BuildStats {
	return BuildStats{OffersRendered: b.pages.Rendered, OffersReused: b.pages.Reused}
}

// Render loads the content and renders the site into memory, like the package's Render.
func (b *Builder) Render() (map[string][]byte, *Result, error) {
	_, res, rest, err := b.RenderStaged()
	if err != nil {
		return nil, res, err
	}
	files, err := rest()
	if err != nil {
		return nil, res, err
	}
	return files, res, nil
}

// RenderStaged renders in two stages, so that a preview can show the pages before the rest
// is ready: it loads the content and renders the pages, and returns them with a function that
// renders the outputs (open data, JSON Schemas, search files, the admin) and returns the
// whole site, the pages included, in a new map. The pages map is not changed afterwards. rest
// must be called before the Builder's next render.
func (b *Builder) RenderStaged() (pages map[string][]byte, res *Result, rest func() (map[string][]byte, error), err error) {
	start := time.Now()
	cfg := b.cfg
	now := cfg.Now
	if now.IsZero() {
		now = time.Now()
	}
	s, report, err := content.Load(cfg.Content, cfg.ContentName, content.Options{Now: now, Drafts: cfg.Drafts, Cache: b.content})
	res = &Result{Site: s, Report: report}
	if err != nil {
		return nil, res, nil, err
	}
	theme := Theme(cfg.Templates)
	sum, err := hashTree(theme)
	if err != nil {
		return nil, res, nil, fmt.Errorf("templates: %w", err)
	}
	if b.renderer == nil || sum != b.theme {
		r, err := render.New(theme)
		if err != nil {
			return nil, res, nil, fmt.Errorf("templates: %w", err)
		}
		b.renderer, b.theme = r, sum
	}
	versions := b.content.Versions()
	v := render.Versions{
		Global: globalVersion(versions, b.theme, now.Format(time.DateOnly), cfg.Drafts),
		Source: func(source string) string { return versions[source] },
	}
	pages = map[string][]byte{}
	if err := b.renderer.SiteCached(s, b.pages, v, emitTo(pages)); err != nil {
		return nil, res, nil, err
	}
	r := b.renderer
	rest = func() (map[string][]byte, error) {
		files := make(map[string][]byte, len(pages)+64)
		for p, data := range pages {
			files[p] = data
		}
		if err := finish(s, cfg, r, files, func(output) bool { return true }, func(string) {}); err != nil {
			return nil, err
		}
		res.count(files)
		res.Duration = time.Since(start)
		return files, nil
	}
	return pages, res, rest, nil
}

// count adds the files, bytes and pages of a rendered site to res.
func (res *Result) count(files map[string][]byte) {
	for p, data := range files {
		res.Files++
		res.Bytes += int64(len(data))
		if filepath.Ext(p) == ".html" {
			res.Pages++
		}
	}
}

// emitTo returns an emit function that adds files to m, refusing a path written twice.
func emitTo(m map[string][]byte) func(path string, data []byte) error {
	return func(path string, data []byte) error {
		if _, dup := m[path]; dup {
			return writtenTwice(path)
		}
		m[path] = data
		return nil
	}
}

// writtenTwice is the error of a path two parts of a build write.
func writtenTwice(path string) error { return fmt.Errorf("render: %s written twice", path) }

// entityDirs are the content folders whose files render.Cache tracks one by one; every other
// file is part of the global version.
var entityDirs = []string{"tilbud/", "kontakter/", "udbydere/", "principper/"}

// globalVersion hashes every input an offer page can show besides its own entities.
func globalVersion(versions map[string]string, theme, day string, drafts bool) string {
	paths := make([]string, 0, 16)
	for p := range versions {
		entity := false
		for _, d := range entityDirs {
			if strings.HasPrefix(p, d) {
				entity = true
				break
			}
		}
		if !entity {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	h := sha256.New()
	fmt.Fprintf(h, "theme %s\nday %s\ndrafts %t\n", theme, day, drafts)
	for _, p := range paths {
		fmt.Fprintf(h, "%s %s\n", p, versions[p])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// hashTree hashes the names and contents of every file in fsys.
func hashTree(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(h, "%s %x\n", p, sum)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}
