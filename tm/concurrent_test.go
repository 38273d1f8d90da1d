package tm

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

const (
	helperEnvPath = "BITEXT_TM_TEST_HELPER_PATH"
	helperEnvID   = "BITEXT_TM_TEST_HELPER_ID"
	perWriter     = 120
)

// writeShare stores perWriter entries for writer id: batches of 20, and single stores, each
// followed by lookups, as the translate pipeline does.
func writeShare(db *DB, id int) error {
	var ks []Key
	var ts []string
	for i := range perWriter {
		ks = append(ks, baseKey(fmt.Sprintf("Writer %d, Satz %d.", id, i)))
		ts = append(ts, fmt.Sprintf("Writer %d, sentence %d.", id, i))
	}
	for start := 0; start < perWriter; start += 20 {
		end := start + 20
		if start >= perWriter/2 { // the second half one by one
			for i := start; i < end; i++ {
				if err := db.Store(ctx, ks[i], ts[i]); err != nil {
					return err
				}
			}
		} else if err := db.StoreMany(ctx, ks[start:end], ts[start:end]); err != nil {
			return err
		}
		got, found, err := db.LookupMany(ctx, ks[:end])
		if err != nil {
			return err
		}
		for i := range got {
			if !found[i] || got[i] != ts[i] {
				return fmt.Errorf("writer %d: entry %d lost or wrong: %q", id, i, got[i])
			}
		}
	}
	return nil
}

// TestHelperProcess is a writer process of TestConcurrentProcesses; it does nothing otherwise.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(helperEnvPath)
	if path == "" {
		t.Skip("helper process for TestConcurrentProcesses")
	}
	id, _ := strconv.Atoi(os.Getenv(helperEnvID))
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := writeShare(db, id); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentProcesses runs writer processes and goroutines on one new file at once:
// creating the schema, storing and looking up must neither fail with "database is locked"
// nor lose entries.
func TestConcurrentProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.sqlite")
	const procs, goroutines = 3, 3
	var wg sync.WaitGroup
	errs := make(chan error, procs+goroutines)
	for p := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.v")
			cmd.Env = append(os.Environ(), helperEnvPath+"="+path, helperEnvID+"="+strconv.Itoa(p))
			if out, err := cmd.CombinedOutput(); err != nil {
				errs <- fmt.Errorf("writer process %d: %v\n%s", p, err, out)
			}
		}()
	}
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := Open(path) // each goroutine its own handle, like a separate process
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			if err := writeShare(db, procs+g); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (procs + goroutines) * perWriter; st.Entries != want {
		t.Errorf("%d entries, want %d", st.Entries, want)
	}
}

// TestConcurrentGoroutines shares one *DB between goroutines that write the same keys.
func TestConcurrentGoroutines(t *testing.T) {
	db := openTemp(t)
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 60 {
				k := baseKey(fmt.Sprintf("Satz %d.", i)) // same keys in every goroutine
				if err := db.Store(ctx, k, fmt.Sprintf("Sentence %d.", i)); err != nil {
					t.Errorf("goroutine %d: %v", g, err)
					return
				}
				if _, ok, err := db.Lookup(ctx, k); err != nil || !ok {
					t.Errorf("goroutine %d: lookup after store: %v, %v", g, ok, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	st, err := db.Stats(ctx)
	if err != nil || st.Entries != 60 {
		t.Errorf("Stats: %d entries, %v; want 60", st.Entries, err)
	}
}

// TestOpenNewFileConcurrently opens one new memory file from 12 goroutines at once, 100 times
// over: every open succeeds. SQLite answers some of these races with SQLITE_BUSY at once,
// without waiting (5 of the 1,200 opens failed before Open retried). Under the race detector,
// which makes it ten times slower, 10 rounds check the retry for races; .ci/run runs the 100
// without it.
func TestOpenNewFileConcurrently(t *testing.T) {
	rounds := 100
	if raceEnabled {
		rounds = 10
	}
	for range rounds {
		path := filepath.Join(t.TempDir(), "new.sqlite")
		var wg sync.WaitGroup
		errs := make(chan error, 12)
		for range 12 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db, err := Open(path)
				if err != nil {
					errs <- err
					return
				}
				db.Close()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
	}
}
