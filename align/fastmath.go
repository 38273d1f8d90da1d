package align

import "math"

// The DP evaluates millions of bead costs; exp and Gale–Church's −log erfc dominate them. Both
// are smooth, so tables with linear interpolation are exact enough (relative error < 1e-4) and
// several times faster.

const (
	expMin, expMax = -30.0, 10.0
	expStep        = 1.0 / 64
	gcMax          = 40.0
	gcStep         = 1.0 / 64
)

var (
	expTable = tabulate(expMin, expMax, expStep, math.Exp)
	gcTable  = tabulate(0, gcMax, gcStep, func(d float64) float64 {
		// −log P(|δ| ≥ d) for a standard normal δ; the asymptotic form avoids underflow.
		if p := math.Erfc(d / math.Sqrt2); p > 1e-300 {
			return -math.Log(p)
		}
		return d*d/2 + math.Log(d*math.Sqrt(math.Pi/2))
	})
)

func tabulate(lo, hi, step float64, f func(float64) float64) []float64 {
	n := int((hi-lo)/step) + 2
	t := make([]float64, n)
	for i := range t {
		t[i] = f(lo + float64(i)*step)
	}
	return t
}

func lookup(t []float64, lo, step, x float64) float64 {
	u := (x - lo) / step
	i := int(u)
	if i >= len(t)-1 {
		return t[len(t)-1]
	}
	f := u - float64(i)
	return t[i] + f*(t[i+1]-t[i])
}

// fastExp is math.Exp for x in [-30, 10], clamped outside.
func fastExp(x float64) float64 {
	if x <= expMin {
		return 0
	}
	if x >= expMax {
		x = expMax
	}
	return lookup(expTable, expMin, expStep, x)
}

// gcCost is −log(2(1−Φ(d))) for d ≥ 0, capped at d = 40.
func gcCost(d float64) float64 {
	if d >= gcMax {
		d = gcMax
	}
	return lookup(gcTable, 0, gcStep, d)
}
