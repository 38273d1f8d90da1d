//go:build unix

package outfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// umask is the process's file mode creation mask, read once at start (umask(2) can only be read
// by setting it, so it is set back at once, before any goroutine of the program creates files).
var umask = func() os.FileMode {
	m := unix.Umask(0o022)
	unix.Umask(m)
	return os.FileMode(m)
}()
