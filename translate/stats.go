package translate

import (
	"sync"
	"time"

	"github.com/bitext/bitext/providers"
)

// Stats are the running totals of a run.
type Stats struct {
	Documents int // documents handed to the sink
	// Segments counts the units read: sentences, or paragraphs with Unit Paragraph. A sentence
	// over the provider's request limits, sent as pieces, is one segment in every count here
	// (a TM hit when the memory had all its pieces, failed once however many pieces failed).
	Segments int
	// TMHits counts units answered by the memory with a translation this run did not ask for:
	// held before the run, or stored meanwhile by another worker sharing the memory. A unit
	// answered with what this run stored for an identical one is a repeat, whatever -j, so
	// that the counts are Plan's.
	TMHits     int
	Translated int // units answered by the provider
	Failed     int // units with no usable answer after every retry (see FailedError)
	Repeats    int // units identical to an earlier unit of the run, answered by its request
	// RepeatsDone counts the repeats whose earlier unit has a translation by now: Repeats is
	// counted as units are read, before their answer exists, and a repeat of a failed unit
	// counts in Failed instead.
	RepeatsDone int
	Batches     int // requests asked for by the pipeline, repair rounds included (Usage.Requests counts HTTP retries too)
	Repairs     int // segments re-asked because of glossary violations
	// Usage is what the provider reports; its Characters are those sent, in every request,
	// refused (429) and failed ones included.
	Usage providers.Usage
	// Characters counts the source characters of the segments the provider answered, each time
	// it answered them (a repair round's answer counts again): what was translated, which
	// is what character-billed services (DeepL, Google) charge for.
	Characters int
	Terms      int // glossary term occurrences found in the source
	Violations int // glossary violations left in the output, suspect answers included
	// Suspects counts the pairs whose answer the provider still doubted after asking again
	// (flagged Suspect, counted in Violations too, so --strict fails on them); Untranslated
	// those of them that came back in the source language (unchanged or still German). They
	// are never stored in the memory, so a rerun asks for them again.
	Suspects, Untranslated int
	Elapsed                time.Duration
}

// Done is the number of segments that have a translation so far: TM hits, segments the
// provider answered and repeats of answered ones. A run that stopped early has done fewer
// than it read; a repeat waiting for a request that never came back is not done.
func (s Stats) Done() int { return s.TMHits + s.Translated + s.RepeatsDone }

// tally serializes updates of Stats and the progress callback.
type tally struct {
	mu       sync.Mutex
	s        Stats
	start    time.Time
	progress func(Stats)
}

func (t *tally) update(f func(*Stats)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f(&t.s)
	t.s.Elapsed = time.Since(t.start)
	if t.progress != nil {
		t.progress(t.s)
	}
}

func (t *tally) snapshot() Stats {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.s
	s.Elapsed = time.Since(t.start)
	return s
}
