package translate

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/tm"
)

// send translates one batch, enforces the glossary, stores the answers in the memory and marks
// the units done. A segment that gets no usable answer after every retry is recorded as failed
// and the rest of the batch goes on. With a memory that takes claims (Claimer), segments that
// another worker is translating are waited for instead of paid for again.
func (t *Translator) send(ctx context.Context, b *batch, tl *tally, rp *repeats, fl *failures) error {
	units := make([]*unitState, len(b.items))
	for i, it := range b.items {
		units[i] = it.u()
	}
	paraCtx := strings.Join(b.context, "\n\n")
	var failed []*unitState
	var err error
	fresh, again := units, []*unitState(nil)
	for i, u := range units {
		if u.again {
			if again == nil {
				fresh = append([]*unitState(nil), units[:i]...)
			}
			again = append(again, u)
		} else if again != nil {
			fresh = append(fresh, u)
		}
	}
	if len(fresh) > 0 {
		if cl, ok := t.Memory.(Claimer); ok && !t.Refresh {
			failed, err = t.payClaimed(ctx, cl, fresh, paraCtx, tl)
		} else {
			failed, err = t.pay(ctx, fresh, paraCtx, tl)
		}
		if err != nil {
			return err
		}
	}
	if len(again) > 0 {
		if err := t.repairHits(ctx, again, tl); err != nil {
			return err
		}
	}
	if len(failed) > 0 {
		fs := make([]Failure, 0, len(failed))
		for _, it := range b.items {
			if u := it.u(); u.failed != nil && u.reportFailure() {
				fs = append(fs, it.doc.failure(u))
			}
		}
		tl.update(func(s *Stats) { s.Failed += len(fs) })
		if err := fl.add(fs); err != nil {
			return err
		}
	}
	resolved := map[*job]int{}
	for _, it := range b.items {
		resolved[it.doc]++
	}
	fs, done := rp.answered(units, resolved)
	if len(fs) > 0 || done > 0 {
		tl.update(func(s *Stats) { s.Failed += len(fs); s.RepeatsDone += done })
	}
	if len(fs) > 0 {
		if err := fl.add(fs); err != nil {
			return err
		}
	}
	for j, n := range resolved {
		j.resolve(n)
	}
	return nil
}

// payClaimed is pay for a memory shared with other workers: the units' keys are claimed first;
// those the memory answers by now are taken from it, those this worker owns are paid for, and
// those another worker holds are awaited (and paid for here only if that worker gives up or
// dies). Leases that no store ended (failures, suspect answers, a stop) are given back.
func (t *Translator) payClaimed(ctx context.Context, cl Claimer, units []*unitState, paraCtx string, tl *tally) ([]*unitState, error) {
	base := t.runKey()
	keys := make([]tm.Key, len(units))
	for i, u := range units {
		keys[i] = t.key(base, u)
	}
	states, targets, err := cl.Claim(ctx, keys)
	if err != nil {
		return nil, &MemoryError{Err: err}
	}
	var owned []tm.Key
	defer func() {
		if len(owned) > 0 {
			cl.Release(context.WithoutCancel(ctx), owned)
		}
	}()
	var failed []*unitState
	for round := 0; ; round++ {
		var mine, held []int
		for i, st := range states {
			switch st {
			case tm.ClaimAnswered:
				t.fromMemory(units[i], targets[i], tl)
			case tm.ClaimOwned:
				mine = append(mine, i)
				owned = append(owned, keys[i])
			case tm.ClaimHeld:
				held = append(held, i)
			}
		}
		if len(mine) > 0 {
			pay := make([]*unitState, len(mine))
			for j, i := range mine {
				pay[j] = units[i]
			}
			f, err := t.pay(ctx, pay, paraCtx, tl)
			if err != nil {
				return nil, err
			}
			failed = append(failed, f...)
			// Give back at once what was not stored (failed or suspect answers), before
			// waiting below: a worker waiting for those keys may hold the ones awaited here.
			if err := cl.Release(context.WithoutCancel(ctx), owned); err != nil {
				return nil, &MemoryError{Err: err}
			}
			owned = owned[:0]
		}
		if len(held) == 0 || round > 0 {
			return failed, nil
		}
		// Wait for the units other workers hold; AwaitClaims returns none held.
		heldKeys := make([]tm.Key, len(held))
		heldUnits := make([]*unitState, len(held))
		for j, i := range held {
			heldKeys[j], heldUnits[j] = keys[i], units[i]
		}
		if states, targets, err = cl.AwaitClaims(ctx, heldKeys); err != nil {
			return nil, &MemoryError{Err: err}
		}
		keys, units = heldKeys, heldUnits
	}
}

