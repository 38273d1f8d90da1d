package providers_test

import (
	"context"
	"slices"
	"sync"
	"time"
)

// simClock is a discrete-event clock for tests whose goroutines sleep on it: time stands
// still while any goroutine taking part is awake (computing, or waiting for a server on
// loopback) and, once all of them sleep, jumps to the earliest wake-up. Requests that sleep the
// same duration therefore wake at the same instant, as they would on a real clock, and a test
// of minutes of retries runs in milliseconds, with no assertion on the wall clock.
type simClock struct {
	mu       sync.Mutex
	cond     *sync.Cond // broadcast on every change, for waitFor
	now      time.Time
	active   int // goroutines taking part
	sleepers []*sleeper
}

type sleeper struct {
	at   time.Time
	wake chan struct{}
}

// newSimClock starts at start with active goroutines taking part already (the test itself,
// when it must look at a state before time moves on; see leave).
func newSimClock(start time.Time, active int) *simClock {
	c := &simClock{now: start, active: active}
	c.cond = sync.NewCond(&c.mu)
	return c
}

// Now is the clock's time.
func (c *simClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Sleep waits d of the clock's time, or until ctx ends.
func (c *simClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	s := &sleeper{at: c.now.Add(d), wake: make(chan struct{})}
	c.sleepers = append(c.sleepers, s)
	c.advance()
	c.mu.Unlock()
	select {
	case <-s.wake:
		return nil
	case <-ctx.Done():
		c.mu.Lock()
		c.sleepers = slices.DeleteFunc(c.sleepers, func(x *sleeper) bool { return x == s })
		c.advance()
		c.mu.Unlock()
		return ctx.Err()
	}
}

// Go runs f in a goroutine that takes part, and returns a channel closed when f has returned.
func (c *simClock) Go(f func()) <-chan struct{} {
	c.mu.Lock()
	c.active++
	c.mu.Unlock()
	done := make(chan struct{})
	go func() {
		defer c.leave() // after done is closed, so that waitFor sees both
		defer close(done)
		f()
	}()
	return done
}

// leave ends the part of a goroutine (one given to newSimClock, or one started by Go).
func (c *simClock) leave() {
	c.mu.Lock()
	c.active--
	c.advance()
	c.mu.Unlock()
}

// asleep is how many goroutines sleep now.
func (c *simClock) asleep() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sleepers)
}

// waitFor blocks until cond holds; cond runs with the clock locked, whenever the clock's state
// has changed (a sleep, a wake-up, a goroutine's end).
func (c *simClock) waitFor(cond func() bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !cond() {
		c.cond.Wait()
	}
}

// advance moves time on while every goroutine taking part sleeps. c.mu is held.
func (c *simClock) advance() {
	defer c.cond.Broadcast()
	for c.active > 0 && len(c.sleepers) == c.active {
		next := c.sleepers[0].at
		for _, s := range c.sleepers {
			if s.at.Before(next) {
				next = s.at
			}
		}
		if next.After(c.now) {
			c.now = next
		}
		c.sleepers = slices.DeleteFunc(c.sleepers, func(s *sleeper) bool {
			if s.at.After(c.now) {
				return false
			}
			close(s.wake)
			return true
		})
	}
}
