package align

import (
	"fmt"
	"testing"
)

func evalSet(t *testing.T, g int) (float64, string) {
	d := loadTextberg(t)
	var tot float64
	var out string
	b1, _ := Align(d.de, d.fr, Options{MaxGroup: g})
	c1 := Evaluate(d.gold, b1).Strict().F1
	b2, _ := Align(d.de, d.fr, Options{MT: d.mt, MaxGroup: g})
	c2 := Evaluate(d.gold, b2).Strict().F1
	var cs Counts
	for seed := uint64(1); seed <= 3; seed++ {
		tgt, gold := perturb(d.mt, d.fr, seed, perturbRates{0.05, 0.05, 0.03, 0.03})
		b, _ := Align(d.de, tgt, Options{MaxGroup: g})
		cs = cs.Add(Evaluate(gold, b))
	}
	c3 := cs.Strict().F1
	tot = c1 + c2 + c3
	out = fmt.Sprintf("dev=%.3f devMT=%.3f synth=%.3f", c1, c2, c3)
	return tot, out
}

func TestDebugSweep(t *testing.T) {
	base := defaults
	groupModeDebug = 2
	maxShapeSumDebug = 6
	for _, mw := range []float64{1, 1.5, 2} {
		for _, sw := range []float64{0.25, 0.5} {
			for _, ps := range []float64{0.2, 0.3} {
				defaults = base
				defaults.delCost, defaults.lexScale, defaults.priorStep = 1.2, 0.75, ps
				defaults.mtWeight, defaults.surfaceWithMT = mw, sw
				tot, s := evalSet(t, 5)
				t.Logf("mw=%.1f sw=%.2f ps=%.2f tot=%.3f %s", mw, sw, ps, tot, s)
			}
		}
	}
}
