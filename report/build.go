package report

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/bitext/bitext/qa"
)

// System is one set of hypotheses to report on.
type System struct {
	Name       string
	Hypotheses []string
	// Flags are findings known in advance per segment (for example glossary violations
	// recorded by bitext translate); nil when none. They are merged with the QA flags.
	Flags [][]Flag
	// Unit is what Hypotheses holds, as Side.Unit: "lines" (then a segment's place is its
	// line), or segments of a bitext or an article; "" is "lines".
	Unit string
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
	// MostDifferent is how many segments to list where systems differ most (default 10;
	// negative: none, as TextOptions.Worst).
	MostDifferent int
	// Details says which per-segment details to build. The zero value, DetailsAll, gives every
	// segment its details (what JSON and HTML output print) but builds each as the renderers
	// reach it; DetailsWorst builds them only for the segments text and Markdown output show;
	// DetailsEager builds them all in Build.
	Details Details
	// Worst is, with DetailsWorst, how many worst segments per system the output shows
	// (TextOptions.Worst's convention: 0 means 10, negative none).
	Worst int
}

// Details selects the per-segment details Build keeps.
type Details int

const (
	// DetailsAll gives every segment its sentence scores and word diff, built when they are
	// asked for: Build keeps the sentence scores as one column of floats per metric and leaves
	// Segment.Scores and Segment.Diff nil, and Report.Segment (which the renderers use) builds
	// a segment's as it is read, so WriteJSON holds one segment's details at a time. Notices of
	// coarse diffs are known after Build all the same. The details are built under the context
	// given to BuildContext: render the report before cancelling it (or use DetailsEager).
	DetailsAll Details = iota
	// DetailsWorst builds Segment.Diff only for the Options.Worst worst segments of each
	// system and the MostDifferent segments: what WriteText and WriteMarkdown show when their
	// TextOptions.Worst is at most Options.Worst. Scores, sources, hypotheses, references and
	// flags are kept for every segment. Memory then stays a small multiple of the input at any
	// corpus size (word diffs are what made a report of 100k lines hold about 1 GB).
	DetailsWorst
	// DetailsEager fills in Segment.Scores and Segment.Diff of every segment in Build, for
	// callers that read the fields directly; memory then grows with every diff.
	DetailsEager
)

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
	// Notices says where the report deviates from a full one, one sentence each (for example
	// a word diff reduced to a coarse one because a segment is too long to diff word by
	// word); the renderers print them and a CLI may repeat them on stderr.
	Notices []string
	// deferred says that Build left the sentence scores and diffs of the segments to
	// Report.Segment (DetailsAll); ctx is the context they are built under.
	deferred bool
	ctx      context.Context
}

// SystemReport is one system's part of a report.
type SystemReport struct {
	Name     string
	Corpus   []Score                 // in Metrics order
	Paired   map[string]PairedResult // vs the baseline, by metric name; nil for the baseline
	Baseline map[string]Confidence   // the baseline's own bootstrap estimate (baseline only)
	Segments []Segment
	QA       map[string]int // flag counts by kind
	// sentence[mi][i] is segment i's sentence score under metric mi (Build fills it; a
	// Report decoded or assembled elsewhere falls back to Segment.Scores).
	sentence [][]float64
}

