package qa

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// spill keeps segment texts in a temporary file (unlinked while open where the system allows
// it), so that what a check must be able to show again at the end of a document costs disk,
// not memory.
type spill struct {
	f     *os.File
	rm    string // the file's name, when it could not be removed while open
	w     *bufio.Writer
	off   int64
	dirty bool
}

// spillRef says where put wrote a segment's label, source and target.
type spillRef struct {
	off                int64
	label, source, tgt int
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "bitext-check-*.txt")
	if err != nil {
		return nil, fmt.Errorf("keeping segment texts: %w", err)
	}
	s := &spill{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	if os.Remove(f.Name()) != nil {
		s.rm = f.Name()
	}
	return s, nil
}

func (s *spill) put(label, source, target string) (spillRef, error) {
	r := spillRef{off: s.off, label: len(label), source: len(source), tgt: len(target)}
	for _, t := range []string{label, source, target} {
		if _, err := s.w.WriteString(t); err != nil {
			return r, fmt.Errorf("keeping segment texts: %w", err)
		}
	}
	s.off += int64(len(label) + len(source) + len(target))
	s.dirty = true
	return r, nil
}

func (s *spill) get(r spillRef) (label, source, target string, err error) {
	if s.dirty {
		if err := s.w.Flush(); err != nil {
			return "", "", "", fmt.Errorf("keeping segment texts: %w", err)
		}
		s.dirty = false
	}
	b := make([]byte, r.label+r.source+r.tgt)
	if _, err := s.f.ReadAt(b, r.off); err != nil && err != io.EOF {
		return "", "", "", fmt.Errorf("reading kept segment texts: %w", err)
	}
	t := string(b)
	return t[:r.label], t[r.label : r.label+r.source], t[r.label+r.source:], nil
}

// reset forgets every text put so far.
func (s *spill) reset() error {
	s.w.Reset(s.f)
	s.off, s.dirty = 0, false
	if err := s.f.Truncate(0); err != nil {
		return fmt.Errorf("keeping segment texts: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("keeping segment texts: %w", err)
	}
	return nil
}

func (s *spill) close() {
	s.f.Close()
	if s.rm != "" {
		os.Remove(s.rm)
	}
}
