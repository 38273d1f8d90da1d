package report

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The TER implementation as it was before rows were banded and candidates scored
// incrementally: a direct transcription of sacreBLEU's lib_ter.py, kept as the test oracle.

// oldTranslationEditRate returns the number of edits (shifts plus edit distance) turning hyp
// into ref, and the reference length.
func oldTranslationEditRate(hyp, ref []int32) (int, int) {
	if len(ref) == 0 {
		return len(hyp), 0
	}
	ed := oldNewBeamEditDistance(ref)
	shifts := 0
	input := hyp
	checked := 0
	for {
		var delta int
		var shifted []int32
		delta, shifted, checked = oldTerShift(input, ref, ed, checked)
		if checked >= terMaxShiftCandidates {
			break // as sacreBLEU: the best shift of the last round is not applied
		}
		if delta <= 0 {
			break
		}
		shifts++
		input = shifted
	}
	dist, _ := ed.distance(input)
	return shifts + int(dist), len(ref)
}

type oldShiftCandidate struct {
	delta, length, negStart, negIdx int
	words                           []int32
}

func (a oldShiftCandidate) greater(b oldShiftCandidate) bool {
	if a.delta != b.delta {
		return a.delta > b.delta
	}
	if a.length != b.length {
		return a.length > b.length
	}
	if a.negStart != b.negStart {
		return a.negStart > b.negStart
	}
	return a.negIdx > b.negIdx
}

// oldTerShift finds the shift that reduces the edit distance most (lib_ter._shift).
func oldTerShift(h, r []int32, ed *oldBeamEditDistance, checked int) (int, []int32, int) {
	preScore, invTrace := ed.distance(h)
	align, refErr, hypErr := oldTraceToAlignment(invTrace, len(r))

	var best *oldShiftCandidate
	nh, nr := len(h), len(r)
outer:
	for startH := 0; startH < nh; startH++ {
		for startR := 0; startR < nr; startR++ {
			if abs(startR-startH) > terMaxShiftDist {
				continue
			}
			length := 0
			for h[startH+length] == r[startR+length] && length < terMaxShiftSize {
				length++
				// the candidate (startH, startR, length)
				if anyErr(hypErr[startH:startH+length]) && anyErr(refErr[startR:startR+length]) &&
					!(startH <= align[startR] && align[startR] < startH+length) {
					prevIdx := -1
					for offset := -1; offset < length; offset++ {
						var idx int
						if startR+offset == -1 {
							idx = 0
						} else {
							idx = align[startR+offset] + 1
						}
						if idx == prevIdx {
							continue
						}
						prevIdx = idx
						shifted := oldPerformShift(h, startH, length, idx)
						d, _ := ed.distance(shifted)
						c := oldShiftCandidate{int(preScore - d), length, -startH, -idx, shifted}
						checked++
						if best == nil || c.greater(*best) {
							cc := c
							best = &cc
						}
					}
					if checked >= terMaxShiftCandidates {
						break outer
					}
				}
				if nh == startH+length || nr == startR+length {
					break
				}
			}
		}
	}
	if best == nil {
		return 0, h, checked
	}
	return best.delta, best.words, checked
}

// oldPerformShift moves words[start:start+length] to before position target.
func oldPerformShift(words []int32, start, length, target int) []int32 {
	out := make([]int32, 0, len(words))
	n := len(words)
	sl := func(a, b int) []int32 {
		a, b = min(max(a, 0), n), min(max(b, 0), n)
		if a >= b {
			return nil
		}
		return words[a:b]
	}
	switch {
	case target < start:
		out = append(out, sl(0, target)...)
		out = append(out, sl(start, start+length)...)
		out = append(out, sl(target, start)...)
		out = append(out, sl(start+length, n)...)
	case target > start+length:
		out = append(out, sl(0, start)...)
		out = append(out, sl(start+length, target)...)
		out = append(out, sl(start, start+length)...)
		out = append(out, sl(target, n)...)
	default:
		out = append(out, sl(0, start)...)
		out = append(out, sl(start+length, length+target)...)
		out = append(out, sl(start, start+length)...)
		out = append(out, sl(length+target, n)...)
	}
	return out
}

