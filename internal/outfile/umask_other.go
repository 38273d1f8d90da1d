//go:build !unix

package outfile

import "os"

// umask is the file mode creation mask: none outside Unix.
var umask = os.FileMode(0o022)
