package align

import (
	"math"
	"math/rand/v2"
	"slices"
)

// prepare computes the same-side dot products, random baselines and calibration of every
// channel for groups of up to g units.
func (lv *level) prepare(g int) {
	for k := range lv.chans {
		ch := &lv.chans[k]
		if ch.srcSelf != nil {
			continue // prepared already (a channel shared with the first pass)
		}
		ch.measure(lv.stop, g, lv.guide)
	}
	if lv.lexShare > 0 {
		lv.shareMT(lv.lexShare)
		lv.lexShare = 0
	}
}

// measure computes what the cost needs of the channel's vectors for groups of up to g units:
// the self dot products, the random-pair baselines, and the typical true pair's and best chance
// match's similarities (calibrate).
func (ch *chanLevel) measure(st *stopper, g int, guide pathGuide) {
	ch.srcSelf = selfDots(st, ch.src, g)
	ch.tgtSelf = selfDots(st, ch.tgt, g)
	if ch.pseudo > 0 {
		addPseudo(ch.srcSelf[0], ch.pseudo)
		addPseudo(ch.tgtSelf[0], ch.pseudo)
	}
	ch.srcBase = baselines(st, ch.src, ch.srcSelf, ch.tgt, ch.tgtSelf[0], g)
	ch.tgtBase = baselines(st, ch.tgt, ch.tgtSelf, ch.src, ch.srcSelf[0], g)
	ch.good, ch.chance = calibrate(ch, guide)
}

// shareMT splits the MT channel's weight between it and the learned lexicon's channel (second
// pass with MT) in proportion to their squared signal-to-chance ratios ((1-chance)/chance)²,
// the lexicon's scaled by its reliability rel (evidence weighed as a Gaussian likelihood ratio
// weighs a feature, by its squared separation): an MT whose true pairs stand out clearly keeps
// most of the weight, a poor one leaves much of it to the lexicon learned from the first pass.
// The MT-only parts of the model, which presume evidence precise enough to tell the
// translator's sentence boundaries (cheaper many-to-many beads, the unexplained members'
// penalty), scale with the MT's share too (see mtTrust).
//
// Before, a second pass ran without MT only, and the MT channel had a fixed weight whatever
// the MT's quality: a weak MT aligned worse than none. Measured (go test -count=1 -run XXX
// -bench 'DevMTSystems|DevSplits' -benchtime 1x ./align), strict F1 summed over the dev
// article's quarters aligned alone / on the whole article, before → after:
//
//	                   mt                       mt-tgt                   both
//	Google             0.936/0.949→0.936/0.947  0.913/0.930→0.915/0.929  0.942/0.943→0.940/0.947
//	Europarl full      0.910/0.923→0.917/0.930  0.924/0.935→0.924/0.933  0.918/0.930→0.922/0.937
//	Europarl light     0.844/0.884→0.887/0.907  0.863/0.867→0.900/0.903  0.886/0.877→0.909/0.903
//	SACunidir          0.894/0.930→0.908/0.934
//
// (no MT: 0.899/0.912). The MT's share on the whole article is 0.63–0.8 with Google's MT,
// 0.24–0.35 with the light Europarl one. Without scaling the MT-only parts, the light Europarl MT
// gains less (0.875/0.899, 0.886/0.892, 0.904/0.899), with the ratios not squared either less
// still (0.875/0.894, 0.891/0.884, 0.903/0.895). A fixed lexicon weight taken from the MT's
// instead, 0.4×rel, leaves it below no MT too (0.875/0.893, 0.886/0.884, 0.903/0.897); 0.8×rel
// lifts it (0.887/0.904, 0.894/0.904, 0.912/0.913) but costs Google's MT 0.002–0.007.
// Scaling the MT-only parts by the share squared (0.894/0.907, 0.907/0.907, 0.912/0.911)
// or the ratios cubed do a little better on the light MT and move Google's
// within 0.002, but strays further from the constants tuned with good MT.
func (lv *level) shareMT(rel float64) {
	mt, lx := lv.mtAndLexicon()
	if mt < 0 || lx < 0 {
		return
	}
	sep := func(c float64) float64 { r := (1 - c) / max(c, chanceFloor); return r * r }
	smt, slx := sep(lv.chans[mt].chance), rel*sep(lv.chans[lx].chance)
	if smt+slx <= 0 {
		return
	}
	b := lv.chans[mt].weight + lv.chans[lx].weight
	lv.chans[mt].weight = b * smt / (smt + slx)
	lv.chans[lx].weight = b - lv.chans[mt].weight
	lv.chans[mt].unexplained *= lv.chans[mt].weight / b
}

