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

	"tilbudsviften/internal/admin"
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
	start := time.Now()
	cfg := b.cfg
	now := cfg.Now
	if now.IsZero() {
		now = time.Now()
	}
	s, report, err := content.Load(cfg.Content, cfg.ContentName, content.Options{Now: now, Drafts: cfg.Drafts, Cache: b.content})
	res := &Result{Site: s, Report: report}
	if err != nil {
		return nil, res, err
	}
	theme := Theme(cfg.Templates)
	sum, err := hashTree(theme)
	if err != nil {
		return nil, res, fmt.Errorf("templates: %w", err)
	}
	if b.renderer == nil || sum != b.theme {
		r, err := render.New(theme)
		if err != nil {
			return nil, res, fmt.Errorf("templates: %w", err)
		}
		b.renderer, b.theme = r, sum
	}
	versions := b.content.Versions()
	v := render.Versions{
		Global: globalVersion(versions, b.theme, now.Format(time.DateOnly), cfg.Drafts),
		Source: func(source string) string { return versions[source] },
	}
	files := map[string][]byte{}
	emit := func(path string, data []byte) error {
		if _, dup := files[path]; dup {
			return fmt.Errorf("render: %s written twice", path)
		}
		files[path] = data
		return nil
	}
	if err := b.renderer.SiteCached(s, b.pages, v, emit); err != nil {
		return nil, res, err
	}
	for _, out := range outputs {
		if err := out.write(s, emit); err != nil {
			return nil, res, fmt.Errorf("%s: %w", out.name, err)
		}
	}
	if cfg.Admin != nil {
		if err := admin.Write(s, cfg.Admin, files); err != nil {
			return nil, res, err
		}
	}
	for p, data := range files {
		res.Files++
		res.Bytes += int64(len(data))
		if filepath.Ext(p) == ".html" {
			res.Pages++
		}
	}
	res.Duration = time.Since(start)
	return files, res, nil
}

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
