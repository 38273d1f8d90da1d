package translate

import (
	"hash/maphash"
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

	// led holds the hashes of the segments this run sent (led), kept after their answers are
	// swept from m: a later occurrence that the memory answers was stored by this run, so it
	// is a repeat, not a TM hit. Whether the memory already has it when the occurrence is
	// looked up depends on how far the workers are, and counts and tm_hit must not.
	led     map[uint64]struct{}
	ledRing []uint64 // the hashes in led in the order they came, to forget the oldest
	ledNext int
	seed    maphash.Seed
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

// ledCap bounds the segments remembered as sent by the run (8 bytes and a map slot each, about
// 16 MB): beyond a million distinct segments, a repeat of one sent that long ago and found in
// the memory is counted as a TM hit.
const ledCap = 1 << 20

// lead records that the run sends the segment of key.
func (r *repeats) lead(key string) {
	if r.led == nil {
		r.led, r.seed = map[uint64]struct{}{}, maphash.MakeSeed()
	}
	h := maphash.String(r.seed, key)
	if _, ok := r.led[h]; ok {
		return
	}
	if len(r.ledRing) < ledCap {
		r.ledRing = append(r.ledRing, h)
	} else {
		delete(r.led, r.ledRing[r.ledNext])
		r.ledRing[r.ledNext] = h
		r.ledNext = (r.ledNext + 1) % ledCap
	}
	r.led[h] = struct{}{}
}

// wasLed tells whether the run sent the segment of key.
func (r *repeats) wasLed(key string) bool {
	if r.led == nil {
		return false
	}
	_, ok := r.led[maphash.String(r.seed, key)]
	return ok
}

// repeatKey is what makes two units the same request: the memory key's normalized source and
// the glossary terms that apply.
func (t *Translator) repeatKey(u *unitState) string {
	s := tm.NormalizeSource(u.source)
	if u.note != "" {
		s += "\x00note\x00" + u.note // "Öffnen" of a menu and of a door are two messages
	}
	if u.split != nil {
		// A piece of a long sentence keeps the white space it was cut with ("Er sagte: "), and
		// its answer is joined to the other pieces' as it is: it answers the same piece only,
		// never a whole sentence that normalizes to the same words.
		body := strings.TrimSpace(u.source)
		lead, _, _ := strings.Cut(u.source, body)
		s += "\x00piece\x00" + lead + "\x00" + u.source[len(lead)+len(body):]
	}
	if t.mode() == GlossaryCheck || len(u.termKeys) == 0 {
		return s
	}
	return s + "\x00" + strings.Join(u.termKeys, "\x00")
}

// classify decides for each unit of j that missed the memory whether it is sent (it leads), was
// answered already by an identical unit (copied now), or waits for one in flight. A unit the
// memory answered with what this run stored for an identical unit is a repeat, not a TM hit:
// a TM hit is a segment the memory held before the run (or another worker sharing it stored). It sets
// j.pending before any waiting unit can be answered, and returns it (the units still to come)
// and the number of copies of failed answers, which are reported as failures.
// planning marks every leader answered at once, since nothing is sent, and keeps no waiting
// units (and so no jobs) alive. done is the number of repeated segments that have their answer
// already; those still waiting are counted by answered when theirs comes.
func (t *Translator) classify(r *repeats, j *job, planning bool) (pending, failedCopies, done int, err error) {
	keys := make([]string, len(j.units))
	for i := range j.units {
		keys[i] = t.repeatKey(&j.units[i])
	}
	var failed []Failure
	waits := make([]bool, len(j.units))
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]*answer{}
	}
	for i := range j.units {
		u := &j.units[i]
		a := r.m[keys[i]]
		if u.tmHit && (!u.again || a == nil && r.wasLed(keys[i])) {
			// A hit to repair whose segment the run sent already (its answer swept from
			// m since) was repaired then: it is the answer of that request, as any repeat.
			u.again = false
			if r.wasLed(keys[i]) {
				u.tmHit, u.repeat = false, true
			}
			continue
		}
		if a != nil && u.again {
			// An identical unit of the run leads: this one takes its answer, repaired.
			u.again, u.tmHit = false, false
		}
		switch {
		case a == nil && planning && t.Memory != nil && r.wasLed(keys[i]):
			// A repeat of a segment whose answer was swept from m: the run stores that answer
			// in the memory, which then answers this one, as a repeat (see the first case);
			// planning stores nothing, so it is counted so here. Without a memory the run
			// sends it again, and the plan counts it so.
			u.repeat = true
		case a == nil:
			a = &answer{done: planning}
			r.sweep()
			r.m[keys[i]] = a
			r.lead(keys[i])
			u.lead = a
			pending++
		case a.done:
			u.repeat = true
			u.target, u.violations, u.failed = a.target, cloneViolations(a.violations), a.failed
			if u.failed != nil && u.reportFailure() {
				failed = append(failed, j.failure(u))
			}
		default:
			u.repeat = true
			a.waiting = append(a.waiting, item{doc: j, unit: i})
			waits[i] = true
			pending++
		}
	}
	j.pending.Store(int64(pending))
	done = countRepeatsDone(j, waits)
	return pending, len(failed), done, r.report(failed)
}

// countRepeatsDone counts the repeated sentences of j (segments of which no unit leads and not
// all are memory hits, as read counts them) that have their answer already, and leaves on each
// split sentence the number of its pieces still waiting, for answered. It runs under the lock
// of repeats, so that no waiting piece is answered before that number is set.
func countRepeatsDone(j *job, waits []bool) int {
	done := 0
	for i := 0; i < len(j.units); {
		n := 1
		if sp := j.units[i].split; sp != nil {
			n = int(sp.pieces)
		}
		hit, led, waiting, failed := true, false, 0, false
		for k := i; k < i+n; k++ {
			u := &j.units[k]
			hit = hit && u.tmHit
			led = led || u.lead != nil
			failed = failed || u.failed != nil
			if waits[k] {
				waiting++
			}
		}
		switch {
		case hit || led:
		case waiting > 0:
			if sp := j.units[i].split; sp != nil {
				sp.repeatsWaiting.Store(int32(waiting))
			}
		case !failed:
			done++
		}
		i += n
	}
	return done
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
// for it, counting them by job in resolved. It returns the failures of repeats of failed units
// and the number of repeated segments that have their answer now (see Stats.RepeatsDone).
func (r *repeats) answered(units []*unitState, resolved map[*job]int) (failed []Failure, done int) {
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
			if wu.failed != nil && wu.reportFailure() {
				failed = append(failed, w.doc.failure(wu))
			}
			if wu.repeatAnswered() {
				done++
			}
			resolved[w.doc]++
		}
	}
	return failed, done
}

func cloneViolations(vs []Violation) []Violation {
	if len(vs) == 0 {
		return nil
	}
	return append([]Violation(nil), vs...)
}
