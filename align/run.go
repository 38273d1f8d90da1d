package align

import (
	"context"
	"fmt"
	"slices"
)

// Structural constants.
const (
	defaultGroup   = 5
	brkCost        = 1.0 // a bead across a paragraph start needs strong evidence
	gcVariance     = 6.8 // Gale and Church's variance per character
	anchorMaxRatio = 2.5 // paragraphs whose length ratios stray further are not trusted as anchors
)

// tuning holds the cost weights. They were chosen by small grid searches scored on four sets
// at once — the Text+Berg dev article (de–fr, with and without MT), seeded random edits of it,
// the German–English test article (with and without MT and paragraphs) and synthetic documents —
// and kept where all of them are good, not where one is best. The sets disagree on one point:
// Text+Berg has almost no unmatched sentences and many n-m beads, so it favours a high deletion
// cost; documents with dropped sentences favour a lower one. 1.2 keeps Text+Berg above its bar
// and costs one ambiguous bead on the test article.
type tuning struct {
	lenWeight float64 // Gale–Church −log P(δ) is in nats; lexical costs are about 0..1
	delCost   float64 // one unit without counterpart (a random 1-1 pair costs about 1)
	priorStep float64 // extra cost per sentence of a bead beyond 1-1
	// lexScale is the steepness of the surface and lexicon channels' cost in the normalized
	// similarity. Without MT they are the only lexical evidence, and a flatter curve (0.6, was
	// 0.75) lets one lucky or unlucky shared word sway a cut less: on the Text+Berg dev article
	// aligned in halves, thirds, quarters and sixths, strict F1 sums 0.849/0.845/0.869/0.862 →
	// 0.866/0.853/0.870/0.866, whole 0.868 and perturbed de–en 0.930→0.931 (0.5: halves 0.874
	// but quarters 0.861). Next to MT (surface weight 0.1) 0.6 and the old 0.75 align alike.
	//
	// 0.8 since calibrate follows the alignment path (pathCentres): the typical true pair it
	// measures is the real one now, about 16 % more alike than the diagonal's median on the dev
	// article, whose path strays 36 sentences from the diagonal; the normalized similarity of a
	// pair is that much smaller, and the curve steeper to match. Swept without MT (strict F1 on
	// the whole article, its halves/thirds/quarters/sixths, the perturbed dev, the perturbed dev
	// with crossing, the noisy dev whole/quarters; the path searched over the whole article):
	//
	//	0.6   0.901, 0.899/0.900/0.888/0.899, 0.935, 0.972, 0.831/0.812
	//	0.7   0.908, 0.911/0.900/0.892/0.891, 0.933, 0.969, 0.836/0.815
	//	0.75  0.908, 0.911/0.907/0.892/0.899, 0.933, 0.970, 0.839/0.820
	//	0.8   0.904, 0.911/0.907/0.900/0.899, 0.933, 0.969, 0.840/0.822
	//	0.9   0.904, 0.910/0.907/0.904/0.899, 0.932, 0.968, 0.841/0.821
	//
	// and 0.8 with the path searched within an eighth of the document (as committed): 0.908,
	// 0.911/0.907/0.899/0.899, 0.933, 0.969, 0.840/0.823. With the diagonal's calibration and
	// 0.6 it was 0.912, 0.901/0.889/0.899/0.895, 0.935, 0.972, 0.836/0.812. With MT the value
	// changes next to nothing.
	lexScale float64
	mtScale  float64 // the same for the MT channel
	// mtWeight is the weight of the MT channel (shared with the learned lexicon in the second
	// pass, see level.shareMT). It was 0.75, fitted on the dev article with Google's MT alone;
	// swept over the dev article with four MT systems (Google, Europarl full and light, both
	// directions and each alone, SACunidir forward: 10 conditions × {whole, sum of quarters
	// aligned alone} = 20 strict F1 figures), the mean is 0.915/0.927/0.930/0.929/0.927/0.926/
	// 0.922/0.891/0.838 at 0.375/0.5/0.5625/0.6/0.625/0.6875/0.75/1.125/1.5, with Google's six
	// figures 0.916/0.930/0.936/0.936/0.935/0.935/0.935/0.909/0.863. 0.6 sits in the middle of
	// the plateau from 0.5625 to 0.6875: 15 of the 20 figures up, 1 down, Google's unchanged
	// (its halves, thirds and sixths 0.922→0.926). A weaker MT gains most (light Europarl
	// 0.903→0.916 mean over its six figures): against less MT weight, length and bead shape
	// count for more where the MT is unsure. At 0.75, a flatter mtScale (1.5–2.5), less surface
	// weight (0–0.05) or a smaller unexplained penalty (0.25) each helped too (mean 0.924–0.926),
	// all by lowering the MT's pull; at 0.6 none of them helps any more (mean 0.929 → 0.927 at
	// mtScale 1.875, 0.928 for the others), nor do explained 0.75 (0.928), wordLeak 0.1 (0.929) or
	// priorStepMT 0.25 (0.928). Synthetic documents with ideal MT: 0.985→0.982.
	mtWeight      float64
	surfaceWeight float64 // weight of surface evidence when it is the only lexical channel
	surfaceWithMT float64 // weight of surface evidence next to MT
	explained     float64 // member cost up to which a bead member counts as explained (MT only)
	unexplained   float64 // weight of the excess cost of unexplained members (MT only)
	// lexWeight is the full weight of the learned lexicon's channel (second pass, without MT),
	// scaled by lexicon.reliability. Next to MT the lexicon shares the MT channel's weight
	// instead (level.shareMT).
	lexWeight   float64
	priorStepMT float64 // priorStep with MT
	leakWeight  float64 // see model.leakWeight
	leakFloor   float64
	// wordLeak is the leak of each distinctive word crossing a cut (MT only; see wordSides),
	// relative to leakWeight: dev strict F1 0.898→0.912 with forward MT, 0.905→0.912 with both
	// directions (tuned with 5-letter words: flat from 0.1 to 0.2, lower above; with both, the
	// mean of the two directions' counts, see scorer.leakAt).
	wordLeak float64
	// cueMismatch is the cost of a cut between two matched beads where the source and target
	// boundaries are of different kinds (see cues.go). Without MT, strict F1 over the Text+Berg
	// dev article's halves/thirds/quarters/sixths is 0.873/0.865/0.876/0.881 at 0,
	// 0.880/0.873/0.888/0.882 at 0.1, 0.879/0.878/0.888/0.888 at 0.2 and 0.888/0.879/0.884/0.882
	// at 0.3; the whole article 0.868, 0.889, 0.889, 0.879; the perturbed de–en dev 0.931,
	// 0.933, 0.935, 0.933. With forward MT the whole article is 0.914, 0.914, 0.922, 0.924.
	cueMismatch float64
	// anchorLeak is the leak of each anchor (a number, a word identical on both sides)
	// crossing a cut, relative to leakWeight, with or without MT (see anchors.go for its
	// curve: 1 is where the dev article's splits, the perturbed and the noisy dev are all
	// best, and the MT modes too).
	anchorLeak float64
}

