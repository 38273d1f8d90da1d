package align

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
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
				b.ReportMetric(quartersF1(b, d, mode, sys.mt, sys.mtde, nil), "F1-sum4")
			})
		}
	}
}

// quartersF1 is strict F1 summed over the dev article's quarters, each aligned alone in mode
// with its lines of the forward MT fwd and of the reverse MT rev (nil for a system that has
// the forward direction only). garble, when not nil, replaces quarter k's reverse MT first.
func quartersF1(tb testing.TB, d textberg, mode string, fwd, rev []string, garble func(k int, mtde []string) []string) float64 {
	t := d
	t.mt, t.mtde = fwd, rev
	if rev == nil {
		t.mtde = d.fr // never read: the mode uses the forward direction only
	}
	var sum Counts
	for k, p := range devParts(t, 4) {
		mtde := p.mtde
		if garble != nil {
			mtde = garble(k, mtde)
		}
		beads, err := Align(p.de, p.fr, devOptions(mode, p.mt, mtde))
		if err != nil {
			tb.Fatal(err)
		}
		sum = sum.Add(Evaluate(p.gold, beads))
	}
	return sum.Strict().F1
}

// BenchmarkDevMTMixed aligns the dev article with the two MT directions from different systems,
// forward (German into French) from one and reverse from another, as a user gets who translates
// each side with what is at hand, or whose provider is better in one direction: whether the two
// directions' evidence is weighed by each one's quality shows where their qualities differ. For
// each pair it reports strict F1 with both directions and with each alone, on the whole article
// and summed over its quarters aligned alone (-sum4), and both minus the better single direction
// (F1-gain, F1-gain-sum4): "both" should never lose to the better direction. The "shuffled"
// conditions have a garbage reverse direction, the reverse MT's lines permuted within the
// document (a seeded permutation): both must stay about as good as forward alone. The last
// sub-benchmark, "mean", averages the gains over the six mixed pairs.
//
//	go test -count=1 -run XXX -bench DevMTMixed -benchtime 1x ./align
func BenchmarkDevMTMixed(b *testing.B) {
	d := loadTextberg(b)
	mts := map[string][2][]string{"google": {d.mt, d.mtde}}
	for _, s := range loadDevMTSystems(b) {
		if s.mtde != nil {
			mts[s.name] = [2][]string{s.mt, s.mtde}
		}
	}
	// shuffle permutes a document's reverse MT lines (the whole article is document 0, its
	// quarters 1 to 4): a garbage direction.
	shuffle := func(k int, mtde []string) []string {
		mtde = slices.Clone(mtde)
		rand.New(rand.NewPCG(7, uint64(k))).Shuffle(len(mtde), func(i, j int) { mtde[i], mtde[j] = mtde[j], mtde[i] })
		return mtde
	}
	// score returns strict F1 on the whole article and summed over its quarters.
	score := func(mode string, fwd, rev []string, shuffled bool) (whole, sum4 float64) {
		mtde := rev
		var garble func(int, []string) []string
		if shuffled {
			mtde = shuffle(0, rev)
			garble = func(k int, m []string) []string { return shuffle(k+1, m) }
		}
		beads, err := Align(d.de, d.fr, devOptions(mode, fwd, mtde))
		if err != nil {
			b.Fatal(err)
		}
		return Evaluate(d.gold, beads).Strict().F1, quartersF1(b, d, mode, fwd, rev, garble)
	}
	type fig struct{ whole, sum4 float64 }
	single := map[string]fig{} // "mt:system" or "mt-tgt:system", measured once
	one := func(mode, sys string) fig {
		k := mode + ":" + sys
		if f, ok := single[k]; ok {
			return f
		}
		var f fig
		f.whole, f.sum4 = score(mode, mts[sys][0], mts[sys][1], false) // the mode picks one
		single[k] = f
		return f
	}
	var gain, gain4 float64
	pairs := [][2]string{
		{"google", "europarllight"}, {"europarllight", "google"},
		{"google", "europarlfull"}, {"europarlfull", "google"},
		{"europarlfull", "europarllight"}, {"europarllight", "europarlfull"},
	}
	for _, pr := range pairs {
		b.Run(pr[0]+"+"+pr[1], func(b *testing.B) {
			for b.Loop() {
				fw, rv := one("mt", pr[0]), one("mt-tgt", pr[1])
				bw, b4 := score("both", mts[pr[0]][0], mts[pr[1]][1], false)
				b.ReportMetric(bw, "F1-both")
				b.ReportMetric(fw.whole, "F1-fwd")
				b.ReportMetric(rv.whole, "F1-rev")
				b.ReportMetric(bw-max(fw.whole, rv.whole), "F1-gain")
				b.ReportMetric(b4, "F1-both-sum4")
				b.ReportMetric(fw.sum4, "F1-fwd-sum4")
				b.ReportMetric(rv.sum4, "F1-rev-sum4")
				b.ReportMetric(b4-max(fw.sum4, rv.sum4), "F1-gain-sum4")
				gain += bw - max(fw.whole, rv.whole)
				gain4 += b4 - max(fw.sum4, rv.sum4)
			}
		})
	}
	for _, sys := range []string{"google", "europarllight"} {
		b.Run(sys+"+shuffled", func(b *testing.B) {
			for b.Loop() {
				fw := one("mt", sys)
				bw, b4 := score("both", mts[sys][0], mts[sys][1], true)
				b.ReportMetric(bw, "F1-both")
				b.ReportMetric(fw.whole, "F1-fwd")
				b.ReportMetric(bw-fw.whole, "F1-gain")
				b.ReportMetric(b4, "F1-both-sum4")
				b.ReportMetric(fw.sum4, "F1-fwd-sum4")
				b.ReportMetric(b4-fw.sum4, "F1-gain-sum4")
			}
		})
	}
	b.Run("mean", func(b *testing.B) {
		for b.Loop() {
		}
		b.ReportMetric(gain/float64(len(pairs)), "F1-gain")
		b.ReportMetric(gain4/float64(len(pairs)), "F1-gain-sum4")
	})
}
