package align

import (
	"fmt"
	"math"
	"os"
	"slices"
	"testing"
)

// calibSample is one bead of an alignment with its features and whether it is right; a
// stranger is a wrong bead that pairs sentences the gold puts in no common bead (two unrelated
// sentences, or groups of them).
type calibSample struct {
	f        calibFeatures
	conf     float64
	right    bool
	stranger bool
}

// devSamples aligns the Text+Berg dev article in one mode and labels each final bead by a strict
// match with the gold.
func devSamples(tb testing.TB, d textberg, mtde []string, mode string) []calibSample {
	_, ss := alignLabelled(tb, d.de, d.fr, d.gold, devOptions(mode, d.mt, mtde))
	return ss
}

// calibParts are the cuts of the dev article whose parts BenchmarkCalibration also measures the
// confidences on (ECE-parts): the held-aside Text+Berg test documents, like most articles users
// align, are a quarter of the dev article's size, and a short document's beads are scored from
// less evidence (a lexicon learned from fewer beads, fewer rare words). Fitting on the parts as
// well as the whole article was tried: ECE-parts without MT rose 0.025 → 0.031 and the right
// beads at confidence ≥ 0.9 fell (1094 → 1077 over the parts, 276 → 269 on the whole), with
// MT likewise, so the fit stays on the whole article.
var calibParts = []int{2, 3, 4, 6}

// devPartSamples aligns each part of the dev article cut into parts (see devParts) alone in one
// mode and labels the beads.
func devPartSamples(tb testing.TB, d textberg, mode string, parts int) []calibSample {
	var out []calibSample
	for _, p := range devParts(d, parts) {
		_, ss := alignLabelled(tb, p.de, p.fr, p.gold, devOptions(mode, p.mt, p.mtde))
		out = append(out, ss...)
	}
	return out
}

// alignLabelled aligns src with tgt and labels each final bead with its calibration features,
// whether it is right and whether it is a stranger.
func alignLabelled(tb testing.TB, src, tgt []string, gold []Bead, opt Options) ([]Bead, []calibSample) {
	var traced []calibFeatures
	opt.trace = func(_ Bead, f calibFeatures) { traced = append(traced, f) }
	beads, err := Align(src, tgt, opt)
	if err != nil {
		tb.Fatal(err)
	}
	traced = traced[len(traced)-len(beads):] // the last pass's beads
	return beads, labelSamples(beads, traced, gold)
}

// labelSamples labels beads (with their traced features) against the gold.
func labelSamples(beads []Bead, traced []calibFeatures, gold []Bead) []calibSample {
	right := map[string]bool{}
	gs, gt := map[int]int{}, map[int]int{}
	for k, b := range gold {
		right[beadKey(b)] = true
		for _, i := range b.Src {
			gs[i] = k + 1
		}
		for _, j := range b.Tgt {
			gt[j] = k + 1
		}
	}
	out := make([]calibSample, len(beads))
	for k, b := range beads {
		s := calibSample{traced[k], b.Confidence, right[beadKey(b)], false}
		if !s.right && len(b.Src) > 0 && len(b.Tgt) > 0 {
			s.stranger = true
			for _, i := range b.Src {
				for _, j := range b.Tgt {
					if gs[i] != 0 && gs[i] == gt[j] {
						s.stranger = false
					}
				}
			}
		}
		out[k] = s
	}
	return out
}

var calibModes = []string{"no-mt", "mt", "mt-tgt", "both"}

// TestFitCalibration fits the coefficients of calib.go on the dev gold and prints them (only
// with ALIGN_FIT=1: it is how they were made, not a check).
func TestFitCalibration(t *testing.T) {
	if os.Getenv("ALIGN_FIT") == "" {
		t.Skip("fits calib.go's coefficients; run with ALIGN_FIT=1")
	}
	d := loadTextberg(t)
	mtde := readLines(t, textbergDir(t)+"/dev.mt-google.de")
	var noMT, withMT []calibSample
	for _, m := range calibModes {
		s := devSamples(t, d, mtde, m)
		if m == "no-mt" {
			noMT = append(noMT, s...)
		} else {
			withMT = append(withMT, s...)
		}
	}
	fmt.Printf("calibNoMT = %#v\n", fitLogistic(noMT))
	fmt.Printf("calibMT   = %#v\n", fitLogistic(withMT))
}

