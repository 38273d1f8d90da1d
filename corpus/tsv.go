package corpus

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// TSV text is escaped so that every pair stays on one line with exactly one tab between source
// and target: backslash, tab, CR and LF become \\, \t, \r and \n. The reader undoes exactly these
// four and keeps any other backslash as written, so TSV from tools that do not escape reads
// correctly unless it happens to contain one of the four sequences.
var (
	tsvEscaper   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\r", `\r`, "\n", `\n`)
	tsvUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\r`, "\r", `\n`, "\n")
)

type tsvWriter struct {
	bw      *bufio.Writer
	started bool
}

func newTSVWriter(w io.Writer) *tsvWriter { return &tsvWriter{bw: bufio.NewWriter(w)} }

func (w *tsvWriter) Write(p Pair) error {
	if err := checkText(TSV, p); err != nil {
		return err
	}
	if !w.started {
		if err := checkFirstLine(TSV, p.Source); err != nil {
			return err
		}
		w.started = true
	}
	tsvEscaper.WriteString(w.bw, p.Source)
	w.bw.WriteByte('\t')
	tsvEscaper.WriteString(w.bw, p.Target)
	return w.bw.WriteByte('\n')
}

func (w *tsvWriter) Close() error { return w.bw.Flush() }

type tsvReader struct{ lr *lineReader }

func newTSVReader(r io.Reader, name string) *tsvReader {
	return &tsvReader{lr: newLineReader(r, name)}
}

// Next reads source<TAB>target; further columns are ignored and empty lines skipped.
func (r *tsvReader) Next() (Pair, error) {
	for {
		line, err := r.lr.next()
		if err != nil {
			return Pair{}, err
		}
		if line == "" {
			continue
		}
		src, rest, ok := strings.Cut(line, "\t")
		if !ok {
			return Pair{}, r.lr.errorf(0, fmt.Sprintf("no tab: want source<TAB>target, got %q", clip(line, 40)))
		}
		tgt, _, _ := strings.Cut(rest, "\t")
		return Pair{Source: tsvUnescaper.Replace(src), Target: tsvUnescaper.Replace(tgt)}, nil
	}
}

// clip shortens s to about n bytes for error messages, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
