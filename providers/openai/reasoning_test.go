package openai_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
)

// TestReasoningBeforeTheAnswer is the reviewer's finding with a reasoning model (DeepSeek-R1,
// Qwen3 on Ollama or vLLM): the content starts with the model's thought in <think>…</think>,
// holding a draft of the JSON and braces of its own, and the answer follows. Before, the draft
// was taken for the translation (or a brace made every answer fail); the answer after the
// thought is the translation, and a segment that says "<think>" keeps it.
func TestReasoningBeforeTheAnswer(t *testing.T) {
	for _, tc := range []struct {
		name    string
		thought func(answer string) string
	}{
		{"a draft in the thought", func(answer string) string {
			return "<think>\nFirst attempt:\n" + strings.ReplaceAll(answer, "EN(", "DRAFT(") + "\nHmm, let me polish that.\n</think>\n\n"
		}},
		{"braces in the thought", func(string) string {
			return "<think>\nEach item is {id, text}; the ids are {\"1\", \"2\"}.\n</think>\n\n"
		}},
		{"thinking tag", func(answer string) string {
			return "<thinking>" + strings.ReplaceAll(answer, "EN(", "DRAFT(") + "</thinking>\n"
		}},
		// The second review's: a <reasoning> block, and gpt-oss's harmony channels in the content.
		{"reasoning tag", func(answer string) string {
			return "<reasoning>" + strings.ReplaceAll(answer, "EN(", "DRAFT(") + "</reasoning>\n"
		}},
		{"harmony channels", func(answer string) string {
			return "<|channel|>analysis<|message|>Draft: " + strings.ReplaceAll(answer, "EN(", "DRAFT(") + "<|end|><|start|>assistant<|channel|>final<|message|>"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := providertest.NewOpenAI(t, providertest.Options{
				Reasoning: func(_ providertest.RequestInfo, answer string) string { return tc.thought(answer) },
			})
			p := mustOpen(t, config(srv))
			req := &providers.Request{TargetLang: "en", Segments: []providers.Segment{
				// UD German GSD dev (providers/testdata/SOURCES.md), and a segment that holds the tag.
				{ID: "1", Text: "Baumbestandene Straßen mit Kopfsteinpflaster und pastellfarbene Gipsfassaden aus dem 18. Jahrhundert machen das Boheme-Viertel interessant."},
				{ID: "2", Text: "Im Editor steht <think> vor den Gedanken des Modells."},
			}}
			resp, err := p.Translate(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			for i, tr := range resp.Translations {
				if want := "EN(" + req.Segments[i].Text + ")"; tr.Text != want {
					t.Errorf("segment %s: %q, want %q", tr.ID, tr.Text, want)
				}
			}
			if n := srv.Count(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}
