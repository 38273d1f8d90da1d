package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// mdEscape makes text safe inside Markdown (and table cells): Markdown punctuation is
// backslash-escaped and HTML is written as entities, so a hypothesis can never inject markup.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '~', '[', ']', '|', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			if invisible(r) { // rendered Markdown is HTML: show control characters, as WriteHTML does
				b.WriteString("⟨" + marker(r) + "⟩")
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdDiff renders a diff with ~~deleted~~ and **inserted** text.
func mdDiff(spans []DiffSpan) string {
	var b strings.Builder
	wrap := func(mark, s string) {
		t := strings.TrimSpace(s)
		if t == "" {
			b.WriteString(mdEscape(s))
			return
		}
		lead := s[:strings.Index(s, t)]
		b.WriteString(mdEscape(lead) + mark + mdEscape(t) + mark + mdEscape(s[len(lead)+len(t):]))
	}
	for _, s := range spans {
		switch s.Op {
		case Equal:
			b.WriteString(mdEscape(s.Text))
		case Delete:
			wrap("~~", s.Text)
		case Insert:
			wrap("**", s.Text)
		case Replace:
			wrap("~~", s.Old)
			b.WriteByte(' ')
			wrap("**", s.Text)
		}
	}
	return b.String()
}

func mdFlags(fs []Flag) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, mdEscape(f.Kind+": "+f.Message))
	}
	return strings.Join(parts, "<br>")
}

// WriteMarkdown writes the report as GitHub-flavoured Markdown: a corpus table with
// signatures, the QA summary, and a table of the worst (or flagged) segments with diffs
// (~~reference words~~ **hypothesis words**).
func WriteMarkdown(w io.Writer, r *Report, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	det := r.details()
	fmt.Fprintf(bw, "# Translation quality report\n\n")
	for _, n := range r.Notices {
		fmt.Fprintf(bw, "> Note: %s\n\n", mdEscape(n))
	}
	if len(r.Metrics) > 0 {
		fmt.Fprintf(bw, "| System |")
		for _, m := range r.Metrics {
			fmt.Fprintf(bw, " %s |", mdEscape(m))
		}
		fmt.Fprintf(bw, "\n| --- |%s\n", strings.Repeat(" ---: |", len(r.Metrics)))
		for si, s := range r.Systems {
			fmt.Fprintf(bw, "| %s |", mdEscape(s.Name))
			for mi, m := range r.Metrics {
				cell := opt.score(s.Corpus[mi].Score, 2)
				if si > 0 {
					p := s.Paired[m]
					cell += fmt.Sprintf(" (p = %.4f%s)", p.PValue, map[bool]string{true: "\\*", false: ""}[p.PValue < 0.05])
				} else if c, ok := s.Baseline[m]; ok {
					cell += fmt.Sprintf(" (μ %s ± %s)", opt.score(c.Mean, 2), opt.score(c.CI, 2))
				}
				fmt.Fprintf(bw, " %s |", cell)
			}
			fmt.Fprintln(bw)
		}
		fmt.Fprintf(bw, "\nSignatures:\n\n")
		for _, sc := range signedScores(r, r.Systems[0].Corpus) {
			fmt.Fprintf(bw, "- `%s`\n", sc.Signature)
		}
		if len(r.Systems) > 1 {
			fmt.Fprintf(bw, "\nPaired bootstrap resampling against the baseline (%s): %d samples, seed %d; \\* marks p < 0.05.\n",
				mdEscape(r.Systems[0].Name), r.Bootstrap, r.Seed)
		}
	} else {
		fmt.Fprintf(bw, "No reference given: QA checks only.\n")
	}
	fmt.Fprintf(bw, "\n## QA\n\n")
	for _, s := range r.Systems {
		fmt.Fprintf(bw, "- %s: %s\n", mdEscape(s.Name), mdEscape(qaSummary(s)))
	}
	if len(r.MostDifferent) > 0 {
		fmt.Fprintf(bw, "\n## Segments where the systems differ most\n\n| # | Spread |")
		for _, s := range r.Systems {
			fmt.Fprintf(bw, " %s |", mdEscape(s.Name))
		}
		fmt.Fprintf(bw, "\n| ---: | ---: |%s\n", strings.Repeat(" --- |", len(r.Systems)))
		for _, d := range r.MostDifferent {
			fmt.Fprintf(bw, "| %d | %s |", d.Segment+1, opt.score(d.Spread, 1))
			for si := range r.Systems {
				seg := det.segment(si, d.Segment)
				cell := mdEscape(seg.Hypothesis)
				if seg.Diff != nil {
					cell = mdDiff(seg.Diff)
				}
				if len(r.Metrics) > 0 {
					cell += fmt.Sprintf("<br>%s", mdEscape(segmentScores(r, seg, opt)))
				}
				fmt.Fprintf(bw, " %s |", cell)
			}
			fmt.Fprintln(bw)
		}
	}
	k := opt.worst()
	for si, s := range r.Systems {
		if k == 0 {
			break
		}
		var idx []int
		title := ""
		if len(r.Metrics) > 0 {
			idx = r.Worst(si, k)
			title = fmt.Sprintf("Worst segments by %s", r.PrimaryMetric())
		} else {
			for i, seg := range s.Segments {
				if len(seg.Flags) > 0 && len(idx) < k {
					idx = append(idx, i)
				}
			}
			title = "Flagged segments"
		}
		if len(idx) == 0 {
			continue
		}
		if len(r.Systems) > 1 {
			title += ": " + mdEscape(s.Name)
		}
		fmt.Fprintf(bw, "\n## %s\n\n| # | Source | Hypothesis (diff against the reference) |", title)
		for _, m := range r.Metrics {
			fmt.Fprintf(bw, " %s |", mdEscape(m))
		}
		fmt.Fprintf(bw, " Flags |\n| ---: | --- | --- |%s --- |\n", strings.Repeat(" ---: |", len(r.Metrics)))
		for _, i := range idx {
			seg := det.segment(si, i)
			hyp := mdEscape(seg.Hypothesis)
			if seg.Diff != nil {
				hyp = mdDiff(seg.Diff)
			}
			fmt.Fprintf(bw, "| %d | %s | %s |", seg.Index, mdEscape(seg.Source), hyp)
			for _, m := range r.Metrics {
				fmt.Fprintf(bw, " %s |", opt.score(seg.Scores[m], 1))
			}
			fmt.Fprintf(bw, " %s |\n", mdFlags(seg.Flags))
		}
	}
	return det.flush(bw)
}
