package providers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// InvalidAnswerError says a provider's answer to a batch cannot be used as a whole: not JSON,
// cut off (finish_reason "length"), the wrong number of translations. SplitRetry answers it by
// asking again in smaller batches, unless the same failure keeps coming back.
type InvalidAnswerError struct {
	Reason string
	// CutOff marks an answer that stopped at the model's output limit: a smaller batch is the
	// cure, so halving goes on as long as batches shrink.
	CutOff bool
}

func (e *InvalidAnswerError) Error() string { return "invalid answer: " + e.Reason }

// SegmentsFailedError is a batch's failure that concerns some of its segments only: each got
// no usable translation after every try, while the other segments were answered. Translate
// returns it (behind a *Error) together with a Response holding the other translations and
// the usage of every request, so that a caller can keep them and mark only IDs as failed.
type SegmentsFailedError struct {
	IDs    []string // in request order
	Reason string   // the last failure of the first of them
	Tries  int
}

func (e *SegmentsFailedError) Error() string {
	ids := e.IDs
	more := ""
	if len(ids) > 5 {
		ids, more = ids[:5], fmt.Sprintf(" and %d more", len(e.IDs)-5)
	}
	what := "segment "
	if len(e.IDs) > 1 {
		what = "segments "
	}
	tries := fmt.Sprintf("after %d tries", e.Tries)
	if e.Tries == 1 {
		tries = "at the first try"
	}
	return fmt.Sprintf("%s%s%s: %s %s", what, strings.Join(ids, ", "), more, e.Reason, tries)
}

// FailedIDs returns the IDs err names as failed on their own (a *SegmentsFailedError in its
// chain), or nil when err is a failure of the whole request.
func FailedIDs(err error) []string {
	var sf *SegmentsFailedError
	if errors.As(err, &sf) {
		return sf.IDs
	}
	return nil
}

// CallFunc sends one batch and returns the translations as the provider gave them, IDs
// included; an *InvalidAnswerError when the answer as a whole is unusable; any other error
// ends the job.
type CallFunc func(ctx context.Context, segs []Segment) ([]Translation, error)

// maxSameFailures is how many unusable answers of the same kind in a row, on batches that do
// not share a segment, SplitRetry takes for a server or model that answers every request that
// way (an answer that is never JSON, answers without IDs): asking smaller batches would only
// pay for the same failure again.
const maxSameFailures = 3

// SplitRetry translates segs through call, making sure every segment gets exactly one
// non-empty translation (empty only for an empty source) and never a misaligned one:
//
//   - an answer keeps its translations that validated (an ID asked for, once, non-empty);
//     segments missing, duplicated or empty are asked again, alone or together; answers for
//     IDs nobody asked for are ignored;
//   - an unusable answer (InvalidAnswerError, or no usable translation at all) is asked again
//     as two halves, both halves before any of their halves, down to single segments, which get
//     maxTries tries;
//   - the same failure maxSameFailures times in a row on batches without a segment in common
//     is the server's or model's, not a segment's: the job fails with a *Error whose cause is a
//     *GaveUpError, without asking further.
//
// A segment that still has no translation after its tries does not end the batch: the others
// are asked, and the result holds every translation obtained (in segs order) with a *Error
// whose cause is a *SegmentsFailedError naming the failed IDs. Segments with empty text are
// answered "" without a call. Without an error, the result is one translation per segment in
// segs order.
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
	r := &splitter{provider: provider, call: call, maxTries: maxTries, got: got, failed: map[string]string{}}
	err := r.run(ctx, todo)
	var out []Translation
	for _, s := range segs {
		if t, ok := got[s.ID]; ok {
			out = append(out, Translation{ID: s.ID, Text: t})
		}
	}
	if err != nil {
		return out, err
	}
	if len(r.failed) > 0 {
		sf := &SegmentsFailedError{Tries: maxTries}
		for _, s := range segs {
			if why, ok := r.failed[s.ID]; ok {
				if sf.Reason == "" {
					sf.Reason = why
				}
				sf.IDs = append(sf.IDs, s.ID)
			}
		}
		return out, &Error{Provider: provider, Message: "the model gave no usable translation for some segments — try another model or shorten them", Err: sf}
	}
	return out, nil
}

type splitter struct {
	provider string
	call     CallFunc
	maxTries int
	got      map[string]string
	failed   map[string]string // segment ID → why, for segments that ran out of tries
	// streak is the run of consecutive requests that failed the same way (kind), with the
	// segment IDs of each.
	kind   string
	streak [][]Segment
	// probes are the segments asked alone, as well as in their batches, once the streak looks
	// like the server's (see note); good is a segment answered already, the best probe.
	probes map[string]bool
	good   *Segment
}

