package report

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// System is one set of hypotheses to report on.
type System struct {
	Name       string
	Hypotheses []string
	// Flags are findings known in advance per segment (for example glossary violations
	// recorded by bitext translate); nil when none. They are merged with the QA flags.
	Flags [][]Flag
}

// Input is what a report is built from. All slices are line-aligned by segment.
type Input struct {
	Sources    []string   // optional: nil when unknown
	References [][]string // reference streams (refs[k][i]); none for a QA-only report
	Systems    []System   // at least one; the first is the baseline when comparing
}

// Options configures Build.
type Options struct {
	Metrics []Metric // default: BLEU, chrF2, chrF2++, TER with sacreBLEU's defaults
	Version string   // bitext's version, for the signatures
	QA      QAOptions
	// Bootstrap is the number of paired bootstrap samples when comparing systems
	// (default 1000); Seed their seed (default 12345, as sacreBLEU).
	Bootstrap int
	Seed      uint64
	// MostDifferent is how many segments to list where systems differ most (default 10).
	MostDifferent int
}

// DefaultMetrics returns BLEU, chrF2, chrF2++ and TER with sacreBLEU's defaults.
func DefaultMetrics() []Metric {
	return []Metric{BLEU{}, NewCHRF(), NewCHRFPlusPlus(), TER{}}
}

// Report is a built report: corpus scores, per-segment scores and diffs, QA flags, and system
// comparisons. Renderers (WriteText, WriteMarkdown, WriteJSON, WriteHTML) only format it.
type Report struct {
	Version    string
	Metrics    []string // metric names in display order
	HigherBest map[string]bool
	NumRefs    int // reference streams; 0 for a QA-only report
	Systems    []SystemReport
	// MostDifferent lists segment indices (0-based) where the systems' outputs or scores differ
	// most, most different first; empty with a single system.
	MostDifferent []Difference
	Bootstrap     int
	Seed          uint64
}

// SystemReport is one system's part of a report.
type SystemReport struct {
	Name     string
	Corpus   []Score                 // in Metrics order
	Paired   map[string]PairedResult // vs the baseline, by metric name; nil for the baseline
	Baseline map[string]Confidence   // the baseline's own bootstrap estimate (baseline only)
	Segments []Segment
	QA       map[string]int // flag counts by kind
}

// Segment is one segment of one system.
type Segment struct {
	Index      int                `json:"index"` // 1-based
	Source     string             `json:"source,omitempty"`
	Hypothesis string             `json:"hypothesis"`
	References []string           `json:"references,omitempty"`
	Scores     map[string]float64 `json:"scores,omitempty"` // sentence-level, by metric name
	Diff       []DiffSpan         `json:"diff,omitempty"`   // first reference → hypothesis
	Flags      []Flag             `json:"flags,omitempty"`
}

// Difference is a segment where systems disagree, with the spread that ranked it.
type Difference struct {
	Segment int     `json:"segment"` // 0-based
	Spread  float64 `json:"spread"`
	By      string  `json:"by"` // what the spread measures
}

// LineCountError reports inputs whose segment counts differ.
type LineCountError struct {
	What  string // "hypotheses of X", "reference 2", "sources"
	Got   int
	Want  int
	First string // what the count was compared with
}

func (e *LineCountError) Error() string {
	return fmt.Sprintf("%s has %d segments but %s has %d", e.What, e.Got, e.First, e.Want)
}

