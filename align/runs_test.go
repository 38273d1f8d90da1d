package align

import (
	"fmt"
	"slices"
	"testing"
)

// TestExpandRuns checks that a run step becomes single deletions on its side and that other
// steps are kept.
func TestExpandRuns(t *testing.T) {
	md := &model{types: append(beadTypes(3, 0.25), runTypes(3)...)}
	one, run := int8(md.shapeIndex(1, 1)), int8(md.shapeIndex(0, 3))
	path := []point{{0, 0}, {1, 1}, {1, 4}, {2, 5}}
	gotP, gotS := expandRuns(md, path, []int8{one, run, one})
	wantP := []point{{0, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}, {2, 5}}
	del := int8(md.shapeIndex(0, 1))
	wantS := []int8{one, del, del, del, one}
	if !slices.Equal(gotP, wantP) || !slices.Equal(gotS, wantS) {
		t.Errorf("got %v %v, want %v %v", gotP, gotS, wantP, wantS)
	}
}

// TestCaptionBlock aligns a document whose target carries a block of plate captions that the
// source lacks: with MT (so runs are allowed), every caption line is a 0-1 bead of its own and
// every sentence pair is found.
func TestCaptionBlock(t *testing.T) {
	var src, tgt, mt []string
	var gold []Bead
	for i := range 30 {
		s := fmt.Sprintf("Satz %d über den Berg Nummer %d und seine Besteigung im Jahr %d.", i, 100+i, 1900+i)
		e := fmt.Sprintf("Sentence %d about mountain number %d and its ascent in the year %d.", i, 100+i, 1900+i)
		src, mt = append(src, s), append(mt, e)
		gold = append(gold, Bead{Src: []int{i}, Tgt: []int{len(tgt)}})
		tgt = append(tgt, e)
		if i == 12 {
			for k := range 8 {
				gold = append(gold, Bead{Tgt: []int{len(tgt)}})
				tgt = append(tgt, fmt.Sprintf("Plate %d - Photo Swiss Foundation, Zurich", 40+k))
			}
		}
	}
	beads, err := Align(src, tgt, Options{MT: mt})
	if err != nil {
		t.Fatal(err)
	}
	checkBeads(t, beads, len(src), len(tgt))
	if c := Evaluate(gold, beads); c.Strict().F1 != 1 {
		t.Errorf("%s\n%s", c, beadsString(beads))
	}
}
