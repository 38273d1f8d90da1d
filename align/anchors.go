package align

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"
)

// Anchors crossing a cut. The word leak (wordSides) compares the words of one language, so it
// needs MT. Without it, some tokens still match across languages as they are:
// numbers ("1 200", "1.200" and "1200" alike, years, the digits of ordinals) and words identical
// after folding case and accents — names, places, peaks ("Kingspitz", "Piola"), loan words. An
// anchor of source sentence i found in target sentence j-1 (the neighbour across the cut) and
// neither in target j nor in source i-1 says that the translator moved content across the cut:
// the cut is dear, and a bead that holds both sentences wins. The length model cannot tell a
// gold 2-2 bead from two 1-1 beads, nor a 1-2 from a 1-1 and a deletion; what crosses the cut
// can. The anchors are sorted id sets in one id space for both languages, counted like
// wordSides.crossing counts words; each crossing anchor costs model.anchorLeak at each bead
// corner, like a crossing word next to MT.
//
// Measured without MT (go test -count=1 -run XXX -bench 'TextbergDev|DevSplits|PerturbedDev|
// NoisyDev' -benchtime 1x ./align), strict F1 over the Text+Berg dev article's halves, thirds,
// quarters and sixths aligned alone (sums), the whole article, the perturbed de–en dev and the
// OCR-noised dev article (whole / quarters), by the weight per crossing anchor relative to
// leakWeight:
//
//	weight  splits                    whole  perturbed  noisy
//	0       0.878/0.878/0.888/0.883   0.887  0.934      0.839/0.760
//	0.15    0.879/0.878/0.888/0.878   0.883  0.934      0.848/0.760
//	0.5     0.887/0.879/0.891/0.881   0.902  0.934      0.858/0.760
//	0.75    0.897/0.886/0.896/0.888   0.912  0.936      0.861/0.760
//	1       0.901/0.889/0.899/0.895   0.912  0.935      0.866/0.764
//	1.5     0.891/0.891/0.905/0.901   0.898  0.927      0.847/0.762
//
// (0.15 to 0.75 and 1.5 were measured with the lexicon's anchors too, see below.) Each kind alone
// at 1 (with the lexicon's): numbers 0.888/0.890/0.895/0.890, whole 0.897, perturbed 0.934, noisy
// 0.848; words 0.891/0.886/0.891/0.893, whole 0.904, perturbed 0.936, noisy 0.848. Tried and left
// out: words of three letters (0.874/0.868/0.877/0.879, perturbed 0.925: function words shared by
// accident); five letters at least (same as four on the dev article, perturbed 0.936); capitalised
// words of two or three letters (no change); the learned lexicon's translations of p ≥ 0.5 as
// anchors in the second pass (alone: no change on the splits, whole 0.892, noisy 0.836; with the
// others: halves 0.901→0.894, noisy 0.866→0.859); a dictionary's renderings (Ding on the perturbed
// dev: 0.940→0.894, its function words cross every cut; 0.941 with anchors found in more than 1 %
// of the sentences dropped); anchors found in more than 2 % of the sentences dropped (splits
// 0.894/0.886/0.891/0.890); a cost on many-to-many beads whose inner cut keeps each side's anchors
// on its own side (0.5 per anchor: splits 0.901/0.890/0.895/0.894, whole 0.908, perturbed 0.937,
// noisy 0.865/0.780).
//
// Next to MT the anchors are counted too, at the same weight, beside the MT's crossing words (which
// anchors add there was not examined; the MT may spell out, regroup or inflect what the original
// writes alike on both sides). Strict F1 with forward MT, splits
// 0.902/0.907/0.918/0.916→0.917/0.925/0.936/0.934, whole 0.928→0.949 (at 0.5:
// 0.909/0.917/0.925/0.923, whole 0.938; at 1.5 about as at 1); with both directions
// 0.915/0.914/0.922/0.912→0.933/0.928/0.940/0.933, whole 0.928→0.943; the reverse MT alone
// 0.912→0.930.

// anchorMinRunes is the shortest folded word that is an anchor when it is identical on both
// sides: shorter ones are mostly function words two languages share by accident.
const anchorMinRunes = 4

// anchorSides holds the anchors of each sentence of both sides (see idList). The texts name
// them for Explain.
type anchorSides struct {
	src, tgt         idList
	srcText, tgtText []string
}

