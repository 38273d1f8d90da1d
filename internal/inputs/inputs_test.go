package inputs

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("Datei"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := New(context.Background(), strings.NewReader("Eingabe"))
	tests := []struct {
		name     string
		want     string
		wantName string
		wantErr  error
	}{
		{path, "Datei", path, nil},
		{"-", "Eingabe", StdinName, nil},
		{"-", "", "", ErrStdinTwice},
		{filepath.Join(dir, "missing.txt"), "", "", fs.ErrNotExist},
		{path, "Datei", path, nil}, // a file may be read twice
	}
	for i, tc := range tests {
		b, name, err := o.ReadAll(tc.name)
		if tc.wantErr != nil {
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("%d %s: error %v, want %v", i, tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil || string(b) != tc.want || name != tc.wantName {
			t.Errorf("%d %s: %q %q %v", i, tc.name, b, name, err)
		}
	}
	if _, err := (&Opener{}).Open("-"); err == nil {
		t.Error("an Opener without standard input opened -")
	}
}

func TestOpenStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	o := New(ctx, strings.NewReader(strings.Repeat("x", 1<<20)))
	f, err := o.Open("-")
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := io.ReadAll(f); !errors.Is(err, context.Canceled) {
		t.Errorf("read after cancel: %v", err)
	}
}

// TestWalkFiles: a folder given as a symbolic link is walked (it read as empty); named pipes,
// hidden files and links to nothing are left out, links to files kept.
func TestWalkFiles(t *testing.T) {
	dir := t.TempDir()
	de := filepath.Join(dir, "de")
	for _, f := range []string{"a.txt", "sub/b.txt", ".hidden.txt", ".git/c.txt"} {
		p := filepath.Join(de, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Text"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(de, "a.txt"), filepath.Join(de, "linked.txt")); err != nil {
		t.Skip(err)
	}
	os.Symlink(filepath.Join(dir, "nothing"), filepath.Join(de, "dangling.txt"))
	if err := syscallMkfifo(filepath.Join(de, "pipe.txt")); err != nil {
		t.Logf("no named pipe: %v", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(de, link); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{de, link} {
		var got []string
		if err := WalkFiles(root, func(path, rel string) error {
			if path != filepath.Join(root, rel) {
				t.Errorf("path %s, rel %s", path, rel)
			}
			got = append(got, filepath.ToSlash(rel))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if want := "a.txt linked.txt sub/b.txt"; strings.Join(got, " ") != want {
			t.Errorf("WalkFiles(%s) = %q, want %q", root, got, want)
		}
	}
}
