package corpus

import (
	"bufio"
	"bytes"
	"io"
	"strings"

	"github.com/bitext/bitext/internal/textcheck"
)

// lineReader reads a text file line by line, counting lines and rejecting invalid UTF-8 and NUL
// bytes with their position. It strips the line terminator (LF or CRLF) and a leading BOM.
type lineReader struct {
	br   *bufio.Reader
	name string
	line int // number of the line last returned
}

func newLineReader(r io.Reader, name string) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), name: name}
}

// next returns the next line without its terminator, or io.EOF after the last line. A final
// line without a newline counts as a line; an empty input has no lines.
func (l *lineReader) next() (string, error) {
	b, err := l.br.ReadBytes('\n')
	if len(b) == 0 {
		if err == nil || err == io.EOF {
			return "", io.EOF
		}
		return "", err
	}
	if err != nil && err != io.EOF {
		return "", err
	}
	l.line++
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if l.line == 1 {
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	}
	if i := textcheck.InvalidUTF8(b); i >= 0 {
		return "", l.errorf(i+1, "invalid UTF-8")
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return "", l.errorf(i+1, "NUL byte: binary data, not text")
	}
	return string(b), nil
}

func (l *lineReader) errorf(col int, msg string) *InputError {
	return &InputError{File: l.name, Line: l.line, Column: col, Msg: msg}
}

// lineBreaks replaces every kind of line break with a space (Moses cannot carry them).
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ", "\u0085", " ")
