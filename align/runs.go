package align

import (
	"slices"
)

// Runs of units without counterpart. OCR'd yearbook articles carry blocks that only one side
// has: plate captions and photo credits (the Text+Berg dev article has 36 such lines on its
// French side, in one block), a paragraph the translator left out. Deleting a block unit by unit
// at delCost each is so dear that the search rather tacks lines of it onto the neighbouring
// beads. A run shape (k units on one side, none on the other) prices a block as one event: its
// first runFull units cost delCost each, like single deletions, so that a sentence or two left
// over from a many-to-many bead is priced as before (with runFull 1 and delRun 0.8, two short
// fragments of a 1-3 bead were deleted instead: no-MT strict F1 over the dev article's sixths
// 0.881→0.875); further units cost delRun. Runs are expanded into single deletions before the
// beads are made (expandRuns): the output and the gold list every unaligned sentence on its own.
//
// Measured (go test -count=1 -run XXX -bench 'DevSplits|NoisyDev|PerturbedDev' -benchtime 1x):
// with forward MT, strict F1 over the dev article's halves/thirds/quarters/sixths
// 0.896/0.896/0.903/0.893→0.902/0.902/0.906/0.904 and whole 0.914→0.919; with both directions
// 0.910/0.901/0.898/0.892→0.914/0.905/0.913/0.903, whole 0.913→0.916 (all from the caption
// block, in the first part of every split). Without MT the splits are unchanged within 0.001,
// whole 0.868→0.869, perturbed de–en 0.931 (unchanged), the noisy dev 0.817→0.825 and its
// quarters 0.732→0.751 (on eight other noisy seeds 0.783→0.796, twelve noisy quarters
// 0.730→0.758).
const (
	runFull = 2
	// delRunCost is delRun where runs are allowed (see newModel). Strict F1 is flat from 0.5 to
	// 0.7 with and without MT; it must stay well above half a random pair's cost, or deleting a
	// stretch on both sides becomes cheaper than aligning it.
	delRunCost = 0.6
)

// runTypes returns the run shapes of 2..g units on either side, and of 2g, 4g and 8g. A block
// longer than the longest shape is a chain of runs; until the search priced a chain as one run
// (chainPaid), each run of the chain paid runFull units at delCost again: with runs of at most g units a block of 100 sentences cost 0.84 a
// sentence instead of 0.6, and the search rather tore the text around it apart. With the long
// shapes it costs about 0.65 (a 36-line block 25.8 instead of 30.6). On the Text+Berg dev article
// with 100 and 150 French sentences cut (BenchmarkDevMissingPassage) strict F1 with forward MT
// went 0.827 → 0.947 and 0.778 → 0.902, without MT 0.889 → 0.890 and 0.732 → 0.849; the dev
// figures are unchanged but over sixths with MT (0.943/0.923/0.938 → 0.940/0.920/0.935 forward,
// reverse, both) and the noisy dev (0.840/0.823 → 0.839/0.824); synthetic documents, whose
// drops and insertions are single sentences, lose 0.003 (10k: 0.9915 → 0.9886), where a weakly
// matched stretch is now deleted on both sides a little more often.
func runTypes(g int) []beadType {
	var ts []beadType
	for k := 2; k <= g; k++ {
		ts = append(ts, beadType{k, 0, 0}, beadType{0, k, 0})
	}
	for k := 2 * g; k <= 8*g; k *= 2 {
		ts = append(ts, beadType{k, 0, 0}, beadType{0, k, 0})
	}
	return ts
}

// isRun reports whether t is a run of two or more units without counterpart.
func isRun(t beadType) bool { return (t.a == 0 || t.b == 0) && t.a+t.b > 1 }

// runCost is the cost of the run t ending at (i, j): debris costs debrisDelCost, the first
// runFull other units delCost each and every further one delRun.
func (md *model) runCost(t beadType, i, j int, lv *level) float64 {
	return md.deletionCost(t, i, j, lv, 0)
}

