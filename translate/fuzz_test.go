package translate

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

// FuzzRun feeds arbitrary articles through reading, the pipeline and reassembly: every sentence
// comes back once, in order, with exactly the provider's answer; the structure is kept; and the
// plan predicts the requests and characters of the run.
func FuzzRun(f *testing.F) {
	f.Add("Die Vereinigten Staaten unterstützen den Dialog. Das erklärte der Sprecher.\n\nZweiter Absatz.", uint8(3))
	f.Add("# Titel\n\n- eins\n- zwei\n\nText mit 2,5 Prozent am 15. Dezember.", uint8(1))
	f.Add("<h1>Titel</h1><p>Ein Satz. Noch einer.</p><ul><li>Punkt</li></ul>", uint8(7))
	f.Add("\n\n\n", uint8(2))
	f.Fuzz(func(t *testing.T, text string, maxSegs uint8) {
		for _, format := range []segment.Format{segment.Text, segment.Markdown, segment.HTML} {
			doc, err := segment.Read(strings.NewReader(text), "fuzz", segment.Options{Format: format})
			if err != nil {
				continue // bad input is segment's to report
			}
			caps := providers.Capabilities{MaxSegments: 1 + int(maxSegs%16), MaxChars: 200, MaxTokens: 120, Context: maxSegs%2 == 0}
			fp := &fakeProvider{caps: caps}
			tr := &Translator{Provider: fp, Concurrency: 1 + int(maxSegs%3), Window: 1 + int(maxSegs)}
			est, err := tr.Plan(context.Background(), seq([]*segment.Document{doc}))
			if err != nil {
				t.Fatal(err)
			}
			res, st, err := collect(context.Background(), tr, []*segment.Document{doc})
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 1 || len(res[0].Blocks) != len(doc.Blocks) {
				t.Fatalf("%s: %d results", format, len(res))
			}
			k := 0
			for bi, b := range doc.Blocks {
				for si, s := range blockSentences(&b) {
					p := res[0].Pairs[k]
					k++
					if p.Source != s.Text || p.Target != fakeAnswer(fp, &b, si, s.Text) || p.Paragraph != bi+1 {
						t.Fatalf("%s: pair %d = %+v, want %q", format, k, p, s.Text)
					}
				}
				if res[0].Blocks[bi].Kind != b.Kind {
					t.Fatalf("%s: block %d kind %s, want %s", format, bi, res[0].Blocks[bi].Kind, b.Kind)
				}
			}
			if k != len(res[0].Pairs) {
				t.Fatalf("%s: %d pairs, want %d", format, len(res[0].Pairs), k)
			}
			// Pieces of a long document may find the window full, which sends a partial batch early.
			if st.Segments <= tr.pieceUnits() && (est.Requests != st.Usage.Requests || est.Characters != st.Usage.Characters) {
				t.Fatalf("%s: plan %+v, run %+v", format, est, st.Usage)
			}
			// Block by block, the pieces put together are the whole result.
			var pairs []Pair
			var blocks int
			if _, err := tr.RunInputs(context.Background(), inputsOf([]*segment.Document{doc}), func(r *Result) error {
				if r.FirstBlock != blocks {
					t.Fatalf("%s: piece at block %d, want %d", format, r.FirstBlock, blocks)
				}
				blocks += len(r.Blocks)
				pairs = append(pairs, r.Pairs...)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if blocks != len(doc.Blocks) || fmt.Sprint(pairs) != fmt.Sprint(res[0].Pairs) {
				t.Fatalf("%s: inputs gave %d blocks, pairs %v, want %v", format, blocks, pairs, res[0].Pairs)
			}
		}
	})
}

// fakeAnswer is the fake's answer to sentence si of block b as the run puts it together:
// "EN(…)" of the sentence, or, for a sentence over the provider's request limits, the answers
// to its pieces joined with a space, cut as splitOversize cuts them (the same limits, the same
// codes renumbered from 1) and put together as joinPieces does.
func fakeAnswer(fp *fakeProvider, b *segment.Block, si int, text string) string {
	caps := fp.Capabilities()
	source, shift := text, 0
	if first := document.FirstCode(text); si > 0 && first > 1 {
		source, shift = document.ShiftCodes(text, 1-first), first-1
	}
	est := func(s string) int { return providers.EstimateTokensFor(fp, s) }
	maxTok := 0
	if caps.MaxTokens > 0 {
		maxTok = caps.MaxTokens - segmentOverheadTokens
		if caps.Context && len(blockSentences(b)) > 1 && len(b.Text) <= maxContextBytes {
			maxTok -= est(b.Text)
		}
		maxTok = max(maxTok, 16)
	}
	pieces := cutPieces(source, caps.MaxChars, maxTok, est)
	if len(pieces) <= 1 {
		return "EN(" + text + ")"
	}
	parts := make([]string, len(pieces))
	for i, p := range pieces {
		parts[i] = strings.TrimSpace("EN(" + p + ")")
	}
	joined := strings.Join(parts, " ")
	if shift != 0 {
		return document.ShiftCodes(joined, shift)
	}
	return joined
}
