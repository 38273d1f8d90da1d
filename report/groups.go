package report

import (
	"fmt"
	"strings"
)

// An article aligned with the sources does not always give each source segment sentences of
// its own: a translator who joined two sentences into one ("Click Save, and the record is
// saved.") makes a 2:1 bead, and one who left a sentence out a 1:0 bead. Scoring such segments
// one by one would score the first against the sentence for both and the second against
// nothing (an empty reference, or an empty hypothesis flagged as missing output). They are
// scored together instead, as one segment whose hypothesis, reference and source are the
// segments' texts joined: what a sacreBLEU user who lined up the files by hand would do.
// Corpus scores count the same words; only the n-grams across the join are new.

// segmentGroups partitions n source segments into runs scored together: group g is
// [starts[g], starts[g+1]), the last one ending at n.
type segmentGroups struct {
	n      int
	starts []int
}

// groupSegments returns the groups the articles' beads make: the sources of one bead together,
// and for a reference article a source with no sentence with the segment before it (the first
// with the one after). It returns nil when every segment stands alone.
func groupSegments(n int, articles []*Side, refs map[*Side]bool) *segmentGroups {
	// joined[i]: segment i is scored with segment i-1.
	joined := make([]bool, n)
	any := false
	for _, s := range articles {
		for _, r := range s.beadRuns {
			for i := r[0] + 1; i < r[1]; i++ {
				joined[i], any = true, true
			}
		}
		if !refs[s] {
			continue // a hypothesis with nothing for a segment has an empty output there
		}
		for _, i := range s.unaligned {
			switch {
			case i > 0:
				joined[i], any = true, true
			case n > 1:
				joined[1], any = true, true
			}
		}
	}
	if !any {
		return nil
	}
	g := &segmentGroups{n: n}
	for i := range n {
		if !joined[i] {
			g.starts = append(g.starts, i)
		}
	}
	return g
}

// bounds returns the segments of group k.
func (g *segmentGroups) bounds(k int) (from, to int) {
	to = g.n
	if k+1 < len(g.starts) {
		to = g.starts[k+1]
	}
	return g.starts[k], to
}

// join returns lines with each group's lines joined by a space (empty ones left out).
func (g *segmentGroups) join(lines []string) []string {
	if lines == nil {
		return nil
	}
	out := make([]string, len(g.starts))
	for k := range g.starts {
		from, to := g.bounds(k)
		var parts []string
		for _, l := range lines[from:to] {
			if l = strings.TrimSpace(l); l != "" {
				parts = append(parts, l)
			}
		}
		out[k] = strings.Join(parts, " ")
	}
	return out
}

// joinFlags returns a side's per-segment flags grouped as join groups its lines: each flag's
// offsets moved by the text joined before its segment, its segment the group's.
func (g *segmentGroups) joinFlags(flags [][]Flag, sources, targets []string) [][]Flag {
	if flags == nil {
		return nil
	}
	out := make([][]Flag, len(g.starts))
	for k := range g.starts {
		from, to := g.bounds(k)
		srcAt, tgtAt := 0, 0 // where segment i's text starts in the joined texts
		for i := from; i < to && i < len(flags); i++ {
			src, tgt := strings.TrimSpace(sources[i]), strings.TrimSpace(targets[i])
			srcLead := strings.Index(sources[i], src) // TrimSpace dropped this much
			tgtLead := strings.Index(targets[i], tgt)
			for _, f := range flags[i] {
				f.Segment = k + 1
				f.SourceStart, f.SourceEnd = shift(f.SourceStart, f.SourceEnd, srcAt-srcLead)
				f.TargetStart, f.TargetEnd = shift(f.TargetStart, f.TargetEnd, tgtAt-tgtLead)
				out[k] = append(out[k], f)
			}
			if src != "" {
				srcAt += len(src) + 1
			}
			if tgt != "" {
				tgtAt += len(tgt) + 1
			}
		}
	}
	return out
}

// shift moves a span by d; a span that points nowhere (qa.NoSpan, or empty) stays as it is.
func shift(start, end, d int) (int, int) {
	if start < 0 || end <= start {
		return start, end
	}
	return max(0, start+d), max(0, end+d)
}

// side returns s regrouped: its lines (and a bitext's sources and flags) joined by group, its
// places named as segments of the report.
func (g *segmentGroups) side(s *Side) *Side {
	if s == nil || len(s.Lines) != g.n {
		return s // a side that does not line up is reported as it is
	}
	out := *s
	out.Lines = g.join(s.Lines)
	if s.Sources != nil {
		out.Flags = g.joinFlags(s.Flags, s.Sources, s.Lines)
		out.Sources = g.join(s.Sources)
	}
	out.Unit = "segments (aligned)"
	return &out
}

// note says which source segments are scored together.
func (g *segmentGroups) note() string {
	var runs []string
	for k := range g.starts {
		if from, to := g.bounds(k); to-from > 1 {
			runs = append(runs, fmt.Sprintf("%d–%d", from+1, to))
		}
	}
	shown := runs
	if len(runs) > 5 {
		shown = append(runs[:5:5], "…")
	}
	return fmt.Sprintf("%s scored as %d: %s together (an article has one text for them)",
		plural(g.n, "source segment"), len(g.starts), strings.Join(shown, ", "))
}
