package glossary

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// nounGlossary has German nouns whose stems are also verbs' (arbeiten, fragen, antworten,
// planen, stehen/standen, raten), one of them declared case-insensitive.
const nounGlossary = "de\ten\tvariants\tforbidden\tcase\tmatch\n" +
	"Arbeit\twork\n" +
	"Frage\tquestion\n" +
	"Antwort\tanswer\n" +
	"Plan\tplan\n" +
	"Stand\tstatus\n" +
	"Rat\tcouncil\n" +
	"Wahl\telection\n" +
	"Stadt\tcity\n" +
	"Bundesregierung\tfederal government\n" +
	"Behörde\tauthority\t\t\t\tcompound\n" +
	"Auftrag\tmandate\t\t\tinsensitive\n"

// TestNounTermsNotVerbs: a capitalized German term is a noun and matches only capitalized
// text words (whole words or closed compounds), in any capitalization of the text that has
// capitals: the verbs with the same stem are not the term.
func TestNounTermsNotVerbs(t *testing.T) {
	g, err := Parse(strings.NewReader(nounGlossary), "nouns.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		// Verbs with a noun term's stem.
		{"Die Beschäftigten arbeiten seit Monaten hart.", nil},
		{"Die Abgeordneten fragen nach den Kosten des Projekts.", nil},
		{"Die Behörden antworten nicht auf Anfragen der Presse.", []string{"Behörden=Behörde"}},
		{"Die Stadtwerke planen einen Ausbau des Netzes.", nil},
		{"Hunderte Demonstranten standen stundenlang vor dem Rathaus.", nil},
		{"Experten raten von Reisen in die Region ab.", nil},
		{"Am Sonntag wählen die Bürger einen neuen Rat.", []string{"Rat=Rat"}}, // wählen is not Wahl
		// The nouns, inflected.
		{"Die Arbeit der Kommission ist noch nicht abgeschlossen.", []string{"Arbeit=Arbeit"}},
		{"Die Fragen der Journalisten blieben unbeantwortet.", []string{"Fragen=Frage"}},
		{"Eine Antwort der Regierung steht noch aus.", []string{"Antwort=Antwort"}},
		{"Nach dem Stand der Verhandlungen ist der Plan gescheitert.", []string{"Stand=Stand", "Plan=Plan"}},
		{"Die Pläne des Ministers stießen auf Kritik.", []string{"Pläne=Plan"}},
		{"Der Rat der Europäischen Union tagte in Brüssel.", []string{"Rat=Rat"}},
		{"Die Räte der Gemeinden stimmten zu.", []string{"Räte=Rat"}},
		{"Die Wahlen in den Städten verliefen ruhig.", []string{"Wahlen=Wahl", "Städten=Stadt"}},
		// All-caps text still matches.
		{"DIE BUNDESREGIERUNG PLANT NEUE GESETZE", []string{"BUNDESREGIERUNG=Bundesregierung"}},
		{"ARBEIT UND SOZIALES", []string{"ARBEIT=Arbeit"}},
		// A closed compound is a noun when the whole word is capitalized.
		{"Die Zulassungsbehörde prüft den Antrag.", []string{"Zulassungsbehörde=Behörde"}},
		// Text without any capital letter says nothing about nouns.
		{"die arbeit der kommission ruht", []string{"arbeit=Arbeit"}},
		// case=insensitive: any capitalization.
		{"Die Ministerin wurde beauftragt, den auftrag zu prüfen.", []string{"auftrag=Auftrag"}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
	// Check: a verb no longer asks for the noun's rendering.
	for _, p := range [][2]string{
		{"Sie arbeiten hart.", "They work hard."},
		{"Wir raten davon ab.", "We advise against it."},
		{"Sie planen viel.", "They plan a lot."},
	} {
		if vs := g.Check(p[0], p[1]); len(vs) != 0 {
			t.Errorf("Check(%q, %q) = %v, want none", p[0], p[1], vs)
		}
	}
}

// TestCaseInsensitiveRoundTrip: an explicit case=insensitive on a capitalized term is not the
// default any more, so the writers keep it.
func TestCaseInsensitiveRoundTrip(t *testing.T) {
	g, err := Parse(strings.NewReader(nounGlossary), "nouns.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{TSV, CSV, TBX, TBX2} {
		var buf bytes.Buffer
		if err := Write(&buf, g, f); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(&buf, "back", f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for i, e := range back.Entries {
			if want := g.Entries[i]; e.CaseInsensitive != want.CaseInsensitive || e.CaseSensitive != want.CaseSensitive {
				t.Errorf("%s: %s: case insensitive %v sensitive %v, want %v %v", f, e.Source, e.CaseInsensitive, e.CaseSensitive, want.CaseInsensitive, want.CaseSensitive)
			}
		}
	}
}
