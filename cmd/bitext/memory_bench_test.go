package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/internal/heappeak"
)

// BenchmarkCommandMemory runs whole commands in process on inputs at the sizes issue 10 bounds
// and reports their peak heap (MB), the peak as a multiple of the input size, and CPU seconds:
//
//	go test ./cmd/bitext -run '^$' -bench CommandMemory -benchtime 1x
//
// Bounds: align and check on a pair of 100 MB articles ≤ 4× the input (both files); check of a
// bitext (the pair's lines as TSV) a small fraction of it, whatever the output format; translate
// --dry-run on a 100 MB article ≤ 300 MB, report on a 1 MB single line ≤ 500 MB and ≤ 60 s CPU.
func BenchmarkCommandMemory(b *testing.B) {
	dir := b.TempDir()
	size := 100 << 20
	if testing.Short() {
		size = 10 << 20
	}
	de, en := writeArticlePair(b, dir, size)
	glossaryPath, _ := filepath.Abs("../../testdata/glossary/seed.tsv")
	line := oneLine(b, dir, en, 1<<20)
	tsv := writeBitextTSV(b, dir, de, en)
	st, err := os.Stat(tsv)
	if err != nil {
		b.Fatal(err)
	}
	tsvSize := int(st.Size())
	cases := []struct {
		name  string
		input int
		args  []string
	}{
		// input is what the command reads: both articles of a pair.
		{"align", 2 * size, []string{"align", de, en, "-f", "tsv", "-o", filepath.Join(dir, "out.tsv")}},
		{"check", 2 * size, []string{"check", de, en, "-g", glossaryPath, "-o", filepath.Join(dir, "out.txt")}},
		// A bitext is streamed: the peak follows the report's needs, not the input.
		{"check-bitext-text", tsvSize, []string{"check", tsv, "-g", glossaryPath, "-o", filepath.Join(dir, "check.txt")}},
		{"check-bitext-json", tsvSize, []string{"check", tsv, "-g", glossaryPath, "-o", filepath.Join(dir, "check.json")}},
		{"check-bitext-html", tsvSize, []string{"check", tsv, "-g", glossaryPath, "-o", filepath.Join(dir, "check.html")}},
		{"check-bitext-consistency", tsvSize, []string{"check", tsv, "-g", glossaryPath, "--consistency", "-o", filepath.Join(dir, "check-c.txt")}},
		{"translate-dry-run", size, []string{"translate", "--dry-run", "--no-tm", de}},
		{"report-1MB-line", 1 << 20, []string{"report", "--hyp", line, "--ref", line, "-o", filepath.Join(dir, "report.txt")}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			b.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
			b.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
			for range b.N {
				var stdout, stderr bytes.Buffer
				cpu := cputime.Seconds()
				code := -1
				peak := heappeak.Measure(func() {
					code = run(context.Background(), append([]string{"bitext"}, tc.args...), strings.NewReader(""), &stdout, &stderr)
				})
				cpu = cputime.Seconds() - cpu
				if code != exitOK && code != exitFindings {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
				b.ReportMetric(float64(peak)/float64(tc.input), "peak/input")
				b.ReportMetric(cpu, "cpu-s")
			}
		})
	}
}

// oneLine writes the text of src as one line of about n bytes (paragraphs joined by spaces).
func oneLine(b *testing.B, dir, src string, n int) string {
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(data[:min(len(data), n)])), " ")
	path := filepath.Join(dir, "line.txt")
	if err := os.WriteFile(path, []byte(text+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}
