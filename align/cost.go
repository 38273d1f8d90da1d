package align

import (
	"math"
)

// model holds the cost parameters shared by all levels.
type model struct {
	types     []beadType
	lenWeight float64 // weight of the Gale–Church length cost
	delCost   float64 // cost of one unit without counterpart
	// delRun is the cost of each unit of a block without counterpart beyond its first
	// runFull units (see runTypes); 0 when the model has no run shapes.
	delRun   float64
	brkCost  float64 // cost of a bead that straddles a paragraph start
	ratio    float64 // target characters per source character, measured on the documents
	variance float64 // variance of target length per source character (Gale–Church's s²)
	// A member of a many-to-many bead whose own cost against the other side exceeds explained
	// is not explained by it (see chanLevel.unexplained).
	explained float64
	// leakWeight and leakFloor price a bead's resemblance with the sentences just outside it
	// (see scorer.leak): normalized similarity above leakFloor costs leakWeight per unit.
	leakWeight, leakFloor float64
	wordLeak              float64                   // leak per crossing word (see wordSides)
	trace                 func(Bead, calibFeatures) // Options.trace
	crossing              bool                      // Options.Crossing
	// cueMismatch is the cost of a cut between beads where the two sides' sentence boundaries
	// are of different kinds (see cutCost).
	cueMismatch float64
	anchorLeak  float64 // leak per anchor crossing a cut (see newAnchorSides)
}

// groupFactor scales the lexical cost of a bead by its size: a bead counts as max(a, b) pairs,
// what its sentences would cost aligned 1-1 as far as they go (2-2 as two 1-1 beads, 1-3 as a
// 1-1 bead and two deletions at less than deletion cost). With the shape prior, merging is only
// chosen when the merged groups fit better than the sentences one by one.
func (md *model) groupFactor(t beadType) float64 { return float64(max(t.a, t.b)) }

// beadType is a bead shape: a source and b target units, with its prior cost.
type beadType struct {
	a, b  int
	prior float64
}

// beadTypes lists the shapes with up to g units per side: deletions, 1-1, and the many-to-many
// shapes of at most g+1 sentences with at most 3 on the smaller side (for g=5: 1-2 … 1-5, 2-1 …
// 2-4, 3-3, 4-1, 4-2, 5-1; for g=3: 1-2, 2-1, 2-2, 1-3, 3-1).
func beadTypes(g int, step float64) []beadType {
	ts := []beadType{{1, 1, 0}, {1, 0, 0}, {0, 1, 0}}
	for a := 1; a <= g; a++ {
		for b := 1; b <= g; b++ {
			if (a == 1 && b == 1) || a+b > g+1 || min(a, b) > 3 {
				continue
			}
			// Many-to-many beads are rarer than 1-1 ones; larger ones rarer still.
			ts = append(ts, beadType{a, b, step * float64(a+b-2)})
		}
	}
	return ts
}

// maxLengthCost caps the length cost (P(δ) = 1e-12), so that a wildly different length is very
// unlikely but not impossible.
const maxLengthCost = 27.6

// lengthCost is Gale and Church's −log P(δ) for lx source and ly target characters.
func (md *model) lengthCost(lx, ly float64) float64 {
	mean := (lx + ly/md.ratio) / 2
	if mean <= 0 {
		return 0
	}
	d := math.Abs(ly-md.ratio*lx) / math.Sqrt(md.variance*mean)
	return min(gcCost(d), maxLengthCost)
}

