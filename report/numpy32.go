package report

import "math"

// sacreBLEU scores its bootstrap samples from float32 numpy sums with the metrics' ordinary
// Python code, so each operation's type follows NumPy 2's promotion rules (NEP 50): a numpy
// float32 meeting a Python float or int stays float32 (the Python number is rounded to
// float32 first), two Python numbers give a Python float (float64). pyNum carries a value
// with that type, and the metrics' score32 redo their Score with it.

// pyNum is a number in sacreBLEU's score arithmetic: a Python float (f32 false) or a numpy
// float32 scalar.
type pyNum struct {
	v   float64
	f32 bool
}

func pyF(v float64) pyNum   { return pyNum{v: v} }
func npF32(v float32) pyNum { return pyNum{v: float64(v), f32: true} }

// arith applies op in the promoted type. For +, −, × and ÷ on float32 operands, computing
// in float64 and rounding once to float32 is exactly float32 arithmetic (53 ≥ 2·24 + 2).
func (a pyNum) arith(b pyNum, op func(x, y float64) float64) pyNum {
	if a.f32 || b.f32 {
		x, y := float64(float32(a.v)), float64(float32(b.v))
		return npF32(float32(op(x, y)))
	}
	return pyF(op(a.v, b.v))
}

func (a pyNum) add(b pyNum) pyNum { return a.arith(b, func(x, y float64) float64 { return x + y }) }
func (a pyNum) mul(b pyNum) pyNum { return a.arith(b, func(x, y float64) float64 { return x * y }) }
func (a pyNum) div(b pyNum) pyNum { return a.arith(b, func(x, y float64) float64 { return x / y }) }

// float32Scorer is a metric that scores summed float32 statistics as sacreBLEU's code does
// on numpy float32 sums; the bool says whether the score is a numpy float32.
type float32Scorer interface {
	score32(stats []float32) (float64, bool)
}

// score32 scores a bootstrap sample's float32 sums with m.
func score32(m Metric, stats []float32) (float64, bool) {
	if s, ok := m.(float32Scorer); ok {
		return s.score32(stats)
	}
	wide := make([]float64, len(stats))
	for i, x := range stats {
		wide[i] = float64(x)
	}
	return m.Score(wide), false
}

// sumStats32 adds b into a in float32, as numpy's sum(0) over a sample's rows: row after row.
func sumStats32(a, b []float32) {
	for i := range b {
		a[i] = float32(a[i] + b[i])
	}
}

func abs32(x float32) float32 { return float32(math.Abs(float64(x))) }

// npMean is ndarray.mean() of a float32 (f32) or float64 array: numpy's pairwise sum, then
// divided by the count (in float64, rounded back to float32 for a float32 array).
func npMean(x []float64, f32 bool) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	if f32 {
		return float64(float32(float64(pairwiseSum32(x)) / float64(len(x))))
	}
	return pairwiseSum64(x) / float64(len(x))
}

// pairwiseSum64 and pairwiseSum32 are numpy's pairwise_sum (loops_utils.h): fewer than 8
// numbers in order; up to 128 in eight interleaved partial sums combined as a tree, then the
// rest in order; more split in two at a multiple of 8 below the half.
func pairwiseSum64(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		res := 0.0
		for _, x := range a {
			res += x
		}
		return res
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range r {
				r[j] += a[i+j]
			}
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += a[i]
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return pairwiseSum64(a[:n2]) + pairwiseSum64(a[n2:])
}

func pairwiseSum32(a []float64) float32 {
	n := len(a)
	switch {
	case n < 8:
		res := float32(0)
		for _, x := range a {
			res = float32(res + float32(x))
		}
		return res
	case n <= 128:
		var r [8]float32
		for j := range r {
			r[j] = float32(a[j])
		}
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range r {
				r[j] = float32(r[j] + float32(a[i+j]))
			}
		}
		res := float32(float32(float32(r[0]+r[1])+float32(r[2]+r[3])) + float32(float32(r[4]+r[5])+float32(r[6]+r[7])))
		for ; i < n; i++ {
			res = float32(res + float32(a[i]))
		}
		return res
	}
	n2 := n / 2
	n2 -= n2 % 8
	return float32(pairwiseSum32(a[:n2]) + pairwiseSum32(a[n2:]))
}

