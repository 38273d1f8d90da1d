package translate

import (
	"context"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

// TestSuspectAnswersFlaggedNotStored: an answer the provider still doubts (here: the German
// came back unchanged) is flagged on its pair and in the stats, and never stored in the memory,
// so a rerun asks again instead of reusing it forever.
func TestSuspectAnswersFlaggedNotStored(t *testing.T) {
	docs := []*segment.Document{doc("a", []string{"Der Kreml schweigt.", "Die NATO warnt."})}
	fp := &fakeProvider{
		answer: func(s providers.Segment, _ *providers.Request) string {
			if s.Text == "Der Kreml schweigt." {
				return s.Text
			}
			return "EN(" + s.Text + ")"
		},
		suspect: func(s providers.Segment) string {
			if s.Text == "Der Kreml schweigt." {
				return providers.SuspectUnchanged
			}
			return ""
		},
	}
	mem := &memMemory{}
	res, st, err := collect(context.Background(), &Translator{Provider: fp, Memory: mem, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	var flagged int
	for _, p := range res[0].Pairs {
		for _, v := range p.Findings {
			if v.Kind == Suspect {
				flagged++
				if p.Source != "Der Kreml schweigt." || v.Message != providers.SuspectUnchanged {
					t.Errorf("flagged %+v on %q", v, p.Source)
				}
			}
		}
	}
	if flagged != 1 || st.Violations != 1 || st.Suspects != 1 || st.Untranslated != 1 {
		t.Errorf("%d pairs flagged, stats %+v; want 1 flagged, 1 violation, suspect and untranslated", flagged, st)
	}
	if len(mem.m) != 1 {
		t.Errorf("memory holds %d entries, want only the good answer: %v", len(mem.m), mem.m)
	}
}

// TestNoRepairWithoutFeedback: a driver that cannot use repair feedback is not sent the same
// request again (each repeat would be paid for the same answer).
func TestNoRepairWithoutFeedback(t *testing.T) {
	g := fakeGlossary{"Bündnis": "Alliance"}
	docs := []*segment.Document{doc("a", []string{"Das Bündnis tagte."})}
	for _, c := range []struct {
		name     string
		fp       *fakeProvider
		requests int
	}{
		{"feedback", &fakeProvider{}, 3},
		{"no feedback", &fakeProvider{}, 1},
	} {
		p := providers.Provider(c.fp)
		if c.name == "no feedback" {
			p = feedbackBlind{c.fp}
		}
		_, st, err := collect(context.Background(), &Translator{Provider: p, Glossary: g, Repair: 2}, docs)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(c.fp.requests()); got != c.requests {
			t.Errorf("%s: %d requests, want %d", c.name, got, c.requests)
		}
		if st.Violations != 1 {
			t.Errorf("%s: %d violations, want 1 (reported, not hidden)", c.name, st.Violations)
		}
	}
}