// fitLogistic fits P(right) = σ(w·x) by Newton's method with a small ridge penalty (not on the
// bias), which keeps the weights finite when a feature separates the classes.
func fitLogistic(ss []calibSample) [calibDims]float64 {
	const ridge = 1.0
	var w [calibDims]float64
	for it := 0; it < 50; it++ {
		var g [calibDims]float64
		var h [calibDims][calibDims]float64
		for k := 1; k < calibDims; k++ {
			g[k] = ridge * w[k]
			h[k][k] = ridge
		}
		for _, s := range ss {
			x := s.f.vector()
			var z float64
			for k := range x {
				z += w[k] * x[k]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if s.right {
				y = 1
			}
			for a := range x {
				g[a] += (p - y) * x[a]
				for b := range x {
					h[a][b] += p * (1 - p) * x[a] * x[b]
				}
			}
		}
		step := solve(h, g)
		for k := range w {
			w[k] -= step[k]
		}
	}
	return w
}

// solve solves h·x = g by Gaussian elimination with partial pivoting.
func solve(h [calibDims][calibDims]float64, g [calibDims]float64) [calibDims]float64 {
	for c := 0; c < calibDims; c++ {
		p := c
		for r := c + 1; r < calibDims; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[p][c]) {
				p = r
			}
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		if h[c][c] == 0 {
			continue
		}
		for r := c + 1; r < calibDims; r++ {
			f := h[r][c] / h[c][c]
			for k := c; k < calibDims; k++ {
				h[r][k] -= f * h[c][k]
			}
			g[r] -= f * g[c]
		}
	}
	var x [calibDims]float64
	for c := calibDims - 1; c >= 0; c-- {
		if h[c][c] == 0 {
			continue
		}
		s := g[c]
		for k := c + 1; k < calibDims; k++ {
			s -= h[c][k] * x[k]
		}
		x[c] = s / h[c][c]
	}
	return x
}

// reliability bins confidences into tenths: for each bin the beads, their mean confidence and
// the share that is right; and the expected calibration error (the bins' |accuracy −
// confidence| weighted by their size).
func reliability(ss []calibSample) (n [10]int, conf, acc [10]float64, ece float64) {
	for _, s := range ss {
		k := min(int(s.conf*10), 9)
		n[k]++
		conf[k] += s.conf
		if s.right {
			acc[k]++
		}
	}
	for k := range n {
		if n[k] > 0 {
			conf[k] /= float64(n[k])
			acc[k] /= float64(n[k])
			ece += float64(n[k]) / float64(len(ss)) * math.Abs(acc[k]-conf[k])
		}
	}
	return
}

// precisionAbove is the share of right beads among those with confidence ≥ c, and their number.
func precisionAbove(ss []calibSample, c float64) (float64, int) {
	var n, r int
	for _, s := range ss {
		if s.conf >= c {
			n++
			if s.right {
				r++
			}
		}
	}
	if n == 0 {
		return 1, 0
	}
	return float64(r) / float64(n), n
}

