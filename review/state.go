package review

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/report"
)

// Status of a segment.
const (
	Open     = ""         // not decided yet
	Accepted = "accepted" // the translation was accepted as it was
	Edited   = "edited"   // the reviewer changed the translation
)

// entry is the review state of one segment.
type entry struct {
	Item
	Target string // the current translation: the MT, or the decided text
	// Tagged is the current translation with its inline codes (document's numbered codes)
	// when the segment has codes (coded): what the journal, the memory and the outputs keep
	// of a decision besides its words (codes.go). "" for a segment without codes.
	Tagged     string
	coded      bool
	Status     string
	Reviewer   string
	When       time.Time
	Violations []qa.Violation // of the current translation
	terms      []termHit
	Suggestion string // a re-translation proposed by the provider, not yet decided
	// suggestionTagged says Suggestion is tagged text holding the segment's codes: a coded
	// segment is re-translated with them, and an answer that keeps them is offered with them.
	suggestionTagged bool
	// Version counts the decisions on the segment, those replayed from the journal included
	// (so a page loaded before a restart is still recognised as current or stale). The form
	// carries the version it showed; a decision made against an older one is refused.
	Version int
}

// termHit is a glossary entry found in a segment's source and whether the translation
// renders it as required.
type termHit struct {
	term, expected string
	satisfied      bool
}

// findings computes what is wrong with e's current translation: glossary violations, the QA
// flags given (computed over the whole input, where repetition and length need it) and a
// doubtful alignment.
func (s *Server) findings(e *entry, flags []report.Flag) {
	loc := qa.Location{Document: e.Doc, Segment: e.ID + 1, Label: e.Label}
	e.Violations, e.terms = nil, nil
	if s.opt.Glossary != nil {
		res := s.opt.Glossary.Review(e.Pair.Source, e.Target)
		e.Violations = qa.FromGlossary(res.Violations, e.Pair.Source, e.Target, loc)
		for _, t := range res.Terms {
			e.terms = append(e.terms, termHit{t.Match.Entry.Source, t.Match.Entry.Expected(), res.Clean(t)})
		}
	}
	for _, f := range flags {
		if f.Kind == report.FlagGlossary {
			continue
		}
		e.Violations = append(e.Violations, qa.NewFlag(f.Kind, f.Message, loc))
	}
	if e.Confidence >= 0 && e.Confidence < s.opt.MinConfidence {
		e.Violations = append(e.Violations, qa.AlignmentFlag(e.Confidence, s.opt.MinConfidence, loc))
	}
}

// recheck recomputes the findings of one segment after its translation changed; QA flags are
// those of the pair alone (repetition across segments and length outliers need the whole
// input and are not recomputed).
func (s *Server) recheck(e *entry) {
	flags := report.CheckQA([]string{e.Pair.Source}, []string{e.Target}, report.QAOptions{})
	s.findings(e, flags[0])
}

// queueFilter selects segments of the queue.
type queueFilter struct {
	Kind    string  // a qa kind; "" any finding; "unreviewed" every open segment
	Term    string  // glossary entry (its source form)
	Doc     string  // document
	MaxConf float64 // only pairs aligned with confidence below this (0: any)
	Status  string  // "open" (default), "done" or "all"
}

// Unreviewed is the kind filter (?kind=unreviewed) that selects every open segment, with or
// without findings.
const Unreviewed = "unreviewed"

// query is the filter as URL query parameters (empty ones left out).
func (f queueFilter) query() url.Values {
	q := url.Values{}
	add := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	add("kind", f.Kind)
	add("term", f.Term)
	add("doc", f.Doc)
	if f.MaxConf > 0 {
		add("conf", strconv.FormatFloat(f.MaxConf, 'f', -1, 64))
	}
	if f.Status != "" && f.Status != "open" {
		add("status", f.Status)
	}
	return q
}

