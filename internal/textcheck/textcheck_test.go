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

func TestLooksLatin1(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Gr\xfc\xdfe aus K\xf6ln", true},
		{"Er sagte: \x84Ja.\x93", true},
		{"Stra\xdfe", true},
		{"valid UTF-8 Grüße", false}, // nothing invalid
		{"\xff\xfe\xfd", false},
		{"Text \xff.", false},
		{"PK\x03\x04\x80\x81\x82\x83\x86\x87", false},
	}
	for _, tt := range tests {
		if got := LooksLatin1([]byte(tt.in)); got != tt.want {
			t.Errorf("LooksLatin1(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestUTF16Pattern(t *testing.T) {
	tests := []struct {
		in   string
		want Endian
	}{
		{"H\x00a\x00l\x00l\x00o\x00\n\x00", LittleEndian},
		{"\x00H\x00a\x00l\x00l\x00o\x00\r\x00\n", BigEndian},
		{"G\x00r\x00\xfc\x00\xdf\x00e\x00 \x00\x1e\x20W\x00", LittleEndian}, // Grüße „W
		{"Hallo", NotUTF16},
		{"PK\x03\x04\x00\x00binary", NotUTF16},
		{"\x01\x00\x02\x00\x03\x00\x04\x00", NotUTF16}, // zeros in place, but control characters
		{"\x00\x00\x00\x00", NotUTF16},
		{"H\x00", NotUTF16}, // too short to tell
	}
	for _, tt := range tests {
		if got := UTF16Pattern([]byte(tt.in)); got != tt.want {
			t.Errorf("UTF16Pattern(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzUTF16Pattern(f *testing.F) {
	f.Add([]byte("H\x00a\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		e := UTF16Pattern(b)
		if e != NotUTF16 && len(b) < 4 {
			t.Fatalf("%q: %v from fewer than two code units", b, e)
		}
		LooksLatin1(b)
	})
}

// TestASCIILower: ASCII letters are lowered, every other byte kept, so offsets carry over.
func TestASCIILower(t *testing.T) {
	for in, want := range map[string]string{"": "", "abc": "abc", "</THINK>": "</think>", "\xf4</Think>Ä": "\xf4</think>Ä"} {
		if got := ASCIILower(in); got != want || len(got) != len(in) {
			t.Errorf("ASCIILower(%q) = %q, want %q", in, got, want)
		}
	}
}
