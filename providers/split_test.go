package providers_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/providers"
)

func TestSplitOversize(t *testing.T) {
	for _, tc := range []struct {
		text     string
		maxChars int
		want     []string
	}{
		{"Kurz.", 10, []string{"Kurz."}},
		{"Erster Satz. Zweiter Satz. Dritter.", 27, []string{"Erster Satz. Zweiter Satz. ", "Dritter."}},
		{"Die Rate lag bei 2.5 Prozent, sagte er heute", 30, []string{"Die Rate lag bei 2.5 Prozent, ", "sagte er heute"}},
		{"ohne jede Satzgrenze hier", 12, []string{"ohne jede ", "Satzgrenze ", "hier"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	} {
		got := providers.SplitOversize(tc.text, tc.maxChars, 0, nil)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("SplitOversize(%q, %d) = %q, want %q", tc.text, tc.maxChars, got, tc.want)
		}
	}
}

func FuzzSplitOversize(f *testing.F) {
	f.Add("Erster Satz. Zweiter, dritter; Grüße 👋 aus Köln.", 7, 3)
	f.Fuzz(func(t *testing.T, s string, maxChars, maxTokens int) {
		maxChars, maxTokens = maxChars%50, maxTokens%20
		if maxChars < 0 || maxTokens < 0 || !utf8.ValidString(s) {
			return
		}
		parts := providers.SplitOversize(s, maxChars, maxTokens, nil)
		if strings.Join(parts, "") != s {
			t.Fatalf("pieces %q do not give %q back", parts, s)
		}
		for _, p := range parts {
			n := utf8.RuneCountInString(p)
			if n > 1 && ((maxChars > 0 && n > maxChars) || (maxTokens > 0 && providers.EstimateTokens(p) > maxTokens)) {
				t.Fatalf("piece %q over the limits %d chars %d tokens", p, maxChars, maxTokens)
			}
		}
	})
}

// TestWrapSplitsHugeSegment: a 1 MB single-line segment goes out in requests within the
// driver's limits, and comes back as one translation.
func TestWrapSplitsHugeSegment(t *testing.T) {
	sentence := "Die Regierung hat das Gesetz am Freitag verabschiedet. "
	huge := strings.Repeat(sentence, 1<<20/len(sentence))
	d := &scripted{caps: providers.Capabilities{MaxSegments: 80, MaxChars: 12000, MaxTokens: 6000}, answer: func(_ int, req *providers.Request) []providers.Translation {
		out := make([]providers.Translation, len(req.Segments))
		for i, s := range req.Segments {
			out[i] = providers.Translation{ID: s.ID, Text: strings.ReplaceAll(s.Text, sentence, "The government passed the law on Friday. ")}
		}
		return out
	}}
	resp, err := providers.Wrap(d, providers.WrapOptions{}).Translate(context.Background(), &providers.Request{
		Segments: []providers.Segment{{ID: "before", Text: "Ende."}, {ID: "huge", Text: huge}, {ID: "after", Text: "Ende."}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d.requests {
		chars, tokens := 0, 0
		for _, s := range r.Segments {
			chars += utf8.RuneCountInString(s.Text)
			tokens += providers.EstimateTokens(s.Text) + 8
		}
		if chars > 12000 || tokens > 6000 || len(r.Segments) > 80 {
			t.Fatalf("a request of %d segments, %d chars, %d tokens", len(r.Segments), chars, tokens)
		}
	}
	if len(resp.Translations) != 3 || resp.Translations[1].ID != "huge" || resp.Translations[0].Text != "Ende." {
		t.Fatalf("translations %d", len(resp.Translations))
	}
	if got := resp.Translations[1].Text; strings.Count(got, "The government passed") != strings.Count(huge, "Die Regierung") || strings.Contains(got, "Regierung") {
		t.Errorf("joined translation wrong (%d bytes)", len(got))
	}
	if len(d.requests) < len(huge)/12000 {
		t.Errorf("%d requests for 1 MB at 12,000 characters each", len(d.requests))
	}
}
