package qa

import (
	"cmp"
	"context"
	"io"
	"slices"
	"sort"

	"github.com/bitext/bitext/glossary"
)

// Segment is one source segment with its translation and what is wrong with it.
type Segment struct {
	Document   string      `json:"document,omitempty"`
	Index      int         `json:"segment"`  // 1-based position in the input
	Label      string      `json:"location"` // "file:N" or "doc ¶P.S"
	Source     string      `json:"source"`
	Target     string      `json:"target"`
	Violations []Violation `json:"violations"`
}

// Summary counts what a check saw; SuccessRate is the share of terms rendered as required.
type Summary struct {
	glossary.Summary
	SuccessRate float64 `json:"success_rate"`
}

// TermStat says, for one glossary entry, in how many segments its term was found, and how often
// the translation rendered it as required or violated it.
type TermStat struct {
	Term      string `json:"term"`
	Expected  string `json:"expected"`
	Found     int    `json:"found"`
	Satisfied int    `json:"satisfied"`
	Violated  int    `json:"violated"`
}

// TermCounter adds up per-term statistics from glossary reviews of segments.
type TermCounter struct {
	m map[string]*TermStat
}

// Add counts the terms of one reviewed segment.
func (c *TermCounter) Add(res glossary.Result) {
	if c.m == nil {
		c.m = map[string]*TermStat{}
	}
	for _, t := range res.Terms {
		st := c.stat(t.Match.Entry)
		st.Found++
		if res.Clean(t) {
			st.Satisfied++
		}
	}
}

// AddViolation counts one violation against its entry (consistency findings come only from a
// Checker, not from Review).
func (c *TermCounter) AddViolation(v Violation) {
	if c.m == nil {
		c.m = map[string]*TermStat{}
	}
	key := v.Entry
	if key == "" {
		key = v.Term
	}
	st, ok := c.m[key]
	if !ok {
		st = &TermStat{Term: key, Expected: v.Expected}
		c.m[key] = st
	}
	st.Violated++
}

func (c *TermCounter) stat(e *glossary.Entry) *TermStat {
	st, ok := c.m[e.Source]
	if !ok {
		st = &TermStat{Term: e.Source, Expected: e.Expected()}
		c.m[e.Source] = st
	}
	return st
}

// Stats returns the statistics, most violated first, then by term.
func (c *TermCounter) Stats() []TermStat {
	out := make([]TermStat, 0, len(c.m))
	for _, st := range c.m {
		out = append(out, *st)
	}
	slices.SortFunc(out, func(a, b TermStat) int {
		if a.Violated != b.Violated {
			return b.Violated - a.Violated
		}
		return cmp.Compare(a.Term, b.Term)
	})
	return out
}

// Report is the result of a glossary check: the segments with violations, in input order, and
// the counts. Terms is optional (the HTML page shows it when present).
type Report struct {
	Segments []Segment
	Summary  Summary
	Terms    []TermStat
}

// NewReport groups violations by segment (keyed by document and index), keeps the segments in
// input order and the violations of each in the order they were found.
func NewReport(segs []Segment, vs []Violation, s glossary.Summary) *Report {
	type key struct {
		doc string
		i   int
	}
	segs = slices.Clip(segs) // appending below must not write into the caller's array
	pos := map[key]int{}
	for i, sg := range segs {
		pos[key{sg.Document, sg.Index}] = i
	}
	byPos := map[int][]Violation{}
	for _, v := range vs {
		p, ok := pos[key{v.Document, v.Segment}]
		if !ok {
			// A violation of a segment not given is still reported, under its own location.
			p = len(segs)
			segs = append(segs, Segment{Document: v.Document, Index: v.Segment, Label: v.Label})
			pos[key{v.Document, v.Segment}] = p
		}
		byPos[p] = append(byPos[p], v)
	}
	r := &Report{Segments: []Segment{}, Summary: Summary{Summary: s, SuccessRate: s.SuccessRate()}}
	ps := make([]int, 0, len(byPos))
	for p := range byPos {
		ps = append(ps, p)
	}
	sort.Ints(ps)
	for _, p := range ps {
		sg := segs[p]
		sg.Violations = byPos[p]
		r.Segments = append(r.Segments, sg)
	}
	return r
}

// Violations returns every violation of the report, segment by segment.
func (r *Report) Violations() []Violation {
	var out []Violation
	for _, s := range r.Segments {
		out = append(out, s.Violations...)
	}
	return out
}

// WriteText writes one line per violation: location, kind, term as found, expected rendering,
// what was found instead, and the source segment.
func (r *Report) WriteText(w io.Writer) error { return r.write(w, FormatText) }

// jsonViolation is a violation with its segment's texts, the shape check --format json has
// always written.
type jsonViolation struct {
	Violation
	Source string `json:"source"`
	Target string `json:"target"`
}

// WriteJSON writes {"violations": [...], "summary": {...}} (and "terms" when known). Each
// violation carries its segment's source and target, and byte offsets into both.
func (r *Report) WriteJSON(w io.Writer) error { return r.write(w, FormatJSON) }

func (r *Report) write(w io.Writer, format string) error {
	if format == FormatHTML {
		return r.WriteHTML(w)
	}
	rw, err := NewReportWriter(context.Background(), w, format)
	if err != nil {
		return err
	}
	defer rw.Abort()
	for _, s := range r.Segments {
		if err := rw.WriteSegment(s); err != nil {
			return err
		}
	}
	return rw.Close(r.Summary, r.Terms)
}
