package tm

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// pollFast makes AwaitClaims poll every millisecond or two, so tests wait little real time.
func pollFast(o Options) Options {
	o.PollMin, o.PollMax = time.Millisecond, 2*time.Millisecond
	return o
}

// TestClaimStates walks one key through its states with two workers and a fake clock: owned by
// A, held for B, answered once A stores; an expired lease is taken over; a released one is free.
func TestClaimStates(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		clock := newFakeClock()
		a := openAt(t, loc, Options{Clock: clock, Owner: "A", Lease: time.Minute})
		b := openAt(t, loc, Options{Clock: clock, Owner: "B", Lease: time.Minute})
		k1, k2, k3 := keyN(1), keyN(2), keyN(3)

		check := func(db *DB, ks []Key, want []ClaimState, wantTargets ...string) {
			t.Helper()
			st, ts, err := db.Claim(ctx, ks)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(st) != fmt.Sprint(want) {
				t.Errorf("%s: Claim = %v, want %v", db.Owner(), st, want)
			}
			for i, w := range wantTargets {
				if w != "" && ts[i] != w {
					t.Errorf("%s: target %d = %q, want %q", db.Owner(), i, ts[i], w)
				}
			}
		}
		// A key twice in one call: one lease, both owned.
		check(a, []Key{k1, k2, k1}, []ClaimState{ClaimOwned, ClaimOwned, ClaimOwned})
		check(b, []Key{k1, k2, k3}, []ClaimState{ClaimHeld, ClaimHeld, ClaimOwned})
		// The same handle's other callers see its leases as held too.
		check(a, []Key{k1, k3}, []ClaimState{ClaimHeld, ClaimHeld})

		// A stores k1: its lease ends with the store, B gets the answer.
		mustStore(t, a, k1, "Sentence one.")
		check(b, []Key{k1}, []ClaimState{ClaimAnswered}, "Sentence one.")
		if a.holds(k1.normalize().hashKey(scopeMT)) {
			t.Errorf("A still counts the stored key as held")
		}

		// A's lease on k2 expires (A died); B takes it over, and A no longer can.
		clock.Advance(time.Minute + time.Millisecond)
		check(b, []Key{k2}, []ClaimState{ClaimOwned})
		// A's caller gives up the lease it lost: that does not end B's.
		if err := a.Release(ctx, []Key{k2}); err != nil {
			t.Fatal(err)
		}
		check(a, []Key{k2}, []ClaimState{ClaimHeld})

		// Renewal keeps a lease alive past its first expiry.
		k4 := keyN(4)
		check(a, []Key{k4}, []ClaimState{ClaimOwned})
		clock.Advance(50 * time.Second)
		if err := a.RenewClaims(ctx); err != nil {
			t.Fatal(err)
		}
		clock.Advance(50 * time.Second)
		check(b, []Key{k4}, []ClaimState{ClaimHeld})

		// Release frees the key at once.
		if err := a.Release(ctx, []Key{k4}); err != nil {
			t.Fatal(err)
		}
		check(b, []Key{k4}, []ClaimState{ClaimOwned})

		// Close gives up what a handle holds: B's k2, k3 and k4 become free for A.
		b.Close()
		check(a, []Key{k2, k3, k4}, []ClaimState{ClaimOwned, ClaimOwned, ClaimOwned})
	})
}