// mtTrust is the MT channel's share of the weight it shares with the lexicon (1 when it
// shares none: a first pass).
func (lv *level) mtTrust() float64 {
	k, l := lv.mtAndLexicon()
	if k < 0 || l < 0 || lv.chans[k].weight+lv.chans[l].weight <= 0 {
		return 1
	}
	return lv.chans[k].weight / (lv.chans[k].weight + lv.chans[l].weight)
}

// mtAndLexicon returns the indexes of the MT channel and of the learned lexicon's channel in
// lv.chans, -1 for one the level does not have.
func (lv *level) mtAndLexicon() (mt, lx int) {
	mt, lx = -1, -1
	for k := range lv.chans {
		switch lv.chans[k].name {
		case "lexicon":
			lx = k
		case "surface":
		default:
			mt = k
		}
	}
	return mt, lx
}

// chanceFloor bounds the signal-to-chance ratio of a channel whose chance matches are nil.
const chanceFloor = 0.05

// selfDots returns the dot products of each unit with itself and its g-1 successors: each unit
// is scattered into a dense array once (see scatter).
func selfDots(st *stopper, vs []vec, g int) [][]float32 {
	out := make([][]float32, g)
	for k := range out {
		out[k] = make([]float32, len(vs))
	}
	sc := newScatter(vs)
	for p := range vs {
		st.tick()
		sc.set(vs[p])
		for k := 0; k < g && p+k < len(vs); k++ {
			out[k][p] = sc.dot(vs[p+k])
		}
		sc.clear(vs[p])
	}
	return out
}

// scatter is a dense array over feature ids holding one vector at a time: dotting it with many
// vectors costs one array read per entry of theirs, without merging sorted lists. The sums run
// over the same products in the same order as dot's (the others add zeros), so the numbers are
// the same.
type scatter []float32

// newScatter returns a scatter large enough for the ids of vs.
func newScatter(vs ...[]vec) scatter {
	var top uint32
	for _, s := range vs {
		for _, v := range s {
			if len(v) > 0 {
				top = max(top, v[len(v)-1].id+1)
			}
		}
	}
	return make(scatter, top)
}

func (sc scatter) set(v vec) {
	for _, e := range v {
		sc[e.id] = e.w
	}
}

func (sc scatter) clear(v vec) {
	for _, e := range v {
		sc[e.id] = 0
	}
}

// dot returns the dot product of v with the vector set (ids beyond the array count zero).
func (sc scatter) dot(v vec) float32 {
	var d float32
	for _, e := range v {
		if int(e.id) < len(sc) {
			d += sc[e.id] * e.w
		}
	}
	return d
}

// groupNorm2 is the squared norm of the sum of units [i, i+a).
func groupNorm2(self [][]float32, i, a int) float64 {
	var s float64
	for p := i; p < i+a; p++ {
		s += float64(self[0][p])
		for q := p + 1; q < i+a; q++ {
			s += 2 * float64(self[q-p][p])
		}
	}
	return s
}

// randomSamples is how many random units of the other side a group is compared with.
const randomSamples = 16

// baselines returns, for each group size a in 1..g and start i, the mean cosine of the group
// with randomly drawn units of the other side (Vecalign's normalization: some sentences are
// similar to everything, and a match with them means less).
//
// The mean over the samples o_r of dot(group, o_r)/(|group|·|o_r|) is dot(group, O)/|group|
// with O = Σ_r o_r/|o_r|, and a group's dot is the sum of its units' dots; so each unit is
// dotted once with O (looked up in a hash table) instead of once with every sample — the same
// numbers up to rounding, at a fraction of the cost.
//
// The norms are the channel's own (otherNorm2 and self, with any pseudo-mass: see addPseudo), so
// that a baseline is the mean of the very cosines the cost compares with it. With the raw norms
// of the drawn units, a pseudo-mass made every baseline higher than the cosines it is subtracted
// from; in a document of one sentence a side, where the one "random" unit drawn is the
// counterpart itself, the true pair then scored below a random pair, and calibrate's typical
// pair fell to its floor and magnified the gap: the pair was aligned as two deletions.
func baselines(st *stopper, vs []vec, self [][]float32, others []vec, otherNorm2 []float32, g int) [][]float32 {
	out := make([][]float32, g)
	for a := range out {
		out[a] = make([]float32, len(vs))
	}
	if len(others) == 0 || len(vs) == 0 {
		return out
	}
	rng := rand.New(rand.NewPCG(1, uint64(len(vs))*31+uint64(len(others))))
	var sum vec
	for range randomSamples {
		r := rng.IntN(len(others))
		o := others[r]
		n := math.Sqrt(float64(otherNorm2[r]))
		if n == 0 {
			continue
		}
		sum = merge2(nil, sum, scaled(o, float32(1/n)))
	}
	tab := newSparseTable(sum)
	ud := make([]float64, len(vs)) // dot of each unit with O
	for p, v := range vs {
		st.tick()
		ud[p] = tab.dot(v)
	}
	for i := range vs {
		var d float64
		for a := 1; a <= g && i+a <= len(vs); a++ {
			d += ud[i+a-1]
			n := math.Sqrt(groupNorm2(self, i, a))
			if n == 0 {
				continue
			}
			out[a-1][i] = float32(d / n / randomSamples)
		}
	}
	return out
}