// expandRuns replaces each run step of a path by single deletions.
func expandRuns(md *model, path []point, steps []int8) ([]point, []int8) {
	if !slices.ContainsFunc(steps, func(k int8) bool { return isRun(md.types[k]) }) {
		return path, steps
	}
	del := [2]int8{int8(md.shapeIndex(1, 0)), int8(md.shapeIndex(0, 1))}
	np := []point{path[0]}
	var ns []int8
	for x, k := range steps {
		t := md.types[k]
		if !isRun(t) {
			np, ns = append(np, path[x+1]), append(ns, k)
			continue
		}
		p := path[x]
		for u := 1; u <= t.a+t.b; u++ {
			if t.a > 0 {
				np, ns = append(np, point{p.i + u, p.j}), append(ns, del[0])
			} else {
				np, ns = append(np, point{p.i, p.j + u}), append(ns, del[1])
			}
		}
	}
	return np, ns
}

// debrisIn counts the debris units in [from, to) (mask may be nil: none).
func debrisIn(mask []bool, from, to int) int {
	if mask == nil {
		return 0
	}
	n := 0
	for _, d := range mask[from:to] {
		if d {
			n++
		}
	}
	return n
}

// debrisDelCost is the cost of leaving a debris sentence (isDebris) unaligned: a fraction of
// delCost and below the shape prior of one more sentence in a bead (priorStep), so that debris
// next to a bead is left out of it; debris inside a bead costs the bead nothing but that prior
// (see costBelow and groupLex), so the bead is not torn apart around it.
const debrisDelCost = 0.15

// chainPaid is how many units at full cost (up to runFull, debris apart) the chain of
// deletions and runs on t's side that ends at lattice point (i, j) on the search's best path to
// it has paid: the search prices a deletion or run that continues such a chain as the rest of one
// run (deletionCost), so that a block costs the same however the search cuts it into shapes.
//
// Priced on its own, each link of a chain paid runFull units at delCost again: a block of a
// length no run shape has (the dev article's 36 caption lines, 20+10+5+1) cost more than one of
// a neighbouring length, and the search rather tacked a few of its lines onto a bead next to it
// (on the article's first sixth with MT, 4 captions into a 1-5 bead). Strict F1 (go test
// -count=1 -run XXX -bench 'TextbergDev|DevSplits|DevMTSystems|DevMTMixed|PerturbedDev|
// NoisyDevWide' -benchtime 1x ./align), summed over the dev article's sixths aligned alone, forward
// MT 0.9401 → 0.9429, reverse 0.9198 → 0.9227, both 0.9351 → 0.9379 (with FreeDict too 0.9451 →
// 0.9479, 0.9351 → 0.9379), SACunidir's quarters 0.9314 → 0.9342, the noisy dev's quarters
// 0.8239 → 0.8274; every other figure (whole article, halves to quarters, without MT, the
// perturbed dev, the mixed MT systems) unchanged. With 30/60/100/150 French sentences cut
// (BenchmarkDevMissingPassage) forward MT 0.9388/0.9372/0.9469/0.9018 → 0.9453/0.9383/0.9503/
// 0.9059, without MT 0.9047/0.9010/0.8900/0.8491 → 0.9069/0.9022/0.8911/0.8502.
func (md *model) chainPaid(back []int8, r *region, lv *level, t beadType, i, j int) int {
	paid := 0
	for paid < runFull && (i > 0 || j > 0) {
		k := back[r.off[i]+j-int(r.lo[i])]
		if k < 0 {
			break
		}
		u := md.types[k]
		switch {
		case t.a == 0 && u.a == 0 && u.b > 0:
			paid += u.b - debrisIn(lv.tgtDebris, j-u.b, j)
			j -= u.b
		case t.b == 0 && u.b == 0 && u.a > 0:
			paid += u.a - debrisIn(lv.srcDebris, i-u.a, i)
			i -= u.a
		default:
			return paid
		}
	}
	return min(paid, runFull)
}

// deletionCost is the cost of the deletion or run t ending at (i, j) that continues a chain
// which has paid paid units at full cost (see chainPaid): debris costs debrisDelCost, the
// chain's first runFull other units delCost each and every further one delRun.
func (md *model) deletionCost(t beadType, i, j int, lv *level, paid int) float64 {
	mask, from, to := lv.tgtDebris, j-t.b, j
	if t.a > 0 {
		mask, from, to = lv.srcDebris, i-t.a, i
	}
	var c float64
	full := paid
	for k := from; k < to; k++ {
		switch {
		case mask != nil && mask[k]:
			c += debrisDelCost
		case full < runFull:
			c += md.delCost
			full++
		default:
			c += md.delRun
		}
	}
	return c
}
