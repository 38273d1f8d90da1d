package providers

import (
	"testing"
	"time"
)

// TestCooldownGate walks the gate through a refusal, the spacing it imposes, its easing and a
// second refusal, on explicit times.
func TestCooldownGate(t *testing.T) {
	var p RetryPolicy // defaults: MaxDelay 20 s, BaseDelay 0.5 s
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var c cooldown
	if at, e := c.reserve(t0); !at.Equal(t0) || e != 0 {
		t.Fatalf("an open gate gave %v, epoch %d", at.Sub(t0), e)
	}
	// Two requests of epoch 0 refused together: one closing of the gate, the spacing the wait.
	c.refused(t0, 2*time.Second, 0, p)
	c.refused(t0, 2100*time.Millisecond, 0, p)
	if c.epoch != 1 || c.pace != 2100*time.Millisecond || !c.until.Equal(t0.Add(2100*time.Millisecond)) {
		t.Fatalf("after two refusals at once: epoch %d, pace %v, until %v", c.epoch, c.pace, c.until.Sub(t0))
	}
	if c.claim(t0.Add(time.Second)) {
		t.Error("a turn was taken inside the cool-down")
	}
	first, e := c.reserve(t0)
	if !first.Equal(c.until) || e != 1 || !c.claim(first) {
		t.Fatalf("first turn at %v (epoch %d), want the end of the cool-down, taken", first.Sub(t0), e)
	}
	if c.claim(first) {
		t.Error("two requests took the same spaced slot")
	}
	second, _ := c.reserve(t0)
	if second.Sub(first) < c.pace || second.Sub(first) > c.pace+c.pace/8 {
		t.Fatalf("second turn at %v, want one pace (%v, a little jitter) after the first at %v", second.Sub(t0), c.pace, first.Sub(t0))
	}
	// After a lone 429 an answer of the epoch halves the spacing; an older epoch's does not.
	c.answered(0, p)
	c.answered(1, p)
	if c.pace != 2100*time.Millisecond/2 || c.limited {
		t.Fatalf("pace %v (limited %v) after one answer, want %v", c.pace, c.limited, 2100*time.Millisecond/2)
	}
	// A refusal while spacing: the server is at its limit. The pace doubles (a long
	// Retry-After spaces by MaxDelay/4 only) and eases by a third every paceEase answers.
	c.refused(t0.Add(10*time.Second), time.Minute, 1, p)
	if want := max(DefaultMaxDelay/4, min(2*2100*time.Millisecond/2, DefaultMaxDelay)); c.pace != want || c.epoch != 2 || !c.limited {
		t.Fatalf("pace %v, epoch %d, limited %v after a refusal while spacing; want %v, 2, true", c.pace, c.epoch, c.limited, want)
	}
	answers := 0
	for c.pace > 0 {
		answers++
		c.answered(2, p)
	}
	if answers < 4*paceEase || c.limited {
		t.Errorf("the spacing of a server at its limit ended after %d answers (limited %v), want slowly", answers, c.limited)
	}
	if at, _ := c.reserve(c.until); !at.Equal(c.until) {
		t.Errorf("after the spacing ended, a turn at the end of the cool-down was moved to %v", at.Sub(c.until))
	}
	// A lone 429 later is a blip again: its spacing ends within a few answers.
	c.refused(t0.Add(20*time.Minute), 5*time.Second, 2, p)
	answers = 0
	for c.pace > 0 {
		answers++
		c.answered(3, p)
	}
	if answers > 4 {
		t.Errorf("a lone 429's spacing ended after %d answers, want at most 4 (a single 429 slowed a long run for half a minute)", answers)
	}
}