// oldTraceToAlignment reads the hypothesis→reference trace the other way round (insertions and
// deletions flipped) and returns, for each reference position, the hypothesis position it is
// aligned with, and which reference and hypothesis words are errors.
func oldTraceToAlignment(invTrace []byte, nRef int) (align []int, refErr, hypErr []bool) {
	align = make([]int, nRef)
	posHyp, posRef := -1, -1
	for _, op := range invTrace {
		switch op {
		case opDel: // flipped: an insertion into the hypothesis
			posHyp++
			hypErr = append(hypErr, true)
		case opIns: // flipped: a deletion from the reference side
			posRef++
			align[posRef] = posHyp
			refErr = append(refErr, true)
		case opNop, opSub:
			posHyp++
			posRef++
			align[posRef] = posHyp
			e := op == opSub
			hypErr = append(hypErr, e)
			refErr = append(refErr, e)
		}
	}
	return align, refErr, hypErr
}

type oldTerCell struct {
	cost int32
	op   byte
}

type oldTerTrieNode struct {
	next map[int32]*oldTerTrieNode
	row  []oldTerCell
}

// oldBeamEditDistance is lib_ter.BeamEditDistance: a Levenshtein distance restricted to a beam
// around the (length-ratio) diagonal, with rows cached by hypothesis prefix.
type oldBeamEditDistance struct {
	ref        []int32
	initialRow []oldTerCell
	cache      oldTerTrieNode
	cacheSize  int
}

func oldNewBeamEditDistance(ref []int32) *oldBeamEditDistance {
	init := make([]oldTerCell, len(ref)+1)
	for j := range init {
		init[j] = oldTerCell{int32(j), opIns}
	}
	return &oldBeamEditDistance{ref: ref, initialRow: init, cache: oldTerTrieNode{next: map[int32]*oldTerTrieNode{}}}
}

// distance returns the edit distance from hyp to the reference and the operation trace.
func (e *oldBeamEditDistance) distance(hyp []int32) (int32, []byte) {
	// rows already known for the longest cached prefix of hyp
	rows := make([][]oldTerCell, 1, len(hyp)+1)
	rows[0] = e.initialRow
	node := &e.cache
	for _, w := range hyp {
		nx, ok := node.next[w]
		if !ok {
			break
		}
		rows = append(rows, nx.row)
		node = nx
	}
	start := len(rows) - 1
	nRef := len(e.ref)
	nh := len(hyp)

	lengthRatio := 1.0
	if nh > 0 {
		lengthRatio = float64(nRef) / float64(nh)
	}
	beam := terBeamWidth
	if float64(terBeamWidth) < lengthRatio/2 {
		beam = int(math.Ceil(lengthRatio/2 + terBeamWidth))
	}
	for i := start + 1; i <= nh; i++ {
		row := make([]oldTerCell, nRef+1)
		for j := range row {
			row[j] = oldTerCell{terInf, opUndef}
		}
		prev := rows[i-1]
		pseudoDiag := int(math.Floor(float64(i) * lengthRatio))
		minJ := max(0, pseudoDiag-beam)
		maxJ := min(nRef+1, pseudoDiag+beam)
		if i == nh {
			maxJ = nRef + 1
		}
		w := hyp[i-1]
		for j := minJ; j < maxJ; j++ {
			if j == 0 {
				row[0] = oldTerCell{prev[0].cost + 1, opDel}
				continue
			}
			costSub, opS := int32(1), opSub
			if w == e.ref[j-1] {
				costSub, opS = 0, opNop
			}
			// Tercom prefers no-op/substitution, then deletion, then insertion (the trace is
			// flipped later, hence the swapped order).
			if c := prev[j-1].cost + costSub; row[j].cost > c {
				row[j] = oldTerCell{c, opS}
			}
			if c := prev[j].cost + 1; row[j].cost > c {
				row[j] = oldTerCell{c, opDel}
			}
			if c := row[j-1].cost + 1; row[j].cost > c {
				row[j] = oldTerCell{c, opIns}
			}
		}
		rows = append(rows, row)
	}

	// trace back
	trace := make([]byte, 0, nh+nRef)
	i, j := nh, nRef
	for i > 0 || j > 0 {
		op := rows[i][j].op
		trace = append(trace, op)
		switch op {
		case opSub, opNop:
			i--
			j--
		case opIns:
			j--
		case opDel:
			i--
		default:
			panic("report: TER trace reached an unset cell")
		}
	}
	for a, b := 0, len(trace)-1; a < b; a, b = a+1, b-1 {
		trace[a], trace[b] = trace[b], trace[a]
	}

	e.addCache(hyp, start, rows[start+1:])
	return rows[nh][nRef].cost, trace
}

