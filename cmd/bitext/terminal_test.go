package main

import (
	"strings"
	"testing"
)

// TestEscapingWriter: on a terminal, standard output shows invisible characters as escapes
// (line feeds and tabs stay), whatever the cuts between writes, even inside a character.
func TestEscapingWriter(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text unchanged", "Die Regierung tagt.\tThe government meets.\n", "Die Regierung tagt.\tThe government meets.\n"},
		{"CSI and OSC sequences", "Die \x1b[2J\x1b]0;gehackt\x07Regierung.\n", `Die \x1b[2J\x1b]0;gehackt\aRegierung.` + "\n"},
		{"C1, DEL and bidi controls", "a\u0085b\x7fc\u202ed\n", `a\u0085b\x7fc\u202ed` + "\n"},
		{"invalid UTF-8 byte", "Stra\xdfe\n", `Stra\xdfe` + "\n"},
		{"backslashes as they are", `C:\temp` + "\n", `C:\temp` + "\n"},
		{"umlauts and quotes", "„Grüße“ – ‚ß‘\n", "„Grüße“ – ‚ß‘\n"},
	}
	for _, tt := range tests {
		for cut := 0; cut <= len(tt.in); cut++ {
			var out strings.Builder
			w := &escapingWriter{w: &out}
			for _, part := range []string{tt.in[:cut], tt.in[cut:]} {
				if n, err := w.Write([]byte(part)); err != nil || n != len(part) {
					t.Fatalf("%s: Write = %d, %v", tt.name, n, err)
				}
			}
			if err := w.flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("%s, cut at %d: got %q, want %q", tt.name, cut, out.String(), tt.want)
			}
		}
	}
	// A character cut by the end of the output is shown as its bytes.
	var out strings.Builder
	w := &escapingWriter{w: &out}
	w.Write([]byte("ab\xc3"))
	w.flush()
	if got := out.String(); got != `ab\xc3` {
		t.Errorf("cut last character: got %q", got)
	}
}
