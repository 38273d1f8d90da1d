package charref

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ref  string
		size int
	}{
		{"&amp; Söhne", "&", 5},
		{"&auml;", "ä", 6},
		{"&nbsp;x", "\u00a0", 6},
		{"&#8222;", "„", 7},
		{"&#x201C;", "“", 8},
		{"&#X201c;", "“", 8},
		{"&#0;", "\uFFFD", 4},
		{"&#xD800;", "\uFFFD", 8},
		{"&#x110000;", "\uFFFD", 10},
		{"&#12345678;", "", 0}, // more than seven digits
		{"&amp", "", 0},
		{"&foo;", "", 0},
		{"&ampx;", "", 0},
		{"& amp;", "", 0},
		{"&#;", "", 0},
		{"&#x;", "", 0},
		{"&", "", 0},
		{"x&amp;", "", 0},
	} {
		ref, n := Read(tc.in)
		if ref != tc.ref || n != tc.size {
			t.Errorf("Read(%q) = %q, %d; want %q, %d", tc.in, ref, n, tc.ref, tc.size)
		}
	}
}

func TestDecode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Müller &amp; Söhne", "Müller & Söhne"},
		{"Köln &lt;West&gt;", "Köln <West>"},
		{"AT&T, &foo;, &amp", "AT&T, &foo;, &amp"},
		{"&amp;amp;", "&amp;"},
		{"no references", "no references"},
	} {
		if got := Decode(tc.in); got != tc.want {
			t.Errorf("Decode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{"&amp;", "&#8222;", "&#x201C;", "&ampx;", "&#12345678;", "&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ref, n := Read(s)
		if n < 0 || n > len(s) {
			t.Fatalf("Read(%q) length %d out of range", s, n)
		}
		if n > 0 && (s[0] != '&' || s[n-1] != ';' || ref == "") {
			t.Fatalf("Read(%q) = %q, %d: not a reference", s, ref, n)
		}
		if n == 0 && ref != "" {
			t.Fatalf("Read(%q) = %q with length 0", s, ref)
		}
		if d := Decode(s); !strings.Contains(s, "&") && d != s {
			t.Fatalf("Decode(%q) = %q changed text without a reference", s, d)
		}
	})
}
