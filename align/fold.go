package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
	"golang.org/x/text/unicode/norm"
)

// fold lowercases s and strips diacritics, so that "Expédition", "expedition" and "ExPedition"
// compare equal and German ß matches ss.
func fold(s string) string {
	if isASCII(s) { // most words: no decomposition, no diacritics
		return strings.TrimSpace(textcheck.ASCIILower(s))
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.TrimSpace(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
