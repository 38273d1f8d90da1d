package report

import (
	"math"
	"sort"
)

// Paired bootstrap resampling (Koehn 2004) as sacreBLEU's --paired-bs implements it
// (sacrebleu/significance.py), to the same numbers: the same resampled segment sets are
// scored for the baseline and the system, the p-value counts how often the centred resampled
// |difference| exceeds the observed one, and the 95 % confidence interval is half the
// distance between the 2.5th and 97.5th percentile.
//
// The samples are numpy's: np.random.default_rng(seed).choice(n, size=(samples, n)), drawn
// by the same generator (nprandom.go), row by row. sacreBLEU then works in numpy float32:
// the segment statistics are cast to float32 and each sample's rows summed in float32, and
// the metrics' arithmetic on those sums follows NumPy 2's promotion (NEP 50: a Python number
// meeting a float32 stays float32), so chrF and TER scores of samples are float32 and BLEU's
// precisions are; the means are numpy's pairwise sums. All of that is done here alike
// (numpy32.go). Under NumPy 1.x, whose promotion made the mixed arithmetic float64, the
// last digits of a p-value or interval can differ.

// DefaultBootstrapSamples and DefaultBootstrapSeed are sacreBLEU's defaults.
const (
	DefaultBootstrapSamples = 1000
	DefaultBootstrapSeed    = 12345
)

// Resamples draws n bootstrap samples of segment indices for a corpus of size segments, as
// np.random.default_rng(seed).choice(segments, size=(n, segments), replace=True).
func Resamples(n, segments int, seed uint64) [][]int32 {
	g := newNumpyRNG(seed)
	out := make([][]int32, n)
	for k := range out {
		out[k] = make([]int32, segments)
		if segments > 0 {
			g.choice(out[k], segments)
		}
	}
	return out
}

// sampleScores are the scores of the bootstrap samples, and whether numpy holds them as
// float32 (every score was a float32) or float64.
type sampleScores struct {
	v   []float64
	f32 bool
}

// resampledScores scores every bootstrap sample.
func resampledScores(m Metric, stats [][]float64, samples [][]int32) sampleScores {
	var f flatStats
	for _, st := range stats {
		f.add(st)
	}
	s := sampleScores{v: make([]float64, len(samples)), f32: true}
	if len(stats) == 0 {
		return s
	}
	total := make([]float32, f.width)
	for k, idx := range samples {
		clear(total)
		for _, i := range idx {
			sumStats32(total, f.at(int(i)))
		}
		var is32 bool
		s.v[k], is32 = score32(m, total)
		s.f32 = s.f32 && is32
	}
	return s
}

// Confidence is a bootstrap estimate: the mean of the resampled scores and the half-width of
// their 95 % interval.
type Confidence struct {
	Mean float64 `json:"mean"`
	CI   float64 `json:"ci"`
}

// estimateCI is sacreBLEU's significance.estimate_ci, in the scores' numpy type.
func estimateCI(scores sampleScores) Confidence {
	s := append([]float64(nil), scores.v...)
	sort.Float64s(s)
	n := len(s)
	if n == 0 {
		return Confidence{}
	}
	lower := n / 40
	upper := n - lower - 1
	c := Confidence{Mean: npMean(s, scores.f32), CI: 0.5 * (s[upper] - s[lower])}
	if scores.f32 {
		c.CI = float64(float32(0.5) * (float32(s[upper]) - float32(s[lower])))
	}
	return c
}

// Bootstrap returns the confidence estimate of one system's score.
func Bootstrap(m Metric, stats [][]float64, samples [][]int32) Confidence {
	return estimateCI(resampledScores(m, stats, samples))
}

// PairedResult is the outcome of a paired bootstrap test of a system against a baseline.
type PairedResult struct {
	Score      float64    `json:"score"`
	Confidence Confidence `json:"confidence"`
	PValue     float64    `json:"p_value"`
}

// PairedBootstrap tests whether sys differs from base under metric m. Both statistics
// slices are per segment, over the same segments.
func PairedBootstrap(m Metric, base, sys [][]float64, samples [][]int32) PairedResult {
	return pairedResult(m, Sum(base), Sum(sys), resampledScores(m, base, samples), resampledScores(m, sys, samples))
}

// pairedResult is sacreBLEU's _paired_bs_test from the summed statistics of both systems
// (their corpus scores, in float64 as sacreBLEU computes them from Python numbers) and
// their scores on the same resamples.
func pairedResult(m Metric, baseTotal, sysTotal []float64, bl, sy sampleScores) PairedResult {
	baseScore := m.Score(baseTotal)
	sysScore := m.Score(sysTotal)
	real := math.Abs(baseScore - sysScore)
	// np.abs(scores_sys - scores_bl) is float32 only when both arrays are.
	f32 := bl.f32 && sy.f32
	diffs := make([]float64, len(sy.v))
	for k := range diffs {
		if f32 {
			diffs[k] = float64(abs32(float32(sy.v[k]) - float32(bl.v[k])))
		} else {
			diffs[k] = math.Abs(sy.v[k] - bl.v[k])
		}
	}
	mean := npMean(diffs, f32)
	c := 0
	for _, d := range diffs {
		// stats = sample_diffs - sample_diffs.mean(); np.sum(stats > real_difference), the
		// Python float compared as a float32 against a float32 array.
		if f32 {
			if float32(d)-float32(mean) > float32(real) {
				c++
			}
		} else if d-mean > real {
			c++
		}
	}
	return PairedResult{
		Score:      sysScore,
		Confidence: estimateCI(sy),
		PValue:     float64(c+1) / float64(len(sy.v)+1),
	}
}

// bootstrapSystems fills the baseline's confidence and every other system's paired result.
// It draws the samples of Resamples(nboot, n, seed) one at a time, scoring each for every
// system and metric before drawing the next, so memory holds one sample (not nboot × n
// indices) and every system and metric is resampled alike, as sacreBLEU's fresh generator
// with the same seed for the baseline and for each system gives the same samples.
func bootstrapSystems(p *poller, rep *Report, metrics []Metric, kept [][]flatStats, totals [][][]float64, n, nboot int, seed uint64) error {
	g := newNumpyRNG(seed)
	idx := make([]int32, n)
	// scores[system][metric]
	scores := make([][]sampleScores, len(kept))
	for si := range scores {
		scores[si] = make([]sampleScores, len(metrics))
		for mi := range metrics {
			scores[si][mi] = sampleScores{v: make([]float64, nboot), f32: true}
		}
	}
	var total []float32
	for k := 0; k < nboot; k++ {
		g.choice(idx, n)
		for si := range kept {
			for mi, m := range metrics {
				f := &kept[si][mi]
				if cap(total) < f.width {
					total = make([]float32, f.width)
				}
				total = total[:f.width]
				clear(total)
				for _, i := range idx {
					sumStats32(total, f.at(int(i)))
				}
				s := &scores[si][mi]
				var is32 bool
				s.v[k], is32 = score32(m, total)
				s.f32 = s.f32 && is32
				if err := p.tick(n * f.width); err != nil {
					return err
				}
			}
		}
	}
	base := &rep.Systems[0]
	base.Baseline = map[string]Confidence{}
	for mi, m := range metrics {
		base.Baseline[m.Name()] = estimateCI(scores[0][mi])
	}
	for si := 1; si < len(kept); si++ {
		rep.Systems[si].Paired = map[string]PairedResult{}
		for mi, m := range metrics {
			rep.Systems[si].Paired[m.Name()] = pairedResult(m, totals[0][mi], totals[si][mi], scores[0][mi], scores[si][mi])
		}
	}
	return nil
}
