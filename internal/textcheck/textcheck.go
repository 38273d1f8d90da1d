// Package textcheck locates what makes input not text, so that every reader can name the byte
// offset and line of the first invalid UTF-8 sequence in its error.
package textcheck

import (
	"bytes"
	"unicode/utf8"
)

// InvalidUTF8 returns the byte offset of the first invalid UTF-8 sequence in b, or -1 when b is
// valid UTF-8.
func InvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// Line returns the 1-based line of byte offset off in b.
func Line(b []byte, off int) int {
	return 1 + bytes.Count(b[:min(max(off, 0), len(b))], []byte("\n"))
}
