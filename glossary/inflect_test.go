package glossary

import (
	"slices"
	"testing"
)

// TestInflectionNotDerivation: the stemmer folds umlauts and strips derivational endings, so
// on stems alone andere is ändern, bereits bereit, Schüler Schule, Käufer Kauf and Periode
// periodisch. Those words are no forms of the terms; the terms' own inflections, with their
// umlauts, still are. The sentences are real: UD German GSD dev (CC BY-SA 4.0), GNOME's German
// help (gnome-help/de, CC BY-SA 3.0), the repository's news corpus; the last rows are made
// for the plural and comparison forms the real ones lack.
func TestInflectionNotDerivation(t *testing.T) {
	g := New([]*Entry{
		{Source: "ändern", Target: "change"},
		{Source: "bereit", Target: "ready"},
		{Source: "groß", Target: "large"},
		{Source: "zählen", Target: "count"},
		{Source: "schön", Target: "beautiful"},
		{Source: "Schule", Target: "school"},
		{Source: "Kauf", Target: "purchase"},
		{Source: "Zahl", Target: "number"},
		{Source: "Wahl", Target: "election"},
		{Source: "Vertrag", Target: "treaty"},
		{Source: "Haus", Target: "house"},
		{Source: "Druck", Target: "pressure"},
		{Source: "periodisch", Target: "periodic"},
		{Source: "militärisch", Target: "military"},
		{Source: "leeren", Target: "empty"},
		{Source: "Ordner", Target: "folder"},
		{Source: "Abgeordneter", Target: "member of parliament"},
	})
	tests := []struct {
		text string
		want []string // entry sources found
	}{
		{"Auch sind die Termine immer so gelegt, dass man nicht auf andere Kunden trifft.", nil},
		{"Geben Sie das Passwort oder andere Sicherheitsinformationen ein.", nil},
		{"Auch nach einer gefühlten Minute wird man nicht begrüßt, obwohl man bereits an der Theke steht.", nil},
		{"Die dänischen Rentner müssen die hohen Steuern zahlen.", nil},
		{"Das verwunder auch nicht, denn schon lange arbeitet er auch als DJ im kölner Nachtleben.", nil},
		{"Der Dax schloß mit 2192,82 Punkten und lag damit 20,52 Zähler über seinem Endstand vom Mittwoch.", nil},
		{"Die Augen blickten leer ohne Verständnis, ohne Hoffnung.", nil},
		{"Künftig sollen Schülerinnen und Schüler bundesweit vergleichbare Prüfungen ablegen.", nil},
		{"Nach Angaben aus Industriekreisen hätten mögliche Käufer bereits Interesse bekundet.", nil},
		{"Die Wähler sind unzufrieden.", nil},
		{"Die Größe des Fensters.", nil},
		{"Das Militär zog ab.", nil},
		{"Die Periode endet.", nil},
		{"Das Ordnen der Dateien dauert.", nil},
		// The terms' own forms.
		{"Wir ändern das Passwort, sie änderte es, er hat es geändert.", []string{"ändern"}},
		{"Sie ist bereit, die bereite Hilfe anzunehmen.", []string{"bereit"}},
		{"Das größere Haus und das größte der Häuser.", []string{"groß", "Haus"}},
		{"Die Verträge und den Verträgen zufolge", []string{"Vertrag"}},
		{"Die Ordner der Abgeordneten", []string{"Ordner", "Abgeordneter"}},
		{"Die Drücke in den Leitungen steigen.", []string{"Druck"}},
		{"Die Zahlen der Wahlen und der Schulen", []string{"Zahl", "Wahl", "Schule"}},
		{"Die periodischen Berichte über militärische Übungen", []string{"periodisch", "militärisch"}},
		{"Sie zählten die Stimmen, bevor sie die Urne leerten.", []string{"zählen", "leeren"}},
	}
	for _, tc := range tests {
		var got []string
		for _, m := range g.FindSource(tc.text) {
			if !slices.Contains(got, m.Entry.Source) {
				got = append(got, m.Entry.Source)
			}
		}
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("FindSource(%q) found %q, want %q", tc.text, got, want)
		}
	}
}
