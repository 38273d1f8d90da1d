package align

import "math"

// region is the part of the DP lattice that is searched: for each row i (source units aligned
// so far, 0..n), the columns lo[i]..hi[i] inclusive. Rows overlap, so a path always exists.
type region struct {
	lo, hi []int
	off    []int // index of (i, lo[i]) in the cell arrays
	cells  int
}

func fullRegion(n, m int) *region {
	r := &region{lo: make([]int, n+1), hi: make([]int, n+1)}
	for i := range r.hi {
		r.hi[i] = m
	}
	r.index()
	return r
}

func (r *region) index() {
	r.off = make([]int, len(r.lo)+1)
	for i := range r.lo {
		r.off[i+1] = r.off[i] + r.hi[i] - r.lo[i] + 1
	}
	r.cells = r.off[len(r.lo)]
}

// point is a lattice point: i source and j target units aligned.
type point struct{ i, j int }

// search finds the cheapest path from (0,0) to (n,m) inside the region and returns its points
// together with the bead type index of each step.
func search(md *model, lv *level, r *region) ([]point, []int, *scorer) {
	cost := make([]float64, r.cells)
	back := make([]int8, r.cells)
	sc := newScorer(md, lv, r)
	for i := 0; i <= lv.n; i++ {
		base := r.off[i] - r.lo[i]
		for j := r.lo[i]; j <= r.hi[i]; j++ {
			best, arg := math.Inf(1), int8(-1)
			if i == 0 && j == 0 {
				best = 0
			} else {
				for k, t := range md.types {
					pi, pj := i-t.a, j-t.b
					if pi < 0 || pj < 0 || pj < r.lo[pi] || pj > r.hi[pi] {
						continue
					}
					prev := cost[r.off[pi]+pj-r.lo[pi]]
					if prev >= best {
						continue
					}
					if c := prev + sc.costBelow(t, i, j, best-prev); c < best {
						best, arg = c, int8(k)
					}
				}
			}
			cost[base+j], back[base+j] = best, arg
		}
	}
	var path []point
	var steps []int
	i, j := lv.n, lv.m
	for i > 0 || j > 0 {
		path = append(path, point{i, j})
		k := back[r.off[i]+j-r.lo[i]]
		steps = append(steps, int(k))
		i -= md.types[k].a
		j -= md.types[k].b
	}
	path = append(path, point{0, 0})
	reversePoints(path)
	for a, b := 0, len(steps)-1; a < b; a, b = a+1, b-1 {
		steps[a], steps[b] = steps[b], steps[a]
	}
	return path, steps, sc
}

func reversePoints(p []point) {
	for a, b := 0, len(p)-1; a < b; a, b = a+1, b-1 {
		p[a], p[b] = p[b], p[a]
	}
}

// project maps a path found on the coarse level (units of two fine units) to a region of the
// fine level: the cells the coarse path covers, widened by w units in every direction.
func project(path []point, n, m, w int) *region {
	lo := make([]int, n+1)
	hi := make([]int, n+1)
	for i := range lo {
		lo[i], hi[i] = m, 0
	}
	for k := 0; k+1 < len(path); k++ {
		p, q := path[k], path[k+1]
		i0, i1 := min(2*p.i, n), min(2*q.i, n)
		j0, j1 := min(2*p.j, m), min(2*q.j, m)
		for i := i0; i <= i1; i++ {
			lo[i] = min(lo[i], j0)
			hi[i] = max(hi[i], j1)
		}
	}
	// Widen: each row gets the columns of the rows within w of it, plus w on each side.
	wl := slidingMin(lo, w)
	wh := slidingMax(hi, w)
	for i := range lo {
		lo[i] = max(0, wl[i]-w)
		hi[i] = min(m, wh[i]+w)
	}
	lo[0], hi[n] = 0, m
	// Monotone and overlapping rows keep every cell reachable.
	for i := n - 1; i >= 0; i-- {
		lo[i] = min(lo[i], lo[i+1])
	}
	for i := 1; i <= n; i++ {
		hi[i] = max(hi[i], hi[i-1])
		lo[i] = min(lo[i], hi[i-1])
	}
	r := &region{lo: lo, hi: hi}
	r.index()
	return r
}

// slidingMin returns, for each index, the minimum of xs over the window of radius w around it.
// The windows are small, so the simple quadratic form is fast enough and obviously right.
func slidingMin(xs []int, w int) []int {
	out := make([]int, len(xs))
	for i := range xs {
		v := xs[i]
		for k := max(0, i-w); k <= min(len(xs)-1, i+w); k++ {
			v = min(v, xs[k])
		}
		out[i] = v
	}
	return out
}

func slidingMax(xs []int, w int) []int {
	out := make([]int, len(xs))
	for i := range xs {
		v := xs[i]
		for k := max(0, i-w); k <= min(len(xs)-1, i+w); k++ {
			v = max(v, xs[k])
		}
		out[i] = v
	}
	return out
}

// fullSearchCells is the largest lattice searched exhaustively; larger problems are first
// solved at half resolution.
var fullSearchCells = 300_000

// searchWidth is how many units around the projected coarse path the fine search explores.
const searchWidth = 6

// coarseToFine solves lv, recursively solving a half-resolution version first when lv is large.
func coarseToFine(md *model, lv *level, g, depth int) ([]point, []int, *scorer) {
	var r *region
	if (lv.n+1)*(lv.m+1) <= fullSearchCells || lv.n <= 2 || lv.m <= 2 {
		r = fullRegion(lv.n, lv.m)
	} else {
		c := lv.downsample(depth + 1)
		c.prepare(g)
		cpath, _, _ := coarseToFine(md, c, g, depth+1)
		r = project(cpath, lv.n, lv.m, searchWidth)
	}
	return search(md, lv, r)
}
