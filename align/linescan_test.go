package align

import (
	"errors"
	"strings"
	"testing"
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
