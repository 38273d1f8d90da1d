package document

import (
	"strings"
	"testing"
)

// TestMarkdownInlineHTMLAttributes: the alt text and title of inline HTML inside Markdown are
// words a reader is given, sent as an HTML page's and a Markdown HTML block's are, and written
// back escaped for their attribute. The case is the table of the Rust book's German
// introduction (ch00-00-introduction.md), whose Ferris pictures kept their German alt texts.
func TestMarkdownInlineHTMLAttributes(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"alt in a table cell (ch00-00-introduction.md:197-199)",
			"| Ferris     | Bedeutung                                    |\n|------------|----------------------------------------------|\n| <img src=\"img/ferris/does_not_compile.svg\" class=\"ferris-explain\" alt=\"Ferris mit Fragezeichen\" /> | Dieser Code lässt sich nicht kompilieren! |\n",
			[]string{"Ferris", "Bedeutung", "Ferris mit Fragezeichen", "Dieser Code lässt sich nicht kompilieren!"},
			"| FERRIS     | BEDEUTUNG                                    |\n|------------|----------------------------------------------|\n| <img src=\"img/ferris/does_not_compile.svg\" class=\"ferris-explain\" alt=\"FERRIS MIT FRAGEZEICHEN\" /> | DIESER CODE LÄSST SICH NICHT KOMPILIEREN! |\n"},
		{"an alt with a comma (ch00-00-introduction.md:197, 198, 201)",
			"| Ferris     | Bedeutung                                    |\n|------------|----------------------------------------------|\n| <img src=\"img/ferris/not_desired_behavior.svg\" class=\"ferris-explain\" alt=\"Ferris mit einer Kralle nach oben, achselzuckend\" /> | Dieser Code liefert nicht das gewünschte Verhalten. |\n",
			[]string{"Ferris", "Bedeutung", "Ferris mit einer Kralle nach oben, achselzuckend", "Dieser Code liefert nicht das gewünschte Verhalten."},
			"| FERRIS     | BEDEUTUNG                                    |\n|------------|----------------------------------------------|\n| <img src=\"img/ferris/not_desired_behavior.svg\" class=\"ferris-explain\" alt=\"FERRIS MIT EINER KRALLE NACH OBEN, ACHSELZUCKEND\" /> | DIESER CODE LIEFERT NICHT DAS GEWÜNSCHTE VERHALTEN. |\n"},
		{"an image tag over lines stays a paragraph (ch04-01-what-is-ownership.md:315-319)",
			"<img alt=\"Zwei Tabellen: Die erste Tabelle enthält die Darstellung von s1 auf\ndem Stack, bestehend aus seiner Länge (5), seiner Kapazität (5) und einem Zeiger\nauf den ersten Wert in der zweiten Tabelle. Die zweite Tabelle enthält die\nDarstellung der String-Daten auf dem Heap, Byte für Byte.\"\nsrc=\"img/trpl04-01.svg\" class=\"center\" style=\"width: 50%;\" />\n",
			[]string{"Zwei Tabellen: Die erste Tabelle enthält die Darstellung von s1 auf dem Stack, bestehend aus seiner Länge (5), seiner Kapazität (5) und einem Zeiger auf den ersten Wert in der zweiten Tabelle. Die zweite Tabelle enthält die Darstellung der String-Daten auf dem Heap, Byte für Byte."},
			"<img alt=\"ZWEI TABELLEN: DIE ERSTE TABELLE ENTHÄLT DIE DARSTELLUNG VON S1 AUF DEM STACK, BESTEHEND AUS SEINER LÄNGE (5), SEINER KAPAZITÄT (5) UND EINEM ZEIGER AUF DEN ERSTEN WERT IN DER ZWEITEN TABELLE. DIE ZWEITE TABELLE ENTHÄLT DIE DARSTELLUNG DER STRING-DATEN AUF DEM HEAP, BYTE FÜR BYTE.\"\nsrc=\"img/trpl04-01.svg\" class=\"center\" style=\"width: 50%;\" />\n"},
		{"an image tag whose alt ends on its last line (ch04-01-what-is-ownership.md:453-456)",
			"<img alt=\"Eine Tabelle stellt den String-Wert auf dem Heap dar und zeigt auf den\nzweiten Teil der String-Daten (Ahoi) auf dem Heap, wobei die ursprünglichen\nString-Daten (Hallo) durchgestrichen sind, weil auf sie nicht mehr zugegriffen\nwerden kann.\" src=\"img/trpl04-05.svg\" class=\"center\" style=\"width: 50%;\" />\n",
			[]string{"Eine Tabelle stellt den String-Wert auf dem Heap dar und zeigt auf den zweiten Teil der String-Daten (Ahoi) auf dem Heap, wobei die ursprünglichen String-Daten (Hallo) durchgestrichen sind, weil auf sie nicht mehr zugegriffen werden kann."},
			"<img alt=\"EINE TABELLE STELLT DEN STRING-WERT AUF DEM HEAP DAR UND ZEIGT AUF DEN ZWEITEN TEIL DER STRING-DATEN (AHOI) AUF DEM HEAP, WOBEI DIE URSPRÜNGLICHEN STRING-DATEN (HALLO) DURCHGESTRICHEN SIND, WEIL AUF SIE NICHT MEHR ZUGEGRIFFEN WERDEN KANN.\"\nsrc=\"img/trpl04-05.svg\" class=\"center\" style=\"width: 50%;\" />\n"},
		{"a class is no words (ch05-03-method-syntax.md)", "<span class=\"filename\">Dateiname: src/main.rs</span>\n\nWir wissen, dass wir eine Methode definieren wollen.\n",
			[]string{"Dateiname: src/main.rs", "Wir wissen, dass wir eine Methode definieren wollen."},
			"<span class=\"filename\">DATEINAME: SRC/MAIN.RS</span>\n\nWIR WISSEN, DASS WIR EINE METHODE DEFINIEREN WOLLEN.\n"},
	})
	// A translation with quotes, "<" and "|" stays inside its attribute (and its table cell).
	d, err := Read(strings.NewReader("Ein Bild <img src=\"a.svg\" alt=\"Ferris mit Fragezeichen\" /> hier.\n"), "x.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, probs := write(t, d, []string{"Ferris &lt;asks&gt; \"why?\" | or not", "A picture <x1/> here."}, "en")
	if want := "A picture <img src=\"a.svg\" alt=\"Ferris &lt;asks&gt; &quot;why?&quot; &#124; or not\" /> here.\n"; out != want || len(probs) > 0 {
		t.Errorf("wrote %q, want %q (%v)", out, want, probs)
	}
}
