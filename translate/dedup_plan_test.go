package translate

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/segment"
)

// TestPlanRepeatsPastTheCache: the run keeps the answers of the last repeatsCap distinct
// segments to answer repeats; a repeat of an older one is answered by the memory, which the run
// stored it in. The plan stores nothing, and counted such repeats as segments to send (89,144
// planned against 73,918 sent on a 20 MB corpus of mostly distinct sentences); with a memory it
// counts them as the run does, and without one (the run sends them again) as before.
func TestPlanRepeatsPastTheCache(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 70,000 segments")
	}
	n := repeatsCap + 4000
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Der Ausschuss tagte in der Sitzung Nummer %d.\n\n", i)
	}
	for i := range 100 {
		fmt.Fprintf(&b, "Der Ausschuss tagte in der Sitzung Nummer %d.\n\n", i)
	}
	doc, err := segment.Read(strings.NewReader(b.String()), "a.txt", segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := []*segment.Document{doc}
	for _, tc := range []struct {
		memory          bool
		misses, repeats int
	}{{true, n, 100}, {false, n + 100, 0}} {
		tr := &Translator{Provider: &fakeProvider{noRecord: true}}
		if tc.memory {
			tr.Memory = &memMemory{}
		}
		est, err := tr.Plan(context.Background(), seq(docs))
		if err != nil {
			t.Fatal(err)
		}
		if est.Misses != tc.misses || est.Repeats != tc.repeats {
			t.Errorf("memory %v: plan %d misses, %d repeats; want %d, %d", tc.memory, est.Misses, est.Repeats, tc.misses, tc.repeats)
		}
		if !tc.memory {
			continue
		}
		fp := &fakeProvider{noRecord: true}
		tr = &Translator{Provider: fp, Memory: &memMemory{}}
		_, st, err := collect(context.Background(), tr, docs)
		if err != nil {
			t.Fatal(err)
		}
		if st.Translated != est.Misses || st.Repeats != est.Repeats {
			t.Errorf("run: %d segments sent, %d repeats; plan %d, %d", st.Translated, st.Repeats, est.Misses, est.Repeats)
		}
	}
}
