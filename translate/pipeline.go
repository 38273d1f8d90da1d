package translate

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// Run translates documents and hands each one, complete and in input order, to sink. It returns
// the totals and the first error: a document error from docs, a provider error (after the
// provider's own retries), a sink error, or the context's error when cancelled. Translations
// already received are in the memory whatever happens.
//
// Without a Provider, Run translates from the memory only and fails with ErrNoProvider as soon
// as a segment is not there; use Plan first to know.
func (t *Translator) Run(ctx context.Context, docs iter.Seq2[*segment.Document, error], sink func(*Result) error) (Stats, error) {
	tl := &tally{start: time.Now(), progress: t.Progress}
	g, gctx := errgroup.WithContext(ctx)

	window := t.window()
	sem := semaphore.NewWeighted(window)
	order := make(chan *job, window)
	batches := make(chan *batch)

	for range t.concurrency() {
		g.Go(func() error {
			for b := range batches {
				if err := t.send(gctx, b, tl); err != nil {
					return err
				}
			}
			return nil
		})
	}

	g.Go(func() error {
		defer close(batches)
		defer close(order)
		dispatch := func(b *batch) error {
			if b == nil {
				return nil
			}
			if t.Provider == nil {
				return fmt.Errorf("%w: %d segments are not in the translation memory", ErrNoProvider, len(b.items))
			}
			select {
			case batches <- b:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return t.read(gctx, docs, tl, func(j *job) error {
			w := min(max(1, int64(len(j.units))), window)
			j.weight = w
			if !sem.TryAcquire(w) {
				return errWouldBlock
			}
			order <- j
			return nil
		}, func(j *job) error {
			if err := sem.Acquire(gctx, j.weight); err != nil {
				return err
			}
			order <- j
			return nil
		}, dispatch)
	})

	g.Go(func() error {
		for j := range order {
			select {
			case <-j.done:
			case <-gctx.Done():
				return gctx.Err()
			}
			res, err := t.result(j)
			if err != nil {
				return err
			}
			if err := sink(res); err != nil {
				return err
			}
			violations := 0
			for _, p := range res.Pairs {
				violations += len(p.Violations)
			}
			tl.update(func(s *Stats) { s.Documents++; s.Violations += violations })
			sem.Release(j.weight)
		}
		return nil
	})

	err := g.Wait()
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	return tl.snapshot(), err
}

var errWouldBlock = errors.New("would block")

// read turns documents into jobs, looks their units up in the memory and feeds the misses to the
// batcher. admit tries to hold window room for a job without blocking; wait holds it blocking.
// Before blocking, the partial batch is sent: the documents holding the window may be waiting
// for exactly those units.
func (t *Translator) read(ctx context.Context, docs iter.Seq2[*segment.Document, error], tl *tally,
	admit, wait func(*job) error, dispatch func(*batch) error) error {
	bt := newBatcher(t.capabilities())
	index := 0
	for doc, err := range docs {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		j := t.newJob(index, doc)
		index++
		misses, err := t.lookup(ctx, j)
		if err != nil {
			return err
		}
		terms := 0
		for i := range j.units {
			terms += len(j.units[i].terms)
		}
		tl.update(func(s *Stats) {
			s.Segments += len(j.units)
			s.TMHits += len(j.units) - len(misses)
			s.Terms += terms
		})
		j.pending.Store(int64(len(misses)))
		if len(misses) == 0 {
			close(j.done)
		}
		if err := admit(j); errors.Is(err, errWouldBlock) {
			if err := dispatch(bt.flush()); err != nil {
				return err
			}
			if err := wait(j); err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		for _, ui := range misses {
			if full := bt.add(item{doc: j, unit: ui}); full != nil {
				if err := dispatch(full); err != nil {
					return err
				}
			}
		}
	}
	return dispatch(bt.flush())
}

// lookup fills memory hits and returns the indices of the units still to translate.
func (t *Translator) lookup(ctx context.Context, j *job) ([]int, error) {
	all := make([]int, len(j.units))
	for i := range all {
		all[i] = i
	}
	if t.Memory == nil || t.Refresh || len(j.units) == 0 {
		return all, nil
	}
	keys := make([]tm.Key, len(j.units))
	for i := range j.units {
		keys[i] = j.units[i].key
	}
	targets, ok, err := t.Memory.LookupMany(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("translation memory: %w", err)
	}
	var misses []int
	for i := range j.units {
		if ok[i] {
			u := &j.units[i]
			u.target, u.tmHit = targets[i], true
			u.violations = t.check(u)
			continue
		}
		misses = append(misses, i)
	}
	return misses, nil
}
