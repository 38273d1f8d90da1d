package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/shard"
)

// TestNothingToTranslate: the manifest documents corpus merge counts apart (translate finds no
// segment in them) and those it still wants in an output.
func TestNothingToTranslate(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"blank.txt":  "\n\n   \n",
		"empty.txt":  "",
		"blank.md":   "  \n\t\n",
		"text.txt":   "Der Rat tagt am Montag in Brüssel.\n",
		"debris.txt": "Leave a Reply\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		doc  shard.Document
		want bool
	}{
		{"inline white space", shard.Document{ID: "ws", Text: "   \n  "}, true},
		{"inline blank lines", shard.Document{ID: "ws", Text: "\n\n\n"}, true},
		{"inline tab", shard.Document{ID: "ws", Text: "\t"}, true},
		{"inline white space as markdown", shard.Document{ID: "ws", Text: " \n ", Format: "markdown"}, true},
		{"inline debris", shard.Document{ID: "k", Text: "Leave a Reply\n"}, true},
		{"inline text", shard.Document{ID: "t", Text: "Der Rat tagt am Montag in Brüssel.\n"}, false},
		{"file of blank lines", shard.Document{ID: "b", Path: filepath.Join(dir, "blank.txt")}, true},
		{"empty file", shard.Document{ID: "e", Path: filepath.Join(dir, "empty.txt")}, true},
		{"blank markdown file", shard.Document{ID: "m", Path: filepath.Join(dir, "blank.md")}, true},
		{"file of debris", shard.Document{ID: "d", Path: filepath.Join(dir, "debris.txt")}, true},
		{"file of text", shard.Document{ID: "x", Path: filepath.Join(dir, "text.txt")}, false},
		{"file not there", shard.Document{ID: "n", Path: filepath.Join(dir, "none.txt")}, false},
		{"pair to align", shard.Document{ID: "p", Src: filepath.Join(dir, "blank.txt"), Tgt: filepath.Join(dir, "blank.txt")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := nothingToTranslate(context.Background(), tc.doc, "de"); got != tc.want {
				t.Errorf("nothingToTranslate(%+v) = %v, want %v", tc.doc, got, tc.want)
			}
		})
	}
}
