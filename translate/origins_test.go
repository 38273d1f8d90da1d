package translate

import (
	"errors"
	"slices"
	"testing"

	"github.com/bitext/bitext/segment"
)

// TestFromTM: a block came from the memory when it has sentences and each was a hit; a piece's
// pairs are numbered in the document (FirstBlock).
func TestFromTM(t *testing.T) {
	tests := []struct {
		name  string
		first int
		pairs []Pair
		want  []bool
	}{
		{"all hits", 0, []Pair{{Paragraph: 1, TMHit: true}, {Paragraph: 1, TMHit: true}, {Paragraph: 2, TMHit: true}}, []bool{true, true}},
		{"one sentence sent", 0, []Pair{{Paragraph: 1, TMHit: true}, {Paragraph: 1}, {Paragraph: 2, TMHit: true}}, []bool{false, true}},
		{"a block without sentences", 0, []Pair{{Paragraph: 2, TMHit: true}}, []bool{false, true}},
		{"failed", 0, []Pair{{Paragraph: 1, TMHit: true, Err: errors.New("x")}, {Paragraph: 2, TMHit: true}}, []bool{false, true}},
		{"a later piece", 5, []Pair{{Paragraph: 6}, {Paragraph: 7, TMHit: true}}, []bool{false, true}},
	}
	for _, tt := range tests {
		res := &Result{FirstBlock: tt.first, Blocks: make([]segment.Block, len(tt.want)), Pairs: tt.pairs}
		if got := FromTM(res); !slices.Equal(got, tt.want) {
			t.Errorf("%s: FromTM = %v, want %v", tt.name, got, tt.want)
		}
	}
}
