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
	Pos        int // 0-based position in the system's segments
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
	Segments []htmlSegment // those the page shows, in document order
	byPos    map[int]int   // Segments' index by segment position
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

// htmlSystems builds the page model of every system, with the details of the segments the page
// shows: every segment, or, past max (when max > 0), the max worst of each system and those
// where the systems differ most, in document order. shown says how many of how many when the
// page leaves some out. Ranks come from the sentence scores the report already holds
// (Report.Worst by the primary metric); without references, segments with more findings rank
// worse.
func htmlSystems(r *Report, max int) (out []htmlSystem, shown string, err error) {
	out = make([]htmlSystem, len(r.Systems))
	p := r.poller()
	for si := range r.Systems {
		s := &r.Systems[si]
		hs := htmlSystem{SystemReport: s, Index: si, byPos: map[int]int{}}
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
		rank := make(map[int]int, len(order))
		for k, i := range order {
			rank[i] = k + 1
		}
		show := make([]bool, len(s.Segments))
		n := len(s.Segments)
		if max > 0 && n > max {
			n = 0
			for _, i := range order[:min(max, len(order))] {
				show[i] = true
				n++
			}
			for i := 0; i < len(show) && n < max; i++ { // fewer ranked than max: the first others
				if !show[i] {
					show[i] = true
					n++
				}
			}
			for _, d := range r.MostDifferent {
				if !show[d.Segment] {
					show[d.Segment] = true
					n++
				}
			}
			shown = fmt.Sprintf("this page shows the %d worst of %d segments of each system (by %s), and those where the systems differ most; the text and JSON reports hold every segment", max, len(s.Segments), hs.RankedBy)
		} else {
			for i := range show {
				show[i] = true
			}
		}
		hs.Segments = make([]htmlSegment, 0, n)
		for i := range s.Segments {
			if !show[i] {
				continue
			}
			seg, err := r.segment(p, si, i) // the page shows these segments' diffs
			if err != nil {
				return nil, "", err
			}
			vs := seg.Flags // already qa violations with their spans: no conversion
			g := htmlSegment{Segment: seg, Pos: i, ID: fmt.Sprintf("s%d-%d", si, i), Violations: vs, Rank: rank[i]}
			g.Src = qa.Highlight(seg.Source, qa.SourceSpans(vs))
			g.Hyp = qa.Highlight(seg.Hypothesis, qa.TargetSpans(vs))
			kinds := make([]string, 0, len(vs))
			for _, v := range vs {
				kinds = append(kinds, v.Kind)
			}
			g.Kinds = strings.Join(kinds, " ")
			hs.byPos[i] = len(hs.Segments)
			hs.Segments = append(hs.Segments, g)
		}
		for _, i := range order[:min(worstLinks, len(order))] {
			g := &hs.Segments[hs.byPos[i]]
			label := fmt.Sprintf("#%d", g.Index)
			if m := r.PrimaryMetric(); m != "" {
				label += fmt.Sprintf(" %s %.1f", m, r.segScore(si, i, m))
			} else {
				label += fmt.Sprintf(" (%d)", len(g.Flags))
			}
			hs.Worst = append(hs.Worst, worstLink{g.ID, g.Index, label})
		}
		out[si] = hs
	}
	return out, shown, nil
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
