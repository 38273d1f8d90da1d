package translate

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/internal/heappeak"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// seedSentences are the sentences of the German seed articles and of the test corpus: real
// German news text, the material the generated articles are made of.
func seedSentences(tb testing.TB) []string {
	var out []string
	files, err := filepath.Glob("../testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("seed articles: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, para := range strings.Split(string(data), "\n\n") {
			for _, s := range segment.SplitSentences(strings.Join(strings.Fields(para), " "), "de") {
				if len(s.Text) > 30 { // no site names and section labels
					out = append(out, s.Text)
				}
			}
		}
	}
	return append(out, newsSentences(tb)...)
}

// articleText writes an article of paragraphs of 1-4 seed sentences, each varied by a running
// number so that no two sentences of the whole corpus are equal, starting at sentence k.
// It returns the next k.
func articleText(w io.Writer, sents []string, k, n int, title string) int {
	fmt.Fprintf(w, "%s\n\n", title)
	for i := 0; i < n; {
		for p := 0; p < 1+(k%4) && i < n; p++ {
			if p > 0 {
				io.WriteString(w, " ")
			}
			base := sents[k%len(sents)]
			end := base[len(base)-1:]
			if end != "." && end != "?" && end != "!" {
				end = "."
			} else {
				base = base[:len(base)-1]
			}
			fmt.Fprintf(w, "%s (Meldung %d)%s", base, k, end)
			k++
			i++
		}
		io.WriteString(w, "\n\n")
	}
	return k
}

// hugeArticle is a reader of one text article of at least size bytes, generated as it is read,
// so that only the pipeline's memory is measured.
type hugeArticle struct {
	sents []string
	size  int64
	read  int64
	k     int
	buf   strings.Builder
	off   int
}

func (h *hugeArticle) Read(p []byte) (int, error) {
	if h.off == h.buf.Len() {
		if h.read >= h.size {
			return 0, io.EOF
		}
		h.buf.Reset()
		h.off = 0
		title := ""
		if h.read == 0 {
			title = "Ein sehr langer Artikel"
		}
		if title != "" {
			h.k = articleText(&h.buf, h.sents, h.k, 200, title)
		} else {
			h.k = articleText(&h.buf, h.sents, h.k, 200, "Zwischentitel "+fmt.Sprint(h.k))
		}
	}
	n := copy(p, h.buf.String()[h.off:])
	h.off += n
	h.read += int64(n)
	return n, nil
}

