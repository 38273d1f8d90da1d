package align

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// newLevel gathers the evidence on src and tgt at the finest level: the MT channel (forward,
// reverse, or both joined: jointTexts), the surface channel (numbers, names, cognates and the
// dictionary), the MT's distinctive words crossing a cut, debris, boundary cues, paragraph
// breaks and anchors; with lx, the learned lexicon's channel too (withLexicon).
func newLevel(st *stopper, src, tgt []string, opt Options, lx *lexicon) *level {
	lv := &level{n: len(src), m: len(tgt), stop: st}
	lv.srcLen = charLens(src)
	lv.tgtLen = charLens(tgt)
	opt = dropUnrelatedMT(opt, src, tgt)
	hasMT := opt.MT != nil || opt.MTTgt != nil
	// Next to MT, numbers keep their weight at any length: the MT channel anchors short
	// documents already (heavier numbers cost the reverse-MT dev 0.003).
	numW := float32(numWeight)
	if !hasMT {
		numW = numberWeight(min(len(src), len(tgt)))
	}
	// The anchors first: where they place the counterparts guides every channel's calibration.
	if defaults.anchorLeak > 0 {
		lv.anchors = newAnchorSides(st, src, tgt)
		var chain []point
		lv.lenRatio, chain = anchorSpanRatio(lv.anchors, lv.srcLen, lv.tgtLen) // spanratio.go
		lv.guide = pathGuide(chain)
	}
	// share is each MT direction's share of the MT evidence (forward, reverse).
	share := [2]float64{1, 1}
	if hasMT {
		var mtc *channel
		switch ng := charNgrams(mtOrders...); {
		case opt.MT != nil && opt.MTTgt != nil:
			jg := jointNgrams(mtOrders...)
			mtc = newChannel(st, jointTexts(opt.MT, src, true), jointTexts(opt.MTTgt, tgt, false), jg, jg, defaults.mtWeight)
			share[0], share[1] = weighDirections(st, mtc, lv.guide)
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
	sc := fromChannel("surface", newChannel(st, src, tgt, surfaceNum(opt.Dict, numW), surfaceNum(nil, numW), sw), defaults.lexScale)
	if !hasMT && min(len(src), len(tgt)) >= pseudoMinUnits {
		sc.pseudo = surfacePseudo
	}
	lv.chans = append(lv.chans, sc)
	lv.hasMT = hasMT
	lv.cov = newCoverage(src, tgt, opt.MT, opt.MTTgt)
	lv.srcBrk = breakMask(opt.SrcBreaks, len(src))
	lv.srcDebris, lv.tgtDebris = debrisMask(src, tgt), debrisMask(tgt, src)
	lv.srcCue, lv.tgtCue = boundaryCues(src), boundaryCues(tgt)
	lv.tgtBrk = breakMask(opt.TgtBreaks, len(tgt))
	if lx != nil {
		return lv.withLexicon(st, src, tgt, lx)
	}
	return lv
}

// surfacePseudo is the pseudo-mass of the surface channel without MT, in units of the median
// sentence's squared norm (see chanLevel.pseudo and addPseudo). The channel is sparse: a
// sentence may share one feature with the other language, often a word both spell alike by
// chance ("des", a colon), and its cosine with any sentence holding that feature is then as high
// as a true pair's. Such a chance match between the crossed pairs of two neighbouring 1-1 beads
// made the 2-2 bead of the four cheaper than the two (on the dev article's sixths aligned alone,
// "… des Tales …" matched the French "des heures" of its neighbour's translation). The pseudo-mass
// shrinks the cosine of a sentence with little evidence towards a random pair's, and one of
// much evidence hardly at all; baselines and the typical true pair are measured with it. Swept
// without MT (strict F1 on the dev article's halves/thirds/quarters/sixths summed, the whole, the
// perturbed de–en dev): 0 0.911/0.907/0.900/0.899, 0.908, 0.933; 0.1 0.907/0.905/0.901/0.894,
// 0.908, 0.933; 0.25 0.911/0.912/0.912/0.901, 0.921, 0.932; 0.35 0.910/0.916/0.916/0.901, 0.921,
// 0.932; 0.5 0.913/0.916/0.913/0.899, 0.921, 0.932; 1 0.901/0.907/0.907/0.898, 0.915, 0.932. The
// same pseudo-mass on the learned lexicon's channel (denser) lost (0.25: whole 0.908). With MT the
// surface channel weighs little and is left as it was.
const surfacePseudo = 0.35

// pseudoMinUnits is the fewest sentences on the shorter side for which the surface channel
// takes its pseudo-mass. The pseudo-mass is measured in units of a median and judged against the
// random-pair baselines, and both mean little in a document of a few sentences: a baseline draws
// randomSamples units of the other side, so below that many each unit is drawn about once or
// more, the true counterpart weighs a sixteenth or more of the "random" pair (all of it in a
// one-sentence document), and calibrate's typical true pair is the median of a handful of
// cosines. Measured on windows of the dev article aligned alone without MT (from every other
// clean cut, k gold beads; strict F1 summed, without → with the pseudo-mass, and how many windows
// lost): k=1 0.913→0.906 (3 lost, 1 gained), k=2 0.910→0.918 (2 lost), k=6 0.898→0.900 (5 lost,
// 4 gained), k=12 0.886→0.891 (5 lost, 5 gained), k=16 0.875→0.896 (3 lost, 9 gained), k=32
// 0.883→0.905; with FreeDict k=1 −0.018 (7 lost), k=6 +0.001, k=16 −0.001, k=32 −0.013. From 16
// sentences a side on, windows without a dictionary gain clearly; below it, gains and losses
// are a few windows' coin flips. The dev article's sixths (about 70 beads) are far above it.
const pseudoMinUnits = randomSamples

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
func weighDirections(st *stopper, c *channel, guide pathGuide) (fwd, rev float64) {
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
		ch.measure(st, 1, guide)
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

// mtOrders are the character n-gram orders compared between the MT and the target. Adding
// 3-grams changes the dev-set F1 by 0.002 and costs half again as much time and memory.
var mtOrders = []int{4}

// dropUnrelatedMT removes from opt an MT whose lines match their sentences no better than
// chance (CheckMT's ErrMTUnrelated: shuffled, another document's). Its channel would take the
// MT's full weight in the first pass, which measures no MT quality (shareMT weighs the MT
// against the learned lexicon in the second pass only, and that pass searches a band around
// the first one's path and learns its lexicon from the first pass's sure beads): Google's MT
// of the dev article shuffled aligned at strict F1 0.829, against 0.921 without MT. An MT the
// check cannot judge (thin evidence) is kept.
func dropUnrelatedMT(opt Options, src, tgt []string) Options {
	if opt.MT != nil && len(opt.MT) == len(src) && checkMTLines(opt.MT, src).unrelated {
		opt.MT = nil
	}
	if opt.MTTgt != nil && len(opt.MTTgt) == len(tgt) && checkMTLines(opt.MTTgt, tgt).unrelated {
		opt.MTTgt = nil
	}
	return opt
}