// scaled returns a copy of v with every weight multiplied by f.
func scaled(v vec, f float32) vec {
	out := make(vec, len(v))
	for k, e := range v {
		out[k] = entry{e.id, e.w * f}
	}
	return out
}

// sparseTable is a sparse vector as an open-addressing hash table, for dotting many short
// vectors with one long one.
type sparseTable struct {
	ids  []uint32
	ws   []float32
	used []bool
	mask uint32
}

func newSparseTable(v vec) *sparseTable {
	size := 1
	for size < 2*len(v)+1 {
		size *= 2
	}
	t := &sparseTable{ids: make([]uint32, size), ws: make([]float32, size), used: make([]bool, size), mask: uint32(size - 1)}
	for _, e := range v {
		k := mix(e.id) & t.mask
		for t.used[k] {
			k = (k + 1) & t.mask
		}
		t.ids[k], t.ws[k], t.used[k] = e.id, e.w, true
	}
	return t
}

// dot returns the dot product of v with the table's vector.
func (t *sparseTable) dot(v vec) float64 {
	var s float32
	for _, e := range v {
		for k := mix(e.id) & t.mask; t.used[k]; k = (k + 1) & t.mask {
			if t.ids[k] == e.id {
				s += e.w * t.ws[k]
				break
			}
		}
	}
	return float64(s)
}

// calibrate measures how similar true pairs are in this channel: for a sample of source units,
// the best cosine above baseline among the target units near the alignment path (see
// pathCentres); the median of those. Units with no features are left out. The result is at
// least a small floor, so a channel without evidence does not blow up.
//
// It also returns the channel's chance match in units of that typical similarity: the same
// median of best cosines, looked for in a window as wide half the document away, where no
// counterpart is (see chanLevel.chance).
func calibrate(ch *chanLevel, guide pathGuide) (good, chance float64) {
	n, m := len(ch.src), len(ch.tgt)
	const floor = 0.05
	if n == 0 || m == 0 {
		return floor, 1
	}
	// The sampled stretch: the whole source, or the one the guide's anchors span: a passage
	// only the source has holds no true pair to measure, and when it is the larger part its
	// chance matches would be the median.
	lo, hi := guide.sourceSpan(n)
	step := max(1, (hi-lo)/500) // at most ~500 source units
	win := max(5, min(20, m/20))
	sc := newScatter(ch.src)
	var samples []int // the sampled source units that have features
	for i := lo; i < hi; i += step {
		if ch.srcSelf[0][i] > 0 {
			samples = append(samples, i)
		}
	}
	centres := pathCentres(ch, sc, samples, win, guide)
	var best, far []float64
	for k, i := range samples {
		sc.set(ch.src[i])
		t, _ := ch.topMatch(sc, i, centres[k]-win, centres[k]+win+1)
		c := (guide.at(i, n, m) + m/2) % m
		f, _ := ch.topMatch(sc, i, c-win, c+win+1)
		sc.clear(ch.src[i])
		if !math.IsInf(t, -1) {
			best = append(best, t)
		}
		if !math.IsInf(f, -1) {
			far = append(far, f)
		}
	}
	if len(best) == 0 {
		return floor, 1
	}
	slices.Sort(best)
	good = max(floor, best[len(best)/2])
	chance = 1
	if len(far) > 0 {
		slices.Sort(far)
		chance = min(1, max(0, far[len(far)/2]/good))
	}
	return good, chance
}

