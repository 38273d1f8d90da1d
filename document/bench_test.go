package document

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
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

// largeMarkdown builds a Markdown article of about size bytes from the repository's German
// articles: their paragraphs wrapped at 80 columns, a heading every eighth, every fifth a list
// of its sentences, a link in every third, and a reference definition now and then.
func largeMarkdown(b *testing.B, size int) []byte {
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	var paras []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	if len(paras) == 0 {
		b.Skip("no articles in ../testdata/articles")
	}
	var out bytes.Buffer
	out.Grow(size + 4096)
	for i := 0; out.Len() < size; i++ {
		p := paras[i%len(paras)]
		words := strings.Fields(p)
		switch {
		case i%8 == 0:
			out.WriteString("## " + strings.Join(words[:min(len(words), 8)], " ") + "\n\n")
			continue
		case i%5 == 0:
			for _, s := range strings.SplitAfter(p, ". ") {
				out.WriteString("- " + strings.TrimSpace(s) + "\n")
			}
			out.WriteString("\n")
			continue
		case i%3 == 0 && len(words) > 3:
			words[2] = "[" + words[2] + "](https://example.org/" + strconv.Itoa(i) + ")"
		case i%11 == 0:
			out.WriteString("[r" + strconv.Itoa(i) + "]: https://example.org/r \"" + strings.Join(words[:min(len(words), 3)], " ") + "\"\n\n")
		}
		col := 0
		for k, w := range words {
			if k > 0 {
				if col+1+len(w) > 80 {
					out.WriteByte('\n')
					col = 0
				} else {
					out.WriteByte(' ')
					col++
				}
			}
			out.WriteString(w)
			col += len(w)
		}
		out.WriteString("\n\n")
	}
	return out.Bytes()
}

// BenchmarkMarkdownLarge reads and writes a 40 MB article: its peak heap per input byte is the
// figure to watch (Markdown is read whole).
func BenchmarkMarkdownLarge(b *testing.B) {
	benchDoc(b, "gross.md", largeMarkdown(b, 40<<20))
}

// realSentences are the prose lines of a real page (testdata/markdown/SOURCES.md), their link,
// code and emphasis marks taken out: the words the pathological shapes below are built from.
func realSentences(b *testing.B) []string {
	data, err := os.ReadFile("testdata/markdown/k8s-controller.md")
	if err != nil {
		b.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.Map(func(r rune) rune {
			if strings.ContainsRune("[]()*_`{}<>#|~$\\", r) {
				return -1
			}
			return r
		}, strings.TrimSpace(l))
		if len(l) > 40 && l[0] >= 'A' && l[0] <= 'Z' && strings.HasSuffix(l, ".") {
			out = append(out, l)
		}
	}
	return out
}

// benchGrowth reads and writes docs of growing sizes, reporting CPU nanoseconds per unit (a
// sentence, a nesting level): near-constant across the sizes when the reader is linear.
func benchGrowth(b *testing.B, name, unit string, sizes []int, doc func(n int) string) {
	for _, n := range sizes {
		data := []byte(doc(n))
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			cpu0 := cputime.Seconds()
			k := 0
			for b.Loop() {
				d, err := Read(bytes.NewReader(data), name, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := d.Write(io.Discard, translateAll(d, upper), WriteOptions{TargetLang: "en"}); err != nil {
					b.Fatal(err)
				}
				k++
			}
			b.ReportMetric((cputime.Seconds()-cpu0)*1e9/float64(k*n), "cpu-ns/"+unit)
			b.ReportMetric(float64(len(data)), "input-bytes")
		})
	}
}

// BenchmarkMarkdownOpenBrackets is a paragraph with a "[" before every sentence, closed by no
// "]", and a bare run of "[": each "[" was read to the paragraph's end (20,000 sentences took
// minutes).
func BenchmarkMarkdownOpenBrackets(b *testing.B) {
	sents := realSentences(b)
	b.Run("sentences", func(b *testing.B) {
		benchGrowth(b, "x.md", "sentence", []int{1000, 2000, 4000, 20000}, func(n int) string {
			lines := make([]string, n)
			for i := range lines {
				lines[i] = "[" + sents[i%len(sents)]
			}
			return strings.Join(lines, "\n") + "\n"
		})
	})
	b.Run("run", func(b *testing.B) {
		benchGrowth(b, "x.md", "bracket", []int{50000, 200000}, func(n int) string {
			return sents[0] + " " + strings.Repeat("[", n) + " " + sents[1] + "\n"
		})
	})
}

// BenchmarkMarkdownGenderStars is one hard-wrapped paragraph whose every line has two gender
// stars ("Lehrer*innen"), each pair an emphasis as CommonMark reads it, 1, 2 and 4 MB.
func BenchmarkMarkdownGenderStars(b *testing.B) {
	sents := realSentences(b)
	benchGrowth(b, "x.md", "line", []int{4000, 8000, 16000}, func(n int) string {
		lines := make([]string, n)
		for i := range lines {
			lines[i] = "Die Lehrer*innen und Schüler*innen sagten: " + sents[i%len(sents)]
		}
		return strings.Join(lines, "\n") + "\n"
	})
}

// BenchmarkXLIFFNestedG is a unit whose source is a sentence inside nested <g>s: every level's
// end was looked for by reading the tokens after it (200,000 levels took minutes).
func BenchmarkXLIFFNestedG(b *testing.B) {
	sents := realSentences(b)
	benchGrowth(b, "x.xlf", "level", []int{20000, 40000, 80000, 200000}, func(n int) string {
		return nestedG(n, sents[0])
	})
}
