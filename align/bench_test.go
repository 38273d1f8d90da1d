package align

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/cputime"
)

// BenchmarkAlignSynthetic aligns synthetic documents of 10,000 (with and without MT) and 100,000
// sentences per side (generated in the test, with merges, splits, deletions and insertions) and reports seconds
// per alignment (wall and CPU), the peak heap above what the inputs already use, and strict F1.
func BenchmarkAlignSynthetic(b *testing.B) {
	for _, bc := range []struct {
		n  int
		mt bool
	}{{10_000, false}, {10_000, true}, {100_000, false}} {
		name := fmt.Sprintf("n=%d", bc.n)
		if bc.mt {
			name += "/mt"
		}
		b.Run(name, func(b *testing.B) {
			src, tgt, mt, gold := syntheticMT(bc.n, 1)
			opt := Options{}
			if bc.mt {
				opt.MT = mt
			}
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
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/op")
			b.ReportMetric((cputime.Seconds()-cpu0)/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(c.Strict().F1, "strict-F1")
		})
	}
}

// peakHeap runs f and returns the highest heap in use during it, above the heap in use before,
// sampled every millisecond.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	peak := base
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapAlloc)
	return peak - base
}
