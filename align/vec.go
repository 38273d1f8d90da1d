package align

import "sort"

// entry is one weighted feature of a sentence or sentence group.
type entry struct {
	id uint32
	w  float32
}

// vec is a sparse feature vector, sorted by id with unique ids.
type vec []entry

// sum returns the total weight of v.
func (v vec) sum() float32 {
	var s float32
	for _, e := range v {
		s += e.w
	}
	return s
}

// vecFromCounts builds a sorted vec from feature counts.
func vecFromCounts(counts map[uint32]float32) vec {
	v := make(vec, 0, len(counts))
	for id, w := range counts {
		v = append(v, entry{id, w})
	}
	sort.Slice(v, func(a, b int) bool { return v[a].id < v[b].id })
	return v
}

// mergeInto appends the sum of vs to dst[:0] and returns it. Weights of equal ids add up.
func mergeInto(dst vec, vs ...vec) vec {
	dst = dst[:0]
	switch len(vs) {
	case 0:
		return dst
	case 1:
		return append(dst, vs[0]...)
	}
	dst = merge2(dst, vs[0], vs[1])
	for _, v := range vs[2:] {
		// Rare (groups of three or more): merge through a copy.
		tmp := append(vec(nil), dst...)
		dst = merge2(dst[:0], tmp, v)
	}
	return dst
}

func merge2(dst, a, b vec) vec {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			dst = append(dst, a[i])
			i++
		case a[i].id > b[j].id:
			dst = append(dst, b[j])
			j++
		default:
			dst = append(dst, entry{a[i].id, a[i].w + b[j].w})
			i++
			j++
		}
	}
	dst = append(dst, a[i:]...)
	return append(dst, b[j:]...)
}

// dot returns the dot product of a and b.
func dot(a, b vec) float32 {
	var s float32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}