// TestAwaitClaims: a waiter gets the answer stored by the holder, takes over a released key, and
// stops when its context ends.
func TestAwaitClaims(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		clock := newFakeClock()
		a := openAt(t, loc, pollFast(Options{Clock: clock, Owner: "A"}))
		b := openAt(t, loc, pollFast(Options{Clock: clock, Owner: "B"}))
		k1, k2, k3 := keyN(1), keyN(2), keyN(3)
		if st, _, err := a.Claim(ctx, []Key{k1, k2, k3}); err != nil || st[0] != ClaimOwned {
			t.Fatalf("Claim = %v, %v", st, err)
		}
		done := make(chan struct{})
		var st []ClaimState
		var ts []string
		var err error
		go func() {
			defer close(done)
			st, ts, err = b.AwaitClaims(ctx, []Key{k1, k2})
		}()
		mustStore(t, a, k1, "One.")
		if err := a.Release(ctx, []Key{k2}); err != nil {
			t.Fatal(err)
		}
		<-done
		if err != nil || st[0] != ClaimAnswered || ts[0] != "One." || st[1] != ClaimOwned {
			t.Fatalf("AwaitClaims = %v, %q, %v", st, ts, err)
		}

		cctx, cancel := context.WithCancel(ctx)
		go func() { time.Sleep(5 * time.Millisecond); cancel() }()
		if _, _, err := b.AwaitClaims(cctx, []Key{k3}); !errors.Is(err, context.Canceled) {
			t.Errorf("AwaitClaims after cancel = %v", err)
		}
	})
}

// TestAwaitClaimsTimeout: a holder that keeps renewing (alive but stuck) makes the waiter fail
// with ErrClaimTimeout after MaxWait, measured on the clock.
func TestAwaitClaimsTimeout(t *testing.T) {
	loc := sqliteBackend.location(t)
	clock := &tickingClock{fakeClock: *newFakeClock(), step: 10 * time.Second}
	a := openAt(t, loc, Options{Clock: clock, Owner: "A", Lease: 24 * time.Hour})
	b := openAt(t, loc, pollFast(Options{Clock: clock, Owner: "B", MaxWait: time.Minute}))
	if st, _, err := a.Claim(ctx, []Key{keyN(1)}); err != nil || st[0] != ClaimOwned {
		t.Fatalf("Claim = %v, %v", st, err)
	}
	_, _, err := b.AwaitClaims(ctx, []Key{keyN(1), keyN(2)})
	if !errors.Is(err, ErrClaimTimeout) {
		t.Fatalf("AwaitClaims = %v, want ErrClaimTimeout", err)
	}
	// The key B took meanwhile was given back.
	if st, _, err := a.Claim(ctx, []Key{keyN(2)}); err != nil || st[0] != ClaimOwned {
		t.Errorf("key 2 after the timeout: %v, %v", st, err)
	}
}

// payer is a worker of the concurrency tests: it claims keys, "pays" for the owned ones
// (recording each payment), stores them, and awaits the held ones, paying for any it takes over.
func payer(db *DB, ks []Key, pay func(Key)) error {
	st, _, err := db.Claim(ctx, ks)
	if err != nil {
		return err
	}
	settle := func(ks []Key, st []ClaimState) error {
		var mine []Key
		var ts []string
		for i, s := range st {
			if s == ClaimOwned {
				pay(ks[i])
				mine = append(mine, ks[i])
				ts = append(ts, "EN "+ks[i].Source)
			}
		}
		return db.StoreMany(ctx, mine, ts)
	}
	if err := settle(ks, st); err != nil {
		return err
	}
	var held []Key
	for i, s := range st {
		if s == ClaimHeld {
			held = append(held, ks[i])
		}
	}
	if len(held) == 0 {
		return nil
	}
	st, ts, err := db.AwaitClaims(ctx, held)
	if err != nil {
		return err
	}
	for i, s := range st {
		if s == ClaimAnswered && ts[i] != "EN "+held[i].Source {
			return fmt.Errorf("wrong answer for %q: %q", held[i].Source, ts[i])
		}
	}
	return settle(held, st)
}

// claimKeys are the keys of the concurrency tests: every worker wants all of them, in an order
// of its own, in batches.
func claimKeys(worker, n int) [][]Key {
	order := make([]Key, n)
	for i := range n {
		order[i] = keyN((i*7 + worker*13) % n)
	}
	var batches [][]Key
	for start := 0; start < n; start += 10 {
		batches = append(batches, order[start:min(start+10, n)])
	}
	return batches
}

