package align

import (
	"math"
)

// makeBeads turns a path into beads with calibrated confidences (see calib.go), offsetting
// indices by (di, dj). mg holds the beads' margins when they are known (nil: computed here).
func makeBeads(md *model, sc *scorer, path []point, steps []int8, mg []float64, di, dj int, ids *indexes, raws *[]float64, quick bool) []Bead {
	beads := make([]Bead, 0, len(steps))
	var runMg []float64
	var capBy, beadOf []int // beadOf: the bead of each step, for capBy (crossing may join two)
	if !quick {
		runMg, capBy = deletionRuns(md, sc, path, steps)
		beadOf = make([]int, len(steps))
	}
	skip := false
	for k, ti := range steps {
		sc.lv.stop.tick()
		if skip {
			if beadOf != nil {
				beadOf[k] = len(beads) - 1 // the second of two crossed beads
			}
			skip = false
			continue
		}
		if beadOf != nil {
			beadOf[k] = len(beads)
		}
		t := md.types[ti]
		p, q := path[k], path[k+1]
		b := Bead{Src: ids.src(di+p.i, di+q.i), Tgt: ids.tgt(dj+p.j, dj+q.j)}
		// Sure only when the bead is good in itself and no other local cut comes close.
		// The dots the bead's confidence and margin look at: its neighbours' span and one unit
		// around it (leak looks across the corners).
		pp, nq := p, q
		if k > 0 && !quick {
			pp = path[k-1]
		}
		if k+2 < len(path) && !quick {
			nq = path[k+2]
		}
		sc.setBlock(pp.i-1, nq.i+1, pp.j-1, nq.j+1)
		raw := confidence(md, sc, t, p, q)
		if quick {
			*raws = append(*raws, raw)
			beads = append(beads, b)
			continue
		}
		// With Crossing, a 2-2 bead may be two swapped neighbours; so may two 1-1 beads in a
		// row: the search may pair each sentence with a stranger rather than merge the two
		// into a 2-2 bead. The crosswise pairs are compared with the span's cost as aligned.
		if md.crossing {
			end, own := -1, 0.0
			switch {
			case t.a == 2 && t.b == 2:
				end, own = k+1, spanCost(md, sc, p, q)
			case t.a == 1 && t.b == 1 && k+1 < len(steps) && md.types[steps[k+1]].a == 1 && md.types[steps[k+1]].b == 1:
				end, own = k+2, spanCost(md, sc, p, q)+spanCost(md, sc, q, path[k+2])
			}
			if end > 0 {
				if sw, ok := crossed(md, sc, p, path[end], own, di, dj, ids); ok {
					for _, x := range sw {
						*raws = append(*raws, x.Confidence)
						beads = append(beads, x)
					}
					skip = end > k+1
					continue
				}
			}
		}
		var m float64
		switch {
		case mg != nil && t.a > 0 && t.b > 0: // margins holds +Inf for the others
			m = mg[k]
		case t.a == 0 || t.b == 0:
			m = runMg[k]
		default:
			m = margin(md, sc, path, k)
		}
		sure := 1 / (1 + math.Exp(-marginSteep*m))
		raw = min(raw, sure)
		f := calibFeatures{raw: raw, margin: m, a: t.a, b: t.b, mt: sc.lv.hasMT}
		b.Confidence = f.calibrated()
		*raws = append(*raws, raw)
		if md.trace != nil {
			md.trace(b, f)
		}
		beads = append(beads, b)
	}
	for k, n := range capBy {
		if n >= 0 {
			b := &beads[beadOf[k]]
			b.Confidence = min(b.Confidence, beads[beadOf[n]].Confidence)
		}
	}
	return beads
}

// deletionRuns looks at the runs of deletion beads of the path (0-1 and 1-0 beads in a row),
// whose own margins say little: inside such a run a bead has no alternative the model allows
// (two unpaired sentences of one side make no bead), so its margin was infinite and its
// confidence 0.99, though the run as a whole may be wrong. Six German sentences whose
// translation the English segmenter had left in one long sentence (Pro Git's "`git add` is a
// multipurpose command", beyond the model's shapes) came out unpaired at 0.99 each, and a
// reviewer asking for the doubtful beads never saw them.
//
// It returns, for each step, the margin a deletion bead takes (margins[k]; 0 for other beads)
// and the step whose confidence caps it (capBy[k]; -1 for none). A run that leaves sentences
// of both sides unpaired is as sure as its least sure member, the one at its edge that could
// pair. A run of one side beside a bead that cannot take one more sentence of that side (a
// 5-1 bead after five sentences of the source) is no surer than that bead. Any other run of
// one side keeps each bead's own margin: lines only one version has (the OCR specks and
// captions of the Text+Berg dev article, right as unpaired in 36 runs) were as doubtful as
// their neighbours' pairing when they took the run's least margin, and the calibration's
// expected error rose from 0.024 to 0.067.
func deletionRuns(md *model, sc *scorer, path []point, steps []int8) (margins []float64, capBy []int) {
	margins, capBy = make([]float64, len(steps)), make([]int, len(steps))
	for k := range capBy {
		capBy[k] = -1
	}
	deletion := func(k int) bool { t := md.types[steps[k]]; return t.a == 0 || t.b == 0 }
	for k := 0; k < len(steps); {
		if !deletion(k) {
			k++
			continue
		}
		end := k
		least := math.Inf(1)
		var src, tgt bool // the run leaves sentences of the source, of the target unpaired
		for ; end < len(steps) && deletion(end); end++ {
			margins[end] = margin(md, sc, path, end)
			least = min(least, margins[end])
			src = src || md.types[steps[end]].a > 0
			tgt = tgt || md.types[steps[end]].b > 0
		}
		full := -1 // a neighbour that cannot take one more sentence of the run's side
		if !(src && tgt) {
			for _, n := range []int{k - 1, end} {
				if n < 0 || n >= len(steps) {
					continue
				}
				t := md.types[steps[n]]
				if src && md.shapeIndex(t.a+1, t.b) < 0 || tgt && md.shapeIndex(t.a, t.b+1) < 0 {
					full = n
				}
			}
		}
		for ; k < end; k++ {
			if src && tgt {
				margins[k] = least
			}
			capBy[k] = full
		}
	}
	return margins, capBy
}