// withMT is the tuning for alignments with MT: its evidence is precise enough to tell when
// the translator's sentence boundaries differ, so many-to-many beads cost less — in proportion
// to trust, the MT channel's share of the lexical evidence (1 in a first pass; in the second,
// less for an MT that tells true pairs from chance ones less well than the learned lexicon:
// see level.shareMT).
func (t tuning) withMT(trust float64) tuning {
	t.priorStep += (t.priorStepMT - t.priorStep) * trust
	return t
}

var defaults = tuning{
	lenWeight:     0.12,
	delCost:       1.2,
	priorStep:     0.25,
	lexScale:      0.8,
	mtScale:       1.25,
	mtWeight:      0.6,
	surfaceWeight: 1,
	surfaceWithMT: 0.1,
	explained:     0.5,
	unexplained:   0.5,
	lexWeight:     1,
	leakWeight:    0.15,
	priorStepMT:   0.2,
	leakFloor:     0.2,
	wordLeak:      0.15,
	cueMismatch:   0.2,
	anchorLeak:    1,
}

// Align aligns src with tgt. It never refuses degenerate input: an empty side gives beads with
// an empty side, very different sentence counts give many deletions.
func Align(src, tgt []string, opt Options) ([]Bead, error) {
	return AlignContext(context.Background(), src, tgt, opt)
}

