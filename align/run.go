package align

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
	err = stoppable(ctx, func(st *stopper) { beads, _ = realign(st, src, tgt, opt, g) })
	if err != nil {
		return nil, err
	}
	return beads, nil
}

// checkOptions refuses MT that is not line-aligned with its side and returns the largest group
// a bead may have.
func checkOptions(src, tgt []string, opt Options) (maxGroup int, err error) {
	if opt.MT != nil && len(opt.MT) != len(src) {
		return 0, ErrMTLength
	}
	if opt.MTTgt != nil && len(opt.MTTgt) != len(tgt) {
		return 0, ErrMTTgtLength
	}
	g := opt.MaxGroup
	if g <= 0 {
		g = defaultGroup
	}
	return min(g, maxMembers), nil
}

// realign runs the first pass and, unless opt or the evidence rules it out, learns a lexicon
// from it and runs the second; it returns the final beads and the lexicon (nil without a
// second pass). With MT too: the lexicon learned from the MT-aided first pass is a fallback
// for a poor MT (see level.shareMT).
func realign(st *stopper, src, tgt []string, opt Options, g int) ([]Bead, *lexicon) {
	lv := newLevel(st, src, tgt, opt, nil)
	second := !opt.NoRealign
	// A first pass that is followed by a second only chooses the lexicon's training beads: it
	// skips the margins (a tenth of a pass), which only the final confidences need.
	first, paths, raws := alignPass(st, opt, g, lv, nil, second)
	if !second {
		return first, nil
	}
	lx := learnLexicon(st, src, tgt, first, raws, opt.SrcLang, opt.TgtLang)
	if shared := opt.Lexicon.forLangs(opt.SrcLang, opt.TgtLang); shared != nil && (lx == nil || shared.pairs > lx.pairs) {
		lx = shared.withOwn(lx)
	}
	if lx == nil {
		// Nothing learned (too few sure beads): the first pass's path, with full confidences.
		out, _, _ := alignPass(st, opt, g, lv, paths, false)
		return out, nil
	}
	out, _, _ := alignPass(st, opt, g, lv.withLexicon(st, src, tgt, lx), paths, false)
	return out, lx
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
		paths = append(paths, path)
		out = append(out, makeBeads(md, sc, path, steps, seg.i0, seg.j0, ids, &raws, quick)...)
	}
	return out, paths, raws
}

// realignWidth is the band around the first pass's path that the second pass searches.
const realignWidth = 4

func newLevel(st *stopper, src, tgt []string, opt Options, lx *lexicon) *level {
	lv := &level{n: len(src), m: len(tgt), stop: st}
	lv.srcLen = charLens(src)
	lv.tgtLen = charLens(tgt)
	hasMT := opt.MT != nil || opt.MTTgt != nil
	// Next to MT, numbers keep their weight at any length: the MT channel anchors short
	// documents already (heavier numbers cost the reverse-MT dev 0.003).
	numW := float32(numWeight)
	if !hasMT {
		numW = numberWeight(min(len(src), len(tgt)))
	}
	// share is each MT direction's share of the MT evidence (forward, reverse).
	share := [2]float64{1, 1}
	if hasMT {
		var mtc *channel
		switch ng := charNgrams(mtOrders...); {
		case opt.MT != nil && opt.MTTgt != nil:
			jg := jointNgrams(mtOrders...)
			mtc = newChannel(st, jointTexts(opt.MT, src, true), jointTexts(opt.MTTgt, tgt, false), jg, jg, defaults.mtWeight)
			share[0], share[1] = weighDirections(st, mtc)
		case opt.MT != nil:
			mtc = newChannel(st, opt.MT, tgt, ng, ng, defaults.mtWeight)
		default:
			mtc = newChannel(st, src, opt.MTTgt, ng, ng, defaults.mtWeight)
		}
		cl := fromChannel(mtName(opt), mtc, defaults.mtScale)
		cl.unexplained = defaults.unexplained
		lv.chans = append(lv.chans, cl)
	}
	if defaults.wordLeak > 0 {
		if opt.MT != nil {
			lv.words = append(lv.words, newWordSides(st, opt.MT, tgt, share[0]))
		}
		if opt.MTTgt != nil {
			lv.words = append(lv.words, newWordSides(st, src, opt.MTTgt, share[1]))
		}
	}
	sw := defaults.surfaceWeight
	if hasMT {
		sw = defaults.surfaceWithMT
	}
	lv.chans = append(lv.chans, fromChannel("surface", newChannel(st, src, tgt, surfaceNum(opt.Dict, numW), surfaceNum(nil, numW), sw), defaults.lexScale))
	lv.hasMT = hasMT
	lv.srcBrk = breakMask(opt.SrcBreaks, len(src))
	lv.srcDebris, lv.tgtDebris = debrisMask(src, tgt), debrisMask(tgt, src)
	lv.srcCue, lv.tgtCue = boundaryCues(src), boundaryCues(tgt)
	lv.tgtBrk = breakMask(opt.TgtBreaks, len(tgt))
	if defaults.anchorLeak > 0 {
		lv.anchors = newAnchorSides(st, src, tgt)
	}
	if lx != nil {
		return lv.withLexicon(st, src, tgt, lx)
	}
	return lv
}

