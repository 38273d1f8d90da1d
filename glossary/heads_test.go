package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCompoundHeadsAreWords: a match=compound term at the start or in the middle of a word is
// found only when what follows it can be a compound's head: not a loan word's ending
// (Prozessoren, Prozessorauslastung, Normalbetrieb, Gastronomie, Standards, Kanalisation,
// Formular, Programmierer), not a derivation (Behandlung, Handelsgesetzbuch), and a word's
// start (Kal|ende|rjahr has no head "rjahr"). Compounds whose heads start with the same letters
// are still found (Marktorganisation, Dienstalter, Testallergene, Standort). The sentences are
// real: GNOME System Monitor's German help (help/de/de.po, CC BY-SA 3.0), GNOME's German help
// (gnome-help/de, CC BY-SA 3.0), UD German GSD dev (CC BY-SA 4.0, by sent_id) and federal law
// texts (gesetze@77abca2c, amtliche Werke under § 5 UrhG, by the law's folder).
func TestCompoundHeadsAreWords(t *testing.T) {
	g, err := Parse(strings.NewReader("de\ten\tmatch\n"+
		"Prozess\tprocess\tcompound\n"+
		"Norm\tstandard\tcompound\n"+
		"Gast\tguest\tcompound\n"+
		"Stand\tstate\tcompound\n"+
		"Kanal\tchannel\tcompound\n"+
		"Hand\thand\tcompound\n"+
		"Ende\tend\tcompound\n"+
		"Form\tform\tcompound\n"+
		"Programm\tprogram\tcompound\n"+
		"Markt\tmarket\tcompound\n"+
		"Dienst\tservice\tcompound\n"+
		"Test\ttest\tcompound\n"), "g.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		// GNOME System Monitor help.
		{"Rechner mit mehreren Prozessoren finden es einfacher, viele Programme gleichzeitig auszuführen.", []string{"Programme=Programm"}},
		{"Wenn die Prozessorauslastung für längere Zeit auf 100% liegt, kann es Ihren Rechner unerfreulich langsam machen.", nil},
		{"Überprüfen Sie, wie viel der Prozessorleistung (CPU) verwendet wird", nil},
		{"Die Prozessliste nach % CPU sortieren, um zu sehen, welche Anwendung die Ressourcen des Rechners verwendet.", []string{"Prozessliste=Prozess"}},
		// Federal laws: atsmv, aeg_1994, abwag, aktg, aaueg, amg_1976.
		{"wenn das System, die Komponente oder das Bauelement im Normalbetrieb nicht mit radioaktiven Stoffen beaufschlagt wird.", nil},
		{"die Ausstattung einer Bahnstrecke mit Signal- und Sicherungstechnik des Standards European Rail Traffic Management System (ERTMS)", nil},
		{"Niederschlagswasser, das über eine öffentliche Kanalisation eingeleitet wird", nil},
		{"die nach § 319 Absatz 1 des Handelsgesetzbuchs oder nach Artikel 25 des Einführungsgesetzes zum Handelsgesetzbuch nicht Abschlussprüfer sind", nil},
		{"Den Pflichtbeitragszeiten nach diesem Gesetz ist für jedes Kalenderjahr", nil},
		{"Die zuständige Bundesoberbehörde gibt das für die Anzeige zu verwendende Formular auf ihrer Internetseite bekannt.", nil},
		// UD GSD dev-s161, dev-s175; GNOME help.
		{"Auch gefallen hat uns dass es bequeme Sitzgruppen mit Kaminfeuer und einer Gastronomie im Spa - Bereich gab.", nil},
		{"Die Behandlung des anderen TA kam leider zu spät und so starb mein Vogel noch am selben Tag...", nil},
		{"Sollten Sie z.B. Programmierer sein, brauchen Sie keine Dateien zu sichern, die beim Kompilieren von Programmen erstellt werden.", []string{"Programmen=Programm"}},
		// Real compounds whose heads start like a loan ending: awv_2013, agg, amg_1976,
		// abwassermeistprv, aufenthv; GNOME help.
		{"über eine gemeinsame Marktorganisation für landwirtschaftliche Erzeugnisse", []string{"Marktorganisation=Markt"}},
		{"die Festlegung von Mindestanforderungen an das Alter, die Berufserfahrung oder das Dienstalter für den Zugang zur Beschäftigung", []string{"Dienstalter=Dienst"}},
		{"soweit er sich auf Sera, Impfstoffe, Testallergene, Testsera und Testantigene bezieht", []string{"Testallergene=Test", "Testsera=Test", "Testantigene=Test"}},
		{"Erfassen und Auswerten von Daten und Nutzen zur Prozessoptimierung;", []string{"Prozessoptimierung=Prozess"}},
		{"Die Bildschirmfarbe wird daraufhin anhand der Sonnenuntergangs- und Sonnenaufgangszeit Ihres Standorts angepasst.", []string{"Standorts=Stand"}},
		{"auf Grund einer zwischenstaatlichen Vereinbarung als Gastarbeitnehmer oder als Werkvertragsarbeitnehmer tätig werden", []string{"Gastarbeitnehmer=Gast"}},
	} {
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

// TestWordOnset: the starts of real heads, and what is left of a word after a term that no
// German word starts with.
func TestWordOnset(t *testing.T) {
	for w, want := range map[string]bool{
		"auslastung": true, "leistung": true, "schritte": true, "strategie": true, "pflicht": true,
		"psychologie": true, "szene": true, "chronik": true, "sphäre": true, "rhythmus": true,
		"skript": true, "typ": true, "x11": true, "2": true,
		"rjahr": false, "lsgesetzbuch": false, "rgebnis": false, "ttsaal": false, "dnung": false,
	} {
		if got := wordOnset(w); got != want {
			t.Errorf("wordOnset(%q) = %v, want %v", w, got, want)
		}
	}
}
