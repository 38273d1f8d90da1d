package report

import (
	"math"
	"strings"
	"testing"
)

// TestPyLower checks pyLower against Python's str.lower(); the expected column is what
// Debian's python3 3.11 printed for each input.
func TestPyLower(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ΟΔΟΣ street here", "οδος street here"},
		{"ΟΔΟΣ", "οδος"},
		{"Σ", "σ"},                     // nothing cased before it
		{"ΣΑΣ", "σας"},                 // first not final, last final
		{"ΑΣ.", "ας."},                 // '.' is case-ignorable (MidNumLet) and nothing cased follows
		{"ΑΣ'Β", "ασ'β"},               // a cased letter follows past the case-ignorable "'"
		{"ΑΣ.Β", "ασ.β"},               // likewise past '.'
		{"Α.Σ", "α.ς"},                 // a cased letter precedes past '.'
		{"ΑΣ\u0301", "ας\u0301"},       // combining acute (Mn) is case-ignorable
		{"ΑΣ\u0301Β", "ασ\u0301β"},     //
		{"Σ ΟΔΟΣ", "σ οδος"},           //
		{"ΟΔΟΣ-ΟΔΟΣ", "οδος-οδος"},     // '-' is neither cased nor case-ignorable
		{"1Σ", "1σ"},                   // a digit is not cased
		{"ΑΣ1", "ας1"},                 //
		{"ΌΣΟΣ ΤΟΣΟΣ.", "όσος τοσος."}, //
		{"İstanbul ΣΑΣ", "i\u0307stanbul σας"},
		{"aΣ", "aς"},                 // any cased letter, not only Greek
		{"a\u00adΣ", "a\u00adς"},     // soft hyphen (Cf) is case-ignorable
		{"ΑΣ\u00ad", "ας\u00ad"},     //
		{"ΑΣ\u00adΒ", "ασ\u00adβ"},   //
		{"ΑΣΣ", "ασς"},               //
		{"ǅΣ", "ǆς"},                 // titlecase (Lt) is cased
		{"ʰΣ", "ʰσ"},                 // ʰ (Lm) is cased but case-ignorable, and skipped first
		{"ΣΣ ΣΣ", "σς σς"},           //
		{"İ", "i\u0307"},             //
		{"ΑΣ\u0345", "ας\u0345"},     // ypogegrammeni: cased and case-ignorable, skipped
		{"ΑΣ\u0345Β", "ασ\u0345β"},   //
		{"ΑΣ’Β", "ασ’β"},             // U+2019 is MidNumLet
		{"ΑΣ’", "ας’"},               //
		{"Straße ÄÖÜ", "straße äöü"}, // no Σ or İ: strings.ToLower
	} {
		if got := pyLower(c.in); got != c.want {
			t.Errorf("pyLower(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLowercaseFinalSigma: "ΟΔΟΣ street here today" against "οδος street here today" is a
// perfect match for sacreBLEU with -lc (BLEU 100), --chrf-lowercase (chrF 100) and for TER (0),
// which folds case; lowercased by strings.ToLower, ΟΔΟΣ became "οδοσ" and missed.
func TestLowercaseFinalSigma(t *testing.T) {
	hyp, ref := []string{"ΟΔΟΣ street here today"}, [][]string{{"οδος street here today"}}
	for _, m := range []Metric{BLEU{Lowercase: true}, TER{}, CHRF{CharOrder: 6, Beta: 2, Lowercase: true}} {
		s, err := CorpusScore(m, hyp, ref, "")
		if err != nil {
			t.Fatal(err)
		}
		want := 100.0
		if !m.HigherIsBetter() {
			want = 0
		}
		if math.Abs(s.Score-want) > 1e-9 { // BLEU is exp(mean of log 100): 100.00000000000004
			t.Errorf("%s = %v, want %v", strings.SplitN(s.Signature, "|", 2)[0], s.Score, want)
		}
	}
}