// Build computes a report.
func Build(in Input, opt Options) (*Report, error) {
	if len(in.Systems) == 0 {
		return nil, errors.New("report: no hypotheses")
	}
	n := len(in.Systems[0].Hypotheses)
	first := "hypotheses of " + in.Systems[0].Name
	for _, s := range in.Systems[1:] {
		if len(s.Hypotheses) != n {
			return nil, &LineCountError{"hypotheses of " + s.Name, len(s.Hypotheses), n, first}
		}
	}
	for k, r := range in.References {
		if len(r) != n {
			return nil, &LineCountError{fmt.Sprintf("reference %d", k+1), len(r), n, first}
		}
	}
	if in.Sources != nil && len(in.Sources) != n {
		return nil, &LineCountError{"sources", len(in.Sources), n, first}
	}
	metrics := opt.Metrics
	if metrics == nil {
		metrics = DefaultMetrics()
	}
	if len(in.References) == 0 {
		metrics = nil // QA only
	}
	nboot := opt.Bootstrap
	if nboot == 0 {
		nboot = DefaultBootstrapSamples
	}
	seed := opt.Seed
	if seed == 0 {
		seed = DefaultBootstrapSeed
	}
	rep := &Report{Version: opt.Version, NumRefs: len(in.References), HigherBest: map[string]bool{},
		Bootstrap: nboot, Seed: seed}
	for _, m := range metrics {
		rep.Metrics = append(rep.Metrics, m.Name())
		rep.HigherBest[m.Name()] = m.HigherIsBetter()
	}

	var segRefs [][]string
	nrefs := ""
	if len(in.References) > 0 {
		var err error
		segRefs, nrefs, err = SegmentRefs(n, in.References)
		if err != nil {
			return nil, err
		}
	}

	// statistics[system][metric][segment]
	statistics := make([][][][]float64, len(in.Systems))
	for si, sys := range in.Systems {
		sr := SystemReport{Name: sys.Name, QA: map[string]int{}}
		statistics[si] = make([][][]float64, len(metrics))
		for mi, m := range metrics {
			st := Stats(m, sys.Hypotheses, segRefs)
			statistics[si][mi] = st
			sr.Corpus = append(sr.Corpus, scoreFromStats(m, Sum(st), nrefs, opt.Version))
		}
		flags := CheckQA(in.Sources, sys.Hypotheses, opt.QA)
		sr.Segments = make([]Segment, n)
		for i, h := range sys.Hypotheses {
			seg := Segment{Index: i + 1, Hypothesis: h, Flags: flags[i]}
			if sys.Flags != nil && i < len(sys.Flags) {
				seg.Flags = append(seg.Flags, sys.Flags[i]...)
			}
			if in.Sources != nil {
				seg.Source = in.Sources[i]
			}
			if segRefs != nil {
				seg.References = segRefs[i]
				seg.Diff = WordDiff(segRefs[i][0], h)
				seg.Scores = map[string]float64{}
				for mi, m := range metrics {
					seg.Scores[m.Name()] = sentenceScore(m, statistics[si][mi][i])
				}
			}
			for _, f := range seg.Flags {
				sr.QA[f.Kind]++
			}
			sr.Segments[i] = seg
		}
		rep.Systems = append(rep.Systems, sr)
	}

	if len(in.Systems) > 1 {
		if len(metrics) > 0 && n > 0 {
			samples := Resamples(nboot, n, seed)
			base := &rep.Systems[0]
			base.Baseline = map[string]Confidence{}
			for mi, m := range metrics {
				base.Baseline[m.Name()] = Bootstrap(m, statistics[0][mi], samples)
			}
			for si := 1; si < len(in.Systems); si++ {
				rep.Systems[si].Paired = map[string]PairedResult{}
				for mi, m := range metrics {
					rep.Systems[si].Paired[m.Name()] = PairedBootstrap(m, statistics[0][mi], statistics[si][mi], samples)
				}
			}
		}
		k := opt.MostDifferent
		if k == 0 {
			k = 10
		}
		rep.MostDifferent = mostDifferent(rep, in, k)
	}
	return rep, nil
}

// sentenceScore is the segment-level score shown next to each segment. BLEU uses effective
// order, as sacreBLEU's sentence_bleu does; the other metrics score the segment's statistics.
func sentenceScore(m Metric, stats []float64) float64 {
	if b, ok := m.(BLEU); ok {
		b.EffectiveOrder = true // the statistics do not depend on it, only the score
		return b.Score(stats)
	}
	return m.Score(stats)
}

// PrimaryMetric is the metric used to rank segments: chrF2 when computed (sentence BLEU is
// noisy), otherwise the first metric.
func (r *Report) PrimaryMetric() string {
	for _, m := range r.Metrics {
		if m == "chrF2" {
			return m
		}
	}
	if len(r.Metrics) > 0 {
		return r.Metrics[0]
	}
	return ""
}

// Worst returns the indices of system si's k worst segments by the primary metric.
func (r *Report) Worst(si, k int) []int {
	m := r.PrimaryMetric()
	if m == "" {
		return nil
	}
	segs := r.Systems[si].Segments
	idx := make([]int, len(segs))
	for i := range idx {
		idx[i] = i
	}
	higher := r.HigherBest[m]
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := segs[idx[a]].Scores[m], segs[idx[b]].Scores[m]
		if higher {
			return x < y
		}
		return x > y
	})
	return idx[:min(k, len(idx))]
}

// mostDifferent ranks segments by the spread of the primary metric across systems, or
// without references by how different the outputs are from the baseline's (100 − chrF2).
func mostDifferent(rep *Report, in Input, k int) []Difference {
	n := len(in.Systems[0].Hypotheses)
	var out []Difference
	m := rep.PrimaryMetric()
	chrf := NewCHRF()
	for i := 0; i < n; i++ {
		var d Difference
		d.Segment = i
		if m != "" {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, s := range rep.Systems {
				v := s.Segments[i].Scores[m]
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
			d.Spread, d.By = hi-lo, m+" spread"
		} else {
			for _, s := range in.Systems[1:] {
				base := in.Systems[0].Hypotheses[i]
				if strings.TrimSpace(base) == "" {
					continue
				}
				d.Spread = math.Max(d.Spread, 100-SentenceScore(chrf, s.Hypotheses[i], []string{base}))
			}
			d.By = "100 − chrF2 against the baseline's output"
		}
		if d.Spread > 0 {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Spread > out[b].Spread })
	return out[:min(k, len(out))]
}
