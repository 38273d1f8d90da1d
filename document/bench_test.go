package document

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/internal/fixtures"
	"github.com/bitext/bitext/internal/heappeak"
)

// benchDoc reads and writes one document per iteration, reporting throughput (input bytes),
// segments per document and the peak heap above the input held.
func benchDoc(b *testing.B, name string, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var segs int
	run := func() {
		d, err := Read(bytes.NewReader(data), name, Options{})
		if err != nil {
			b.Fatal(err)
		}
		segs = len(d.Segments)
		if _, err := d.Write(io.Discard, translateAll(d, upper), WriteOptions{TargetLang: "en"}); err != nil {
			b.Fatal(err)
		}
	}
	cpu0 := cputime.Seconds()
	n := 0
	for b.Loop() {
		run()
		n++
	}
	// CPU time, not wall time, is the figure to keep on a shared machine: the process's CPU
	// seconds per input megabyte (the process's other goroutines are idle here).
	if cpu := cputime.Seconds() - cpu0; n > 0 && cpu > 0 {
		b.ReportMetric(float64(n)*float64(len(data))/1e6/cpu, "MB/cpu-s")
	}
	// The peak heap of one more document, outside the timing: the sampler's collections would
	// be counted as the reader's time.
	b.StopTimer()
	peak := heappeak.Measure(run)
	b.ReportMetric(float64(segs), "segments/doc")
	b.ReportMetric(float64(peak)/float64(len(data)), "peak-heap/input-byte")
}

func BenchmarkHTMLPage(b *testing.B) {
	data, err := os.ReadFile("testdata/artikel.html")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("sample", func(b *testing.B) { benchDoc(b, "artikel.html", data) })
	// The largest real page of the fixtures, when they are there.
	dir := fixtures.Dir(b, "extract/pages", "BR_2024_04_22.html")
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	var biggest []byte
	for _, p := range pages {
		if d, err := os.ReadFile(p); err == nil && len(d) > len(biggest) {
			biggest = d
		}
	}
	b.Run("largest-real", func(b *testing.B) { benchDoc(b, "page.html", biggest) })
}

func BenchmarkMarkdown(b *testing.B) {
	data, err := os.ReadFile("testdata/artikel.md")
	if err != nil {
		b.Fatal(err)
	}
	// A long article: the sample forty times over.
	benchDoc(b, "artikel.md", []byte(strings.Repeat(string(data[strings.Index(string(data), "# "):]), 40)))
}

func BenchmarkSubtitles(b *testing.B) {
	var src strings.Builder
	for i := 1; i <= 2000; i++ {
		src.WriteString(itoa3(i) + "\n00:00:01,000 --> 00:00:02,000\nDas ist ein <i>Untertitel</i> mit zwei\nZeilen Text darin.\n\n")
	}
	benchDoc(b, "folge.srt", []byte(src.String()))
}