// score32 is BLEU.compute_bleu on numpy float32 sums: the lengths become Python ints, the
// precisions are float32, the score a Python float.
func (m BLEU) score32(stats []float32) (float64, bool) {
	n := m.order()
	smooth, smoothValue := m.smoothing()
	sysLen, refLen := float64(stats[0]), float64(stats[1])
	bp := 1.0
	if sysLen < refLen {
		bp = 0
		if sysLen > 0 {
			bp = math.Exp(1 - refLen/sysLen)
		}
	}
	anyCorrect := false
	for _, c := range stats[2 : 2+n] {
		if c != 0 {
			anyCorrect = true
		}
	}
	if !anyCorrect {
		return 0, false
	}
	precisions := make([]pyNum, n) // Python 0.0 until set
	smoothMteval := 1.0
	effOrder := n
	for i := 1; i <= n; i++ {
		correct, total := npF32(stats[1+i]), npF32(stats[1+n+i])
		if smooth == SmoothAddK && i > 1 {
			correct = correct.add(pyF(smoothValue))
			total = total.add(pyF(smoothValue))
		}
		if total.v == 0 {
			break
		}
		if m.EffectiveOrder {
			effOrder = i
		}
		if correct.v == 0 {
			switch smooth {
			case SmoothExp:
				smoothMteval *= 2
				precisions[i-1] = pyF(100).div(pyF(smoothMteval).mul(total))
			case SmoothFloor:
				precisions[i-1] = pyF(100 * smoothValue).div(total)
			}
		} else {
			precisions[i-1] = pyF(100).mul(correct).div(total)
		}
	}
	sum := 0.0
	for _, p := range precisions[:effOrder] {
		sum += myLog(p.v)
	}
	return bp * math.Exp(sum/float64(effOrder)), false
}

// score32 is CHRF._compute_f_score on numpy float32 sums.
func (m CHRF) score32(stats []float32) (float64, bool) {
	const eps = 1e-16
	factor := pyF(float64(m.Beta * m.Beta)) // Python ints
	onePlus := pyF(float64(1 + m.Beta*m.Beta))
	order := m.CharOrder + m.WordOrder
	score, avgPrec, avgRec := pyF(0), pyF(0), pyF(0)
	effOrder := 0
	for i := 0; i < order; i++ {
		nHyp, nRef, nMatch := npF32(stats[3*i]), npF32(stats[3*i+1]), npF32(stats[3*i+2])
		prec, rec := pyF(eps), pyF(eps)
		if nHyp.v > 0 {
			prec = nMatch.div(nHyp)
		}
		if nRef.v > 0 {
			rec = nMatch.div(nRef)
		}
		if denom := factor.mul(prec).add(rec); denom.v > 0 {
			score = score.add(onePlus.mul(prec).mul(rec).div(denom))
		} else {
			score = score.add(pyF(eps))
		}
		if nHyp.v > 0 && nRef.v > 0 {
			avgPrec = avgPrec.add(prec)
			avgRec = avgRec.add(rec)
			effOrder++
		}
	}
	if m.EpsSmoothing {
		s := pyF(100).mul(score).div(pyF(float64(order)))
		return s.v, s.f32
	}
	if effOrder == 0 {
		avgPrec, avgRec = pyF(0), pyF(0)
	} else {
		avgPrec = avgPrec.div(pyF(float64(effOrder)))
		avgRec = avgRec.div(pyF(float64(effOrder)))
	}
	if avgPrec.add(avgRec).v == 0 {
		return 0, false
	}
	f := onePlus.mul(avgPrec).mul(avgRec)
	f = f.div(factor.mul(avgPrec).add(avgRec))
	s := pyF(100).mul(f)
	return s.v, s.f32
}

// score32 is TER._compute_score_from_stats on numpy float32 sums.
func (m TER) score32(stats []float32) (float64, bool) {
	edits, refLen := npF32(stats[0]), npF32(stats[1])
	switch {
	case refLen.v > 0:
		s := pyF(100).mul(edits.div(refLen))
		return s.v, s.f32
	case edits.v > 0:
		return 100, false
	}
	return 0, false
}
