//go:build unix

package tm

import "syscall"

// fileWritable tells whether this process may write the existing file at path. It must not
// open the file: closing any descriptor of a file drops every POSIX lock the process holds on
// it, SQLite's included, which corrupts the locking of other handles in this process.
func fileWritable(path string) error {
	const wOK = 2
	return syscall.Access(path, wOK)
}
