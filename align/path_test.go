package align

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// TestCalibrateFollowsPath: a passage that one side lacks moves the alignment path away from
// the diagonal; the surface channel's typical true pair (good) and chance match are still
// measured on true pairs, as on the documents without the gap. With the diagonal alone, good
// fell to a chance match's level once half the samples had their counterpart out of the window.
func TestCalibrateFollowsPath(t *testing.T) {
	src, tgt, _ := synthetic(2000, 5)
	surface := func(tgt []string) chanLevel {
		st := &stopper{ctx: context.Background()}
		lv := newLevel(st, src, tgt, Options{}, nil)
		lv.prepare(3)
		for _, ch := range lv.chans {
			if ch.name == "surface" {
				return ch
			}
		}
		t.Fatal("no surface channel")
		return chanLevel{}
	}
	ref := surface(tgt)
	for _, gap := range []int{100, 200} {
		t.Run(fmt.Sprint(gap), func(t *testing.T) {
			cut := append(slices.Clone(tgt[:500]), tgt[500+gap:]...)
			ch := surface(cut)
			t.Logf("good %.3f (without the gap %.3f), chance %.3f (%.3f)", ch.good, ref.good, ch.chance, ref.chance)
			if ch.good < 0.9*ref.good || ch.chance > 1.5*ref.chance {
				t.Errorf("a gap of %d target sentences: good %.3f, chance %.3f; without it %.3f, %.3f", gap, ch.good, ch.chance, ref.good, ref.chance)
			}
		})
	}
}

// TestPathCentresWeakChannel: where the best matches scatter (a channel that finds no true
// pairs), the centres stay on the diagonal.
func TestPathCentresWeakChannel(t *testing.T) {
	src, _, _ := synthetic(600, 6)
	other, _, _ := synthetic(600, 7) // unrelated text
	st := &stopper{ctx: context.Background()}
	lv := newLevel(st, src, other, Options{}, nil)
	lv.prepare(3)
	ch := lv.chans[0]
	samples := make([]int, 0, len(src))
	for i := range src {
		if ch.srcSelf[0][i] > 0 {
			samples = append(samples, i)
		}
	}
	centres := pathCentres(&ch, newScatter(ch.src), samples, 20)
	moved := 0
	for k, i := range samples {
		if centres[k] != i*len(other)/len(src) {
			moved++
		}
	}
	if moved > len(samples)/20 {
		t.Errorf("%d of %d centres moved off the diagonal between unrelated documents", moved, len(samples))
	}
}

// cutTarget removes the target sentences [from, from+k) and renumbers the gold: their source
// counterparts become unaligned, one bead each (as the gold lists every unaligned sentence on
// its own), as when the translator (or the scan) left a passage out.
func cutTarget(tgt []string, gold []Bead, from, k int) ([]string, []Bead) {
	out := append(slices.Clone(tgt[:from]), tgt[from+k:]...)
	var g []Bead
	for _, b := range gold {
		var ts []int
		for _, j := range b.Tgt {
			switch {
			case j < from:
				ts = append(ts, j)
			case j >= from+k:
				ts = append(ts, j-k)
			}
		}
		if len(ts) == 0 {
			for _, i := range b.Src {
				g = append(g, Bead{Src: []int{i}})
			}
			continue
		}
		g = append(g, Bead{Src: b.Src, Tgt: ts})
	}
	return out, g
}

// BenchmarkDevMissingPassage aligns the Text+Berg dev article with a passage of 30, 60, 100
// or 150 French sentences removed after its 80th (a page or two the translator left out or the
// scan missed), without MT and with forward MT, and reports strict F1 against the gold with
// the passage's German sentences unaligned.
//
//	go test -count=1 -run XXX -bench DevMissingPassage -benchtime 1x ./align
func BenchmarkDevMissingPassage(b *testing.B) {
	d := loadTextberg(b)
	for _, mode := range []string{"no-mt", "mt"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				for _, k := range []int{0, 30, 60, 100, 150} {
					tgt, gold := cutTarget(d.fr, d.gold, 80, k)
					beads, err := Align(d.de, tgt, devOptions(mode, d.mt, d.mtde))
					if err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(Evaluate(gold, beads).Strict().F1, fmt.Sprintf("F1-gap%d", k))
				}
			}
		})
	}
}
