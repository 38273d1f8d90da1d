package align

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lowercases s and strips diacritics, so that "Expédition", "expedition" and "ExPedition"
// compare equal and German ß matches ss.
func fold(s string) string {
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
