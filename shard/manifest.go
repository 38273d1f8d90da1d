package shard

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Document is one line of a manifest.
//
//	{"id": "2024/artikel-17", "path": "texts/artikel-17.html"}   a file to translate
//	{"id": "note-3", "text": "Der Rat tagt am Montag.", "format": "text"}   inline text
//	{"id": "pair-9", "src": "de/9.txt", "tgt": "en/9.txt"}   a document pair to align
//
// id is required and unique in the manifest (ManifestReader refuses one given twice); it names the document in every output (the doc
// field of JSONL pairs, x-doc in TMX) and decides its shard. A relative path is relative to the
// folder of the manifest. format (text, markdown, html) is optional: by default the path's
// extension decides, and inline text is plain text.
type Document struct {
	ID     string `json:"id"`
	Path   string `json:"path,omitempty"`
	Text   string `json:"text,omitempty"`
	Format string `json:"format,omitempty"`
	Src    string `json:"src,omitempty"`
	Tgt    string `json:"tgt,omitempty"`

	// Line is the line of the manifest the document is on (1-based).
	Line int `json:"-"`
}

// Kind says what a document holds.
type Kind int

const (
	File   Kind = iota + 1 // Path
	Inline                 // Text
	Pair                   // Src and Tgt
)

// Kind returns what d holds (the reader has checked that it is exactly one of them).
func (d Document) Kind() Kind {
	switch {
	case d.Src != "" || d.Tgt != "":
		return Pair
	case d.Path != "":
		return File
	}
	return Inline
}

// ManifestError is a bad manifest line.
type ManifestError struct {
	File   string
	Line   int
	Column int // 1-based byte column, 0 when unknown
	Msg    string
}

func (e *ManifestError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	if e.Column > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// maxLine bounds one manifest line: an inline article of a few megabytes is fine, a file that
// is not JSON Lines at all (a binary, one huge line) is refused instead of read into memory.
const maxLine = 64 << 20

// ManifestReader reads a manifest one document at a time. It holds one line, and a 16-byte
// digest of every id read (with the map, about 40 bytes a document: 40 MB for a million), so
// that an id given twice is an error at its second line, whatever the shard: two documents
// with one id would be paid for twice and make outputs that corpus merge refuses.
type ManifestReader struct {
	br    *bufio.Reader
	name  string
	dir   string
	shard Spec
	line  int
	docs  int // valid lines, in any shard
	buf   []byte

	ids       map[[16]byte]int32 // digest of each id read → its line
	allowDups bool
}

// AllowDuplicateIDs makes the reader return documents whose id was given before, for a caller
// that reports every id given twice itself (Checker.Expect).
func (m *ManifestReader) AllowDuplicateIDs() { m.allowDups = true }

// NewManifestReader reads a manifest from r; name is used in errors and, unless it is "-" or
// "", its folder is where relative paths start. Only the documents of shard s are returned
// (every line is still checked to be a valid manifest line).
func NewManifestReader(r io.Reader, name string, s Spec) *ManifestReader {
	m := &ManifestReader{br: bufio.NewReaderSize(r, 64<<10), name: name, shard: s}
	if name != "" && name != "-" {
		m.dir = filepath.Dir(name)
	}
	return m
}

// Next returns the next document of the shard, or io.EOF after the last. Relative paths come
// back joined to the manifest's folder. Errors are *ManifestError values.
func (m *ManifestReader) Next() (Document, error) {
	for {
		line, err := m.readLine()
		if err == io.EOF && m.docs == 0 {
			return Document{}, &ManifestError{File: m.name, Line: m.line, Msg: "empty manifest: no documents"}
		}
		if err != nil {
			return Document{}, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		d, err := m.parse(line)
		if err != nil {
			return Document{}, err
		}
		if !m.allowDups {
			if m.ids == nil {
				m.ids = map[[16]byte]int32{}
			}
			key := digest(d.ID)
			if first, dup := m.ids[key]; dup {
				return Document{}, m.errorf(0, "id %q given twice (first on line %d): every document needs its own id", d.ID, first)
			}
			m.ids[key] = int32(min(m.line, 1<<31-1))
		}
		m.docs++
		if !m.shard.Owns(d.ID) {
			continue
		}
		return d, nil
	}
}

// Lines is the number of lines read so far.
func (m *ManifestReader) Lines() int { return m.line }

func (m *ManifestReader) readLine() ([]byte, error) {
	m.buf = m.buf[:0]
	for {
		chunk, err := m.br.ReadSlice('\n')
		m.buf = append(m.buf, chunk...)
		if len(m.buf) > maxLine {
			m.line++
			return nil, m.errorf(0, "line longer than %d MB: not a manifest (JSON Lines, one document per line)", maxLine>>20)
		}
		switch {
		case err == nil:
			m.line++
			return bytes.TrimSuffix(bytes.TrimSuffix(m.buf, []byte("\n")), []byte("\r")), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(m.buf) > 0:
			m.line++
			return m.buf, nil
		default:
			return nil, err
		}
	}
}

func (m *ManifestReader) parse(line []byte) (Document, error) {
	if m.line == 1 {
		line = bytes.TrimPrefix(line, []byte("\uFEFF"))
	}
	if i := invalidUTF8(line); i >= 0 {
		return Document{}, m.errorf(i+1, "invalid UTF-8")
	}
	var d Document
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		col := 0
		var se *json.SyntaxError
		if errors.As(err, &se) {
			col = int(se.Offset)
		}
		return Document{}, m.errorf(col, "not a manifest line (want {\"id\": …, \"path\"|\"text\"|\"src\"+\"tgt\": …}): %v", err)
	}
	if dec.More() {
		return Document{}, m.errorf(int(dec.InputOffset())+1, "more than one JSON value on the line")
	}
	d.Line = m.line
	if strings.TrimSpace(d.ID) == "" {
		return Document{}, m.errorf(0, "document without an id")
	}
	if strings.ContainsAny(d.ID, "\x00\n\r") {
		return Document{}, m.errorf(0, "id %q holds a NUL or line break", d.ID)
	}
	n := 0
	for _, set := range []bool{d.Path != "", d.Text != "", d.Src != "" || d.Tgt != ""} {
		if set {
			n++
		}
	}
	switch {
	case n == 0:
		return Document{}, m.errorf(0, "document %q has neither path, text nor src and tgt", d.ID)
	case n > 1:
		return Document{}, m.errorf(0, "document %q has more than one of path, text and src/tgt: give one", d.ID)
	case (d.Src == "") != (d.Tgt == ""):
		return Document{}, m.errorf(0, "document %q: an aligned pair needs both src and tgt", d.ID)
	}
	d.Path, d.Src, d.Tgt = m.resolve(d.Path), m.resolve(d.Src), m.resolve(d.Tgt)
	return d, nil
}

func (m *ManifestReader) resolve(p string) string {
	if p == "" || filepath.IsAbs(p) || m.dir == "" {
		return p
	}
	return filepath.Join(m.dir, filepath.FromSlash(p))
}

func (m *ManifestReader) errorf(col int, format string, args ...any) *ManifestError {
	return &ManifestError{File: m.name, Line: m.line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// digest is a 128-bit digest of an id: sets of ids are kept as digests, so that a million
// documents cost 16 bytes each whatever their ids, and two ids never collide in practice.
func digest(id string) [16]byte {
	sum := sha256.Sum256([]byte(id))
	return [16]byte(sum[:16])
}

// invalidUTF8 returns the offset of the first invalid UTF-8 byte in b, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
