package tm

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/internal/heappeak"
)

// pairGen is a corpus.Reader of n generated pairs of article-like length, each distinct, so
// that an import stores every one.
type pairGen struct{ i, n int }

func (g *pairGen) Next() (corpus.Pair, error) {
	if g.i >= g.n {
		return corpus.Pair{}, io.EOF
	}
	i := g.i
	g.i++
	day := strconv.Itoa(i%28 + 1)
	num := strconv.Itoa(i)
	return corpus.Pair{
		Source: "Der NATO-Generalsekretär sagte am " + day + ". Dezember, die Lage an der Grenze sei seit 2,5 Jahren angespannt (Satz " + num + ").",
		Target: "The NATO Secretary General said on " + day + " December that the situation had been tense for 2.5 years (sentence " + num + ").",
	}, nil
}

// peakHeap is the peak heap of f above the heap before it (internal/heappeak).
func peakHeap(f func()) uint64 { return heappeak.Measure(f) }

// BenchmarkImport imports 1M generated pairs (100k with -short) into a new memory and reports
// pairs per CPU-second (the acceptance figure: ≥ 80k) and per wall-clock second.
func BenchmarkImport(b *testing.B) {
	n := fixtureEntries()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "tm.sqlite")
		db, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu := time.Now(), cputime.Used()
		var res ImportResult
		heap := peakHeap(func() {
			res, err = db.ImportPairs(ctx, &pairGen{n: n}, ImportOptions{})
		})
		if err != nil {
			b.Fatal(err)
		}
		used, wall := cputime.Used()-cpu, time.Since(start)
		if res.Stored != n {
			b.Fatalf("%v; want %d stored", res, n)
		}
		b.ReportMetric(float64(n)/used.Seconds(), "pairs/cpu-s")
		b.ReportMetric(float64(n)/wall.Seconds(), "pairs/s")
		b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MiB")
		db.Close()
		if fi, err := os.Stat(path); err == nil {
			b.ReportMetric(float64(fi.Size())/(1<<20), "file-MiB")
		}
	}
}

const statsHelperEnv = "BITEXT_TM_TEST_STATS_PATH"

// TestStatsHelper is the child process of BenchmarkStats: it opens the memory read-only, as
// `tm stats` does, prints the entries and exits. It does nothing otherwise.
func TestStatsHelper(t *testing.T) {
	path := os.Getenv(statsHelperEnv)
	if path == "" {
		t.Skip("helper process for BenchmarkStats")
	}
	db, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("entries=%d\n", st.Entries)
}

// BenchmarkStats measures Stats on the 1M-entry fixture (100k with -short): the time and Go
// heap in this process, and the CPU time and peak RSS of a child process that does nothing but
// open the memory and count it, as `bitext tm stats` does (acceptance: ≤ 0.5 s, ≤ 64 MiB).
// The child's figures include starting a Go test binary.
func BenchmarkStats(b *testing.B) {
	db := fixtureDB(b)
	want := fixtureEntries()
	for b.Loop() {
		var st Stats
		var err error
		cpu := cputime.Used()
		heap := peakHeap(func() { st, err = db.Stats(ctx) })
		if err != nil || st.Entries != want {
			b.Fatalf("Stats = %d entries, %v; want %d", st.Entries, err, want)
		}
		b.ReportMetric((cputime.Used() - cpu).Seconds(), "stats-cpu-s")
		b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MiB")

		cmd := exec.Command(os.Args[0], "-test.run=^TestStatsHelper$", "-test.v")
		cmd.Env = append(os.Environ(), statsHelperEnv+"="+db.Path())
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), fmt.Sprintf("entries=%d", want)) {
			b.Fatalf("stats child: %v\n%s", err, out)
		}
		b.ReportMetric(time.Since(start).Seconds(), "child-s")
		if rss, cpu, ok := childUsage(cmd.ProcessState); ok {
			b.ReportMetric(rss/(1<<20), "child-maxrss-MiB")
			b.ReportMetric(cpu.Seconds(), "child-cpu-s")
		}
	}
}

// discard is a corpus.Writer that counts.
type discard struct{ n int }

func (d *discard) Write(corpus.Pair) error { d.n++; return nil }
func (d *discard) Close() error            { return nil }

// BenchmarkExport writes every pair of the 1M-entry fixture (100k with -short) once, through
// the grouping that writes duplicate pairs once, and reports pairs per CPU-second and the Go
// heap (flat: the grouping sorts on disk).
func BenchmarkExport(b *testing.B) {
	db := fixtureDB(b)
	for b.Loop() {
		var d discard
		var err error
		start, cpu := time.Now(), cputime.Used()
		heap := peakHeap(func() { _, err = db.Export(ctx, &d) })
		if err != nil || d.n != fixtureEntries() {
			b.Fatalf("Export wrote %d pairs, %v; want %d", d.n, err, fixtureEntries())
		}
		b.ReportMetric(float64(d.n)/(cputime.Used()-cpu).Seconds(), "pairs/cpu-s")
		b.ReportMetric(float64(d.n)/time.Since(start).Seconds(), "pairs/s")
		b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MiB")
	}
}
