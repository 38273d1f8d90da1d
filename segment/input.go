package segment

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/textcheck"
)

// maxLine is the longest piece of a line the readers hold at once. A longer line (a 100 MB
// article on one line) is cut at a sentence end near this size and read as several paragraphs,
// so memory stays flat in the input size and every step between two polls of the context is
// short: the longest uninterruptible step is the work on one piece.
const maxLine = 256 << 10

// lineReader reads lines of a text input one at a time, checking as it goes that the input is
// text: UTF-8 without NUL bytes. It keeps only the current line in memory, so arbitrarily large
// inputs can be streamed.
type lineReader struct {
	r        *bufio.Reader
	name     string
	encoding string // "" for UTF-8; "UTF-16LE"/"UTF-16BE" when the input was decoded
	line     int    // number of the line last returned, 1-based
	offset   int64  // byte offset of the start of the line last returned
	next     int64  // byte offset of the next line
	buf      []byte
	carry    []byte // the rest of a cut line, returned next
	cut      bool   // the line last returned was cut at maxLine and continues in the next
	cutHow   string // where it was cut ("at a sentence end"), for the notice
	content  bool   // something other than white space (and a byte-order mark) was read
	form     TextForm
	sawEnd   bool // form.CRLF is decided: a line with its ending was read
}

// newLineReader reads r (which should poll the context, see ctxio.NewReader), decoding UTF-16.
func newLineReader(r io.Reader, name string) *lineReader {
	br := bufio.NewReaderSize(r, 64<<10)
	lr := &lineReader{name: name}
	var src io.Reader = br
	if enc, dec := sniffUTF16(br); dec != nil {
		lr.encoding = enc
		head, _ := br.Peek(2)
		lr.form.BOM = bytes.Equal(head, []byte{0xff, 0xfe}) || bytes.Equal(head, []byte{0xfe, 0xff})
		src = decodeUTF16(br, dec, name)
	}
	lr.r = bufio.NewReaderSize(&crReader{r: src}, 64<<10)
	return lr
}

// decodeUTF16 reads r through the UTF-16 decoder dec, its *textcheck.UTF16Error (a lone
// surrogate, an odd last byte) made the *InputError every reader of this package returns,
// naming the file and the byte of the UTF-16 input.
func decodeUTF16(r io.Reader, dec transform.Transformer, name string) io.Reader {
	return &utf16Errors{r: transform.NewReader(r, dec), name: name}
}

type utf16Errors struct {
	r    io.Reader
	name string
}

func (u *utf16Errors) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	var bad *textcheck.UTF16Error
	if errors.As(err, &bad) {
		err = &InputError{File: u.name, Offset: bad.Offset, Msg: "invalid UTF-16: " + bad.Msg}
	}
	return n, err
}

// crReader turns a carriage return that is not followed by a line feed into a line feed: a
// line ending of its own (classic Mac OS files, some e-mail exports), which would otherwise
// glue a whole file into one line and its paragraphs into one. One byte for one, so offsets
// in errors stay those of the file. A CR at the end of a read is decided by the byte after it,
// which it reads ahead itself: it never answers a read with nothing (bufio gives up after a
// hundred empty reads, and asks for a single byte when its buffer is all but full).
type crReader struct {
	r    io.Reader
	next []byte // bytes read ahead (at most one), given out first
	buf  [1]byte
	err  error
}

