package textcheck

import (
	"testing"
	"unicode/utf8"
)

func TestInvalidUTF8(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", -1},
		{"plain ASCII", -1},
		{"Außenministerium „Zitat“ 😀", -1},
		{"\xff", 0},
		{"Gr\xfc\xdfe", 2},
		{"ok\n\xc3", 3},            // truncated two-byte sequence at the end
		{"a\xed\xa0\x80b", 1},      // a UTF-16 surrogate is not UTF-8
		{"\xef\xbf\xbd valid", -1}, // U+FFFD written out is valid
	}
	for _, tt := range tests {
		if got := InvalidUTF8([]byte(tt.in)); got != tt.want {
			t.Errorf("InvalidUTF8(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestLine(t *testing.T) {
	b := []byte("eins\nzwei\ndrei")
	for _, tt := range []struct{ off, want int }{{0, 1}, {4, 1}, {5, 2}, {10, 3}, {99, 3}, {-1, 1}} {
		if got := Line(b, tt.off); got != tt.want {
			t.Errorf("Line(%d) = %d, want %d", tt.off, got, tt.want)
		}
	}
}

func FuzzInvalidUTF8(f *testing.F) {
	f.Add([]byte("Gr\xfc\xdfe"))
	f.Fuzz(func(t *testing.T, b []byte) {
		i := InvalidUTF8(b)
		if i < 0 {
			if !utf8.Valid(b) {
				t.Fatalf("%q: -1 for invalid UTF-8", b)
			}
			return
		}
		if !utf8.Valid(b[:i]) || utf8.Valid(b[i:]) {
			t.Fatalf("%q: offset %d is not the first invalid sequence", b, i)
		}
	})
}
