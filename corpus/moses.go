package corpus

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// mosesWriter writes the source side to one file and the target side to another, one segment
// per line. What would break the line structure is replaced (mosesLine) and reported.
type mosesWriter struct {
	src, tgt *bufio.Writer
	started  bool
	w        warner
}

func newMosesWriter(src, tgt io.Writer, warn func(Warning)) *mosesWriter {
	return &mosesWriter{src: bufio.NewWriter(src), tgt: bufio.NewWriter(tgt), w: warner{format: Moses, warn: warn}}
}

func (w *mosesWriter) Write(p Pair) error {
	w.w.next(&p)
	first := !w.started
	w.started = true
	w.src.WriteString(w.clean("source", p.Source, first))
	if err := w.src.WriteByte('\n'); err != nil {
		return err
	}
	w.tgt.WriteString(w.clean("target", p.Target, first))
	return w.tgt.WriteByte('\n')
}

func (w *mosesWriter) clean(field, s string, first bool) string {
	s = w.w.fixUTF8(field, s)
	s, spaced, removed := mosesLine(s, first)
	w.w.report(field, spaced, "a Moses line cannot hold a tab or line break", "replaced by a space (CR LF by one)", false)
	w.w.report(field, removed, "Moses readers take it for binary data or a byte-order mark", "removed", false)
	return s
}

// mosesLine makes valid UTF-8 s fit on one Moses line: CR LF, TAB and every character that
// breaks lines (breaksLines) become one space; NUL, and U+FEFF at the start of the first line
// (readers drop it as a byte-order mark), are removed: every U+FEFF there, since the one after a
// removed mark would open the file in its place.
func mosesLine(s string, first bool) (string, change, change) {
	var spaced, removed change
	if !strings.ContainsFunc(s, func(r rune) bool { return r == '\t' || r == 0 || breaksLines(r) }) &&
		!(first && strings.HasPrefix(s, "\uFEFF")) {
		return s, spaced, removed
	}
	var b strings.Builder
	b.Grow(len(s))
	lead := first // nothing written yet on the first line
	for i, r := range s {
		switch {
		case r == '\n' && i > 0 && s[i-1] == '\r':
			// CR LF: the CR already became the space.
		case r == '\t' || breaksLines(r):
			spaced.add(i, r)
			b.WriteByte(' ')
		case r == 0 || r == '\uFEFF' && lead:
			removed.add(i, r)
		default:
			b.WriteRune(r)
		}
		lead = lead && b.Len() == 0
	}
	return b.String(), spaced, removed
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
	blank    []Pair // pairs of white space only, held until the files show they are not empty
}

func newMosesReader(src io.Reader, srcName string, tgt io.Reader, tgtName string) *mosesReader {
	if tgtName == "" {
		tgtName = srcName + " (target)"
	}
	return &mosesReader{src: newTextLineReader(src, srcName), tgt: newTextLineReader(tgt, tgtName)}
}

// Name is the source file's name: a pair's Line is the same in both files.
func (r *mosesReader) Name() string { return r.src.name }

func (r *mosesReader) empty() bool { return r.src.empty() && r.tgt.empty() }

// Next returns the next pair of lines. Two files of nothing but white space are ErrEmpty, so
// pairs of blank lines at their start are held back until a line with text shows they are not.
func (r *mosesReader) Next() (Pair, error) {
	if len(r.blank) > 0 && !r.empty() {
		p := r.blank[0]
		r.blank = r.blank[1:]
		return p, nil
	}
	for {
		p, err := r.next()
		if err == io.EOF && r.empty() {
			r.blank = nil
			e := emptyError(r.src.name)
			e.Msg = fmt.Sprintf("empty corpus: neither it nor %s has anything but white space", r.tgt.name)
			return Pair{}, e
		}
		if err != nil {
			return Pair{}, err
		}
		if r.empty() || len(r.blank) > 0 {
			r.blank = append(r.blank, p)
			if r.empty() {
				continue
			}
			p, r.blank = r.blank[0], r.blank[1:]
		}
		return p, nil
	}
}

func (r *mosesReader) next() (Pair, error) {
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
	return Pair{Source: s, Target: t, Line: r.src.line}, nil
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