// scorer computes bead costs at one level. The cosine of two groups is computed from dot
// products of single units (the group vector is the sum of its units), and during the search the
// cross dot product of source unit p and target unit q is computed once and kept at lattice cell
// (p+1, q+1), so each cell costs one sparse dot product per channel whatever the number of bead
// shapes. Only the rows a bead ending at the current row can reach are kept (a window of w rows),
// so the cache is as small as the band's width; outside the search, dots are computed afresh.
type scorer struct {
	md    *model
	lv    *level
	r     *region
	w     int           // rows in the window: the largest bead's source side plus one
	cur   int           // the row being searched; -1 outside the search
	cross [][][]float32 // [channel][row % w][column - lo[row]]; NaN until computed
	// leakRows[row % w][column - lo[row]] caches leakAt; NaN until computed.
	leakRows [][]float32
	// scratch[k] is a dense array over channel k's feature ids, zero but while fillRow
	// scatters one source vector into it.
	scratch []scatter
	// Outside the search, blk[k] holds channel k's cross dots of the block of source units
	// [bi0, bi1) and target units [bj0, bj1) (see setBlock).
	blk                [][]float32
	bi0, bi1, bj0, bj1 int
}

// setBlock computes the cross dots of source units [i0, i1) and target units [j0, j1) (clamped
// to the documents) of every channel at once, for the cost computations that follow outside
// the search: a bead's margin compares every other cut of its neighbourhood, which needs the same
// few dots dozens of times.
func (s *scorer) setBlock(i0, i1, j0, j1 int) {
	i0, j0 = max(i0, 0), max(j0, 0)
	i1, j1 = min(i1, s.lv.n), min(j1, s.lv.m)
	if i1 <= i0 || j1 <= j0 {
		s.blk = nil
		return
	}
	s.bi0, s.bi1, s.bj0, s.bj1 = i0, i1, j0, j1
	if s.blk == nil {
		s.blk = make([][]float32, len(s.lv.chans))
	}
	if s.scratch == nil {
		for k := range s.lv.chans {
			s.scratch = append(s.scratch, newScatter(s.lv.chans[k].src))
		}
	}
	w := j1 - j0
	for k := range s.lv.chans {
		ch, sc := &s.lv.chans[k], s.scratch[k]
		b := growRow(s.blk[k], (i1-i0)*w)
		for p := i0; p < i1; p++ {
			sc.set(ch.src[p])
			for q := j0; q < j1; q++ {
				b[(p-i0)*w+q-j0] = sc.dot(ch.tgt[q])
			}
			sc.clear(ch.src[p])
		}
		s.blk[k] = b
	}
}

func newScorer(md *model, lv *level, r *region) *scorer {
	// The window reaches one row ahead too: leak looks at the row after the current one.
	s := &scorer{md: md, lv: lv, r: r, w: md.maxA() + 2, cur: -1}
	for range lv.chans {
		s.cross = append(s.cross, make([][]float32, s.w))
	}
	s.leakRows = make([][]float32, s.w)
	for k := range lv.chans {
		s.scratch = append(s.scratch, newScatter(lv.chans[k].src))
	}
	return s
}

// enterRow starts row i of the search: its cache slot is cleared for its columns.
func (s *scorer) enterRow(i int) {
	s.cur = i
	if i == 0 {
		s.clearRow(0)
	}
	if i+1 < len(s.r.lo) {
		s.fillRow(i + 1)
	}
}

// fillRow computes row i's cross dot products of every channel at once (the DP needs the 1-1
// bead of every cell, so none is wasted): source unit i-1 is scattered into a dense array, and
// each target unit's dot is a sum over its own features only — no merge of two sorted lists with
// its unpredictable branches. The sums run over the same products in the same order as dot's,
// so the numbers are the same.
func (s *scorer) fillRow(i int) {
	s.clearRow(i)
	if i == 0 {
		return
	}
	lo, hi := int(s.r.lo[i]), int(s.r.hi[i])
	for k := range s.cross {
		ch := &s.lv.chans[k]
		sv, sc := ch.src[i-1], s.scratch[k]
		row := s.cross[k][i%s.w]
		sc.set(sv)
		for j := max(lo, 1); j <= hi; j++ {
			row[j-lo] = sc.dot(ch.tgt[j-1])
		}
		sc.clear(sv)
	}
}

