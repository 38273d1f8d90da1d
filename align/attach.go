package align

// Deletions beside a matched bead. The search leaves a sentence unmatched when tacking it onto
// a neighbouring bead costs more than deleting it; with MT the two costs are close for a sentence
// whose MT shares a few words with its counterpart but whose n-grams are diluted in the larger
// bead's tf-idf cosine (the dev article's "Orell Füssli 1956 ) vorliegt , bringt … nicht viel
// Neues ." left out of the bead of the two lines before it and their one French sentence). Once
// the search and the re-partition are done, each such deletion asks how much of it its
// neighbouring matched beads cover, with the same clipped character n-gram counts as the
// re-partition (covDir.matches in repart.go, both MT directions where given), counted as the
// sentence's marginal share: the bead's matches with the sentence less those without it, over
// the sentence's own n-grams, less what the text around the bead matches by chance. A sentence
// covered beyond chance joins the neighbour covering it most.
//
// The reverse, detaching a bead's edge member as a deletion where the bead covers it no more than
// chance, was measured too and lost everywhere: loose translations ("peine perdue ." for "aber
// alle Mühe war umsonst") are edge members of right beads as often as their coverage is below
// chance, while the gold's deletions beside n:m beads ("Literatur :", "( Traduit par L. S. )")
// sit at 0.00–0.04, among 30 right members. On the dev article with forward MT strict F1 went
// 0.947 → 0.915 at a threshold of 0, and gated to near ties (margin below 0.05, 0.2, 0.5) to
// no better than the attachment alone at 0.05, and 0.941 and 0.921 at 0.2 and 0.5.

// attachDeletions moves each single deletion of the path (lv's coordinates, its origin at
// (di, dj) in the documents cov holds) that a neighbouring matched bead covers beyond chance
// into that bead, where the grown shape is allowed and crosses no paragraph start. Debris stays
// out. It returns the new path and steps and their margins (mg holds the old path's; the merged
// beads' and their neighbours' are computed again).
func attachDeletions(md *model, sc *scorer, lv *level, cov *coverage, path []point, steps []int8, mg []float64, di, dj int) ([]point, []int8, []float64) {
	r := &repartitioner{md: md, lv: lv, cov: cov, di: di, dj: dj, s: covScratch{m: map[uint64]int32{}}}
	// grown returns the shape of bead t grown by deletion d, or -1.
	grown := func(t, d beadType, at point) int {
		if t.a == 0 || t.b == 0 {
			return -1
		}
		a, b := t.a+d.a, t.b+d.b
		if straddles(lv.srcBrk, at.i, a) || straddles(lv.tgtBrk, at.j, b) {
			return -1
		}
		return md.shapeIndex(a, b)
	}
	np := []point{path[0]}
	var ns []int8
	var nm []float64
	var merged []int // indices into ns of grown beads
	for k := 0; k < len(steps); k++ {
		s := steps[k]
		t := md.types[s]
		p, q := path[k], path[k+1]
		if t.a+t.b != 1 || (t.a == 1 && lv.srcDebris != nil && lv.srcDebris[p.i]) || (t.b == 1 && lv.tgtDebris != nil && lv.tgtDebris[p.j]) {
			np, ns, nm = append(np, q), append(ns, s), append(nm, mg[k])
			continue
		}
		lv.stop.tick()
		// One chance table per direction for both neighbours: the target text around the
		// span from the previous bead's start to the next one's end.
		lo, hi := p.j, q.j
		if len(ns) > 0 {
			lo = np[len(np)-2].j
		}
		if k+1 < len(steps) {
			hi = path[k+2].j
		}
		r.loc = r.loc[:0]
		for _, d := range cov.dirs {
			r.loc = append(r.loc, d.chanceTable(dj+lo, dj+hi, &r.s))
		}
		best, side, shape := 0.0, 0, -1
		if len(ns) > 0 {
			pp := np[len(np)-2]
			if x := grown(md.types[ns[len(ns)-1]], t, pp); x >= 0 {
				if c := r.memberCoverage(pp, q, t.a == 1, false); c > best {
					best, side, shape = c, -1, x
				}
			}
		}
		if k+1 < len(steps) {
			nq := path[k+2]
			if x := grown(md.types[steps[k+1]], t, p); x >= 0 {
				if c := r.memberCoverage(p, nq, t.a == 1, true); c > best {
					best, side, shape = c, 1, x
				}
			}
		}
		switch side {
		case 0:
			np, ns, nm = append(np, q), append(ns, s), append(nm, mg[k])
		case -1: // the previous bead ends at q now
			ns[len(ns)-1], np[len(np)-1] = int8(shape), q
			if len(merged) == 0 || merged[len(merged)-1] != len(ns)-1 {
				merged = append(merged, len(ns)-1)
			}
		case 1: // the next bead starts at p
			np, ns, nm = append(np, path[k+2]), append(ns, int8(shape)), append(nm, mg[k+1])
			merged = append(merged, len(ns)-1)
			k++
		}
	}
	if len(merged) == 0 {
		return path, steps, mg
	}
	for _, x := range merged {
		for k := max(x-1, 0); k <= min(x+1, len(ns)-1); k++ {
			nm[k] = marginAt(md, sc, np, ns, k)
		}
	}
	return np, ns, nm
}

// memberCoverage is the share of one sentence's n-grams, at the edge of the bead p→q (its first
// or last on the source side or the target side), that the bead's other side covers beyond what
// the bead's other sentences already cover and beyond chance: averaged over n-gram orders and MT
// directions, about 0 for an unrelated sentence. r.loc holds each direction's chance table.
func (r *repartitioner) memberCoverage(p, q point, src, first bool) float64 {
	var cov float64
	var terms int
	i0, i1, j0, j1 := r.di+p.i, r.di+q.i, r.dj+p.j, r.dj+q.j
	for x, d := range r.cov.dirs {
		lt := r.loc[x]
		with, na, nb := d.matches(i0, i1, j0, j1, &r.s, lt)
		ri0, ri1, rj0, rj1 := i0, i1, j0, j1
		switch {
		case src && first:
			ri0++
		case src:
			ri1--
		case first:
			rj0++
		default:
			rj1--
		}
		without, ra, rb := d.matches(ri0, ri1, rj0, rj1, &r.s, lt)
		for n := 1; n <= repartOrders; n++ {
			own := nb[n] - rb[n]
			if src {
				own = na[n] - ra[n]
			}
			if own > 0 {
				cov += (with[n] - without[n]) / own
				terms++
			}
		}
	}
	if terms == 0 {
		return 0
	}
	return cov / float64(terms)
}
