package corpus

import (
	"bufio"
	"fmt"
	"io"
)

// mosesWriter writes the source side to one file and the target side to another, one segment
// per line. Line breaks inside a segment become spaces: the format has no way to carry them.
type mosesWriter struct {
	src, tgt *bufio.Writer
	started  bool
}

func newMosesWriter(src, tgt io.Writer) *mosesWriter {
	return &mosesWriter{src: bufio.NewWriter(src), tgt: bufio.NewWriter(tgt)}
}

func (w *mosesWriter) Write(p Pair) error {
	if err := checkText(Moses, p); err != nil {
		return err
	}
	if !w.started {
		if err := checkFirstLine(Moses, p.Source); err != nil {
			return err
		}
		if err := checkFirstLine(Moses, p.Target); err != nil {
			return err
		}
		w.started = true
	}
	lineBreaks.WriteString(w.src, p.Source)
	if err := w.src.WriteByte('\n'); err != nil {
		return err
	}
	lineBreaks.WriteString(w.tgt, p.Target)
	return w.tgt.WriteByte('\n')
}

func (w *mosesWriter) Close() error {
	if err := w.src.Flush(); err != nil {
		return err
	}
	return w.tgt.Flush()
}

// mosesReader reads two line-aligned files in lockstep.
type mosesReader struct {
	src, tgt *lineReader
}

func newMosesReader(src io.Reader, srcName string, tgt io.Reader, tgtName string) *mosesReader {
	if tgtName == "" {
		tgtName = srcName + " (target)"
	}
	return &mosesReader{src: newLineReader(src, srcName), tgt: newLineReader(tgt, tgtName)}
}

func (r *mosesReader) Next() (Pair, error) {
	s, serr := r.src.next()
	if serr != nil && serr != io.EOF {
		return Pair{}, serr
	}
	t, terr := r.tgt.next()
	if terr != nil && terr != io.EOF {
		return Pair{}, terr
	}
	switch {
	case serr == io.EOF && terr == io.EOF:
		return Pair{}, io.EOF
	case serr == io.EOF:
		return Pair{}, r.mismatch(r.tgt)
	case terr == io.EOF:
		return Pair{}, r.mismatch(r.src)
	}
	return Pair{Source: s, Target: t}, nil
}

// mismatch counts the remaining lines of the longer file to report both totals.
func (r *mosesReader) mismatch(longer *lineReader) error {
	for {
		if _, err := longer.next(); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
	}
	return &InputError{File: r.src.name, Msg: fmt.Sprintf("has %d lines but %s has %d: Moses files must be line-aligned",
		r.src.line, r.tgt.name, r.tgt.line)}
}
