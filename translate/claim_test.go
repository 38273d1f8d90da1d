package translate

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// sharedMemories are the locations of a memory shared by the workers of a test: a SQLite file,
// and a fresh schema of the PostgreSQL database in BITEXT_TEST_POSTGRES when it is set.
func sharedMemories(t *testing.T) map[string]string {
	locs := map[string]string{"sqlite": filepath.Join(t.TempDir(), "tm.sqlite")}
	base := os.Getenv("BITEXT_TEST_POSTGRES")
	if base == "" {
		t.Log("BITEXT_TEST_POSTGRES not set: PostgreSQL not tested")
		return locs
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "bitext_translate_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	locs["postgres"] = u.String()
	return locs
}

// TestClaimsPayOnceAcrossWorkers: four workers with their own handles on one memory translate
// overlapping corpora at once; every distinct sentence is requested once in all, and every
// worker gets every sentence translated.
func TestClaimsPayOnceAcrossWorkers(t *testing.T) {
	for name, loc := range sharedMemories(t) {
		t.Run(name, func(t *testing.T) {
			all := corpusDocs(12, 3, 4)
			const workers = 4
			provs := make([]*fakeProvider, workers)
			errs := make([]error, workers)
			stats := make([]Stats, workers)
			results := make([][]*Result, workers)
			var wg sync.WaitGroup
			for w := range workers {
				db, err := tm.OpenURL(context.Background(), loc, tm.Options{PollMin: time.Millisecond, PollMax: 5 * time.Millisecond})
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				// Each worker has two thirds of the corpus, starting at a different place.
				var docs []*segment.Document
				for i := range 8 {
					docs = append(docs, all[(w*3+i)%len(all)])
				}
				provs[w] = &fakeProvider{latency: 2 * time.Millisecond}
				tr := &Translator{Provider: provs[w], Memory: db}
				wg.Add(1)
				go func() {
					defer wg.Done()
					results[w], stats[w], errs[w] = collect(context.Background(), tr, docs)
				}()
			}
			wg.Wait()
			paid := map[string]int{}
			for w := range workers {
				if errs[w] != nil {
					t.Fatalf("worker %d: %v", w, errs[w])
				}
				for _, req := range provs[w].requests() {
					for _, s := range req.Segments {
						paid[s.Text]++
					}
				}
				for _, r := range results[w] {
					for _, p := range r.Pairs {
						if p.Target != "EN("+p.Source+")" {
							t.Fatalf("worker %d: %q → %q", w, p.Source, p.Target)
						}
					}
				}
				if stats[w].Segments != stats[w].TMHits+stats[w].Translated+stats[w].Repeats {
					t.Errorf("worker %d: stats do not add up: %+v", w, stats[w])
				}
			}
			if want := 12 * 3 * 4; len(paid) != want {
				t.Errorf("%d distinct sentences requested, want %d", len(paid), want)
			}
			for s, n := range paid {
				if n != 1 {
					t.Errorf("%q requested %d times", s, n)
				}
			}
		})
	}
}

// TestClaimsReleasedOnFailure: a worker whose provider fails gives its claims back, so the next
// worker translates at once instead of waiting for the leases to expire.
func TestClaimsReleasedOnFailure(t *testing.T) {
	loc := filepath.Join(t.TempDir(), "tm.sqlite")
	open := func() *tm.DB {
		db, err := tm.OpenURL(context.Background(), loc, tm.Options{Lease: time.Hour, MaxWait: 2 * time.Second, PollMin: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	docs := corpusDocs(3, 2, 3)
	failing := &fakeProvider{fail: func(int) error { return errors.New("account suspended") }}
	_, _, err := collect(context.Background(), &Translator{Provider: failing, Memory: open()}, docs)
	if err == nil {
		t.Fatal("the failing worker succeeded")
	}
	ok := &fakeProvider{}
	_, st, err := collect(context.Background(), &Translator{Provider: ok, Memory: open()}, docs)
	if err != nil {
		t.Fatalf("second worker: %v", err)
	}
	if st.Translated != 3*2*3 {
		t.Errorf("second worker translated %d, want %d", st.Translated, 3*2*3)
	}
}

// scriptedClaimer claims the first key of each batch for this worker and reports the rest held
// by another worker, which answers them only once this worker has given back every lease it
// could not store: the other worker may be waiting for exactly those.
type scriptedClaimer struct {
	*memMemory
	mu       sync.Mutex
	held     map[string]bool // keys this worker holds
	awaitErr error
}

func (c *scriptedClaimer) Claim(_ context.Context, ks []tm.Key) ([]tm.ClaimState, []string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := make([]tm.ClaimState, len(ks))
	for i, k := range ks {
		st[i] = tm.ClaimHeld
		if i == 0 {
			st[i] = tm.ClaimOwned
			c.held[memKey(k)] = true
		}
	}
	return st, make([]string, len(ks)), nil
}

func (c *scriptedClaimer) AwaitClaims(_ context.Context, ks []tm.Key) ([]tm.ClaimState, []string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.held) > 0 {
		c.awaitErr = errors.New("AwaitClaims while holding leases that were not stored")
		return nil, nil, c.awaitErr
	}
	st := make([]tm.ClaimState, len(ks))
	ts := make([]string, len(ks))
	for i, k := range ks {
		st[i], ts[i] = tm.ClaimAnswered, "OTHER("+k.Source+")"
	}
	return st, ts, nil
}

func (c *scriptedClaimer) Release(_ context.Context, ks []tm.Key) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range ks {
		delete(c.held, memKey(k))
	}
	return nil
}

func (c *scriptedClaimer) StoreMany(ctx context.Context, ks []tm.Key, ts []string) error {
	c.mu.Lock()
	for _, k := range ks {
		delete(c.held, memKey(k))
	}
	c.mu.Unlock()
	return c.memMemory.StoreMany(ctx, ks, ts)
}

// TestClaimsGivenBackBeforeWaiting: a segment this worker owned but could not translate is given
// back before it waits for the segments another worker holds, and those come from the memory.
func TestClaimsGivenBackBeforeWaiting(t *testing.T) {
	cl := &scriptedClaimer{memMemory: &memMemory{}, held: map[string]bool{}}
	prov := &fakeProvider{fail: func(int) error { return errors.New("malformed answer") }}
	docs := []*segment.Document{doc("a.txt", []string{"Eins.", "Zwei.", "Drei."})}
	res, st, err := collect(context.Background(), &Translator{Provider: prov, Memory: cl}, docs)
	if cl.awaitErr != nil {
		t.Fatal(cl.awaitErr)
	}
	var fe *FailedError
	if !errors.As(err, &fe) {
		t.Fatalf("run = %v, want the one failed segment reported", err)
	}
	if st.TMHits != 2 || st.Failed != 1 {
		t.Errorf("stats %+v: want 2 answers from the other worker, 1 failed", st)
	}
	if len(res) != 1 || res[0].Pairs[1].Target != "OTHER(Zwei.)" {
		t.Errorf("results %+v", res)
	}
}

// TestSharedRateWaits: a memory with a shared rate is asked before every request.
func TestSharedRateWaits(t *testing.T) {
	rs := &countingRate{}
	mem := &rateMemory{memMemory: &memMemory{}, countingRate: rs}
	_, _, err := collect(context.Background(), &Translator{Provider: &fakeProvider{}, Memory: mem}, corpusDocs(2, 2, 6))
	if err != nil {
		t.Fatal(err)
	}
	if rs.requests == 0 || rs.tokens == 0 {
		t.Errorf("WaitRate saw %d requests, %d tokens", rs.requests, rs.tokens)
	}
	cancelled := &rateMemory{memMemory: &memMemory{}, countingRate: &countingRate{err: context.Canceled}}
	if _, _, err := collect(context.Background(), &Translator{Provider: &fakeProvider{}, Memory: cancelled}, corpusDocs(1, 1, 2)); !errors.Is(err, context.Canceled) {
		t.Errorf("run with a refusing rate = %v", err)
	}
}

type countingRate struct {
	mu               sync.Mutex
	requests, tokens int
	err              error
}

func (c *countingRate) WaitRate(_ context.Context, requests, tokens int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests += requests
	c.tokens += tokens
	return c.err
}

type rateMemory struct {
	*memMemory
	*countingRate
}

// BenchmarkClaimOverhead translates 2,400 new segments into an empty SQLite memory through a
// fake provider that answers at once, with claims (the default for a *tm.DB) and without (the
// memory wrapped so that it is only a Memory): what claiming costs a single worker.
func BenchmarkClaimOverhead(b *testing.B) {
	docs := corpusDocs(40, 6, 10)
	for _, claims := range []bool{true, false} {
		b.Run(map[bool]string{true: "claims", false: "no-claims"}[claims], func(b *testing.B) {
			segs := 0
			for b.Loop() {
				b.StopTimer()
				db, err := tm.OpenURL(context.Background(), filepath.Join(b.TempDir(), "tm.sqlite"), tm.Options{})
				if err != nil {
					b.Fatal(err)
				}
				var mem Memory = db
				if !claims {
					mem = struct{ Memory }{db}
				}
				tr := &Translator{Provider: &fakeProvider{noRecord: true}, Memory: mem}
				b.StartTimer()
				_, st, err := collect(context.Background(), tr, docs)
				if err != nil {
					b.Fatal(err)
				}
				segs += st.Translated
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(segs)/b.Elapsed().Seconds(), "segments/s")
		})
	}
}

// TestPartialAnswerKept: when the provider answers a batch but gives up on one of its segments,
// the answers are kept and stored, only that segment fails, and the batch is not asked again in
// parts (which bought the good answers again: 23 requests for an 11-segment article).
func TestPartialAnswerKept(t *testing.T) {
	mem := &memMemory{}
	prov := &fakeProvider{giveUp: func(s providers.Segment) bool { return s.Text == "Drei." }}
	docs := []*segment.Document{doc("a.txt", []string{"Eins.", "Zwei.", "Drei.", "Vier."})}
	res, st, err := collect(context.Background(), &Translator{Provider: prov, Memory: mem}, docs)
	var fe *FailedError
	if !errors.As(err, &fe) || len(fe.Segments) != 1 || fe.Segments[0].Source != "Drei." {
		t.Fatalf("run = %v, want the one failed segment reported", err)
	}
	if n := len(prov.requests()); n != 1 {
		t.Errorf("%d requests, want 1 (the answered segments are not bought again)", n)
	}
	if st.Translated != 3 || st.Failed != 1 {
		t.Errorf("stats %+v: want 3 translated, 1 failed", st)
	}
	if len(mem.m) != 3 {
		t.Errorf("memory holds %d answers, want the 3 paid for", len(mem.m))
	}
	if len(res) != 1 {
		t.Fatalf("results %+v", res)
	}
}
