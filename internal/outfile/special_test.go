//go:build unix

package outfile

import (
	"context"
	"io"
	"os"
	"path/filepath"
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
