package align

import (
	"slices"
)

// level is the alignment problem at one resolution: at level 0 a unit is a sentence, at coarser
// levels a unit is a run of consecutive sentences.
type level struct {
	n, m           int
	srcLen, tgtLen []float64 // characters per unit
	chans          []chanLevel
	srcBrk, tgtBrk []bool // unit i starts a paragraph (a bead must not contain it after its start)
	// srcDebris and tgtDebris mark sentences that are debris, not text (finest level only; see
	// isDebris): they cost little to leave unaligned.
	srcDebris, tgtDebris []bool
	// srcCue[i] and tgtCue[j] are the kinds of the boundaries before unit i and j (finest
	// level only; see boundaryCues).
	srcCue, tgtCue []cue
	stop           *stopper
	hasMT          bool // a machine translation is one of the channels (chooses the calibration)
	// own is set on the finest level of the whole documents, whose vectors nothing else
	// references: they can be dropped and rebuilt from the channels' texts.
	own bool
	// words holds each MT direction's distinctive words (finest level only; see wordSides).
	words []wordSides
	// anchors holds the anchors that match across the languages as they are (finest level
	// only; see newAnchorSides), nil when the model does not use them.
	anchors *anchorSides
	// lexShare is the learned lexicon's reliability while its channel waits to share the MT
	// channel's weight (see shareMT); 0 otherwise.
	lexShare float64
	// cov is what the re-partition of near ties measures (repart.go), nil without MT.
	cov *coverage
	// lenRatio is the length model's target characters per source character when the first
	// pass measured it on the sentences it paired (see pairedRatio); 0: the documents' totals.
	lenRatio float64
	// guide is where the anchors place the counterparts when they set lenRatio (see pathGuide);
	// nil: the diagonal.
	guide pathGuide
}

// chanLevel holds one channel's vectors at one level with what the scorer needs to compute the
// cosine of any two groups from dot products of single units: the dot products of each unit with
// its g-1 successors on the same side, and the random-pair baselines.
type chanLevel struct {
	name   string // "mt", "mt-tgt", "mt+mt-tgt", "surface" or "lexicon" (finest level only, for Explain)
	weight float64
	scale  float64 // steepness of the lexical cost in the normalized similarity
	// unexplained weighs the excess cost of bead members the other side does not explain. Only
	// evidence that covers every sentence (MT) can tell an unrelated sentence tacked onto a bead.
	unexplained float64
	src, tgt    []vec
	// srcSelf[k][p] is the dot product of source units p and p+k (k = 0: the squared norm).
	srcSelf, tgtSelf [][]float32
	// srcBase[a-1][i] is the mean cosine of source group [i, i+a) with random target units.
	srcBase, tgtBase [][]float32
	// good is the typical cosine of a true pair above the baseline, measured on the documents:
	// it scales cosines so that channels of different strength are comparable.
	good float64
	// chance is the similarity of a channel's best chance match in units of good: the median,
	// over sampled source units, of the best cosine above baseline among target units far from
	// the diagonal (see calibrate). It tells how far a typical true pair stands out of what a
	// window of unrelated sentences offers at best: about 0.12–0.17 for Google's MT of the dev
	// article, 0.15–0.2 for a Europarl-trained one, 0.27–0.33 for a light Europarl one.
	chance float64
	// pseudo is the pseudo-mass added to each non-empty unit's squared norm, in units of the
	// median non-zero one, before baselines and calibration are measured (see addPseudo).
	pseudo float64
	// owner is the channel the vectors were extracted by (finest level only).
	owner *channel
}

// dropVectorsAbove is the number of units (both sides) from which coarseToFine drops the finest
// level's vectors while it searches coarser levels, and extracts them again afterwards: at a
// million sentences a side they are the largest thing the aligner holds, and the first coarse
// level is nearly as large.
var dropVectorsAbove = 200_000

// canDrop reports whether lv's vectors may be dropped and rebuilt from the texts.
func (lv *level) canDrop() bool {
	if !lv.own || lv.n+lv.m < dropVectorsAbove {
		return false
	}
	for k := range lv.chans {
		if lv.chans[k].owner == nil {
			return false
		}
	}
	return true
}

// dropVectors releases the vectors of an owned finest level, and returns for each channel
// whether its source and target pairs are thinned at the first coarse level.
func (lv *level) dropVectors() [][2]bool {
	thin := make([][2]bool, len(lv.chans))
	for k := range lv.chans {
		ch := &lv.chans[k]
		thin[k] = [2]bool{pairThin(lv.stop, ch.src), pairThin(lv.stop, ch.tgt)}
		ch.src, ch.tgt = nil, nil
	}
	return thin
}

