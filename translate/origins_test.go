package translate

import (
	"slices"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/segment"
)

// TestBlockOrigins: a block holds a doubted answer when one of its pairs has a Suspect finding; a
// glossary violation is no doubt about the answer; a block with a segment that got no
// translation is untranslated, whatever else it holds; a piece's pairs are numbered in the
// document (FirstBlock).
func TestBlockOrigins(t *testing.T) {
	suspect := []Violation{{Kind: Suspect, Message: "broken tags"}}
	missing := []Violation{{Kind: qa.Missing}}
	failed := &FailedError{}
	const (
		mt     = document.MachineTranslation
		review = document.NeedsReview
		none   = document.Untranslated
	)
	tests := []struct {
		name  string
		first int
		pairs []Pair
		want  []document.Origin
	}{
		{"none", 0, []Pair{{Paragraph: 1}, {Paragraph: 2, TMHit: true}}, []document.Origin{mt, mt}},
		{"one sentence of a block", 0, []Pair{{Paragraph: 1}, {Paragraph: 1, Findings: suspect}, {Paragraph: 2}}, []document.Origin{review, mt}},
		{"a glossary violation", 0, []Pair{{Paragraph: 1, Findings: missing}}, []document.Origin{mt}},
		{"a later piece", 5, []Pair{{Paragraph: 6}, {Paragraph: 7, Findings: suspect}}, []document.Origin{mt, review}},
		{"a failed sentence", 0, []Pair{{Paragraph: 1}, {Paragraph: 1, Err: failed}, {Paragraph: 2}}, []document.Origin{none, mt}},
		{"failed, then doubted", 0, []Pair{{Paragraph: 1, Err: failed}, {Paragraph: 1, Findings: suspect}}, []document.Origin{none}},
		{"doubted, then failed", 0, []Pair{{Paragraph: 1, Findings: suspect}, {Paragraph: 1, Err: failed}}, []document.Origin{none}},
	}
	for _, tt := range tests {
		res := &Result{FirstBlock: tt.first, Blocks: make([]segment.Block, len(tt.want)), Pairs: tt.pairs}
		if got := BlockOrigins(res); !slices.Equal(got, tt.want) {
			t.Errorf("%s: BlockOrigins = %v, want %v", tt.name, got, tt.want)
		}
	}
}
