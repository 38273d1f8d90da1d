package align

import (
	"cmp"
	"math"
	"slices"
)

// The length model expects the target to have the documents' ratio of characters, and the
// channels' calibration looks for a source unit's counterpart near the diagonal. A passage only
// one side has skews both, and a large one defeats the alignment: the Rust book's slices chapter
// in German (110 sentences) against the English chapter with chapter 12.3's 290 sentences
// appended expected 2.6 target characters per source character, so every true 1-1 pair looked
// like a 1-3, and its true pairs, far off the diagonal, were not found, so chance matches were
// taken for the typical true pair and every lexical match looked three times as good as a true
// one: the second pass left all but one sentence of either side unpaired. When the anchors
// (numbers, names and words both sides spell alike: see anchorKeys) place the counterparts
// elsewhere than the totals say, the length model takes the ratio of the stretch they span, and
// calibrate looks for counterparts along the line through them (pathGuide), on the source units
// of that stretch.
//
// An anchor found in as many sentences of each document (up to spanMaxRepeats) pairs them in
// order: the first source sentence holding it with the first target sentence, and so on; a
// passage one side lacks mostly gives the anchors it shares with the rest unequal counts. Of
// these pairs, the longest chain that keeps the order on both sides is taken, and its
// first and last pairs bound the stretch: its characters on both sides, a many-to-many bead or a
// dropped sentence inside counting as they are, give the ratio.
//
// Measured: every figure of the dev benchmarks unchanged (405 metrics of -bench 'Calibration|
// TextbergDev$|NoisyDev$|PerturbedDev$|DevMissingPassage|LiteraryMT|DevSplits|DevMTSystems|
// DevMTMixed'; on none of their documents does the stretch stand spanSkew from the totals). The
// Rust book's 47 chapters, each German chapter against its English with the chapter five on
// appended: of the pairs each chapter gets aligned alone, 2,372 of 3,594 found again before,
// 2,917 with the stretch's ratio, 3,482 with the guided calibration too (vectors: 1 → 62 → 83 of
// 83); the German side appended instead: 2,513 → 2,605 → 3,239 (3,018 with the guide but all
// source units sampled).

// spanMinAnchors is the fewest ordered anchor pairs from which anchorSpanRatio measures.
const spanMinAnchors = 6

// spanMaxRepeats is the most sentences of each side an anchor pairs in order (the r-th of
// the source's with the r-th of the target's) when it is in as many on both: a bound on the
// pairs' memory (a term of a technical text is in dozens of sentences, and when both sides have
// it as often, its occurrences are good anchors).
const spanMaxRepeats = 64

// spanSkew is how far (as a share) the anchored stretch's ratio must stand from the totals' for
// the first pass to take it.
const spanSkew = 0.25

// anchorSpanRatio returns the target characters per source character of the stretch the ordered
// anchor pairs span, and the chain of those pairs (the guide of calibrate's search for true
// pairs: see pathGuide); 0 and nil when there are fewer than spanMinAnchors such pairs or the
// stretch's ratio is within spanSkew of the documents' totals.
func anchorSpanRatio(a *anchorSides, srcLen, tgtLen []float64) (float64, []point) {
	if a == nil {
		return 0, nil
	}
	// Two passes over the ids: counting, then placing the ids whose counts agree, so that the
	// memory goes to the pairs, not to every occurrence of every anchor.
	count := map[uint32][2]int32{}
	for side, l := range []idList{a.src, a.tgt} {
		for _, id := range l.ids {
			c := count[id]
			c[side]++
			count[id] = c
		}
	}
	// next[id] is the rank of id's next occurrence on the side being read; pairs[at[id]+r] is
	// the pair of its r-th occurrences.
	at := map[uint32]int{}
	var pairs []point
	for id, c := range count {
		if c[0] == c[1] && c[0] <= spanMaxRepeats {
			at[id] = len(pairs)
			for range c[0] {
				pairs = append(pairs, point{})
			}
		}
	}
	count = nil
	for side, l := range []idList{a.src, a.tgt} {
		next := map[uint32]int{}
		for k := range len(l.off) - 1 {
			for _, id := range l.of(k) {
				base, ok := at[id]
				if !ok {
					continue
				}
				r := next[id]
				next[id] = r + 1
				if side == 0 {
					pairs[base+r].i = k
				} else {
					pairs[base+r].j = k
				}
			}
		}
	}
	if len(pairs) < spanMinAnchors {
		return 0, nil
	}
	slices.SortFunc(pairs, func(x, y point) int { return cmp.Or(cmp.Compare(x.i, y.i), cmp.Compare(x.j, y.j)) })
	pairs = slices.Compact(pairs)
	chain := orderedChain(pairs)
	if len(chain) < spanMinAnchors {
		return 0, nil
	}
	first, last := chain[0], chain[len(chain)-1]
	var sx, sy, tx, ty float64
	for i, x := range srcLen {
		tx += x
		if i >= first.i && i <= last.i {
			sx += x
		}
	}
	for j, y := range tgtLen {
		ty += y
		if j >= first.j && j <= last.j {
			sy += y
		}
	}
	if sx == 0 || sy == 0 || tx == 0 || ty == 0 {
		return 0, nil
	}
	if r := (sy / sx) / (ty / tx); r > 1-spanSkew && r < 1/(1-spanSkew) {
		return 0, nil
	}
	return sy / sx, chain
}

