package report

import (
	"os"
	"strconv"
	"testing"
	"time"
)

func TestZZProbe(t *testing.T) {
	size, _ := strconv.Atoi(os.Getenv("PROBE_SIZE"))
	if size == 0 {
		t.Skip()
	}
	src, ref, hyp := newsCorpus(t, 8000)
	s, r, h := longLine(src, size), longLine(ref, size), longLine(hyp, size)
	for _, m := range DefaultMetrics() {
		t0 := time.Now()
		m.Stats(h, []string{r})
		t.Logf("%s: %v", m.Name(), time.Since(t0))
	}
	t0 := time.Now()
	_, full, _ := wordDiff(nil, r, h)
	t.Logf("diff: %v full=%v", time.Since(t0), full)
	t0 = time.Now()
	CheckQA([]string{s}, []string{h}, QAOptions{})
	t.Logf("qa: %v", time.Since(t0))
}
