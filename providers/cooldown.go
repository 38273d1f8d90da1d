package providers

import (
	"math/rand/v2"
	"sync"
	"time"
)

// A 429 says that the provider is over its limit for this client: for every request, not only
// the one refused. Requests that each obey their own Retry-After come back together: N
// requests refused at once all retry at the same instant, one gets through, the others are
// refused again, and so on until one runs out of attempts (the reviewer's server allowed one
// request every 2 s; bitext failed with four requests in flight and was fine with one). So a
// 429 closes a gate that every request of the provider waits at, new ones included. When it
// opens, requests go one at a time, spaced by the wait the server asked for (at most a quarter
// of RetryPolicy.MaxDelay: a long Retry-After is about the refill, not the spacing). After a
// lone 429 every answer that is not a 429 halves the spacing, and below the backoff's base step
// requests flow freely again: one 429 in a long run is a blip, and easing slowly kept a run that
// met one paced for half a minute (9.7 s → 46 s). A 429 while the gate spaces them says the
// server's capacity is below the pace: the spacing doubles, up to MaxDelay, and from then on
// eases only by a third every paceEase answers, until it ends — halving it there pushed a
// server allowing one request in 2 s into refusing one request four times of its six attempts.
// The request refused goes first when the gate opens.

// paceEase is how many answers in a row, none a 429, shorten the spacing of a server found at
// its limit (cooldown.limited).
const paceEase = 2

// cooldown is the gate of one provider. Its zero value is open.
type cooldown struct {
	mu    sync.Mutex
	until time.Time     // no request goes before this
	pace  time.Duration // the spacing of requests while the provider recovers; 0: none
	next  time.Time     // when the next spaced request may go
	// epoch counts the 429s that closed the gate. A request's turn belongs to the epoch it was
	// given in: a 429 in a later one may move the gate past the turn.
	epoch uint64
	good  int // answers in a row, in this epoch, that were not 429s
	// limited says a 429 came while the gate spaced requests: the server is at its limit, and
	// the spacing eases slowly until it ends.
	limited bool
}

// reserve tells a request that is ready at ready the earliest time it may try to go, and the
// epoch that time belongs to. Nothing is booked: the request claims its turn when the time
// comes (claim), so that a spacing that eased meanwhile applies — turns booked ahead kept the
// spacing of the moment they were booked, and eight requests waiting behind a 2 s pace went out
// over 16 s however fast the pace eased.
func (c *cooldown) reserve(ready time.Time) (time.Time, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	at := ready
	if c.until.After(at) {
		at = c.until
	}
	if c.pace > 0 && c.next.After(at) {
		at = c.next
	}
	return at, c.epoch
}

// claim takes a request's turn at now: false when the gate is still closed (a 429 since
// reserve moved it) or another request took the spaced slot first; the request then asks
// reserve again.
func (c *cooldown) claim(now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.until.After(now) || c.pace > 0 && c.next.After(now) {
		return false
	}
	if c.pace > 0 {
		// A little jitter: clients of the same account in other processes are spaced too.
		c.next = now.Add(c.pace + rand.N(c.pace/8+1))
	}
	return true
}

// refused records a 429 at now to a request whose turn was given in epoch, which will wait
// delay before it retries: no request goes before then.
func (c *cooldown) refused(now time.Time, delay time.Duration, epoch uint64, p RetryPolicy) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if u := now.Add(delay); u.After(c.until) {
		c.until = u
	}
	if epoch != c.epoch {
		// Sent before the gate closed, like the request that closed it: the same news.
		c.pace = max(c.pace, delay)
		c.next = maxTime(c.next, c.until)
		return
	}
	// The first 429 since this request was let through: whatever the pace was, it was too fast.
	p = p.withDefaults()
	c.epoch++
	c.good = 0
	c.limited = c.limited || c.pace > 0
	c.pace = max(min(delay, p.MaxDelay/4), min(2*c.pace, p.MaxDelay))
	c.next = c.until
}

// answered records an answer other than a 429 to a request whose turn was given in epoch: the
// server keeps up with the pace, which shortens after paceEase of them.
func (c *cooldown) answered(epoch uint64, p RetryPolicy) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pace == 0 || epoch != c.epoch {
		return
	}
	if !c.limited {
		c.pace /= 2
	} else if c.good++; c.good < paceEase {
		return
	} else {
		c.good = 0
		c.pace -= c.pace / 3
	}
	if c.pace < p.withDefaults().BaseDelay {
		c.pace, c.limited = 0, false
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
