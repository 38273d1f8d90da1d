package align

import (
	"fmt"
	"strings"
	"testing"
)

// Robustness checks for the aligner without MT. One hand-aligned dev article is little to tune
// on: a change that helps the whole article may only help one stretch of it. The article is
// therefore also cut into halves at the clean cut (a bead boundary no gold bead crosses) nearest
// its middle, each half aligned as a document of its own; a change is kept only when it helps
// both halves, the whole and the perturbed German–English documents.

// devPart is one stretch of the dev article aligned as a document of its own.
type devPart struct {
	name   string
	de, fr []string
	mt     []string // forward MT of de
	mtde   []string // reverse MT of fr
	gold   []Bead
}

// cleanCuts returns the gold indices k at which beads [0,k) cover exactly source [0,i) and
// target [0,j) for some i, j (no gold bead crosses the cut), with those i, j.
func cleanCuts(gold []Bead) (ks, is, js []int) {
	maxS, maxT := -1, -1
	for k, b := range gold {
		for _, x := range b.Src {
			maxS = max(maxS, x)
		}
		for _, y := range b.Tgt {
			maxT = max(maxT, y)
		}
		// The cut after bead k is clean when every later bead lies beyond both maxima.
		clean := true
		for _, c := range gold[k+1:] {
			for _, x := range c.Src {
				clean = clean && x > maxS
			}
			for _, y := range c.Tgt {
				clean = clean && y > maxT
			}
			if !clean {
				break
			}
		}
		if clean {
			ks, is, js = append(ks, k+1), append(is, maxS+1), append(js, maxT+1)
		}
	}
	return ks, is, js
}

// devParts cuts the dev article into parts equal parts at the clean cuts nearest to the
// even splits of its source side.
func devParts(d textberg, parts int) []devPart {
	ks, is, js := cleanCuts(d.gold)
	prevK, prevI, prevJ := 0, 0, 0
	var out []devPart
	for p := 1; p <= parts; p++ {
		k, i, j := len(d.gold), len(d.de), len(d.fr)
		if p < parts {
			want := len(d.de) * p / parts
			best := -1
			for x := range ks {
				if best < 0 || abs(is[x]-want) < abs(is[best]-want) {
					best = x
				}
			}
			k, i, j = ks[best], is[best], js[best]
		}
		var gold []Bead
		for _, b := range d.gold[prevK:k] {
			gold = append(gold, b.shifted(-prevI, -prevJ))
		}
		out = append(out, devPart{
			name: fmt.Sprintf("%d/%d", p, parts),
			de:   d.de[prevI:i], fr: d.fr[prevJ:j],
			mt: d.mt[prevI:i], mtde: d.mtde[prevJ:j],
			gold: gold,
		})
		prevK, prevI, prevJ = k, i, j
	}
	return out
}

// BenchmarkDevSplits reports strict F1 on the whole dev article, on each half and each quarter
// aligned alone, and summed over the halves, thirds, quarters and sixths (F1-sumN), without MT,
// with forward MT, with reverse MT and with both directions, and ("+freedict") with FreeDict's
// German–French dictionary (Debian's dict-freedict-deu-fra; skipped without it), or with its
// French–German one read reversed ("+freedict-fra-deu"). The held-aside
// Text+Berg test documents average 131 beads, about a quarter of the dev article's 422, so the quarters and thirds are closest to
// them; a lexicon learned from a short document's first pass has less to learn from.
//
//	go test -count=1 -run XXX -bench DevSplits -benchtime 1x ./align
func BenchmarkDevSplits(b *testing.B) {
	d := loadTextberg(b)
	sets := [][]devPart{{{name: "whole", de: d.de, fr: d.fr, mt: d.mt, mtde: d.mtde, gold: d.gold}}, devParts(d, 2), devParts(d, 3), devParts(d, 4), devParts(d, 6)}
	for _, mode := range []string{"no-mt", "mt", "mt-tgt", "both", "no-mt+freedict", "mt+freedict", "both+freedict", "no-mt+freedict-fra-deu"} {
		b.Run(mode, func(b *testing.B) {
			mode, pair, withDict := strings.Cut(mode, "+freedict")
			var dict *Dictionary
			switch {
			case withDict && pair == "":
				dict = freeDict(b, "deu-fra")
			case withDict: // "-fra-deu": the other direction's dictionary, read reversed
				dict = freeDictFor(b, pair[1:], "de", "fr")
			}
			for b.Loop() {
				for _, parts := range sets {
					var sum Counts
					for _, p := range parts {
						opt := devOptions(mode, p.mt, p.mtde)
						opt.Dict = dict
						beads, err := Align(p.de, p.fr, opt)
						if err != nil {
							b.Fatal(err)
						}
						c := Evaluate(p.gold, beads)
						sum = sum.Add(c)
						if len(parts) == 2 || len(parts) == 4 {
							b.ReportMetric(c.Strict().F1, "F1-"+p.name)
						}
					}
					if len(parts) == 1 {
						b.ReportMetric(sum.Strict().F1, "F1-whole")
					} else {
						b.ReportMetric(sum.Strict().F1, fmt.Sprintf("F1-sum%d", len(parts)))
					}
				}
			}
		})
	}
}
