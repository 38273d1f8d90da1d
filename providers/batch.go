package providers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// InvalidAnswerError says a provider's answer to a batch cannot be used as a whole: not JSON,
// cut off (finish_reason "length"), the wrong number of translations, or IDs nobody asked for.
// SplitRetry answers it by asking again in smaller batches.
type InvalidAnswerError struct{ Reason string }

func (e *InvalidAnswerError) Error() string { return "invalid answer: " + e.Reason }

// CallFunc sends one batch and returns the translations as the provider gave them, IDs
// included; an *InvalidAnswerError when the answer as a whole is unusable; any other error
// ends the job.
type CallFunc func(ctx context.Context, segs []Segment) ([]Translation, error)

// SplitRetry translates segs through call, making sure every segment gets exactly one
// non-empty translation (empty only for an empty source) and never a misaligned one:
//
//   - an answer with IDs missing, duplicated or empty keeps its good translations and asks
//     again for the bad segments only;
//   - an unusable answer (InvalidAnswerError) is asked again as two halves, down to single
//     segments, which get maxTries tries before the job fails with *Error.
//
// Segments with empty text are answered "" without a call. The result is in segs order.
func SplitRetry(ctx context.Context, provider string, segs []Segment, maxTries int, call CallFunc) ([]Translation, error) {
	if maxTries <= 0 {
		maxTries = 3
	}
	seen := make(map[string]bool, len(segs))
	var todo []Segment
	got := make(map[string]string, len(segs))
	for _, s := range segs {
		if s.ID == "" || seen[s.ID] {
			return nil, fmt.Errorf("%s: segment IDs must be unique and non-empty (got %q twice or empty)", provider, s.ID)
		}
		seen[s.ID] = true
		if strings.TrimSpace(s.Text) == "" {
			got[s.ID] = s.Text
			continue
		}
		todo = append(todo, s)
	}
	r := &splitter{provider: provider, call: call, maxTries: maxTries, got: got, tries: map[string]int{}}
	if err := r.run(ctx, todo); err != nil {
		return nil, err
	}
	out := make([]Translation, len(segs))
	for i, s := range segs {
		out[i] = Translation{ID: s.ID, Text: got[s.ID]}
	}
	return out, nil
}

type splitter struct {
	provider string
	call     CallFunc
	maxTries int
	got      map[string]string
	tries    map[string]int
}

func (r *splitter) run(ctx context.Context, segs []Segment) error {
	for len(segs) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		ans, err := r.call(ctx, segs)
		var invalid *InvalidAnswerError
		if err != nil && !errors.As(err, &invalid) {
			return err
		}
		var bad []Segment
		if invalid == nil {
			bad, invalid = r.accept(segs, ans)
		}
		if invalid != nil {
			bad = segs
		}
		switch {
		case len(bad) == 0:
			return nil
		case len(bad) < len(segs):
			segs = bad // ask again for the bad ones only
		case len(segs) > 1:
			half := len(segs) / 2
			if err := r.run(ctx, segs[:half]); err != nil {
				return err
			}
			segs = segs[half:]
		default:
			id := segs[0].ID
			r.tries[id]++
			if r.tries[id] >= r.maxTries {
				why := "no usable translation"
				if invalid != nil {
					why = invalid.Reason
				}
				return &Error{Provider: r.provider, Message: fmt.Sprintf("segment %s: %s after %d tries; the model cannot handle it — try another model or shorten the segment", id, why, r.tries[id])}
			}
		}
	}
	return nil
}

// accept stores the good translations of ans and returns the segments still to do. Extra IDs
// make the whole answer suspect: a model that invents IDs may have shifted its answers.
func (r *splitter) accept(segs []Segment, ans []Translation) ([]Segment, *InvalidAnswerError) {
	if len(segs) == 1 && len(ans) == 1 && ans[0].ID != segs[0].ID {
		// One question, one answer: a garbled ID cannot misalign anything.
		ans = []Translation{{ID: segs[0].ID, Text: ans[0].Text}}
	}
	want := make(map[string]bool, len(segs))
	for _, s := range segs {
		want[s.ID] = true
	}
	count := make(map[string]int, len(ans))
	text := make(map[string]string, len(ans))
	for _, t := range ans {
		if !want[t.ID] {
			return nil, &InvalidAnswerError{Reason: fmt.Sprintf("an answer for ID %q, which was not asked for", t.ID)}
		}
		count[t.ID]++
		text[t.ID] = t.Text
	}
	var bad []Segment
	for _, s := range segs {
		if count[s.ID] != 1 || strings.TrimSpace(text[s.ID]) == "" {
			bad = append(bad, s)
			continue
		}
		r.got[s.ID] = text[s.ID]
	}
	return bad, nil
}

// MeteredCallFunc is one request of a driver: it counts its HTTP attempts in counter and
// reports what else it cost (characters, tokens).
type MeteredCallFunc func(ctx context.Context, segs []Segment, counter *Counter) ([]Translation, Usage, error)

// TranslateBatch is the body of a driver's Translate: SplitRetry over segs, with requests and
// retries counted, the usage of every call added up, a cancelled context reported as such, and
// every other error scrubbed of secret.
func TranslateBatch(ctx context.Context, provider string, segs []Segment, maxTries int, secret string, call MeteredCallFunc) ([]Translation, Usage, error) {
	var counter Counter
	ctx = WithCounter(ctx, &counter)
	var mu sync.Mutex
	var usage Usage
	out, err := SplitRetry(ctx, provider, segs, maxTries, func(ctx context.Context, segs []Segment) ([]Translation, error) {
		ts, u, err := call(ctx, segs, &counter)
		mu.Lock()
		usage.Add(u)
		mu.Unlock()
		return ts, err
	})
	counter.AddTo(&usage)
	if err != nil {
		if ctx.Err() != nil {
			return nil, usage, ctx.Err()
		}
		return nil, usage, ScrubError(err, secret)
	}
	return out, usage, nil
}
