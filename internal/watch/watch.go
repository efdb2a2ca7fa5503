// Package watch reports changes to folder trees in batches. It is the only package that
// imports fsnotify.
//
// A Watcher watches every folder under its roots, including folders created after it started
// (their files are reported too, since they may have been written before the watch was set).
// Events are collected until the trees have been quiet for Options.Quiet, or for at most
// Options.Max since the first event, and then delivered as one batch of paths: an editor's
// save (write a temporary file, rename it over the old one, change its mode) becomes one
// rebuild. Names editors' tools leave behind (".#x", "x~", "x.swp", "4913") are ignored.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher.
type Options struct {
	Quiet time.Duration // deliver a batch after this long without events
	Max   time.Duration // deliver a batch at the latest this long after its first event
}

// DefaultOptions returns the options `viften serve` uses.
func DefaultOptions() Options {
	return Options{Quiet: 15 * time.Millisecond, Max: 250 * time.Millisecond}
}

// A Batch is a set of changed paths, sorted. Overflow reports that the system dropped events,
// so any file may have changed.
type Batch struct {
	Paths    []string
	Overflow bool
}

// Watcher watches folder trees.
type Watcher struct {
	w       *fsnotify.Watcher
	opts    Options
	batches chan Batch
	errs    chan error
	done    chan struct{}
	wg      sync.WaitGroup
	once    sync.Once
}

// New starts watching the trees at roots. Roots that do not exist are skipped.
func New(opts Options, roots ...string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, opts: opts, batches: make(chan Batch), errs: make(chan error, 1), done: make(chan struct{})}
	for _, root := range roots {
		if _, err := w.addTree(root); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fw.Close()
			return nil, err
		}
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// Batches returns the channel batches are delivered on. It is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors returns the channel of watch errors; the watcher goes on after one.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching and closes the Batches channel.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.w.Close()
		w.wg.Wait()
	})
	return err
}

// addTree watches dir and every folder under it, and returns the files found in them.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone meanwhile
		}
		if d.IsDir() {
			if p != dir && ignored(d.Name()) {
				return filepath.SkipDir
			}
			if err := w.w.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			return nil
		}
		if !ignored(d.Name()) {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// ignored reports whether name is a hidden file or an editor's temporary file.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") || name == "4913"
}

func (w *Watcher) loop() {
	defer w.wg.Done()
	defer close(w.batches)
	var (
		pending  = map[string]bool{}
		overflow bool
		quiet    *time.Timer
		quietC   <-chan time.Time
		first    time.Time
	)
	// touch starts the batch's clock when nothing is pending yet, and the quiet timer again.
	touch := func() {
		if len(pending) == 0 && !overflow {
			first = time.Now()
		}
		if quiet == nil {
			quiet = time.NewTimer(w.opts.Quiet)
		} else {
			quiet.Reset(w.opts.Quiet)
		}
		quietC = quiet.C
	}
	add := func(p string) {
		touch()
		pending[p] = true
	}
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ignored(filepath.Base(ev.Name)) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					files, err := w.addTree(ev.Name)
					if err != nil {
						w.report(err)
					}
					for _, f := range files {
						add(f)
					}
				}
			}
			add(ev.Name)
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				touch()
				overflow = true
				continue
			}
			w.report(err)
		case <-quietC:
			b := Batch{Overflow: overflow}
			for p := range pending {
				b.Paths = append(b.Paths, p)
			}
			sort.Strings(b.Paths)
			clear(pending)
			overflow = false
			quietC = nil
			select {
			case w.batches <- b:
			case <-w.done:
				return
			}
		}
		// Deliver at the latest Max after the first event, even if events keep coming.
		if (len(pending) > 0 || overflow) && time.Since(first) >= w.opts.Max && quiet != nil {
			quiet.Reset(0)
		}
	}
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default: // the reader is behind; the next error will do
	}
}