// AlignContext is Align that stops when ctx is done: every long loop (features, baselines, the
// dynamic programming at each resolution, confidences) looks at ctx often enough to notice within
// milliseconds, and then AlignContext returns ctx.Err() (errors.Is works) and no beads.
func AlignContext(ctx context.Context, src, tgt []string, opt Options) (beads []Bead, err error) {
	g, err := checkOptions(src, tgt, opt)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	err = stoppable(ctx, func(st *stopper) { beads, _, _ = realign(st, src, tgt, opt, g) })
	if err != nil {
		return nil, err
	}
	return beads, nil
}

// checkOptions refuses MT that is not line-aligned with its side (of another length, or shifted:
// MTShiftError) and returns the largest group a bead may have.
func checkOptions(src, tgt []string, opt Options) (maxGroup int, err error) {
	if opt.MT != nil && len(opt.MT) != len(src) {
		return 0, fmt.Errorf("%w (%d lines for %d sentences)", ErrMTLength, len(opt.MT), len(src))
	}
	if opt.MTTgt != nil && len(opt.MTTgt) != len(tgt) {
		return 0, fmt.Errorf("%w (%d lines for %d sentences)", ErrMTTgtLength, len(opt.MTTgt), len(tgt))
	}
	// A shifted MT is refused, not dropped: it is a user's slip (a header line, a blank line
	// lost) that takes a second to fix and that would otherwise align at strict F1 0.087
	// instead of 0.947 on the dev article; aligning without it, with a warning lost in a
	// pipeline, would hand back a different alignment than the one asked for (see mtcheck.go).
	if opt.MT != nil {
		if v := checkMTLines(opt.MT, src); v.shift != 0 {
			return 0, &MTShiftError{Line: v.line, Shift: v.shift, From: v.from}
		}
	}
	if opt.MTTgt != nil {
		if v := checkMTLines(opt.MTTgt, tgt); v.shift != 0 {
			return 0, &MTShiftError{Reverse: true, Line: v.line, Shift: v.shift, From: v.from}
		}
	}
	if opt.MaxGroup < 0 {
		return 0, fmt.Errorf("align: MaxGroup %d is below 0 (0 is the default %d)", opt.MaxGroup, defaultGroup)
	}
	g := opt.MaxGroup
	if g == 0 {
		g = defaultGroup
	}
	return min(g, maxMembers), nil
}

