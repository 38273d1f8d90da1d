package providertest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
)

// shortSentences are German news sentences of 25–70 characters, the "short sentences" the
// batching targets are stated for.
var shortSentences = []string{
	"Die NATO-Verbündeten beraten in Brüssel.",
	"Das Außenministerium bestätigte das Treffen.",
	"Der Sprecher äußerte sich am 15. Dezember.",
	"Beide Seiten wollen den Dialog fortsetzen.",
	"Die Inflation lag zuletzt bei 2,5 Prozent.",
	"„Wir bleiben wachsam“, sagte Stoltenberg.",
	"Russland lehnte den Vorschlag zunächst ab.",
	"Die Gespräche sollen im Januar beginnen.",
	"Der Kreml äußerte sich zurückhaltend.",
	"Moskau fordert schriftliche Garantien.",
}

// Batches cuts segs into requests the way providers.Open's wrapper does: greedily, within
// MaxSegments, MaxChars and MaxTokens (providers.Chunks, with the shared token estimator).
func Batches(segs []providers.Segment, caps providers.Capabilities) [][]providers.Segment {
	return providers.Chunks(segs, caps, "", nil)
}

// RunThroughputBenchmark measures a driver against its fake with 50 ms latency and a server
// limit of 20 requests/s, the client limited to the same 20/s: achieved requests per second as
// a fraction of the limit (target ≥ 0.95), and segments per request for short sentences.
// Each iteration sends 40 full requests from 4 workers.
func RunThroughputBenchmark(b *testing.B, c Conformance) {
	const limit, requests, workers = 20.0, 40, 4
	srv := c.NewServer(b, Options{Latency: 50 * time.Millisecond, RateLimit: limit})
	cfg := testConfig(srv)
	cfg.RateLimit = providers.RateLimit{RequestsPerSecond: limit}
	p, err := c.Open(b, srv, cfg)
	if err != nil {
		b.Fatal(err)
	}
	caps := p.Capabilities()
	var segs []providers.Segment
	for len(Batches(segs, caps)) <= requests {
		segs = append(segs, providers.Segment{ID: fmt.Sprint(len(segs)), Text: shortSentences[len(segs)%len(shortSentences)]})
	}
	batches := Batches(segs, caps)[:requests]
	sent := 0
	for _, bt := range batches {
		sent += len(bt)
	}
	b.ResetTimer()
	var elapsed time.Duration
	for range b.N {
		start := time.Now()
		work := make(chan []providers.Segment)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for bt := range work {
					if _, err := p.Translate(context.Background(), &providers.Request{Segments: bt, SourceLang: "de", TargetLang: "en"}); err != nil {
						b.Error(err)
					}
				}
			})
		}
		for _, bt := range batches {
			work <- bt
		}
		close(work)
		wg.Wait()
		elapsed += time.Since(start)
	}
	b.StopTimer()
	refused := 0
	for _, r := range srv.Requests() {
		if r.Status == 429 {
			refused++
		}
	}
	rps := float64(requests*b.N) / elapsed.Seconds()
	b.ReportMetric(rps, "req/s")
	b.ReportMetric(rps/limit, "limit-fraction")
	b.ReportMetric(float64(sent)/float64(requests), "segments/req")
	// Requests per 1,000 short sentences: the cost figure the acceptance targets are stated in
	// (≤ 13 OpenAI, ≤ 8 Google, ≤ 20 DeepL).
	b.ReportMetric(1000*float64(requests)/float64(sent), "req/1000-sentences")
	b.ReportMetric(float64(refused)/float64(b.N), "429s/op")
}
