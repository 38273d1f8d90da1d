package main

import (
	"context"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/translate"
)

// alignSentences aligns the sentences of a German paragraph with those of its translation, for
// --unit paragraph (align.Documents; this only converts the beads).
func alignSentences(src, tgt []string) ([]translate.Bead, error) {
	beads, err := align.Documents(context.Background(), &align.Document{Sentences: src, Lang: "de"}, &align.Document{Sentences: tgt, Lang: "en"}, align.Options{})
	if err != nil {
		return nil, err
	}
	out := make([]translate.Bead, len(beads))
	for i, b := range beads {
		out[i] = translate.Bead{Src: b.Src, Tgt: b.Tgt, Confidence: b.Confidence}
	}
	return out, nil
}
