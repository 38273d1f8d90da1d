package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/providers/providertest"
	"github.com/bitext/bitext/shard"
)

// TestShardedWorkers is issue 18's end-to-end run: four bitext processes (this test binary
// re-executed as bitext, see TestMain) translate the four shards of a 1,600-article manifest
// whose sentences recur across shards, through one fake provider, sharing one translation
// memory. The worker of shard 2 is killed (SIGKILL) in the middle of its run and its shard is
// run again. Then:
//
//   - bitext corpus merge finds every document of the manifest exactly once, each pair's
//     target the fake's translation of its source;
//   - the fake was asked for every distinct sentence, and for none twice, except sentences
//     that the killed worker had asked for (requests in flight at the kill: their answers
//     never reached the memory, so the rerun or another worker paid again).
//
// It runs against a SQLite file shared by the four processes, and against PostgreSQL when
// BITEXT_TEST_POSTGRES holds a connection URL (.ci/run starts a throwaway server).
func TestShardedWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: four processes over 1,600 articles")
	}
	if _, err := exec.LookPath("bitext"); err != nil {
		t.Skipf("bitext is not on PATH (TestMain puts this test binary there): %v", err)
	}
	memories := map[string]func(t *testing.T, dir string) string{
		"sqlite": func(t *testing.T, dir string) string { return "sqlite:" + filepath.Join(dir, "tm.sqlite") },
	}
	if base := os.Getenv("BITEXT_TEST_POSTGRES"); base != "" {
		memories["postgres"] = func(t *testing.T, _ string) string { return postgresSchema(t, base) }
	} else {
		t.Log("BITEXT_TEST_POSTGRES not set: PostgreSQL not tested")
	}
	for name, memory := range memories {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			runShardedWorkers(t, dir, memory(t, dir))
		})
	}
}

const (
	workerShards    = 4
	workerArticles  = 1600 // about 400 per shard
	workerSentences = 900  // distinct sentences; each article has 3, so each recurs ~5 times
	workerParallel  = 2    // --concurrency of each worker
)