// mtName is the name of the MT channel: "mt" (MT of the source against the target), "mt-tgt"
// (the source against MT of the target) or, with both, "mt+mt-tgt".
func mtName(opt Options) string {
	switch {
	case opt.MT != nil && opt.MTTgt != nil:
		return "mt+mt-tgt"
	case opt.MT != nil:
		return "mt"
	}
	return "mt-tgt"
}

// jointSep separates the two halves of a joint unit's text (see jointTexts).
const jointSep = "\x00"

// jointTexts makes the units of the joint MT channel (both directions given): each line of
// orig joined with the same line of its MT, the target-language half first — the MT of a source
// line before it, a target line before its MT. The features of the two halves are kept apart
// (jointNgrams), so a unit's vector is the forward direction's features followed by the
// reverse's, and the cosine of a source and a target unit sums both directions' dot products
// over their joint norms: the evidence of the two directions adds up, and one IDF table, one
// random-pair baseline and one typical-pair similarity (level.prepare) measure it, instead of
// two channels each normalised on its own and joined by a rule. An MT line that is its source
// line unchanged (an engine's failure) carries no translation: its half is left empty, so that
// the other direction decides alone instead of being diluted by it. Against two channels whose
// costs were joined by their minimum (and weighted half each), strict F1 on the Text+Berg dev
// article's halves, thirds, quarters and sixths aligned alone sums 0.910/0.901/0.898/0.892 →
// 0.913/0.895/0.910/0.894 (forward MT alone 0.896/0.896/0.903/0.893), the whole article stays
// 0.913, with every fourth line of each MT untranslated 0.907 → 0.908, and it is faster.
func jointTexts(mt, orig []string, mtFirst bool) []string {
	clean := func(s string) string { return strings.ReplaceAll(s, jointSep, " ") }
	out := make([]string, len(orig))
	for i, o := range orig {
		m := mt[i]
		if m == o {
			m = ""
		}
		if mtFirst {
			out[i] = clean(m) + jointSep + clean(o)
		} else {
			out[i] = clean(o) + jointSep + clean(m)
		}
	}
	return out
}

