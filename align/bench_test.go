package align

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/internal/heappeak"
)

// BenchmarkAlignSynthetic aligns synthetic documents (generated in the test, with merges,
// splits, deletions and insertions) of 10,000 sentences per side (with and without MT), 100,000
// and, unless -short, 1,000,000 (about 100 MB a side; run it with -benchtime 1x). It reports
// seconds per alignment (wall and CPU), the peak heap above what the inputs already use, the
// inputs' own size (sentence bytes and string headers), the peak including the inputs and its
// ratio to the inputs, and strict F1.
func BenchmarkAlignSynthetic(b *testing.B) {
	for _, bc := range []struct {
		n        int
		mt, both bool
	}{{10_000, false, false}, {10_000, true, false}, {10_000, true, true}, {100_000, false, false}, {1_000_000, false, false}} {
		name := fmt.Sprintf("n=%d", bc.n)
		if bc.mt {
			name += "/mt"
		}
		if bc.both {
			name += "+mt-tgt"
		}
		b.Run(name, func(b *testing.B) {
			if bc.n > 100_000 && testing.Short() {
				b.Skip("a million sentences a side: not with -short")
			}
			src, tgt, mt, gold := syntheticMT(bc.n, 1)
			opt := Options{}
			input := textBytes(src) + textBytes(tgt)
			if bc.mt {
				opt.MT = mt
				input += textBytes(mt)
			}
			if bc.both {
				opt.MTTgt = reverseMT(tgt)
				input += textBytes(opt.MTTgt)
			}
			mt = nil
			var c Counts
			var peak uint64
			cpu0 := cputime.Seconds()
			for b.Loop() {
				var beads []Bead
				p := peakHeap(func() {
					var err error
					if beads, err = Align(src, tgt, opt); err != nil {
						b.Fatal(err)
					}
				})
				peak = max(peak, p)
				c = Evaluate(gold, beads)
			}
			mb := func(x uint64) float64 { return float64(x) / (1 << 20) }
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/op")
			b.ReportMetric((cputime.Seconds()-cpu0)/float64(b.N), "cpu-s/op")
			b.ReportMetric(mb(peak), "peak-MB")
			b.ReportMetric(mb(input), "input-MB")
			b.ReportMetric(mb(peak+input), "peak+input-MB")
			b.ReportMetric(float64(peak+input)/float64(input), "peak+input/input")
			b.ReportMetric(c.Strict().F1, "strict-F1")
		})
	}
}

// textBytes is what a list of strings holds in memory: its bytes and a string header each.
func textBytes(ss []string) uint64 {
	n := uint64(len(ss)) * 16
	for _, s := range ss {
		n += uint64(len(s))
	}
	return n
}

// peakHeap is the peak heap of f above the heap before it (internal/heappeak).
func peakHeap(f func()) uint64 { return heappeak.Measure(f) }

// reverseMT is a noisy "machine translation" of synthetic target sentences back into the source
// vocabulary: it undoes syntheticMT's letter swap on every word, which is right for the two
// thirds of the words that were swapped and wrong for the rest.
func reverseMT(tgt []string) []string {
	out := make([]string, len(tgt))
	for i, t := range tgt {
		ws := strings.Fields(t)
		for k, w := range ws {
			if len(w) == 5 && w[0] >= 'a' && w[0] <= 'z' {
				b := []byte(w)
				b[0], b[1] = b[1], b[0]-1
				ws[k] = string(b)
			}
		}
		out[i] = strings.Join(ws, " ")
	}
	return out
}
