package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// TextOptions configures the text and Markdown renderers.
type TextOptions struct {
	Worst int // how many worst segments to show per system (default 10; negative: none)
	// Width, when set, is how many decimals every score is printed with, as sacreBLEU's
	// --width (whose default is 1): corpus scores (on their signature lines too), bootstrap
	// means and confidence intervals, sentence scores and spreads. BLEU's precisions, BP and
	// ratio keep their fixed decimals and p-values four, as in sacreBLEU. nil keeps bitext's
	// defaults: 2 for corpus scores and Markdown's means and intervals, 1 for the rest.
	Width *int
}

// score formats v with the Width decimals, or def without a Width.
func (o TextOptions) score(v float64, def int) string {
	if o.Width != nil {
		def = *o.Width
	}
	return formatScore(v, def)
}

// corpus formats a corpus score line ("SIGNATURE = SCORE VERBOSE").
func (o TextOptions) corpus(s Score) string {
	if o.Width != nil {
		return s.Format(*o.Width)
	}
	return s.String()
}

func (o TextOptions) worst() int {
	if o.Worst == 0 {
		return 10
	}
	return max(o.Worst, 0)
}

// qaSummary is "2 of 10 segments flagged: number 1, untranslated 1".
func qaSummary(s SystemReport) string {
	flagged := 0
	for _, seg := range s.Segments {
		if len(seg.Flags) > 0 {
			flagged++
		}
	}
	if flagged == 0 {
		return fmt.Sprintf("no QA flags in %d segments", len(s.Segments))
	}
	kinds := make([]string, 0, len(s.QA))
	for k := range s.QA {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s %d", k, s.QA[k])
	}
	return fmt.Sprintf("%d of %d segments flagged: %s", flagged, len(s.Segments), strings.Join(parts, ", "))
}

// segmentScores is "chrF2 41.2  BLEU 12.0  TER 55.0".
func segmentScores(r *Report, seg Segment, opt TextOptions) string {
	var parts []string
	for _, m := range r.Metrics {
		parts = append(parts, m+" "+opt.score(seg.Scores[m], 1))
	}
	return strings.Join(parts, "  ")
}

// WriteText writes the report for a terminal: corpus scores with their signatures, the QA
// summary, and the worst segments with word diffs; when comparing systems, a table of scores
// with confidence intervals and p-values and the segments where the systems differ most.
func WriteText(w io.Writer, r *Report, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	d := r.details()
	for _, n := range r.Notices {
		fmt.Fprintf(bw, "note: %s\n", n)
	}
	if len(r.Systems) == 1 {
		s := r.Systems[0]
		for _, sc := range s.Corpus {
			fmt.Fprintln(bw, opt.corpus(sc))
		}
		if len(r.Metrics) == 0 {
			fmt.Fprintln(bw, "no reference: QA checks only")
		}
		fmt.Fprintf(bw, "QA: %s\n", qaSummary(s))
		writeTextSegments(bw, r, d, 0, opt)
		return d.flush(bw)
	}
	if len(r.Metrics) > 0 {
		writeComparisonTable(bw, r, opt)
		fmt.Fprintf(bw, "\nPaired bootstrap resampling: %d samples, seed %d; p < 0.05 marked *.\n", r.Bootstrap, r.Seed)
		fmt.Fprintln(bw, "Signatures:")
		for _, sc := range signedScores(r, r.Systems[0].Corpus) {
			fmt.Fprintf(bw, "  %s\n", sc.Signature)
		}
	}
	for _, s := range r.Systems {
		fmt.Fprintf(bw, "QA %s: %s\n", s.Name, qaSummary(s))
	}
	if len(r.MostDifferent) > 0 {
		fmt.Fprintf(bw, "\nSegments where the systems differ most (%s):\n", r.MostDifferent[0].By)
		det := d
		for _, d := range r.MostDifferent {
			fmt.Fprintf(bw, "\n#%d  spread %s\n", d.Segment+1, opt.score(d.Spread, 1))
			first := r.Systems[0].Segments[d.Segment]
			if first.Source != "" {
				fmt.Fprintf(bw, "  src: %s\n", first.Source)
			}
			if len(first.References) > 0 {
				fmt.Fprintf(bw, "  ref: %s\n", firstRef(first.References))
			}
			for si, s := range r.Systems {
				seg := det.segment(si, d.Segment)
				fmt.Fprintf(bw, "  %s: %s", s.Name, seg.Hypothesis)
				if len(r.Metrics) > 0 {
					fmt.Fprintf(bw, "  (%s)", segmentScores(r, seg, opt))
				}
				fmt.Fprintln(bw)
			}
		}
	}
	for si, s := range r.Systems {
		if opt.worst() > 0 && (len(r.Metrics) > 0 || countFlagged(s) > 0) {
			fmt.Fprintf(bw, "\n== %s\n", s.Name)
			writeTextSegments(bw, r, d, si, opt)
		}
	}
	return d.flush(bw)
}

