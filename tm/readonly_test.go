package tm

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

// newTM makes a memory with one entry at dir/tm.sqlite and closes it.
func newTM(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "tm.sqlite")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustStore(t, db, baseKey("Satz."), "Sentence.")
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReadOnlyPermissions: a memory whose file or folder cannot be written is reported as
// read-only (naming the file), not as "not a translation memory", and OpenReadOnly reads it.
// chmod does not restrict root, so as root the cases are skipped; TestReadOnlyHandle covers
// the read-only paths with the open flag instead.
func TestReadOnlyPermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: chmod does not make files read-only; see TestReadOnlyHandle")
	}
	tests := []struct {
		name       string
		chmod      func(t *testing.T, dir, path string)
		wantReason string
	}{
		{"read-only file", func(t *testing.T, dir, path string) { chmod(t, path, 0o444) }, "the file is not writable"},
		{"read-only folder", func(t *testing.T, dir, path string) { chmod(t, dir, 0o555) }, "is not writable"},
		{"read-only file and folder", func(t *testing.T, dir, path string) { chmod(t, path, 0o444); chmod(t, dir, 0o555) }, "the file is not writable"},
		{"missing file in a read-only folder", func(t *testing.T, dir, path string) {
			os.Remove(path)
			chmod(t, dir, 0o555)
		}, "is not writable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "tm")
			os.Mkdir(dir, 0o755)
			path := newTM(t, dir)
			tt.chmod(t, dir, path)
			db, err := Open(path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			var ro *ReadOnlyError
			if !errors.Is(err, ErrReadOnly) || !errors.As(err, &ro) || !strings.Contains(err.Error(), path) ||
				!strings.Contains(err.Error(), tt.wantReason) || strings.Contains(err.Error(), "not a translation memory") {
				t.Fatalf("Open: %v; want a read-only error naming %s and saying %q", err, path, tt.wantReason)
			}
			if _, statErr := os.Stat(path); statErr != nil {
				return // nothing to read
			}
			db, err = OpenReadOnly(path)
			if err != nil {
				t.Fatalf("OpenReadOnly: %v", err)
			}
			defer db.Close()
			if st, err := db.Stats(ctx); err != nil || st.Entries != 1 {
				t.Errorf("Stats = %+v, %v", st, err)
			}
			if got := exportAll(t, db); len(got) != 1 || got[0].Target != "Sentence." {
				t.Errorf("Export = %+v", got)
			}
		})
	}
}

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o755) }) // so that TempDir can remove it
}

// TestReadOnlyHandle: a memory opened read-only reads, and refuses every write with a
// *ReadOnlyError naming the file.
func TestReadOnlyHandle(t *testing.T) {
	path := newTM(t, t.TempDir())
	db, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if !db.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if got := mustLookup(t, db, baseKey("Satz.")); got != "Sentence." {
		t.Errorf("Lookup = %q", got)
	}
	if st, err := db.Stats(ctx); err != nil || st.Entries != 1 || st.SchemaVersion != SchemaVersion {
		t.Errorf("Stats = %+v, %v", st, err)
	}
	if got := exportAll(t, db); len(got) != 1 {
		t.Errorf("Export = %+v", got)
	}
	writes := []struct {
		name string
		do   func() error
	}{
		{"Store", func() error { return db.Store(ctx, baseKey("Neu."), "New.") }},
		{"ImportPairs", func() error {
			_, err := db.ImportPairs(ctx, &sliceReader{pairs: []corpus.Pair{{Source: "a", Target: "b"}}}, ImportOptions{})
			return err
		}},
		{"Import", func() error { _, err := db.Import(ctx, &sliceReader{}, ImportOptions{}); return err }},
		{"Delete", func() error { _, err := db.Delete(ctx, DeleteFilter{Provider: "openai"}); return err }},
		{"Delete by regex", func() error {
			_, err := db.Delete(ctx, DeleteFilter{SourceRegex: regexp.MustCompile(".")})
			return err
		}},
		{"Vacuum", func() error { return db.Vacuum(ctx) }},
	}
	for _, w := range writes {
		err := w.do()
		if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v; want a read-only error naming %s", w.name, err, path)
		}
	}
	// SQLite's own refusal (SQLITE_READONLY) maps to the same error: pretend the handle
	// were writable, so that the write reaches SQLite's read-only connection.
	db.readOnly = false
	err = db.Store(ctx, baseKey("Neu."), "New.")
	db.readOnly = true
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Errorf("Store through a read-only connection: %v; want a read-only error", err)
	}
}

func TestOpenReadOnlyRejects(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.sqlite")
	if _, err := OpenReadOnly(missing); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("OpenReadOnly(missing): %v", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Error("OpenReadOnly created the file")
	}
	text := filepath.Join(dir, "text.sqlite")
	os.WriteFile(text, []byte("just some text, long enough to not be a SQLite header......."), 0o644)
	if db, err := OpenReadOnly(text); err == nil || !strings.Contains(err.Error(), "not a translation memory") {
		if db != nil {
			db.Close()
		}
		t.Errorf("OpenReadOnly(text file): %v", err)
	}
	if _, err := OpenReadOnly(""); err == nil {
		t.Error("OpenReadOnly(\"\") succeeded")
	}
}
