package align

import "context"

// pollEvery is how many units of work (DP cells, sentences, features) pass between two looks at
// the context. The cheapest of them costs tens of nanoseconds and the dearest (a DP cell with
// every bead shape, or a long sentence's features) a few microseconds, so cancellation is noticed
// within milliseconds on any input, while the look itself (a mutex or an atomic load) stays out
// of the profile.
const pollEvery = 1024

// stopper lets the long loops of the aligner notice a cancelled context. The loops are deep
// inside the level, scorer and feature code, several calls below AlignContext, so a cancelled
// context unwinds them with a panic of type stopped that AlignContext recovers and turns into
// the context's error (the way encoding/json unwinds its decoder). A nil *stopper never stops.
type stopper struct {
	ctx context.Context
	n   int
}

// stopped carries the context's error up to the recover in AlignContext.
type stopped struct{ err error }

// tick counts one unit of work and looks at the context every pollEvery units.
func (s *stopper) tick() {
	if s == nil {
		return
	}
	s.n++
	if s.n%pollEvery == 0 {
		s.check()
	}
}

// check looks at the context now.
func (s *stopper) check() {
	if s == nil {
		return
	}
	if err := s.ctx.Err(); err != nil {
		panic(stopped{err})
	}
}

// recoverStop turns a stopped panic into *err; any other panic goes on. It must be deferred
// itself (recover only works there), so the function keeps its results in locals until it returns.
func recoverStop(err *error) {
	if r := recover(); r != nil {
		s, ok := r.(stopped)
		if !ok {
			panic(r)
		}
		*err = s.err
	}
}

// stoppable runs f with a stopper on ctx: the context's error when f was stopped, nil otherwise.
func stoppable(ctx context.Context, f func(st *stopper)) (err error) {
	st := &stopper{ctx: ctx}
	defer recoverStop(&err)
	f(st)
	st.check()
	return nil
}
