package shard

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/heappeak"
)

// BenchmarkChecker1M verifies a million documents (each expected, seen once, checked) and
// reports the Checker's peak heap: what `bitext corpus merge --manifest` holds for a day's run.
//
//	go test ./shard -run '^$' -bench Checker1M -benchtime 1x
func BenchmarkChecker1M(b *testing.B) {
	const n = 1_000_000
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("2026/11/29/artikel-%07d.html", i)
	}
	// Outputs in order, as merge reads them: 8 shard files of 125,000 documents.
	files := make([]string, 8)
	for i := range files {
		files[i] = fmt.Sprintf("out/shard-%d.jsonl", i)
	}
	for b.Loop() {
		var err error
		peak := heappeak.Measure(func() {
			c := NewChecker()
			for _, id := range ids {
				c.Expect(id, "")
			}
			for i, id := range ids {
				c.See(files[i*8/n], id)
			}
			for _, id := range ids {
				c.Missing(id, "")
			}
			err = c.Err()
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(peak)/n, "bytes/doc")
	}
}

// BenchmarkManifestRead reads a 100,000-line manifest for one of 8 shards: the cost of a worker
// skipping the other shards' documents.
func BenchmarkManifestRead(b *testing.B) {
	var sb strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&sb, "{\"id\":\"doc-%06d\",\"text\":\"Der Rat tagt am Montag in Brüssel über den Haushalt %d.\"}\n", i, i)
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		m := NewManifestReader(strings.NewReader(data), "m.jsonl", Spec{3, 8})
		for {
			if _, err := m.Next(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}
