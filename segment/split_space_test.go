package segment

import (
	"strings"
	"testing"
)

// Table and fuzz tests for the space normalisation every reader applies to a block's text.

func TestNormalizeSpace(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Ein Satz.", "Ein Satz."},
		{" Ein Satz.", "Ein Satz."},
		{"Ein Satz. ", "Ein Satz."},
		{"Ein  Satz.", "Ein Satz."},
		{"Ein\tSatz.", "Ein Satz."},
		{"Ein\nSatz.", "Ein Satz."},
		{"Ein\u00a0Satz.", "Ein Satz."},           // no-break space
		{"Ein\u2009Satz.", "Ein Satz."},           // thin space
		{"Ein\u3000Satz.", "Ein Satz."},           // ideographic space
		{"„Ja“ – sagte er.", "„Ja“ – sagte er."},  // E2 lead bytes that are no space
		{"Grüße\u0085aus Bonn", "Grüße aus Bonn"}, // next line (C2 85)
		{"   ", ""},
	} {
		if got := normalizeSpace(c.in); got != c.want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := isNormalSpace(c.in); got != (c.in == c.want) {
			t.Errorf("isNormalSpace(%q) = %v, want %v", c.in, got, c.in == c.want)
		}
	}
}

func FuzzNormalizeSpace(f *testing.F) {
	for _, c := range germanCases {
		f.Add(c.in)
	}
	f.Add(" a\u00a0 b\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		if hasCodeMark(s) {
			return // marked code keeps its spacing (code_spans.go)
		}
		got := normalizeSpace(s)
		if want := strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
		if !isNormalSpace(got) {
			t.Fatalf("isNormalSpace(normalizeSpace(%q)) = false", s)
		}
		if isNormalSpace(s) != (got == s) {
			t.Fatalf("isNormalSpace(%q) = %v, but normalizeSpace gives %q", s, isNormalSpace(s), got)
		}
	})
}
