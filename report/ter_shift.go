package report

import "math"

// This file follows sacreBLEU's lib_ter.py (a Tercom re-implementation by Memsource) step by
// step, including its limits and tie-breaking, so that scores agree to the last digit.

const (
	terMaxShiftSize       = 10
	terMaxShiftDist       = 50
	terBeamWidth          = 25
	terMaxCacheSize       = 10000 // lib_ter's row cache; see beamEditDistance for why there is none
	terMaxShiftCandidates = 1000
	terInf                = int32(1 << 28) // fits a terCell; above any cost (segments of < 2^27 words)
)

// Edit operations in a trace, as in lib_ter.py.
const (
	opIns   byte = 'i'
	opDel   byte = 'd'
	opNop   byte = ' '
	opSub   byte = 's'
	opUndef byte = 'x'
)

// translationEditRate returns the number of edits (shifts plus edit distance) turning hyp
// into ref, and the reference length.
func translationEditRate(hyp, ref []int32, p *poller) (int, int, error) {
	if len(ref) == 0 {
		return len(hyp), 0, nil
	}
	ed := newBeamEditDistance(ref, p)
	shifts := 0
	input := hyp
	checked := 0
	// Shifted hypotheses are built in two buffers (terShift's); the input a round replaces
	// becomes a buffer of the next, so the shift search allocates no word lists after the
	// first round.
	var bufs [2][]int32
	for {
		delta, dist, n, err := terShift(input, ref, ed, checked, &bufs, p)
		if err != nil {
			return 0, 0, err
		}
		checked = n
		// Either way the loop ends on input, whose distance terShift computed: lib_ter
		// computes it once more, with the same result.
		if checked >= terMaxShiftCandidates || delta <= 0 {
			// as sacreBLEU: the best shift of the last round is not applied
			return shifts + int(dist), len(ref), nil
		}
		shifts++
		old := input
		input = bufs[1]
		bufs[1] = nil
		if &old[0] != &hyp[0] {
			bufs[1] = old
		}
	}
}

type shiftCandidate struct {
	delta, length, negStart, negIdx int
}

