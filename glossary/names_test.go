package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNamesDecline: a do-not-translate name is found in the forms German gives it: its noun in
// the genitive -s or -es (des Bundestages, des Bundesrates, Kohls) and its adjectives declined
// (der Deutschen Bahn, der Europäischen Union); a person's name takes no other ending (Kohle is
// no form of Kohl). The sentences are real: federal law texts (gesetze@77abca2c, amtliche Werke
// under § 5 UrhG: AbgG § 16, BBergG, BerlinFG), Europarl (awesome-align's
// examples/deen.src-tgt, line 121) and UD German GSD dev (CC BY-SA 4.0, by sent_id).
func TestNamesDecline(t *testing.T) {
	g, err := Parse(strings.NewReader("de\ten\tdnt\n"+
		"Bundestag\tBundestag\tyes\n"+
		"Bundesrat\tBundesrat\tyes\n"+
		"Deutsche Bahn\tDeutsche Bahn\tyes\n"+
		"Europäische Union\tEuropean Union\tyes\n"+
		"Helmut Kohl\tHelmut Kohl\tyes\n"+
		"Kohl\tKohl\tyes\n"), "g.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Ein Mitglied des Bundestages hat das Recht auf freie Benutzung aller Verkehrsmittel der Deutschen Bahn AG.", []string{"Bundestages=Bundestag", "Deutschen Bahn=Deutsche Bahn"}},
		{"Rechtsverordnung ohne Zustimmung des Bundesrates aufgestellt wird.", []string{"Bundesrates=Bundesrat"}},
		{"Damit ist unsere Aussprache über den Stand der Europäischen Union geschlossen.", []string{"Europäischen Union=Europäische Union"}},
		// dev-s772.
		{"Bundeskanzler Helmut Kohl (CDU) kündigte im Bundestag an, er wolle das vom IG-Metall-Vorsitzenden Klaus Zwickel angebotene ``Bündnis für Arbeit'' prüfen.", []string{"Helmut Kohl=Helmut Kohl", "Bundestag=Bundestag"}},
		{"Spülbecken, Anschlußmöglichkeit für Kohle-, Gas- oder Elektroherd;", nil},
	} {
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

// TestNameAdjectivesDecline: a capitalized adjective before the noun of a name ("Weißes Haus",
// "Naher Osten", "Schwarzes Meer") is declined as an adjective, whether the entry keeps the
// name or translates it ("des Weißen Hauses", "im Nahen Osten", "zum Schwarzen Meer"): a term
// word in -er was not found so ("im Nahen Osten", "im Kalten Krieg"), as capitalized it read as
// a noun, and a noun's -er is no ending that -en may replace. The sentences are real: UD German GSD dev (CC BY-SA 4.0, by sent_id) and federal law
// (gesetze@77abca2c, amtliche Werke under § 5 UrhG).
func TestNameAdjectivesDecline(t *testing.T) {
	g, err := Parse(strings.NewReader("de\ten\n"+
		"Weißes Haus\tWhite House\n"+
		"Naher Osten\tMiddle East\n"+
		"Schwarzes Meer\tBlack Sea\n"+
		"Kaspisches Meer\tCaspian Sea\n"), "g.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		// dev-s517.
		{"Der Sprecher des Weißen Hauses, Michael McCurry, sagte, die USA wollten nun wissen, ``welche neuen Kandidaten sich präsentieren werden''.", []string{"Weißen Hauses=Weißes Haus"}},
		// dev-s756.
		{"Bundeskanzler Helmut Kohl erklärte, der feige Mord habe einen Mann getroffen, der durch großen Mut und vollen Einsatz seiner Persönlichkeit den Frieden im Nahen Osten erreichen wollte.", []string{"Nahen Osten=Naher Osten"}},
		// Gesetz zu dem Übereinkommen über konventionelle Streitkräfte in Europa (gesetze, BJNR011400991).
		{"Staatsgebiet westlich der traditionellen Grenze, die entlang des Urals, an der Grenze zu Kasachstan über das Kaspische Meer und von dort entlang der Staatsgrenzen zu Aserbaidschan und Georgien sowie des Nordkaukasus zum Schwarzen Meer verläuft.", []string{"Kaspische Meer=Kaspisches Meer", "Schwarzen Meer=Schwarzes Meer"}},
	} {
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}
