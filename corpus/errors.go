package corpus

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by *InputError, for errors.Is.
var (
	// ErrEmpty: the file has no content: 0 bytes, or only white space and a byte-order mark.
	// Every reader returns it (wrapped, naming the file) instead of an empty corpus, so that a
	// truncated or mistyped input is not taken for a corpus without pairs.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: a line-based file holds a NUL byte (and no UTF-16 byte-order mark).
	ErrBinary = errors.New("binary data")
	// ErrInvalidUTF8: the text is not valid UTF-8 (nor UTF-16 with a byte-order mark).
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
)

// InputError is bad input in a bitext file, with its position.
type InputError struct {
	File   string
	Line   int   // 1-based; 0 when unknown
	Column int   // 1-based column in bytes (TMX); 0 when unknown
	Offset int64 // byte offset, used when Line is unknown
	Msg    string
	Err    error // ErrEmpty, ErrBinary, ErrInvalidUTF8 or nil
}

func (e *InputError) Error() string {
	file := e.File
	if file == "" {
		file = "<input>"
	}
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Msg)
	case e.Offset > 0:
		return fmt.Sprintf("%s: byte %d: %s", file, e.Offset, e.Msg)
	}
	return fmt.Sprintf("%s: %s", file, e.Msg)
}

// Unwrap returns the sentinel error, so errors.Is(err, ErrEmpty) works through the position.
func (e *InputError) Unwrap() error { return e.Err }

// emptyError is the error of every reader for a file without content.
func emptyError(name string) *InputError {
	return &InputError{File: name, Msg: "empty file (no content, only white space)", Err: ErrEmpty}
}
