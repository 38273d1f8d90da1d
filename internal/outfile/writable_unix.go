//go:build unix

package outfile

import "golang.org/x/sys/unix"

// writable says whether this process may create files in dir (access(2) with W_OK, which
// answers for the real user as the kernel would, root included).
func writable(dir string) error { return unix.Access(dir, unix.W_OK) }
