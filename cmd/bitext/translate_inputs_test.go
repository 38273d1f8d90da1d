package main

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/translate"
)

// TestReadsMainText: a page is read whole only when it is written back as itself, and a Markdown
// file also when it is made a page.
func TestReadsMainText(t *testing.T) {
	tests := []struct {
		df       document.Format
		mainOnly bool
		out      outputSpec
		want     bool
	}{
		{document.HTML, false, outputSpec{}, false},                          // same format out
		{document.HTML, false, outputSpec{doc: segment.HTML}, false},         // -o x.html
		{document.HTML, true, outputSpec{}, true},                            // --main-only
		{document.HTML, false, outputSpec{doc: segment.Markdown}, true},      // converted
		{document.HTML, false, outputSpec{doc: segment.Text}, true},          // converted
		{document.HTML, false, outputSpec{pairs: corpus.JSONL}, true},        // into pairs
		{document.Markdown, false, outputSpec{doc: segment.Markdown}, false}, // same format out
		{document.Markdown, false, outputSpec{doc: segment.HTML}, false},     // translated whole, then converted (ConvertsWhole)
		{document.Markdown, true, outputSpec{doc: segment.HTML}, true},       // --main-only
		{document.Markdown, false, outputSpec{doc: segment.Text}, true},      // converted
		{document.Markdown, false, outputSpec{pairs: corpus.TMX}, true},      // into pairs
		{document.XLIFF, false, outputSpec{pairs: corpus.TMX}, false},        // no main text to read
		{document.SRT, true, outputSpec{doc: segment.Text}, false},           // likewise
		{"", false, outputSpec{doc: segment.HTML}, false},                    // text files
	}
	for _, tc := range tests {
		if got := translate.ReadsMainText(tc.df, tc.mainOnly, tc.out.formatName()); got != tc.want {
			t.Errorf("translate.ReadsMainText(%q, %v, %q) = %v, want %v", tc.df, tc.mainOnly, tc.out.formatName(), got, tc.want)
		}
	}
}

// TestLeftOutMessage: the command the note suggests can be pasted into a shell as it is.
func TestLeftOutMessage(t *testing.T) {
	tests := []struct {
		name, file, inFormat string
		n                    int
		want                 string // the suggested command, up to "lists them"
	}{
		{"artikel.txt", "artikel.txt", "", 3, "bitext segment --explain artikel.txt lists them"},
		{"a b.txt", "a b.txt", "", 1, "bitext segment --explain 'a b.txt' lists them"},
		{"-dash.txt", "-dash.txt", "", 1, "bitext segment --explain -- -dash.txt lists them"},
		{"--x.md", "--x.md", "markdown", 1, "bitext segment --explain -i markdown -- --x.md lists them"},
		{"d/-x.txt", "d/-x.txt", "", 1, "bitext segment --explain d/-x.txt lists them"},
		{"-", "-", "", 2, "bitext segment --explain reading the same text lists them"},
	}
	for _, tt := range tests {
		got := leftOutMessage(tt.name, tt.file, tt.inFormat, tt.n)
		if !strings.Contains(got, "; "+tt.want+", --keep-boilerplate keeps them") {
			t.Errorf("leftOutMessage(%q): %q, want it to suggest %q", tt.file, got, tt.want)
		}
	}
}
