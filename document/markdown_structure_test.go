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
		// The empty quote line between two quoted paragraphs stays: written on the second's
		// line, it was dropped and the two became one paragraph.
		{"paragraphs in one quote", "> Erster Absatz hier.\n>\n> Zweiter Absatz hier.\n",
			[]string{"Erster Absatz hier.", "Zweiter Absatz hier."}, "> ERSTER ABSATZ HIER.\n>\n> ZWEITER ABSATZ HIER.\n"},
		{"paragraphs in a nested quote", "> > Erster Absatz hier.\n> >\n> > Zweiter Absatz hier.\n",
			[]string{"Erster Absatz hier.", "Zweiter Absatz hier."}, "> > ERSTER ABSATZ HIER.\n> >\n> > ZWEITER ABSATZ HIER.\n"},
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
			[]string{"Titel", "Siehe <g1>das Bild</g1> oben."},
			"SIEHE ![DAS BILD](bild.png \"TITEL\") OBEN.\n"},
		{"image in a link", "[![Logo der Stadt](logo.png)](https://example.org)\n",
			[]string{"Logo der Stadt"},
			"[![LOGO DER STADT](logo.png)](https://example.org)\n"},
	})
}

func TestMarkdownLinkTitles(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"inline link title", "Siehe [die Quelle](https://example.org/a \"Titel des Links\") hier.\n",
			[]string{"Titel des Links", "Siehe <g1>die Quelle</g1> hier."},
			"SIEHE [DIE QUELLE](https://example.org/a \"TITEL DES LINKS\") HIER.\n"},
		{"inline link title in single quotes", "Siehe [hier](https://example.org/a 'Ein Titel') nach.\n",
			[]string{"Ein Titel", "Siehe <g1>hier</g1> nach."},
			"SIEHE [HIER](https://example.org/a 'EIN TITEL') NACH.\n"},
		{"inline link title in parentheses", "Siehe [hier](https://example.org/a (Ein Titel)) nach.\n",
			[]string{"Ein Titel", "Siehe <g1>hier</g1> nach."},
			"SIEHE [HIER](https://example.org/a (EIN TITEL)) NACH.\n"},
		{"link around a whole list item", "- [Die Quelle](https://example.org/a \"Titel\")\n",
			[]string{"Titel", "Die Quelle"},
			"- [DIE QUELLE](https://example.org/a \"TITEL\")\n"},
		{"escaped quote in the title", "Siehe [hier](/a \"Der \\\"Titel\\\"\") nach.\n",
			[]string{"Der \"Titel\"", "Siehe <g1>hier</g1> nach."},
			"SIEHE [HIER](/a \"DER \\\"TITEL\\\"\") NACH.\n"},
		{"title without words stays", "Siehe [hier](/a \"--\") nach.\n",
			[]string{"Siehe <g1>hier</g1> nach."},
			"SIEHE [HIER](/a \"--\") NACH.\n"},
		{"link without words but a title", "[<img src=\"x.png\">](/a \"Titel hier\")\n",
			[]string{"Titel hier"},
			"[<img src=\"x.png\">](/a \"TITEL HIER\")\n"},
		{"reference definition title", "[r]: https://example.org/r \"Referenztitel\"\n",
			[]string{"Referenztitel"},
			"[r]: https://example.org/r \"REFERENZTITEL\"\n"},
		{"reference definition title in single quotes", "[r]: <https://example.org/r> 'Referenztitel'\n",
			[]string{"Referenztitel"},
			"[r]: <https://example.org/r> 'REFERENZTITEL'\n"},
		{"reference definition title in parentheses", "  [Label]:  /r   (Referenztitel)  \r\n",
			[]string{"Referenztitel"},
			"  [Label]:  /r   (REFERENZTITEL)  \r\n"},
	})
}

