package translate

import (
	"strings"
	"sync"

	"github.com/bitext/bitext/tm"
)

// repeats makes a run pay once for each distinct segment: the first occurrence of a normalized
// source (with the glossary terms that apply to it) is sent, and every later occurrence waits
// for that answer instead of going into a batch of its own. A sentence shared by twenty
// articles, or a list item repeated two thousand times, costs one request segment.
type repeats struct {
	mu sync.Mutex
	m  map[string]*answer
}

// answer is the translation of a distinct segment, once it is known; until then, the units
// waiting for it.
type answer struct {
	done       bool
	target     string
	violations []Violation
	waiting    []item
}

// repeatsCap bounds the answers kept to recognize later repeats: a few megabytes. Answers still
// awaited are never dropped; a repeat of a dropped answer is found in the memory, or sent again.
const repeatsCap = 1 << 16

// repeatKey is what makes two units the same request: the memory key's normalized source and
// the glossary terms that apply.
func (t *Translator) repeatKey(u *unitState) string {
	s := tm.NormalizeSource(u.source)
	if t.mode() == GlossaryCheck || len(u.termKeys) == 0 {
		return s
	}
	return s + "\x00" + strings.Join(u.termKeys, "\x00")
}

// classify decides for each unit of j that missed the memory whether it is sent (it leads), was
// answered already by an identical unit (copied now), or waits for one in flight. It sets
// j.pending before any waiting unit can be answered, and returns it: the units still to come.
// planning marks every leader answered at once, since nothing is sent, and keeps no waiting
// units (and so no jobs) alive.
func (t *Translator) classify(r *repeats, j *job, planning bool) int {
	keys := make([]string, len(j.units))
	for i := range j.units {
		if !j.units[i].tmHit {
			keys[i] = t.repeatKey(&j.units[i])
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]*answer{}
	}
	pending := 0
	for i := range j.units {
		u := &j.units[i]
		if u.tmHit {
			continue
		}
		a := r.m[keys[i]]
		switch {
		case a == nil:
			a = &answer{done: planning}
			r.sweep()
			r.m[keys[i]] = a
			u.lead = a
			pending++
		case a.done:
			u.repeat = true
			u.target, u.violations = a.target, cloneViolations(a.violations)
		default:
			u.repeat = true
			a.waiting = append(a.waiting, item{doc: j, unit: i})
			pending++
		}
	}
	j.pending.Store(int64(pending))
	return pending
}

// sweep drops the answers no unit waits for any more once there are too many.
func (r *repeats) sweep() {
	if len(r.m) < repeatsCap {
		return
	}
	for k, a := range r.m {
		if a.done {
			delete(r.m, k)
		}
	}
}

// answered records the final translation of the leading units and hands it to the units waiting
// for it. It returns the units answered so, by job.
func (r *repeats) answered(units []*unitState, resolved map[*job]int) {
	for _, u := range units {
		a := u.lead
		if a == nil {
			continue
		}
		r.mu.Lock()
		a.done, a.target, a.violations = true, u.target, u.violations
		waiting := a.waiting
		a.waiting = nil
		r.mu.Unlock()
		for _, w := range waiting {
			wu := w.u()
			wu.target, wu.violations = u.target, cloneViolations(u.violations)
			resolved[w.doc]++
		}
	}
}

func cloneViolations(vs []Violation) []Violation {
	if len(vs) == 0 {
		return nil
	}
	return append([]Violation(nil), vs...)
}