// fromMemory gives u the translation another worker stored while this one waited.
func (t *Translator) fromMemory(u *unitState, target string, tl *tally) {
	u.target, u.tmHit = fromMemoryText(u, target), true
	u.violations = t.check(u)
	if u.split == nil { // a piece's sentence was counted when it was read
		tl.update(func(s *Stats) { s.TMHits++ })
	}
}

// pay asks for units, checks and repairs the answers and stores in the memory what was paid
// for. It returns the units that got no usable answer.
func (t *Translator) pay(ctx context.Context, units []*unitState, paraCtx string, tl *tally) ([]*unitState, error) {
	failed, err := t.askIsolating(ctx, units, paraCtx, tl)
	if err != nil {
		return nil, err
	}
	good := units
	if len(failed) > 0 {
		good = make([]*unitState, 0, len(units))
		for _, u := range units {
			if u.failed == nil {
				good = append(good, u)
			}
		}
	}
	for _, u := range good {
		u.violations = t.check(u)
		if u.suspect != "" {
			u.violations = append(u.violations, qa.NewFlag(Suspect, u.suspect, qa.Location{}))
		}
	}
	translated := 0
	for _, u := range good {
		if u.countTranslated() {
			translated++
		}
	}
	tl.update(func(s *Stats) { s.Translated += translated })

	repairErr := t.repair(ctx, good, tl)

	// Store what was paid for, even when the run is being cancelled: a rerun must not ask again.
	// A segment whose repair was interrupted is not stored, so that a rerun repairs it.
	var keys []tm.Key
	var texts []string
	base := t.runKey()
	for _, u := range good {
		if repairErr != nil && len(u.violations) > 0 || u.suspect != "" {
			continue
		}
		keys = append(keys, t.storeKey(base, u))
		texts = append(texts, memoryText(u))
	}
	if t.Memory != nil && len(keys) > 0 {
		if err := t.Memory.StoreMany(context.WithoutCancel(ctx), keys, texts); err != nil {
			return nil, &MemoryError{Err: err}
		}
	}
	if repairErr != nil {
		return nil, repairErr
	}
	return failed, nil
}

// repairHits puts memory hits with glossary violations (see markAgain) through the repair
// rounds, and stores an answer with fewer violations in place of the one the memory held. The
// memory is not claimed for them: it has their answer already.
func (t *Translator) repairHits(ctx context.Context, units []*unitState, tl *tally) error {
	old := make([]string, len(units))
	for i, u := range units {
		old[i] = u.target
	}
	repairErr := t.repair(ctx, units, tl)
	var keys []tm.Key
	var texts []string
	base := t.runKey()
	replaced := 0
	for i, u := range units {
		if u.target == old[i] {
			continue
		}
		u.tmHit = false // the answer is this run's
		if u.split == nil {
			replaced++
		}
		keys = append(keys, t.storeKey(base, u))
		texts = append(texts, memoryText(u))
	}
	if replaced > 0 {
		tl.update(func(s *Stats) { s.TMHits -= replaced; s.Translated += replaced })
	}
	if len(keys) > 0 {
		// Stored even when the run is being cancelled: it was paid for, and it is better.
		if err := t.Memory.StoreMany(context.WithoutCancel(ctx), keys, texts); err != nil {
			return &MemoryError{Err: err}
		}
	}
	return repairErr
}