// realign runs the first pass and, unless opt or the evidence rules it out, learns a lexicon
// from it and runs the second; it returns the final beads and the lexicon (nil without a
// second pass). With MT too: the lexicon learned from the MT-aided first pass is a fallback
// for a poor MT (see level.shareMT).
func realign(st *stopper, src, tgt []string, opt Options, g int) ([]Bead, *lexicon, float64) {
	lv := newLevel(st, src, tgt, opt, nil)
	if opt.NoRealign {
		out, _, raws := alignPass(st, opt, g, lv, nil, false)
		return capUnrelated(out, raws), nil, 0
	}
	first := opt.first
	if first == nil {
		first = runFirstPass(st, opt, g, lv)
	}
	lx := learnLexicon(st, src, tgt, first.beads, first.raws, opt.SrcLang, opt.TgtLang)
	if shared := opt.Lexicon.forLangs(opt.SrcLang, opt.TgtLang); shared != nil && (lx == nil || shared.pairs > lx.pairs) {
		lx = shared.withOwn(lx)
	}
	ratio := pairedRatio(first.beads, lv.srcLen, lv.tgtLen)
	// The documents' own evidence says whether they are translations of each other: a corpus's
	// shared table (Options.Lexicon) makes two chapters of one book look alike in the second
	// pass. Of the Rust book's chapters, German against another chapter's English, the first
	// pass alone calls 30 of 32 unrelated, the second pass with the pair's own table 27, with the
	// book's shared table far fewer; of its 101 true pairs neither calls one so.
	firstUnrelated := unrelated(first.beads, first.raws)
	finish := func(out []Bead, raws []float64) []Bead {
		if firstUnrelated {
			capAll(out)
			return out
		}
		return capUnrelated(out, raws)
	}
	if lx == nil {
		// Nothing learned (too few sure beads): the first pass's path, with full confidences.
		lv.lenRatio = ratio
		out, _, raws := alignPass(st, opt, g, lv, first.paths, false)
		return finish(out, raws), nil, ratio
	}
	second := lv.withLexicon(st, src, tgt, lx)
	second.lenRatio = ratio
	out, _, raws := alignPass(st, opt, g, second, first.paths, false)
	return finish(out, raws), lx, ratio
}

// pairedMinBeads is the fewest beads pairing sentences that pairedRatio measures a ratio on.
const pairedMinBeads = 5

// pairedRatio is the target characters per source character of the sentences the first pass
// paired (beads), or 0 when it paired fewer than pairedMinBeads beads. The length model took
// the documents' totals, which a passage only one side has inflates: a German FAQ page whose
// English has a section more (21 sentences against 37) expected 127 characters for 67, so
// every right pair cost as much as a random one and the whole alignment was taken for a guess.
func pairedRatio(beads []Bead, srcLen, tgtLen []float64) float64 {
	var sx, sy float64
	n := 0
	for _, b := range beads {
		if len(b.Src) == 0 || len(b.Tgt) == 0 {
			continue
		}
		n++
		for _, i := range b.Src {
			sx += srcLen[i]
		}
		for _, j := range b.Tgt {
			sy += tgtLen[j]
		}
	}
	if n < pairedMinBeads || sx == 0 || sy == 0 {
		return 0
	}
	// Only where the totals are off by more than pairedSkew: elsewhere the documents' totals
	// hold more characters to measure on, and a first pass's merged neighbours (a sentence the
	// translator dropped, attached to its neighbour) would move the ratio for nothing: the tram
	// article (23 sentences, two dropped) lost a bead to a ratio 4 % off its totals.
	var tx, ty float64
	for _, x := range srcLen {
		tx += x
	}
	for _, y := range tgtLen {
		ty += y
	}
	if r := (sy / sx) / (ty / tx); r > 1-pairedSkew && r < 1+pairedSkew {
		return 0
	}
	return sy / sx
}

// pairedSkew is how far (as a share) the paired sentences' ratio must stand from the documents'
// totals for pairedRatio to replace them.
const pairedSkew = 0.1

