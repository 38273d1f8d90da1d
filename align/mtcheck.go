package align

import (
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"unicode"
)

// Checking that an MT is line-aligned with its side. A machine translation given as a file
// must have one line per sentence, index for index; an MT of the right length whose lines are
// shifted (a header line on top, a blank line dropped in the middle) passes ErrMTLength's check,
// and its evidence is then wrong with full weight: on the Text+Berg dev article Google's MT
// shifted by one line aligned at strict F1 0.087 (0.947 with the right MT, 0.921 without), and
// 81 % of the beads it called sure (confidence ≥ 0.9) were wrong, because a shifted MT looks
// like an excellent one to every measure taken on the documents (its true pairs stand out: they
// are merely one line off). A shuffled MT (or another document's) aligned at 0.829.
//
// The check looks at what translation keeps: numbers, names and words spelt alike after folding
// case and diacritics ("Himalaya", "1956", "expédition"/"Expedition"). For each MT line it
// compares those tokens with its own side's line at offset 0 and at ±1, ±2, each shared token
// weighted by its rarity, and counts the lines each offset wins outright; a far offset measures
// chance. Languages that share no script share only numbers and Latin names: few lines then
// carry evidence and the check decides nothing (thin evidence is never a refusal).

// MTShiftError reports a machine translation whose lines are shifted against its side: from
// MT line Line (1-based) on, line i translates sentence i+Shift of the side, not sentence i.
type MTShiftError struct {
	Reverse bool // the MT of the target (Options.MTTgt), not of the source
	Line    int  // the first MT line (1-based) found shifted
	Shift   int  // ±1 or ±2
	// From is the first line the shift may start at (1-based): the one after the last line
	// found in place. Lines between From and Line carried no evidence (a header line added
	// at the top shifts line 1, and the first name or number may come lines later).
	From int
}

func (e *MTShiftError) Error() string {
	name := "MT"
	if e.Reverse {
		name = "MTTgt"
	}
	return "align: " + name + " " + e.Detail()
}

// Detail is the message without its prefix: "line 2 translates source line 3, not 2: shifted
// by one line?".
func (e *MTShiftError) Detail() string {
	side := "source"
	if e.Reverse {
		side = "target"
	}
	n := "one line"
	if abs(e.Shift) == 2 {
		n = "two lines"
	}
	where := ""
	if e.From > 0 && e.From < e.Line {
		where = fmt.Sprintf(" starting between lines %d and %d", e.From, e.Line)
	}
	return fmt.Sprintf("line %d translates %s line %d, not %d: shifted by %s%s?", e.Line, side, e.Line+e.Shift, e.Line, n, where)
}

// ErrMTUnrelated reports a machine translation whose lines match their side's sentences no
// better than they match sentences chosen at random: shuffled, or another document's MT.
var ErrMTUnrelated = errors.New("align: the MT's lines match their sentences no better than chance (shuffled, or another document's translation?)")

// CheckMT checks that mt (a machine translation of side, one line per sentence, of the same
// length) is line-aligned with side. It returns a *MTShiftError for a clear shift,
// ErrMTUnrelated for an MT no better than chance, and nil otherwise — also whenever the
// evidence is too thin to tell (a short document, languages that share few tokens).
func CheckMT(mt, side []string) error {
	v := checkMTLines(mt, side)
	switch {
	case v.shift != 0:
		return &MTShiftError{Line: v.line, Shift: v.shift, From: v.from}
	case v.unrelated:
		return ErrMTUnrelated
	}
	return nil
}

// mtVerdict is what checkMTLines finds: a shift (from 1-based MT line line on), or an MT
// unrelated to its side, with the counts it decided on.
type mtVerdict struct {
	shift, line int
	from        int // the first line the shift may start at (MTShiftError.From)
	unrelated   bool
	// wins[d+2] is the number of lines offset d (−2..2) wins outright; informative is the
	// number of lines some offset shares a token at; hit0 and hitFar the share of lines with
	// tokens on both sides that share one at offset 0 and at far offsets (chance).
	wins        [5]int
	informative int
	hit0, far   float64
	farLines    int
}

// Thresholds of the check, measured on the Text+Berg dev article (468 lines, de→fr and fr→de
// Google MT) and Bleualign's weak Europarl MT of it; see TestCheckMT for the figures.
const (
	// mtCheckMinLines: a document of fewer lines is never judged (a handful of lines gives a
	// handful of coin flips).
	mtCheckMinLines = 12
	// mtShiftMinWins is the fewest lines a shifted offset must win outright in the stretch it
	// wins, and mtShiftDominance how many times more than all other offsets (0 among them) win
	// there together: a correct MT wins a neighbour's line now and then (a name repeated in the
	// next sentence), and a shuffled one's wins scatter over all five offsets alike. At 3,
	// technical text, which repeats its terms from line to line (the Rust book, Pro Git),
	// hid a shift from the check in 38 of 1,288 shifted windows, at 2 in 7, and no right
	// window (644) nor the dev article's real MTs whole or in windows were called shifted
	// (TestCheckMTRepeatedTerms).
	mtShiftMinWins   = 8
	mtShiftDominance = 2
	// mtShiftMinShare is the least share of lines that must carry evidence (some offset shares
	// a token) for a shift to be called at all: a Chinese document with an English MT shares a
	// number on one line in ten, and the check then stays silent, whatever those lines say
	// (the dev article's MT systems: 73–99 % of lines carry evidence).
	mtShiftMinShare = 0.25
	// mtUnrelatedMinLines is the fewest lines the chance test needs (lines whose MT has tokens
	// and whose sentence has one the MT shares somewhere); an MT is unrelated when its lines
	// share a token with their own sentence at most mtUnrelatedRatio times as often as with far
	// ones, plus mtUnrelatedSlack.
	mtUnrelatedMinLines = 40
	mtUnrelatedRatio    = 2
	mtUnrelatedSlack    = 0.05
)