// weighDirections weighs the two directions of the joint MT channel c by each one's quality,
// measured on the documents as calibrate measures a channel, without gold: the typical true
// pair's cosine above the random-pair baseline (good) and the best chance match in units of it
// (chance). For units with both halves the joint cosine is the mean of the two directions'
// cosines weighted by their feature masses, whatever each direction's quality. The halves are
// rescaled so that each direction's cosine counts by 1/(chance²·good) instead: in units of good
// (where a typical true pair scores 1 in either direction) its evidence then weighs 1/chance²,
// as a Gaussian score whose true pairs stand 1 above the random ones and whose noise is
// proportional to its chance match is weighed by a likelihood ratio (mean over variance). A
// direction whose true pairs stand out no more than chance ones (a garbled MT) counts about as
// much as the noise it adds; one MT line that is its source line unchanged still leaves its half
// empty (jointTexts), and one random-pair baseline and one calibration (level.prepare) still
// measure the joint channel. It returns the two directions' shares of the evidence (forward,
// reverse), which weigh their distinctive words crossing a cut (scorer.leakAt) too.
//
// Measured (go test -count=1 -run XXX -bench 'DevMTMixed|DevMTSystems|DevSplits' -benchtime 1x
// ./align), strict F1 with both directions on the whole dev article / summed over its quarters
// aligned alone, before → after (each direction alone and without MT unchanged):
//
//	same system   Google 0.944/0.935 → 0.944/0.935, Europarl full 0.943/0.932 → 0.943/0.932,
//	              Europarl light 0.927/0.921 → 0.927/0.917
//	forward+rev   Google+light 0.942/0.939 → 0.942/0.939, light+Google 0.934/0.927 → 0.934/0.923,
//	              Google+full 0.947/0.940 → 0.947/0.940, full+Google 0.943/0.937 → 0.943/0.932,
//	              full+light 0.932/0.921 → 0.940/0.935, light+full 0.937/0.922 → 0.939/0.927
//	shuffled rev  Google 0.937/0.915 → 0.947/0.940 (forward alone 0.947/0.942),
//	              light 0.923/0.901 → 0.921/0.907 (forward alone 0.921/0.909)
//
// Both minus the better direction alone, mean over the six mixed pairs: −0.0015/+0.0006 →
// +0.0004/+0.0022. Weighing by the squared signal-to-chance ratio ((1-chance)/chance)², as
// shareMT weighs the MT against the lexicon, gives −0.0012/+0.0004 and costs the light Europarl
// MT's quarters 0.010 (its first quarter has chance 0.68 and 0.76 in the two directions: the
// squared ratio of two such ratios magnifies what is noise); its fourth power −0.0010/−0.0026;
// 1/chance² without the good factor (weights on the raw cosines) −0.0012/+0.0015.
func weighDirections(st *stopper, c *channel) (fwd, rev float64) {
	var k uint32 // the number of forward features: their ids are 0..k-1
	for h := range c.idf {
		if h&jointRevBit == 0 {
			k++
		}
	}
	cut := func(v vec) int { return sort.Search(len(v), func(x int) bool { return v[x].id >= k }) }
	half := func(vs []vec, d int) []vec {
		out := make([]vec, len(vs))
		for i, v := range vs {
			if d == 0 {
				out[i] = v[:cut(v)]
			} else {
				out[i] = v[cut(v):]
			}
		}
		return out
	}
	var w, ev [2]float64 // each half's scale squared, each direction's evidence weight
	for d := range w {
		ch := chanLevel{src: half(c.src, d), tgt: half(c.tgt, d)}
		ch.measure(st, 1)
		good, chance := ch.good, ch.chance
		var ms, mt float64 // the half's feature mass on each side
		for _, x := range ch.srcSelf[0] {
			ms += float64(x)
		}
		for _, x := range ch.tgtSelf[0] {
			mt += float64(x)
		}
		if ms <= 0 || mt <= 0 {
			continue
		}
		ev[d] = 1 / (max(chance, chanceFloor) * max(chance, chanceFloor))
		w[d] = ev[d] / good / math.Sqrt(ms*mt)
	}
	if w[0] <= 0 || w[1] <= 0 {
		return 0.5, 0.5 // a direction without features: the other decides alone anyway
	}
	// Only the ratio matters to a cosine: the better direction keeps its features' weights.
	top := max(w[0], w[1])
	f := [2]float32{float32(math.Sqrt(w[0] / top)), float32(math.Sqrt(w[1] / top))}
	dir := func(id uint32) int {
		if id < k {
			return 0
		}
		return 1
	}
	for h, e := range c.idf {
		e.w *= f[dir(e.id)]
		c.idf[h] = e
	}
	for _, vs := range [][]vec{c.src, c.tgt} {
		for _, v := range vs {
			for x := range v {
				v[x].w *= f[dir(v[x].id)]
			}
		}
	}
	return ev[0] / (ev[0] + ev[1]), ev[1] / (ev[0] + ev[1])
}

