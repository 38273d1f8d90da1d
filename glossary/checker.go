package glossary

import "strings"

// Segment is one source segment with its translation, as a Checker sees it.
type Segment struct {
	Index  int    // 1-based position in the input, reported with findings
	Doc    string // document the segment belongs to; consistency is checked per document
	Source string
	Target string
	// Label says where the segment is for people ("file:N", "doc ¶P.S"); the Checker only
	// carries it to the segment's findings.
	Label string
}

// Finding is a violation in a segment.
type Finding struct {
	Segment
	Violation
}

// Summary counts what a Checker saw. A term is one glossary entry found in one segment.
type Summary struct {
	Segments       int            `json:"segments"`
	TermsFound     int            `json:"terms_found"`
	TermsSatisfied int            `json:"terms_satisfied"`
	Violations     int            `json:"violations"`
	ByKind         map[string]int `json:"by_kind"`
}

// SuccessRate is the share of terms found in the source that the translation rendered as
// required (1 when no term was found).
func (s Summary) SuccessRate() float64 {
	if s.TermsFound == 0 {
		return 1
	}
	return float64(s.TermsSatisfied) / float64(s.TermsFound)
}

// CheckOptions configure a Checker.
type CheckOptions struct {
	// Consistency also reports glossary terms rendered differently within one document (each
	// rendering accepted on its own).
	Consistency bool
	// FreeTerms extends Consistency to repeated words that are not in the glossary, guessed from
	// the translations: useful to find candidate terms, noisy as findings, so it is opt-in.
	FreeTerms bool
	// SkipTexts is for callers that keep the texts of a document's segments themselves (on disk,
	// say): the Checker then keeps none, and its consistency findings carry only the Index and
	// Doc of their segment.
	SkipTexts bool
}

// Checker checks a stream of segments, document by document. It keeps what consistency needs
// (the renderings each term got in the current document, and the segments that a consistency
// finding can point at: those with a satisfied term, all of them with FreeTerms), never the
// whole input.
type Checker struct {
	g    *Glossary
	opt  CheckOptions
	doc  string
	cons *Consistency
	// segments of the current document a consistency finding can point at
	segs    map[int]Segment
	summary Summary
}

// NewChecker returns a Checker for g.
func NewChecker(g *Glossary, opt CheckOptions) *Checker {
	return &Checker{g: g, opt: opt, summary: Summary{ByKind: map[string]int{}}}
}

// Add checks one segment and returns its missing and forbidden findings. When the segment
// starts a new document, the consistency findings of the previous one come first.
func (c *Checker) Add(s Segment) []Finding {
	prev, own, _ := c.Check(s)
	return append(prev, own...)
}

// Check is Add with its findings apart: prev are the consistency findings of the document s
// ends (when s starts a new one; in segment order), own the missing and forbidden findings of s,
// and res its Review, for callers that count terms.
func (c *Checker) Check(s Segment) (prev, own []Finding, res Result) {
	if c.opt.Consistency && (c.cons == nil || s.Doc != c.doc) {
		prev = c.flush()
		c.doc = s.Doc
		c.cons = NewConsistency(c.g, c.opt.FreeTerms)
		c.segs = map[int]Segment{}
	}
	res = c.g.Review(s.Source, s.Target)
	c.summary.Segments++
	c.summary.TermsFound += len(res.Terms)
	satisfied := false
	for _, t := range res.Terms {
		if res.Clean(t) {
			c.summary.TermsSatisfied++
		}
		satisfied = satisfied || t.Satisfied()
	}
	for _, v := range res.Violations {
		own = append(own, c.count(Finding{Segment: s, Violation: v}))
	}
	if c.cons != nil {
		c.cons.Add(s.Index, s.Source, s.Target, res)
		// Only a segment with a satisfied term can be inconsistent with the rest of the
		// document (free terms: any segment); the others need not be kept.
		if !c.opt.SkipTexts && (satisfied || c.opt.FreeTerms) {
			c.segs[s.Index] = Segment{Index: s.Index, Doc: s.Doc, Label: s.Label,
				Source: strings.Clone(s.Source), Target: strings.Clone(s.Target)}
		}
	}
	return prev, own, res
}

// Close ends the input and returns the consistency findings of the last document.
func (c *Checker) Close() []Finding { return c.flush() }

func (c *Checker) flush() []Finding {
	if c.cons == nil {
		return nil
	}
	var out []Finding
	for _, sv := range c.cons.Violations() {
		s, ok := c.segs[sv.Segment]
		if !ok {
			s = Segment{Index: sv.Segment, Doc: c.doc}
		}
		out = append(out, c.count(Finding{Segment: s, Violation: sv.Violation}))
	}
	c.cons, c.segs = nil, nil
	return out
}

func (c *Checker) count(f Finding) Finding {
	c.summary.Violations++
	c.summary.ByKind[f.Kind]++
	return f
}

// Summary returns the counts so far.
func (c *Checker) Summary() Summary { return c.summary }
