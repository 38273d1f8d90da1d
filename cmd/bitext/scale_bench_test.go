package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/internal/heappeak"
	"github.com/bitext/bitext/segment"
)

// BenchmarkWarmTMCorpus is issue 19's per-article tax, measured on the whole command: 5,400
// articles of about 18 sentences (100k segments, real seed sentences with a number per copy)
// translated entirely from a warm translation memory, against `bitext segment` over the same
// files. It reports both CPU times, their ratio, the overhead per article above segmenting, and
// the peak heap of the translate run:
//
//	go test ./cmd/bitext -run '^$' -bench WarmTMCorpus -benchtime 1x
func BenchmarkWarmTMCorpus(b *testing.B) {
	articles := 5400
	if testing.Short() {
		articles = 540
	}
	dir := b.TempDir()
	corpusDir := filepath.Join(dir, "artikel")
	pairs := filepath.Join(dir, "pairs.tsv")
	segments := writeArticleFolder(b, corpusDir, pairs, articles)
	tmPath := filepath.Join(dir, "tm.sqlite")
	b.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	b.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	runQuiet(b, "tm", "import", pairs, "--tm", tmPath)

	for range b.N {
		files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
		segCPU, _ := measureRun(b, append([]string{"segment"}, files...)...)
		// A provider is configured, as in a corpus run, but never asked: every segment is a hit.
		// Its address is a closed port, so a request would fail the benchmark.
		// Like segment, it writes text to standard output.
		trCPU, peak := measureRun(b, "--quiet", "translate", corpusDir, "--tm", tmPath,
			"--provider", "openai", "--base-url", "http://127.0.0.1:9/v1")
		// Without a provider bitext first makes a plan (it will not start a run it cannot
		// finish), then runs: every article is read and looked up twice.
		offCPU, _ := measureRun(b, "--quiet", "translate", corpusDir, "--tm", tmPath)
		pairsCPU, _ := measureRun(b, "--quiet", "translate", corpusDir, "--tm", tmPath, "-f", "jsonl", "-o", filepath.Join(dir, "out.jsonl"),
			"--provider", "openai", "--base-url", "http://127.0.0.1:9/v1")
		b.ReportMetric(pairsCPU/segCPU, "jsonl-translate/segment")
		b.ReportMetric(offCPU/segCPU, "offline-translate/segment")
		b.ReportMetric(segCPU, "segment-cpu-s")
		b.ReportMetric(trCPU, "translate-cpu-s")
		b.ReportMetric(trCPU/segCPU, "translate/segment")
		b.ReportMetric((trCPU-segCPU)/float64(articles)*1000, "overhead-ms/article")
		b.ReportMetric(float64(segments)/trCPU, "segments/cpu-s")
		b.ReportMetric(float64(peak)/(1<<20), "translate-peak-MB")
	}
}

// measureRun runs bitext in process and returns its CPU seconds and peak heap.
func measureRun(b *testing.B, args ...string) (cpu float64, peak uint64) {
	b.Helper()
	start := cputime.Seconds()
	var code int
	var stderr strings.Builder
	peak = heappeak.Measure(func() {
		code = run(context.Background(), append([]string{"bitext"}, args...), strings.NewReader(""), io.Discard, &stderr)
	})
	if code != exitOK {
		b.Fatalf("bitext %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
	}
	return cputime.Seconds() - start, peak
}

func runQuiet(b *testing.B, args ...string) {
	b.Helper()
	measureRun(b, append([]string{"--quiet"}, args...)...)
}

// writeArticleFolder writes n German articles built from the seed paragraphs, each copy's
// sentences numbered so that every segment is distinct, and a TSV of every sentence with an
// English stand-in translation (what a warm memory holds). It returns the number of segments.
func writeArticleFolder(b *testing.B, dir, pairsPath string, n int) int {
	b.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	paras := seedParagraphs(b, "articles")
	pf, err := os.Create(pairsPath)
	if err != nil {
		b.Fatal(err)
	}
	pw := bufio.NewWriter(pf)
	segments := 0
	for i := range n {
		var doc strings.Builder
		for k, p := range paras[:min(len(paras), 6)] {
			// One numbered lead sentence per paragraph keeps every article distinct.
			lead := fmt.Sprintf("Worum ging es in Bericht %d, Abschnitt %d?", i+1, k+1)
			fmt.Fprintf(&doc, "%s %s\n\n", lead, p)
			fmt.Fprintf(pw, "%s\tWhat was report %d, section %d about?\n", lead, i+1, k+1)
			segments++
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("artikel-%05d.txt", i+1)), []byte(doc.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	// The seed sentences themselves, once: identical in every article, one TM entry each.
	for _, p := range paras[:min(len(paras), 6)] {
		for _, sp := range segment.SplitSentences(p, "de") {
			fmt.Fprintf(pw, "%s\tEnglish stand-in.\n", p[sp.Start:sp.End])
			segments += n
		}
	}
	if err := pw.Flush(); err != nil {
		b.Fatal(err)
	}
	pf.Close()
	return segments
}
