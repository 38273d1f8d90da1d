package align

import "math"

// region is the part of the DP lattice that is searched: for each row i (source units aligned
// so far, 0..n), the columns lo[i]..hi[i] inclusive. Rows overlap, so a path always exists.
// Columns are int32 (documents of up to two billion sentences): at a million sentences the
// region's rows are a large part of what the search holds.
type region struct {
	lo, hi []int32
	off    []int // index of (i, lo[i]) in the cell arrays
	cells  int
}

func fullRegion(n, m int) *region {
	r := &region{lo: make([]int32, n+1), hi: make([]int32, n+1)}
	for i := range r.hi {
		r.hi[i] = int32(m)
	}
	r.index()
	return r
}

func (r *region) index() {
	r.off = make([]int, len(r.lo)+1)
	for i := range r.lo {
		r.off[i+1] = r.off[i] + int(r.hi[i]-r.lo[i]) + 1
	}
	r.cells = r.off[len(r.lo)]
}

// point is a lattice point: i source and j target units aligned.
type point struct{ i, j int }

// maxA is the largest number of source units of a bead shape: how many rows back a cell looks.
func (md *model) maxA() int {
	a := 0
	for _, t := range md.types {
		a = max(a, t.a)
	}
	return a
}

// growRow returns row resized to n, reusing its array when it is large enough.
func growRow[T any](row []T, n int) []T {
	if cap(row) < n {
		return make([]T, n, n+n/4)
	}
	return row[:n]
}

// search finds the cheapest path from (0,0) to (n,m) inside the region and returns its points
// together with the bead type index of each step. Only the back pointers (one byte a cell) are
// kept for the whole region: path costs live in a window of the last maxA+1 rows, which is all a
// bead reaches back.
func search(md *model, lv *level, r *region) ([]point, []int8, *scorer) {
	back := make([]int8, r.cells)
	sc := newScorer(md, lv, r)
	w := sc.w
	costRows := make([][]float64, w)
	for i := 0; i <= lv.n; i++ {
		lo, hi := int(r.lo[i]), int(r.hi[i])
		row := growRow(costRows[i%w], hi-lo+1)
		costRows[i%w] = row
		sc.enterRow(i)
		bk := back[r.off[i] : r.off[i]+hi-lo+1]
		for j := lo; j <= hi; j++ {
			lv.stop.tick()
			best, arg := math.Inf(1), int8(-1)
			if i == 0 && j == 0 {
				best = 0
			} else {
				for k, t := range md.types {
					pi, pj := i-t.a, j-t.b
					if pi < 0 || pj < 0 || pj < int(r.lo[pi]) || pj > int(r.hi[pi]) {
						continue
					}
					prev := costRows[pi%w][pj-int(r.lo[pi])]
					if prev >= best {
						continue
					}
					var c float64
					if md.delRun > 0 && (t.a == 0 || t.b == 0) {
						// A deletion continuing a block on the best path to (pi, pj) costs
						// as the rest of one run (see chainPaid).
						c = prev + md.deletionCost(t, i, j, lv, md.chainPaid(back, r, lv, t, pi, pj))
					} else {
						c = prev + sc.costBelow(t, i, j, best-prev)
					}
					if c < best {
						best, arg = c, int8(k)
					}
				}
			}
			row[j-lo], bk[j-lo] = best, arg
		}
	}
	sc.leave()
	var path []point
	var steps []int8
	i, j := lv.n, lv.m
	for i > 0 || j > 0 {
		path = append(path, point{i, j})
		k := back[r.off[i]+j-int(r.lo[i])]
		steps = append(steps, k)
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
func project(path []point, n, m, w int) *region { return projectScaled(path, n, m, w, 2) }

// projectScaled is project for a path whose units are scale fine units (1: a band around a
// path of the same level).
func projectScaled(path []point, n, m, w, scale int) *region {
	lo := make([]int32, n+1)
	hi := make([]int32, n+1)
	for i := range lo {
		lo[i], hi[i] = int32(m), 0
	}
	for k := 0; k+1 < len(path); k++ {
		p, q := path[k], path[k+1]
		i0, i1 := min(scale*p.i, n), min(scale*q.i, n)
		j0, j1 := int32(min(scale*p.j, m)), int32(min(scale*q.j, m))
		for i := i0; i <= i1; i++ {
			lo[i] = min(lo[i], j0)
			hi[i] = max(hi[i], j1)
		}
	}
	// Widen: each row gets the columns of the rows within w of it, plus w on each side.
	wl := slidingMin(lo, w)
	wh := slidingMax(hi, w)
	for i := range lo {
		lo[i] = max(0, wl[i]-int32(w))
		hi[i] = min(int32(m), wh[i]+int32(w))
	}
	lo[0], hi[n] = 0, int32(m)
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
func slidingMin(xs []int32, w int) []int32 {
	out := make([]int32, len(xs))
	for i := range xs {
		v := xs[i]
		for k := max(0, i-w); k <= min(len(xs)-1, i+w); k++ {
			v = min(v, xs[k])
		}
		out[i] = v
	}
	return out
}

func slidingMax(xs []int32, w int) []int32 {
	out := make([]int32, len(xs))
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
// With coarse-to-fine forced on the Text+Berg dev article (fullSearchCells 20,000), widths 3, 4
// and 6 give the same strict F1 in every mode, as they do on the perturbed German–English dev
// documents joined into one (3,200 sentences); 4 keeps a margin and costs a quarter less than 6.
const searchWidth = 4

// coarseToFine solves lv: when it is large, first a version of it at 1/2^d resolution small
// enough to search whole, then each finer level inside the band around the coarser level's path.
// Each coarse level is built (from the first one) when it is needed and dropped after its
// search, so at most lv and three coarser levels are held at once, whatever the depth; and a
// large owned lv lends its vectors' memory to the coarse levels (see dropVectorsAbove).
func coarseToFine(md *model, lv *level, g int) ([]point, []int8, *scorer) {
	depth := 0
	for n, m := lv.n, lv.m; (n+1)*(m+1) > fullSearchCells && n > 2 && m > 2; n, m = (n+1)/2, (m+1)/2 {
		depth++
	}
	if depth == 0 {
		return search(md, lv, fullRegion(lv.n, lv.m))
	}
	var first *level
	dropped := lv.canDrop()
	if dropped {
		first = lv.downsampleText(lv.dropVectors())
	} else {
		first = lv.downsample(1)
	}
	var path []point
	for d := depth; d >= 1; d-- {
		c := first
		for k := 2; k <= d; k++ {
			c = c.downsample(k)
		}
		c.prepare(g)
		var r *region
		if d == depth {
			r = fullRegion(c.n, c.m)
		} else {
			r = project(path, c.n, c.m, searchWidth)
		}
		path, _, _ = search(md, c, r)
	}
	first = nil
	if dropped {
		lv.refill()
	}
	return search(md, lv, project(path, lv.n, lv.m, searchWidth))
}