// refill extracts the dropped vectors again.
func (lv *level) refill() {
	for k := range lv.chans {
		ch := &lv.chans[k]
		o := ch.owner
		ch.src = o.extract(lv.stop, o.srcText, o.fsrc)
		ch.tgt = o.extract(lv.stop, o.tgtText, o.ftgt)
	}
}

// maxEntries bounds the mean vector size at coarse levels: above it, features are subsampled
// by hash, so coarse levels stay as cheap as the finest one.
const maxEntries = 64

// downsample merges pairs of consecutive units.
func (lv *level) downsample(depth int) *level {
	c := &level{n: (lv.n + 1) / 2, m: (lv.m + 1) / 2, stop: lv.stop, guide: lv.guide.halve()}
	c.srcLen = pairSums(lv.srcLen)
	c.tgtLen = pairSums(lv.tgtLen)
	for _, ch := range lv.chans {
		c.chans = append(c.chans, chanLevel{
			weight:      ch.weight,
			scale:       ch.scale,
			unexplained: ch.unexplained,
			pseudo:      ch.pseudo,
			src:         pairVecs(lv.stop, ch.src, depth),
			tgt:         pairVecs(lv.stop, ch.tgt, depth),
		})
	}
	return c
}

func pairSums(xs []float64) []float64 {
	out := make([]float64, (len(xs)+1)/2)
	for i, x := range xs {
		out[i/2] += x
	}
	return out
}

// pairVecs merges pairs of consecutive vectors. When the merged vectors would be longer than
// maxEntries on average, about half of the features are kept, the same ones on both sides. The
// merged sizes are counted first, so the vectors are built once, at their final size.
func pairVecs(st *stopper, vs []vec, depth int) []vec {
	out := make([]vec, (len(vs)+1)/2)
	thin := pairThin(st, vs)
	var a arena
	var tmp vec
	for i := range out {
		st.tick()
		if 2*i+1 < len(vs) {
			tmp = merge2(tmp[:0], vs[2*i], vs[2*i+1])
		} else {
			tmp = append(tmp[:0], vs[2*i]...)
		}
		if thin {
			tmp = thinVec(tmp, depth)
		}
		out[i] = a.clone(tmp)
	}
	return out
}

// pairThin reports whether pairs of vs merged are longer than maxEntries on average.
func pairThin(st *stopper, vs []vec) bool {
	pairs := (len(vs) + 1) / 2
	if pairs == 0 {
		return false
	}
	total := 0
	for i := 0; i < pairs; i++ {
		st.tick()
		if 2*i+1 < len(vs) {
			total += unionSize(vs[2*i], vs[2*i+1])
		} else {
			total += len(vs[2*i])
		}
	}
	return total/pairs > maxEntries
}

// thinVec keeps the features of v selected at this depth, in place.
func thinVec(v vec, depth int) vec {
	k := v[:0]
	for _, e := range v {
		if mix(e.id)>>uint(depth%32)&1 == 0 {
			k = append(k, e)
		}
	}
	return k
}

// downsampleText is downsample(1) of an owned level whose vectors were dropped: the merged
// vectors are built from the texts, so the finest level and the first coarse one are never
// held together. thin[k] says whether channel k's source and target pairs are thinned, as
// pairThin said of the finest vectors before they were dropped.
func (lv *level) downsampleText(thin [][2]bool) *level {
	c := &level{n: (lv.n + 1) / 2, m: (lv.m + 1) / 2, stop: lv.stop, guide: lv.guide.halve()}
	c.srcLen = pairSums(lv.srcLen)
	c.tgtLen = pairSums(lv.tgtLen)
	for k, ch := range lv.chans {
		o := ch.owner
		c.chans = append(c.chans, chanLevel{
			weight:      ch.weight,
			scale:       ch.scale,
			unexplained: ch.unexplained,
			pseudo:      ch.pseudo,
			src:         o.pairText(lv.stop, o.srcText, o.fsrc, thin[k][0]),
			tgt:         o.pairText(lv.stop, o.tgtText, o.ftgt, thin[k][1]),
		})
	}
	return c
}

// unionSize is len(merge2(nil, a, b)) without building it.
func unionSize(a, b vec) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			i++
			j++
		}
		n++
	}
	return n + len(a) - i + len(b) - j
}

func mix(x uint32) uint32 {
	x ^= x >> 16
	x *= 0x7feb352d
	x ^= x >> 15
	x *= 0x846ca68b
	x ^= x >> 16
	return x
}

// has reports whether the level has a channel of that name.
func (lv *level) has(name string) bool {
	return slices.ContainsFunc(lv.chans, func(c chanLevel) bool { return c.name == name })
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