func (e *oldBeamEditDistance) addCache(hyp []int32, skip int, newRows [][]oldTerCell) {
	if e.cacheSize >= terMaxCacheSize {
		return
	}
	node := &e.cache
	for _, w := range hyp[:skip] {
		node = node.next[w]
	}
	for k, row := range newRows {
		w := hyp[skip+k]
		nx, ok := node.next[w]
		if !ok {
			nx = &oldTerTrieNode{next: map[int32]*oldTerTrieNode{}, row: row}
			node.next[w] = nx
			e.cacheSize++
		}
		node = nx
	}
}

// TestTEROracle checks the banded, incremental TER against the transcription of lib_ter on
// random word sequences: short and long, similar and unrelated, with reordered stretches
// (which exercise the shift search), and hypotheses much shorter or longer than the reference
// (which widen the beam).
//
// The long trials need most of the CPU time (the transcription is slow): under the race detector
// or -short, 100 trials whose long ones have 80-200 words instead of 200-500; .ci/run runs the
// full set once without -race.
func TestTEROracle(t *testing.T) {
	trials, longEvery, long := 300, 30, 200
	if raceEnabled || testing.Short() {
		trials, long = 100, 80
	}
	rng := rand.New(rand.NewPCG(3, 4))
	seq := func(n, vocab int) []int32 {
		s := make([]int32, n)
		for i := range s {
			s[i] = int32(rng.IntN(vocab))
		}
		return s
	}
	for trial := 0; trial < trials; trial++ {
		n := 1 + rng.IntN(60)
		if trial%longEvery == 0 {
			n = long + rng.IntN(3*long/2)
		}
		vocab := 2 + rng.IntN(40)
		ref := seq(n, vocab)
		var hyp []int32
		switch trial % 4 {
		case 0: // unrelated
			hyp = seq(1+rng.IntN(2*n), vocab)
		case 1: // edited copy
			for _, w := range ref {
				switch x := rng.IntN(10); {
				case x == 0:
				case x == 1:
					hyp = append(hyp, w, int32(rng.IntN(vocab)))
				case x == 2:
					hyp = append(hyp, int32(rng.IntN(vocab)))
				default:
					hyp = append(hyp, w)
				}
			}
		case 2: // blocks moved around
			hyp = append([]int32(nil), ref...)
			for k := 0; k < 1+rng.IntN(4) && len(hyp) > 2; k++ {
				start := rng.IntN(len(hyp))
				length := 1 + rng.IntN(min(8, len(hyp)-start))
				hyp = performShiftInto(nil, hyp, start, length, rng.IntN(len(hyp)+1))
			}
		case 3: // much shorter or longer
			if rng.IntN(2) == 0 {
				hyp = append([]int32(nil), ref[:1+rng.IntN(max(n/4, 1))]...)
			} else {
				hyp = append(append([]int32(nil), ref...), seq(3*n, vocab)...)
			}
		}
		got, gotLen, err := translationEditRate(hyp, ref, nil)
		if err != nil {
			t.Fatal(err)
		}
		want, wantLen := oldTranslationEditRate(hyp, ref)
		if got != want || gotLen != wantLen {
			t.Fatalf("trial %d (hyp %d, ref %d words): %d edits / %d, lib_ter transcription %d / %d\nhyp %v\nref %v",
				trial, len(hyp), len(ref), got, gotLen, want, wantLen, hyp, ref)
		}
	}
}
