package align

import (
	"cmp"
	"slices"
)

// The length model expects the target to have the documents' ratio of characters. A passage
// only one side has skews that ratio, and a large one defeats the alignment: the Rust book's
// slices chapter in German (110 sentences) against the English chapter with chapter 12.3's
// 290 sentences appended expected 2.6 target characters per source character, so every true 1-1
// pair looked like a 1-3, the first pass paired sentences with runs of their neighbours, and the
// second pass, which measures the ratio on the first pass's pairs (pairedRatio), left all but
// one sentence of either side unpaired. The first pass therefore takes its ratio from the
// stretch of both documents that the anchors (numbers, names and words both sides spell alike:
// see anchorKeys) pair when they differ much from the totals.
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
// 2,917 now (vectors: 1 → 62 of 83); the German side appended instead: 2,513 → 2,605.

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
// unique anchor pairs span, or 0 when there are fewer than spanMinAnchors such pairs or the
// stretch's ratio is within spanSkew of the documents' totals.
func anchorSpanRatio(a *anchorSides, srcLen, tgtLen []float64) float64 {
	if a == nil {
		return 0
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
		return 0
	}
	slices.SortFunc(pairs, func(x, y point) int { return cmp.Or(cmp.Compare(x.i, y.i), cmp.Compare(x.j, y.j)) })
	pairs = slices.Compact(pairs)
	chain := orderedChain(pairs)
	if len(chain) < spanMinAnchors {
		return 0
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
		return 0
	}
	if r := (sy / sx) / (ty / tx); r > 1-spanSkew && r < 1/(1-spanSkew) {
		return 0
	}
	return sy / sx
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
