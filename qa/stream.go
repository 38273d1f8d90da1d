package qa

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/ctxio"
)

// ReportWriter writes a check report as its segments come, in the formats of Report's WriteText,
// WriteJSON and WriteHTML and byte for byte the same, holding one segment at a time: text and
// JSON go straight to the writer; HTML's segment blocks go to a temporary file, copied after the
// page's head when Close knows the counts the head shows.
type ReportWriter struct {
	ctx    context.Context
	w      io.Writer
	format string
	n      int // segments written
	nv     int // violations written
	html   htmlCounts
	body   io.Writer // HTML: the segment blocks
	tmp    *os.File  // body, when it is a temporary file
	tmpRm  string    // the temporary file's name, when it could not be removed while open
	json   bytes.Buffer
}

// Report formats a ReportWriter writes.
const (
	FormatText = "text"
	FormatJSON = "json"
	FormatHTML = "html"
)

// NewReportWriter starts a report in format (FormatText, FormatJSON or FormatHTML) on w. ctx
// interrupts the writing. Close or Abort it.
func NewReportWriter(ctx context.Context, w io.Writer, format string) (*ReportWriter, error) {
	rw := &ReportWriter{ctx: ctx, w: w, format: format}
	switch format {
	case FormatText, FormatJSON:
	case FormatHTML:
		f, err := os.CreateTemp("", "bitext-check-*.html")
		if err != nil {
			return nil, fmt.Errorf("writing the report: %w", err)
		}
		// Unlinked while open where the system allows it, so that nothing is left behind.
		if os.Remove(f.Name()) != nil {
			rw.tmpRm = f.Name()
		}
		rw.tmp, rw.body = f, f
	default:
		return nil, fmt.Errorf("unknown report format %q", format)
	}
	return rw, nil
}

// WriteSegment writes a segment with its violations; segments come in report order (input
// order) and each once, with all its violations. A segment without violations is not written.
func (rw *ReportWriter) WriteSegment(s Segment) error {
	if err := rw.ctx.Err(); err != nil {
		return err
	}
	if len(s.Violations) == 0 {
		return nil
	}
	defer func() { rw.n++; rw.nv += len(s.Violations) }()
	switch rw.format {
	case FormatHTML:
		return writeHTMLSegment(rw.body, s, rw.n, &rw.html)
	case FormatJSON:
		return rw.writeJSONSegment(s)
	}
	return writeTextSegment(rw.w, s)
}

// Close writes the end of the report: the summary, and terms (the per-term statistics, when
// known; JSON and HTML show them).
func (rw *ReportWriter) Close(s Summary, terms []TermStat) error {
	defer rw.Abort()
	if err := rw.ctx.Err(); err != nil {
		return err
	}
	switch rw.format {
	case FormatHTML:
		if err := writeHTMLHead(rw.w, s, terms, rw.n, &rw.html); err != nil {
			return err
		}
		if _, err := rw.tmp.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("writing the report: %w", err)
		}
		if _, err := io.Copy(rw.w, ctxio.NewReader(rw.ctx, rw.tmp)); err != nil {
			return err
		}
		return writeHTMLTail(rw.w, rw.n)
	case FormatJSON:
		return rw.closeJSON(s, terms)
	}
	return nil
}

// Abort discards what Close has not written (HTML's temporary file). It may follow Close.
func (rw *ReportWriter) Abort() {
	if rw.tmp != nil {
		rw.tmp.Close()
		if rw.tmpRm != "" {
			os.Remove(rw.tmpRm)
		}
		rw.tmp, rw.body = nil, nil
	}
}

// writeTextSegment writes one line per violation: location, kind, term as found, expected
// rendering, what was found instead, and the source segment, each field as Visible shows it.
func writeTextSegment(w io.Writer, s Segment) error {
	label := Visible(s.Label)
	for _, v := range s.Violations {
		if _, err := fmt.Fprintf(w, "%s: %s: %s\n", label, v.String(), Visible(excerpt(s.Source, v))); err != nil {
			return err
		}
	}
	return nil
}

// maxShownSegment is the longest segment a text finding shows whole; of a longer one it shows
// shownAround bytes on each side of the term (the JSON and HTML reports keep it whole). A
// finding is a line to read: a 30 MB "sentence" (a text without punctuation, a table dumped
// into one line) was printed whole for each of its findings.
const (
	maxShownSegment = 2000
	shownAround     = 300
)

// excerpt is source as a finding of v shows it: whole, or the part around v's place in it
// (its start when v has none) with "…" where it is cut, cut at character boundaries.
func excerpt(source string, v Violation) string {
	if len(source) <= maxShownSegment {
		return source
	}
	start, end := 0, 2*shownAround
	if v.SourceStart != NoSpan && v.SourceEnd != NoSpan && v.SourceEnd <= len(source) {
		start, end = max(v.SourceStart-shownAround, 0), min(v.SourceEnd+shownAround, len(source))
	}
	for start > 0 && !utf8.RuneStart(source[start]) {
		start--
	}
	for end < len(source) && !utf8.RuneStart(source[end]) {
		end++
	}
	out := source[start:end]
	if start > 0 {
		out = "…" + out
	}
	if end < len(source) {
		out += "…"
	}
	return out
}

// The JSON report is {"violations": [...], "summary": {...}, "terms": [...]} indented by two
// spaces, as one json.Encoder would write it; its parts are encoded one by one at their depth.

func (rw *ReportWriter) writeJSONSegment(s Segment) error {
	for i, v := range s.Violations {
		sep := ",\n    "
		if rw.nv+i == 0 {
			sep = "{\n  \"violations\": [\n    "
		}
		if err := rw.writeJSONValue(sep, "    ", jsonViolation{v, s.Source, s.Target}); err != nil {
			return err
		}
	}
	return nil
}

func (rw *ReportWriter) closeJSON(s Summary, terms []TermStat) error {
	start := "\n  ],\n  \"summary\": "
	if rw.nv == 0 {
		start = "{\n  \"violations\": [],\n  \"summary\": "
	}
	if err := rw.writeJSONValue(start, "  ", s); err != nil {
		return err
	}
	if len(terms) > 0 {
		if err := rw.writeJSONValue(",\n  \"terms\": ", "  ", terms); err != nil {
			return err
		}
	}
	_, err := io.WriteString(rw.w, "\n}\n")
	return err
}

// writeJSONValue writes before, then v indented as a value at prefix's depth.
func (rw *ReportWriter) writeJSONValue(before, prefix string, v any) error {
	rw.json.Reset()
	rw.json.WriteString(before)
	enc := json.NewEncoder(&rw.json)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	rw.json.Truncate(rw.json.Len() - 1) // Encode's newline
	_, err := rw.w.Write(rw.json.Bytes())
	return err
}
