package align

import (
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/internal/fixtures"
)

// The dev article translated by other MT systems: Bleualign's evaluation data (rsennrich/Bleualign
// 5a11b7f, eval/eval1957.*, GPL-2 — eval1957 is the Text+Berg dev article) has, besides Google's,
// the MT of two phrase-based systems trained on Europarl (a full and a light one, both
// directions) and of one trained on the Text+Berg corpus itself (SACunidir, German into French
// only). They are much worse than Google's ("avec nachträgen issus des années antérieures"), as
// the MT a user's cheaper provider or a small local model gives, so they show whether the MT
// channel's constants, fitted with Google's MT, carry over to other MT. The files are not in the
// repository; put them, renamed dev.mt-SYSTEM.{fr,de}, in $BITEXT_FIXTURES/align/bleualign-eval1957.

// devMTSystem is one MT system's translations of the dev article; mtde is nil for a system
// that translated only into French.
type devMTSystem struct {
	name     string
	mt, mtde []string
}

func loadDevMTSystems(tb testing.TB) []devMTSystem {
	dir := fixtures.Dir(tb, "align/bleualign-eval1957", "dev.mt-europarlfull.fr")
	read := func(name string) []string { return readLines(tb, filepath.Join(dir, name)) }
	return []devMTSystem{
		{"europarlfull", read("dev.mt-europarlfull.fr"), read("dev.mt-europarlfull.de")},
		{"europarllight", read("dev.mt-europarllight.fr"), read("dev.mt-europarllight.de")},
		{"SACunidir", read("dev.mt-SACunidir.fr"), nil},
	}
}

// BenchmarkDevMTSystems reports strict and lax scores on the dev article with each other MT
// system, in each direction it has and with both, and strict F1 summed over the article's
// quarters aligned alone (F1-sum4).
func BenchmarkDevMTSystems(b *testing.B) {
	d := loadTextberg(b)
	systems := loadDevMTSystems(b)
	for _, sys := range systems {
		for _, mode := range []string{"mt", "mt-tgt", "both"} {
			if sys.mtde == nil && mode != "mt" {
				continue
			}
			b.Run(sys.name+"/"+mode, func(b *testing.B) {
				opt := devOptions(mode, sys.mt, sys.mtde)
				var c Counts
				for b.Loop() {
					beads, err := Align(d.de, d.fr, opt)
					if err != nil {
						b.Fatal(err)
					}
					c = Evaluate(d.gold, beads)
				}
				reportCounts(b, c)
				t := d
				t.mt, t.mtde = sys.mt, sys.mtde
				if t.mtde == nil {
					t.mtde = d.fr // never read: this system has the forward direction only
				}
				var sum Counts
				for _, p := range devParts(t, 4) {
					beads, err := Align(p.de, p.fr, devOptions(mode, p.mt, p.mtde))
					if err != nil {
						b.Fatal(err)
					}
					sum = sum.Add(Evaluate(p.gold, beads))
				}
				b.ReportMetric(sum.Strict().F1, "F1-sum4")
			})
		}
	}
}
