package report

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Paired bootstrap resampling (Koehn 2004) as sacreBLEU's --paired-bs implements it: the same
// resampled segment sets are scored for the baseline and the system, the p-value counts how
// often the centred resampled |difference| exceeds the observed one, and the 95 % confidence
// interval is half the distance between the 2.5th and 97.5th percentile.
//
// sacreBLEU draws the samples with numpy's generator seeded with 12345; bitext uses the same
// seed with Go's PCG generator. The samples therefore differ from sacreBLEU's, and so can the
// last digits of p-values and intervals; the test itself is the same.

// DefaultBootstrapSamples and DefaultBootstrapSeed are sacreBLEU's defaults.
const (
	DefaultBootstrapSamples = 1000
	DefaultBootstrapSeed    = 12345
)

// Resamples draws n bootstrap samples of segment indices for a corpus of size segments.
// The same seed gives the same samples, so every metric and every system is resampled alike.
func Resamples(n, segments int, seed uint64) [][]int32 {
	rng := rand.New(rand.NewPCG(seed, 0))
	out := make([][]int32, n)
	for k := range out {
		idx := make([]int32, segments)
		for i := range idx {
			idx[i] = int32(rng.IntN(segments))
		}
		out[k] = idx
	}
	return out
}

// resampledScores scores every bootstrap sample.
func resampledScores(m Metric, stats [][]float64, samples [][]int32) []float64 {
	scores := make([]float64, len(samples))
	if len(stats) == 0 {
		return scores
	}
	total := make([]float64, len(stats[0]))
	for k, idx := range samples {
		clear(total)
		for _, i := range idx {
			sumStats(total, stats[i])
		}
		scores[k] = m.Score(total)
	}
	return scores
}

// Confidence is a bootstrap estimate: the mean of the resampled scores and the half-width of
// their 95 % interval.
type Confidence struct {
	Mean float64 `json:"mean"`
	CI   float64 `json:"ci"`
}

// estimateCI is sacreBLEU's significance.estimate_ci.
func estimateCI(scores []float64) Confidence {
	s := append([]float64(nil), scores...)
	sort.Float64s(s)
	n := len(s)
	if n == 0 {
		return Confidence{}
	}
	lower := n / 40
	upper := n - lower - 1
	sum := 0.0
	for _, x := range s {
		sum += x
	}
	return Confidence{Mean: sum / float64(n), CI: 0.5 * (s[upper] - s[lower])}
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

// pairedResult is the paired test from the summed statistics of both systems and their
// scores on the same resamples.
func pairedResult(m Metric, baseTotal, sysTotal, bl, sy []float64) PairedResult {
	baseScore := m.Score(baseTotal)
	sysScore := m.Score(sysTotal)
	real := math.Abs(baseScore - sysScore)
	diffs := make([]float64, len(sy))
	mean := 0.0
	for k := range diffs {
		diffs[k] = math.Abs(sy[k] - bl[k])
		mean += diffs[k]
	}
	if len(diffs) > 0 {
		mean /= float64(len(diffs))
	}
	c := 0
	for _, d := range diffs {
		if d-mean > real {
			c++
		}
	}
	return PairedResult{
		Score:      sysScore,
		Confidence: estimateCI(sy),
		PValue:     float64(c+1) / float64(len(sy)+1),
	}
}

// bootstrapSystems fills the baseline's confidence and every other system's paired result.
// It draws the samples of Resamples(nboot, n, seed) one at a time, scoring each for every
// system and metric before drawing the next, so memory holds one sample (not nboot × n
// indices) and every system and metric is resampled alike.
func bootstrapSystems(p *poller, rep *Report, metrics []Metric, kept [][]flatStats, totals [][][]float64, n, nboot int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 0))
	idx := make([]int32, n)
	// scores[system][metric][sample]
	scores := make([][][]float64, len(kept))
	for si := range scores {
		scores[si] = make([][]float64, len(metrics))
		for mi := range metrics {
			scores[si][mi] = make([]float64, nboot)
		}
	}
	var total []float64
	for k := 0; k < nboot; k++ {
		for i := range idx {
			idx[i] = int32(rng.IntN(n))
		}
		for si := range kept {
			for mi, m := range metrics {
				f := &kept[si][mi]
				if cap(total) < f.width {
					total = make([]float64, f.width)
				}
				total = total[:f.width]
				clear(total)
				for _, i := range idx {
					sumStats(total, f.at(int(i)))
				}
				scores[si][mi][k] = m.Score(total)
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
