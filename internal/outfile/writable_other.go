//go:build !unix

package outfile

// writable is not known ahead here: writing says so.
func writable(string) error { return nil }