// clearRow empties row i's cache slot for its columns.
func (s *scorer) clearRow(i int) {
	n := int(s.r.hi[i]-s.r.lo[i]) + 1
	for k := range s.cross {
		row := growRow(s.cross[k][i%s.w], n)
		for x := range row {
			row[x] = nan32
		}
		s.cross[k][i%s.w] = row
	}
	if s.leakRows != nil {
		row := growRow(s.leakRows[i%s.w], n)
		for x := range row {
			row[x] = nan32
		}
		s.leakRows[i%s.w] = row
	}
}

// leave ends the search: the cache is dropped, and dots are computed when asked.
func (s *scorer) leave() {
	s.cur = -1
	s.cross = nil
	s.leakRows = nil
}

var nan32 = float32(math.NaN())

// crossDot returns the dot product of source unit p and target unit q in channel k.
func (s *scorer) crossDot(k, p, q int) float64 {
	ch := &s.lv.chans[k]
	i, j := p+1, q+1
	if i > s.cur+1 || i <= s.cur+1-s.w || j < int(s.r.lo[i]) || j > int(s.r.hi[i]) {
		if s.cur < 0 && s.blk != nil && p >= s.bi0 && p < s.bi1 && q >= s.bj0 && q < s.bj1 {
			return float64(s.blk[k][(p-s.bi0)*(s.bj1-s.bj0)+q-s.bj0])
		}
		return float64(dot(ch.src[p], ch.tgt[q])) // outside the window: rare, not cached
	}
	c := &s.cross[k][i%s.w][j-int(s.r.lo[i])]
	if *c != *c { // NaN: not computed yet
		*c = dot(ch.src[p], ch.tgt[q])
	}
	return float64(*c)
}

// straddles reports whether the units [i, i+a) contain a paragraph start after the first.
func straddles(brk []bool, i, a int) bool {
	if brk == nil {
		return false
	}
	for k := i + 1; k < i+a; k++ {
		if brk[k] {
			return true
		}
	}
	return false
}

// cost returns the cost of bead t ending at lattice point (i, j): source units [i-a, i) and
// target units [j-b, j).
func (s *scorer) cost(t beadType, i, j int) float64 { return s.costBelow(t, i, j, math.Inf(1)) }

// costBelow is cost, except that once the cost is known to reach limit it returns a partial
// cost ≥ limit without computing the lexical part: the length and shape costs alone rule out
// most large beads, and lexical costs are never negative.
func (s *scorer) costBelow(t beadType, i, j int, limit float64) float64 {
	md, lv := s.md, s.lv
	if t.a == 0 || t.b == 0 {
		if t.a+t.b > 1 {
			return md.runCost(t, i, j, lv)
		}
		if (t.a == 1 && lv.srcDebris != nil && lv.srcDebris[i-1]) || (t.b == 1 && lv.tgtDebris != nil && lv.tgtDebris[j-1]) {
			return debrisDelCost
		}
		return md.delCost
	}
	i0, j0 := i-t.a, j-t.b
	c := t.prior + s.cutCost(i0, j0, i, j)
	if straddles(lv.srcBrk, i0, t.a) || straddles(lv.tgtBrk, j0, t.b) {
		c += md.brkCost
	}
	var lx, ly float64
	for _, x := range lv.srcLen[i0:i] {
		lx += x
	}
	for _, y := range lv.tgtLen[j0:j] {
		ly += y
	}
	c += md.lenWeight * md.lengthCost(lx, ly)
	if c >= limit {
		return c
	}
	// A many-to-many bead's lexical cost is scaled by its size; lexical costs are never
	// negative, so a channel may stop computing once its part alone reaches the limit.
	factor := 1.0
	if t.a != 1 || t.b != 1 {
		// Debris inside a bead is neither a member to explain nor a pair more.
		da, db := debrisIn(lv.srcDebris, i0, i), debrisIn(lv.tgtDebris, j0, j)
		factor = float64(max(t.a-da, t.b-db, 1))
	}
	var lex float64
	for k := range lv.chans {
		ch := &lv.chans[k]
		var ck float64
		nx := groupNorm2(ch.srcSelf, i0, t.a)
		ny := groupNorm2(ch.tgtSelf, j0, t.b)
		switch {
		case nx == 0 || ny == 0:
			ck = 1 // no evidence: as good as a random pair
		case t.a == 1 && t.b == 1:
			cos := s.crossDot(k, i0, j0) / math.Sqrt(nx*ny)
			ck = md.lexCost(ch.scale, cos, (float64(ch.srcBase[0][i0])+float64(ch.tgtBase[0][j0]))/2, ch.good)
		default:
			budget := math.Inf(1)
			if ch.weight > 0 {
				budget = ((limit-c)/factor - lex) / ch.weight
			}
			ck = s.groupLex(k, t, i0, j0, nx, ny, budget)
		}
		lex += ch.weight * ck
	}
	c += lex * factor
	if md.leakWeight > 0 && c < limit {
		c += s.leak(i0, j0, i, j)
	}
	return c
}

