package align

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// shifted returns b with di added to its source ids and dj to its target ids (new slices; an
// empty side stays nil): a bead of one document placed in a concatenation of several, or of a
// part placed back at the part's start.
func (b Bead) shifted(di, dj int) Bead {
	shift := func(ids []int, d int) []int {
		if len(ids) == 0 {
			return nil
		}
		out := make([]int, len(ids))
		for k, x := range ids {
			out[k] = x + d
		}
		return out
	}
	return Bead{Src: shift(b.Src, di), Tgt: shift(b.Tgt, dj), Confidence: b.Confidence}
}

// FormatBead renders b as "[i, j]:[k]:0.93" (0-based, an empty side is "[]"), the format of the
// Text+Berg gold files with the confidence appended.
func FormatBead(b Bead) string {
	return fmt.Sprintf("%s:%s:%.2f", formatIDs(b.Src), formatIDs(b.Tgt), Shown(b.Confidence))
}

func formatIDs(ids []int) string {
	var sb strings.Builder
	sb.WriteByte('[')
	for k, id := range ids {
		if k > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(strconv.Itoa(id))
	}
	sb.WriteByte(']')
	return sb.String()
}

// WriteBeads writes one bead per line.
func WriteBeads(w io.Writer, beads []Bead) error {
	bw := bufio.NewWriter(w)
	for _, b := range beads {
		bw.WriteString(FormatBead(b))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// SyntaxError is a malformed line in a beads or gold file.
type SyntaxError struct {
	File string
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// rangeError is a *SyntaxError that is ErrOutOfRange too.
type rangeError struct{ *SyntaxError }

func (e rangeError) Unwrap() []error { return []error{e.SyntaxError, ErrOutOfRange} }

// ErrOutOfRange is wrapped by ReadGold's error for a bead that names a sentence beyond the
// documents: most often gold numbered for documents split differently (one sentence per line,
// given without --presplit).
var ErrOutOfRange = errors.New("sentence number out of range")

// ReadBeads parses beads, one per line: "[i, j]:[k]" with an optional ":confidence" (a number in
// [0,1]; 1 when absent). Blank lines and lines starting with # are skipped. Indices need not be
// contiguous or sorted (gold files have a few crossing beads). Errors are *SyntaxError.
func ReadBeads(r io.Reader, name string) ([]Bead, error) {
	beads, _, err := readBeads(r, name)
	return beads, err
}

// readBeads is ReadBeads that also returns the line of each bead.
func readBeads(r io.Reader, name string) (beads []Bead, lines []int, err error) {
	sc := newLineScanner(r, name, 16*1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, nil, &SyntaxError{name, line, "invalid UTF-8"}
		}
		b, err := ParseBead(text)
		if err != nil {
			return nil, nil, &SyntaxError{name, line, err.Error()}
		}
		beads = append(beads, b)
		lines = append(lines, line)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	return beads, lines, nil
}

// ParseBead parses one bead line; see ReadBeads.
func ParseBead(s string) (Bead, error) {
	var b Bead
	rest := strings.TrimSpace(s)
	var err error
	if b.Src, rest, err = parseIDs(rest); err != nil {
		return b, fmt.Errorf("source side: %v", err)
	}
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, ":") {
		return b, fmt.Errorf("expected ':' after the source side, found %q", head(rest))
	}
	if b.Tgt, rest, err = parseIDs(strings.TrimSpace(rest[1:])); err != nil {
		return b, fmt.Errorf("target side: %v", err)
	}
	if len(b.Src) == 0 && len(b.Tgt) == 0 {
		return b, fmt.Errorf("both sides are empty")
	}
	b.Confidence = 1
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return b, nil
	}
	if !strings.HasPrefix(rest, ":") {
		return b, fmt.Errorf("expected ':confidence' or end of line, found %q", head(rest))
	}
	c, err := strconv.ParseFloat(strings.TrimSpace(rest[1:]), 64)
	if err != nil || !(c >= 0 && c <= 1) {
		return b, fmt.Errorf("confidence %q is not a number in [0,1]", head(strings.TrimSpace(rest[1:])))
	}
	b.Confidence = c
	return b, nil
}

func head(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}

// parseIDs parses "[1, 2]" at the start of s and returns the rest.
func parseIDs(s string) ([]int, string, error) {
	if !strings.HasPrefix(s, "[") {
		return nil, s, fmt.Errorf("expected '[', found %q", head(s))
	}
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return nil, s, fmt.Errorf("missing ']'")
	}
	inner := strings.TrimSpace(s[1:end])
	rest := s[end+1:]
	if inner == "" {
		return nil, rest, nil
	}
	var ids []int
	for _, f := range strings.Split(inner, ",") {
		f = strings.TrimSpace(f)
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return nil, s, fmt.Errorf("%q is not a sentence number", head(f))
		}
		ids = append(ids, n)
	}
	return ids, rest, nil
}

// ReadGold reads gold beads from r (named name in errors, as ReadBeads does) and checks that
// they fit documents of n source and m target sentences: every sentence number is in range and
// in one bead at most, and there is at least one bead. A gold file that breaks this would score
// every alignment wrongly, so it is an error naming its line (*SyntaxError), not a low score.
func ReadGold(r io.Reader, name string, n, m int) ([]Bead, error) {
	gold, lines, err := readBeads(r, name)
	if err != nil {
		return nil, err
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("%s: no beads (want lines like [0]:[0] or [1, 2]:[1])", name)
	}
	srcLine, tgtLine := map[int]int{}, map[int]int{}
	check := func(side string, ids []int, count int, seen map[int]int, line int) error {
		for _, x := range ids {
			if x >= count {
				return rangeError{&SyntaxError{name, line, fmt.Sprintf("%s sentence %d, but the %s has %s (numbered from 0)", side, x, side, sentences(count))}}
			}
			if prev, ok := seen[x]; ok {
				return &SyntaxError{name, line, fmt.Sprintf("%s sentence %d is in the bead on line %d too", side, x, prev)}
			}
			seen[x] = line
		}
		return nil
	}
	for k, b := range gold {
		if err := check("source", b.Src, n, srcLine, lines[k]); err != nil {
			return nil, err
		}
		if err := check("target", b.Tgt, m, tgtLine, lines[k]); err != nil {
			return nil, err
		}
	}
	return gold, nil
}

// sentences is "1 sentence", "468 sentences".
func sentences(n int) string {
	if n == 1 {
		return "1 sentence"
	}
	return fmt.Sprintf("%d sentences", n)
}

// CheckRange reports the first bead that names a sentence outside n source and m target
// sentences.
func CheckRange(beads []Bead, n, m int) error {
	for k, b := range beads {
		for _, x := range b.Src {
			if x >= n {
				return fmt.Errorf("bead %d (%s): source sentence %d, but the source has %s (numbered from 0)", k+1, FormatBead(b), x, sentences(n))
			}
		}
		for _, y := range b.Tgt {
			if y >= m {
				return fmt.Errorf("bead %d (%s): target sentence %d, but the target has %s (numbered from 0)", k+1, FormatBead(b), y, sentences(m))
			}
		}
	}
	return nil
}

// Shown is a confidence as the two-decimal outputs write it: rounded down, so that a bead shown
// as 0.99 passes --min-confidence 0.99 and one that does not pass it never shows 0.99 (rounded
// to nearest, 0.985–0.989 showed 0.99 and were then dropped by the filter the reader set from
// what was shown).
func Shown(c float64) float64 { return math.Floor(c*100+1e-9) / 100 } // 0.29*100 is 28.999…
