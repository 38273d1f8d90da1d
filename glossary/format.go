package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
)

// Format is a glossary file format.
type Format string

const (
	TSV  Format = "tsv"  // de<TAB>en with optional header and columns
	CSV  Format = "csv"  // Google's unidirectional or equivalent-term-set CSV
	TBX  Format = "tbx"  // TBX-Basic; reads v2 (martif) and v3 (tbx); writes v3
	TBX2 Format = "tbx2" // writes TBX-Basic v2 (martif/termEntry/langSet/tig)
)

// FormatFromName picks the format from a file name: .csv is CSV, .tbx and .xml are TBX,
// everything else (.tsv, .txt, no extension) is TSV.
func FormatFromName(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV
	case ".tbx", ".xml":
		return TBX
	}
	return TSV
}

// ParseFormat reads a format name as given on a command line.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case TSV, CSV, TBX, TBX2:
		return f, nil
	case "txt":
		return TSV, nil
	case "tbx3":
		return TBX, nil
	}
	return "", fmt.Errorf("unknown glossary format %q (want tsv, csv, tbx or tbx2)", s)
}

// Error is a problem in a glossary file, at a line when one is known.
type Error struct {
	File string
	Line int // 1-based; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	name := e.File
	if name == "" {
		name = "glossary"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", name, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", name, e.Msg)
}

func errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Load reads and merges glossary files, each in the format its name says. Entries keep their
// order; when two files define the same source term, the later definition wins in matching
// (Lint reports it).
func Load(paths ...string) (*Glossary, error) {
	var all []*Entry
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		g, err := parse(f, p, FormatFromName(p))
		f.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, g...)
	}
	return New(all), nil
}

// Parse reads one glossary in format f; name is used in error messages and Entry.File.
func Parse(r io.Reader, name string, f Format) (*Glossary, error) {
	es, err := parse(r, name, f)
	if err != nil {
		return nil, err
	}
	return New(es), nil
}

// maxFileSize bounds what a glossary may be; larger inputs are almost certainly the wrong file.
const maxFileSize = 256 << 20

func parse(r io.Reader, name string, f Format) ([]*Entry, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	if len(data) > maxFileSize {
		return nil, errorf(name, 0, "larger than %d MiB", maxFileSize>>20)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, errorf(name, textcheck.Line(data, bytes.IndexByte(data, 0)), "binary data (NUL byte)")
	}
	if !utf8.Valid(data) {
		off := textcheck.InvalidUTF8(data)
		return nil, errorf(name, textcheck.Line(data, off), "invalid UTF-8 at byte %d", off)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var es []*Entry
	switch f {
	case TSV, "":
		es, err = parseTSV(data, name)
	case CSV:
		es, err = parseCSV(data, name)
	case TBX, TBX2:
		es, err = parseTBX(data, name)
	default:
		return nil, errorf(name, 0, "unknown glossary format %q", f)
	}
	if err != nil {
		var ge *Error
		if !errors.As(err, &ge) {
			err = &Error{File: name, Msg: err.Error()}
		}
		return nil, err
	}
	if len(es) == 0 {
		return nil, errorf(name, 0, "no glossary entries")
	}
	return es, nil
}
