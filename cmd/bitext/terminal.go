package main

import (
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/bitext/bitext/qa"
)

// terminalText returns the writer to show text on w: w itself unless w is a terminal; on a
// terminal, a writer that shows every invisible character but line feed and tab (C0 and C1
// controls, DEL, bidi controls) as its Go escape ("\x1b", "\u202e") and an invalid UTF-8
// byte as "\xff" (qa.AppendShown, the escapes of check's reports), as ls shows file names.
// Text from the web can hold escape sequences that would act on the terminal (clear it,
// retitle it, recolour or hide what follows) instead of showing; into a pipe or a file the
// text goes byte for byte. done writes what an incomplete last character left pending.
func terminalText(w io.Writer) (out io.Writer, done func() error) {
	if !isTerminal(w) {
		return w, func() error { return nil }
	}
	ew := &escapingWriter{w: w}
	return ew, ew.flush
}

// escapingWriter is terminalText's writer on a terminal.
type escapingWriter struct {
	w       io.Writer
	pending []byte // the start of a character cut by the end of the last Write
	buf     []byte
}

func (e *escapingWriter) Write(p []byte) (int, error) {
	data := p
	if len(e.pending) > 0 {
		data = append(e.pending, p...)
		e.pending = nil
	}
	// Hold back a character the next Write completes.
	end := len(data)
	for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
		if utf8.RuneStart(data[len(data)-k]) {
			if !utf8.FullRune(data[len(data)-k:]) {
				end = len(data) - k
			}
			break
		}
	}
	e.pending = append(e.pending[:0], data[end:]...)
	if _, err := e.w.Write(e.escape(data[:end])); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (e *escapingWriter) escape(b []byte) []byte {
	e.buf = qa.AppendShown(e.buf[:0], b)
	return e.buf
}

func (e *escapingWriter) flush() error {
	if len(e.pending) == 0 {
		return nil
	}
	_, err := e.w.Write(e.escape(e.pending))
	e.pending = nil
	return err
}

// terminalWidth is the width in columns of the terminal w shows on (w itself, or behind
// terminalText's writer), else $COLUMNS, else 80.
func terminalWidth(w io.Writer) int {
	if e, ok := w.(*escapingWriter); ok {
		w = e.w
	}
	if f, ok := w.(*os.File); ok {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 80
}