// withLexicon returns a copy of the finest level lv with the learned lexicon's channel added.
// Without MT the lexicon takes its weight from the surface channel's, so that a random pair
// costs as much as before. Next to MT it shares the MT channel's weight instead, in proportion
// to how well each channel tells true pairs from chance ones on these documents (see
// level.shareMT, done by prepare once the lexicon's channel is measured). The other channels'
// vectors, same-side dots and baselines are shared, not computed again (prepare skips channels
// that have them).
func (lv *level) withLexicon(st *stopper, src, tgt []string, lx *lexicon) *level {
	out := *lv
	out.own = false
	out.chans = slices.Clone(lv.chans)
	var lw float64
	if lv.hasMT {
		out.lexShare = lx.reliability()
	} else {
		for k := range out.chans {
			if ch := &out.chans[k]; ch.name == "surface" {
				lw = ch.weight * defaults.lexWeight * lx.reliability()
				ch.weight = max(0, ch.weight-lw)
			}
		}
	}
	out.chans = append(out.chans, fromChannel("lexicon", newChannel(st, src, tgt, lx.srcFeatures(), lx.tgtFeatures(), lw), defaults.lexScale))
	return &out
}

// fromChannel moves the channel's vectors into a level; the channel keeps what rebuilds them.
func fromChannel(name string, c *channel, scale float64) chanLevel {
	cl := chanLevel{name: name, weight: c.weight, scale: scale, src: c.src, tgt: c.tgt, owner: c}
	c.src, c.tgt = nil, nil
	return cl
}

// isDebris reports whether a sentence is debris rather than text: fewer than two letters and
// fewer than three digits (OCR specks such as "....." or "h * \"", stray punctuation, a lone
// page mark). A translator translates none of it, so hand-aligned gold leaves such lines
// unaligned: on the Text+Berg dev article 13 of its 15 debris lines are 0-1 beads (the other two
// sit inside beads no aligner of contiguous beads can produce). Numbers such as "1956" are not
// debris: they are aligned with their counterparts.
func isDebris(s string) bool {
	letters, digits := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
		if letters >= 2 || digits >= 3 {
			return false
		}
	}
	return true
}

// debrisMask marks the debris sentences of ss, or returns nil when there are none: those of
// isDebris, and page marks (isPageMark against the other side).
func debrisMask(ss, other []string) []bool {
	var mask []bool
	for i, s := range ss {
		if isDebris(s) || isPageMark(s, i, len(ss), other) {
			if mask == nil {
				mask = make([]bool, len(ss))
			}
			mask[i] = true
		}
	}
	return mask
}

// pageMarkWindow is how far from a sentence's proportional position on the other side a
// counterpart of its numbers is looked for.
const pageMarkWindow = 30

// isPageMark reports whether s (sentence i of n) is a page number or a like mark: no word (fewer
// than two letters) but digits, and none of its numbers on the other side near where its
// counterpart would be. A line of numbers that has a counterpart ("1. 1950 :" in a list of
// years, "296-309 ) ." of a reference) is aligned with it; an OCR'd page's number or "— 212 —"
// has none, and the search would rather tack it onto a neighbouring bead than pay a deletion.
// The other side's numbers are matched inside its digits run together, so that a number written
// "1 200" or "1.200" there still counts as a counterpart (a looser match only spares more lines).
//
// Measured (go test -count=1 -run XXX -bench 'NoisyDev|TextbergDev|DevSplits|PerturbedDev|
// Calibration' -benchtime 1x ./align): the clean dev article has no page marks, so its figures
// and the calibration are unchanged (no MT whole 0.912, splits 0.901/0.889/0.899/0.895; forward
// MT 0.949, both 0.943; perturbed 0.935); on the noisy dev over ten seeds strict F1 whole
// 0.832→0.836, quarters 0.809→0.812 (the three-seed BenchmarkNoisyDev 0.866→0.875, its quarters
// 0.764→0.761), sentences left out that the gold aligns 104→97 and 116→105. Lone numbers and
// "— N —" tacked onto beads fall from 46 to 25 over the ten whole-article seeds. The window is
// not fitted: at 10 or 100 sentences the ten-seed figures are the same within 0.001.
func isPageMark(s string, i, n int, other []string) bool {
	var nums []string
	letters := 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		if unicode.IsLetter(r) {
			letters++
		}
		return !unicode.IsDigit(r)
	}) {
		nums = append(nums, f)
	}
	if letters >= 2 || len(nums) == 0 || len(other) == 0 {
		return false
	}
	c := i * len(other) / max(n, 1)
	for k := max(0, c-pageMarkWindow); k < min(len(other), c+pageMarkWindow+1); k++ {
		// The other side's digits run together, so that "1 200" or "1.200" has "1200".
		digits := strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, other[k])
		for _, f := range nums {
			if strings.Contains(digits, f) {
				return false
			}
		}
	}
	return true
}

