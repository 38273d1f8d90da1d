package align

import (
	"math"
	"slices"
)

// Re-partition of near ties. Where the search hesitates (a bead whose margin, see margin.go,
// is below repartMargin), two or three neighbouring matched beads are cut again by another
// measure: each way of cutting their span into as many beads (shapes the model allows) is
// scored by how much of each bead's target the MT of its source covers and the other way
// round, character n-grams of orders 1 to repartOrders counted with clipping as chrF counts
// them, less what a random text of the same size would match (coverage), and the cut that
// covers most replaces the search's. Only the boundaries inside the span move: the number of
// beads stays, since coverage counts the n-grams two neighbours share by topic as evidence for
// merging them (allowed to merge and split too, it made 15 wrong changes for 52 right ones over
// the dev conditions below, against 2 for 41).
//
// The search's cost sees the same MT through tf-idf weighted character 4-grams and a cosine,
// where one sentence's n-grams are diluted by its neighbours' in a many-to-many bead; the clipped
// counts of all orders ask instead whether each target character has its counterpart in this
// bead's MT rather than the next one's. It only decides where the search's own cost is
// indifferent: scoring every window, or with the search's cost added at any weight tried, it
// lost (forward Google MT on the dev article 0.947 → 0.873 … 0.935).
//
// The chance a window's n-gram is matched is read from the target text around the window
// (repartChanceReach sentences each side, the window left out), not from a count table of the
// whole document: the table needed four counters for each n-gram of the text (peak heap with both
// MT directions, 10,000 sentences a side, 135 → 199 MB), one counter a n-gram made rare n-grams
// look commoner through collisions, and local frequencies cost nothing between windows. It also
// scored better: over the figures below the two agree but for forward Google MT over sixths
// (table 0.938, local 0.943 as without the pass) and the literary chapters (0.839, 0.840).
//
// Measured (go test -count=1 -run XXX -bench 'TextbergDev|DevSplits|DevMTSystems|DevMTMixed|
// LiteraryMT|DevMissingPassage|Calibration' -benchtime 1x ./align), strict F1 before → after,
// every figure that moved: the dev article with both Google directions 0.9442 → 0.9492, its
// thirds/quarters/sixths 0.9418/0.9418/0.9379 → 0.9468/0.9468/0.9429, with FreeDict
// 0.9442 → 0.9492, 0.9418/0.9418/0.9379 → 0.9468/0.9468/0.9479; reverse Google alone over
// thirds/quarters/sixths 0.9227/0.9266/0.9227 → 0.9277/0.9316/0.9277; Europarl full reverse
// 0.9341 → 0.9366; Europarl light forward 0.9170 → 0.9269 (quarters 0.9252 → 0.9377), reverse
// 0.9180 → 0.9280 (quarters 0.9188 → 0.9163), both 0.9230 → 0.9280 (quarters 0.9213 → 0.9363);
// the mixed pairs' both directions (DevMTMixed, whole/quarters): Google+light 0.9418/0.9418 →
// 0.9418/0.9468, light+Google 0.9290/0.9266 → 0.9340/0.9316, full+Google 0.9380/0.9380 →
// 0.9430/0.9430, full+light 0.9316/0.9379 → 0.9366/0.9429, light+full 0.9316/0.9341 →
// 0.9341/0.9366, light+shuffled 0.9170/0.9252 → 0.9269/0.9377; the literary chapters (zh–en)
// 0.8363 → 0.8401; 60 and 150 French sentences cut 0.9383/0.9059 → 0.9436/0.9090. Lost:
// SACunidir's quarters 0.9342 → 0.9292, forward Google MT with FreeDict over
// thirds/quarters/sixths 0.9468/0.9468/0.9479 → 0.9418/0.9418/0.9379. Forward Google MT alone
// and everything without MT are unchanged (the pass needs an MT). Beads at confidence ≥ 0.9 on
// the dev article with both directions are right 0.979 → 0.982 of the time. 10,000 synthetic
// sentences a side: forward MT 2.66 → 3.40 CPU-s, peak heap 80.6 → 78.7 MB; both directions
// 3.89 → 5.44 CPU-s, 134.9 → 138.6 MB. The gate matters (with the global table): windows below
// a margin of 0.1 gained as much with 12 figures down, below 0.2 the pass lost.
const (
	repartOrders = 6
	// repartMargin gates the windows: one of their beads has a margin below it.
	repartMargin = 0.05
	// repartLength weighs a bead's length cost (the model's, in nats) against its coverage,
	// which is a share of the span's n-grams.
	repartLength = 0.05
	// repartWindow is the most beads a window holds.
	repartWindow = 3
)