// TestClaimGoroutines: goroutines on one handle and on separate handles want the same keys;
// each key is paid for once.
func TestClaimGoroutines(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		const keys, handles, perHandle = 60, 3, 3
		var mu sync.Mutex
		paid := map[string]int{}
		pay := func(k Key) {
			mu.Lock()
			paid[k.Source]++
			mu.Unlock()
		}
		var wg sync.WaitGroup
		errs := make(chan error, handles*perHandle)
		for h := range handles {
			db := openAt(t, loc, pollFast(Options{}))
			for g := range perHandle {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for _, batch := range claimKeys(h*perHandle+g, keys) {
						if err := payer(db, batch, pay); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if len(paid) != keys {
			t.Errorf("%d keys paid for, want %d", len(paid), keys)
		}
		for s, n := range paid {
			if n != 1 {
				t.Errorf("%q paid %d times", s, n)
			}
		}
	})
}

const (
	claimHelperLoc  = "BITEXT_TM_CLAIM_HELPER_LOC"
	claimHelperID   = "BITEXT_TM_CLAIM_HELPER_ID"
	claimHelperLog  = "BITEXT_TM_CLAIM_HELPER_LOG"
	claimHelperKeys = 80
)

// TestClaimHelperProcess is a worker process of TestClaimProcesses; it does nothing otherwise.
// It appends one line per key it pays for to the log file (O_APPEND: lines of processes do not
// interleave).
func TestClaimHelperProcess(t *testing.T) {
	loc := os.Getenv(claimHelperLoc)
	if loc == "" {
		t.Skip("helper process for TestClaimProcesses")
	}
	id, _ := strconv.Atoi(os.Getenv(claimHelperID))
	log, err := os.OpenFile(os.Getenv(claimHelperLog), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	db, err := OpenURL(ctx, loc, pollFast(Options{}))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pay := func(k Key) {
		if _, err := fmt.Fprintf(log, "%d\t%s\n", id, k.Source); err != nil {
			t.Error(err)
		}
		time.Sleep(time.Millisecond) // a request takes time: others meet the claim
	}
	for _, batch := range claimKeys(id, claimHelperKeys) {
		if err := payer(db, batch, pay); err != nil {
			t.Fatal(err)
		}
	}
}

// TestClaimProcesses: worker processes share one memory and want the same keys; each key is
// paid for once in all.
func TestClaimProcesses(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		// The schema exists before the workers start, as it does once any worker opened it.
		openAt(t, loc, Options{}).Close()
		logPath := filepath.Join(t.TempDir(), "paid.log")
		if err := os.WriteFile(logPath, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		const workers = 4
		var cmds []*exec.Cmd
		for id := range workers {
			cmd := exec.Command(os.Args[0], "-test.run=^TestClaimHelperProcess$", "-test.count=1")
			cmd.Env = append(os.Environ(), claimHelperLoc+"="+loc, claimHelperID+"="+strconv.Itoa(id), claimHelperLog+"="+logPath)
			var out strings.Builder
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("worker %d:\n%s", id, out.String())
				}
			})
			cmds = append(cmds, cmd)
		}
		for id, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("worker %d: %v", id, err)
			}
		}
		f, err := os.Open(logPath)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		paid := map[string][]string{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			id, src, _ := strings.Cut(sc.Text(), "\t")
			paid[src] = append(paid[src], id)
		}
		if len(paid) != claimHelperKeys {
			t.Errorf("%d keys paid for, want %d", len(paid), claimHelperKeys)
		}
		for s, ids := range paid {
			if len(ids) != 1 {
				t.Errorf("%q paid by workers %v", s, ids)
			}
		}
	})
}

