package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode"

	"github.com/bitext/bitext/internal/textcheck"
)

// lineReader reads a text file line by line, counting lines and rejecting invalid UTF-8 and NUL
// bytes with their position. It strips the line terminator (LF or CRLF) and a leading BOM (once:
// decodeBOM), and decodes UTF-16 files that start with a byte-order mark (as Windows tools write
// them).
type lineReader struct {
	br      *bufio.Reader
	name    string
	line    int  // number of the line last returned
	content bool // some line so far had more than white space
}

func newLineReader(r io.Reader, name string) *lineReader {
	in, _ := decodeBOM(r)
	return &lineReader{br: bufio.NewReaderSize(in, 64<<10), name: name}
}

// newTextLineReader is newLineReader for the line formats (TSV, JSONL, Moses), which also
// decodes UTF-16 without a byte-order mark by its NUL pattern (textcheck.UTF16Pattern), as
// segment and translate read it: such a file was refused as invalid UTF-8 or binary data.
func newTextLineReader(r io.Reader, name string) *lineReader {
	in, _ := textcheck.UTF16Reader(r)
	return newLineReader(in, name)
}

// empty reports whether every line read so far was blank: at the end of the file, that the
// file is empty in the sense of ErrEmpty.
func (l *lineReader) empty() bool { return !l.content }

// MaxLine is the longest line the line formats (TSV, JSONL, Moses) read: a line is one pair,
// and a longer one is not text meant as one (a 2 GB file without a newline was held whole,
// 4.1 GB of memory, before its first byte was judged).
const MaxLine = 16 << 20

// next returns the next line without its terminator, or io.EOF after the last line. A final
// line without a newline counts as a line; an empty input has no lines.
func (l *lineReader) next() (string, error) {
	b, err := l.readLine()
	var bad16 *textcheck.UTF16Error
	if errors.As(err, &bad16) { // its offset is the file's, not a line's
		return "", &InputError{File: l.name, Offset: bad16.Offset, Msg: "invalid UTF-16: " + bad16.Msg}
	}
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
	// The first fault of the line is named: a binary file's NUL usually comes before its
	// first invalid UTF-8 byte, and "binary data" says more.
	nul, bad := bytes.IndexByte(b, 0), textcheck.InvalidUTF8(b)
	if nul >= 0 && (bad < 0 || nul < bad) {
		e := l.errorf(nul+1, "NUL byte: binary data, not text")
		e.Err = ErrBinary
		return "", e
	}
	if bad >= 0 {
		e := l.errorf(bad+1, "invalid UTF-8")
		e.Err = ErrInvalidUTF8
		return "", e
	}
	if !l.content && len(bytes.TrimFunc(b, unicode.IsSpace)) > 0 {
		l.content = true
	}
	return string(b), nil
}

// readLine is bufio's ReadBytes('\n') holding at most MaxLine bytes of a line: a longer line
// is an error at its line, read no further.
func (l *lineReader) readLine() ([]byte, error) {
	var line []byte
	for {
		frag, err := l.br.ReadSlice('\n')
		if len(line)+len(frag) > MaxLine+2 { // + CRLF
			return nil, &InputError{File: l.name, Line: l.line + 1, Msg: fmt.Sprintf("line longer than %d MiB: not a line of pairs", MaxLine>>20)}
		}
		line = append(line, frag...)
		if err != bufio.ErrBufferFull {
			return line, err
		}
	}
}

func (l *lineReader) errorf(col int, msg string) *InputError {
	return &InputError{File: l.name, Line: l.line, Column: col, Msg: msg}
}

// LineReader reads a line-based text file — one side of a Moses corpus, a machine translation
// with one line per sentence, a presplit document — one line at a time in constant memory. It
// is the reader the Moses format uses: LF or CR LF ends a line (and is not returned), a
// byte-order mark opening the file is dropped, UTF-16 with a byte-order mark is decoded, and
// invalid UTF-8 or a NUL byte is an *InputError naming the file, line and byte column
// (wrapping ErrInvalidUTF8 or ErrBinary).
type LineReader struct{ l *lineReader }

// NewLineReader reads lines from r; name is used in errors.
func NewLineReader(r io.Reader, name string) *LineReader {
	return &LineReader{l: newTextLineReader(r, name)}
}

// Next returns the next line, or io.EOF after the last. A final line without a newline counts
// as a line; an input of 0 bytes has no lines.
func (r *LineReader) Next() (string, error) { return r.l.next() }

// Line is the number of the line Next returned last (1-based), or the number of lines at EOF.
func (r *LineReader) Line() int { return r.l.line }

// Blank reports whether every line read so far held nothing but white space: at EOF, that the
// file is empty in the sense of ErrEmpty.
func (r *LineReader) Blank() bool { return r.l.empty() }

// ReadLines reads every line of r (see LineReader). A file of 0 bytes, or of white space only,
// is an *InputError wrapping ErrEmpty.
func ReadLines(r io.Reader, name string) ([]string, error) {
	lr := NewLineReader(r, name)
	var lines []string
	for {
		s, err := lr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		lines = append(lines, s)
	}
	if lr.Blank() {
		return nil, emptyError(name)
	}
	return lines, nil
}
