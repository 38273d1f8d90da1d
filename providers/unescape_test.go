package providers

import (
	"strings"
	"testing"
)

func TestRedactSecrets(t *testing.T) {
	const key = "dlFAKEKEY-1234-5678:fx"
	tests := []struct {
		name, in, want string
	}{
		{"as sent", "key dlFAKEKEY-1234-5678:fx refused", "key [REDACTED] refused"},
		{"percent-encoded (the reviewer's)", "Invalid auth key dlFAKEKEY-1234-5678%3Afx.", "Invalid auth key [REDACTED]."},
		{"percent-encoded, lower case", "dlFAKEKEY%2d1234%2d5678%3afx", "[REDACTED]"},
		{"JSON escape", `"dlFAKEKEY-1234-5678\u003afx"`, `"[REDACTED]"`},
		{"JSON escape escaped again", `dlFAKEKEY-1234-5678\\u003Afx`, `[REDACTED]`},
		{"percent-encoded, then a JSON escape", `dlFAKEKEY-1234-5678\u00253Afx`, `[REDACTED]`},
		{"percent-encoded twice", `dlFAKEKEY-1234-5678%253Afx and more`, `[REDACTED] and more`},
		{"twice in one text", "a dlFAKEKEY-1234-5678%3Afx b dlFAKEKEY-1234-5678:fx c", "a [REDACTED] b [REDACTED] c"},
		{"escapes elsewhere stay", "100%25 sure: %3A and \\u003a stay", "100%25 sure: %3A and \\u003a stay"},
		{"a cut key is not the key", "dlFAKEKEY-1234-5678", "dlFAKEKEY-1234-5678"},
	}
	for _, tt := range tests {
		if got := redactSecrets(tt.in, key); got != tt.want {
			t.Errorf("%s: redactSecrets(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if got, want := holdsSecret(tt.in, key), tt.want != tt.in; got != want {
			t.Errorf("%s: holdsSecret(%q) = %v", tt.name, tt.in, got)
		}
	}
	// Two secrets, one inside the other: one redaction.
	if got := redactSecrets("x sk-abcdefgh-XYZ y", "sk-abcdefgh-XYZ", "abcdefgh"); got != "x [REDACTED] y" {
		t.Errorf("nested secrets: %q", got)
	}
	// The answers' check sees the same forms.
	g := newLeakGuard([]string{key})
	if !g.leaks("EN(Satz) key=dlFAKEKEY-1234-5678%3Afx") || !g.leaks(`\u0064\u006cFAKEKEY-1234-5678`) || g.leaks("EN(Satz)") {
		t.Error("the answers' check does not see the escaped forms")
	}
}

func FuzzRedactSecrets(f *testing.F) {
	const key = "dl-fuzz-KEY-42:fx"
	for _, s := range []string{"dl-fuzz-KEY-42%3Afx", `dl\u002dfuzz-KEY-42:fx`, `\\u0025`, "%%41", `\\\u00`, "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := unescape(s)
		if u.offset(0) != 0 || u.offset(len(u.text)) != len(s) || (u.at == nil && u.text != s) {
			t.Fatalf("offsets %v for %q → %q", u.at, s, u.text)
		}
		for i := 1; i <= len(u.text); i++ {
			if u.offset(i) <= u.offset(i-1) {
				t.Fatalf("offsets not increasing: %v for %q", u.at, s)
			}
		}
		out := redactSecrets(s, key)
		if holdsSecret(out, key) {
			t.Fatalf("redactSecrets(%q) = %q still holds the key", s, out)
		}
		if !strings.Contains(s, "%") && !strings.Contains(s, `\`) && !strings.Contains(s, key) && out != s {
			t.Fatalf("redactSecrets changed %q to %q", s, out)
		}
	})
}
