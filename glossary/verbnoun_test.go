package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestVerbNounAfterDem: after zum, beim, im, vom or am ("dem", singular) a word in -n is a verb
// made a noun, no dative plural of a noun in -er or -el (zum Speichern, zum Wechseln); the
// plurals after other words are still found (von Fenstern, in verborgenen Ordnern). The
// sentences are real: GNOME System Monitor's German help (help/de/de.po) and GNOME's German
// help (gnome-help/de), both CC BY-SA 3.0.
func TestVerbNounAfterDem(t *testing.T) {
	g, err := Parse(strings.NewReader("de\ten\tmatch\n"+
		"Speicher\tmemory\tcompound\n"+
		"Wechsel\tchange\n"+
		"Fenster\twindow\n"+
		"Ordner\tfolder\n"+
		"Drucker\tprinter\n"), "g.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Stattdessen werden sie vom Betriebssystem als bequeme Abstraktionsebene für verschiedene Zwecke eingesetzt, wie z.B. die Verwaltung von Hardware-Geräten und zum Speichern von temporären Dateien.", nil},
		{"Empfehlungen zum Speichern von Sicherungen und zum Typ des Sicherungsmediums.", nil},
		{"GNOME verwendet eine andere Herangehensweise zum Wechseln von Fenstern als dauerhaft sichtbare Fensterlisten, wie sie in anderen Arbeitsumgebungen zu finden sind.", []string{"Fenstern=Fenster"}},
		{"Die meisten Anwendungen speichern ihre Einstellungen in verborgenen Ordnern in Ihrem persönlichen Ordner", []string{"Ordnern=Ordner", "Ordner=Ordner"}},
		{"Farbprofile auf Bildschirmen, Druckern und anderen Geräten kalibrieren.", []string{"Druckern=Drucker"}},
	} {
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}
