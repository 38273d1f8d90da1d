package align

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// An over-long line is reported with its file and line, not as bufio's "token too long".
func TestLineScannerTooLong(t *testing.T) {
	long := strings.Repeat("x", 1<<20+1)
	for _, tc := range []struct {
		name, input string
		want        string // the error, "" for none
	}{
		{"fits", "a\tb\n" + strings.Repeat("x", 1<<20-1) + "\n", ""},
		{"second", "a\tb\n" + long + "\n", "in.txt:2: line longer than 1 MiB"},
		{"first", long, "in.txt:1: line longer than 1 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := newLineScanner(strings.NewReader(tc.input), "in.txt", 1<<20)
			for sc.Scan() {
			}
			err := sc.Err()
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var se *SyntaxError
			if !errors.As(err, &se) || err.Error() != tc.want {
				t.Fatalf("got %v, want %s", err, tc.want)
			}
		})
	}
	// The readers built on it say the same.
	_, err := ReadPairList(strings.NewReader("a\tb\n"+long+"\tc\n"), "pairs.tsv", ".")
	if err == nil || err.Error() != "pairs.tsv:2: line longer than 1 MiB" {
		t.Fatalf("ReadPairList: %v", err)
	}
	_, err = ReadBeads(strings.NewReader("[0]:[0]\n"+strings.Repeat(" ", 16<<20+1)), "gold")
	if err == nil || err.Error() != "gold:2: line longer than 16 MiB" {
		t.Fatalf("ReadBeads: %v", err)
	}
}

// TestLineScannerUTF16: UTF-16 with a byte-order mark or the NUL pattern of Latin text reads as
// its UTF-8 lines; invalid UTF-16 is an error naming the file and the byte.
func TestLineScannerUTF16(t *testing.T) {
	le := func(s string, bom bool) string {
		var b []byte
		if bom {
			b = append(b, 0xFF, 0xFE)
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	be := func(s string) string {
		b := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return string(b)
	}
	text := "Die Straßenbahn fährt.\nSie hält am Bahnhof.\n"
	for _, tc := range []struct{ name, input, want, wantErr string }{
		{"UTF-8", text, text, ""},
		{"UTF-16LE with BOM", le(text, true), text, ""},
		{"UTF-16LE without BOM", le(text, false), text, ""},
		{"UTF-16BE with BOM", be(text), text, ""},
		{"odd last byte", le(text, true) + "x", "", "in.txt: invalid UTF-16 at byte"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := newLineScanner(strings.NewReader(tc.input), "in.txt", 1<<20)
			var got strings.Builder
			for sc.Scan() {
				got.WriteString(sc.Text() + "\n")
			}
			err := sc.Err()
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q…", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tc.want {
				t.Errorf("got %q, want %q", got.String(), tc.want)
			}
		})
	}
}
