package segment

import (
	"strings"
	"testing"
)

// TestReadTextLineRuns checks how the plain-text reader decides on line breaks inside a
// paragraph (texts written for this test): a run of short lines without punctuation is a list
// or a set of headings, one block each; hard-wrapped prose, also in narrow columns, is joined.
func TestReadTextLineRuns(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string // block texts
	}{
		{"list without markers",
			"Das Wichtigste in Kürze\nParkverbot auf Gehwegen\nHöchstgeschwindigkeit 20 km/h\nBußgeld bis 100 Euro\nDie Stadt will die Regeln im Herbst überprüfen.\n",
			[]string{"Das Wichtigste in Kürze", "Parkverbot auf Gehwegen", "Höchstgeschwindigkeit 20 km/h", "Bußgeld bis 100 Euro", "Die Stadt will die Regeln im Herbst überprüfen."}},
		{"four lines without punctuation",
			"Funktionen\nKontaktverwaltung\nTermine und Aktivitäten\nBerichte\n",
			[]string{"Funktionen", "Kontaktverwaltung", "Termine und Aktivitäten", "Berichte"}},
		{"address whose first line ends in an abbreviation", // CorrelAid's imprint (testdata/SOURCES.md)
			"CorrelAid e.V.\nPasteurstr. 34\n10407 Berlin\nE-Mail: info@correlaid.org\n",
			[]string{"CorrelAid e.V.", "Pasteurstr. 34", "10407 Berlin", "E-Mail: info@correlaid.org"}},
		{"narrow column joined",
			"Die Vereinigten Staaten\nunterstützen nach Angaben\ndes Außenministeriums die\nWiedereröffnung der Mission\nRusslands bei der Nato. Ein\nSprecher sagte am Montag,\nman sei zu Gesprächen bereit.\n",
			[]string{"Die Vereinigten Staaten unterstützen nach Angaben des Außenministeriums die Wiedereröffnung der Mission Russlands bei der Nato. Ein Sprecher sagte am Montag, man sei zu Gesprächen bereit."}},
		{"wrapped prose joined",
			"Die Vereinigten Staaten unterstützen nach Angaben des\nAußenministeriums die Wiedereröffnung der Mission. Der Sprecher sagte am Montag in\nWashington, man sei zu Gesprächen bereit.\n",
			[]string{"Die Vereinigten Staaten unterstützen nach Angaben des Außenministeriums die Wiedereröffnung der Mission. Der Sprecher sagte am Montag in Washington, man sei zu Gesprächen bereit."}},
		{"dash line after a sentence is an item",
			"Das Konzert war zu Ende.\n– Dann gingen alle nach Hause.\n",
			[]string{"Das Konzert war zu Ende.", "Dann gingen alle nach Hause."}},
		{"wrapped dash line continues",
			"Der Minister sagte am Montag\n– nach langem Zögern –, er trete zurück.\n",
			[]string{"Der Minister sagte am Montag – nach langem Zögern –, er trete zurück."}},
	} {
		doc, err := Read(strings.NewReader(c.in), "test.txt", Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, b.Text)
		}
		if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
			t.Errorf("%s:\n got: %q\nwant: %q", c.name, got, c.want)
		}
	}
}
