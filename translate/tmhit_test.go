package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// lateLookupMemory is a memory whose every lookup after the first waits until stored keys
// reach storedBefore: the run's own answers are then in the memory when later pieces of the
// document are looked up, as happens when the workers are ahead of the reader.
type lateLookupMemory struct {
	memMemory
	storedBefore int

	mu     sync.Mutex
	calls  int
	stored int
	enough chan struct{}
	closed bool
	once   sync.Once
}

func (m *lateLookupMemory) LookupMany(ctx context.Context, ks []tm.Key) ([]string, []bool, error) {
	m.once.Do(func() { m.enough = make(chan struct{}) })
	m.mu.Lock()
	m.calls++
	wait := m.calls > 1 && m.storedBefore > 0
	m.mu.Unlock()
	if wait {
		select {
		case <-m.enough:
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
	}
	return m.memMemory.LookupMany(ctx, ks)
}

func (m *lateLookupMemory) StoreMany(ctx context.Context, ks []tm.Key, ts []string) error {
	m.once.Do(func() { m.enough = make(chan struct{}) })
	if err := m.memMemory.StoreMany(ctx, ks, ts); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.stored += len(ks)
	if m.stored >= m.storedBefore && !m.closed {
		m.closed = true
		close(m.enough)
	}
	return nil
}

// TestTMHitMeansBeforeTheRun: a sentence repeated far enough apart that its second occurrence
// is looked up after the first one's answer was stored is a repeat, not a TM hit, whatever the
// concurrency and however far the workers are: the counts are the plan's and no pair says
// tm_hit on an empty memory.
func TestTMHitMeansBeforeTheRun(t *testing.T) {
	// 600 one-sentence paragraphs: the first 512 units are looked up together (lookupUnits),
	// the rest later. Units 520..529 repeat units 0..9, which fill the first request.
	var paras [][]string
	for i := range 600 {
		s := fmt.Sprintf("Satz Nummer %d steht hier.", i)
		if i >= 520 && i < 530 {
			s = fmt.Sprintf("Satz Nummer %d steht hier.", i-520)
		}
		paras = append(paras, []string{s})
	}
	d := doc("big.txt", paras...)
	plan, err := (&Translator{Provider: &fakeProvider{}}).Plan(context.Background(), seq([]*segment.Document{d}))
	if err != nil {
		t.Fatal(err)
	}
	if plan.TMHits != 0 || plan.Repeats != 10 {
		t.Fatalf("plan %+v", plan)
	}
	for _, tc := range []struct {
		name         string
		concurrency  int
		storedBefore int // 0: lookups do not wait
	}{
		{"j1", 1, 0},
		{"j1 workers ahead", 1, 10},
		{"j4 workers ahead", 4, 10},
		{"j8 workers ahead", 8, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mem := &lateLookupMemory{storedBefore: tc.storedBefore}
			fp := &fakeProvider{}
			res, st, err := collect(context.Background(), &Translator{Provider: fp, Memory: mem, Concurrency: tc.concurrency}, []*segment.Document{d})
			if err != nil {
				t.Fatal(err)
			}
			if st.TMHits != plan.TMHits || st.Repeats != plan.Repeats || st.Translated != plan.Misses {
				t.Errorf("stats: %d TM hits, %d repeats, %d translated; plan: %d, %d, %d",
					st.TMHits, st.Repeats, st.Translated, plan.TMHits, plan.Repeats, plan.Misses)
			}
			for _, p := range res[0].Pairs {
				if p.TMHit {
					t.Errorf("pair %d %q: tm_hit on an empty memory", p.Paragraph, p.Source)
				}
				if p.Target != "EN("+p.Source+")" {
					t.Errorf("pair %d: %q", p.Paragraph, p.Target)
				}
			}
			// A rerun finds everything in the memory as it was before it.
			_, st2, err := collect(context.Background(), &Translator{Provider: fp, Memory: &mem.memMemory, Concurrency: tc.concurrency}, []*segment.Document{d})
			if err != nil {
				t.Fatal(err)
			}
			if st2.TMHits != 600 || st2.Repeats != 0 {
				t.Errorf("rerun: %d TM hits, %d repeats", st2.TMHits, st2.Repeats)
			}
		})
	}
}

// failingStoreMemory is a memory whose stores fail, as a shared PostgreSQL memory whose server
// stayed away longer than its retries wait.
type failingStoreMemory struct{ memMemory }

func (m *failingStoreMemory) StoreMany(context.Context, []tm.Key, []string) error {
	return errors.New("tm: store: FATAL: terminating connection due to administrator command (SQLSTATE 57P01)")
}

// TestMemoryFailureIsNoProviderFailure: a run stopped by its memory says so with a
// MemoryError (bitext translate: exit 4, "the translation memory failed"), not as a provider
// failure: before, the message blamed the provider and said the memory held what was
// translated, which it did not.
func TestMemoryFailureIsNoProviderFailure(t *testing.T) {
	d := doc("a.txt", []string{"Der erste Satz steht hier."}, []string{"Der zweite Satz steht hier."})
	_, _, err := collect(context.Background(), &Translator{Provider: &fakeProvider{}, Memory: &failingStoreMemory{}}, []*segment.Document{d})
	var me *MemoryError
	var pe *providers.Error
	if !errors.As(err, &me) || errors.As(err, &pe) || !strings.Contains(err.Error(), "SQLSTATE 57P01") {
		t.Errorf("run with failing stores: %v (%T); want a MemoryError naming the cause", err, err)
	}
}
