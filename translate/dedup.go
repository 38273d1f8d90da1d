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
	fl *failures // where repeats of a failed segment are reported; nil when planning
}

// answer is the translation of a distinct segment, once it is known; until then, the units
// waiting for it.
type answer struct {
	done       bool
	target     string
	violations []Violation
	failed     error
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
// j.pending before any waiting unit can be answered, and returns it (the units still to come)
// and the number of copies of failed answers, which are reported as failures.
// planning marks every leader answered at once, since nothing is sent, and keeps no waiting
// units (and so no jobs) alive.
func (t *Translator) classify(r *repeats, j *job, planning bool) (pending, failedCopies int, err error) {
	keys := make([]string, len(j.units))
	for i := range j.units {
		if !j.units[i].tmHit {
			keys[i] = t.repeatKey(&j.units[i])
		}
	}
	var failed []Failure
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]*answer{}
	}
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
			u.target, u.violations, u.failed = a.target, cloneViolations(a.violations), a.failed
			if u.failed != nil {
				failed = append(failed, j.failure(u))
			}
		default:
			u.repeat = true
			a.waiting = append(a.waiting, item{doc: j, unit: i})
			pending++
		}
	}
	j.pending.Store(int64(pending))
	return pending, len(failed), r.report(failed)
}

// report records the failures of repeats.
func (r *repeats) report(fs []Failure) error {
	if len(fs) == 0 || r.fl == nil {
		return nil
	}
	return r.fl.add(fs)
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
// for it, counting them by job in resolved. It returns the failures of repeats of failed units.
func (r *repeats) answered(units []*unitState, resolved map[*job]int) []Failure {
	var failed []Failure
	for _, u := range units {
		a := u.lead
		if a == nil {
			continue
		}
		r.mu.Lock()
		a.done, a.target, a.violations, a.failed = true, u.target, u.violations, u.failed
		waiting := a.waiting
		a.waiting = nil
		r.mu.Unlock()
		for _, w := range waiting {
			wu := w.u()
			wu.target, wu.violations, wu.failed = u.target, cloneViolations(u.violations), u.failed
			if wu.failed != nil {
				failed = append(failed, w.doc.failure(wu))
			}
			resolved[w.doc]++
		}
	}
	return failed
}

func cloneViolations(vs []Violation) []Violation {
	if len(vs) == 0 {
		return nil
	}
	return append([]Violation(nil), vs...)
}