func runShardedWorkers(t *testing.T, dir, memory string) {
	manifest, distinct := writeWorkerManifest(t, dir)
	// A little latency keeps the killed worker's requests in flight for a while, so that the
	// kill lands in the middle of its run.
	srv := providertest.NewOpenAI(t, providertest.Options{Latency: 40 * time.Millisecond, RetryAfter: "0"})
	base := []string{
		"translate", "--manifest", manifest, "--format", "jsonl", "--quiet",
		"--provider", "openai", "--base-url", srv.URL + "/v1", "--model", "gpt-4o-mini",
		"--tm", memory, "--tm-lease", "6s", "--concurrency", fmt.Sprint(workerParallel),
	}
	out := func(i int) string { return filepath.Join(dir, fmt.Sprintf("shard-%d.jsonl", i)) }
	worker := func(i int, key string) *exec.Cmd {
		cmd := exec.Command("bitext", append(base, "--shard", fmt.Sprintf("%d/%d", i, workerShards), "-o", out(i))...)
		// Each process has its own key, so the fake's log tells the workers apart.
		cmd.Env = append(workerEnv(dir), "OPENAI_API_KEY="+key)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		cmd.Stdout = &stderr
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("worker %s:\n%s", key, stderr.String())
			}
		})
		return cmd
	}
	const killed = 2
	killedKey := "sk-worker-2-killed"
	cmds := make([]*exec.Cmd, workerShards)
	for i := range workerShards {
		key := fmt.Sprintf("sk-worker-%d", i)
		if i == killed {
			key = killedKey
		}
		cmds[i] = worker(i, key)
	}
	// Shard 2's worker starts first. Started together, the others could (on a loaded machine,
	// where one process starts late) translate every sentence of shard 2 before it asked for
	// one, and it would finish with nothing to kill.
	if err := cmds[killed].Start(); err != nil {
		t.Fatal(err)
	}
	// Kill shard 2's worker once its second request has arrived: the first is answered (and
	// stored) or nearly so, the second is in flight, and its other requests (a worker sends
	// about five) are still to come. The other workers start then, so the kill lands while
	// they run.
	// No limit on how long that takes (a loaded machine is slow, not wrong): the wait ends when
	// the requests arrive, fails when the worker exits first, and a generous guard only turns
	// a hang into a failure with a message instead of go test's timeout.
	exited := make(chan struct{})
	var exitErr error
	go func() {
		exitErr = cmds[killed].Wait() // killed: the exit status says so
		close(exited)
	}()
	guard, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for requestsBy(srv, killedKey) < 2 {
		select {
		case <-exited:
			t.Fatalf("the worker of shard %d exited (%v) after %d requests, before its kill: the test no longer kills mid-run", killed, exitErr, requestsBy(srv, killedKey))
		case <-guard.Done():
			t.Fatalf("hang guard: the worker of shard %d sent %d requests and is still running", killed, requestsBy(srv, killedKey))
		case <-tick.C:
		}
	}
	for i, cmd := range cmds {
		if i != killed {
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := cmds[killed].Process.Kill(); err != nil {
		t.Fatalf("killing the worker of shard %d: %v (finished before its kill: the test no longer kills mid-run)", killed, err)
	}
	<-exited
	if _, err := os.Stat(out(killed)); err == nil {
		t.Fatalf("the killed worker left %s", out(killed))
	}
	var wg sync.WaitGroup
	errs := make([]error, workerShards)
	for i, cmd := range cmds {
		if i == killed {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = cmd.Wait()
		}()
	}
	// The scheduler reruns the failed shard while the others are still at work.
	rerun := worker(killed, "sk-worker-2-rerun")
	errs[killed] = rerun.Run()
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("worker of shard %d: %v", i, err)
		}
	}

	// Every document exactly once: corpus merge checks it against the manifest.
	merged := filepath.Join(dir, "merged.jsonl")
	args := []string{"corpus", "merge", "--manifest", manifest, "-o", merged}
	for i := range workerShards {
		args = append(args, out(i))
	}
	if b, err := exec.Command("bitext", args...).CombinedOutput(); err != nil {
		t.Fatalf("bitext corpus merge: %v\n%s", err, b)
	}
	pairs := readMergedPairs(t, merged)
	if len(pairs) != workerArticles*3 {
		t.Errorf("merged corpus has %d pairs, want %d", len(pairs), workerArticles*3)
	}
	for _, p := range pairs {
		if want := "EN(" + p.Source + ")"; p.Target != want {
			t.Fatalf("%s: %q translated as %q, want %q", p.Doc, p.Source, p.Target, want)
		}
	}

	// Every distinct sentence asked once, but for what the killed worker had in flight.
	asked := map[string]int{}
	byKilled := map[string]bool{}
	killedRequests := 0
	for _, r := range srv.Requests() {
		for _, seg := range r.Info.Segments {
			asked[seg.Text]++
			if r.Info.APIKey == killedKey {
				byKilled[seg.Text] = true
			}
		}
		if r.Info.APIKey == killedKey {
			killedRequests++
		}
	}
	again := 0
	for s := range distinct {
		switch n := asked[s]; {
		case n == 0:
			t.Errorf("never asked for %q", s)
		case n > 2 || n == 2 && !byKilled[s]:
			t.Errorf("asked %d times for %q (the killed worker asked for it: %v)", n, s, byKilled[s])
		case n == 2:
			again++
		}
	}
	for s := range asked {
		if !distinct[s] {
			t.Errorf("asked for %q, which is not in the corpus", s)
		}
	}
	t.Logf("%d requests for %d distinct sentences; the killed worker sent %d requests, %d of its sentences were asked again; the rerun sent %d",
		srv.Count(), len(distinct), killedRequests, again, requestsBy(srv, "sk-worker-2-rerun"))
}

// requestsBy counts the requests the fake received with the given key.
func requestsBy(srv *providertest.Server, key string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Info.APIKey == key {
			n++
		}
	}
	return n
}

