package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bitext/bitext/tm"
)

// TestReviewTableWidth: on a terminal (width > 0) every line fits it and long cells end in
// "…"; into a pipe (width 0) every cell is whole.
func TestReviewTableWidth(t *testing.T) {
	long := strings.Repeat("Der Außenminister sprach lange über die Lage. ", 20)
	rs := []tm.Review{
		{Source: long, Before: "", After: strings.Repeat("The foreign minister spoke at length. ", 20), Reviewer: "anna", When: time.Unix(1.8e9, 0)},
		{Source: "Kurz.", Before: "Short", After: "Short.", Reviewer: "a-reviewer-with-a-very-long-name", When: time.Unix(1.8e9, 0)},
	}
	tests := []struct {
		name  string
		width int
		whole bool // every cell printed in full
	}{
		{"pipe", 0, true},
		{"80 columns", 80, false},
		{"200 columns", 200, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := writeReviewTable(&out, rs, tt.width); err != nil {
				t.Fatal(err)
			}
			text := out.String()
			if got := strings.Contains(text, strings.TrimSpace(long)); got != tt.whole {
				t.Errorf("long source whole: %v, want %v:\n%s", got, tt.whole, text)
			}
			if !strings.Contains(text, "Kurz.") || !strings.Contains(text, "Short.") {
				t.Errorf("short cells cut:\n%s", text)
			}
			if tt.width == 0 {
				return
			}
			for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
				if n := utf8.RuneCountInString(line); n > tt.width {
					t.Errorf("line of %d columns on a %d-column terminal: %q", n, tt.width, line)
				}
			}
			if !strings.Contains(text, "…") {
				t.Errorf("no cell cut:\n%s", text)
			}
		})
	}
}
