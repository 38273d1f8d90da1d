package translate

import (
	"context"
	"errors"
	"fmt"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/qa"
	"iter"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/bitext/bitext/providers"
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
//
// A large document is worked on a piece at a time but handed to sink whole; RunInputs hands
// over the pieces as they are done, so that neither the input nor the output is ever held whole.
func (t *Translator) Run(ctx context.Context, docs iter.Seq2[*segment.Document, error], sink func(*Result) error) (Stats, error) {
	if docs == nil || sink == nil {
		return Stats{}, errNilRun
	}
	return t.run(ctx, wholeDocs(docs), true, sink)
}

// RunInputs is Run for documents read block by block. Each document reaches sink as one or more
// Results in order, all with the document's Index: Part counts them from 0, FirstBlock is the
// document position of the piece's first block, Final marks the last. Memory is bounded by the
// window, not by the size of a document: a piece holds a few hundred segments.
func (t *Translator) RunInputs(ctx context.Context, ins iter.Seq2[Input, error], sink func(*Result) error) (Stats, error) {
	if ins == nil || sink == nil {
		return Stats{}, errNilRun
	}
	return t.run(ctx, inputs(ins), false, sink)
}

// errNilRun: the documents and the sink are called from the run's goroutines, where a nil
// would panic past any recover of the caller's.
var errNilRun = errors.New("translate: a run needs documents and a sink, not nil")

func (t *Translator) run(ctx context.Context, srcs iter.Seq2[source, error], whole bool, sink func(*Result) error) (Stats, error) {
	if t.mode() == GlossaryNative && t.Provider != nil && !t.Provider.Capabilities().NativeGlossary {
		return Stats{}, ErrNoNativeGlossary
	}
	tl := &tally{start: time.Now(), progress: t.Progress}
	fl := &failures{}
	rp := &repeats{fl: fl}
	g, gctx := errgroup.WithContext(ctx)

	window := t.window()
	sem := semaphore.NewWeighted(window)
	order := make(chan *job, window)
	batches := make(chan *batch)

	for range t.concurrency() {
		g.Go(func() error {
			for b := range batches {
				if err := t.send(gctx, b, tl, rp, fl); err != nil {
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
		queue := func(j *job) error {
			select {
			case order <- j:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return t.read(gctx, srcs, tl, rp, false, func(j *job) error {
			w := min(max(1, int64(len(j.units))), window)
			j.weight = w
			if !sem.TryAcquire(w) {
				return errWouldBlock
			}
			return queue(j)
		}, func(j *job) error {
			if err := sem.Acquire(gctx, j.weight); err != nil {
				return err
			}
			return queue(j)
		}, dispatch)
	})

	g.Go(func() error {
		var acc *Result // the pieces of a document so far, when documents go to sink whole
		for j := range order {
			select {
			case <-j.done:
			case <-gctx.Done():
				return gctx.Err()
			}
			res, err := t.result(gctx, j, whole)
			if err != nil {
				return err
			}
			violations, suspects, untranslated := 0, 0, 0
			for _, p := range res.Pairs {
				violations += len(p.Findings)
				for _, v := range p.Findings {
					if v.Kind == Suspect {
						suspects++
						if untranslatedReason(v.Message) {
							untranslated++
						}
						break
					}
				}
			}
			if whole {
				if acc == nil {
					acc = res
				} else {
					acc.Blocks = append(acc.Blocks, res.Blocks...)
					acc.Pairs = append(acc.Pairs, res.Pairs...)
				}
				res = acc
				if j.final {
					acc = nil
				}
			}
			if j.final || !whole {
				if err := sink(res); err != nil {
					return err
				}
			}
			tl.update(func(s *Stats) {
				if j.final {
					s.Documents++
				}
				s.Violations += violations
				s.Suspects += suspects
				s.Untranslated += untranslated
			})
			sem.Release(j.weight)
		}
		return nil
	})

	err := g.Wait()
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err == nil {
		err = fl.err()
	}
	return tl.snapshot(), err
}

var errWouldBlock = errors.New("would block")

// lookupUnits is how many units are looked up in the memory at once. Short documents are looked
// up together, so that a folder of 5,000 small articles costs 200 memory queries, not 5,000.
const lookupUnits = 512

// pieceBytes bounds the text of a piece of a document read from an Input, whatever its units.
const pieceBytes = 1 << 20

// pieceUnits is how many units a piece of a document holds at most (unless one block has more):
// a quarter of the window, so that pieces of one document are in flight together.
func (t *Translator) pieceUnits() int { return max(256, int(t.window()/4)) }

// read turns documents into jobs, looks their units up in the memory and feeds the misses to the
// batcher, each distinct segment once (repeats). admit tries to hold window room for a job
// without blocking; wait holds it blocking. Before blocking, the partial batch is sent: the
// documents holding the window may be waiting for exactly those units. planning says nothing
// will be sent.
func (t *Translator) read(ctx context.Context, srcs iter.Seq2[source, error], tl *tally, rp *repeats, planning bool,
	admit, wait func(*job) error, dispatch func(*batch) error) error {
	bt := newBatcher(t.capabilities())
	base := t.runKey()
	var pending []*job
	npending := 0
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := t.lookup(ctx, base, pending); err != nil {
			return err
		}
		// Sentences over the request limits that the memory lacks whole go out in pieces,
		// each looked up (and later stored) on its own.
		var pieces []*unitState
		for _, j := range pending {
			if t.splitOversize(j) {
				for i := range j.units {
					if j.units[i].split != nil {
						pieces = append(pieces, &j.units[i])
					}
				}
			}
		}
		if err := t.lookupUnits(ctx, base, pieces); err != nil {
			return err
		}
		if !planning {
			if err := t.markAgain(ctx, base, pending); err != nil {
				return err
			}
		}
		for _, j := range pending {
			if err := ctx.Err(); err != nil {
				return err
			}
			pending, failed, repeatsDone, err := t.classify(rp, j, planning)
			if err != nil {
				return err
			}
			// Counts are of sentences: the pieces of a split one are one segment, a TM hit
			// when the memory had all of them, a repeat when none is sent.
			segments, hits, repeats, terms := 0, 0, 0, 0
			for i := 0; i < len(j.units); {
				n := 1
				if sp := j.units[i].split; sp != nil {
					n = int(sp.pieces)
				}
				hit, led := true, false
				for k := i; k < i+n; k++ {
					u := &j.units[k]
					terms += len(u.terms)
					hit = hit && u.tmHit
					led = led || u.lead != nil
				}
				segments++
				switch {
				case hit:
					hits++
				case !led:
					repeats++
				}
				i += n
			}
			tl.update(func(s *Stats) {
				s.Segments += segments
				s.TMHits += hits
				s.Repeats += repeats
				s.RepeatsDone += repeatsDone
				s.Failed += failed
				s.Terms += terms
			})
			if pending == 0 { // nothing of j is sent or waited for: no one else can resolve it
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
			for ui := range j.units {
				if j.units[ui].lead == nil {
					continue
				}
				if full := bt.add(item{doc: j, unit: ui}); full != nil {
					if err := dispatch(full); err != nil {
						return err
					}
				}
			}
		}
		clear(pending)
		pending, npending = pending[:0], 0
		return nil
	}
	emit := func(j *job) error {
		pending = append(pending, j)
		npending += len(j.units)
		if npending >= lookupUnits {
			return flush()
		}
		return nil
	}
	index := 0
	for src, err := range srcs {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := t.pieces(ctx, index, src, emit); err != nil {
			return err
		}
		index++
	}
	if err := flush(); err != nil {
		return err
	}
	return dispatch(bt.flush())
}

// pieces cuts a document into jobs of at most pieceUnits units (whole blocks each) and hands
// them to emit in order.
func (t *Translator) pieces(ctx context.Context, index int, src source, emit func(*job) error) error {
	limit := t.pieceUnits()
	j := &job{index: index, doc: src.doc, done: make(chan struct{})}
	if d := src.doc; d != nil {
		j.name, j.format, j.lang, j.form = d.Name, d.Format, d.Lang, d.Form
	} else {
		j.name, j.format, j.lang, j.tagged, j.form, j.codes = src.in.Name, src.in.Format, src.in.Lang, src.in.Tagged, src.in.Form, src.in.codes
	}
	size := 0
	// next starts the following piece once the current one is full, so that the last piece of
	// a document is never empty.
	next := func() error {
		if len(j.units) < limit && size < pieceBytes {
			return nil
		}
		cur := j
		j = &job{index: index, part: cur.part + 1, first: cur.first + len(cur.blocks), doc: cur.doc,
			name: cur.name, format: cur.format, lang: cur.lang, tagged: cur.tagged, form: cur.form, codes: cur.codes, done: make(chan struct{})}
		size = 0
		return emit(cur)
	}
	if d := src.doc; d != nil {
		for bi := range d.Blocks {
			if err := next(); err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			j.blocks = d.Blocks[j.first : bi+1]
			size += len(d.Blocks[bi].Text)
			t.addBlock(j, len(j.blocks)-1)
		}
	} else if src.in.Blocks != nil {
		for b, err := range src.in.Blocks {
			if err != nil {
				return err
			}
			if err := next(); err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			j.blocks = append(j.blocks, b)
			size += len(b.Text)
			t.addBlock(j, len(j.blocks)-1)
		}
	}
	j.final = true
	return emit(j)
}

// lookup fills memory hits of the units of jobs, with one LookupMany for all of them. A
// Refresh run translates again whatever the memory holds, except what people reviewed: a
// memory that tells those apart (LookupReviewedMany) still answers with them.
func (t *Translator) lookup(ctx context.Context, base *tm.Key, jobs []*job) error {
	if t.Memory == nil {
		return nil
	}
	var units []*unitState
	for _, j := range jobs {
		for i := range j.units {
			units = append(units, &j.units[i])
		}
	}
	return t.lookupUnits(ctx, base, units)
}

// lookupUnits fills the memory hits of units, with one LookupMany.
func (t *Translator) lookupUnits(ctx context.Context, base *tm.Key, units []*unitState) error {
	if t.Memory == nil || len(units) == 0 {
		return nil
	}
	lookupMany := t.Memory.LookupMany
	if t.Refresh {
		reviewed, ok := t.Memory.(interface {
			LookupReviewedMany(ctx context.Context, ks []tm.Key) ([]string, []bool, error)
		})
		if !ok {
			return nil
		}
		lookupMany = reviewed.LookupReviewedMany
	}
	keys := make([]tm.Key, len(units))
	for i, u := range units {
		keys[i] = t.key(base, u)
	}
	// Which answers people made, where the memory says so (tm.DB does): reviewed entries, the
	// only ones a refresh looks up, always are.
	people := make([]bool, len(units))
	byPeople, tells := t.Memory.(interface {
		LookupManyByPeople(ctx context.Context, ks []tm.Key) ([]string, []bool, []bool, error)
	})
	var targets []string
	var ok []bool
	var err error
	switch {
	case t.Refresh:
		targets, ok, err = lookupMany(ctx, keys)
		copy(people, ok)
	case tells:
		targets, ok, people, err = byPeople.LookupManyByPeople(ctx, keys)
	default:
		targets, ok, err = lookupMany(ctx, keys)
	}
	if err != nil {
		return &MemoryError{Err: err}
	}
	for i, u := range units {
		if ok[i] {
			u.target, u.tmHit, u.people = fromMemoryText(u, targets[i]), true, people[i]
			stored := u.target
			u.target = placeMissingCodes(u)
			u.violations = t.check(u)
			if u.target != stored {
				// The formatting is bitext's guess, not the reviewer's: flagged, so that a CAT
				// tool shows the segment for review (XLIFF needs-review-translation) and the run
				// names it, instead of labelling it people's work.
				u.violations = append(u.violations, qa.NewFlag(Suspect, SuspectCodesPlaced, qa.Location{}))
			}
		}
	}
	return nil
}

// SuspectCodesPlaced is the flag of a memory hit whose missing codes translate placed
// (placeMissingCodes).
const SuspectCodesPlaced = "codes placed: the memory's translation lacks some of the sentence's formatting, placed around its words"

// placeMissingCodes is u's memory hit with the codes of its source it lacks placed around its
// words, the codes it kept where they stand (document.PlaceMissing), for a reviewer's decision that dropped formatting (an edit
// typed as words: tm.ReviewedEntry keeps it under the tagged source, so that it answers the
// formatted sentence rather than the machine translation it replaced). Placed here, for the
// sentence, the rest of its paragraph keeps its formatting; left to the document writer, the
// whole paragraph's codes went around all its words. A hit with its codes right is unchanged.
func placeMissingCodes(u *unitState) string {
	if u.plain || !document.HasTags(u.source) {
		return u.target
	}
	codes := document.CodesOf(u.source)
	if placed, ok := document.PlaceMissing(codes, u.source, u.target); ok {
		return placed
	}
	fixed, _ := document.Fix(codes, u.source, u.target)
	return fixed
}

// markAgain marks the memory hits of jobs whose glossary violations repair rounds may fix: with
// repairs on, a machine translation stored with violations (its repair rounds failed, or the
// run that paid for it had none) goes through the rounds again, paid once more for those
// segments only, instead of being reported as it is on every rerun. What people made is kept
// as they made it: imported and reviewed entries answer a lookup whatever its prompt version
// (see package tm), machine translations only under their own, so a lookup under a prompt
// version no run uses finds exactly those.
func (t *Translator) markAgain(ctx context.Context, base *tm.Key, jobs []*job) error {
	if t.Memory == nil || !t.repairs() {
		return nil
	}
	var hits []*unitState
	for _, j := range jobs {
		for i := range j.units {
			if u := &j.units[i]; u.tmHit && len(u.violations) > 0 {
				hits = append(hits, u)
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	people := *base
	people.PromptVersion += "\x00people"
	keys := make([]tm.Key, len(hits))
	for i, u := range hits {
		keys[i] = t.key(&people, u)
	}
	_, found, err := t.Memory.LookupMany(ctx, keys)
	if err != nil {
		return &MemoryError{Err: err}
	}
	for i, u := range hits {
		u.again = !found[i]
	}
	return nil
}

// untranslatedReason tells whether a suspect answer's reason says it is in the source language.
func untranslatedReason(reason string) bool {
	return strings.HasPrefix(reason, providers.SuspectUnchanged) || strings.HasPrefix(reason, providers.SuspectLanguage)
}
