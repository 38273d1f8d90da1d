package align

import "math"

// Margins: how much worse the best local alternative to a bead is. A bead whose neighbourhood
// could be cut differently at almost the same cost (two 1-1 beads or one 2-2 bead; a sentence
// attached to the previous or the next bead) is uncertain whatever its own similarity.

// shapeIndex maps a bead shape to its type, or -1 when the shape is not allowed.
func (md *model) shapeIndex(a, b int) int {
	for k, t := range md.types {
		if t.a == a && t.b == b {
			return k
		}
	}
	return -1
}

// spanCost is the cost of one bead from p to q, +Inf when its shape is not allowed.
func spanCost(md *model, sc *scorer, p, q point) float64 {
	k := md.shapeIndex(q.i-p.i, q.j-p.j)
	// A run is the same output as single deletions (see expandRuns), not an alternative to them.
	if k < 0 || (q.i == p.i && q.j == p.j) || isRun(md.types[k]) {
		return math.Inf(1)
	}
	return sc.cost(md.types[k], q.i, q.j)
}

// bestResplit is the cheapest way to cover p→q with one or two beads other than the single
// bead p→q itself (excluded when exclude is set) and other than the split at avoid.
func bestResplit(md *model, sc *scorer, p, q point, exclude bool, avoid point) float64 {
	best := math.Inf(1)
	if !exclude {
		best = spanCost(md, sc, p, q)
	}
	for i := p.i; i <= q.i; i++ {
		for j := p.j; j <= q.j; j++ {
			m := point{i, j}
			if m == p || m == q || m == avoid {
				continue
			}
			if c := spanCost(md, sc, p, m); c < best {
				best = min(best, c+spanCost(md, sc, m, q))
			}
		}
	}
	return best
}

// margin is the cost of the best alternative to bead k of the path minus the cost of the
// path's own choice, over the bead and its neighbours: the bead split in two, or the bead and a
// neighbour together cut another way.
func margin(md *model, sc *scorer, path []point, k int) float64 {
	p, q := path[k], path[k+1]
	own := spanCost(md, sc, p, q)
	alt := bestResplit(md, sc, p, q, true, point{-1, -1}) - own
	if k > 0 {
		pp := path[k-1]
		prev := spanCost(md, sc, pp, p)
		alt = min(alt, bestResplit(md, sc, pp, q, false, p)-prev-own)
	}
	if k+2 < len(path) {
		nq := path[k+2]
		next := spanCost(md, sc, q, nq)
		alt = min(alt, bestResplit(md, sc, p, nq, false, q)-own-next)
	}
	return alt
}
