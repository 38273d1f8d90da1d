package mdsyntax

import (
	"strings"
	"testing"
)

func TestCharRef(t *testing.T) {
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
		ref, n := CharRef(tc.in)
		if ref != tc.ref || n != tc.size {
			t.Errorf("CharRef(%q) = %q, %d; want %q, %d", tc.in, ref, n, tc.ref, tc.size)
		}
	}
}

func TestDecodeCharRefs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Müller &amp; Söhne", "Müller & Söhne"},
		{"Köln &lt;West&gt;", "Köln <West>"},
		{"AT&T, &foo;, &amp", "AT&T, &foo;, &amp"},
		{"&amp;amp;", "&amp;"},
		{"no references", "no references"},
	} {
		if got := DecodeCharRefs(tc.in); got != tc.want {
			t.Errorf("DecodeCharRefs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzCharRef(f *testing.F) {
	for _, s := range []string{"&amp;", "&#8222;", "&#x201C;", "&ampx;", "&#12345678;", "&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ref, n := CharRef(s)
		if n < 0 || n > len(s) {
			t.Fatalf("CharRef(%q) length %d out of range", s, n)
		}
		if n > 0 && (s[0] != '&' || s[n-1] != ';' || ref == "") {
			t.Fatalf("CharRef(%q) = %q, %d: not a reference", s, ref, n)
		}
		if n == 0 && ref != "" {
			t.Fatalf("CharRef(%q) = %q with length 0", s, ref)
		}
		if d := DecodeCharRefs(s); !strings.Contains(s, "&") && d != s {
			t.Fatalf("DecodeCharRefs(%q) = %q changed text without a reference", s, d)
		}
	})
}

func TestRowCells(t *testing.T) {
	for _, tc := range []struct {
		row  string
		want []string
	}{
		{"| Partei | Stimmen |", []string{"", " Partei ", " Stimmen ", ""}},
		{"Stadt | Einwohner", []string{"Stadt ", " Einwohner"}},
		{"Köln \\| Bonn | `a|b` x", []string{"Köln \\| Bonn ", " `a|b` x"}},
		{"kein Trenner", []string{"kein Trenner"}},
		{"", []string{""}},
	} {
		var got []string
		for _, c := range RowCells(tc.row) {
			got = append(got, tc.row[c[0]:c[1]])
		}
		if strings.Join(got, "¦") != strings.Join(tc.want, "¦") || len(got) != len(tc.want) {
			t.Errorf("RowCells(%q) = %q, want %q", tc.row, got, tc.want)
		}
	}
}
