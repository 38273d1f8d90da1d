package align

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/bitext/bitext/internal/textcheck"
)

// lineScanner is a bufio.Scanner of lines whose error names the file, and for a line longer
// than its limit, the line: "x.tsv:2: line longer than 1 MiB" rather than bufio's "token too
// long" with no place.
type lineScanner struct {
	*bufio.Scanner
	name string
	line int // lines scanned so far
	max  int
}

// newLineScanner scans r's lines; UTF-16 (a byte-order mark, or the NUL pattern of Latin text:
// textcheck.UTF16Decoder) is decoded to UTF-8 first, as every reader of the project does, so a
// presplit side, an MT, a gold or a list saved as UTF-16 reads as it does in segment and
// translate (it was refused as invalid UTF-8 at byte 1).
func newLineScanner(r io.Reader, name string, max int) *lineScanner {
	r, _ = textcheck.UTF16Reader(r)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, min(64*1024, max)), max)
	return &lineScanner{Scanner: sc, name: name, max: max}
}

func (s *lineScanner) Scan() bool {
	ok := s.Scanner.Scan()
	if ok {
		s.line++
	}
	return ok
}

// Err is the scanner's error with its place: a *SyntaxError for an over-long line.
func (s *lineScanner) Err() error {
	err := s.Scanner.Err()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, bufio.ErrTooLong):
		return &SyntaxError{s.name, s.line + 1, fmt.Sprintf("line longer than %d MiB", s.max>>20)}
	default:
		return fmt.Errorf("%s: %w", s.name, err)
	}
}
