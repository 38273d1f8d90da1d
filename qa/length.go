package qa

import "unicode"

// Lengths below which a segment's length ratio is not judged, in characters other than white
// space. A short sentence's ratio swings with one abbreviation or name: "Die Vereinigten
// Staaten reagierten." (32) is rightly "The U.S. reacted." (15), a ratio of 0.47. So the
// ratio is judged only when the source has MinLengthSource characters and one of the two
// sides has MinLengthJudged; a short source that grew into a long target (a "Ja." answered
// with a paragraph) still is.
const (
	MinLengthSource = 20
	MinLengthJudged = 40
)

// LengthRatio returns the target/source ratio of characters other than white space, and
// whether the pair is long enough for it to be judged. An empty target is never judged: it is
// flagged as empty on its own.
func LengthRatio(source, target string) (ratio float64, judged bool) {
	sl, tl := nonSpace(source), nonSpace(target)
	if sl < MinLengthSource || tl == 0 || max(sl, tl) < MinLengthJudged {
		return 0, false
	}
	return float64(tl) / float64(sl), true
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