// askIsolating asks for units and sets their targets. When the request fails in a way that may
// be due to some of its segments, it asks again in halves, down to single segments: those that
// still fail get their error in failed (and the returned list) instead of ending the run.
func (t *Translator) askIsolating(ctx context.Context, units []*unitState, context string, tl *tally) ([]*unitState, error) {
	targets, suspects, err := t.ask(ctx, units, context, nil, tl)
	if err == nil {
		for i, u := range units {
			u.target, u.suspect = targets[i], suspects[i]
		}
		return nil, nil
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var partial *partialAnswer
	if errors.As(err, &partial) {
		var failed []*unitState
		for i, u := range units {
			if partial.failed[i] {
				u.failed = partial.err
				failed = append(failed, u)
			} else {
				u.target, u.suspect = targets[i], suspects[i]
			}
		}
		return failed, nil
	}
	if !isolatable(err) {
		return nil, err
	}
	if len(units) == 1 {
		units[0].failed = err
		return units, nil
	}
	half := len(units) / 2
	a, err := t.askIsolating(ctx, units[:half], context, tl)
	if err != nil {
		return nil, err
	}
	b, err := t.askIsolating(ctx, units[half:], context, tl)
	if err != nil {
		return nil, err
	}
	return append(a, b...), nil
}

// ask sends one request for units and returns their translations in order, and for each the
// provider's reason to doubt it ("" when there is none).
func (t *Translator) ask(ctx context.Context, units []*unitState, context string, feedback map[int]string, tl *tally) ([]string, []string, error) {
	req := &providers.Request{
		Segments:   make([]providers.Segment, len(units)),
		SourceLang: t.srcLang(),
		TargetLang: t.tgtLang(),
		Context:    context,
	}
	seen := map[providers.Term]bool{}
	sendTerms := t.mode() == GlossaryPrompt || t.mode() == GlossaryMask
	for i, u := range units {
		id := strconv.Itoa(i + 1)
		req.Segments[i] = providers.Segment{ID: id, Text: requestText(u), Note: u.note}
		for _, term := range u.terms {
			if !sendTerms {
				break
			}
			if !seen[term] {
				seen[term] = true
				req.Terms = append(req.Terms, term)
			}
		}
		if msg, ok := feedback[i]; ok {
			if req.Feedback == nil {
				req.Feedback = map[string]string{}
			}
			req.Feedback[id] = msg
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err // stopping: no new request
	}
	if rs, ok := t.Memory.(RateSharer); ok {
		tokens := EstimateTokens(context)
		for _, seg := range req.Segments {
			tokens += EstimateTokens(seg.Text) + segmentOverheadTokens
		}
		if err := rs.WaitRate(ctx, 1, tokens); err != nil {
			return nil, nil, err
		}
	}
	rctx, done := inflight(ctx)
	resp, err := t.Provider.Translate(rctx, req)
	done()
	if resp != nil {
		tl.update(func(s *Stats) { s.Batches++; s.Usage.Add(resp.Usage) })
	}
	var partial *partialAnswer
	if err != nil {
		ids := providers.FailedIDs(err)
		if ids == nil || resp == nil {
			return nil, nil, err
		}
		// Some segments failed for good and the rest were answered: the answers are kept (they
		// are paid for) and only the failed segments fail; asking the batch again in parts would
		// buy the good answers again.
		partial = &partialAnswer{failed: map[int]bool{}, err: err}
		for _, id := range ids {
			if n, cerr := strconv.Atoi(id); cerr == nil && n >= 1 && n <= len(units) {
				partial.failed[n-1] = true
			}
		}
	}
	byID := make(map[string]providers.Translation, len(resp.Translations))
	for _, tr := range resp.Translations {
		if _, dup := byID[tr.ID]; dup {
			return nil, nil, fmt.Errorf("%s: answer has segment %q twice", t.Provider.Name(), tr.ID)
		}
		byID[tr.ID] = tr
	}
	out := make([]string, len(units))
	suspects := make([]string, len(units))
	for i, seg := range req.Segments {
		if partial != nil && partial.failed[i] {
			continue
		}
		tr, ok := byID[seg.ID]
		if !ok {
			return nil, nil, fmt.Errorf("%s: answer lacks segment %q", t.Provider.Name(), seg.ID)
		}
		out[i], suspects[i] = fromMemoryText(units[i], tr.Text), tr.Suspect
	}
	if partial == nil && len(byID) != len(units) {
		return nil, nil, fmt.Errorf("%s: answer has %d segments, asked for %d", t.Provider.Name(), len(byID), len(units))
	}
	chars := 0
	for i, seg := range req.Segments {
		if partial == nil || !partial.failed[i] {
			chars += utf8.RuneCountInString(seg.Text)
		}
	}
	tl.update(func(s *Stats) { s.Characters += chars })
	if partial != nil {
		return out, suspects, partial
	}
	return out, suspects, nil
}

// partialAnswer is ask's error when the provider answered some of the segments and gave up on
// the others (failed, by index): the answered ones are in ask's results.
type partialAnswer struct {
	failed map[int]bool
	err    error
}

func (e *partialAnswer) Error() string { return e.err.Error() }
func (e *partialAnswer) Unwrap() error { return e.err }

// InflightGrace is how long a request already sent may still take after the run is stopped
// (Ctrl-C): its answer is paid for either way, and storing it spares the rerun the request. It
// stays under the second in which every command must stop.
const InflightGrace = 400 * time.Millisecond

// inflight is ctx for one request: cancelled InflightGrace after ctx is.
func inflight(ctx context.Context) (context.Context, context.CancelFunc) {
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var timer *time.Timer
	var mu sync.Mutex
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		timer = time.AfterFunc(InflightGrace, cancel)
		mu.Unlock()
	})
	return rctx, func() {
		stop()
		mu.Lock()
		if timer != nil {
			timer.Stop()
		}
		mu.Unlock()
		cancel()
	}
}
