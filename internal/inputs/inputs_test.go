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