func (r *splitter) run(ctx context.Context, segs []Segment) error {
	queue := [][]Segment{segs}
	for len(queue) > 0 {
		batch := queue[0]
		queue = queue[1:]
		// A probe may have answered a segment of a batch queued before it.
		batch = slices.DeleteFunc(slices.Clone(batch), func(s Segment) bool { _, ok := r.got[s.ID]; return ok })
		if len(batch) == 0 {
			continue
		}
		probe := len(batch) == 1 && r.probes[batch[0].ID]
		for tries := 1; ; tries++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			ans, err := r.call(ctx, batch)
			var invalid *InvalidAnswerError
			if err != nil && !errors.As(err, &invalid) {
				return err
			}
			var bad []Segment
			why := ""
			if invalid == nil {
				bad = r.accept(batch, ans)
				why = "no usable translation"
			} else {
				bad, why = batch, invalid.Reason
			}
			if len(bad) < len(batch) {
				// Something came through: not a systematic failure.
				r.kind, r.streak, r.probes = "", nil, nil
				for i := range batch {
					if _, ok := r.got[batch[i].ID]; ok {
						r.good = &batch[i]
						break
					}
				}
				if len(bad) > 0 && !probe {
					queue = append(queue, bad) // ask again for the bad ones only
				}
				break
			}
			// Nothing usable came back.
			if invalid == nil || !invalid.CutOff || len(batch) == 1 {
				if err := r.note(why, batch, &queue); err != nil {
					return err
				}
			}
			if probe {
				break // the segment is still in its batch
			}
			if len(batch) > 1 {
				half := len(batch) / 2
				queue = append(queue, batch[:half], batch[half:])
				break
			}
			if tries >= r.maxTries {
				r.failed[batch[0].ID] = why
				break
			}
		}
	}
	return nil
}

// note adds a failed request to the streak of identical failures and returns the error that
// ends the job when the streak shows a failure that does not depend on the segments.
//
// Batches that share no segment failing alike are either the server's doing (every request
// fails) or each holds a segment the model will not translate: two such segments in a batch put
// one in each half, and both halves fail. Before giving up, note asks for a segment alone (queue
// gets it first): one answered already if there is one, else the first and the last of the work
// left, both of which rarely are among the few bad ones. Only when every probe fails the same
// way is the failure the server's.
func (r *splitter) note(why string, batch []Segment, queue *[][]Segment) error {
	kind := failureKind(why)
	if kind != r.kind {
		r.kind, r.streak, r.probes = kind, nil, nil
	}
	if len(batch) == 1 && r.probes[batch[0].ID] {
		delete(r.probes, batch[0].ID)
		r.streak = append(r.streak, batch)
		if len(r.probes) > 0 {
			return nil
		}
		return r.gaveUp(why)
	}
	r.streak = append(r.streak, batch)
	if len(r.streak) < maxSameFailures || r.probes != nil {
		return nil
	}
	disjoint := false
	for i, a := range r.streak {
		for _, b := range r.streak[:i] {
			if !sharesSegment(a, b) {
				disjoint = true
			}
		}
	}
	if !disjoint && len(r.streak) < 2*maxSameFailures {
		return nil // one segment the model cannot handle: its own tries decide
	}
	var probes []Segment
	if r.good != nil {
		probes = []Segment{*r.good}
	} else {
		left := slices.Clone(batch)
		for _, q := range *queue {
			left = append(left, q...)
		}
		probes = []Segment{left[0]}
		if last := left[len(left)-1]; last.ID != left[0].ID {
			probes = append(probes, last)
		}
	}
	r.probes = map[string]bool{}
	var front [][]Segment
	for _, p := range probes {
		if len(batch) == 1 && batch[0].ID == p.ID {
			continue // failing alone already: no probe
		}
		r.probes[p.ID] = true
		front = append(front, []Segment{p})
	}
	if len(front) == 0 {
		return r.gaveUp(why)
	}
	*queue = append(front, *queue...)
	return nil
}

// gaveUp is the error that ends the job after the streak of identical failures.
func (r *splitter) gaveUp(why string) error {
	n := len(r.streak)
	return &Error{
		Provider: r.provider,
		Message:  fmt.Sprintf("%d answers in a row were unusable the same way, whatever the segments: the server or model answers every request like this — check --base-url and --model (not asked further)", n),
		Err:      &GaveUpError{Attempts: n, Err: &InvalidAnswerError{Reason: why}},
	}
}

// failureKind is why without its details (what follows a colon, numbers), so that the same
// failure on different batches compares equal.
func failureKind(why string) string {
	if i := strings.IndexByte(why, ':'); i >= 0 {
		why = why[:i]
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, why)
}

func sharesSegment(a, b []Segment) bool {
	for _, x := range a {
		for _, y := range b {
			if x.ID == y.ID {
				return true
			}
		}
	}
	return false
}

// accept stores the good translations of ans and returns the segments still to do. Answers
// for IDs nobody asked for are ignored: the asked-for ones are checked on their own, and the
// shift check of Wrap catches answers that moved.
func (r *splitter) accept(segs []Segment, ans []Translation) []Segment {
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
			continue
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
	return bad
}

// MeteredCallFunc is one request of a driver: it counts its HTTP attempts in counter and
// reports what else it cost (characters, tokens).
type MeteredCallFunc func(ctx context.Context, segs []Segment, counter *Counter) ([]Translation, Usage, error)

// TranslateBatch is the body of a driver's Translate: SplitRetry over segs, with requests,
// retries and characters counted for every HTTP request sent (failed or not), the usage of
// every call added up, a cancelled context reported as such, and every other error scrubbed of
// secret. The usage is complete whatever the error; with a *SegmentsFailedError the
// translations of the other segments come back too (see SplitRetry).
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
		if FailedIDs(err) == nil {
			out = nil
		}
		return out, usage, ScrubError(err, secret)
	}
	return out, usage, nil
}