// crossingGain is how much cheaper the two crosswise pairs must be than what they replace (a
// 2-2 bead, or two 1-1 beads) for crossed to split or swap it. With Crossing, strict F1 on the
// perturbed German–English dev (2 % of the pairs swapped) was 0.960 at 0.2 (0.961 at 0.1, 0.955
// at 0.4; 0.930 without) when both crosswise pairs had to beat a random pair; with one enough
// (see crossed) it is 0.972 at 0.1 and 0.2, 0.969 at 0.3. On the Text+Berg dev article, whose
// gold has one swapped pair, 0.875/0.918/0.917 without MT, with forward MT and with both
// (0.871/0.914/0.913 without Crossing).
const crossingGain = 0.2

// crossed looks at the neighbours from p to q (a 2-2 bead, or two 1-1 beads, costing own in
// all) for two sentences the translator put in the other order: when source 1 pairs with target
// 2 or source 2 with target 1 better than a random pair, and both crosswise pairs together cost
// crossingGain less than own, it returns the two crosswise 1-1 beads (source order; their
// targets decrease) with their confidences.
//
// One crosswise pair better than random is enough: a swapped sentence is often a loose
// translation whose evidence is as weak as a stranger's, and demanding it of both pairs kept 15
// of the perturbed dev's 2-2 beads as they were (a swap with one strong crosswise pair).
// Perturbed dev strict F1 with Crossing 0.963→0.970, and 0.972 with two 1-1 beads looked at too
// (with Debian's dictionary 0.971→0.976); the Text+Berg dev article with Crossing is unchanged
// (0.916 without MT, 0.948 with both MT directions). Without Crossing nothing changes.
func crossed(md *model, sc *scorer, p, q point, own float64, di, dj int, ids *indexes) ([]Bead, bool) {
	one := beadType{1, 1, 0}
	c1 := sc.cost(one, p.i+1, p.j+2) // source p.i with target p.j+1
	c2 := sc.cost(one, p.i+2, p.j+1) // source p.i+1 with target p.j
	if min(c1, c2) >= 1 || c1+c2+crossingGain > own {
		return nil, false
	}
	out := make([]Bead, 2)
	for k, c := range []float64{c1, c2} {
		raw := 1 / (1 + math.Exp(-6*(1-c)))
		f := calibFeatures{raw: raw, margin: own - c1 - c2, a: 1, b: 1, mt: sc.lv.hasMT}
		out[k] = Bead{Src: ids.src(di+p.i+k, di+p.i+k+1), Tgt: ids.tgt(dj+p.j+1-k, dj+p.j+2-k), Confidence: f.calibrated()}
		if md.trace != nil {
			md.trace(out[k], f)
		}
	}
	return out, true
}

// indexes holds the sentence numbers 0..n-1 of each side once; the beads' Src and Tgt are
// capacity-limited windows into them, so a million beads cost no million small allocations
// (and a caller appending to one gets a copy, not a neighbour's numbers).
type indexes struct{ s, t []int }

func newIndexes(n, m int) *indexes {
	ids := &indexes{s: make([]int, n), t: make([]int, m)}
	for i := range ids.s {
		ids.s[i] = i
	}
	for j := range ids.t {
		ids.t[j] = j
	}
	return ids
}

func (x *indexes) src(from, to int) []int { return window(x.s, from, to) }
func (x *indexes) tgt(from, to int) []int { return window(x.t, from, to) }

func window(xs []int, from, to int) []int {
	if from == to {
		return nil
	}
	return xs[from:to:to]
}

// confidence maps a bead's cost to [0,1] with a logistic curve around the cost of a random
// pair (1 lexical unit plus a typical length cost). A matched bead's cost is taken per pair
// (cost/(a+b-1)); an unmatched sentence is judged by the cheapest 1-1 pairing with a neighbour
// on the other side: the worse that pairing, the surer the deletion.
func confidence(md *model, sc *scorer, t beadType, p, q point) float64 {
	const randomPair, steep = 1.0, 6.0
	if t.a > 0 && t.b > 0 {
		c := sc.cost(t, q.i, q.j) / md.groupFactor(t)
		return 1 / (1 + math.Exp(-steep*(randomPair-c)))
	}
	one := beadType{1, 1, 0}
	best := math.Inf(1)
	for _, end := range []point{{p.i + 1, p.j + 1}, q} {
		if end.i < 1 || end.j < 1 || end.i > sc.lv.n || end.j > sc.lv.m {
			continue
		}
		best = min(best, sc.cost(one, end.i, end.j))
	}
	if math.IsInf(best, 1) {
		return 1 // nothing on the other side to pair with
	}
	return 1 / (1 + math.Exp(-steep*(best-randomPair*0.8)))
}

func sliceRows(rows [][]float32, from, to int) [][]float32 {
	out := make([][]float32, len(rows))
	for k, r := range rows {
		out[k] = r[from:to]
	}
	return out
}

// marginSteep turns a cost margin into confidence: a margin of 0 (a tie) is 0.5, 0.5 is 0.88.
const marginSteep = 4.0