// pathGuide is where, by the anchors, the counterpart of a source unit lies: the line through
// the ordered anchor pairs (anchorSpanRatio), straight between two of them and continued at the
// stretch's slope beyond the first and the last. Without anchors (nil) it is the diagonal. Units
// are the level's: a coarse level's guide has its points' coordinates halved per level.
type pathGuide []point

// at returns the target unit the guide expects source unit i of n to face, of m target units.
func (g pathGuide) at(i, n, m int) int {
	if len(g) < 2 {
		return i * m / max(n, 1)
	}
	first, last := g[0], g[len(g)-1]
	slope := float64(last.j-first.j) / float64(max(1, last.i-first.i))
	var j float64
	switch k, _ := slices.BinarySearchFunc(g, i, func(p point, i int) int { return cmp.Compare(p.i, i) }); {
	case k == 0:
		j = float64(first.j) - float64(first.i-i)*slope
	case k == len(g):
		j = float64(last.j) + float64(i-last.i)*slope
	default:
		a, b := g[k-1], g[k]
		j = float64(a.j) + float64(b.j-a.j)*float64(i-a.i)/float64(max(1, b.i-a.i))
	}
	return min(max(0, int(math.Round(j))), max(0, m-1))
}

// sourceSpan returns the source units [lo, hi) between the guide's first and last anchors, of
// n; all n without a guide.
func (g pathGuide) sourceSpan(n int) (lo, hi int) {
	if len(g) < 2 {
		return 0, n
	}
	return min(g[0].i, n), min(g[len(g)-1].i+1, n)
}

// halve is the guide one level coarser (units of two).
func (g pathGuide) halve() pathGuide {
	if g == nil {
		return nil
	}
	h := make(pathGuide, 0, len(g))
	for _, p := range g {
		q := point{p.i / 2, p.j / 2}
		if len(h) > 0 && h[len(h)-1].i == q.i {
			continue // two anchors in one unit: the first stands
		}
		h = append(h, q)
	}
	return h
}

// orderedChain returns the longest chain of pairs (sorted by i, then j) increasing strictly on
// both sides: patience sorting on j, a pair with the same i as the one before it never extending
// it.
func orderedChain(pairs []point) []point {
	// tails[k] is the index into pairs of the smallest last j of a chain of length k+1.
	var tails []int
	prev := make([]int, len(pairs))
	for x := 0; x < len(pairs); {
		// Pairs of one source sentence go in together, each seeing only chains of earlier ones.
		y := x
		for y < len(pairs) && pairs[y].i == pairs[x].i {
			y++
		}
		type put struct{ at, idx int }
		var puts []put
		for k := x; k < y; k++ {
			at, _ := slices.BinarySearchFunc(tails, pairs[k].j, func(t int, j int) int { return cmp.Compare(pairs[t].j, j) })
			prev[k] = -1
			if at > 0 {
				prev[k] = tails[at-1]
			}
			puts = append(puts, put{at, k})
		}
		for _, p := range puts {
			if p.at == len(tails) {
				tails = append(tails, p.idx)
			} else if pairs[p.idx].j < pairs[tails[p.at]].j {
				tails[p.at] = p.idx
			}
		}
		x = y
	}
	if len(tails) == 0 {
		return nil
	}
	chain := make([]point, len(tails))
	for k, idx := len(tails)-1, tails[len(tails)-1]; k >= 0; k, idx = k-1, prev[idx] {
		chain[k] = pairs[idx]
	}
	return chain
}