// Two documents that are not translations of each other still align: the search pairs each
// sentence with its least unlikely partner, and the calibration, fitted on gold where nearly
// every bead of a real translation is right, gave such pairs 0.90–0.91 (two unrelated seed
// articles, German and English; "Der Stadtrat hat entschieden." with "Bananas are a yellow
// fruit."), so --min-confidence 0.9 kept them. A bead's own raw score cannot tell them apart:
// real translations have right beads without any shared evidence too (four of the tram
// article's). The documents as a whole can: the median raw score (cost and margin, before
// calibration) of the matched beads is 0.70–0.96 on every dev document — the Text+Berg article
// whole and in sixths, its first 20 lines, the perturbed and noisy dev, the literary chapters
// with MT, the seed articles with their translations — and 0.25–0.49 on unrelated pairs (the
// seed articles crossed, the dev article against its French shuffled or against another
// passage) and on the literary chapters aligned without MT (Chinese and English share no
// script: strict F1 0.49). Below unrelatedMedian every confidence is capped at unrelatedCap:
// such an alignment is a guess, and says so.
//
// The median looks only at the beads that pair sentences. Two unrelated documents of one site
// (BeamMP's port-forwarding guide, German, against its server-maintenance page, English: 145 and
// 196 sentences) were aligned as 8 pairs, each a sentence with one of like length and a shared
// word ("Version", "Server"), between runs of unpaired sentences: those 8 scored as well as true
// pairs (0.91–0.98 after calibration), and the unpaired ones, right that nothing in the other
// document translates them, just as high. A translation pairs most of the sentences of at least
// one side — a passage one side lacks leaves the other side's paired — so when neither side has
// unrelatedShare of its sentences paired the documents count as unrelated too.
const (
	unrelatedMedian = 0.6
	unrelatedShare  = 0.4
	unrelatedCap    = 0.5
)

// capUnrelated caps the confidences of beads when unrelated says so of them.
func capUnrelated(beads []Bead, raws []float64) []Bead {
	if unrelated(beads, raws) {
		capAll(beads)
	}
	return beads
}

// capAll caps every confidence of beads at unrelatedCap.
func capAll(beads []Bead) {
	for k := range beads {
		beads[k].Confidence = min(beads[k].Confidence, unrelatedCap)
	}
}

// unrelated reports whether the matched beads' median raw score (raws, index for index with
// beads) is below unrelatedMedian, or the matched beads hold less than unrelatedShare of either
// side's sentences.
func unrelated(beads []Bead, raws []float64) bool {
	var m []float64
	var nSrc, nTgt, pairedSrc, pairedTgt int
	for k, b := range beads {
		nSrc += len(b.Src)
		nTgt += len(b.Tgt)
		if len(b.Src) > 0 && len(b.Tgt) > 0 {
			pairedSrc += len(b.Src)
			pairedTgt += len(b.Tgt)
			if k < len(raws) {
				m = append(m, raws[k])
			}
		}
	}
	if len(m) == 0 {
		return false
	}
	slices.Sort(m)
	return m[len(m)/2] < unrelatedMedian || float64(pairedSrc) < unrelatedShare*float64(nSrc) && float64(pairedTgt) < unrelatedShare*float64(nTgt)
}

// Guessed reports whether beads, an alignment of two documents, is a guess: no bead's confidence
// is above 0.5, as when the documents look unrelated (see capUnrelated), over at least
// guessedMinPairs sentence pairs. A corpus tool says so:
// a mispaired file in a folder yields such an alignment, and nothing else would tell.
func Guessed(beads []Bead) bool {
	paired := 0
	for _, b := range beads {
		if b.Confidence > unrelatedCap {
			return false
		}
		if len(b.Src) > 0 && len(b.Tgt) > 0 {
			paired++
		}
	}
	// A pair or two of sentences (a stub page, "# Übersicht" with "# Overview") give too
	// little to tell, and such an alignment is capped as a guess whether or not it is one.
	return paired >= guessedMinPairs
}

// guessedMinPairs is the fewest sentence pairs from which a capped alignment counts as
// Guessed.
const guessedMinPairs = 3

// firstPass is what a first pass leaves the second: its beads, its paths (one per anchor
// segment) and the beads' uncalibrated confidences.
type firstPass struct {
	beads []Bead
	paths [][]point
	raws  []float64
}

// runFirstPass runs the first pass on lv. A first pass that is followed by a second only
// chooses the lexicon's training beads: it skips the margins (a tenth of a pass), which only
// the final confidences need.
func runFirstPass(st *stopper, opt Options, g int, lv *level) *firstPass {
	var fp firstPass
	fp.beads, fp.paths, fp.raws = alignPass(st, opt, g, lv, nil, true)
	return &fp
}