func (a shiftCandidate) greater(b shiftCandidate) bool {
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

// terShift finds the shift that reduces the edit distance of h most (lib_ter._shift). It
// returns the reduction, h's edit distance and the number of candidates checked so far; the
// shifted words of the best candidate are in bufs[1] (bufs[0] is scratch; both are allocated
// when nil).
func terShift(h, r []int32, ed *beamEditDistance, checked int, bufs *[2][]int32, p *poller) (int, int32, int, error) {
	preScore, invTrace, base, err := ed.rows(h)
	if err != nil {
		return 0, 0, checked, err
	}
	align, refErr, hypErr := traceToAlignment(invTrace, len(r))

	var best *shiftCandidate
	nh, nr := len(h), len(r)
outer:
	for startH := 0; startH < nh; startH++ {
		// lib_ter walks every reference position and skips those more than
		// terMaxShiftDist away; walking only the window visits the same candidates in the
		// same order without the quadratic loop.
		for startR := max(0, startH-terMaxShiftDist); startR < min(nr, startH+terMaxShiftDist+1); startR++ {
			if err := p.tick(1); err != nil {
				return 0, 0, checked, err
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
						if bufs[0] == nil {
							bufs[0] = make([]int32, 0, nh)
						}
						shifted := performShiftInto(bufs[0][:0], h, startH, length, idx)
						bufs[0] = shifted
						d, err := ed.shiftedCost(h, base, shifted)
						if err != nil {
							return 0, 0, checked, err
						}
						c := shiftCandidate{int(preScore - d), length, -startH, -idx}
						checked++
						if best == nil || c.greater(*best) {
							cc := c
							best = &cc
							bufs[0], bufs[1] = bufs[1], bufs[0]
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
		return 0, preScore, checked, nil
	}
	return best.delta, preScore, checked, nil
}

func anyErr(xs []bool) bool {
	for _, x := range xs {
		if x {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// performShiftInto appends to out the words with words[start:start+length] moved to before
// position target (lib_ter._perform_shift).
func performShiftInto(out, words []int32, start, length, target int) []int32 {
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

// traceToAlignment reads the hypothesis→reference trace the other way round (insertions and
// deletions flipped) and returns, for each reference position, the hypothesis position it is
// aligned with, and which reference and hypothesis words are errors.
func traceToAlignment(invTrace []byte, nRef int) (align []int, refErr, hypErr []bool) {
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

// terCell is one cell of the edit-distance matrix in 4 bytes: the cost in the high 29 bits
// and the operation's code in the low 3.
type terCell uint32

// terOps are the operations by code.
var terOps = [...]byte{opUndef, opIns, opDel, opNop, opSub}

func terOpCode(op byte) uint32 {
	switch op {
	case opIns:
		return 1
	case opDel:
		return 2
	case opNop:
		return 3
	case opSub:
		return 4
	}
	return 0
}

func mkTerCell(cost int32, op byte) terCell { return terCell(uint32(cost)<<3 | terOpCode(op)) }
func (c terCell) cost() int32               { return int32(c >> 3) }
func (c terCell) op() byte                  { return terOps[c&7] }

// terRow is one row of the edit-distance matrix, stored only over the columns the beam
// computed: cells[k] is column off+k, and every other column is unreachable (terInf). lib_ter
// allocates whole rows, which makes memory grow with the square of the segment length (0.8 GB
// at 50 KB); the band keeps the same values in O(len(hyp) × beam).
type terRow struct {
	off   int
	cells []terCell
}

var terUnset = mkTerCell(terInf, opUndef)

func (r terRow) at(j int) terCell {
	if k := j - r.off; k >= 0 && k < len(r.cells) {
		return r.cells[k]
	}
	return terUnset
}

// terRows are the rows of one hypothesis: row 0 is the initial row, row i > 0 is
// cells[start[i-1]:start[i]] from column off[i-1]. Its arrays are reused from one hypothesis
// to the next (4 bytes a cell, 8 a row: about 210 bytes a hypothesis word with lib_ter's
// beam of 25, where a terRow of its own per row took 440).
type terRows struct {
	init  terRow
	cells []terCell
	start []int
	off   []int32
}

func (rs *terRows) row(i int) terRow {
	if i == 0 {
		return rs.init
	}
	from := 0
	if i > 1 {
		from = rs.start[i-2]
	}
	return terRow{int(rs.off[i-1]), rs.cells[from:rs.start[i-1]]}
}

// beamEditDistance is lib_ter.BeamEditDistance: a Levenshtein distance restricted to a beam
// around the (length-ratio) diagonal.
//
// lib_ter caches rows by hypothesis prefix in a trie, which speeds up scoring the shift
// candidates but keeps whole rows (the quadratic memory). Here the rows of the hypothesis a
// round starts from are kept (banded), and a candidate is scored from them incrementally: its
// rows equal the base rows up to the first moved word, and once past the last moved word, as
// soon as a row equals the base row plus a constant, every later row does too (the same words
// follow, and the recurrence commutes with adding a constant), so the candidate's distance is
// the base distance plus that constant. The distances are exactly lib_ter's; only the work
// differs: a candidate costs the moved stretch, not the whole segment.
type beamEditDistance struct {
	ref       []int32
	base      terRows   // the rows of the hypothesis rows was last called with
	cur, next []terCell // shiftedCost's two rows
	p         *poller
}

func newBeamEditDistance(ref []int32, p *poller) *beamEditDistance {
	init := make([]terCell, len(ref)+1)
	for j := range init {
		init[j] = mkTerCell(int32(j), opIns)
	}
	return &beamEditDistance{ref: ref, base: terRows{init: terRow{0, init}}, p: p}
}

// beam returns lib_ter's beam half-width and length ratio for a hypothesis of nh words.
func (e *beamEditDistance) beam(nh int) (int, float64) {
	lengthRatio := 1.0
	if nh > 0 {
		lengthRatio = float64(len(e.ref)) / float64(nh)
	}
	beam := terBeamWidth
	if float64(terBeamWidth) < lengthRatio/2 {
		beam = int(math.Ceil(lengthRatio/2 + terBeamWidth))
	}
	return beam, lengthRatio
}

// band returns the columns [minJ, maxJ) row i computes.
func (e *beamEditDistance) band(i, nh, beam int, lengthRatio float64) (int, int) {
	nRef := len(e.ref)
	pseudoDiag := int(math.Floor(float64(i) * lengthRatio))
	minJ := max(0, pseudoDiag-beam)
	maxJ := min(nRef+1, pseudoDiag+beam)
	if i == nh {
		maxJ = nRef + 1
	}
	return minJ, max(maxJ, minJ)
}

// fill computes the row of hypothesis word w over cells (columns minJ…) from prev.
func (e *beamEditDistance) fill(prev terRow, w int32, minJ int, cells []terCell) terRow {
	for k := range cells {
		cells[k] = terUnset
	}
	for k := range cells {
		j := minJ + k
		c := &cells[k]
		if j == 0 {
			*c = mkTerCell(prev.at(0).cost()+1, opDel)
			continue
		}
		costSub, opS := int32(1), opSub
		if w == e.ref[j-1] {
			costSub, opS = 0, opNop
		}
		// Tercom prefers no-op/substitution, then deletion, then insertion (the trace is
		// flipped later, hence the swapped order).
		if x := prev.at(j-1).cost() + costSub; c.cost() > x {
			*c = mkTerCell(x, opS)
		}
		if x := prev.at(j).cost() + 1; c.cost() > x {
			*c = mkTerCell(x, opDel)
		}
		if k > 0 {
			if x := cells[k-1].cost() + 1; c.cost() > x {
				*c = mkTerCell(x, opIns)
			}
		}
	}
	return terRow{minJ, cells}
}

// rows returns the edit distance from hyp to the reference, the operation trace, and every
// row of the matrix (banded). The rows are valid until the next call.
func (e *beamEditDistance) rows(hyp []int32) (int32, []byte, *terRows, error) {
	nRef, nh := len(e.ref), len(hyp)
	beam, ratio := e.beam(nh)
	rs := &e.base
	total := 0
	for i := 1; i <= nh; i++ {
		minJ, maxJ := e.band(i, nh, beam, ratio)
		total += maxJ - minJ
	}
	if cap(rs.cells) < total {
		rs.cells = make([]terCell, total)
	}
	if cap(rs.start) < nh {
		rs.start, rs.off = make([]int, nh), make([]int32, nh)
	}
	rs.cells, rs.start, rs.off = rs.cells[:total], rs.start[:nh], rs.off[:nh]
	at := 0
	prev := rs.init
	for i := 1; i <= nh; i++ {
		minJ, maxJ := e.band(i, nh, beam, ratio)
		width := maxJ - minJ
		prev = e.fill(prev, hyp[i-1], minJ, rs.cells[at:at+width])
		at += width
		rs.start[i-1], rs.off[i-1] = at, int32(minJ)
		if err := e.p.tick(width + 1); err != nil {
			return 0, nil, nil, err
		}
	}

	// trace back
	trace := make([]byte, 0, nh+nRef)
	i, j := nh, nRef
	row := rs.row(i)
	for i > 0 || j > 0 {
		op := row.at(j).op()
		trace = append(trace, op)
		switch op {
		case opSub, opNop:
			i--
			j--
			row = rs.row(i)
		case opIns:
			j--
		case opDel:
			i--
			row = rs.row(i)
		default:
			panic("report: TER trace reached an unset cell")
		}
	}
	for a, b := 0, len(trace)-1; a < b; a, b = a+1, b-1 {
		trace[a], trace[b] = trace[b], trace[a]
	}
	return rs.row(nh).at(nRef).cost(), trace, rs, nil
}

// shiftedCost is the edit distance of shifted, a permutation of h (whose rows are base),
// computed from the first row where they differ until the rows agree again up to a constant.
func (e *beamEditDistance) shiftedCost(h []int32, base *terRows, shifted []int32) (int32, error) {
	nh, nRef := len(h), len(e.ref)
	final := base.row(nh).at(nRef).cost()
	lo := 0
	for lo < nh && shifted[lo] == h[lo] {
		lo++
	}
	if lo == nh {
		return final, nil
	}
	hi := nh
	for hi > lo && shifted[hi-1] == h[hi-1] {
		hi--
	}
	beam, ratio := e.beam(nh)
	prev := base.row(lo)
	for i := lo + 1; i <= nh; i++ {
		minJ, maxJ := e.band(i, nh, beam, ratio)
		width := maxJ - minJ
		if cap(e.cur) < width {
			e.cur = make([]terCell, width)
		}
		row := e.fill(prev, shifted[i-1], minJ, e.cur[:width])
		if err := e.p.tick(width + 1); err != nil {
			return 0, err
		}
		if i == nh {
			return row.at(nRef).cost(), nil
		}
		if i >= hi {
			if delta, ok := offsetOf(row, base.row(i)); ok {
				return final + delta, nil
			}
		}
		prev = row
		e.cur, e.next = e.next, e.cur
	}
	return final, nil // not reached: the loop returns at i == nh
}

// offsetOf reports whether row a equals row b plus a constant (on the same band, unreachable
// cells in the same places) and returns the constant.
func offsetOf(a, b terRow) (int32, bool) {
	if a.off != b.off || len(a.cells) != len(b.cells) {
		return 0, false
	}
	var delta int32
	found := false
	for k, x := range a.cells {
		xc, yc := x.cost(), b.cells[k].cost()
		if xc >= terInf || yc >= terInf {
			if xc != yc {
				return 0, false
			}
			continue
		}
		if !found {
			delta, found = xc-yc, true
		} else if xc-yc != delta {
			return 0, false
		}
	}
	return delta, found
}
