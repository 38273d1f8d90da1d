package report

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

// flipCtx is a context whose Err turns to Canceled after a given number of calls: a
// cancellation that arrives while the work is under way, at a point fixed by the count of polls
// rather than by the clock, so the tests are deterministic.
type flipCtx struct {
	context.Context
	after int64 // Err returns nil this many times; negative: never cancels
	calls atomic.Int64
}

func newFlipCtx(after int64) *flipCtx {
	return &flipCtx{Context: context.Background(), after: after}
}

func (c *flipCtx) Err() error {
	if n := c.calls.Add(1); c.after >= 0 && n > c.after {
		return context.Canceled
	}
	return nil
}

// longSegment is one segment of about size bytes per side: a German source, an English
// reference and a hypothesis, made of the de-en-news sentences.
func longSegment(tb testing.TB, size int) (src, ref, hyp string) {
	s, r, h := newsCorpus(tb, 4000)
	return longLine(s, size), longLine(r, size), longLine(h, size)
}

// TestLongLoopsPoll runs every long loop on one long segment and checks that each polls the
// context many times inside that single segment (so a cancellation is seen after a bounded
// amount of work, not at the next segment), and that a cancellation arriving halfway stops it
// with context.Canceled after exactly one more look at the context.
func TestLongLoopsPoll(t *testing.T) {
	const size = 30_000
	src, ref, hyp := longSegment(t, size)
	twoSys := func(n int) ([][]flatStats, [][][]float64, *Report) {
		sys := make([][]flatStats, 2)
		totals := make([][][]float64, 2)
		for si := range sys {
			sys[si] = []flatStats{{}}
			totals[si] = [][]float64{make([]float64, 2)}
			for i := 0; i < n; i++ {
				st := []float64{float64(i % 7), 10}
				sys[si][0].add(st)
				sumStats(totals[si][0], st)
			}
		}
		return sys, totals, &Report{Systems: make([]SystemReport, 2)}
	}
	stages := []struct {
		name     string
		minPolls int64
		run      func(p *poller) error
	}{
		{"BLEU 13a", 5, func(p *poller) error {
			_, err := BLEU{}.statsContext(p, newBLEUScratch(), hyp, []string{ref})
			return err
		}},
		{"BLEU string n-grams", 5, func(p *poller) error {
			_, err := BLEU{}.mapStats(hyp, []string{ref}, p)
			return err
		}},
		{"BLEU intl", 5, func(p *poller) error {
			_, err := BLEU{Tokenizer: TokIntl}.statsContext(p, newBLEUScratch(), hyp, []string{ref})
			return err
		}},
		{"chrF2", 5, func(p *poller) error {
			_, err := NewCHRF().statsContext(p, hyp, []string{ref})
			return err
		}},
		{"chrF2++ maps", 5, func(p *poller) error {
			_, err := NewCHRFPlusPlus().mapStats(hyp, []string{ref}, p)
			return err
		}},
		{"TER", 20, func(p *poller) error {
			_, err := TER{}.statsContext(p, hyp, []string{ref})
			return err
		}},
		{"word diff", 2, func(p *poller) error {
			_, _, err := wordDiff(p, ref[:size/10], hyp[:size/10])
			return err
		}},
		{"coarse diff", 2, func(p *poller) error {
			_, _, err := wordDiff(p, ref, hyp)
			return err
		}},
		{"QA", 5, func(p *poller) error {
			_, err := checkQA(p, []string{src}, []string{hyp}, QAOptions{})
			return err
		}},
		{"stutter", 5, func(p *poller) error {
			_, err := stutter(p, strings.Fields(hyp))
			return err
		}},
		{"bootstrap", 20, func(p *poller) error {
			kept, totals, rep := twoSys(20_000)
			return bootstrapSystems(p, rep, []Metric{TER{}}, kept, totals, 20_000, 100, 1)
		}},
	}
	// Polling every 1,024 units instead of every 65,536 shows that each loop polls inside the
	// segment without needing segments of megabytes.
	fine := func(ctx context.Context) *poller {
		p := newPoller(ctx)
		p.every = 1024
		return p
	}
	for _, st := range stages {
		t.Run(st.name, func(t *testing.T) {
			count := newFlipCtx(-1)
			if err := st.run(fine(count)); err != nil {
				t.Fatal(err)
			}
			polls := count.calls.Load()
			if polls < st.minPolls {
				t.Fatalf("%d polls over one %d-byte segment, want at least %d", polls, size, st.minPolls)
			}
			half := newFlipCtx(polls / 2)
			err := st.run(fine(half))
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled after %d of %d polls: err = %v", polls/2, polls, err)
			}
			if got := half.calls.Load(); got != polls/2+1 {
				t.Errorf("the context was asked %d times, want %d (it must stop at the first cancelled answer)", got, polls/2+1)
			}
		})
	}
}

// TestBuildContextCancelled cancels BuildContext at points spread over a whole run (two systems,
// all default metrics, QA, bootstrap and diffs, one long segment among short ones): every
// one must return an error matching context.Canceled, and the run must end at once.
func TestBuildContextCancelled(t *testing.T) {
	src, ref, hyp := newsCorpus(t, 100)
	ls, lr, lh := longSegment(t, 10_000)
	src, ref, hyp = append(src, ls), append(ref, lr), append(hyp, lh)
	hyp2 := append([]string(nil), ref...)
	in := Input{Sources: src, References: [][]string{ref},
		Systems: []System{{Name: "a", Hypotheses: hyp}, {Name: "b", Hypotheses: hyp2}}}
	opt := Options{Bootstrap: 50}
	count := newFlipCtx(-1)
	if _, err := BuildContext(count, in, opt); err != nil {
		t.Fatal(err)
	}
	polls := count.calls.Load()
	if polls < 50 {
		t.Fatalf("only %d polls over the whole report", polls)
	}
	for _, at := range []int64{0, 1, polls / 8, polls / 4, polls / 2, 3 * polls / 4, polls - 1} {
		ctx := newFlipCtx(at)
		rep, err := BuildContext(ctx, in, opt)
		if !errors.Is(err, context.Canceled) || rep != nil {
			t.Fatalf("cancelled after %d of %d polls: report %v, err %v", at, polls, rep != nil, err)
		}
		if got := ctx.calls.Load(); got != at+1 {
			t.Errorf("cancelled after %d polls: the context was asked %d times", at, got)
		}
	}
	// An already cancelled standard context is reported as such.
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildContext(done, in, opt); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: err = %v", err)
	}
	if _, err := CorpusScoreContext(done, BLEU{}, hyp, [][]string{ref}, ""); !errors.Is(err, context.Canceled) {
		t.Fatalf("CorpusScoreContext: err = %v", err)
	}
	if _, err := CheckQAContext(done, src, hyp, QAOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("CheckQAContext: err = %v", err)
	}
}