// TestBudget: a shared bucket refills at its rate, lends ahead (the debt becomes a wait), and
// two handles draw from one bucket.
func TestBudget(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		clock := newFakeClock()
		a := openAt(t, loc, Options{Clock: clock})
		b := openAt(t, loc, Options{Clock: clock})
		ba, err := a.Budget("acct/requests", 2, 4) // 2 per second, burst 4
		if err != nil {
			t.Fatal(err)
		}
		bb, _ := b.Budget("acct/requests", 2, 4)
		steps := []struct {
			bucket  *Budget
			advance time.Duration
			n       float64
			want    time.Duration
		}{
			{ba, 0, 3, 0},                        // 4 → 1
			{bb, 0, 1, 0},                        // 1 → 0 (the other worker)
			{ba, 0, 1, 500 * time.Millisecond},   // 0 → -1: half a second of debt
			{bb, 0, 2, 1500 * time.Millisecond},  // -1 → -3
			{ba, 2 * time.Second, 1, 0},          // refilled to 1, → 0
			{bb, time.Hour, 10, 3 * time.Second}, // full (4), the request clamped to 4 → 0... see below
			{ba, 0, 0.5, 250 * time.Millisecond}, // 0 → -0.5
			{bb, 250 * time.Millisecond, 0.5, 250 * time.Millisecond},
		}
		// Row 6: a request above the burst takes the whole bucket: no wait when it is full.
		steps[5].want = 0
		for i, s := range steps {
			clock.Advance(s.advance)
			got, err := s.bucket.Reserve(ctx, s.n)
			if err != nil {
				t.Fatal(err)
			}
			if got != s.want {
				t.Errorf("step %d: Reserve(%v) = %v, want %v", i, s.n, got, s.want)
			}
		}
		// Cancel gives back what a cancelled wait had reserved.
		if err := bb.Cancel(ctx, 1); err != nil {
			t.Fatal(err)
		}
		if got, _ := ba.Reserve(ctx, 0.5); got != 0 {
			t.Errorf("after Cancel: Reserve = %v, want 0", got)
		}
		if _, err := a.Budget("x", 0, 1); err == nil {
			t.Errorf("Budget with rate 0 accepted")
		}
	})
}

// TestShareRate: WaitRate waits nothing without a shared rate and honours the bucket with one.
func TestShareRate(t *testing.T) {
	db := openAt(t, sqliteBackend.location(t), Options{Clock: newFakeClock()})
	if err := db.WaitRate(ctx, 5, 1000); err != nil {
		t.Fatal(err)
	}
	if err := db.ShareRate(SharedRate{Name: "openai", RequestsPerSecond: 1000, TokensPerMinute: 600000}); err != nil {
		t.Fatal(err)
	}
	// The first request fits the full buckets; the clock never moves, so a second one waits
	// 1 ms for the request bucket: real, short, and bounded by the context.
	if err := db.WaitRate(ctx, 1, 100); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := db.WaitRate(cctx, 1, 100); !errors.Is(err, context.Canceled) {
		t.Errorf("WaitRate after cancel = %v", err)
	}
	if err := db.ShareRate(SharedRate{}); err == nil {
		t.Errorf("ShareRate without a name accepted")
	}
}

// BenchmarkClaim measures the claim-then-store cycle of the translate pipeline on each database:
// a batch of 50 new keys claimed, then stored (which ends the leases).
func BenchmarkClaim(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			db := openAt(b, be.location(b), Options{})
			ks := make([]Key, 50)
			ts := make([]string, 50)
			n := 0
			for b.Loop() {
				for j := range ks {
					ks[j], ts[j] = keyN(n), "x"
					n++
				}
				st, _, err := db.Claim(ctx, ks)
				if err != nil || st[0] != ClaimOwned {
					b.Fatal(st, err)
				}
				if err := db.StoreMany(ctx, ks, ts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "segments/s")
		})
	}
}

