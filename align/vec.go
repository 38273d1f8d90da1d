package align

// entry is one weighted feature of a sentence or sentence group.
type entry struct {
	id uint32
	w  float32
}

// vec is a sparse feature vector, sorted by id with unique ids.
type vec []entry

// merge2 appends the sum of a and b to dst and returns it: weights of equal ids add up.
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