// newAnchorSides returns the anchors of every sentence of both sides; only anchors that occur
// on both sides are kept.
func newAnchorSides(st *stopper, src, tgt []string) *anchorSides {
	var buf []string
	// Keys are known by a 64-bit hash (no key string is kept: a million sentences have
	// millions of them); two keys would have to collide to be taken for one anchor.
	seed := maphash.MakeSeed()
	onTgt := map[uint64]struct{}{}
	for _, t := range tgt {
		st.tick()
		buf = anchorKeys(t, buf[:0])
		for _, k := range buf {
			onTgt[maphash.String(seed, k)] = struct{}{}
		}
	}
	// ids numbers the source's anchors that the target has; the target's are then kept when
	// they have an id.
	ids := map[uint64]uint32{}
	var xs []uint32
	build := func(lines []string, add bool) idList {
		l := newIDList(len(lines))
		for _, s := range lines {
			st.tick()
			xs = xs[:0]
			buf = anchorKeys(s, buf[:0])
			for _, k := range buf {
				h := maphash.String(seed, k)
				id, ok := ids[h]
				if !ok {
					if !add {
						continue
					}
					if _, ok := onTgt[h]; !ok {
						continue
					}
					id = uint32(len(ids))
					ids[h] = id
				}
				xs = append(xs, id)
			}
			l.add(xs)
		}
		return l.clip()
	}
	a := &anchorSides{srcText: src, tgtText: tgt}
	a.src = build(src, true)
	onTgt = nil
	a.tgt = build(tgt, false)
	return a
}

// slice returns the anchors of a span (the id lists shared).
func (a *anchorSides) slice(s span) *anchorSides {
	return &anchorSides{
		src:     a.src.slice(s.i0, s.i1),
		tgt:     a.tgt.slice(s.j0, s.j1),
		srcText: a.srcText[s.i0:s.i1], tgtText: a.tgtText[s.j0:s.j1],
	}
}

// crossing counts the anchors that cross lattice point (i, j) (see crossingIDs).
func (a *anchorSides) crossing(i, j int) int { return crossingIDs(a.src, a.tgt, i, j) }

// at returns the anchors crossing lattice point (i, j), as crossing counts them, from the texts.
func (a *anchorSides) at(i, j int) []string {
	keys := func(ss []string, k int) []string {
		if k < 0 || k >= len(ss) {
			return nil
		}
		return anchorKeys(ss[k], nil)
	}
	s0, s1 := keys(a.srcText, i-1), keys(a.srcText, i)
	t0, t1 := keys(a.tgtText, j-1), keys(a.tgtText, j)
	var out []string
	for _, c := range [][4][]string{{s1, t0, t1, s0}, {s0, t1, t0, s1}} {
		for _, x := range c[0] {
			if slices.Contains(c[1], x) && !slices.Contains(c[2], x) && !slices.Contains(c[3], x) && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// anchorKeys appends the anchors of s: its numbers (appendNumbers) and its folded words of at
// least anchorMinRunes letters. Words with digits ("3e", "K2") give their digits only.
func anchorKeys(s string, out []string) []string {
	out = appendNumbers(s, out)
	words, _ := tokens(s)
	for _, w := range words {
		if hasDigit(w) || utf8.RuneCountInString(w) < anchorMinRunes {
			continue
		}
		out = append(out, w)
	}
	return out
}

func hasDigit(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return '0' <= r && r <= '9' }) >= 0
}

// appendNumbers appends the numbers of s, each a run of ASCII digits joined with the groups of
// exactly three digits that follow it after a thousands separator (a space, a no-break or thin
// space, '.', ',' or an apostrophe), so that "1 200", "1.200", "1'200" and "1200" are one
// number. Only a lead of at most three digits takes groups: "1956 200" is a year and a number.
// The digits of an ordinal ("3.", "3e", "3rd") are its number. A number is written "#1200", so
// that it never meets a word.
func appendNumbers(s string, out []string) []string {
	var b []byte
	for i := 0; i < len(s); {
		if !isDigitByte(s[i]) {
			i++
			continue
		}
		b = append(b[:0], '#')
		for lead := true; ; lead = false {
			k := i
			for k < len(s) && isDigitByte(s[k]) {
				k++
			}
			b = append(b, s[i:k]...)
			i = k
			if lead && len(b) > 4 || i >= len(s) {
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if !strings.ContainsRune(" \u00a0\u202f\u2009.,'’", r) {
				break
			}
			e := i + n
			for e < len(s) && isDigitByte(s[e]) {
				e++
			}
			if e-(i+n) != 3 {
				break
			}
			i += n
		}
		out = append(out, string(b))
	}
	return out
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }
