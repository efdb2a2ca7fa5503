// Package build runs Tilbudsviften's pipeline once: load and validate the content, render the
// pages and write them to the output folder. Both `viften build` and `viften serve` use it.
//
// The output is deterministic (the same content, templates and day give the same bytes) and
// atomic: the site is written to a fresh folder beside the output folder and swapped in only
// when every file is written, so a failed build leaves the last good site untouched.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"tilbudsviften/internal/admin"
	"tilbudsviften/internal/content"
	"tilbudsviften/internal/export"
	"tilbudsviften/internal/render"
	"tilbudsviften/internal/schema"
	"tilbudsviften/internal/search"
	"tilbudsviften/internal/site"
	"tilbudsviften/templates"
)

// Config says what to build and where.
type Config struct {
	Content     fs.FS  // the content folder
	ContentName string // the content folder's name in messages, e.g. "content"
	Templates   fs.FS  // a site's own templates, overriding the default theme file by file; may be nil
	Out         string // the output folder
	Now         time.Time
	Drafts      bool  // include offers outside their publish window
	Admin       fs.FS // Decap CMS's dist folder: with it the site gets /admin/; nil for none
}

// Result describes a finished build.
type Result struct {
	Site     *site.Site
	Report   *content.Report
	Files    int   // files written
	Pages    int   // HTML pages among them
	Bytes    int64 // bytes written
	Duration time.Duration
	Stages   []Stage // how long each part of the build took, in order
}

// Stage is the time one part of a build took: loading, the pages, or one of the outputs.
type Stage struct {
	Name     string
	Duration time.Duration
	// Beside is set on the outputs that were made at the same time as the pages (the stage
	// before them), so their times overlap that stage's.
	Beside bool
}

// output generates files beside the pages from the loaded site.
type output struct {
	name  string
	write func(s *site.Site, emit func(path string, data []byte) error) error
	// beside is set for outputs Render runs at the same time as the pages; the others run
	// after them, in order.
	beside bool
}

// outputs are the generators of the files beside the pages, in this order: each feature that
// publishes more than pages (search files, open data) adds one line here.
var outputs = []output{
	{"open data", export.All, true}, // HSDS, tabular package, CSV, sitemap, robots.txt, Atom, OpenSearch, iCalendar
	// schema/<type>.schema.json: JSON Schemas of the content types, for editors' IDEs
	{"json schema", schema.Write, true},
	// search/: meta.json, postings heads and levels, document chunks, facets for search.js; it uses every
	// processor itself, so it runs alone, after the rest
	{"search", search.Export, false},
}

// Load loads and validates the content only.
func Load(cfg Config) (*site.Site, *content.Report, error) {
	return content.Load(cfg.Content, cfg.ContentName, content.Options{Now: cfg.Now, Drafts: cfg.Drafts})
}

// Render loads the content and renders the site into memory: path → bytes.
func Render(cfg Config) (map[string][]byte, *Result, error) {
	start := time.Now()
	s, report, err := Load(cfg)
	res := &Result{Site: s, Report: report}
	if err != nil {
		return nil, res, err
	}
	mark := start
	stage := func(name string) {
		now := time.Now()
		res.Stages = append(res.Stages, Stage{Name: name, Duration: now.Sub(mark)})
		mark = now
	}
	stage("load")
	r, err := render.New(Theme(cfg.Templates))
	if err != nil {
		return nil, res, fmt.Errorf("templates: %w", err)
	}
	// The pages and the outputs beside them read the site and write files of their own, so
	// they run at the same time, each into its own map; the maps are merged in this order,
	// each in path order. The pages' time includes parsing the templates.
	parts := []output{{name: "pages", write: r.Site}}
	for _, out := range outputs {
		if out.beside {
			parts = append(parts, out)
		}
	}
	type result struct {
		files map[string][]byte
		took  time.Duration
		err   error
	}
	results := make([]result, len(parts))
	began := mark
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Go(func() {
			from := began
			if i > 0 {
				from = time.Now()
			}
			m := map[string][]byte{}
			err := part.write(s, emitTo(m))
			results[i] = result{m, time.Since(from), err}
		})
	}
	wg.Wait()
	files := map[string][]byte{}
	for i, part := range parts {
		err := results[i].err
		if err == nil {
			err = merge(files, results[i].files)
		}
		if err != nil {
			if i == 0 {
				return nil, res, err // the renderer's errors name the page
			}
			return nil, res, fmt.Errorf("%s: %w", part.name, err)
		}
		res.Stages = append(res.Stages, Stage{Name: part.name, Duration: results[i].took, Beside: i > 0})
	}
	mark = time.Now()
	if err := finish(s, cfg, r, files, func(out output) bool { return !out.beside }, stage); err != nil {
		return nil, res, err
	}
	res.count(files)
	res.Duration = time.Since(start)
	return files, res, nil
}