// coverage holds what the re-partition measures: for each MT direction, the texts compared.
type coverage struct{ dirs []*covDir }

// covDir is one MT direction's texts in one language: a indexed by source sentence, b by
// target sentence.
type covDir struct {
	a, b []string
}

// newCoverage returns the coverage of the MT directions given, or nil without MT.
func newCoverage(src, tgt, mt, mtTgt []string) *coverage {
	c := &coverage{}
	if mt != nil {
		c.dirs = append(c.dirs, &covDir{a: mt, b: tgt})
	}
	if mtTgt != nil {
		c.dirs = append(c.dirs, &covDir{a: src, b: mtTgt})
	}
	if len(c.dirs) == 0 {
		return nil
	}
	return c
}

// repartChanceReach is how many target sentences on each side of a window the chance estimate
// reads: the n-gram frequencies of the text around the window, not of the whole document.
const repartChanceReach = 20

// chanceTable counts the n-grams of b's sentences within repartChanceReach of [j0, j1), the
// window itself left out.
func (d *covDir) chanceTable(j0, j1 int, s *covScratch) *localTable {
	t := &localTable{count: map[uint64]uint32{}}
	add := func(lo, hi int) {
		for _, x := range d.b[max(lo, 0):min(hi, len(d.b))] {
			s.b = appendNorm(s.b[:0], x)
			for n := 1; n <= repartOrders; n++ {
				for i := 0; i+n <= len(s.b); i++ {
					t.count[ngramHash(s.b[i:i+n], n)]++
					t.total[n]++
				}
			}
		}
	}
	add(j0-repartChanceReach, j0)
	add(j1, j1+repartChanceReach)
	return t
}

// localTable holds the n-gram counts of the text around a window (by hash) and their totals
// per order: the chance that a random text of the same kind matches a given n-gram.
type localTable struct {
	count map[uint64]uint32
	total [repartOrders + 1]float64
}

// appendNorm appends s normalized as the MT channel normalizes it, framed by spaces.
func appendNorm(rs []rune, s string) []rune {
	rs = append(rs, ' ')
	rs = append(rs, []rune(normalizeText(s))...)
	return append(rs, ' ')
}