// mtCheckMaxShare drops tokens found in more than this share of a side's lines: words both
// languages spell alike by chance and use everywhere.
const mtCheckMaxShare = 0.1

var mtCheckSeed = maphash.MakeSeed()

// lineTokens returns the sorted distinct hashes of the tokens of s that translation keeps:
// digit runs, and letter runs of four letters or more, folded; a word is cut to its first six
// letters, so that inflections ("Himalaya", "Himalayas") still match.
func lineTokens(s string) []uint64 {
	var out []uint64
	rs := []rune(s)
	for k := 0; k < len(rs); {
		r := rs[k]
		switch {
		case unicode.IsDigit(r):
			e := k
			for e < len(rs) && unicode.IsDigit(rs[e]) {
				e++
			}
			out = append(out, maphash.String(mtCheckSeed, "#"+string(rs[k:e])))
			k = e
		case unicode.IsLetter(r):
			e := k
			for e < len(rs) && (unicode.IsLetter(rs[e]) || unicode.Is(unicode.Mn, rs[e])) {
				e++
			}
			if e-k >= 4 {
				w := []rune(fold(string(rs[k:e])))
				out = append(out, maphash.String(mtCheckSeed, string(w[:min(len(w), 6)])))
			}
			k = e
		default:
			k++
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// checkMTLines judges whether mt is line-aligned with side (see CheckMT).
func checkMTLines(mt, side []string) mtVerdict {
	var v mtVerdict
	n := len(side)
	if len(mt) != n || n < mtCheckMinLines {
		return v
	}
	mtTok, sideTok := make([][]uint64, n), make([][]uint64, n)
	df := map[uint64]int{}
	inMT := map[uint64]bool{}
	for i := range n {
		mtTok[i] = lineTokens(mt[i])
		for _, h := range mtTok[i] {
			inMT[h] = true
		}
	}
	// A side's token counts only when the MT has it somewhere: a Chinese sentence's words are
	// never in its English MT, and lines holding only such words say nothing either way.
	for i := range n {
		sideTok[i] = slices.DeleteFunc(lineTokens(side[i]), func(h uint64) bool { return !inMT[h] })
		for _, h := range sideTok[i] {
			df[h]++
		}
	}
	// A token's weight is its rarity on the side; tokens the side lacks never match.
	weight := func(h uint64) float64 {
		c := df[h]
		if c == 0 || float64(c) > mtCheckMaxShare*float64(n) && c > 2 {
			return 0
		}
		return math.Log(float64(n) / float64(c))
	}
	score := func(i, j int) float64 {
		if j < 0 || j >= n {
			return -1 // outside the document: not a candidate
		}
		var s float64
		eachCommon(mtTok[i], sideTok[j], func(h uint64) { s += weight(h) })
		return s
	}
	// win[i] is the offset (−2..2) line i's MT shares most with, outright; 9 when none does.
	win := make([]int, n)
	var both, hit0 int
	var farBoth, farHit int
	for i := range n {
		win[i] = 9
		var s [5]float64
		best, at, tie := 0.0, 0, false
		for d := -2; d <= 2; d++ {
			s[d+2] = score(i, i+d)
			switch {
			case s[d+2] > best:
				best, at, tie = s[d+2], d, false
			case s[d+2] == best && best > 0:
				tie = true
			}
		}
		if best > 0 {
			v.informative++
			if !tie {
				win[i] = at
				v.wins[at+2]++
			}
		}
		if len(mtTok[i]) > 0 && len(sideTok[i]) > 0 {
			both++
			if s[2] > 0 {
				hit0++
			}
		}
		// Chance: the lines a third and two thirds of the document away.
		for _, f := range []int{n / 3, 2 * n / 3} {
			j := (i + f) % n
			if len(mtTok[i]) > 0 && len(sideTok[j]) > 0 {
				farBoth++
				if score(i, j) > 0 {
					farHit++
				}
			}
		}
	}
	if both > 0 {
		v.hit0 = float64(hit0) / float64(both)
	}
	if farBoth > 0 {
		v.far = float64(farHit) / float64(farBoth)
	}
	v.farLines = both
	// A shift: the stretch of lines where offset d beats offset 0 most (the maximum-sum run of
	// +1 for each line d wins, −1 for each line 0 wins: a shift may start anywhere, where the
	// line was dropped or added, and end where another one was).
	for _, d := range []int{1, -1, 2, -2} {
		if float64(v.informative) < mtShiftMinShare*float64(n) {
			break
		}
		bestSum, sum, start, from, to := 0, 0, 0, 0, -1
		for i := range n {
			switch win[i] {
			case d:
				sum++
			case 0:
				sum--
			}
			if sum <= 0 {
				sum, start = 0, i+1
				continue
			}
			if sum > bestSum {
				bestSum, from, to = sum, start, i
			}
		}
		var dw, ow, first = 0, 0, -1
		for i := from; i <= to; i++ {
			switch win[i] {
			case d:
				dw++
				if first < 0 {
					first = i
				}
			case 9:
			default:
				ow++
			}
		}
		if dw >= mtShiftMinWins && dw >= mtShiftDominance*ow {
			// The shift may start anywhere after the last line found in place.
			v.shift, v.line, v.from = d, first+1, 1
			for i := first - 1; i >= 0; i-- {
				if win[i] == 0 {
					v.from = i + 2
					break
				}
			}
			return v
		}
	}
	if both >= mtUnrelatedMinLines && v.hit0 <= mtUnrelatedRatio*v.far+mtUnrelatedSlack {
		v.unrelated = true
	}
	return v
}
