package translate

import (
	"context"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

// TestDoneCountsOnlyAnswered: Stats.Done, what an interrupted or failed run reports as done,
// counts a repeated segment only once the segment it repeats has a translation. Repeats are
// counted as they are read, so a run stopped before any answer came has repeats but nothing
// done. Requests go one at a time (Concurrency 1) and the stop comes from inside a request,
// so what was answered before it is known without any clock.
func TestDoneCountsOnlyAnswered(t *testing.T) {
	twice := func(sents ...string) []*segment.Document {
		return []*segment.Document{doc("a.txt", sents, sents)} // the second paragraph repeats the first
	}
	four := twice("Eins ist hier.", "Zwei ist dort.", "Drei ist oben.", "Vier ist unten.")
	long := twice(clauses(3)) // over smallCaps: three pieces, one request each
	pairs := providers.Capabilities{MaxSegments: 2, MaxChars: 2000}
	down := &providers.Error{Provider: "fake", Status: 401, Message: "bad key"}

	tests := []struct {
		name string
		docs []*segment.Document
		caps providers.Capabilities
		// stopAt cancels the run while request n is on its way; down from failFrom on, the
		// provider refuses every request (0: never).
		stopAt, failFrom int
		answered         bool // the request that stops the run is answered (in its grace)
		giveUp           string
		wantRepeats      int
		wantDone         int
		wantFailed       int
	}{
		{name: "all answered", docs: four, caps: pairs, wantRepeats: 4, wantDone: 8},
		{name: "stopped before any answer", docs: four, caps: pairs, stopAt: 1, wantRepeats: 4, wantDone: 0},
		{name: "stopped after the first request", docs: four, caps: pairs, stopAt: 2, wantRepeats: 4, wantDone: 4},
		{name: "stopped with the first request answered", docs: four, caps: pairs, stopAt: 1, answered: true, wantRepeats: 4, wantDone: 4},
		{name: "provider down after the first request", docs: four, caps: pairs, failFrom: 2, wantRepeats: 4, wantDone: 4},
		{name: "provider down at once", docs: four, caps: pairs, failFrom: 1, wantRepeats: 4, wantDone: 0},
		{name: "repeat of a failed segment", docs: four, caps: pairs, giveUp: "Zwei ist dort.", wantRepeats: 4, wantDone: 6, wantFailed: 2},
		{name: "split sentence, all pieces answered", docs: long, caps: smallCaps, wantRepeats: 1, wantDone: 2},
		// The leading sentence counts as translated with its first piece (Translated); its
		// repeat is done only with the last.
		{name: "split sentence, two of three pieces answered", docs: long, caps: smallCaps, stopAt: 3, wantRepeats: 1, wantDone: 1},
		{name: "split sentence, stopped with the last piece answered", docs: long, caps: smallCaps, stopAt: 3, answered: true, wantRepeats: 1, wantDone: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			fp := &fakeProvider{caps: tc.caps, fail: func(n int) error {
				switch {
				case n == tc.stopAt && tc.answered:
					cancel()
				case n == tc.stopAt:
					cancel()
					return context.Canceled
				case tc.failFrom > 0 && n >= tc.failFrom:
					return down
				}
				return nil
			}}
			if tc.giveUp != "" {
				fp.giveUp = func(s providers.Segment) bool { return s.Text == tc.giveUp }
			}
			_, st, err := collect(ctx, &Translator{Provider: fp, Memory: &memMemory{}, Concurrency: 1}, tc.docs)
			if (err == nil) != (tc.stopAt == 0 && tc.failFrom == 0 && tc.giveUp == "") {
				t.Fatalf("err = %v", err)
			}
			if st.Repeats != tc.wantRepeats || st.Done() != tc.wantDone || st.Failed != tc.wantFailed {
				t.Errorf("%d repeats, %d done, %d failed, want %d, %d, %d (stats %+v)",
					st.Repeats, st.Done(), st.Failed, tc.wantRepeats, tc.wantDone, tc.wantFailed, st)
			}
			if st.Done() > st.Segments {
				t.Errorf("%d done of %d segments", st.Done(), st.Segments)
			}
		})
	}
}
