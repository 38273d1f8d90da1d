package segment

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
)

// lineReader reads lines of a text input one at a time, checking as it goes that the input is
// text: UTF-8 without NUL bytes. It keeps only the current line in memory, so arbitrarily large
// inputs can be streamed.
type lineReader struct {
	r      *bufio.Reader
	name   string
	line   int   // number of the line last returned, 1-based
	offset int64 // byte offset of the start of the line last returned
	next   int64 // byte offset of the next line
	buf    []byte
}

func newLineReader(r io.Reader, name string) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// readLine returns the next line without its line ending, or io.EOF. The slice is only valid
// until the next call.
func (lr *lineReader) readLine() ([]byte, error) {
	lr.buf = lr.buf[:0]
	var b []byte
	for {
		chunk, err := lr.r.ReadSlice('\n')
		// Fail fast on binary input instead of buffering a huge "line" first.
		if i := bytes.IndexByte(chunk, 0); i >= 0 {
			return nil, &InputError{File: lr.name, Offset: lr.next + int64(len(lr.buf)+i), Msg: "binary data (NUL byte), not a text file", Err: ErrBinary}
		}
		if err == bufio.ErrBufferFull {
			lr.buf = append(lr.buf, chunk...)
			continue
		}
		if len(lr.buf) > 0 {
			lr.buf = append(lr.buf, chunk...)
			b = lr.buf
		} else {
			b = chunk // the common case: the whole line is in bufio's buffer
		}
		if err == io.EOF && len(b) > 0 {
			err = nil
		}
		if err != nil {
			return nil, err
		}
		break
	}
	lr.line++
	lr.offset = lr.next
	lr.next += int64(len(b))
	if lr.line == 1 && bytes.HasPrefix(b, utf8BOM) {
		b = b[len(utf8BOM):]
		lr.offset += int64(len(utf8BOM))
	}
	if err := checkText(b, lr.name, lr.offset, lr.line); err != nil {
		return nil, err
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r")), nil
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// ErrBinary and ErrInvalidUTF8 are wrapped by the *InputError for binary input (NUL bytes) and
// for text that is not UTF-8, so callers can tell them apart with errors.Is.
var (
	ErrBinary      = errors.New("binary data")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
)

// checkText returns an *InputError if b (which starts at byte offset base, on line line of the
// input) contains a NUL byte or invalid UTF-8.
func checkText(b []byte, name string, base int64, line int) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return &InputError{File: name, Offset: base + int64(i), Msg: "binary data (NUL byte), not a text file", Err: ErrBinary}
	}
	if utf8.Valid(b) {
		return nil
	}
	i := textcheck.InvalidUTF8(b)
	return &InputError{File: name, Offset: base + int64(i), Msg: "invalid UTF-8 (line " + strconv.Itoa(line+bytes.Count(b[:i], []byte("\n"))) + ")", Err: ErrInvalidUTF8}
}

// readAllText reads a whole input (for formats that need the complete document) and checks it
// like lineReader does.
func readAllText(r io.Reader, name string) (string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	return checkedText(data, name)
}
