package qa

import (
	"slices"
	"strings"

	"github.com/bitext/bitext/glossary"
)

// CheckRun checks a stream of segments against a glossary and writes the report as it goes:
// the report is what NewReport would make of all the segments and findings at once, without
// holding the input. A segment's missing and forbidden violations are known when it is added
// and written then. With consistency, a document's inconsistencies are known only when it ends:
// until then its segments with violations wait, their texts (and those of the segments an
// inconsistency can point at) in a temporary file, so that memory holds the term uses and the
// violations, not the document.
//
// Segments come in input order, their Index increasing within a document.
type CheckRun struct {
	ch    *glossary.Checker
	rw    *ReportWriter
	cons  bool
	free  bool
	terms *TermCounter

	doc     string
	started bool
	// The current document, with consistency: its segments with violations in input order,
	// without their texts, and where the texts of the segments that may be reported are.
	pending []Segment
	spill   *spill
	refs    map[int]spillRef
	// inconsistent are the consistency violations, counted into terms at the end, after every
	// segment's terms as NewReport's callers did (the first count of an entry sets its Expected).
	inconsistent []Violation
}

// NewCheckRun checks with a Checker for g and opt and writes to rw. countTerms adds up the
// per-term statistics (found, satisfied, violated) that Close hands to the report. Close or
// Abort it.
func NewCheckRun(g *glossary.Glossary, opt glossary.CheckOptions, rw *ReportWriter, countTerms bool) (*CheckRun, error) {
	r := &CheckRun{rw: rw, cons: opt.Consistency, free: opt.FreeTerms}
	if r.cons {
		sp, err := newSpill()
		if err != nil {
			return nil, err
		}
		r.spill, r.refs = sp, map[int]spillRef{}
		opt.SkipTexts = true
	}
	r.ch = glossary.NewChecker(g, opt)
	if countTerms {
		r.terms = &TermCounter{}
	}
	return r, nil
}

// Add checks one segment; s.Label is how the report shows where it is.
func (r *CheckRun) Add(s glossary.Segment) error {
	prev, own, res := r.ch.Check(s)
	if r.cons && r.started && s.Doc != r.doc {
		if err := r.endDocument(prev); err != nil {
			return err
		}
	}
	r.doc, r.started = s.Doc, true
	var vs []Violation
	if len(own) > 0 {
		vs = make([]Violation, len(own))
		for i, f := range own {
			vs[i] = FromFinding(f, s.Label)
		}
	}
	if r.terms != nil {
		r.terms.Add(res)
		for _, v := range vs {
			r.terms.AddViolation(v)
		}
	}
	if !r.cons {
		if len(vs) == 0 {
			return nil
		}
		return r.rw.WriteSegment(Segment{Document: s.Doc, Index: s.Index, Label: s.Label, Source: s.Source, Target: s.Target, Violations: vs})
	}
	// Only a segment with violations, or with a satisfied term (free terms: any), can be in the
	// report of this document.
	keep := len(vs) > 0 || r.free
	for _, t := range res.Terms {
		keep = keep || t.Satisfied()
	}
	if keep {
		ref, err := r.spill.put(s.Label, s.Source, s.Target)
		if err != nil {
			return err
		}
		r.refs[s.Index] = ref
	}
	if len(vs) > 0 {
		for i := range vs { // not to keep the texts they are cut from
			vs[i].Term, vs[i].Found = strings.Clone(vs[i].Term), strings.Clone(vs[i].Found)
		}
		r.pending = append(r.pending, Segment{Document: s.Doc, Index: s.Index, Violations: vs})
	}
	return nil
}

// endDocument adds the consistency findings fs of the document that ended to its waiting
// segments (a segment's own violations first) and writes them in input order.
func (r *CheckRun) endDocument(fs []glossary.Finding) error {
	at := make(map[int]bool, len(r.pending))
	for _, s := range r.pending {
		at[s.Index] = true
	}
	byIndex := map[int][]glossary.Finding{}
	added := false
	for _, f := range fs {
		byIndex[f.Index] = append(byIndex[f.Index], f)
		if r.terms != nil {
			entry := f.SourceTerm
			if f.Entry != nil {
				entry = f.Entry.Source
			}
			r.inconsistent = append(r.inconsistent, Violation{Kind: f.Kind, Term: f.SourceTerm, Entry: entry, Expected: f.Expected})
		}
		if !at[f.Index] {
			at[f.Index] = true
			r.pending = append(r.pending, Segment{Document: f.Doc, Index: f.Index, Label: f.Label})
			added = true
		}
	}
	if added {
		slices.SortStableFunc(r.pending, func(a, b Segment) int { return a.Index - b.Index })
	}
	for i := range r.pending {
		s := r.pending[i]
		if ref, ok := r.refs[s.Index]; ok {
			var err error
			if s.Label, s.Source, s.Target, err = r.spill.get(ref); err != nil {
				return err
			}
		}
		for _, f := range byIndex[s.Index] {
			f.Label, f.Source, f.Target = s.Label, s.Source, s.Target
			s.Violations = append(s.Violations, FromFinding(f, s.Label))
		}
		if err := r.rw.WriteSegment(s); err != nil {
			return err
		}
		r.pending[i] = Segment{} // written: let it go
	}
	r.pending = r.pending[:0]
	clear(r.refs)
	return r.spill.reset()
}

// Close ends the input and the report, and returns the summary.
func (r *CheckRun) Close() (Summary, error) {
	defer r.Abort()
	if r.cons {
		if err := r.endDocument(r.ch.Close()); err != nil {
			return Summary{}, err
		}
	}
	s := r.ch.Summary()
	sum := Summary{Summary: s, SuccessRate: s.SuccessRate()}
	var stats []TermStat
	if r.terms != nil {
		for _, v := range r.inconsistent {
			r.terms.AddViolation(v)
		}
		stats = r.terms.Stats()
	}
	return sum, r.rw.Close(sum, stats)
}

// Abort ends the run without finishing the report, removing its temporary file. It may follow
// Close.
func (r *CheckRun) Abort() {
	if r.spill != nil {
		r.spill.close()
		r.spill = nil
	}
}
