// Package heappeak measures the peak heap of a piece of work, for benchmarks that report memory
// (b.ReportMetric) next to time: "bounded memory" is a figure to keep, not an impression.
package heappeak

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// liveHeap is the heap occupied by objects, live or not yet swept: what the Go runtime must hold.
const liveHeap = "/memory/classes/heap/objects:bytes"

// Measure runs f and returns the highest heap occupancy seen during it above the occupancy
// before it (after a GC), sampled every millisecond. runtime/metrics does not stop the world, so
// sampling that often does not distort the work measured.
func Measure(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: liveHeap}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var (
		mu   sync.Mutex
		peak = base
		stop = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				v := read()
				mu.Lock()
				peak = max(peak, v)
				mu.Unlock()
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	peak = max(peak, read())
	if peak < base {
		return 0
	}
	return peak - base
}
