package document

import "testing"

// TestWords: a standalone code between two words' letters is a space in the words (an XLIFF
// <x ctype="lb"/>: "Die Datei<x1/>wird gespeichert." gave "Die Dateiwird gespeichert." in
// translate's pairs and the memory); codes next to a space or punctuation, and paired codes,
// leave nothing.
func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"Die Datei<x1/>wird gespeichert.":   "Die Datei wird gespeichert.",
		"Die Datei <x1/>wird gespeichert.":  "Die Datei wird gespeichert.",
		"Die <g1>neue</g1> Brücke.<x2/>":    "Die neue Brücke.",
		"1<x1/>12345":                       "1 12345",
		"Sie haben <x1/> neue Nachrichten.": "Sie haben  neue Nachrichten.",
		"A &amp; B<x1/><g2>und</g2> C":      "A & B und C",
	} {
		if got := Words(in); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}