// leak is the evidence that the bead [i0,i)×[j0,j) cuts through content: how much its first
// and last sentences resemble the sentences just outside it on the other side. Gold aligners
// merge two sentences into one bead when part of one is translated in the neighbour of its
// counterpart; two 1-1 beads that each leak into the other are then dearer than the 2-2 bead.
// The four resemblances are those of the pairs across the bead's two corners, so the leak is
// leakAt(i0, j0) + leakAt(i, j), each computed once per lattice point.
func (s *scorer) leak(i0, j0, i, j int) float64 {
	return s.md.leakWeight * (s.leakAt(i0, j0) + s.leakAt(i, j))
}

// leakAt is the weighted resemblance above leakFloor of the two pairs across lattice point
// (i, j): source i with target j-1, and source i-1 with target j. It is cached in the rows of
// the search window.
func (s *scorer) leakAt(i, j int) float64 {
	var c *float32
	if s.cur >= 0 && i <= s.cur+1 && i > s.cur+1-s.w && j >= int(s.r.lo[i]) && j <= int(s.r.hi[i]) {
		c = &s.leakRows[i%s.w][j-int(s.r.lo[i])]
		if *c == *c {
			return float64(*c)
		}
	}
	lv := s.lv
	var tot float64
	for k := range lv.chans {
		ch := &lv.chans[k]
		one := func(p, q int) float64 {
			if p < 0 || q < 0 || p >= lv.n || q >= lv.m {
				return 0
			}
			np, nq := float64(ch.srcSelf[0][p]), float64(ch.tgtSelf[0][q])
			if np == 0 || nq == 0 {
				return 0
			}
			cos := s.crossDot(k, p, q) / math.Sqrt(np*nq)
			sim := (cos - (float64(ch.srcBase[0][p])+float64(ch.tgtBase[0][q]))/2) / ch.good
			return max(0, sim-s.md.leakFloor)
		}
		tot += ch.weight * (one(i, j-1) + one(i-1, j))
	}
	if s.md.wordLeak > 0 {
		// With both MT directions each counts the same moved clause once in its own language:
		// their mean, not their sum, is the estimate of what crosses the cut. Summed, a crossing
		// word cost twice what it costs next to one MT, and both directions aligned worse than the
		// better one alone. Strict F1 with both directions, whole article / quarters summed,
		// Google MT 0.943/0.942 → 0.940/0.942, Europarl full 0.930/0.918 → 0.937/0.928, Europarl
		// light 0.877/0.886 → 0.881/0.890; over the whole and the sums of halves, thirds, quarters
		// and sixths of the three systems the mean is 0.910 → 0.914 (with the max of the two
		// counts 0.912; at 0.35 or 0.7 of the sum 0.914 and 0.912). The mean is weighted by the
		// directions' shares of the evidence (weighDirections), so that a poor direction's words
		// count as little as its n-grams: with the reverse MT's lines shuffled, strict F1 summed
		// over the dev article's quarters is 0.935 → 0.940 with Google's forward MT (0.942 alone),
		// 0.898 → 0.907 with the light Europarl one (0.909 alone); the six mixed pairs of
		// BenchmarkDevMTMixed gain 0.0006 over the better direction alone on the whole article.
		for k := range lv.words {
			tot += s.md.wordLeak * lv.words[k].weight * float64(lv.words[k].crossing(i, j))
		}
	}
	if lv.anchors != nil && s.md.anchorLeak > 0 {
		tot += s.md.anchorLeak * float64(lv.anchors.crossing(i, j))
	}
	if c != nil {
		*c = float32(tot)
	}
	return tot
}

