package tm

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/bitext/bitext/corpus"
)

// TestConcurrentImportsOverlap: workers importing overlapping pairs into one memory at once,
// each in its own order and over several batches, all succeed (PostgreSQL used to abort one
// as a deadlock victim: each held keys of its first batches that another wanted later), and
// the memory ends with every distinct pair once.
func TestConcurrentImportsOverlap(t *testing.T) {
	const workers, distinct = 4, 3 * importBatch
	forEachBackend(t, func(t *testing.T, loc string) {
		ctx := context.Background()
		openAt(t, loc, Options{}) // creates the schema before the workers race
		var wg sync.WaitGroup
		errs := make([]error, workers)
		results := make([]ImportResult, workers)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db, err := OpenURL(ctx, loc, Options{})
				if err != nil {
					errs[w] = err
					return
				}
				defer db.Close()
				// Every worker imports all pairs, in an order of its own: their batches overlap
				// in every combination.
				order := rand.New(rand.NewPCG(uint64(w), 7)).Perm(distinct)
				pairs := make([]corpus.Pair, len(order))
				for i, n := range order {
					pairs[i] = corpus.Pair{Source: fmt.Sprintf("Überlappender Satz %d.", n), Target: fmt.Sprintf("Overlapping sentence %d.", n)}
				}
				results[w], errs[w] = db.ImportPairs(ctx, &sliceReader{pairs: pairs}, ImportOptions{})
			}()
		}
		wg.Wait()
		stored := 0
		for w, err := range errs {
			if err != nil {
				t.Fatalf("worker %d: %v", w, err)
			}
			if r := results[w]; r.Read != distinct || r.Stored+r.Duplicates != distinct || r.Conflicting != 0 {
				t.Errorf("worker %d: %+v", w, r)
			}
			stored += results[w].Stored
		}
		if stored != distinct {
			t.Errorf("workers stored %d entries in all, want %d (each pair once)", stored, distinct)
		}
		st, err := openAt(t, loc, Options{}).Stats(ctx)
		if err != nil || st.Entries != distinct || st.Imported != distinct {
			t.Errorf("stats %+v, %v; want %d imported entries", st, err, distinct)
		}
	})
}