// Segment is one segment of one system.
type Segment struct {
	Index      int                `json:"index"` // 1-based
	Source     string             `json:"source,omitempty"`
	Hypothesis string             `json:"hypothesis"`
	References []string           `json:"references,omitempty"`
	Scores     map[string]float64 `json:"scores,omitempty"` // sentence-level, by metric name
	Diff       []DiffSpan         `json:"diff,omitempty"`   // first reference with text → hypothesis
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

// Build computes a report. It is BuildContext without cancellation.
func Build(in Input, opt Options) (*Report, error) {
	return BuildContext(context.Background(), in, opt)
}

// BuildContext computes a report, stopping soon after ctx is cancelled (every long loop
// polls it, including those inside one segment) with an error for which errors.Is(err,
// ctx.Err()) holds. Corpus statistics come from one streaming pass over the segments; with
// Options.Details = DetailsWorst the per-segment details are built only where the output
// shows them.
func BuildContext(ctx context.Context, in Input, opt Options) (*Report, error) {
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
	for _, m := range metrics {
		if err := checkMetric(m); err != nil {
			return nil, err
		}
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
	p := newPoller(ctx)
	if err := p.check(); err != nil {
		return nil, cancelled(err)
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

	// Paired bootstrap needs every segment's statistics; otherwise they are summed and
	// dropped as the pass goes.
	keepStats := len(in.Systems) > 1 && len(metrics) > 0 && n > 0
	statsers := make([]segStatser, len(metrics))
	for mi, m := range metrics {
		statsers[mi] = statserFor(m)
	}
	// kept[system][metric] holds the statistics of every segment back to back.
	kept := make([][]flatStats, len(in.Systems))
	totals := make([][][]float64, len(in.Systems))
	for si, sys := range in.Systems {
		sr := SystemReport{Name: sys.Name, QA: map[string]int{}}
		sr.sentence = make([][]float64, len(metrics))
		totals[si] = make([][]float64, len(metrics))
		kept[si] = make([]flatStats, len(metrics))
		for mi := range metrics {
			sr.sentence[mi] = make([]float64, n)
		}
		for i, h := range sys.Hypotheses {
			for mi, m := range metrics {
				st, err := statsers[mi](p, h, segRefs[i])
				if err != nil {
					return nil, cancelled(err)
				}
				if totals[si][mi] == nil {
					totals[si][mi] = make([]float64, len(st))
				}
				sumStats(totals[si][mi], st)
				sr.sentence[mi][i] = sentenceScore(m, st)
				if keepStats {
					kept[si][mi].add(st)
				}
			}
			if err := p.tick(len(h) + 64); err != nil {
				return nil, cancelled(err)
			}
		}
		for mi, m := range metrics {
			sr.Corpus = append(sr.Corpus, scoreFromStats(m, totals[si][mi], nrefs, opt.Version))
		}
		flags, err := checkQA(p, in.Sources, sys.Hypotheses, opt.QA)
		if err != nil {
			return nil, cancelled(err)
		}
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
			}
			// Flags say where they are as check's and review's do: the system is the document.
			if len(seg.Flags) > 0 {
				label := where(sys.Name, sys.Unit, i)
				if sys.Name == "" {
					label = fmt.Sprintf("segment %d", i+1)
				}
				place(seg.Flags, qa.Location{Document: sys.Name, Segment: i + 1, Label: label})
			}
			for _, f := range seg.Flags {
				sr.QA[f.Kind]++
			}
			sr.Segments[i] = seg
		}
		rep.Systems = append(rep.Systems, sr)
	}

	if len(in.Systems) > 1 {
		if keepStats {
			if err := bootstrapSystems(p, rep, metrics, kept, totals, n, nboot, seed); err != nil {
				return nil, cancelled(err)
			}
		}
		k := opt.MostDifferent
		if k == 0 {
			k = 10
		}
		if k > 0 {
			var err error
			rep.MostDifferent, err = mostDifferent(p, rep, in, k)
			if err != nil {
				return nil, cancelled(err)
			}
		}
	}

	// Sentence scores and diffs where the output needs them.
	var show []int
	if opt.Details != DetailsWorst {
		show = make([]int, n)
		for i := range show {
			show[i] = i
		}
	} else {
		seen := map[int]bool{}
		k := TextOptions{Worst: opt.Worst}.worst()
		for si := range rep.Systems {
			for _, i := range rep.Worst(si, k) {
				seen[i] = true
			}
		}
		for _, d := range rep.MostDifferent {
			seen[d.Segment] = true
		}
		for i := range seen {
			show = append(show, i)
		}
		sort.Ints(show)
	}
	if segRefs != nil {
		rep.deferred = opt.Details == DetailsAll
		if rep.deferred {
			rep.ctx = ctx
		}
		coarse := 0
		for si := range rep.Systems {
			sr := &rep.Systems[si]
			for _, i := range show {
				seg := &sr.Segments[i]
				ref := firstRef(segRefs[i])
				full := true
				if rep.deferred {
					// Only the notices now: whether the diff will be a coarse one is a matter of
					// size (as wordDiff decides it).
					full = countDiffTokens(ref)+countDiffTokens(seg.Hypothesis) <= diffMaxTokens
					if err := p.tick(len(ref) + len(seg.Hypothesis)); err != nil {
						return nil, cancelled(err)
					}
				} else {
					diff, f, err := wordDiff(p, ref, seg.Hypothesis)
					if err != nil {
						return nil, cancelled(err)
					}
					seg.Diff, full = diff, f
				}
				if !full {
					coarse++
					if coarse <= maxNotices {
						rep.Notices = append(rep.Notices, fmt.Sprintf("%s, segment %d: the word diff only marks the differing middle (%s); the segment is too long to diff word by word",
							sr.Name, i+1, diffSize(ref, seg.Hypothesis)))
					}
				}
			}
			if rep.deferred {
				continue
			}
			// Sentence scores are cheap next to diffs, and every renderer reads them.
			for i := range sr.Segments {
				sr.Segments[i].Scores = rep.sentenceScores(si, i)
			}
		}
		if coarse > maxNotices {
			rep.Notices = append(rep.Notices, fmt.Sprintf("%d more segments got a coarse word diff", coarse-maxNotices))
		}
	}
	return rep, nil
}

// Segment returns system si's segment i with its sentence scores and word diff: as Build
// stored them, or built now when Build deferred them (Options.Details = DetailsAll), under
// the context Build was given. The error is that context's, once it is cancelled.
func (r *Report) Segment(si, i int) (Segment, error) {
	return r.segment(r.poller(), si, i)
}

// poller polls the context the report's deferred details are built under (nil: none).
func (r *Report) poller() *poller {
	if !r.deferred {
		return nil
	}
	return newPoller(r.ctx)
}

// segment is Report.Segment polling p.
func (r *Report) segment(p *poller, si, i int) (Segment, error) {
	seg := r.Systems[si].Segments[i]
	if !r.deferred || r.NumRefs == 0 {
		return seg, nil
	}
	if err := p.check(); err != nil { // once a segment: cheap next to its diff
		return Segment{}, cancelled(err)
	}
	if seg.Scores == nil {
		seg.Scores = r.sentenceScores(si, i)
	}
	if seg.Diff == nil && len(seg.References) > 0 {
		diff, _, err := wordDiff(p, firstRef(seg.References), seg.Hypothesis)
		if err != nil {
			return Segment{}, cancelled(err)
		}
		seg.Diff = diff
	}
	return seg, nil
}

// sentenceScores is the Segment.Scores map of system si's segment i, from the columns Build
// keeps.
func (r *Report) sentenceScores(si, i int) map[string]float64 {
	s := &r.Systems[si]
	scores := make(map[string]float64, len(r.Metrics))
	for mi, m := range r.Metrics {
		if mi < len(s.sentence) {
			scores[m] = s.sentence[mi][i]
		}
	}
	return scores
}

// maxNotices bounds how many segments are named one by one in Report.Notices.
const maxNotices = 10

// cancelled wraps a context error so that errors.Is(err, context.Canceled) (or
// DeadlineExceeded) holds and the message says what stopped.
func cancelled(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("report: stopped: %w", err)
	}
	return err
}

