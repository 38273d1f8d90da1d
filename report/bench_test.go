package report

import (
	"context"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/internal/heappeak"
)

// newsLines reads one file of the de-en-news set (60 real-ish news sentences).
func newsLines(tb testing.TB, name string) []string {
	tb.Helper()
	b, err := os.ReadFile("../testdata/report/de-en-news/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// perturb replaces about one word in twelve by another word of the set, so that repeated
// sentences still differ from line to line (and n-gram counting sees a realistic vocabulary).
func perturb(rng *rand.Rand, s string, vocab []string) string {
	w := strings.Fields(s)
	for i := range w {
		if rng.IntN(12) == 0 {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
	}
	return strings.Join(w, " ")
}

// newsCorpus builds n segments from the de-en-news set: sources, references and the fluent
// system's hypotheses, each perturbed independently.
func newsCorpus(tb testing.TB, n int) (src, ref, hyp []string) {
	s, r, h := newsLines(tb, "source.de"), newsLines(tb, "reference.en"), newsLines(tb, "mt-a.en")
	var vocab []string
	for _, l := range append(append([]string{}, r...), h...) {
		vocab = append(vocab, strings.Fields(l)...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < n; i++ {
		k := i % len(r)
		if h[k] == "" {
			k = 0
		}
		src = append(src, s[k])
		ref = append(ref, perturb(rng, r[k], vocab))
		hyp = append(hyp, perturb(rng, h[k], vocab))
	}
	return src, ref, hyp
}

// longLine joins perturbed segments into one line of at least size bytes.
func longLine(lines []string, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(lines[i%len(lines)])
	}
	return b.String()
}

// heapPeak samples the live heap every few milliseconds while f runs and returns the highest
// value above the heap in use before f started (every 20 ms: each sample stops the world), with the CPU seconds f used.
func heapPeak(f func()) (peak uint64, cpu float64) {
	c0 := cputime.Used()
	peak = heappeak.Measure(f)
	return peak, (cputime.Used() - c0).Seconds()
}

func reportBuild(b *testing.B, in Input, opt Options) {
	b.Helper()
	var peak uint64
	var cpu float64
	for b.Loop() {
		p, c := heapPeak(func() {
			if _, err := BuildContext(context.Background(), in, opt); err != nil {
				b.Fatal(err)
			}
		})
		peak = max(peak, p)
		cpu += c
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// BenchmarkReportLongLine is issue 10's acceptance case: one segment whose source, reference
// and hypothesis are each a single line of about 1 MB of news text, with every default metric
// and the details text output needs. Target: ≤ 500 MB peak heap, ≤ 60 s CPU.
// Run with -benchtime 1x.
func BenchmarkReportLongLine(b *testing.B) {
	src, ref, hyp := newsCorpus(b, 8000)
	in := Input{
		Sources:    []string{longLine(src, 1<<20)},
		References: [][]string{{longLine(ref, 1<<20)}},
		Systems:    []System{{Name: "mt", Hypotheses: []string{longLine(hyp, 1<<20)}}},
	}
	b.ResetTimer()
	reportBuild(b, in, Options{Details: DetailsWorst, Worst: 10})
}

// BenchmarkReportLongLinePerMetric is one segment of a single 10 MB line (reference and
// hypothesis), one metric at a time, with every detail built in Build (DetailsEager: sentence
// scores, the coarse word diff, QA; `bitext report -m METRIC -f json` builds the same, the diff
// as WriteJSON reaches the segment). It keeps the peak heap of each metric in view: the
// per-order n-gram keys of BLEU and chrF and TER's packed band rows. Run with -benchtime 1x;
// -short uses 1 MB.
func BenchmarkReportLongLinePerMetric(b *testing.B) {
	size := 10 << 20
	if testing.Short() {
		size = 1 << 20
	}
	_, ref, hyp := newsCorpus(b, 8000)
	in := Input{References: [][]string{{longLine(ref, size)}}, Systems: []System{{Name: "mt", Hypotheses: []string{longLine(hyp, size)}}}}
	for _, m := range []Metric{BLEU{}, NewCHRF(), NewCHRFPlusPlus(), TER{}} {
		b.Run(m.Name(), func(b *testing.B) {
			reportBuild(b, in, Options{Metrics: []Metric{m}, Details: DetailsEager})
		})
	}
}

// BenchmarkReport100k measures issue 19's corpus-scale case: 100,000 segments (about 1,9 M
// reference words), one metric at a time, as `bitext report -m METRIC` with text output builds
// it (sentence scores for --worst, diffs only for the segments shown). The heap figure is
// the growth above the input, which the CLI holds anyway. Run with -benchtime 1x.
func BenchmarkReport100k(b *testing.B) {
	_, ref, hyp := newsCorpus(b, 100_000)
	in := Input{References: [][]string{ref}, Systems: []System{{Name: "mt", Hypotheses: hyp}}}
	for _, m := range []Metric{BLEU{}, NewCHRF(), NewCHRFPlusPlus(), TER{}} {
		b.Run(m.Name(), func(b *testing.B) {
			reportBuild(b, in, Options{Metrics: []Metric{m}, Details: DetailsWorst, Worst: 10})
		})
	}
	// Every detail of every segment held at once (DetailsEager), what -f json built before it
	// streamed; BenchmarkReportOutput100k measures the streaming path.
	b.Run("all-eager", func(b *testing.B) {
		reportBuild(b, in, Options{Details: DetailsEager})
	})
}

// BenchmarkCorpusBLEU100k is corpus BLEU alone through CorpusScore (no report around it), the
// figure to compare with `sacrebleu -m bleu` on the same files.
func BenchmarkCorpusBLEU100k(b *testing.B) {
	_, ref, hyp := newsCorpus(b, 100_000)
	b.ResetTimer()
	var peak uint64
	var cpu float64
	for b.Loop() {
		p, c := heapPeak(func() {
			if _, err := CorpusScore(BLEU{}, hyp, [][]string{ref}, ""); err != nil {
				b.Fatal(err)
			}
		})
		peak = max(peak, p)
		cpu += c
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// BenchmarkReportOutput100k is `bitext report -f text` and `-f json` on 100,000 segments
// (sources, one reference, one system: about 6 MB a file): Build with the details each format
// asks for, then the renderer writing to io.Discard. peak-B/input-B is the peak heap above the
// input (which the CLI holds anyway) per byte of input; JSON writes each segment's details as
// it goes, so its peak should stay near text's. Run with -benchtime 1x.
func BenchmarkReportOutput100k(b *testing.B) {
	src, ref, hyp := newsCorpus(b, 100_000)
	size := 0
	for i := range src {
		size += len(src[i]) + len(ref[i]) + len(hyp[i]) + 3
	}
	in := Input{Sources: src, References: [][]string{ref}, Systems: []System{{Name: "mt", Hypotheses: hyp}}}
	for _, format := range []string{"text", "json"} {
		b.Run(format, func(b *testing.B) {
			var peak uint64
			for b.Loop() {
				peak = max(peak, heappeak.Measure(func() {
					opt := Options{}
					if format == "text" {
						opt.Details, opt.Worst = DetailsWorst, 10
					}
					rep, err := Build(in, opt)
					if err != nil {
						b.Fatal(err)
					}
					if format == "text" {
						err = WriteText(io.Discard, rep, TextOptions{Worst: 10})
					} else {
						err = WriteJSON(io.Discard, rep)
					}
					if err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(size)/1e6, "input-MB")
			b.ReportMetric(float64(peak)/1e6, "peak-MB")
			b.ReportMetric(float64(peak)/float64(size), "peak-B/input-B")
		})
	}
}

// BenchmarkCheckQA100k is the QA pass over 100,000 pairs that `bitext review` runs before it
// serves the queue and `bitext report` runs for its flags.
func BenchmarkCheckQA100k(b *testing.B) {
	src, _, hyp := newsCorpus(b, 100_000)
	for b.Loop() {
		if _, err := CheckQAContext(context.Background(), src, hyp, QAOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
