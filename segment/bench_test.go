package segment

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/cputime"
)

// germanCorpus returns about size bytes of German news text: the seed articles and the test
// cases, repeated.
func germanCorpus(tb testing.TB, size int) string {
	var parts []string
	for _, name := range []string{"../testdata/articles/nato-russland.txt", "../testdata/articles/us-kreml.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	for _, c := range germanCases {
		parts = append(parts, c.in)
	}
	unit := strings.Join(parts, "\n\n") + "\n\n"
	return strings.Repeat(unit, size/len(unit)+1)
}

// BenchmarkSegmentGerman measures reading, cleaning and sentence splitting of German text on
// one core (run with -cpu 1): MB/s and allocations.
func BenchmarkSegmentGerman(b *testing.B) {
	text := germanCorpus(b, 4<<20)
	benchmarkScan(b, text)
}

// benchmarkScan segments text as plain text b.N times and reports MB/s, MB per CPU-second and
// allocations.
func benchmarkScan(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Used()
	for b.Loop() {
		sc := NewScanner(strings.NewReader(text), "bench.txt", Options{})
		n := 0
		for sc.Scan() {
			n += len(sc.Block().Sentences)
		}
		if sc.Err() != nil || n == 0 {
			b.Fatal(sc.Err(), n)
		}
	}
	reportCPURate(b, cpu0, len(text))
}

