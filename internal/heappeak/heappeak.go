// Package heappeak measures the peak heap of a piece of work, for benchmarks that report memory
// (b.ReportMetric) next to time: "bounded memory" is a figure to keep, not an impression.
package heappeak

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// The heap as the runtime sees it. runtime/metrics does not stop the world, so sampling every
// millisecond does not distort the work measured.
const (
	objects = "/memory/classes/heap/objects:bytes" // live or not yet swept: what must be held
	live    = "/gc/heap/live:bytes"                // live as of the last collection: what the work keeps
)

// Peak is the highest heap a Sampler saw, in bytes.
type Peak struct {
	Objects uint64 // heap objects, garbage not yet collected included
	Live    uint64 // live heap as of each garbage collection
}

// Sampler records the heap's highs until Stop.
type Sampler struct {
	mu   sync.Mutex
	peak Peak
	done chan struct{}
	wg   sync.WaitGroup
}

// Start collects garbage, then samples the heap every millisecond.
func Start() *Sampler {
	runtime.GC()
	s := &Sampler{done: make(chan struct{})}
	s.sample()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.done:
				return
			case <-t.C:
				s.sample()
			}
		}
	}()
	return s
}

func (s *Sampler) sample() {
	m := []metrics.Sample{{Name: objects}, {Name: live}}
	metrics.Read(m)
	s.mu.Lock()
	s.peak.Objects = max(s.peak.Objects, m[0].Value.Uint64())
	s.peak.Live = max(s.peak.Live, m[1].Value.Uint64())
	s.mu.Unlock()
}

// Stop ends the sampling and returns the highs.
func (s *Sampler) Stop() Peak {
	close(s.done)
	s.wg.Wait()
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak
}

// Measure runs f and returns the highest heap occupancy (Peak.Objects) seen during it above the
// occupancy before it.
func Measure(f func()) uint64 {
	runtime.GC()
	m := []metrics.Sample{{Name: objects}}
	metrics.Read(m)
	base := m[0].Value.Uint64()
	s := Start()
	f()
	peak := s.Stop().Objects
	if peak < base {
		return 0
	}
	return peak - base
}
