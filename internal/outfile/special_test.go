//go:build unix

package outfile

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSpecialOutputs: an output that is a device or a named pipe is written in place, never
// renamed over (as root, -o /dev/null once replaced the device with a regular file), and one
// that is a symbolic link is written where it points, the link kept.
func TestSpecialOutputs(t *testing.T) {
	dir := t.TempDir()

	t.Run("named pipe", func(t *testing.T) {
		fifo := filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip(err)
		}
		got := make(chan string)
		go func() {
			r, err := os.Open(fifo)
			if err != nil {
				got <- err.Error()
				return
			}
			b, _ := io.ReadAll(r)
			r.Close()
			got <- string(b)
		}()
		if err := WriteFile(context.Background(), fifo, func(w io.Writer) error {
			_, err := io.WriteString(w, "through the pipe")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Fatalf("the pipe was replaced: %v %v", st.Mode(), err) // and its reader waits for ever
		}
		if s := <-got; s != "through the pipe" {
			t.Errorf("the reader got %q", s)
		}
	})

	t.Run("device", func(t *testing.T) {
		st, err := os.Stat(os.DevNull)
		if err != nil || st.Mode()&os.ModeCharDevice == 0 {
			t.Skipf("%s is not a character device here", os.DevNull)
		}
		f, err := Create(os.DevNull)
		if err != nil {
			t.Fatal(err)
		}
		// Abort, not Commit: were the device not written in place, nothing is renamed over it.
		defer f.Abort()
		if !f.direct {
			t.Fatalf("%s would be written through a temporary file and renamed over", os.DevNull)
		}
		if _, err := io.WriteString(f, "gone"); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("symbolic link", func(t *testing.T) {
		real := filepath.Join(dir, "real.txt")
		link := filepath.Join(dir, "link.txt")
		write(t, real, "old")
		if err := os.Symlink("real.txt", link); err != nil {
			t.Skip(err)
		}
		if err := WriteFile(context.Background(), link, func(w io.Writer) error {
			_, err := io.WriteString(w, "new")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("the link was replaced by a file: %v %v", st.Mode(), err)
		}
		if b, _ := os.ReadFile(real); string(b) != "new" {
			t.Errorf("the link's target holds %q, want %q", b, "new")
		}
	})
}

// TestWriteErrorNamesOutput: a write that fails (a full disk, here /dev/full) names the output,
// not the anonymous temporary file ("write (anonymous): no space left on device").
func TestWriteErrorNamesOutput(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	err := WriteFile(context.Background(), "/dev/full", func(w io.Writer) error {
		_, err := w.Write(make([]byte, 1<<20))
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "writing /dev/full") || strings.Contains(err.Error(), "anonymous") {
		t.Errorf("error %v, want it to name /dev/full", err)
	}
}

// TestCheckFolderNotWritable: a folder this process may not write into is refused before any
// work (a translation was paid for, then lost at the write). Root may write anywhere.
func TestCheckFolderNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into any folder")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	if err := CheckFolder(filepath.Join(dir, "en")); err == nil {
		t.Error("CheckFolder of a folder under a read-only one: no error")
	}
	if err := CheckTarget(filepath.Join(dir, "en.txt")); err == nil {
		t.Error("CheckTarget in a read-only folder: no error")
	}
	if err := CheckFolder(t.TempDir()); err != nil {
		t.Errorf("a writable folder: %v", err)
	}
}