// reportCPURate reports MB per CPU-second of this process since cpu0, for the b.N iterations
// over size bytes each: throughput on one core even when the machine is busy.
func reportCPURate(b *testing.B, cpu0 time.Duration, size int) {
	if d := cputime.Used() - cpu0; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/(1<<20)/d.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkSegmentGermanArticles is BenchmarkSegmentGerman on whole news articles only (the
// test articles, repeated to 4 MiB): paragraphs of several sentences, as in the input bitext is
// for. BenchmarkSegmentGerman's corpus is mostly the one-line test cases, whose per-paragraph
// work (cleaning rules run once per block) weighs more per byte, and its figure moves as cases
// are added; this one does not.
func BenchmarkSegmentGermanArticles(b *testing.B) {
	var parts []string
	for _, name := range []string{"../testdata/articles/nato-russland.txt", "../testdata/articles/us-kreml.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	unit := strings.Join(parts, "\n\n") + "\n\n"
	text := strings.Repeat(unit, (4<<20)/len(unit)+1)
	benchmarkScan(b, text)
}

func BenchmarkSplitSentencesGerman(b *testing.B) {
	benchParagraphs(b, func(p string) { SplitSentences(p, "de") })
}

func BenchmarkWordsGerman(b *testing.B) {
	benchParagraphs(b, func(p string) { Words(p, "de") })
}

// benchParagraphs runs f over every paragraph of 1 MiB of German news text per iteration.
func benchParagraphs(b *testing.B, f func(paragraph string)) {
	text := germanCorpus(b, 1<<20)
	paras := strings.Split(text, "\n\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := cputime.Used()
	for b.Loop() {
		for _, p := range paras {
			f(p)
		}
	}
	reportCPURate(b, cpu0, len(text))
}

// BenchmarkSplitAccuracy reports the pass rate of the sentence-splitting test sets.
func BenchmarkSplitAccuracy(b *testing.B) {
	var de, en int
	for b.Loop() {
		de = splitAccuracy(discardTB{b}, "de", germanCases)
		en = splitAccuracy(discardTB{b}, "en", englishCases)
	}
	b.ReportMetric(100*float64(de)/float64(len(germanCases)), "de-accuracy-%")
	b.ReportMetric(100*float64(en)/float64(len(englishCases)), "en-accuracy-%")
	b.ReportMetric(0, "ns/op")
}

// discardTB drops the failure logs of splitAccuracy inside benchmarks.
type discardTB struct{ testing.TB }

func (discardTB) Logf(string, ...any) {}

// newGeneratedText returns a reader of about size bytes: whole copies of unit, so that the
// stream never ends inside a character (the reader would rightly call that invalid UTF-8).
func newGeneratedText(unit string, size int64) *generatedText {
	return &generatedText{unit: unit, left: max(size-size%int64(len(unit)), int64(len(unit)))}
}

// generatedText is an io.Reader of n bytes of German paragraphs, produced on the fly so the
// input itself never sits in memory.
type generatedText struct {
	unit string
	left int64
	pos  int
}

func (g *generatedText) Read(p []byte) (int, error) {
	if g.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && g.left > 0 {
		c := copy(p[n:min(len(p), n+int(min(g.left, int64(len(g.unit)-g.pos))))], g.unit[g.pos:])
		n += c
		g.left -= int64(c)
		g.pos = (g.pos + c) % len(g.unit)
	}
	return n, nil
}

// peakHeap streams r through a Scanner and returns the highest live heap above the starting
// point, sampled (after a collection, so garbage does not count) every sampleEvery blocks, and
// the number of sentences.
func peakHeap(tb testing.TB, r io.Reader, sampleEvery int) (peak uint64, sentences int) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	sc := NewScanner(r, "big.txt", Options{})
	blocks := 0
	for sc.Scan() {
		sentences += len(sc.Block().Sentences)
		if blocks++; blocks%sampleEvery == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > base && ms.HeapAlloc-base > peak {
				peak = ms.HeapAlloc - base
			}
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return peak, sentences
}

// TestStreamingMemory checks that plain text is streamed: segmenting a generated input takes far
// less heap than the input's size. (BenchmarkSegment100MB does the same with a 100 MB file.)
func TestStreamingMemory(t *testing.T) {
	const size = 8 << 20
	unit := germanCorpus(t, 1)
	peak, n := peakHeap(t, newGeneratedText(unit, size), 2048)
	t.Logf("%d MB streamed, %d sentences, peak heap growth %.1f MB", size>>20, n, float64(peak)/(1<<20))
	if n == 0 {
		t.Fatal("no sentences")
	}
	if peak > size/2 {
		t.Errorf("peak heap growth %d bytes for a %d-byte input: the text reader is not streaming", peak, size)
	}
}

// BenchmarkSegment100MB writes a 100 MB text file and segments it from disk, reporting the peak
// heap growth (which must stay a small fraction of the file) and throughput.
func BenchmarkSegment100MB(b *testing.B) {
	const size = 100 << 20
	path := filepath.Join(b.TempDir(), "big.txt")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if _, err := io.Copy(w, newGeneratedText(germanCorpus(b, 1), size)); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	b.SetBytes(size)
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		p, _ := peakHeap(b, f, 1<<15)
		f.Close()
		peak = max(peak, p)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkCancel100MB measures how long a Scanner takes to stop once its context is cancelled,
// on 100 MB of German text on a single line (one huge paragraph) in each format, and on 100 MB
// of ordinary paragraphs. The context is cancelled at several points of the work (50 ms to 4 s
// after the start); cancel-ms is the longest time from cancel() to Scan returning false, and
// cancel-cpu-ms the CPU time the process spent in that interval (on a busy machine the wall
// time mostly measures waiting for a core).
func BenchmarkCancel100MB(b *testing.B) {
	const size = 100 << 20
	inputs := []struct {
		name string
		f    Format
		gen  func() io.Reader
	}{
		{"text-line", Text, func() io.Reader { return singleLine(b, size) }},
		{"text-paragraphs", Text, func() io.Reader { return newGeneratedText(germanCorpus(b, 1), size) }},
		{"markdown-line", Markdown, func() io.Reader { return singleLine(b, size) }},
		{"html-article-15MB", HTML, func() io.Reader { return htmlArticle(b, 15<<20) }},
		{"html-paragraph", HTML, func() io.Reader {
			return io.MultiReader(strings.NewReader("<html><body><p>"), singleLine(b, size), strings.NewReader("</p></body></html>"))
		}},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			var worst, worstCPU time.Duration
			for b.Loop() {
				for _, delay := range []time.Duration{50 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second} {
					ctx, cancel := context.WithCancel(context.Background())
					done := make(chan time.Time, 1)
					go func() {
						sc := NewScannerContext(ctx, in.gen(), "big", Options{Format: in.f})
						for sc.Scan() {
						}
						done <- time.Now()
					}()
					timer := time.NewTimer(delay)
					select {
					case end := <-done:
						timer.Stop()
						cancel()
						_ = end // finished before the cancellation: nothing to measure
					case <-timer.C:
						t0, c0 := time.Now(), cputime.Used()
						cancel()
						worst = max(worst, (<-done).Sub(t0))
						worstCPU = max(worstCPU, cputime.Used()-c0)
					}
					runtime.GC()
				}
			}
			b.ReportMetric(float64(worst.Microseconds())/1000, "cancel-ms")
			b.ReportMetric(float64(worstCPU.Microseconds())/1000, "cancel-cpu-ms")
		})
	}
}

// BenchmarkSegment100MBLine segments 100 MB of German on one line from a generated reader and
// reports the peak heap growth: long lines are cut at sentence ends, so memory stays flat.
func BenchmarkSegment100MBLine(b *testing.B) {
	const size = 100 << 20
	b.SetBytes(size)
	var peak uint64
	cpu0 := cputime.Used()
	for b.Loop() {
		p, _ := peakHeap(b, singleLine(b, size), 4)
		peak = max(peak, p)
	}
	reportCPURate(b, cpu0, size)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
