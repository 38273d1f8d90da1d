package align

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestAlignContextCancelled cancels the alignment at points spread over the whole run (feature
// extraction, baselines, every level of the coarse-to-fine search, confidences): the context's
// Err turns to Canceled after a given number of looks. Every run must stop with an error that
// errors.Is recognizes, and return no beads.
func TestAlignContextCancelled(t *testing.T) {
	heavy(t)
	src, tgt, mt, _ := syntheticMT(1200, 2)
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"surface", Options{}},
		{"mt", Options{MT: mt}},
		{"paragraphs", Options{SrcBreaks: []int{400, 800}, TgtBreaks: []int{400, 800}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// How many looks a whole run takes.
			probe := &countingCtx{Context: context.Background(), after: 1 << 62}
			if _, err := AlignContext(probe, src, tgt, tc.opt); err != nil {
				t.Fatal(err)
			}
			total := probe.calls
			// The work between two looks is at most pollEvery cells or sentences: a run of 1,200
			// sentences a side must look hundreds of times.
			if total < 100 {
				t.Fatalf("only %d looks at the context in a whole run", total)
			}
			for after := 0; after < total; after = after*2 + 1 {
				ctx := &countingCtx{Context: context.Background(), after: after}
				beads, err := AlignContext(ctx, src, tgt, tc.opt)
				if !errors.Is(err, context.Canceled) || beads != nil {
					t.Fatalf("cancelled after %d of %d looks: %d beads, err = %v", after, total, len(beads), err)
				}
				if ctx.calls > after+1 {
					t.Errorf("cancelled after %d looks: went on looking (%d)", after, ctx.calls)
				}
			}
		})
	}
}

func TestAlignContextDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := AlignContext(ctx, []string{"a"}, []string{"b"}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// Errors other than cancellation are not hidden by it.
	if _, err := AlignContext(context.Background(), []string{"a"}, []string{"b"}, Options{MT: []string{}}); !errors.Is(err, ErrMTLength) {
		t.Errorf("err = %v, want ErrMTLength", err)
	}
}

func TestReadPresplitCancelled(t *testing.T) {
	in := strings.Repeat("Ein Satz.\n\n", 3*pollEvery)
	for _, after := range []int{0, 1, 2} {
		ctx := &countingCtx{Context: context.Background(), after: after}
		s, _, err := ReadPresplitContext(ctx, strings.NewReader(in), "f")
		if !errors.Is(err, context.Canceled) || s != nil {
			t.Errorf("cancelled after %d looks: %d sentences, err = %v", after, len(s), err)
		}
	}
	ctx := &countingCtx{Context: context.Background(), after: 1 << 30}
	if s, _, err := ReadPresplitContext(ctx, strings.NewReader(in), "f"); err != nil || len(s) != 3*pollEvery {
		t.Errorf("not cancelled: %d sentences, err = %v", len(s), err)
	}
}
