package report

import "context"

// pollEvery is how many units of work (roughly: inner-loop steps of a few nanoseconds each)
// pass between two looks at the context. 1<<16 steps take well under a millisecond, so a
// cancelled context is noticed at once even inside one segment of several megabytes, while
// ctx.Err (a mutex or an atomic load) stays invisible in profiles.
const pollEvery = 1 << 16

// poller lets the long loops of the metrics, diffs and QA checks notice a cancelled context
// without paying for a ctx.Err call on every step. A nil *poller never cancels, so the
// context-free entry points (Metric.Stats, WordDiff, …) share the same code.
type poller struct {
	ctx   context.Context
	every int // pollEvery; tests lower it to see that every loop polls
	work  int
	err   error
}

func newPoller(ctx context.Context) *poller {
	if ctx == nil {
		ctx = context.Background()
	}
	return &poller{ctx: ctx, every: pollEvery}
}

// tick records n units of work and returns the context's error once it is cancelled. It
// asks the context at most once per pollEvery units; once an error was seen it is sticky.
func (p *poller) tick(n int) error {
	if p == nil {
		return nil
	}
	if p.err != nil {
		return p.err
	}
	p.work += n
	if p.work < p.every {
		return nil
	}
	p.work = 0
	p.err = p.ctx.Err()
	return p.err
}

// check asks the context now, whatever the amount of work since the last look: used between
// stages and segments.
func (p *poller) check() error {
	if p == nil {
		return nil
	}
	if p.err == nil {
		p.work = 0
		p.err = p.ctx.Err()
	}
	return p.err
}

// fork is a poller of the same context for another goroutine (a poller counts work without
// a lock); nil for nil, which never polls.
func (p *poller) fork() *poller {
	if p == nil {
		return nil
	}
	return &poller{ctx: p.ctx, every: p.every}
}