func (c *crReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n := copy(p, c.next)
	c.next = c.next[n:]
	if n < len(p) && c.err == nil {
		var k int
		k, c.err = c.r.Read(p[n:])
		n += k
	}
	if n == 0 {
		return 0, c.err
	}
	for i := bytes.IndexByte(p[:n], '\r'); i >= 0; {
		if i == n-1 && len(c.next) == 0 {
			// The byte after it is not read yet: read it ahead, once.
			for c.err == nil {
				var k int
				k, c.err = c.r.Read(c.buf[:])
				if k > 0 {
					c.next = c.buf[:1]
					break
				}
			}
		}
		switch {
		case i < n-1 && p[i+1] != '\n', i == n-1 && (len(c.next) == 0 || c.next[0] != '\n'):
			p[i] = '\n'
		}
		j := bytes.IndexByte(p[i+1:n], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if len(c.next) > 0 || c.err == nil {
		return n, nil
	}
	return n, c.err
}

// readLine returns the next line without its line ending, or io.EOF. A line longer than maxLine
// is returned in pieces, each with lr.cut set but the last. The slice is only valid until the
// next call.
func (lr *lineReader) readLine() ([]byte, error) {
	lr.buf = append(lr.buf[:0], lr.carry...)
	lr.carry = lr.carry[:0]
	cont := lr.cut
	lr.cut = false
	var b []byte
	for {
		chunk, err := lr.r.ReadSlice('\n')
		// Fail fast on binary input instead of buffering a huge "line" first.
		if i := bytes.IndexByte(chunk, 0); i >= 0 {
			return nil, lr.errorf(lr.next+int64(len(lr.buf)+i), "binary data (NUL byte), not a text file", ErrBinary)
		}
		if err == bufio.ErrBufferFull {
			lr.buf = append(lr.buf, chunk...)
			if len(lr.buf) >= maxLine {
				cut, how := cutPointHow(lr.buf, maxLine-64<<10)
				lr.cutHow = how
				lr.carry = append(lr.carry, lr.buf[cut:]...)
				b, lr.cut = lr.buf[:cut], true
				break
			}
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
	if !cont {
		lr.line++
	}
	lr.offset = lr.next
	lr.next += int64(len(b))
	if lr.line == 1 && !cont && bytes.HasPrefix(b, utf8BOM) {
		b = b[len(utf8BOM):]
		lr.offset += int64(len(utf8BOM))
		lr.form.BOM = true
	}
	if !lr.sawEnd && !lr.cut && bytes.HasSuffix(b, []byte("\n")) {
		// The first line's ending is the file's (a lone CR was made LF by crReader).
		lr.sawEnd, lr.form.CRLF = true, bytes.HasSuffix(b, []byte("\r\n"))
	}
	if err := lr.check(b); err != nil {
		return nil, err
	}
	if !lr.content && len(bytes.TrimFunc(b, unicode.IsSpace)) > 0 {
		lr.content = true
	}
	if lr.cut {
		return b, nil
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r")), nil
}

func (lr *lineReader) check(b []byte) error {
	err := checkText(b, lr.name, lr.offset, lr.line)
	if err == nil || lr.encoding == "" {
		return err // no *InputError to look for: it would escape to the heap for every line
	}
	var ie *InputError
	if errors.As(err, &ie) {
		ie.Msg += " (in the text decoded from " + lr.encoding + ")"
	}
	return err
}

func (lr *lineReader) errorf(off int64, msg string, err error) error {
	if lr.encoding != "" {
		msg += " (in the text decoded from " + lr.encoding + ")"
	}
	return &InputError{File: lr.name, Offset: off, Msg: msg, Err: err}
}

// emptyError is the error for an input without content.
func emptyError(name string) error { return EmptyError(name) }

// EmptyError is the *InputError (wrapping ErrEmpty) for an input without content: no bytes, or
// only white space and a byte-order mark. Readers of whole documents (Markdown, HTML, XLIFF read
// by package document) say so with the same words as the scanner.
func EmptyError(name string) error {
	return &InputError{File: name, Msg: "empty input (no text, only white space)", Err: ErrEmpty}
}

// Blank reports whether b, the start of an input or all of it, holds nothing but white space
// after a UTF-8 byte-order mark: an empty input, if b is all of it.
func Blank(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	return len(bytes.TrimLeft(b, " \t\r\n\f\v")) == 0
}

// cutPoint returns where to cut b, which is longer than wanted: after the last sentence end in
// b[from:], else after the last space there, else at the last rune boundary. Cutting at a
// sentence end keeps every sentence whole.
func cutPoint(b []byte, from int) int {
	i, _ := cutPointHow(b, from)
	return i
}

// cutPointHow is cutPoint, and says where it cut, for --explain: "at a sentence end", "at a
// space" or "inside a word".
func cutPointHow(b []byte, from int) (int, string) {
	from = min(max(from, 0), len(b))
	window := string(b[from:])
	if spans := SplitSentences(window, "de"); len(spans) > 1 {
		return from + spans[len(spans)-1].Start, "at a sentence end"
	}
	if i := bytes.LastIndexByte(b[from:], ' '); i > 0 {
		return from + i + 1, "at a space"
	}
	i := len(b)
	for k := 0; k < utf8.UTFMax && i > from && !utf8.RuneStart(b[i-1]); k++ {
		i--
	}
	if i > from && i-1 >= 0 && b[i-1] >= utf8.RuneSelf && utf8.RuneStart(b[i-1]) {
		i-- // a multi-byte rune started but did not end: cut before it
	}
	if i <= from {
		return len(b), "inside a word"
	}
	return i, "inside a word"
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// ErrBinary, ErrInvalidUTF8 and ErrEmpty are wrapped by the *InputError for binary input (NUL
// bytes), for text that is not UTF-8 and for input without content (no bytes, or only white
// space and a byte-order mark), so callers can tell them apart with errors.Is.
var (
	ErrBinary      = errors.New("binary data")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrEmpty       = errors.New("empty input")
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
	msg := "invalid UTF-8 (line " + strconv.Itoa(line+bytes.Count(b[:i], []byte("\n"))) + ")"
	if textcheck.LooksLatin1(b) {
		msg += "; " + textcheck.Latin1Hint
	}
	return &InputError{File: name, Offset: base + int64(i), Msg: msg, Err: ErrInvalidUTF8}
}

// sniffUTF16 recognises UTF-16 input at the start of br: a UTF-16 byte-order mark, or, without
// one, the NUL pattern of mostly Latin text (every other byte zero). It returns the encoding's
// name and a decoder to UTF-8, or nil.
func sniffUTF16(br *bufio.Reader) (string, transform.Transformer) {
	head, _ := br.Peek(4096)
	return textcheck.UTF16Decoder(head, true)
}

// maxWholeText is the most bytes readAllText holds (formats.MaxWhole; a variable for tests).
var maxWholeText = formats.MaxWhole

// readAllText reads a whole input (for formats that need the complete document) and checks it
// like lineReader does, up to maxWholeText bytes. Lines longer than maxLine are cut at a sentence
// end into paragraphs of their own (a blank line between the pieces).
func readAllText(ctx context.Context, r io.Reader, name string, removed *[]Removal) (string, error) {
	lr := newLineReader(ctxio.NewReader(ctx, r), name)
	var out []byte
	for {
		b, err := lr.readLine()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		out = append(out, b...)
		if len(out) > maxWholeText {
			return "", &InputError{File: name, Line: lr.line, Msg: fmt.Sprintf("larger than %d MiB: Markdown is parsed whole, several times its size in memory; split it into smaller files, or read it as text (--input-format text)", maxWholeText>>20)}
		}
		if lr.cut {
			out = append(out, "\n\n"...)
			*removed = append(*removed, cutNotice(lr.line, lr.next, lr.cutHow))
		} else {
			out = append(out, '\n')
		}
	}
	if !lr.content {
		return "", emptyError(name)
	}
	if lr.encoding != "" {
		*removed = append(*removed, Removal{Kind: Notice, Reason: "decoded from " + lr.encoding})
	}
	return string(out), nil
}

func cutNotice(line int, off int64, how string) Removal {
	return Removal{Line: line, Kind: Notice, Reason: "line longer than 256 KiB: cut into paragraphs " + how + " before byte " + strconv.FormatInt(off, 10)}
}
