package shard

import (
	"strings"
	"testing"
)

// TestShownID: ids in merge and manifest errors read unmistakably: white space at an edge or
// doubled, tabs, bidi controls, decomposed letters and the empty id are quoted, a 3,000
// character id is cut (the scale reviewer's manifest printed "a b  c", "trail  " and U+202E
// raw, and a whole 3,000-character id).
func TestShownID(t *testing.T) {
	for id, want := range map[string]string{
		"artikel/2024/nato.txt":   "artikel/2024/nato.txt",
		"a b c":                   "a b c",
		"a b  c":                  `"a b  c"`,
		"  lead":                  `"  lead"`,
		"trail  ":                 `"trail  "`,
		"tab\there":               `"tab\there"`,
		"evil\u202Etxt.exe":       `"evil\u202etxt.exe"`,
		"":                        `""`,
		"Gr\u00fc\u00dfe":         "Grüße",
		"Gru\u0308\u00dfe":        `"Gru\u0308\u00dfe"`,
		strings.Repeat("x", 3000): strings.Repeat("x", 80) + "… (3000 characters)",
	} {
		if got := shownID(id); got != want {
			t.Errorf("shownID(%q) = %s, want %s", id, got, want)
		}
	}
}