// groupLex is the lexical cost of a many-to-many bead: the mean of the costs of the two groups
// and of each member sentence against the whole group on the other side. A bead is only cheap when every one of its
// sentences is explained by the other side; one unrelated sentence tacked on costs like a random
// pair. (For a 1-1 bead this is simply the pair's cost.)
//
// Once the cost is known to reach budget (the members still to come can only add to the mean),
// it returns a partial cost ≥ budget.
func (s *scorer) groupLex(k int, t beadType, i0, j0 int, nx, ny, budget float64) float64 {
	md, ch := s.md, &s.lv.chans[k]
	i, j := i0+t.a, j0+t.b
	var rows [maxMembers]float64 // dot of each source member with the target group
	var cols [maxMembers]float64
	for p := i0; p < i; p++ {
		for q := j0; q < j; q++ {
			d := s.crossDot(k, p, q)
			rows[p-i0] += d
			cols[q-j0] += d
		}
	}
	gx := float64(ch.srcBase[t.a-1][i0])
	gy := float64(ch.tgtBase[t.b-1][j0])
	var whole float64
	for _, r := range rows[:t.a] {
		whole += r
	}
	// The groups as wholes count as one more member.
	sum := md.lexCost(ch.scale, whole/math.Sqrt(nx*ny), (gx+gy)/2, ch.good)
	srcDebris, tgtDebris := s.lv.srcDebris, s.lv.tgtDebris
	// The number of terms of the mean: the wholes and every member that is not debris.
	all := 1 + t.a + t.b - debrisIn(srcDebris, i0, i) - debrisIn(tgtDebris, j0, j)
	if lb := sum / float64(all); lb >= budget {
		return lb
	}
	n := 1
	var unexplained float64
	member := func(c float64) {
		sum += c
		n++
		unexplained += max(0, c-md.explained)
	}
	for p := 0; p < t.a; p++ {
		if srcDebris != nil && srcDebris[i0+p] {
			continue
		}
		if n2 := float64(ch.srcSelf[0][i0+p]); n2 > 0 {
			cos := rows[p] / math.Sqrt(n2*ny)
			member(md.lexCost(ch.scale, cos, (float64(ch.srcBase[0][i0+p])+gy)/2, ch.good))
		} else {
			member(1) // a sentence without features: no evidence either way
		}
	}
	if lb := sum / float64(all); lb >= budget {
		return lb
	}
	for q := 0; q < t.b; q++ {
		if tgtDebris != nil && tgtDebris[j0+q] {
			continue
		}
		if n2 := float64(ch.tgtSelf[0][j0+q]); n2 > 0 {
			cos := cols[q] / math.Sqrt(n2*nx)
			member(md.lexCost(ch.scale, cos, (float64(ch.tgtBase[0][j0+q])+gx)/2, ch.good))
		} else {
			member(1)
		}
	}
	return sum/float64(n) + ch.unexplained*unexplained/float64(t.a+t.b-1)
}

// maxMembers bounds the sentences on one side of a bead.
const maxMembers = 8

// lexCost maps a cosine to a cost through its normalized similarity (cos-base)/good, which is
// 0 for a pair like random ones and 1 for a typical true pair: the cost is 1 for a random pair,
// decreasing towards 0 for better-than-typical pairs and above 1 for worse-than-random ones.
func (md *model) lexCost(scale, cos, base, good float64) float64 {
	return fastExp(-scale * (cos - base) / good)
}
