package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/shard"
)

// TestWhyNoPairs: the manifest documents corpus merge counts apart — translate finds no segment
// in them, or skips them (English, binary, not UTF-8), which no rerun changes — and those it
// still wants in an output.
func TestWhyNoPairs(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"blank.txt":  "\n\n   \n",
		"empty.txt":  "",
		"blank.md":   "  \n\t\n",
		"text.txt":   "Der Rat tagt am Montag in Brüssel.\n",
		"debris.txt": "Leave a Reply\n",
		"nul.txt":    "Der Rat tagt.\x00\x01\x02 am Montag\n",
		"latin.txt":  "Der Rat tagt am Montag in Br\xfcssel.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name    string
		doc     shard.Document
		nothing bool
		skipped string // a part of why translate skips it
	}{
		{"inline white space", shard.Document{ID: "ws", Text: "   \n  "}, true, ""},
		{"inline blank lines", shard.Document{ID: "ws", Text: "\n\n\n"}, true, ""},
		{"inline tab", shard.Document{ID: "ws", Text: "\t"}, true, ""},
		{"inline white space as markdown", shard.Document{ID: "ws", Text: " \n ", Format: "markdown"}, true, ""},
		{"inline debris", shard.Document{ID: "k", Text: "Leave a Reply\n"}, true, ""},
		{"inline text", shard.Document{ID: "t", Text: "Der Rat tagt am Montag in Brüssel.\n"}, false, ""},
		{"file of blank lines", shard.Document{ID: "b", Path: filepath.Join(dir, "blank.txt")}, true, ""},
		{"empty file", shard.Document{ID: "e", Path: filepath.Join(dir, "empty.txt")}, true, ""},
		{"blank markdown file", shard.Document{ID: "m", Path: filepath.Join(dir, "blank.md")}, true, ""},
		{"file of debris", shard.Document{ID: "d", Path: filepath.Join(dir, "debris.txt")}, true, ""},
		{"file of text", shard.Document{ID: "x", Path: filepath.Join(dir, "text.txt")}, false, ""},
		{"file not there", shard.Document{ID: "n", Path: filepath.Join(dir, "none.txt")}, false, ""},
		{"pair to align", shard.Document{ID: "p", Src: filepath.Join(dir, "blank.txt"), Tgt: filepath.Join(dir, "blank.txt")}, false, ""},
		// 10kGNAD's reviewer repro: an English article among German ones.
		{"inline English", shard.Document{ID: "english-1", Text: "The council met on Monday in Brussels to discuss the budget for the coming year. The ministers agreed on most of the points, but the question of agricultural subsidies remained open until late in the evening.\n"}, false, "looks like en, not de"},
		{"binary file", shard.Document{ID: "z", Path: filepath.Join(dir, "nul.txt")}, false, "nul.txt"},
		{"file not UTF-8", shard.Document{ID: "l", Path: filepath.Join(dir, "latin.txt")}, false, "latin.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nothing, why := whyNoPairs(context.Background(), tc.doc, "de")
			if nothing != tc.nothing || (tc.skipped == "") != (why == "") || !strings.Contains(why, tc.skipped) {
				t.Errorf("whyNoPairs(%+v) = %v, %q; want %v, %q", tc.doc, nothing, why, tc.nothing, tc.skipped)
			}
		})
	}
}