// TestReapDeadOwner: leases of a process of this machine that is gone are taken at once; those
// of a live process, of another machine or of an owner named otherwise wait for their expiry.
func TestReapDeadOwner(t *testing.T) {
	done := exec.Command(os.Args[0], "-test.run=^$")
	if err := done.Run(); err != nil {
		t.Fatal(err)
	}
	deadPID := done.Process.Pid
	forEachBackend(t, func(t *testing.T, loc string) {
		tests := []struct {
			owner string
			want  ClaimState
		}{
			{fmt.Sprintf("%s/%d/dead", localMachine(), deadPID), ClaimOwned},
			{fmt.Sprintf("%s/%d/alive", localMachine(), os.Getpid()), ClaimHeld},
			{fmt.Sprintf("elsewhere%s/%d/x", localMachine(), deadPID), ClaimHeld},
			{"worker-7", ClaimHeld},
		}
		b := openAt(t, loc, Options{})
		for i, tt := range tests {
			k := keyN(100 + i)
			a := openAt(t, loc, Options{Owner: tt.owner})
			if st, _, err := a.Claim(ctx, []Key{k}); err != nil || st[0] != ClaimOwned {
				t.Fatalf("%s: Claim = %v, %v", tt.owner, st, err)
			}
			st, _, err := b.Claim(ctx, []Key{k, keyN(200 + i)})
			if err != nil {
				t.Fatal(err)
			}
			if st[0] != tt.want || st[1] != ClaimOwned {
				t.Errorf("lease of %s: Claim = %v, want [%v owned]", tt.owner, st, tt.want)
			}
		}
	})
}

func TestOwnerGone(t *testing.T) {
	me := localMachine()
	for _, tt := range []struct {
		owner string
		gone  bool
	}{
		{newOwner(), false},
		{fmt.Sprintf("%s/%d/x", me, os.Getpid()), false},
		{fmt.Sprintf("%s/%d/x", me, 1<<30), true}, // above any pid_max
		{fmt.Sprintf("other/%d/x", 1<<30), false},
		{me + "/notanumber/x", false},
		{me + "/-5/x", false},
		{"", false},
		{"a/b", false},
	} {
		if got := ownerGone(tt.owner); got != tt.gone {
			t.Errorf("ownerGone(%q) = %v, want %v", tt.owner, got, tt.gone)
		}
	}
}

// TestBudgetConcurrent: workers drawing from one bucket at the same instant get the waits of
// one queue (0 for the burst, then 1/rate apart): no reservation is lost or counted twice.
func TestBudgetConcurrent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		clock := newFakeClock()
		const workers, each, rate, burst = 4, 5, 10.0, 3
		var mu sync.Mutex
		var waits []time.Duration
		var wg sync.WaitGroup
		for range workers {
			db := openAt(t, loc, Options{Clock: clock})
			bud, err := db.Budget("shared", rate, burst)
			if err != nil {
				t.Fatal(err)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range each {
					d, err := bud.Reserve(ctx, 1)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					waits = append(waits, d)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		slices.Sort(waits)
		var want []time.Duration
		for i := range workers * each {
			want = append(want, time.Duration(max(0, float64(i+1-burst))/rate*float64(time.Second)))
		}
		if fmt.Sprint(waits) != fmt.Sprint(want) {
			t.Errorf("waits = %v\nwant    %v", waits, want)
		}
	})
}

// TestVacuumDropsExpiredClaims: leases of a worker that died (never renewed, never given up)
// are dropped by Vacuum once they ran out; a live one stays.
func TestVacuumDropsExpiredClaims(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		clock := newFakeClock()
		dead := openAt(t, loc, Options{Clock: clock, Owner: "dead", Lease: time.Minute})
		live := openAt(t, loc, Options{Clock: clock, Owner: "live", Lease: time.Hour})
		if _, _, err := dead.Claim(ctx, []Key{keyN(1), keyN(2)}); err != nil {
			t.Fatal(err)
		}
		clock.Advance(2 * time.Minute)
		if _, _, err := live.Claim(ctx, []Key{keyN(3)}); err != nil {
			t.Fatal(err)
		}
		if err := live.Vacuum(ctx); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := live.sql.QueryRowContext(ctx, "SELECT count(*) FROM claims").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%d claims after vacuum, want the live one", n)
		}
	})
}