// workerEnv is the environment of a worker process: no credentials, config or cache of the
// user's, and no second of sleep at exit under the race detector.
func workerEnv(dir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasSuffix(k, "_API_KEY") || strings.HasSuffix(k, "_AUTH_KEY") || k == "BITEXT_CONFIG" ||
			k == "BITEXT_TM" || k == "GOOGLE_APPLICATION_CREDENTIALS" || k == "GORACE" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "XDG_CACHE_HOME="+filepath.Join(dir, "cache"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"HOME="+dir, "NO_COLOR=1", "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
}

// writeWorkerManifest writes the articles (half as files, half inline in the manifest) and
// returns the manifest's path and the set of distinct sentences.
func writeWorkerManifest(t *testing.T, dir string) (string, map[string]bool) {
	t.Helper()
	sentence := func(k int) string {
		return fmt.Sprintf("Im Jahr %d berichtete die Zeitung über die Sitzung Nummer %d des Ausschusses in Berlin.", 1000+k, k+1)
	}
	distinct := map[string]bool{}
	path := filepath.Join(dir, "manifest.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	perShard := make([]int, workerShards)
	if err := os.Mkdir(filepath.Join(dir, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range workerArticles {
		var paras []string
		for k := range 3 {
			s := sentence((i*3 + k*301) % workerSentences)
			distinct[s] = true
			paras = append(paras, s)
		}
		text := strings.Join(paras, "\n\n") + "\n"
		id := fmt.Sprintf("artikel-%04d", i)
		perShard[shard.Of(id, workerShards)]++
		doc := shard.Document{ID: id}
		if i%2 == 0 {
			doc.Text = text
		} else {
			doc.Path = filepath.Join("articles", id+".txt")
			if err := os.WriteFile(filepath.Join(dir, doc.Path), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("articles per shard: %v; %d distinct sentences", perShard, len(distinct))
	return path, distinct
}

func readMergedPairs(t *testing.T, path string) []corpus.Pair {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := corpus.NewReader(corpus.JSONL, f, path, corpus.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var pairs []corpus.Pair
	for {
		p, err := r.Next()
		if err == io.EOF {
			return pairs
		}
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, p)
	}
}

// postgresSchema returns base with a fresh schema of its own as search_path, dropped after
// the test.
func postgresSchema(t *testing.T, base string) string {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "bitext_workers_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
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
	return u.String()
}

// BenchmarkShardWorkerMemory runs one worker (a child process, as a scheduler would) over a
// manifest of 100,000 inline documents of three sentences (30,000 distinct sentences), against
// the fake provider and a SQLite memory, and reports the worker's peak heap (the largest heap
// the collector saw, from GODEBUG=gctrace=1) and its peak resident memory:
//
//	go test ./cmd/bitext -run '^$' -bench ShardWorkerMemory -benchtime 1x
//
// Bound (issue 18): ≤ 100 MB, flat in the size of the manifest. "shard-0of10" translates a tenth
// of the documents and reads all 100,000 lines; "all" translates every document.
// BITEXT_BENCH_DOCS=N changes the number of documents (the distinct sentences stay 30,000).
func BenchmarkShardWorkerMemory(b *testing.B) {
	if _, err := exec.LookPath("bitext"); err != nil {
		b.Skipf("bitext is not on PATH (TestMain puts this test binary there): %v", err)
	}
	dir := b.TempDir()
	manifest := filepath.Join(dir, "manifest.jsonl")
	docs, distinct := 100_000, 30_000
	if n, err := strconv.Atoi(os.Getenv("BITEXT_BENCH_DOCS")); err == nil && n > 0 {
		docs = n // to see that memory stays flat: BITEXT_BENCH_DOCS=200000
	}
	f, err := os.Create(manifest)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range docs {
		var text strings.Builder
		for k := range 3 {
			n := (i*3 + k*7919) % distinct
			fmt.Fprintf(&text, "Im Jahr %d berichtete die Zeitung über die Sitzung Nummer %d des Ausschusses in Berlin.\n\n", 1000+n%1000, n)
		}
		line, _ := json.Marshal(shard.Document{ID: fmt.Sprintf("doc-%06d", i), Text: text.String()})
		w.Write(line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	srv := providertest.NewOpenAI(b, providertest.Options{RetryAfter: "0"})
	for _, tc := range []struct{ name, shard string }{{"shard-0of10", "0/10"}, {"all", "0/1"}} {
		b.Run(tc.name, func(b *testing.B) {
			for i := range b.N {
				out := filepath.Join(dir, fmt.Sprintf("%s-%d.jsonl", tc.name, i))
				cmd := exec.Command("bitext", "translate", "--manifest", manifest, "--shard", tc.shard,
					"-o", out, "--quiet", "--provider", "openai", "--base-url", srv.URL+"/v1",
					"--tm", filepath.Join(dir, fmt.Sprintf("%s-%d.sqlite", tc.name, i)))
				cmd.Env = append(workerEnv(dir), "OPENAI_API_KEY=sk-bench", "GODEBUG=gctrace=1")
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				start := time.Now()
				if err := cmd.Run(); err != nil {
					b.Fatalf("worker: %v\n%s", err, lastLines(stderr.String(), 20))
				}
				b.ReportMetric(time.Since(start).Seconds(), "worker-s")
				b.ReportMetric(peakGCHeapMB(stderr.String()), "peak-heap-MB")
				if rss, ok := maxRSSKB(cmd.ProcessState); ok {
					b.ReportMetric(rss/1024, "maxrss-MB")
				}
			}
		})
	}
}

// gcHeapRE matches gctrace's "A->B->C MB": the heap at the start of a collection, at its end,
// and the live heap it marked.
var gcHeapRE = regexp.MustCompile(`(\d+)->(\d+)->(\d+) MB`)

// peakGCHeapMB is the largest heap any collection of the trace started or ended with.
func peakGCHeapMB(trace string) float64 {
	peak := 0
	for _, m := range gcHeapRE.FindAllStringSubmatch(trace, -1) {
		for _, s := range m[1:3] {
			n, _ := strconv.Atoi(s)
			peak = max(peak, n)
		}
	}
	return float64(peak)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// maxRSSKB is the peak resident set of a finished process in kilobytes (Linux's rusage unit),
// where the system reports it. Reflection keeps this file building where syscall has no Rusage.
func maxRSSKB(ps *os.ProcessState) (float64, bool) {
	v := reflect.ValueOf(ps.SysUsage())
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return 0, false
	}
	f := v.Elem().FieldByName("Maxrss")
	if !f.IsValid() || !f.CanInt() {
		return 0, false
	}
	return float64(f.Int()), true
}