// topMatch returns the best cosine above baseline of source unit i (set in sc) among the target
// units [lo, hi) (clipped to the document), and which unit it is; -Inf and -1 when none has
// features.
func (ch *chanLevel) topMatch(sc scatter, i, lo, hi int) (float64, int) {
	ni := float64(ch.srcSelf[0][i])
	t, at := math.Inf(-1), -1
	for j := max(0, lo); j < min(len(ch.tgt), hi); j++ {
		nj := float64(ch.tgtSelf[0][j])
		if nj == 0 {
			continue
		}
		cos := float64(sc.dot(ch.tgt[j])) / math.Sqrt(ni*nj)
		if v := cos - (float64(ch.srcBase[0][i])+float64(ch.tgtBase[0][j]))/2; v > t {
			t, at = v, j
		}
	}
	return t, at
}

// Path following. A sampled source unit's counterpart lies on the alignment path, which is the
// diagonal i·m/n only while neither side has a passage the other lacks. A page the translator
// left out, a block of captions on one side, or the random walk of a million merges and
// insertions moves the path away from the diagonal by more than calibrate's window: the
// samples there find no counterpart, and once they are half of them the typical true pair
// measures as a chance match. On the Text+Berg dev article with 60 consecutive target
// sentences removed, the surface channel's good fell from 0.52 to 0.22 and its chance rose
// from 0.18 to 0.43 (following the path: 0.56 and 0.17); strict F1 with 30/60/100/150
// sentences removed went from 0.900/0.872/0.837/0.705 without MT and 0.933/0.909/0.763/0.722
// with forward MT to 0.904/0.899/0.889/0.732 and 0.937/0.935/0.827/0.778
// (BenchmarkDevMissingPassage, before runTypes had long runs). Synthetic documents of 170,000
// sentences a side or more lost two points of strict F1 the same way (0.987 at 150,000, 0.970
// from 170,000 to a million; now 0.990 at 300,000 and 0.988 at a million).
// The dev article itself strays up to 36 sentences from its diagonal, past its plate captions.
const (
	// pathReach bounds how far from the diagonal a sample's best match is looked for: an
	// eighth of the document, at most pathReach units (the search costs 2·reach dot products
	// a sample; 10k×10k without MT 1.92 → 2.09 CPU-seconds).
	pathReach = 2000
	// pathRun is the number of samples on either side whose offsets from the diagonal vote on
	// where the path is at a sample.
	pathRun = 5
)

// pathCentres returns, for each sampled source unit, the target unit around which its
// counterpart is looked for: the diagonal (or the anchors' guide, when a passage one side lacks
// has moved the counterparts off it: see pathGuide) moved by the median offset of the best matches of
// the samples around it (each found within reach of the diagonal), when most of them agree
// on it to within half a calibration window; the diagonal itself otherwise. A channel too weak
// to find true pairs has scattered best matches, and stays with the diagonal.
func pathCentres(ch *chanLevel, sc scatter, samples []int, win int, guide pathGuide) []int {
	n, m := len(ch.src), len(ch.tgt)
	reach := max(win, min(pathReach, m/8))
	off := make([]int, len(samples))
	found := make([]bool, len(samples))
	for k, i := range samples {
		c := guide.at(i, n, m)
		sc.set(ch.src[i])
		if _, j := ch.topMatch(sc, i, c-reach, c+reach+1); j >= 0 {
			off[k], found[k] = j-c, true
		}
		sc.clear(ch.src[i])
	}
	centres := make([]int, len(samples))
	votes := make([]int, 0, 2*pathRun+1)
	for k, i := range samples {
		centres[k] = guide.at(i, n, m)
		votes = votes[:0]
		for x := max(0, k-pathRun); x < min(len(samples), k+pathRun+1); x++ {
			if found[x] {
				votes = append(votes, off[x])
			}
		}
		if len(votes) == 0 {
			continue
		}
		slices.Sort(votes)
		med := votes[len(votes)/2]
		agree := 0
		for _, o := range votes {
			if abs(o-med) <= win/2 {
				agree++
			}
		}
		if 2*agree > min(len(samples), 2*pathRun+1) {
			centres[k] += med
		}
	}
	return centres
}

// addPseudo adds pseudo times the median non-zero squared norm to every non-zero one, so that
// a cosine is the dot over the norms of the vectors with that much more mass, which no other
// unit shares: a unit with one or two features moves less towards a match. A unit without
// features keeps its zero norm (no evidence either way).
func addPseudo(self []float32, pseudo float64) {
	var nz []float32
	for _, x := range self {
		if x > 0 {
			nz = append(nz, x)
		}
	}
	if len(nz) == 0 {
		return
	}
	slices.Sort(nz)
	add := float32(pseudo) * nz[len(nz)/2]
	for p, x := range self {
		if x > 0 {
			self[p] = x + add
		}
	}
}
