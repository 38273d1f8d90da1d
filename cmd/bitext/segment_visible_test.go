package main

import (
	"bufio"
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/segment"
)

// TestSegmentTerminalEscapes: on a terminal segment shows an input's control characters as
// escapes, so that an escape sequence in a scraped page cannot act on the terminal; into a pipe
// or file the sentence goes out byte for byte.
func TestSegmentTerminalEscapes(t *testing.T) {
	in := "Die \x1b[2J\x1b]0;gehackt\x07Regierung tagt.\n"
	for _, tc := range []struct {
		visible bool
		want    string
	}{
		{false, "Die \x1b[2J\x1b]0;gehackt\x07Regierung tagt.\n"},
		{true, `Die \x1b[2J\x1b]0;gehackt\aRegierung tagt.` + "\n"},
	} {
		var out strings.Builder
		w := bufio.NewWriter(&out)
		p := segmentPrinter{w: w, visible: tc.visible}
		sc := segment.NewScannerContext(context.Background(), strings.NewReader(in), "a.txt", segment.Options{Format: segment.Text})
		for sc.Scan() {
			if err := p.block("a.txt", 0, sc.Block()); err != nil {
				t.Fatal(err)
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if out.String() != tc.want {
			t.Errorf("visible=%v: got %q, want %q", tc.visible, out.String(), tc.want)
		}
	}
}
