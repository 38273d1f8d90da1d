package tm

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestNewMemoryAppearsWhole: a process reading a memory that another is creating never finds a
// file without bitext's tables (tm stats during the first tm import failed "no bitext schema"
// about one run in eight).
func TestNewMemoryAppearsWhole(t *testing.T) {
	dir := t.TempDir()
	for i := range 30 {
		path := filepath.Join(dir, "tm"+string(rune('a'+i%26))+string(rune('0'+i/26))+".sqlite")
		done := make(chan error, 1)
		go func() {
			db, err := Open(path)
			if err == nil {
				err = db.Close()
			}
			done <- err
		}()
		for finished := false; !finished; {
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
				finished = true
			default:
			}
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				continue
			}
			db, err := OpenReadOnly(path)
			if err != nil {
				t.Fatalf("reading %s while it is created: %v", filepath.Base(path), err)
			}
			db.Close()
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm()&0o044 == 0 {
			t.Errorf("%s: %v, mode %v; want a file others can read as SQLite makes them", path, err, st.Mode())
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".tm-new-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