// alignPass aligns the documents of lv once. With the paths of an earlier pass (one per anchor
// segment), each segment is searched only in a band around its earlier path when it is too
// large to search whole. It returns the beads, the paths and the beads' uncalibrated
// confidences (which choose the lexicon's training beads, so that refitting the calibration
// does not change what the second pass learns).
func alignPass(st *stopper, opt Options, g int, lv *level, guide [][]point, quick bool) ([]Bead, [][]point, []float64) {
	// Baselines and calibration come from the whole documents, even when anchors cut them; the
	// model reads the MT channel's share of the evidence (level.mtTrust) that prepare settles.
	lv.prepare(g)
	md := newModel(lv, g)
	md.trace = opt.trace
	md.crossing = opt.Crossing
	ids := newIndexes(lv.n, lv.m)
	var out []Bead
	var paths [][]point
	var raws []float64
	for k, seg := range anchorSegments(lv, opt) {
		sub := lv
		if seg != (span{0, lv.n, 0, lv.m}) {
			sub = lv.slice(seg)
		} else {
			// The whole documents: the level's vectors are then referenced from lv alone, and
			// coarseToFine may drop them while it searches coarser levels.
			sub.own = true
		}
		var path []point
		var steps []int8
		var sc *scorer
		if guide != nil && (sub.n+1)*(sub.m+1) > fullSearchCells {
			path, steps, sc = search(md, sub, projectScaled(guide[k], sub.n, sub.m, realignWidth, 1))
		} else {
			path, steps, sc = coarseToFine(md, sub, g)
		}
		path, steps = expandRuns(md, path, steps)
		var mg []float64 // the beads' margins, when the re-partition needed them
		if !quick && lv.cov != nil {
			mg = margins(md, sc, path, steps)
			var recut [][2]int
			path, steps, recut = repartition(md, sub, lv.cov, path, steps, mg, seg.i0, seg.j0)
			refreshMargins(md, sc, path, steps, mg, recut)
			path, steps, mg = attachDeletions(md, sc, sub, lv.cov, path, steps, mg, seg.i0, seg.j0)
		}
		paths = append(paths, path)
		out = append(out, makeBeads(md, sc, path, steps, mg, seg.i0, seg.j0, ids, &raws, quick)...)
	}
	return out, paths, raws
}

// realignWidth is the band around the first pass's path that the second pass searches.
const realignWidth = 4

// newModel calibrates the length model on the two documents: the ratio of their character counts.
func newModel(lv *level, g int) *model {
	tn := defaults
	if lv.hasMT {
		tn = tn.withMT(lv.mtTrust())
	}
	md := &model{
		types:       beadTypes(g, tn.priorStep),
		lenWeight:   defaults.lenWeight,
		delCost:     tn.delCost,
		explained:   tn.explained,
		leakWeight:  tn.leakWeight,
		leakFloor:   tn.leakFloor,
		brkCost:     brkCost,
		ratio:       1,
		cueMismatch: tn.cueMismatch,
		anchorLeak:  tn.anchorLeak,
	}
	if lv.hasMT {
		md.wordLeak = tn.wordLeak // the words of one language: MT on one side
	}
	// Blocks without counterpart are cheaper (see runTypes) only where the evidence can tell a
	// block from sentences that are merely hard to match: with MT, or in the second pass, with
	// the learned lexicon. Allowed in the first pass without MT too, they cost the noisy dev
	// 0.006 strict F1 (0.015 on eight other noisy seeds, 0.020 on twelve noisy quarters).
	if lv.hasMT || lv.has("lexicon") {
		md.delRun = delRunCost
		md.types = append(md.types, runTypes(g)...)
	}
	var sx, sy float64
	for _, x := range lv.srcLen {
		sx += x
	}
	for _, y := range lv.tgtLen {
		sy += y
	}
	if sx > 0 && sy > 0 {
		md.ratio = sy / sx
	}
	if lv.lenRatio > 0 {
		md.ratio = lv.lenRatio
	}
	md.variance = gcVariance * md.ratio
	return md
}