// BenchmarkPlanHugeArticle is `translate --dry-run` on one 100 MB article of German news
// sentences with an (empty) translation memory: read block by block (ScanInput + PlanInputs),
// and read whole (segment.Read + Plan) as the CLI did before Input. Acceptance (issue 10): peak
// heap ≤ 300 MB.
func BenchmarkPlanHugeArticle(b *testing.B) {
	const size = 100 << 20
	sents := seedSentences(b)
	for _, mode := range []string{"inputs", "document"} {
		b.Run(mode, func(b *testing.B) {
			db, err := tm.Open(filepath.Join(b.TempDir(), "tm.sqlite"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			tr := &Translator{Memory: db, ProviderName: "openai", ModelName: "gpt-4o-mini"}
			var h heappeak.Peak
			var est Estimate
			cpu := cputime.Used()
			for i := 0; i < b.N; i++ {
				sampler := heappeak.Start()
				r := &hugeArticle{sents: sents, size: size}
				if mode == "inputs" {
					in, err := ScanInput(segment.NewScanner(r, "huge.txt", segment.Options{}), "huge.txt", "de")
					if err != nil {
						b.Fatal(err)
					}
					est, err = tr.PlanInputs(context.Background(), func(yield func(Input, error) bool) { yield(in, nil) })
					if err != nil {
						b.Fatal(err)
					}
				} else {
					doc, err := segment.Read(r, "huge.txt", segment.Options{})
					if err != nil {
						b.Fatal(err)
					}
					if err := CheckLanguage(doc, "de"); err != nil {
						b.Fatal(err)
					}
					est, err = tr.Plan(context.Background(), func(yield func(*segment.Document, error) bool) { yield(doc, nil) })
					if err != nil {
						b.Fatal(err)
					}
					runtime.KeepAlive(doc)
				}
				h = sampler.Stop()
			}
			b.ReportMetric(float64(h.Objects)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(h.Live)/(1<<20), "peak-live-heap-MB")
			b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(est.Segments), "segments")
		})
	}
}

// corpusArticles makes n articles of about 18.5 sentences each (100k sentences in 5,400
// articles), as their file text.
func corpusArticles(tb testing.TB, n, sentences int) []string {
	sents := seedSentences(tb)
	out := make([]string, n)
	k := 0
	var b strings.Builder
	for i := range out {
		b.Reset()
		per := sentences/n + boolInt(i < sentences%n)
		k = articleText(&b, sents, k, per, fmt.Sprintf("Meldung Nummer %d", i))
		out[i] = b.String()
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// readArticles reads texts as the CLI reads files: segment.Read, then the language check.
func readArticles(texts []string, check bool) iter.Seq2[*segment.Document, error] {
	return func(yield func(*segment.Document, error) bool) {
		for i, text := range texts {
			name := fmt.Sprintf("artikel-%04d.txt", i)
			doc, err := segment.Read(strings.NewReader(text), name, segment.Options{})
			if err == nil && check {
				err = CheckLanguage(doc, "de")
			}
			if !yield(doc, err) || err != nil {
				return
			}
		}
	}
}

// BenchmarkArticles is issue 19's per-article tax: 100k sentences as 5,400 articles (106k
// segments: the titles, and seed sentences the splitter cuts in two). The anchor
// is reading and splitting them (what `bitext segment` does); "plan" adds the language check and
// a plan without memory (`translate --dry-run --no-tm`); "warm-tm" translates them all from a
// SQLite memory that has every segment. Acceptance: overhead ≤ 0.3 ms an article, warm-tm ≤ 3×
// the CPU of the anchor.
func BenchmarkArticles(b *testing.B) {
	const articles, sentences = 5400, 100000
	texts := corpusArticles(b, articles, sentences)
	db, err := tm.Open(filepath.Join(b.TempDir(), "tm.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	fill := &Translator{Provider: &fakeProvider{caps: providers.Capabilities{MaxSegments: 100, MaxChars: 100000}, noRecord: true}, Memory: db, Concurrency: 2}
	if _, err := fill.Run(context.Background(), readArticles(texts, false), func(*Result) error { return nil }); err != nil {
		b.Fatal(err)
	}
	// Each phase carries a profiler label (go test -cpuprofile, then pprof -tagfocus phase=warm).
	cpuOf := func(phase string, f func()) float64 {
		runtime.GC()
		start := cputime.Used()
		pprof.Do(context.Background(), pprof.Labels("phase", phase), func(context.Context) { f() })
		return (cputime.Used() - start).Seconds()
	}
	var segCPU, planCPU, warmCPU float64
	segments := 0
	for i := 0; i < b.N; i++ {
		segments = 0
		segCPU += cpuOf("segment", func() {
			for doc, err := range readArticles(texts, false) {
				if err != nil {
					b.Fatal(err)
				}
				for bi := range doc.Blocks {
					segments += len(blockSentences(&doc.Blocks[bi]))
				}
			}
		})
		planCPU += cpuOf("plan", func() {
			est, err := (&Translator{ProviderName: "openai"}).Plan(context.Background(), readArticles(texts, true))
			if err != nil || est.Segments != segments || est.Documents != articles {
				b.Fatalf("plan %+v: %v", est, err)
			}
		})
		warmCPU += cpuOf("warm", func() {
			off := &Translator{Memory: db, ProviderName: "fake", ModelName: "fake-1"}
			st, err := off.Run(context.Background(), readArticles(texts, true), func(*Result) error { return nil })
			if err != nil || st.TMHits != segments {
				b.Fatalf("warm run %+v: %v", st, err)
			}
		})
	}
	n := float64(b.N)
	b.ReportMetric(segCPU/n, "segment-cpu-s")
	b.ReportMetric(planCPU/n, "plan-cpu-s")
	b.ReportMetric((planCPU-segCPU)/n/articles*1000, "overhead-ms/article")
	b.ReportMetric(warmCPU/n, "warm-tm-cpu-s")
	b.ReportMetric(float64(segments)*n/warmCPU, "warm-tm-segments/cpu-s")
	b.ReportMetric(warmCPU/segCPU, "warm-tm/segment-cpu")
}

// BenchmarkRunHugeArticle translates one 100 MB article through a fake provider that answers
// at once: block by block (RunInputs, pieces handed on as they are done) and whole (Run, which
// hands the document over complete and so holds its translation). Peak heap as above.
func BenchmarkRunHugeArticle(b *testing.B) {
	const size = 100 << 20
	sents := seedSentences(b)
	for _, mode := range []string{"inputs", "document"} {
		b.Run(mode, func(b *testing.B) {
			fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 100, MaxChars: 20000}, noRecord: true}
			tr := &Translator{Provider: fp, Memory: discardMemory{}, Concurrency: 2}
			var h heappeak.Peak
			var st Stats
			cpu := cputime.Used()
			for i := 0; i < b.N; i++ {
				sampler := heappeak.Start()
				r := &hugeArticle{sents: sents, size: size}
				sink := func(*Result) error { return nil }
				var err error
				if mode == "inputs" {
					in, serr := ScanInput(segment.NewScanner(r, "huge.txt", segment.Options{}), "huge.txt", "de")
					if serr != nil {
						b.Fatal(serr)
					}
					st, err = tr.RunInputs(context.Background(), func(yield func(Input, error) bool) { yield(in, nil) }, sink)
				} else {
					doc, rerr := segment.Read(r, "huge.txt", segment.Options{})
					if rerr != nil {
						b.Fatal(rerr)
					}
					st, err = tr.Run(context.Background(), func(yield func(*segment.Document, error) bool) { yield(doc, nil) }, sink)
				}
				if err != nil {
					b.Fatal(err)
				}
				h = sampler.Stop()
			}
			b.ReportMetric(float64(h.Objects)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(h.Live)/(1<<20), "peak-live-heap-MB")
			b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(st.Segments), "segments")
		})
	}
}