// TestMarkdownImageTitles: an image's title is words a reader is shown, as a link's is: a
// segment of its own, its alt text another; and a reference definition's title on the line
// after its destination is the definition's, not a paragraph in quotes.
func TestMarkdownImageTitles(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"image alone", "![Ein Haus](haus.png \"Das Haus am See\")\n",
			[]string{"Das Haus am See", "Ein Haus"},
			"![EIN HAUS](haus.png \"DAS HAUS AM SEE\")\n"},
		{"image in a sentence", "Jens Stoltenberg ![im Porträt](stoltenberg.jpg 'Der NATO-Generalsekretär') sprach.\n",
			[]string{"Der NATO-Generalsekretär", "Jens Stoltenberg <g1>im Porträt</g1> sprach."},
			"JENS STOLTENBERG ![IM PORTRÄT](stoltenberg.jpg 'DER NATO-GENERALSEKRETÄR') SPRACH.\n"},
		{"image without alt text", "![](haus.png (Das Haus am See))\n",
			[]string{"Das Haus am See"},
			"![](haus.png (DAS HAUS AM SEE))\n"},
		{"image in a link, both titled", "[![Logo der Stadt](logo.png \"Das Wappen\")](https://example.org \"Zur Stadt\")\n",
			[]string{"Zur Stadt", "Das Wappen", "Logo der Stadt"},
			"[![LOGO DER STADT](logo.png \"DAS WAPPEN\")](https://example.org \"ZUR STADT\")\n"},
		{"image title without words stays", "![Ein Haus](haus.png \"--\")\n",
			[]string{"Ein Haus"}, "![EIN HAUS](haus.png \"--\")\n"},
		{"reference title on the next line", "[haus]: https://example.org/haus.png\n  \"Das Haus am See\"\n",
			[]string{"Das Haus am See"},
			"[haus]: https://example.org/haus.png\n  \"DAS HAUS AM SEE\"\n"},
		{"reference title on the next line in parentheses", "[haus]: <https://example.org/haus.png>\r\n(Das Haus am See)  \r\n\r\nEin Absatz danach.\r\n",
			[]string{"Das Haus am See", "Ein Absatz danach."},
			"[haus]: <https://example.org/haus.png>\r\n(DAS HAUS AM SEE)  \r\n\r\nEIN ABSATZ DANACH.\r\n"},
		{"next line without words", "[haus]: /haus.png\n'--'\n",
			nil, "[haus]: /haus.png\n'--'\n"},
		{"next line not a title", "[haus]: /haus.png\n\"Das Haus\" am See.\n",
			[]string{"\"Das Haus\" am See."}, "[haus]: /haus.png\n\"DAS HAUS\" AM SEE.\n"},
	})
}

// TestMarkdownLinkTitleCodes checks that a segment's codes hold the link's or the image's
// markup as it is in the document (exported to TMX and XLIFF), not a placeholder for its title.
func TestMarkdownLinkTitleCodes(t *testing.T) {
	for _, tc := range []struct{ src, close string }{
		{"Siehe [hier](/a \"Titel\") nach.\n", `](/a "Titel")`},
		{"Siehe ![das Haus](haus.png \"Das Haus am See\") oben.\n", `](haus.png "Das Haus am See")`},
	} {
		d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(d.Segments); n != 2 {
			t.Fatalf("%d segments, want 2", n)
		}
		if c := d.Segments[1].Codes; len(c) != 1 || c[0].Close != tc.close {
			t.Errorf("codes %+v, want the markup as written", c)
		}
	}
}

// TestMarkdownTitleDelimiters writes translations that hold a title's delimiter.
func TestMarkdownTitleDelimiters(t *testing.T) {
	tests := []struct{ src, tr, want string }{
		{"Siehe [hier](/a \"Titel\") nach.\n", `The "title"`, "Siehe [hier](/a \"The \\\"title\\\"\") nach.\n"},
		{"Siehe [hier](/a 'Titel') nach.\n", "The author's title", "Siehe [hier](/a 'The author\\'s title') nach.\n"},
		{"Siehe [hier](/a (Titel)) nach.\n", "A title (short)", "Siehe [hier](/a (A title \\(short\\))) nach.\n"},
		{"[r]: /r \"Titel\"\n", `C:\Pfad "x"`, "[r]: /r \"C:\\\\Pfad \\\"x\\\"\"\n"},
		{"[r]: /r (Titel)\n", "Line one\nline two", "[r]: /r (Line one line two)\n"},
		{"[r]: /r \"Titel\"\n", "Q&amp;A & R&D", "[r]: /r \"Q\\&amp;A & R&D\"\n"},
	}
	for _, tc := range tests {
		d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
		if err != nil {
			t.Fatal(err)
		}
		targets := d.Identity()
		targets[0] = EscapeText(tc.tr) // the title comes first
		if out, probs := write(t, d, targets, "en"); out != tc.want || len(probs) > 0 {
			t.Errorf("%q with title %q wrote %q, want %q (%v)", tc.src, tc.tr, out, tc.want, probs)
		}
	}
}