func charLens(ss []string) []float64 {
	out := make([]float64, len(ss))
	for i, s := range ss {
		out[i] = float64(utf8.RuneCountInString(s))
	}
	return out
}

func breakMask(brk []int, n int) []bool {
	if len(brk) == 0 {
		return nil
	}
	mask := make([]bool, n+1)
	for _, b := range brk {
		if b > 0 && b < n {
			mask[b] = true
		}
	}
	return mask
}

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

// makeBeads turns a path into beads with calibrated confidences (see calib.go), offsetting
// indices by (di, dj).
func makeBeads(md *model, sc *scorer, path []point, steps []int8, di, dj int, ids *indexes, raws *[]float64, quick bool) []Bead {
	beads := make([]Bead, 0, len(steps))
	skip := false
	for k, ti := range steps {
		sc.lv.stop.tick()
		if skip {
			skip = false
			continue
		}
		t := md.types[ti]
		p, q := path[k], path[k+1]
		b := Bead{Src: ids.src(di+p.i, di+q.i), Tgt: ids.tgt(dj+p.j, dj+q.j)}
		// Sure only when the bead is good in itself and no other local cut comes close.
		// The dots the bead's confidence and margin look at: its neighbours' span and one unit
		// around it (leak looks across the corners).
		pp, nq := p, q
		if k > 0 && !quick {
			pp = path[k-1]
		}
		if k+2 < len(path) && !quick {
			nq = path[k+2]
		}
		sc.setBlock(pp.i-1, nq.i+1, pp.j-1, nq.j+1)
		raw := confidence(md, sc, t, p, q)
		if quick {
			*raws = append(*raws, raw)
			beads = append(beads, b)
			continue
		}
		// With Crossing, a 2-2 bead may be two swapped neighbours; so may two 1-1 beads in a
		// row: the search may pair each sentence with a stranger rather than merge the two
		// into a 2-2 bead. The crosswise pairs are compared with the span's cost as aligned.
		if md.crossing {
			end, own := -1, 0.0
			switch {
			case t.a == 2 && t.b == 2:
				end, own = k+1, spanCost(md, sc, p, q)
			case t.a == 1 && t.b == 1 && k+1 < len(steps) && md.types[steps[k+1]].a == 1 && md.types[steps[k+1]].b == 1:
				end, own = k+2, spanCost(md, sc, p, q)+spanCost(md, sc, q, path[k+2])
			}
			if end > 0 {
				if sw, ok := crossed(md, sc, p, path[end], own, di, dj, ids); ok {
					for _, x := range sw {
						*raws = append(*raws, x.Confidence)
						beads = append(beads, x)
					}
					skip = end > k+1
					continue
				}
			}
		}
		mg := margin(md, sc, path, k)
		sure := 1 / (1 + math.Exp(-marginSteep*mg))
		raw = min(raw, sure)
		f := calibFeatures{raw: raw, margin: mg, a: t.a, b: t.b, mt: sc.lv.hasMT}
		b.Confidence = f.calibrated()
		*raws = append(*raws, raw)
		if md.trace != nil {
			md.trace(b, f)
		}
		beads = append(beads, b)
	}
	return beads
}

// crossingGain is how much cheaper the two crosswise pairs must be than what they replace (a
// 2-2 bead, or two 1-1 beads) for crossed to split or swap it. With Crossing, strict F1 on the
// perturbed German–English dev (2 % of the pairs swapped) was 0.960 at 0.2 (0.961 at 0.1, 0.955
// at 0.4; 0.930 without) when both crosswise pairs had to beat a random pair; with one enough
// (see crossed) it is 0.972 at 0.1 and 0.2, 0.969 at 0.3. On the Text+Berg dev article, whose
// gold has one swapped pair, 0.875/0.918/0.917 without MT, with forward MT and with both
// (0.871/0.914/0.913 without Crossing).
const crossingGain = 0.2