// parseFilter reads a queueFilter from URL query parameters; bad values are ignored.
func parseFilter(q url.Values) queueFilter {
	f := queueFilter{Kind: q.Get("kind"), Term: q.Get("term"), Doc: q.Get("doc"), Status: q.Get("status")}
	if c, err := strconv.ParseFloat(q.Get("conf"), 64); err == nil && c > 0 && c <= 1 {
		f.MaxConf = c
	}
	switch f.Status {
	case "open", "done", "all":
	default:
		f.Status = "open"
	}
	return f
}

func (f queueFilter) match(e *entry) bool {
	switch f.Status {
	case "done":
		if e.Status == Open {
			return false
		}
	case "all":
	default:
		if e.Status != Open {
			return false
		}
	}
	if f.Doc != "" && e.Doc != f.Doc {
		return false
	}
	if f.MaxConf > 0 && (e.Confidence < 0 || e.Confidence >= f.MaxConf) {
		return false
	}
	if f.Kind == Unreviewed {
		return f.Term == "" || hasTerm(e, f.Term)
	}
	for _, v := range e.Violations {
		if (f.Kind == "" || v.Kind == f.Kind) && (f.Term == "" || v.Entry == f.Term) {
			return true
		}
	}
	// A term filter with no kind also shows segments where the term is found and satisfied
	// only when looking at every segment; the queue proper is what needs a look.
	return false
}

func hasTerm(e *entry, term string) bool {
	for _, t := range e.terms {
		if t.term == term {
			return true
		}
	}
	return false
}

// termSummary is, for one glossary entry, how often it was found in the sources and how often
// the current translations satisfy and violate it.
type termSummary struct {
	Term, Expected             string
	Found, Satisfied, Violated int
}

// queueCounts summarize the queue.
type queueCounts struct {
	Segments, Open, Done, NeedLook int
	ByKind                         map[string]int // open segments with a finding of the kind
	Terms                          []termSummary
	Docs                           []string
}

func (s *Server) counts() queueCounts {
	c := queueCounts{Segments: len(s.entries), ByKind: map[string]int{}}
	terms := map[string]*termSummary{}
	docs := map[string]bool{}
	for i := range s.entries {
		e := &s.entries[i]
		docs[e.Doc] = true
		if e.Status == Open {
			c.Open++
			if len(e.Violations) > 0 {
				c.NeedLook++
			}
			for k, v := range e.Violations {
				if !kindBefore(e.Violations[:k], v.Kind) { // count a segment once per kind
					c.ByKind[v.Kind]++
				}
			}
		} else {
			c.Done++
		}
		for _, t := range e.terms {
			ts := terms[t.term]
			if ts == nil {
				ts = &termSummary{Term: t.term, Expected: t.expected}
				terms[t.term] = ts
			}
			ts.Found++
			if t.satisfied {
				ts.Satisfied++
			}
		}
		for _, v := range e.Violations {
			if qa.IsGlossary(v.Kind) && v.Entry != "" {
				ts := terms[v.Entry]
				if ts == nil {
					ts = &termSummary{Term: v.Entry, Expected: v.Expected}
					terms[v.Entry] = ts
				}
				ts.Violated++
			}
		}
	}
	for _, ts := range terms {
		c.Terms = append(c.Terms, *ts)
	}
	slices.SortFunc(c.Terms, func(a, b termSummary) int {
		if a.Violated != b.Violated {
			return b.Violated - a.Violated
		}
		return cmp.Compare(a.Term, b.Term)
	})
	for d := range docs {
		c.Docs = append(c.Docs, d)
	}
	slices.Sort(c.Docs)
	return c
}

// queue returns the indices of the segments f selects, in input order.
func (s *Server) queue(f queueFilter) []int {
	var out []int
	for i := range s.entries {
		if f.match(&s.entries[i]) {
			out = append(out, i)
		}
	}
	return out
}

func kindBefore(vs []qa.Violation, kind string) bool {
	for _, v := range vs {
		if v.Kind == kind {
			return true
		}
	}
	return false
}
