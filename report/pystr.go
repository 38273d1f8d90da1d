package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The metrics are defined by sacreBLEU's Python code, so whitespace splitting and lowercasing
// follow Python's str semantics rather than Go's where the two differ.

// pyIsSpace reports whether Python's str.isspace() is true for r. Python also treats the
// ASCII information separators U+001C–U+001F as whitespace; Go's unicode.IsSpace does not.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyFields splits s like Python's str.split() with no arguments.
func pyFields(s string) []string { return strings.FieldsFunc(s, pyIsSpace) }

// pyEachField calls f with each field of pyFields(s) in turn, without holding them.
func pyEachField(s string, f func(string)) {
	start := -1
	for i, r := range s {
		if pyIsSpace(r) {
			if start >= 0 {
				f(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// pyJoinFields is Python's ' '.join(s.split()): single spaces, no leading or trailing space.
func pyJoinFields(s string) string {
	f := pyFields(s)
	if len(f) == 1 {
		return f[0]
	}
	return strings.Join(f, " ")
}

// pyRstrip is Python's str.rstrip().
func pyRstrip(s string) string { return strings.TrimRightFunc(s, pyIsSpace) }

// pyLower is Python's str.lower(), the one lowercasing of the metrics (BLEU's --lc, chrF's
// --chrf-lowercase, TER's default case folding). It differs from strings.ToLower in the two
// places where Python applies Unicode's full, context-dependent lowercase mapping:
//   - U+0130 (İ) becomes "i̇" (i + U+0307 combining dot above), not "i";
//   - U+03A3 (Σ) becomes final ς (U+03C2) in the Final_Sigma context, preceded by a cased
//     letter (skipping case-ignorable characters) and not followed by one (again skipping
//     case-ignorable ones), as CPython's handle_capital_sigma decides; elsewhere σ.
func pyLower(s string) string {
	if !strings.ContainsRune(s, 'İ') && !strings.ContainsRune(s, 'Σ') {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case 'İ':
			b.WriteString("i\u0307")
		case 'Σ':
			if finalSigma(s, i, i+len("Σ")) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the Σ at s[start:end] is in Unicode's Final_Sigma context:
// \p{cased} \p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased}).
func finalSigma(s string, start, end int) bool {
	j := start
	var c rune
	found := false
	for j > 0 {
		var size int
		c, size = utf8.DecodeLastRuneInString(s[:j])
		j -= size
		if !caseIgnorable(c) {
			found = true
			break
		}
	}
	if !found || !cased(c) {
		return false
	}
	for _, c := range s[end:] {
		if !caseIgnorable(c) {
			return !cased(c)
		}
	}
	return true
}

// cased is Unicode's Cased property (Lowercase, Uppercase or Lt), as Python's _PyUnicode_IsCased.
func cased(r rune) bool {
	return unicode.In(r, unicode.Ll, unicode.Lu, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable is Unicode's Case_Ignorable property, as Python's _PyUnicode_IsCaseIgnorable:
// general category Mn, Me, Cf, Lm or Sk, or Word_Break MidLetter, MidNumLet or Single_Quote.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '\u00b7', '\u0387', '\u055f', '\u05f4', '\u2018', '\u2019', '\u2024',
		'\u2027', '\ufe13', '\ufe52', '\ufe55', '\uff07', '\uff0e', '\uff1a':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
