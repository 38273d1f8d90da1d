package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bitext/bitext/qa"
)

// htmlSegment is a segment as the page shows it: the source with the violated terms
// highlighted, the hypothesis with the wrong renderings highlighted, the findings, and its
// rank among the system's segments (1 the worst; 0 unranked).
type htmlSegment struct {
	Segment
	ID         string
	Src, Hyp   []qa.Piece
	Violations []qa.Violation
	Kinds      string // the kinds of its findings, space-separated, for the kind filter
	Rank       int
}

// htmlSystem is one system's segments with the jump list of its worst ones.
type htmlSystem struct {
	*SystemReport
	Index    int
	Segments []htmlSegment
	Worst    []worstLink
	// RankedBy says what Rank measures ("chrF2", or the number of findings without references).
	RankedBy string
}

// worstLink is one entry of a system's "worst segments" list.
type worstLink struct {
	ID    string
	Index int
	Label string
}

// worstLinks is how many worst segments each system lists for jumping to.
const worstLinks = 10

// htmlSystems builds the page model of every system, with every segment's details. Ranks
// come from the sentence scores the report already holds (Report.Worst by the primary metric); without references, segments
// with more findings rank worse.
func htmlSystems(r *Report) ([]htmlSystem, error) {
	out := make([]htmlSystem, len(r.Systems))
	p := r.poller()
	for si := range r.Systems {
		s := &r.Systems[si]
		hs := htmlSystem{SystemReport: s, Index: si, Segments: make([]htmlSegment, len(s.Segments))}
		for i := range s.Segments {
			seg, err := r.segment(p, si, i) // the page shows every segment's diff
			if err != nil {
				return nil, err
			}
			vs := seg.Flags // already qa violations with their spans: no conversion
			g := htmlSegment{Segment: seg, ID: fmt.Sprintf("s%d-%d", si, i), Violations: vs}
			g.Src = qa.Highlight(seg.Source, qa.SourceSpans(vs))
			g.Hyp = qa.Highlight(seg.Hypothesis, qa.TargetSpans(vs))
			kinds := make([]string, 0, len(vs))
			for _, v := range vs {
				kinds = append(kinds, v.Kind)
			}
			g.Kinds = strings.Join(kinds, " ")
			hs.Segments[i] = g
		}
		var order []int
		if m := r.PrimaryMetric(); m != "" {
			order = r.Worst(si, len(s.Segments))
			hs.RankedBy = m
		} else {
			for i, seg := range s.Segments {
				if len(seg.Flags) > 0 {
					order = append(order, i)
				}
			}
			sort.SliceStable(order, func(a, b int) bool {
				return len(s.Segments[order[a]].Flags) > len(s.Segments[order[b]].Flags)
			})
			hs.RankedBy = "number of findings"
		}
		for rank, i := range order {
			g := &hs.Segments[i]
			g.Rank = rank + 1
			if rank < worstLinks {
				label := fmt.Sprintf("#%d", g.Index)
				if m := r.PrimaryMetric(); m != "" {
					label += fmt.Sprintf(" %s %.1f", m, r.segScore(si, i, m))
				} else {
					label += fmt.Sprintf(" (%d)", len(g.Flags))
				}
				hs.Worst = append(hs.Worst, worstLink{g.ID, g.Index, label})
			}
		}
		out[si] = hs
	}
	return out, nil
}

// kindsPresent lists the finding kinds that occur in the report, in qa.Kinds order (with any
// kind qa does not know, such as one from a custom QAOptions.Glossary hook, after them).
func kindsPresent(systems []htmlSystem) []string {
	seen := map[string]bool{}
	for _, s := range systems {
		for _, g := range s.Segments {
			for _, v := range g.Violations {
				seen[v.Kind] = true
			}
		}
	}
	var out []string
	for _, k := range qa.Kinds {
		if seen[k] {
			out = append(out, k)
			delete(seen, k)
		}
	}
	var rest []string
	for k := range seen {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	return append(out, rest...)
}
