//go:build !unix

package tm

import "os"

// fileWritable tells whether this process may write the existing file at path. Outside Unix,
// SQLite does not use POSIX locks, so opening the file to find out is harmless.
func fileWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return f.Close()
}
