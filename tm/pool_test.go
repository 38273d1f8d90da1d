package tm

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestManyTransactionsOneHandle: more transactions at once than the handle has connections (a
// worker with --concurrency 16 on PostgreSQL, whose pool holds pgMaxConns), on a fresh handle
// whose statements are not prepared yet, all finish. Before, each transaction prepared its
// statement on the pool while holding a connection and the handle's lock: with every connection
// held by a transaction waiting for that lock, the worker hung for good. The deadline only
// guards against such a hang; it measures nothing.
func TestManyTransactionsOneHandle(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		for round := range 3 {
			db := openAt(t, loc, Options{})
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			var wg sync.WaitGroup
			errs := make(chan error, 4*pgMaxConns)
			for w := range 4 * pgMaxConns {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var ks []Key
					var ts []string
					for i := range 5 {
						ks = append(ks, baseKey(fmt.Sprintf("Runde %d, Arbeiter %d, Satz %d.", round, w, i)))
						ts = append(ts, fmt.Sprintf("Round %d, worker %d, sentence %d.", round, w, i))
					}
					if _, _, err := db.Claim(ctx, ks); err != nil {
						errs <- err
						return
					}
					if err := db.StoreMany(ctx, ks, ts); err != nil {
						errs <- err
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatalf("round %d: %v", round, err)
			}
			db.Close()
		}
	})
}
