package report

import (
	"strconv"
	"strings"
)

// A Metric scores hypotheses against references through per-segment sufficient statistics,
// as sacreBLEU does: a corpus score is computed from the element-wise sum of the segment
// statistics, which is also what makes bootstrap resampling cheap.
type Metric interface {
	// Name is the score's name as sacreBLEU prints it: "BLEU", "chrF2", "chrF2++", "TER".
	Name() string
	// Stats returns the sufficient statistics of one segment. refs holds the segment's
	// references (at least one); an empty one among them counts, as in sacreBLEU.
	Stats(hyp string, refs []string) []float64
	// Score computes the score from (summed) statistics.
	Score(stats []float64) float64
	// Signature returns sacreBLEU's signature without the name prefix, for nrefs references
	// ("1", "2", … or "var") and bitext version v: "nrefs:1|case:mixed|…|version:bitext-v".
	Signature(nrefs string, v string) string
	// HigherIsBetter is false for error rates (TER).
	HigherIsBetter() bool
}

// Score is one corpus score with its signature.
type Score struct {
	Name      string  `json:"-"`
	Score     float64 `json:"score"`
	Signature string  `json:"signature"`         // "BLEU|nrefs:1|case:mixed|…|version:bitext-…"
	Verbose   string  `json:"verbose,omitempty"` // BLEU: precisions, BP, ratio, lengths
}

// String formats the score the way sacreBLEU's text output does, with two decimals.
func (s Score) String() string { return s.Format(2) }

// Format is sacreBLEU's Score.format with a signature: "SIGNATURE = SCORE VERBOSE", the score
// with width decimals (its --width) and BLEU's verbose part as it always is (precisions with
// one decimal, BP and ratio with three).
func (s Score) Format(width int) string {
	out := s.Signature + " = " + formatScore(s.Score, width)
	if s.Verbose != "" {
		out += " " + s.Verbose
	}
	return out
}

// formatScore is Python's f"{v:.{width}f}": Go's 'f' format rounds the exact binary value
// half to even as Python does; a negative width is taken as 0.
func formatScore(v float64, width int) string {
	return strconv.FormatFloat(v, 'f', max(width, 0), 64)
}

// signature joins key:value pairs with the version last, as sacreBLEU's Signature.format.
func signature(name, nrefs string, pairs []string, version string) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteString("|nrefs:")
	b.WriteString(nrefs)
	for _, p := range pairs {
		b.WriteByte('|')
		b.WriteString(p)
	}
	b.WriteString("|version:")
	b.WriteString(versionString(version))
	return b.String()
}

// versionString names bitext rather than claiming to be a sacreBLEU release.
func versionString(v string) string {
	if v == "" {
		v = "dev"
	}
	return "bitext-" + v
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// sumStats adds b into a.
func sumStats(a, b []float64) {
	for i := range b {
		a[i] += b[i]
	}
}
