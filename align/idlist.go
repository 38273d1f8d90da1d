package align

import (
	"cmp"
	"slices"
)

// idList holds a sorted set of distinct ids for each sentence of one side (distinctive words,
// anchors), in one flat list: sentence k's are ids[off[k]:off[k+1]] (a slice per sentence
// would cost 24 bytes each, 48 MB at a million sentences a side).
type idList struct {
	off []uint32 // len(sentences)+1 offsets into ids
	ids []uint32
}

// newIDList returns an empty list with room for n sentences.
func newIDList(n int) idList { return idList{off: make([]uint32, 1, n+1)} }

// add appends the next sentence's ids (in any order, repeats allowed); it sorts xs in place.
func (l *idList) add(xs []uint32) {
	slices.Sort(xs)
	l.ids = append(l.ids, slices.Compact(xs)...)
	l.off = append(l.off, uint32(len(l.ids)))
}

// clip returns the finished list without spare capacity.
func (l idList) clip() idList {
	l.ids = slices.Clip(l.ids)
	return l
}

// of returns the ids of sentence k, nil outside the list.
func (l idList) of(k int) []uint32 {
	if k < 0 || k+1 >= len(l.off) {
		return nil
	}
	return l.ids[l.off[k]:l.off[k+1]]
}

// slice returns sentences [from, to) (the ids shared).
func (l idList) slice(from, to int) idList { return idList{off: l.off[from : to+1], ids: l.ids} }

// crossingIDs counts the ids that cross lattice point (i, j) between the sentences of src and
// tgt: those of source i found in target j-1 and neither in target j nor in source i-1, and
// those of source i-1 found in target j and neither in target j-1 nor in source i. Such an id
// (a distinctive word, a number, a name) says that the translator moved content across the cut.
func crossingIDs(src, tgt idList, i, j int) int {
	s0, s1 := src.of(i-1), src.of(i)
	t0, t1 := tgt.of(j-1), tgt.of(j)
	return exclusive(s1, t0, t1, s0) + exclusive(s0, t1, t0, s1)
}

// exclusive counts the ids in both a and b and in neither c nor d (all sorted).
func exclusive(a, b, c, d []uint32) int {
	cnt := 0
	eachCommon(a, b, func(id uint32) {
		if _, in := slices.BinarySearch(c, id); !in {
			if _, in := slices.BinarySearch(d, id); !in {
				cnt++
			}
		}
	})
	return cnt
}

// eachCommon calls f with each value that the sorted lists a and b both hold, in order.
func eachCommon[T cmp.Ordered](a, b []T, f func(T)) {
	for x, y := 0, 0; x < len(a) && y < len(b); {
		switch {
		case a[x] < b[y]:
			x++
		case a[x] > b[y]:
			y++
		default:
			f(a[x])
			x++
			y++
		}
	}
}