// span is a stretch of both documents aligned on its own: source [i0,i1), target [j0,j1).
type span struct{ i0, i1, j0, j1 int }

// anchorSegments cuts the documents at paragraph starts when both sides have the same number of
// paragraphs and each paragraph pair has a plausible length ratio; otherwise the whole.
func anchorSegments(lv *level, opt Options) []span {
	whole := []span{{0, lv.n, 0, lv.m}}
	sb, tb := cuts(opt.SrcBreaks, lv.n), cuts(opt.TgtBreaks, lv.m)
	if len(sb) == 2 || len(sb) != len(tb) {
		return whole
	}
	ratio := newModel(lv, 1).ratio
	var segs []span
	for k := 0; k+1 < len(sb); k++ {
		s := span{sb[k], sb[k+1], tb[k], tb[k+1]}
		var lx, ly float64
		for _, x := range lv.srcLen[s.i0:s.i1] {
			lx += x
		}
		for _, y := range lv.tgtLen[s.j0:s.j1] {
			ly += y
		}
		r := (ly + 20) / (lx*ratio + 20) // smoothed, so short headings do not veto
		if r > anchorMaxRatio || r < 1/anchorMaxRatio {
			return whole
		}
		segs = append(segs, s)
	}
	return segs
}

// cuts returns the sorted distinct paragraph starts strictly inside (0,n), framed by 0 and n.
func cuts(brk []int, n int) []int {
	out := []int{0}
	b := slices.Clone(brk)
	slices.Sort(b)
	for _, x := range slices.Compact(b) {
		if x > 0 && x < n {
			out = append(out, x)
		}
	}
	return append(out, n)
}

// slice returns the sub-problem for one span (vectors are shared, not copied).
func (lv *level) slice(s span) *level {
	sub := &level{n: s.i1 - s.i0, m: s.j1 - s.j0, stop: lv.stop, hasMT: lv.hasMT}
	sub.srcLen = lv.srcLen[s.i0:s.i1]
	sub.tgtLen = lv.tgtLen[s.j0:s.j1]
	for _, w := range lv.words {
		sub.words = append(sub.words, w.slice(s))
	}
	if lv.anchors != nil {
		sub.anchors = lv.anchors.slice(s)
	}
	if lv.srcBrk != nil {
		sub.srcBrk = lv.srcBrk[s.i0 : s.i1+1]
	}
	if lv.srcCue != nil {
		sub.srcCue, sub.tgtCue = sliceCues(lv.srcCue, s.i0, s.i1), sliceCues(lv.tgtCue, s.j0, s.j1)
	}
	if lv.srcDebris != nil {
		sub.srcDebris = lv.srcDebris[s.i0:s.i1]
	}
	if lv.tgtDebris != nil {
		sub.tgtDebris = lv.tgtDebris[s.j0:s.j1]
	}
	if lv.tgtBrk != nil {
		sub.tgtBrk = lv.tgtBrk[s.j0 : s.j1+1]
	}
	for _, ch := range lv.chans {
		sub.chans = append(sub.chans, chanLevel{
			weight:      ch.weight,
			scale:       ch.scale,
			unexplained: ch.unexplained,
			src:         ch.src[s.i0:s.i1],
			tgt:         ch.tgt[s.j0:s.j1],
			srcSelf:     sliceRows(ch.srcSelf, s.i0, s.i1),
			tgtSelf:     sliceRows(ch.tgtSelf, s.j0, s.j1),
			srcBase:     sliceRows(ch.srcBase, s.i0, s.i1),
			tgtBase:     sliceRows(ch.tgtBase, s.j0, s.j1),
			good:        ch.good,
		})
	}
	return sub
}
