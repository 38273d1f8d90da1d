package align

import (
	"bufio"
	"errors"
	"fmt"
	"io"
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

func newLineScanner(r io.Reader, name string, max int) *lineScanner {
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
