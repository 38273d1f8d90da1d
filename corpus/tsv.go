package corpus

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// TSV text is escaped so that every pair stays on one line with exactly one tab between source
// and target: backslash, tab, CR and LF become \\, \t, \r and \n, and the other characters that
// break lines for some readers (VT, FF, NEL, U+2028, U+2029, the C0 separators; see breaksLines)
// and NUL become \uXXXX, as does U+FEFF at the very start of the file. The reader undoes exactly
// these escapes and keeps any other backslash as written, so TSV from tools that do not escape
// reads correctly unless it happens to contain one of these sequences.

type tsvWriter struct {
	bw      *bufio.Writer
	started bool
	w       warner
}

func newTSVWriter(w io.Writer, warn func(Warning)) *tsvWriter {
	return &tsvWriter{bw: bufio.NewWriter(w), w: warner{format: TSV, warn: warn}}
}

func (w *tsvWriter) Write(p Pair) error {
	w.w.next(&p)
	first := !w.started
	w.started = true
	w.bw.WriteString(w.clean("source", p.Source, first))
	w.bw.WriteByte('\t')
	w.bw.WriteString(w.clean("target", p.Target, false))
	return w.bw.WriteByte('\n')
}

func (w *tsvWriter) clean(field, s string, first bool) string {
	s = w.w.fixUTF8(field, s)
	s, c := tsvEscape(s, first)
	w.w.report(field, c, "it breaks lines for some line-based tools", `written as \uXXXX, which bitext reads back`, true)
	return s
}

// tsvEscape escapes valid UTF-8 s for one TSV field; c reports the \u escapes (the others are
// the format's usual ones and not worth a warning).
func tsvEscape(s string, first bool) (string, change) {
	var c change
	if !strings.ContainsFunc(s, func(r rune) bool { return r == '\\' || r == '\t' || r == 0 || breaksLines(r) }) &&
		!(first && strings.HasPrefix(s, "\uFEFF")) {
		return s, c
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == 0 || breaksLines(r) || r == '\uFEFF' && i == 0 && first:
			c.add(i, r)
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), c
}

// tsvUnescape undoes tsvEscape: \\ \t \r \n and \u followed by four hex digits (a character that
// is not a surrogate); any other backslash stays as written.
func tsvUnescape(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch s[i+1] {
		case '\\':
			b.WriteByte('\\')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'n':
			b.WriteByte('\n')
		case 'u':
			if i+6 <= len(s) {
				if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil && !(v >= 0xD800 && v <= 0xDFFF) && isHex4(s[i+2:i+6]) {
					b.WriteRune(rune(v))
					i += 5
					continue
				}
			}
			b.WriteByte(c)
			continue
		default:
			b.WriteByte(c)
			continue
		}
		i++
	}
	return b.String()
}

// isHex4 rejects what ParseUint would accept but is not four hex digits ("+0ab", "_123").
func isHex4(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func (w *tsvWriter) Close() error { return w.bw.Flush() }

type tsvReader struct {
	lr    *lineReader
	blank []Pair // pairs of white space only, held until the file shows it is not empty
	// langs are the language pair (default de, en), whose names make a first line a header.
	langs  [2]string
	header bool // the first line with a tab was read
}

func newTSVReader(r io.Reader, name, srcLang, tgtLang string) *tsvReader {
	return &tsvReader{lr: newTextLineReader(r, name), langs: [2]string{cmp.Or(srcLang, "de"), cmp.Or(tgtLang, "en")}}
}

// isHeader says whether the cells of a file's first line name its columns rather than make a
// pair: "de<TAB>en" (the pair's languages, any region), "source<TAB>target", as spreadsheet
// exports and glossary TSVs start. A pair "Ja<TAB>Yes" is no header.
func (r *tsvReader) isHeader(src, tgt string) bool {
	names := func(cell, lang string, words ...string) bool {
		cell = strings.ToLower(strings.TrimSpace(cell))
		base, _, _ := strings.Cut(strings.ReplaceAll(cell, "_", "-"), "-")
		return base == strings.ToLower(lang) || slices.Contains(words, cell)
	}
	return names(src, r.langs[0], "source", "src") && names(tgt, r.langs[1], "target", "tgt")
}

// Name is the file name the reader was given, for messages about its pairs.
func (r *tsvReader) Name() string { return r.lr.name }

// Next reads source<TAB>target; further columns are ignored, and empty lines (or lines of white
// space without a tab) skipped. A file of nothing but white space is ErrEmpty, so pairs of white
// space at its start are held back until a line with text shows that it is not.
func (r *tsvReader) Next() (Pair, error) {
	if len(r.blank) > 0 {
		p := r.blank[0]
		r.blank = r.blank[1:]
		return p, nil
	}
	for {
		line, err := r.lr.next()
		if err == io.EOF && r.lr.empty() {
			r.blank = nil
			return Pair{}, emptyError(r.lr.name)
		}
		if err != nil {
			return Pair{}, err
		}
		src, rest, ok := strings.Cut(line, "\t")
		if !ok {
			if strings.TrimSpace(line) == "" {
				continue
			}
			return Pair{}, r.lr.errorf(0, fmt.Sprintf("no tab: want source<TAB>target, got %q", clip(line, 40)))
		}
		tgt, _, _ := strings.Cut(rest, "\t")
		if !r.header {
			r.header = true
			if r.isHeader(src, tgt) {
				continue
			}
		}
		p := Pair{Source: tsvUnescape(src), Target: tsvUnescape(tgt), Line: r.lr.line}
		if r.lr.empty() || len(r.blank) > 0 {
			r.blank = append(r.blank, p)
			if r.lr.empty() {
				continue
			}
			p, r.blank = r.blank[0], r.blank[1:]
		}
		return p, nil
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