func ngramHash(rs []rune, n int) uint64 {
	h := uint64(14695981039346656037) ^ uint64(n)
	for _, r := range rs {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

// joinNorm returns the sentences ts normalized, joined and framed by spaces, in rs's storage.
func joinNorm(rs []rune, ts []string) []rune {
	rs = append(rs[:0], ' ')
	for _, t := range ts {
		rs = append(rs, []rune(normalizeText(t))...)
		rs = append(rs, ' ')
	}
	return rs
}

// covScratch is what scoring one bead reuses.
type covScratch struct {
	a, b []rune
	m    map[uint64]int32
}

// matches returns, for each order, the n-grams of b's sentences [j0, j1) matched (clipped) in
// a's [i0, i1) less the matches expected by chance (lt; none with nil), and the two sides'
// n-gram totals.
func (d *covDir) matches(i0, i1, j0, j1 int, s *covScratch, lt *localTable) (excess, na, nb [repartOrders + 1]float64) {
	s.a = joinNorm(s.a, d.a[i0:i1])
	s.b = joinNorm(s.b, d.b[j0:j1])
	for n := 1; n <= repartOrders; n++ {
		clear(s.m)
		for i := 0; i+n <= len(s.a); i++ {
			s.m[ngramHash(s.a[i:i+n], n)]++
			na[n]++
		}
		nb[n] = float64(max(len(s.b)-n+1, 0))
		// Chance: each of a's n-grams is expected p·nb times in a random text of b's size.
		var chance float64
		if lt != nil && lt.total[n] > 0 {
			for h, c := range s.m {
				chance += min(float64(c), float64(lt.count[h])/lt.total[n]*nb[n])
			}
		}
		var m float64
		for i := 0; i+n <= len(s.b); i++ {
			h := ngramHash(s.b[i:i+n], n)
			if c := s.m[h]; c > 0 {
				m++
				s.m[h] = c - 1
			}
		}
		excess[n] = m - chance
	}
	return excess, na, nb
}

// repartitioner re-partitions the windows of one anchor segment.
type repartitioner struct {
	md     *model
	lv     *level // the segment's level
	cov    *coverage
	di, dj int // the segment's offset in the documents
	s      covScratch
	den    [][repartOrders + 1]float64 // per direction and order: the window's n-grams
	loc    []*localTable               // per direction: the window's chance table
	cache  map[[4]int]float64
}

// score is a bead's coverage (its chance-corrected matches as a share of the window's n-grams,
// twice as in a Dice coefficient, averaged over orders and directions) less its weighted length
// cost.
func (r *repartitioner) score(t beadType, i0, j0 int) float64 {
	i1, j1 := i0+t.a, j0+t.b
	k := [4]int{i0, i1, j0, j1}
	if v, ok := r.cache[k]; ok {
		return v
	}
	var cov float64
	for x, d := range r.cov.dirs {
		excess, _, _ := d.matches(r.di+i0, r.di+i1, r.dj+j0, r.dj+j1, &r.s, r.loc[x])
		for n := 1; n <= repartOrders; n++ {
			if r.den[x][n] > 0 {
				cov += 2 * excess[n] / r.den[x][n]
			}
		}
	}
	cov /= float64(repartOrders * len(r.cov.dirs))
	var lx, ly float64
	for _, x := range r.lv.srcLen[i0:i1] {
		lx += x
	}
	for _, y := range r.lv.tgtLen[j0:j1] {
		ly += y
	}
	v := cov - repartLength*r.md.lenWeight*r.md.lengthCost(lx, ly)
	r.cache[k] = v
	return v
}

// repartition re-cuts the windows of the path (in lv's coordinates, lv's origin at (di, dj) in
// the documents cov holds) around beads whose margin (mg, one per step) is below repartMargin.
// The number of beads stays; it returns the windows it re-cut (first bead, number of beads), whose
// beads' and neighbours' margins mg no longer holds (see refreshMargins).
func repartition(md *model, lv *level, cov *coverage, path []point, steps []int8, mg []float64, di, dj int) ([]point, []int8, [][2]int) {
	var shapes []int8
	for k, t := range md.types {
		if t.a > 0 && t.b > 0 {
			shapes = append(shapes, int8(k))
		}
	}
	r := &repartitioner{md: md, lv: lv, cov: cov, di: di, dj: dj, s: covScratch{m: map[uint64]int32{}}}
	// near marks the near ties; a bead re-cut is settled, not a window's reason again.
	near := make([]bool, len(mg))
	for k, m := range mg {
		near[k] = m < repartMargin
	}
	var recut [][2]int
	matched := func(k int) bool { t := md.types[steps[k]]; return t.a > 0 && t.b > 0 }
	for k := 0; k+1 < len(steps); k++ {
		var bestGain float64
		var best []int8
		for L := 2; L <= repartWindow && k+L <= len(steps); L++ {
			// A window holds matched beads only, and a near tie.
			if !matched(k) || !matched(k+L-1) || !slices.Contains(near[k:k+L], true) {
				break
			}
			p, q := path[k], path[k+L]
			if q.i-p.i > maxMembers || q.j-p.j > maxMembers {
				break
			}
			lv.stop.tick()
			r.cache = map[[4]int]float64{}
			r.den = r.den[:0]
			r.loc = r.loc[:0]
			for _, d := range cov.dirs {
				r.loc = append(r.loc, d.chanceTable(dj+p.j, dj+q.j, &r.s))
				_, na, nb := d.matches(di+p.i, di+q.i, dj+p.j, dj+q.j, &r.s, nil)
				var den [repartOrders + 1]float64
				for n := range den {
					den[n] = na[n] + nb[n]
				}
				r.den = append(r.den, den)
			}
			var own float64
			for x := k; x < k+L; x++ {
				own += r.score(md.types[steps[x]], path[x].i, path[x].j)
			}
			top, part := r.bestCut(shapes, p, q, L)
			if g := top - own; g > bestGain {
				bestGain, best = g, part
			}
		}
		if best == nil {
			continue
		}
		cur := path[k]
		for x, s := range best {
			t := md.types[s]
			cur = point{cur.i + t.a, cur.j + t.b}
			path[k+1+x], steps[k+x] = cur, s
			near[k+x] = false
		}
		recut = append(recut, [2]int{k, len(best)})
	}
	return path, steps, recut
}

// bestCut returns the best-scoring cut of p→q into exactly L matched beads and its score.
func (r *repartitioner) bestCut(shapes []int8, p, q point, L int) (float64, []int8) {
	best, part := math.Inf(-1), []int8(nil)
	stack := make([]int8, 0, L)
	var walk func(at point, acc float64)
	walk = func(at point, acc float64) {
		if len(stack) == L {
			if at == q && acc > best {
				best, part = acc, slices.Clone(stack)
			}
			return
		}
		for _, s := range shapes {
			t := r.md.types[s]
			if at.i+t.a > q.i || at.j+t.b > q.j {
				continue
			}
			if straddles(r.lv.srcBrk, at.i, t.a) || straddles(r.lv.tgtBrk, at.j, t.b) {
				continue
			}
			stack = append(stack, s)
			walk(point{at.i + t.a, at.j + t.b}, acc+r.score(t, at.i, at.j))
			stack = stack[:len(stack)-1]
		}
	}
	walk(p, 0)
	return best, part
}

// margins returns the margin of each matched bead of the path (+Inf for the others).
func margins(md *model, sc *scorer, path []point, steps []int8) []float64 {
	mg := make([]float64, len(steps))
	for k := range steps {
		mg[k] = marginAt(md, sc, path, steps, k)
	}
	return mg
}

// marginAt is the margin of bead k of the path, +Inf when it is not a matched bead; it reads
// the dots of the bead's neighbours' span and one unit around it, as makeBeads does.
func marginAt(md *model, sc *scorer, path []point, steps []int8, k int) float64 {
	if t := md.types[steps[k]]; t.a == 0 || t.b == 0 {
		return math.Inf(1)
	}
	pp, nq := path[max(k-1, 0)], path[min(k+2, len(path)-1)]
	sc.setBlock(pp.i-1, nq.i+1, pp.j-1, nq.j+1)
	return margin(md, sc, path, k)
}

// refreshMargins recomputes the margins that the re-cut windows changed: a bead's margin reads
// its own and its two neighbours' spans, so those of the window's beads and of one bead each
// side. The others stand, and makeBeads reads them instead of computing them again. The output is
// the same (the dev article's beads and confidences with either or both MT directions); margin()
// was 4.5 % of the CPU profile of 10,000 synthetic sentences a side with both MT directions,
// half of it spent twice; measured 5.48 → 5.61 CPU-s there (forward MT 3.44 → 3.32), within the
// noise of the shared machine.
func refreshMargins(md *model, sc *scorer, path []point, steps []int8, mg []float64, recut [][2]int) {
	for _, w := range recut {
		for k := max(w[0]-1, 0); k <= min(w[0]+w[1], len(steps)-1); k++ {
			mg[k] = marginAt(md, sc, path, steps, k)
		}
	}
}
