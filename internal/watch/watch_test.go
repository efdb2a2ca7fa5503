package watch_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"tilbudsviften/internal/watch"
)

// next waits for a batch that contains want and returns every path seen until then.
func next(t *testing.T, w *watch.Watcher, want string) []string {
	t.Helper()
	var seen []string
	for {
		select {
		case b, ok := <-w.Batches():
			if !ok {
				t.Fatalf("batches closed before %s was reported; saw %v", want, seen)
			}
			seen = append(seen, b.Paths...)
			if slices.Contains(b.Paths, want) {
				return seen
			}
		case err := <-w.Errors():
			t.Fatal(err)
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatchFilesAndNewFolders(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "tilbud"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := watch.New(watch.Options{Quiet: 10 * time.Millisecond, Max: time.Second}, root, filepath.Join(root, "missing"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	offer := filepath.Join(root, "tilbud", "a.md")
	write(t, offer, "1")
	next(t, w, offer)

	// A folder created after the start is watched, and a file in it is reported.
	dir := filepath.Join(root, "kontakter", "nye")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	contact := filepath.Join(dir, "b.yaml")
	write(t, contact, "navn: B")
	next(t, w, contact)
	write(t, contact, "navn: C") // a later write in the new folder is seen too
	next(t, w, contact)

	// Editors' temporary files are ignored; the real file in the same burst is reported.
	write(t, filepath.Join(root, "tilbud", ".a.md.swp"), "x")
	write(t, filepath.Join(root, "tilbud", "a.md~"), "x")
	write(t, offer, "2")
	for _, p := range next(t, w, offer) {
		if filepath.Base(p) != "a.md" && filepath.Base(p) != "b.yaml" {
			t.Errorf("got %s in a batch, want temporary files ignored", p)
		}
	}
}

// TestBurstIsOneBatch writes many files at once and expects them in few batches: the burst
// of an editor's save must not cause one rebuild per event.
func TestBurstIsOneBatch(t *testing.T) {
	root := t.TempDir()
	w, err := watch.New(watch.Options{Quiet: 200 * time.Millisecond, Max: 10 * time.Second}, root)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for i := range 20 {
		write(t, filepath.Join(root, string(rune('a'+i))+".md"), "x")
	}
	seen, batches := map[string]bool{}, 0
	for len(seen) < 20 {
		b := <-w.Batches()
		batches++
		for _, p := range b.Paths {
			seen[p] = true
		}
	}
	if batches >= 20 {
		t.Errorf("got %d batches for 20 writes, want them batched", batches)
	}
}

func TestCloseEndsBatches(t *testing.T) {
	w, err := watch.New(watch.DefaultOptions(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, ok := <-w.Batches(); ok {
		t.Error("got a batch after Close, want the channel closed")
	}
	w.Close() // a second Close is harmless
}
