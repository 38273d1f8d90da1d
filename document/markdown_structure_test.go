package document

import (
	"slices"
	"strings"
	"testing"
)

// mdStructureCase is a Markdown document, the segments it must send and its output when every
// segment is upper-cased (upper): the words change, the structure stays.
type mdStructureCase struct {
	name, src string
	want      []string
	out       string
}

func runMarkdownCases(t *testing.T, tests []mdStructureCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Identity(); !slices.Equal(got, tc.want) {
				t.Errorf("segments %q, want %q", clip(strings.Join(got, "|")), tc.want)
			}
			if out, _ := write(t, d, d.Identity(), ""); out != tc.src {
				t.Errorf("identity wrote %q, want the input", clip(out))
			}
			out, probs := write(t, d, translateAll(d, upper), "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if out != tc.out {
				t.Errorf("wrote %q, want %q", clip(out), clip(tc.out))
			}
		})
	}
}

// clip shortens a long text for a message: its last 200 bytes.
func clip(s string) string {
	if len(s) > 200 {
		return "…" + s[len(s)-200:]
	}
	return s
}

func TestMarkdownNestedQuotes(t *testing.T) {
	deep := strings.Repeat(">", 20000) + " Ein Satz aus einunddreißig Zeichen.\n"
	runMarkdownCases(t, []mdStructureCase{
		{"second level", "> Zitat erste Ebene.\n> > Zweite Ebene hier.\n",
			[]string{"Zitat erste Ebene.", "Zweite Ebene hier."},
			"> ZITAT ERSTE EBENE.\n> > ZWEITE EBENE HIER.\n"},
		{"markers without spaces", ">> Eng geschachtelt.\n",
			[]string{"Eng geschachtelt."}, ">> ENG GESCHACHTELT.\n"},
		{"continuation at the same depth", "> > Erste Zeile\n> > zweite Zeile.\n",
			[]string{"Erste Zeile zweite Zeile."}, "> > ERSTE ZEILE ZWEITE ZEILE.\n"},
		{"back to the outer quote", "> > Innen.\n> Draußen.\n",
			[]string{"Innen.", "Draußen."}, "> > INNEN.\n> DRAUßEN.\n"},
		{"heading in a nested quote", "> > ## Titel hier\n",
			[]string{"Titel hier"}, "> > ## TITEL HIER\n"},
		{"list item after a quoted line", "> Absatz hier\n> - Ein Punkt\n",
			[]string{"Absatz hier", "Ein Punkt"}, "> ABSATZ HIER\n> - EIN PUNKT\n"},
		{"20,000 levels", deep,
			[]string{"Ein Satz aus einunddreißig Zeichen."}, strings.Repeat(">", 20000) + " EIN SATZ AUS EINUNDDREIßIG ZEICHEN.\n"},
	})
}

func TestMarkdownFootnotesAndAltText(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"footnote definition", "Ein Satz.[^1]\n\n[^1]: Der Text der Fußnote.\n",
			[]string{"Ein Satz.", "Der Text der Fußnote."},
			"EIN SATZ.[^1]\n\n[^1]: DER TEXT DER FUßNOTE.\n"},
		{"footnote definition with a continuation line", "[^note]: Erste Zeile\n    der Fußnote.\n",
			[]string{"Erste Zeile der Fußnote."},
			"[^note]: ERSTE ZEILE DER FUßNOTE.\n"},
		{"footnote definition after another", "[^a]: Eins hier.\n[^b]: Zwei hier.\n",
			[]string{"Eins hier.", "Zwei hier."},
			"[^a]: EINS HIER.\n[^b]: ZWEI HIER.\n"},
		{"reference definition stays", "[ref]: https://example.org/verweis\n", nil,
			"[ref]: https://example.org/verweis\n"},
		{"image alone", "![Alternativtext des Bildes](bild.png)\n",
			[]string{"Alternativtext des Bildes"},
			"![ALTERNATIVTEXT DES BILDES](bild.png)\n"},
		{"image in a sentence", "Siehe ![das Bild](bild.png \"Titel\") oben.\n",
			[]string{"Siehe <g1>das Bild</g1> oben."},
			"SIEHE ![DAS BILD](bild.png \"Titel\") OBEN.\n"},
		{"image in a link", "[![Logo der Stadt](logo.png)](https://example.org)\n",
			[]string{"Logo der Stadt"},
			"[![LOGO DER STADT](logo.png)](https://example.org)\n"},
	})
}
