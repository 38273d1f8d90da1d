package translate

import (
	"bufio"
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/heappeak"
	"github.com/bitext/bitext/providers"
	_ "github.com/bitext/bitext/providers/google"
	_ "github.com/bitext/bitext/providers/openai"
	"github.com/bitext/bitext/providers/providertest"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// newsSentences are the German test corpus's sentences, the material of the benchmarks.
func newsSentences(tb testing.TB) []string {
	f, err := os.Open("../testdata/translate/corpus-de.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// newsDocs yields n sentences as articles of 12 paragraphs of 1-3 sentences, made on the fly so
// that the corpus itself is never in memory. Sentence i is distinct for every i.
func newsDocs(sents []string, n int) iter.Seq2[*segment.Document, error] {
	return func(yield func(*segment.Document, error) bool) {
		k := 0
		for d := 0; k < n; d++ {
			var paras [][]string
			for p := 0; p < 12 && k < n; p++ {
				var ps []string
				for s := 0; s < 1+(p%3) && k < n; s++ {
					base := sents[k%len(sents)]
					ps = append(ps, fmt.Sprintf("%s (Meldung %d)", strings.TrimSuffix(base, "."), k)+".")
					k++
				}
				paras = append(paras, ps)
			}
			if !yield(doc(fmt.Sprintf("artikel-%d.txt", d), paras...), nil) {
				return
			}
		}
	}
}

func openFake(b *testing.B, name string, srv *providertest.Server, rps float64) providers.Provider {
	url := srv.URL
	if name == "openai" {
		url += "/v1"
	}
	p, err := providers.Open(name, providers.Config{
		APIKey: "test-key", BaseURL: url,
		RateLimit: providers.RateLimit{RequestsPerSecond: rps},
		Getenv:    func(string) string { return "" },
	})
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkThroughput translates 5,000 sentences through each provider's fake (50 ms latency,
// 20 requests/s accepted) with the client limited to 20 requests/s, and reports the achieved
// request rate as a fraction of the limit and the requests per 1,000 sentences.
func BenchmarkThroughput(b *testing.B) {
	const sentences, limit = 5000, 20.0
	sents := newsSentences(b)
	for _, name := range []string{"openai", "google"} {
		b.Run(name, func(b *testing.B) {
			var fraction, per1000 float64
			for i := 0; i < b.N; i++ {
				opt := providertest.Options{Latency: 50 * time.Millisecond, RateLimit: limit, RetryAfter: "0"}
				var srv *providertest.Server
				if name == "openai" {
					srv = providertest.NewOpenAI(b, opt)
				} else {
					srv = providertest.NewGoogle(b, opt)
				}
				tr := &Translator{Provider: openFake(b, name, srv, limit)}
				start := time.Now()
				st, err := tr.Run(context.Background(), newsDocs(sents, sentences), func(*Result) error { return nil })
				if err != nil {
					b.Fatal(err)
				}
				elapsed := time.Since(start).Seconds()
				if st.Segments != sentences {
					b.Fatalf("%d segments", st.Segments)
				}
				n := float64(srv.Count())
				fraction = n / elapsed / limit
				per1000 = n * 1000 / sentences
			}
			b.ReportMetric(fraction, "rate-fraction")
			b.ReportMetric(per1000, "req/1000sent")
		})
	}
}

// BenchmarkMemoryLookup is the cost of the translation-memory lookup per segment: 5,000
// segments, all in a SQLite memory, translated without a provider. ns/segment is the whole
// offline run per segment; lookup-ns/segment the part spent in LookupMany.
func BenchmarkMemoryLookup(b *testing.B) {
	const sentences = 5000
	sents := newsSentences(b)
	db, err := tm.Open(filepath.Join(b.TempDir(), "tm.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	fill := &Translator{Provider: &fakeProvider{caps: providers.Capabilities{MaxSegments: 100, MaxChars: 100000}}, Memory: db, Concurrency: 4}
	if _, err := fill.Run(context.Background(), newsDocs(sents, sentences), func(*Result) error { return nil }); err != nil {
		b.Fatal(err)
	}
	timed := &timedMemory{Memory: db}
	off := &Translator{Memory: timed, ProviderName: "fake", ModelName: "fake-1"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := off.Run(context.Background(), newsDocs(sents, sentences), func(*Result) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
		if st.TMHits != sentences {
			b.Fatalf("%d hits", st.TMHits)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*sentences), "ns/segment")
	b.ReportMetric(float64(timed.spent.Load())/float64(b.N*sentences), "lookup-ns/segment")
}

// timedMemory measures the time spent in lookups.
type timedMemory struct {
	Memory
	spent atomic.Int64
}

func (m *timedMemory) LookupMany(ctx context.Context, ks []tm.Key) ([]string, []bool, error) {
	start := time.Now()
	defer func() { m.spent.Add(int64(time.Since(start))) }()
	return m.Memory.LookupMany(ctx, ks)
}

// BenchmarkPeakMemory translates growing corpora, streamed, and reports the peak live heap: it
// should not grow with the corpus.
func BenchmarkPeakMemory(b *testing.B) {
	sents := newsSentences(b)
	for _, n := range []int{5000, 25000, 100000} {
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			var peak uint64
			for i := 0; i < b.N; i++ {
				sampler := heappeak.Start()
				fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 80, MaxChars: 10000}, noRecord: true}
				tr := &Translator{Provider: fp, Memory: discardMemory{}, Concurrency: 4}
				var pairs atomic.Int64
				if _, err := tr.Run(context.Background(), newsDocs(sents, n), func(r *Result) error {
					pairs.Add(int64(len(r.Pairs)))
					return nil
				}); err != nil {
					b.Fatal(err)
				}
				peak = max(peak, sampler.Stop().Live)
				if pairs.Load() != int64(n) {
					b.Fatalf("%d pairs", pairs.Load())
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-live-heap-MB")
		})
	}
}

// discardMemory misses every lookup and forgets every store.
type discardMemory struct{}

func (discardMemory) LookupMany(_ context.Context, ks []tm.Key) ([]string, []bool, error) {
	return make([]string, len(ks)), make([]bool, len(ks)), nil
}
func (discardMemory) StoreMany(context.Context, []tm.Key, []string) error { return nil }