// finish adds to files what follows the pages: the outputs that run says to run, in order,
// calling done after each, then the editors' admin when cfg has one, and last the pages of
// the folders that have none (render.Folders), which need every other file to be there.
func finish(s *site.Site, cfg Config, r *render.Renderer, files map[string][]byte, run func(output) bool, done func(name string)) error {
	emit := emitTo(files)
	for _, out := range outputs {
		if !run(out) {
			continue
		}
		if err := out.write(s, emit); err != nil {
			return fmt.Errorf("%s: %w", out.name, err)
		}
		done(out.name)
	}
	if cfg.Admin != nil {
		if err := admin.Write(s, cfg.Admin, files); err != nil {
			return err
		}
	}
	// Folders reads files while emit adds to it, so its pages are collected first.
	folders := map[string][]byte{}
	if err := r.Folders(s, files, emitTo(folders)); err != nil {
		return err
	}
	if err := merge(files, folders); err != nil {
		return err
	}
	done("folder pages")
	return nil
}

// Run builds the site into cfg.Out atomically.
func Run(cfg Config) (*Result, error) {
	start := time.Now()
	files, res, err := Render(cfg)
	if err != nil {
		return res, err
	}
	if err := WriteAtomic(cfg.Out, files); err != nil {
		return res, err
	}
	res.Duration = time.Since(start)
	return res, nil
}

// batchGCPercent is the garbage collector's target for one-off builds; see BatchGC.
const batchGCPercent = 200

// BatchGC sets the garbage collector up for a one-off build (`viften build`, `viften
// export`) and returns a function that restores the setting. A build allocates about three
// times its peak heap within seconds and then exits, so letting the heap grow by 200 % before
// a collection rather than Go's default 100 % trades memory for time: on 10 000 generated
// offers the build without search files went from 1.9 s to 1.7 s and the peak heap from 0.95
// to 1.34 GB (docs/benchmarks.md). A GOGC set in the environment wins; `viften serve`, which
// runs for hours, keeps Go's default.
func BatchGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(batchGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// Theme returns the default theme with own's files laid over it; own may be nil.
func Theme(own fs.FS) fs.FS {
	if own == nil {
		return templates.FS
	}
	return overlay{own, templates.FS}
}

// WriteAtomic writes files into a new folder beside out and swaps it in for out. Everything
// else in out is replaced, except the files carryOver keeps.
func WriteAtomic(out string, files map[string][]byte) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := WriteFiles(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := carryOver(out, tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("swap in %s: %w", out, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("swap in %s: %w", out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// merge adds the files of part to files; a path both have is an error naming the first such
// path, so a build names the same one every time.
func merge(files, part map[string][]byte) error {
	var twice []string
	for p, data := range part {
		if _, dup := files[p]; dup {
			twice = append(twice, p)
		}
		files[p] = data
	}
	if len(twice) > 0 {
		return writtenTwice(slices.Min(twice))
	}
	return nil
}

// WriteFiles writes files (path → bytes, paths with slashes) under the folder dir, creating
// folders as needed, in path order; it stops at the first error. Every command that writes a
// set of files uses it.
func WriteFiles(dir string, files map[string][]byte) error {
	made := map[string]bool{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(dst); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// carryOver copies the files at the top of out that belong to the repository or the host rather
// than to the build (.gitignore, .nojekyll, README.md and other dotfiles) into tmp, unless the
// build wrote a file of the same name.
func carryOver(out, tmp string, files map[string][]byte) error {
	entries, err := os.ReadDir(out)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || (name != "README.md" && !strings.HasPrefix(name, ".")) || files[name] != nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