// details hands the renderers segments with their details (Report.Segment), keeping the
// first error (a cancelled context) for the end: the text is then not worth finishing, but
// writing on with the bare segments keeps the renderers simple.
type details struct {
	r   *Report
	p   *poller
	err error
}

func (r *Report) details() *details { return &details{r: r, p: r.poller()} }

func (d *details) segment(si, i int) Segment {
	if d.err == nil {
		seg, err := d.r.segment(d.p, si, i)
		if err == nil {
			return seg
		}
		d.err = err
	}
	return d.r.Systems[si].Segments[i]
}

// flush flushes w unless a segment's details failed.
func (d *details) flush(w *bufio.Writer) error {
	if d.err != nil {
		return d.err
	}
	return w.Flush()
}

func countFlagged(s SystemReport) int {
	n := 0
	for _, seg := range s.Segments {
		if len(seg.Flags) > 0 {
			n++
		}
	}
	return n
}

// writeComparisonTable prints "System  BLEU (μ ± 95% CI)  …" rows.
func writeComparisonTable(w io.Writer, r *Report, opt TextOptions) {
	rows := [][]string{{"System"}}
	for _, m := range r.Metrics {
		rows[0] = append(rows[0], m+" (μ ± 95% CI)")
	}
	for si, s := range r.Systems {
		name := s.Name
		if si == 0 {
			name = "Baseline: " + name
		}
		row := []string{name}
		for mi, m := range r.Metrics {
			if si == 0 {
				c := s.Baseline[m]
				row = append(row, fmt.Sprintf("%s (%s ± %s)", opt.score(s.Corpus[mi].Score, 1), opt.score(c.Mean, 1), opt.score(c.CI, 1)))
				continue
			}
			p := s.Paired[m]
			star := ""
			if p.PValue < 0.05 {
				star = "*"
			}
			row = append(row, fmt.Sprintf("%s (%s ± %s) p = %.4f%s", opt.score(s.Corpus[mi].Score, 1),
				opt.score(p.Confidence.Mean, 1), opt.score(p.Confidence.CI, 1), p.PValue, star))
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, row := range rows {
		for i, c := range row {
			pad := widths[i] - len([]rune(c))
			if i == 0 {
				fmt.Fprint(w, c+strings.Repeat(" ", pad))
			} else {
				fmt.Fprint(w, "  "+c+strings.Repeat(" ", pad))
			}
		}
		fmt.Fprintln(w)
	}
}

// writeTextSegments lists system si's worst segments (with references) or the flagged ones
// (QA only).
func writeTextSegments(w io.Writer, r *Report, d *details, si int, opt TextOptions) {
	k := opt.worst()
	if k == 0 {
		return
	}
	s := &r.Systems[si]
	var idx []int
	if len(r.Metrics) > 0 {
		idx = r.Worst(si, k)
		fmt.Fprintf(w, "\nWorst %d segments by %s:\n", len(idx), r.PrimaryMetric())
	} else {
		for i, seg := range s.Segments {
			if len(seg.Flags) > 0 && len(idx) < k {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return
		}
		fmt.Fprintf(w, "\nFlagged segments (first %d):\n", len(idx))
	}
	for _, i := range idx {
		seg := d.segment(si, i)
		fmt.Fprintf(w, "\n#%d", seg.Index)
		if len(seg.Scores) > 0 {
			fmt.Fprintf(w, "  %s", segmentScores(r, seg, opt))
		}
		fmt.Fprintln(w)
		if seg.Source != "" {
			fmt.Fprintf(w, "  src:  %s\n", seg.Source)
		}
		fmt.Fprintf(w, "  hyp:  %s\n", seg.Hypothesis)
		for _, ref := range seg.References {
			fmt.Fprintf(w, "  ref:  %s\n", ref)
		}
		if seg.Diff != nil {
			fmt.Fprintf(w, "  diff: %s\n", WdiffString(seg.Diff))
		}
		for _, f := range seg.Flags {
			fmt.Fprintf(w, "  flag: %s: %s\n", f.Kind, f.Message)
		}
	}
}
