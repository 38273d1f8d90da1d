package deepl

import (
	"testing"

	"github.com/bitext/bitext/providers"
)

func TestProtect(t *testing.T) {
	terms := []providers.Term{{Source: "NATO", DoNotTranslate: true}, {Source: "NATO-Gipfel", DoNotTranslate: true}, {Source: "Kreml", Target: "Kremlin"}}
	for _, tc := range []struct{ in, want string }{
		{"Die NATO tagt.", "Die <keep>NATO</keep> tagt."},
		{"Der NATO-Gipfel & die NATO <b>", "Der <keep>NATO-Gipfel</keep> &amp; die <keep>NATO</keep> &lt;b&gt;"},
		{"Der Kreml schweigt.", ""},
	} {
		got, ok := protect(tc.in, terms)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("protect(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// FuzzProtect: what protect sends, unprotect turns back into the text (DeepL leaves kept terms
// and the rest of an untouched answer as they are).
func FuzzProtect(f *testing.F) {
	f.Add("Die NATO tagt & <keep> 2,5 ’ Grüße")
	f.Add("NATONATO")
	f.Fuzz(func(t *testing.T, s string) {
		terms := []providers.Term{{Source: "NATO", DoNotTranslate: true}, {Source: "Grüße", DoNotTranslate: true}}
		p, ok := protect(s, terms)
		if !ok {
			p = escape(s)
		}
		if got := unprotect(p); got != s && !containsTagLike(s) {
			t.Errorf("round trip %q -> %q -> %q", s, p, got)
		}
	})
}

// containsTagLike: a source that itself contains "<keep>" text or entity-like sequences cannot
// round-trip through unkeep/unescape exactly; those are not what the test is about.
func containsTagLike(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '&' || s[i] == '<' {
			return true
		}
	}
	return false
}
