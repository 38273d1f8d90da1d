package report

import (
	"strings"
	"unicode"
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

// pyLower is Python's str.lower(). It differs from strings.ToLower for U+0130 (İ), which
// Python lowercases to "i̇" (i + combining dot above) under Unicode's full case mapping.
func pyLower(s string) string {
	if strings.ContainsRune(s, 'İ') {
		s = strings.ReplaceAll(s, "İ", "i\u0307")
	}
	return strings.ToLower(s)
}