// crossed looks at the neighbours from p to q (a 2-2 bead, or two 1-1 beads, costing own in
// all) for two sentences the translator put in the other order: when source 1 pairs with target
// 2 or source 2 with target 1 better than a random pair, and both crosswise pairs together cost
// crossingGain less than own, it returns the two crosswise 1-1 beads (source order; their
// targets decrease) with their confidences.
//
// One crosswise pair better than random is enough: a swapped sentence is often a loose
// translation whose evidence is as weak as a stranger's, and demanding it of both pairs kept 15
// of the perturbed dev's 2-2 beads as they were (a swap with one strong crosswise pair).
// Perturbed dev strict F1 with Crossing 0.963→0.970, and 0.972 with two 1-1 beads looked at too
// (with Debian's dictionary 0.971→0.976); the Text+Berg dev article with Crossing is unchanged
// (0.916 without MT, 0.948 with both MT directions). Without Crossing nothing changes.
func crossed(md *model, sc *scorer, p, q point, own float64, di, dj int, ids *indexes) ([]Bead, bool) {
	one := beadType{1, 1, 0}
	c1 := sc.cost(one, p.i+1, p.j+2) // source p.i with target p.j+1
	c2 := sc.cost(one, p.i+2, p.j+1) // source p.i+1 with target p.j
	if min(c1, c2) >= 1 || c1+c2+crossingGain > own {
		return nil, false
	}
	out := make([]Bead, 2)
	for k, c := range []float64{c1, c2} {
		raw := 1 / (1 + math.Exp(-6*(1-c)))
		f := calibFeatures{raw: raw, margin: own - c1 - c2, a: 1, b: 1, mt: sc.lv.hasMT}
		out[k] = Bead{Src: ids.src(di+p.i+k, di+p.i+k+1), Tgt: ids.tgt(dj+p.j+1-k, dj+p.j+2-k), Confidence: f.calibrated()}
		if md.trace != nil {
			md.trace(out[k], f)
		}
	}
	return out, true
}

// indexes holds the sentence numbers 0..n-1 of each side once; the beads' Src and Tgt are
// capacity-limited windows into them, so a million beads cost no million small allocations
// (and a caller appending to one gets a copy, not a neighbour's numbers).
type indexes struct{ s, t []int }

func newIndexes(n, m int) *indexes {
	ids := &indexes{s: make([]int, n), t: make([]int, m)}
	for i := range ids.s {
		ids.s[i] = i
	}
	for j := range ids.t {
		ids.t[j] = j
	}
	return ids
}

func (x *indexes) src(from, to int) []int { return window(x.s, from, to) }
func (x *indexes) tgt(from, to int) []int { return window(x.t, from, to) }

func window(xs []int, from, to int) []int {
	if from == to {
		return nil
	}
	return xs[from:to:to]
}

// confidence maps a bead's cost to [0,1] with a logistic curve around the cost of a random
// pair (1 lexical unit plus a typical length cost). A matched bead's cost is taken per pair
// (cost/(a+b-1)); an unmatched sentence is judged by the cheapest 1-1 pairing with a neighbour
// on the other side: the worse that pairing, the surer the deletion.
func confidence(md *model, sc *scorer, t beadType, p, q point) float64 {
	const randomPair, steep = 1.0, 6.0
	if t.a > 0 && t.b > 0 {
		c := sc.cost(t, q.i, q.j) / md.groupFactor(t)
		return 1 / (1 + math.Exp(-steep*(randomPair-c)))
	}
	one := beadType{1, 1, 0}
	best := math.Inf(1)
	for _, end := range []point{{p.i + 1, p.j + 1}, q} {
		if end.i < 1 || end.j < 1 || end.i > sc.lv.n || end.j > sc.lv.m {
			continue
		}
		best = min(best, sc.cost(one, end.i, end.j))
	}
	if math.IsInf(best, 1) {
		return 1 // nothing on the other side to pair with
	}
	return 1 / (1 + math.Exp(-steep*(best-randomPair*0.8)))
}

func sliceRows(rows [][]float32, from, to int) [][]float32 {
	out := make([][]float32, len(rows))
	for k, r := range rows {
		out[k] = r[from:to]
	}
	return out
}

// mtOrders are the character n-gram orders compared between the MT and the target. Adding
// 3-grams changes the dev-set F1 by 0.002 and costs half again as much time and memory.
var mtOrders = []int{4}

// marginSteep turns a cost margin into confidence: a margin of 0 (a tie) is 0.5, 0.5 is 0.88.
const marginSteep = 4.0
