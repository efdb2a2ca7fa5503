package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// TestOverflow: when the system drops events, a batch says so (any file may have changed),
// with the paths seen besides, and the next batch is an ordinary one again.
func TestOverflow(t *testing.T) {
	root := t.TempDir()
	w, err := New(Options{Quiet: 10 * time.Millisecond, Max: time.Second}, root)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.w.Errors <- fsnotify.ErrEventOverflow
	b := receive(t, w)
	if !b.Overflow || len(b.Paths) != 0 {
		t.Errorf("after an overflow: %+v, want an overflow batch without paths", b)
	}
	file := filepath.Join(root, "a.md")
	if err := os.WriteFile(file, []byte("1"), 0o644); err != nil {
		t.Fatal(err)
	}
	b = receive(t, w)
	if b.Overflow || len(b.Paths) != 1 || b.Paths[0] != file {
		t.Errorf("after a write: %+v, want just %s", b, file)
	}
	select {
	case err := <-w.Errors():
		t.Errorf("the overflow was also reported as an error: %v", err)
	default:
	}
}

// TestOverflowWaitsForQuiet: an overflow starts a batch like an event does, so an event right
// after it waits for the quiet time with it, rather than going out at once on a clock the
// overflow never started.
func TestOverflowWaitsForQuiet(t *testing.T) {
	quiet := 300 * time.Millisecond
	root := t.TempDir()
	w, err := New(Options{Quiet: quiet, Max: 2 * time.Second}, root)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.w.Errors <- fsnotify.ErrEventOverflow
	time.Sleep(50 * time.Millisecond)
	wrote := time.Now()
	if err := os.WriteFile(filepath.Join(root, "a.md"), []byte("1"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b := receive(t, w); !b.Overflow || len(b.Paths) != 1 {
		t.Fatalf("got %+v, want one overflow batch with the file", b)
	}
	if d := time.Since(wrote); d < quiet {
		t.Errorf("the batch came %v after the write, before the quiet time of %v", d, quiet)
	}
}

func receive(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5 s")
	}
	return Batch{}
}
