package align

import "math"

// Calibration: a bead's confidence is the probability that it is exactly right (a strict match
// with a hand-aligned gold bead). The aligner's raw scores — how cheap the bead is against
// random pairs, and how much dearer the best other cut of its neighbourhood is — are mapped to
// that probability by a logistic regression (Platt scaling with the bead's shape as extra
// inputs), fitted on the Text+Berg dev gold, separately for alignments with and without MT:
//
//	ALIGN_FIT=1 go test -count=1 -run TestFitCalibration -v ./align
//
// prints the coefficients below. BenchmarkCalibration reports the reliability diagram and the
// expected calibration error of the committed coefficients.

// calibFeatures are the raw scores of one bead.
type calibFeatures struct {
	raw    float64 // the uncalibrated confidence: min(cost-based, margin-based)
	margin float64 // cost of the best alternative cut minus the bead's
	a, b   int     // the bead's shape
	mt     bool    // aligned with MT
}

// vector is the regression's input: bias, logit of the raw score, the margin (clipped), and
// indicators for a deletion and for a many-to-many bead.
func (f calibFeatures) vector() [calibDims]float64 {
	r := min(max(f.raw, 1e-4), 1-1e-4)
	var del, multi float64
	if f.a == 0 || f.b == 0 {
		del = 1
	} else if f.a+f.b > 2 {
		multi = 1
	}
	return [calibDims]float64{1, math.Log(r / (1 - r)), min(max(f.margin, -2), 4), del, multi}
}

const calibDims = 5

// calibrated is the probability that the bead is right.
func (f calibFeatures) calibrated() float64 {
	w := calibNoMT
	if f.mt {
		w = calibMT
	}
	x := f.vector()
	var z float64
	for k := range x {
		z += w[k] * x[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// Fitted coefficients (bias, logit(raw), margin, deletion, many-to-many).
var (
	calibNoMT = [calibDims]float64{2.2789258357326676, 0.6695752728617078, 0.059096717304465085, -2.0645292701287157, -1.5903727383098427}
	calibMT   = [calibDims]float64{2.5440204520981538, 0.7988714102681362, 0.503147348674248, -2.0368949491416473, -2.1524029369457702}
)
