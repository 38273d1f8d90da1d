package translate

import (
	"slices"
	"testing"

	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/segment"
)

// TestDoubted: a block holds a doubted answer when one of its pairs has a Suspect finding; a
// glossary violation is no doubt about the answer; a piece's pairs are numbered in the document
// (FirstBlock).
func TestDoubted(t *testing.T) {
	suspect := []Violation{{Kind: Suspect, Message: "broken tags"}}
	missing := []Violation{{Kind: qa.Missing}}
	tests := []struct {
		name  string
		first int
		pairs []Pair
		want  []bool
	}{
		{"none", 0, []Pair{{Paragraph: 1}, {Paragraph: 2, TMHit: true}}, []bool{false, false}},
		{"one sentence of a block", 0, []Pair{{Paragraph: 1}, {Paragraph: 1, Findings: suspect}, {Paragraph: 2}}, []bool{true, false}},
		{"a glossary violation", 0, []Pair{{Paragraph: 1, Findings: missing}}, []bool{false}},
		{"a later piece", 5, []Pair{{Paragraph: 6}, {Paragraph: 7, Findings: suspect}}, []bool{false, true}},
	}
	for _, tt := range tests {
		res := &Result{FirstBlock: tt.first, Blocks: make([]segment.Block, len(tt.want)), Pairs: tt.pairs}
		if got := Doubted(res); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Doubted = %v, want %v", tt.name, got, tt.want)
		}
	}
}
