package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Legal texts, privacy statements and imprints number their sections as dates and times are
// written: "3.2 Kraftstoff" looks like "20.15 Uhr" without its "Uhr", "3.3. Prüfraum" like
// "28.04." before a name. The headings and paragraphs here are from the annexes of two federal
// ordinances, StVZO Anlage XI and AltfahrzeugV Anhang (bundestag/gesetze, see
// testdata/SOURCES.md); the reviewer's heise.de privacy statement lost 28 headings such as
// "3.1 Personenbezogene Daten" and "8.4 Sourcepoint Consent Management Plattform" this way.
func TestSectionNumbersAreNoDates(t *testing.T) {
	const (
		kraftstoff = "Als Kraftstoff ist der Bezugskraftstoff nach den technischen Daten des Anhangs V zu benützen."
		pruefraum  = "Die absolute Temperatur T in Kelvin des Prüfraums und der atmosphärische Druck H in Torr sind festzustellen."
		doku       = "In einem Betriebstagebuch sind sämtliche Zu- und Abgänge von Altfahrzeugen schriftlich festzuhalten. Das Betriebstagebuch ist auf Verlangen der überwachenden Kfz-Innung, dem Sachverständigen oder der zuständigen Behörde vorzulegen."
		ruecknahme = "Die Anforderungen der Nummern 2.1 bis 2.3 gelten für Rücknahmestellen entsprechend."
	)
	tests := []struct {
		name, file, input string
		want              []string // the blocks read
	}{
		{
			name:  "plain text",
			file:  "stvzo.txt",
			input: "3.2 Kraftstoff\n\n" + kraftstoff + "\n\n3.3. Prüfraum\n\n" + pruefraum + "\n\n3.4 Entnahme- und Messgeräte\n",
			want: []string{
				"paragraph: 3.2 Kraftstoff", "paragraph: " + kraftstoff,
				"paragraph: 3.3. Prüfraum", "paragraph: " + pruefraum,
				"paragraph: 3.4 Entnahme- und Messgeräte",
			},
		},
		{
			name: "page with bold paragraphs as headings",
			file: "altautov.html",
			input: `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Verordnung über die Überlassung, Rücknahme und umweltverträgliche Entsorgung von Altfahrzeugen</title></head><body><article>
<h1>Anforderungen an Annahmestellen und Rücknahmestellen</h1>
<p><strong>2.3 Dokumentation</strong></p>
<p>` + doku + `</p>
<p><strong>2.4 Rücknahmestellen</strong></p>
<p>` + ruecknahme + `</p>
<p><strong>3.3. Prüfraum</strong></p>
<p>` + pruefraum + `</p>
</article></body></html>`,
			want: []string{
				"heading/1: Anforderungen an Annahmestellen und Rücknahmestellen",
				"paragraph: 2.3 Dokumentation", "paragraph: " + doku,
				"paragraph: 2.4 Rücknahmestellen", "paragraph: " + ruecknahme,
				"paragraph: 3.3. Prüfraum", "paragraph: " + pruefraum,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tc.input), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s\nremoved: %q", diff, explainLines(doc))
			}
		})
	}
}