// segStatser computes one segment's statistics under one metric, polling p.
type segStatser func(p *poller, hyp string, refs []string) ([]float64, error)

// statserFor returns the cancellable statistics of bitext's metrics (with scratch buffers
// reused across segments) and wraps any other Metric.
func statserFor(m Metric) segStatser {
	switch mm := m.(type) {
	case BLEU:
		sc := newBLEUScratch()
		return func(p *poller, hyp string, refs []string) ([]float64, error) {
			return mm.statsContext(p, sc, hyp, refs)
		}
	case CHRF:
		return mm.statsContext
	case TER:
		return mm.statsContext
	}
	return func(p *poller, hyp string, refs []string) ([]float64, error) {
		st := m.Stats(hyp, refs)
		return st, p.tick(len(hyp))
	}
}

// flatStats holds the statistics of many segments back to back (one allocation instead of
// one per segment), for the bootstrap, in float32 as sacreBLEU's numpy arrays of them are.
type flatStats struct {
	width int
	v     []float32
}

func (f *flatStats) add(st []float64) {
	f.width = len(st)
	for _, x := range st {
		f.v = append(f.v, float32(x))
	}
}

func (f *flatStats) at(i int) []float32 { return f.v[i*f.width : (i+1)*f.width] }

// segScore is system si's sentence score of segment i under metric m.
func (r *Report) segScore(si, i int, m string) float64 {
	s := &r.Systems[si]
	if s.sentence != nil {
		for mi, name := range r.Metrics {
			if name == m && mi < len(s.sentence) {
				return s.sentence[mi][i]
			}
		}
	}
	return s.Segments[i].Scores[m]
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
	score := func(i int) float64 { return segs[i].Scores[m] }
	if col := r.column(si, m); col != nil {
		score = func(i int) float64 { return col[i] }
	}
	higher := r.HigherBest[m]
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := score(idx[a]), score(idx[b])
		if higher {
			return x < y
		}
		return x > y
	})
	return idx[:min(k, len(idx))]
}

// column returns system si's sentence scores under metric m, or nil when Build did not keep them.
func (r *Report) column(si int, m string) []float64 {
	s := &r.Systems[si]
	for mi, name := range r.Metrics {
		if name == m && mi < len(s.sentence) {
			return s.sentence[mi]
		}
	}
	return nil
}

// mostDifferent ranks segments by the spread of the primary metric across systems, or
// without references by how different the outputs are from the baseline's (100 − chrF2).
func mostDifferent(p *poller, rep *Report, in Input, k int) ([]Difference, error) {
	n := len(in.Systems[0].Hypotheses)
	var out []Difference
	m := rep.PrimaryMetric()
	chrf := NewCHRF()
	for i := 0; i < n; i++ {
		var d Difference
		d.Segment = i
		if m != "" {
			lo, hi := math.Inf(1), math.Inf(-1)
			for si := range rep.Systems {
				v := rep.segScore(si, i, m)
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
			d.Spread, d.By = hi-lo, m+" spread"
		} else {
			for _, s := range in.Systems[1:] {
				base := in.Systems[0].Hypotheses[i]
				if strings.TrimSpace(base) == "" {
					continue
				}
				st, err := chrf.statsContext(p, s.Hypotheses[i], []string{base})
				if err != nil {
					return nil, err
				}
				d.Spread = math.Max(d.Spread, 100-chrf.Score(st))
			}
			d.By = "100 − chrF2 against the baseline's output"
		}
		if d.Spread > 0 {
			out = append(out, d)
		}
		if err := p.tick(64); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Spread > out[b].Spread })
	return out[:min(k, len(out))], nil
}