// BenchmarkCalibration reports, for each mode on the dev gold, the expected calibration error,
// the precision, number of right beads and share of the beads with confidence ≥ 0.9, the
// strangers' confidences (see trustMetrics), and the reliability diagram: per tenth of
// confidence, the beads' accuracy (acc-0.9 is the bin [0.9,1]) and size. The same figures on the
// perturbed German–English dev without MT (monotone and with Options.Crossing), which holds
// many deleted sentences and so many chances to pair two unrelated ones, and on the noisy dev
// article (three seeds, see noisyDoc); and with FreeDict's dictionaries (deu-fra on the dev
// article, deu-eng on the perturbed dev), which the fit never saw.
func BenchmarkCalibration(b *testing.B) {
	d := loadTextberg(b)
	mtde := readLines(b, textbergDir(b)+"/dev.mt-google.de")
	for _, m := range calibModes {
		b.Run(m, func(b *testing.B) {
			var ss []calibSample
			for b.Loop() {
				ss = devSamples(b, d, mtde, m)
			}
			trustMetrics(b, ss, "")
			var parts []calibSample
			for _, n := range calibParts {
				parts = append(parts, devPartSamples(b, d, m, n)...)
			}
			trustMetrics(b, parts, "-parts")
			n, _, acc, _ := reliability(ss)
			for k := range n {
				if n[k] > 0 {
					b.ReportMetric(acc[k], fmt.Sprintf("acc-%.1f", float64(k)/10))
					b.ReportMetric(float64(n[k]), fmt.Sprintf("n-%.1f", float64(k)/10))
				}
			}
		})
	}
	for _, m := range []string{"perturbed/no-mt", "perturbed/crossing", "noisy/no-mt", "freedict/no-mt", "perturbed/freedict"} {
		b.Run(m, func(b *testing.B) {
			var dict *Dictionary
			switch m {
			case "freedict/no-mt":
				dict = freeDict(b, "deu-fra")
			case "perturbed/freedict":
				dict = freeDict(b, "deu-eng")
			}
			var ss []calibSample
			for b.Loop() {
				ss = nil
				switch m {
				case "freedict/no-mt":
					// The fit saw no dictionary: how it carries over to one.
					_, ss = alignLabelled(b, d.de, d.fr, d.gold, Options{SrcLang: "de", TgtLang: "fr", Dict: dict})
					continue
				case "perturbed/freedict":
					for _, pd := range loadPerturbed(b) {
						_, s := alignLabelled(b, pd.de, pd.en, pd.gold, Options{SrcLang: "de", TgtLang: "en", Dict: dict})
						ss = append(ss, s...)
					}
					continue
				}
				if m == "noisy/no-mt" {
					for seed := uint64(1); seed <= 3; seed++ {
						de, fr, gold := noisyDoc(d.de, d.fr, d.gold, seed)
						_, s := alignLabelled(b, de, fr, gold, Options{SrcLang: "de", TgtLang: "fr"})
						ss = append(ss, s...)
					}
					continue
				}
				ss = perturbedSamples(b, loadPerturbed(b), m == "perturbed/crossing")
			}
			trustMetrics(b, ss, "")
		})
	}
}

// perturbedSamples aligns the perturbed dev documents without MT and labels the beads.
func perturbedSamples(tb testing.TB, docs []perturbedDoc, crossing bool) []calibSample {
	var ss []calibSample
	for _, d := range docs {
		_, s := alignLabelled(tb, d.de, d.en, d.gold, Options{SrcLang: "de", TgtLang: "en", Crossing: crossing})
		ss = append(ss, s...)
	}
	return ss
}

// trustMetrics reports what a reviewer filtering by confidence gets: the expected calibration
// error, the precision and the number of right beads at confidence ≥ 0.9 and the share of beads
// there, and for the strangers (wrong beads pairing sentences the gold puts in no common bead)
// their number, the median and 90th percentile of their confidence and the share of them at
// ≥ 0.9. Each metric's unit ends in suffix.
func trustMetrics(b *testing.B, ss []calibSample, suffix string) {
	report := func(v float64, unit string) { b.ReportMetric(v, unit+suffix) }
	_, _, _, ece := reliability(ss)
	report(ece, "ECE")
	p, k := precisionAbove(ss, 0.9)
	report(p, "P@conf>=0.9")
	report(math.Round(p*float64(k)), "right@conf>=0.9")
	report(float64(k)/float64(len(ss)), "share@conf>=0.9")
	var st []float64
	hi := 0
	for _, s := range ss {
		if s.stranger {
			st = append(st, s.conf)
			if s.conf >= 0.9 {
				hi++
			}
		}
	}
	report(float64(len(st)), "strangers")
	if len(st) > 0 {
		slices.Sort(st)
		report(st[len(st)/2], "stranger-med")
		report(st[len(st)*9/10], "stranger-p90")
		report(float64(hi)/float64(len(st)), "stranger@conf>=0.9")
	}
}

// TestCalibrationDev checks the promise of the confidences on the dev gold: beads with
// confidence ≥ 0.9 are right at least 90% of the time, and the expected calibration error is
// small, in every mode.
func TestCalibrationDev(t *testing.T) {
	heavy(t)
	d := loadTextberg(t)
	mtde := readLines(t, textbergDir(t)+"/dev.mt-google.de")
	for _, m := range calibModes {
		ss := devSamples(t, d, mtde, m)
		_, _, _, ece := reliability(ss)
		p, k := precisionAbove(ss, 0.9)
		t.Logf("%s: ECE %.3f, %d beads ≥ 0.9, %.3f right", m, ece, k, p)
		if p < 0.9 {
			t.Errorf("%s: beads with confidence ≥ 0.9 are right %.3f of the time", m, p)
		}
		if ece > 0.08 {
			t.Errorf("%s: expected calibration error %.3f", m, ece)
		}
	}
}
