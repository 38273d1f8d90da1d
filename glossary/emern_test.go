package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNounsInEmAndErn: Snowball takes -em and -ern off System, Problem and Konzern (syst, probl,
// konz) but the inflection ending off their forms (Systeme, Konzerns: system, konzern), so no
// form of such a term was found, alone or as a compound's head. Mode and Modem share a stem and
// stay two words. The sentences are real: Europarl (awesome-align's examples/deen.src-tgt, by
// line), GNOME System Monitor's German help (help/de/de.po, CC BY-SA 3.0), GNOME's German help
// (gnome-help/de, CC BY-SA 3.0), UD German GSD dev (CC BY-SA 4.0) and federal law texts
// (gesetze@77abca2c, amtliche Werke under § 5 UrhG).
func TestNounsInEmAndErn(t *testing.T) {
	for _, tc := range []struct {
		terms string // TSV rows: de, en, match
		text  string
		want  []string
	}{
		// Europarl 8, 377, 100.
		{"System\tsystem", "Wir müssen im Bereich des Blut- und Plasmaspendewesens akzeptieren, daß es unterschiedliche und gemischte Systeme gibt.", []string{"Systeme=System"}},
		{"Problem\tproblem", "Für diese Probleme bietet der Bericht jedoch keine Lösungen an.", []string{"Probleme=Problem"}},
		{"Problem\tproblem", "Wir sind der Ansicht, daß die Mittel entsprechend den Problemen und den Bedürfnissen unseres Landes erhöht werden müssen", []string{"Problemen=Problem"}},
		// GNOME System Monitor help.
		{"Dateisystem\tfile system", "Was sind die verschiedenen Geräte im Reiter Dateisysteme?", []string{"Dateisysteme=Dateisystem"}},
		{"Dateisystem\tfile system", "Typ gibt den Typ des Dateisystems an, der auf dem Datenträger oder der Partition eingesetzt wird.", []string{"Dateisystems=Dateisystem"}},
		{"System\tsystem", "ist eine Darstellungsform der Kombination von physikalischem Arbeitsspeicher und Auslagerungsspeicher eines Systems.", []string{"Systems=System"}},
		// Federal laws: § 138a AO, § 6 AbfBeauftrV.
		{"Konzern\tgroup", "hat nach Ablauf eines Wirtschaftsjahres für dieses Wirtschaftsjahr einen länderbezogenen Bericht dieses Konzerns zu erstellen", []string{"Konzerns=Konzern"}},
		{"Konzern\tgroup", "Abfallbeauftragter für Konzerne", []string{"Konzerne=Konzern"}},
		// Compound heads: Europarl 481, 366; UD GSD dev-s576; GNOME System Monitor help.
		{"Problem\tproblem\tcompound", "Hierzu kommen die bekannten Bedenken gegen diese Technologie, nicht zuletzt wegen der Entsorgungsprobleme.", []string{"Entsorgungsprobleme=Problem"}},
		{"Problem\tproblem\tcompound", "das Thema vor: die wachsenden Personalprobleme der Bundeswehr.", []string{"Personalprobleme=Problem"}},
		{"System\tsystem\tcompound", "die Entwicklung eines von den USA unabhängigen europäischen Sicherheitssystems", []string{"Sicherheitssystems=System"}},
		{"System\tsystem\tcompound", "Auslagerungsspeicher ist der Teil des virtuellen Speichersystems auf der Festplatte.", []string{"Speichersystems=System"}},
		// A head whose own stem keeps its -ern (kern, stern), in compounds whose key does not:
		// BerlinFG § 1a, BArtSchV annex 1.
		{"Kern\tkernel\tcompound", "(geschälte oder zerkleinerte Mandeln, Haselnüsse, Kaschunüsse, Aprikosenkerne, Pfirsichkerne)", []string{"Aprikosenkerne=Kern", "Pfirsichkerne=Kern"}},
		{"Stern\tstar\tcompound", "Blausterne (einschl. Hasenglöckchen)", []string{"Blausterne=Stern"}},
		// GNOME help: Modem's genitive; Mode (fashion) is in neither of its forms.
		{"Modem\tmodem", "Überprüfen Ihres Modems und Routers", []string{"Modems=Modem"}},
		{"Mode\tfashion", "Überprüfen Ihres Modems und Routers", nil},
		{"Mode\tfashion", "Falls in Ihrem Rechner kein 3G-Modem eingebaut ist, verbinden Sie Ihr Mobiltelefon", nil},
		{"Modem\tmodem", "Falls in Ihrem Rechner kein 3G-Modem eingebaut ist, verbinden Sie Ihr Mobiltelefon", []string{"Modem=Modem"}},
	} {
		g, err := Parse(strings.NewReader("de\ten\tmatch\n"+tc.terms+"\n"), "g.tsv", TSV)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("%s: FindSource(%q) (-want +got):\n%s", tc.terms, tc.text, diff)
		}
	}
}

// TestInflectsEmAndErn asks inflects about words that share a stem once -em and -ern are
// stemmed: a noun in -em is no form of the noun without it, either way round; a nominalized
// adjective's dative -em still is one.
func TestInflectsEmAndErn(t *testing.T) {
	word := func(s string) unit { return unit{surface: s, fold: fold(s)} }
	for _, tc := range []struct {
		term, text string
		want       bool
	}{
		{"System", "Systeme", true},
		{"System", "Systemen", true},
		{"Konzern", "Konzerns", true},
		{"Konzern", "Konzernen", true},
		{"Modem", "Modems", true},
		{"Modem", "Mode", false},
		{"Modem", "Moden", false},
		{"Mode", "Modem", false},
		{"Mode", "Moden", true},
		{"Tote", "Totem", false},
		{"Vorsitzende", "Vorsitzendem", true},
	} {
		if got := inflects(word(tc.term), word(tc.text)); got != tc.want {
			t.Errorf("inflects(%s, %s) = %v, want %v", tc.term, tc.text, got, tc.want)
		}
	}
}
