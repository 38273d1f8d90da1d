package align

import (
	"strings"
	"unicode"
)

// isDebris reports whether a sentence is debris rather than text: fewer than two letters and
// fewer than three digits (OCR specks such as "....." or "h * \"", stray punctuation, a lone
// page mark). A translator translates none of it, so hand-aligned gold leaves such lines
// unaligned: on the Text+Berg dev article 13 of its 15 debris lines are 0-1 beads (the other two
// sit inside beads no aligner of contiguous beads can produce). Numbers such as "1956" are not
// debris: they are aligned with their counterparts.
func isDebris(s string) bool {
	letters, digits := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
		if letters >= 2 || digits >= 3 {
			return false
		}
	}
	return true
}

// debrisMask marks the debris sentences of ss, or returns nil when there are none: those of
// isDebris, and page marks (isPageMark against the other side).
func debrisMask(ss, other []string) []bool {
	var mask []bool
	for i, s := range ss {
		if isDebris(s) && !markupLine(s, i, len(ss), other) || isPageMark(s, i, len(ss), other) {
			if mask == nil {
				mask = make([]bool, len(ss))
			}
			mask[i] = true
		}
	}
	return mask
}

// markupLine reports whether s (sentence i of n), a line without words, is written the same on
// the other side near where its counterpart would be: a markup's delimiter or a section break
// ("====", "----", "* * *") that both versions of a digital document carry, and that pairs with
// its twin (by the surface channel's marks feature) rather than being left out as debris.
// An OCR speck ("....", "h *") is seldom so twinned.
func markupLine(s string, i, n int, other []string) bool {
	marks := strings.Join(strings.Fields(s), "")
	if marks == "" || len(other) == 0 {
		return false
	}
	c := i * len(other) / max(n, 1)
	for k := max(0, c-pageMarkWindow); k < min(len(other), c+pageMarkWindow+1); k++ {
		if len(other[k]) < 2*len(s)+8 && strings.Join(strings.Fields(other[k]), "") == marks {
			return true
		}
	}
	return false
}

// pageMarkWindow is how far from a sentence's proportional position on the other side a
// counterpart of its numbers is looked for.
const pageMarkWindow = 30

// isPageMark reports whether s (sentence i of n) is a page number or a like mark: no word (fewer
// than two letters) but digits, and none of its numbers on the other side near where its
// counterpart would be. A line of numbers that has a counterpart ("1. 1950 :" in a list of
// years, "296-309 ) ." of a reference) is aligned with it; an OCR'd page's number or "— 212 —"
// has none, and the search would rather tack it onto a neighbouring bead than pay a deletion.
// The other side's numbers are matched inside its digits run together, so that a number written
// "1 200" or "1.200" there still counts as a counterpart (a looser match only spares more lines).
//
// Measured (go test -count=1 -run XXX -bench 'NoisyDev|TextbergDev|DevSplits|PerturbedDev|
// Calibration' -benchtime 1x ./align): the clean dev article has no page marks, so its figures
// and the calibration are unchanged (no MT whole 0.912, splits 0.901/0.889/0.899/0.895; forward
// MT 0.949, both 0.943; perturbed 0.935); on the noisy dev over ten seeds strict F1 whole
// 0.832→0.836, quarters 0.809→0.812 (the three-seed BenchmarkNoisyDev 0.866→0.875, its quarters
// 0.764→0.761), sentences left out that the gold aligns 104→97 and 116→105. Lone numbers and
// "— N —" tacked onto beads fall from 46 to 25 over the ten whole-article seeds. The window is
// not fitted: at 10 or 100 sentences the ten-seed figures are the same within 0.001.
func isPageMark(s string, i, n int, other []string) bool {
	letters := 0
	nums := strings.FieldsFunc(s, func(r rune) bool {
		if unicode.IsLetter(r) {
			letters++
		}
		return !unicode.IsDigit(r)
	})
	if letters >= 2 || len(nums) == 0 || len(other) == 0 {
		return false
	}
	c := i * len(other) / max(n, 1)
	for k := max(0, c-pageMarkWindow); k < min(len(other), c+pageMarkWindow+1); k++ {
		// The other side's digits run together, so that "1 200" or "1.200" has "1200".
		digits := strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, other[k])
		for _, f := range nums {
			if strings.Contains(digits, f) {
				return false
			}
		}
	}
	return true
}