// TestMarkdownAcrossLines: a paragraph's inline markup may go on over its lines (a link's text,
// its destination part, an emphasis, a code span), and a reference definition over several
// lines (its destination below its label, a title below its destination or over lines): each is
// read as CommonMark reads it, its words sent without the markup, its markup written as it was
// (its line breaks as spaces, on the translation's one line).
func TestMarkdownAcrossLines(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"link text over two lines", "Dies erklärte [der Sprecher des\nAußenministeriums](https://example.org/price), Ned Price.\n",
			[]string{"Dies erklärte <g1>der Sprecher des Außenministeriums</g1>, Ned Price."},
			"DIES ERKLÄRTE [DER SPRECHER DES AUßENMINISTERIUMS](https://example.org/price), NED PRICE.\n"},
		{"title on the next line, in a quote", "> Er betonte, dass [die Vereinigten Staaten](https://example.org/usa\n> \"Die USA\") hoffen.\n",
			[]string{"Die USA", "Er betonte, dass <g1>die Vereinigten Staaten</g1> hoffen."},
			"> ER BETONTE, DASS [DIE VEREINIGTEN STAATEN](https://example.org/usa \"DIE USA\") HOFFEN.\n"},
		{"reference link, emphasis and code span over lines", "- Beide Seiten werden *keine Mühen\n  scheuen*, sagte [Jens\n  Stoltenberg][js] mit `git\n  log`.\n",
			[]string{"Beide Seiten werden <g1>keine Mühen scheuen</g1>, sagte <g2>Jens Stoltenberg</g2> mit <x3/>."},
			"- BEIDE SEITEN WERDEN *KEINE MÜHEN SCHEUEN*, SAGTE [JENS STOLTENBERG][js] MIT `git log`.\n"},
		{"hard break in link text", "[Das erste Treffen  \nseit 2,5 Jahren](/treffen)\n",
			[]string{"Das erste Treffen<x1/>seit 2,5 Jahren"},
			"[DAS ERSTE TREFFEN  \nSEIT 2,5 JAHREN](/treffen)\n"},
		{"reference title over two lines", "[nato]: https://example.org/nato \"Das erste Treffen\n  des Russland-NATO-Rates\"\n\nEr betonte es.\n",
			[]string{"Das erste Treffen des Russland-NATO-Rates", "Er betonte es."},
			"[nato]: https://example.org/nato \"DAS ERSTE TREFFEN DES RUSSLAND-NATO-RATES\"\n\nER BETONTE ES.\n"},
		{"destination below the label, title below it", "[nato]:\nhttps://example.org/nato\n'Russland-NATO-Rat'\n",
			[]string{"Russland-NATO-Rat"}, "[nato]:\nhttps://example.org/nato\n'RUSSLAND-NATO-RAT'\n"},
		{"title in parentheses over lines, then a paragraph", "[nato]:\n  <https://example.org/nato> (Der Rat\n   in Brüssel)\nDas Treffen dauerte vier Stunden.\n",
			[]string{"Der Rat in Brüssel", "Das Treffen dauerte vier Stunden."},
			"[nato]:\n  <https://example.org/nato> (DER RAT IN BRÜSSEL)\nDAS TREFFEN DAUERTE VIER STUNDEN.\n"},
		{"destination below the label without a title", "[nato]:\nhttps://example.org/nato\n\nEr betonte es.\n",
			[]string{"Er betonte es."}, "[nato]:\nhttps://example.org/nato\n\nER BETONTE ES.\n"},
	})
}

// TestMarkdownAdjacentEmphasis: delimiter runs as CommonMark reads them. A run of four between
// two words ("**fett****Text**") can open and close, so by the rule of three it neither closes
// the first "**" nor opens for the last: it is text inside one strong span (cmark-gfm, goldmark
// and markdown-it agree), written escaped since it is the translation's text.
func TestMarkdownAdjacentEmphasis(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"one strong span around a run of four", "Ein **fetter****Text** hier.\n",
			[]string{"Ein <g1>fetter****Text</g1> hier."}, "EIN **FETTER\\*\\*\\*\\*TEXT** HIER.\n"},
		{"in a quote", "> **⚠️ Warnung****Denken Sie daran.**\n",
			[]string{"⚠️ Warnung****Denken Sie daran."}, "> **⚠️ WARNUNG\\*\\*\\*\\*DENKEN SIE DARAN.**\n"},
		{"the rest of the run is text", "Preis **5****\n",
			[]string{"Preis <g1>5</g1>**"}, "PREIS **5**\\*\\*\n"},
		{"tildes match exactly", "Ein ~~alter~~~~Preis~~ hier.\n",
			[]string{"Ein <g1>alter~~~~Preis</g1> hier."}, "EIN ~~ALTER~~~~PREIS~~ HIER.\n"},
	})
}
