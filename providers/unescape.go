package providers

import (
	"slices"
	"strings"
)

// A server that repeats the key does not always repeat it as sent: a key from a query string
// comes back percent-encoded ("…-5678%3Afx"), one put into a JSON string may have its
// punctuation written as \u escapes ("\u003a"), once more escaped when that JSON is itself a
// string ("\\u003a"), or both ("\u00253A"). Scrub, which guards errors, and the check of
// answers (leakGuard) both look for the credential in the text with those escapes undone:
// one function, unescape, so that no form is recognised in one place and missed in the other.

// unescaped is a text with the escapes undone, and for each of its bytes where in the original
// it began.
type unescaped struct {
	text string
	at   []int // len(text)+1 offsets into the original, the last its length; nil: text is the original
}

// offset is where byte i of u.text (or its end, for i = len(u.text)) is in the original.
func (u unescaped) offset(i int) int {
	if u.at == nil {
		return i
	}
	return u.at[i]
}

// unescapeRounds bounds the passes of unescape: an escape of an escape ("%253A", "\u00253A")
// needs two, and nothing real needs more than three.
const unescapeRounds = 3

// unescape undoes percent-encoding and JSON \u escapes of ASCII bytes in s, repeatedly, so
// that escapes of escapes are undone too.
func unescape(s string) unescaped {
	u := unescaped{text: s}
	for range unescapeRounds {
		text, at, changed := unescapeOnce(u.text)
		if !changed {
			break
		}
		// Compose: a byte of the new text began where its source byte in u.text began.
		for i, j := range at {
			at[i] = u.offset(j)
		}
		u = unescaped{text: text, at: at}
	}
	return u
}

// unescapeOnce undoes one layer of escapes in s; at maps each byte of the result, and its
// end, to an offset in s.
func unescapeOnce(s string) (string, []int, bool) {
	if !strings.ContainsAny(s, `%\`) {
		return s, nil, false
	}
	var b strings.Builder
	at := make([]int, 0, len(s)+1)
	changed := false
	for i := 0; i < len(s); {
		if c, n := escapedByte(s[i:]); n > 0 {
			b.WriteByte(c)
			at = append(at, i)
			i += n
			changed = true
			continue
		}
		b.WriteByte(s[i])
		at = append(at, i)
		i++
	}
	at = append(at, len(s))
	return b.String(), at, changed
}

// escapedByte decodes the escaped ASCII byte s starts with: "%3A" or "%3a", or "\u003a" after
// any number of backslashes; n is how many bytes of s it took, 0 when s starts with none.
func escapedByte(s string) (c byte, n int) {
	switch {
	case len(s) >= 3 && s[0] == '%':
		if v, ok := hexByte(s[1:3]); ok && v < 0x80 {
			return v, 3
		}
	case len(s) >= 6 && s[0] == '\\':
		k := 1
		for k < len(s) && s[k] == '\\' {
			k++
		}
		if len(s) >= k+5 && s[k] == 'u' && s[k+1:k+3] == "00" {
			if v, ok := hexByte(s[k+3 : k+5]); ok && v < 0x80 {
				return v, k + 5
			}
		}
	}
	return 0, 0
}

func hexByte(h string) (byte, bool) {
	var v byte
	for i := range 2 {
		c := h[i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | c
	}
	return v, true
}

// redactSecrets replaces every occurrence of the secrets in s, as written or escaped (see
// unescape), with Redacted. Secrets shorter than four bytes are ignored.
func redactSecrets(s string, secrets ...string) string {
	u := unescape(s)
	var spans [][2]int
	for _, sec := range secrets {
		if len(sec) < 4 {
			continue
		}
		for from := 0; ; {
			i := strings.Index(u.text[from:], sec)
			if i < 0 {
				break
			}
			i += from
			spans = append(spans, [2]int{u.offset(i), u.offset(i + len(sec))})
			from = i + 1
		}
	}
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] < last {
			// Overlapping the one before (a secret inside another): one redaction.
			last = max(last, sp[1])
			continue
		}
		b.WriteString(s[last:sp[0]])
		b.WriteString(Redacted)
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// holdsSecret reports whether s holds one of the secrets, as written or escaped.
func holdsSecret(s string, secrets ...string) bool {
	text := unescape(s).text
	for _, sec := range secrets {
		if len(sec) >= 4 && strings.Contains(text, sec) {
			return true
		}
	}
	return false
}
