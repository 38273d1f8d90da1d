package report

import (
	"fmt"
	"math"
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

// checkMetric refuses options a metric cannot score with, as the CLI's flags do: its
// signature would otherwise name a tokenizer or smoothing the score was not computed with
// (BLEU{Tokenizer: "zh"} scored with 13a and signed tok:zh).
func checkMetric(m Metric) error {
	switch m := m.(type) {
	case BLEU:
		if m.Tokenizer != "" {
			if _, err := ParseTokenizer(string(m.Tokenizer)); err != nil {
				return fmt.Errorf("BLEU: %w", err)
			}
		}
		if m.Smooth != "" {
			if _, err := ParseSmoothing(string(m.Smooth)); err != nil {
				return fmt.Errorf("BLEU: %w", err)
			}
		}
		// A floor of 0 is sacreBLEU's own test (test_offset); the CLI asks more (CheckValue).
		if v := m.SmoothValue; v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0) || *v < 0) {
			return fmt.Errorf("BLEU: smoothing value %v: want a finite value of 0 or more", *v)
		}
		if m.MaxOrder < 0 {
			return fmt.Errorf("BLEU: MaxOrder %d is below 0", m.MaxOrder)
		}
	case CHRF:
		if m.CharOrder < 1 || m.Beta < 1 || m.WordOrder < 0 {
			return fmt.Errorf("chrF: CharOrder %d, WordOrder %d, Beta %d: want CharOrder and Beta of 1 or more (NewCHRF and NewCHRFPlusPlus give sacreBLEU's)", m.CharOrder, m.WordOrder, m.Beta)
		}
	}
	return nil
}
