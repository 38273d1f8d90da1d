package document

import (
	"bytes"
	"strings"
	"testing"
)

// TestMarkdownContainersOnItemLine: a list item whose first line opens another container (a list
// in the list, a block quote, a heading: CommonMark §5.2) keeps the inner markers as structure,
// neither sent nor escaped. The first case is line 114 of opensource.guide's German
// leadership-and-governance.md, which was sent as "* <g1>BDFL:</g1> …" and written
// "* \* **BDFL:** …"; the others put that guide's lines in the other containers
// (testdata/markdown/SOURCES.md).
func TestMarkdownContainersOnItemLine(t *testing.T) {
	const bdfl = "**BDFL:** BDFL steht für \"Benevolent Dictator for Life\" (gutmütige\\*r Diktator\\*in auf Lebenszeit). Bei dieser Struktur hat eine Person (in der Regel die oder der Erstautor\\*in des Projekts) das letzte Wort bei allen wichtigen Projektentscheidungen."
	const sent = "<g1>BDFL:</g1> BDFL steht für \"Benevolent Dictator for Life\" (gutmütige*r Diktator*in auf Lebenszeit). Bei dieser Struktur hat eine Person (in der Regel die oder der Erstautor*in des Projekts) das letzte Wort bei allen wichtigen Projektentscheidungen."
	const upperOut = "**BDFL:** BDFL STEHT FÜR \"BENEVOLENT DICTATOR FOR LIFE\" (GUTMÜTIGE\\*R DIKTATOR\\*IN AUF LEBENSZEIT). BEI DIESER STRUKTUR HAT EINE PERSON (IN DER REGEL DIE ODER DER ERSTAUTOR\\*IN DES PROJEKTS) DAS LETZTE WORT BEI ALLEN WICHTIGEN PROJEKTENTSCHEIDUNGEN."
	runMarkdownCases(t, []mdStructureCase{
		{"a list in a list (leadership-and-governance.md:114)", "* * " + bdfl + "\n", []string{sent}, "* * " + upperOut + "\n"},
		{"a bullet list in an ordered one", "1. - " + bdfl + "\n", []string{sent}, "1. - " + upperOut + "\n"},
		{"a block quote in an item", "- > " + bdfl + "\n", []string{sent}, "- > " + upperOut + "\n"},
		{"a block quote in an item, over two lines",
			"- > Sie kennen mich vielleicht als den \"Erfinder\" von Django...\n  > Aber ich bin in Wirklichkeit der Typ, der angeheuert wurde.\n",
			[]string{"Sie kennen mich vielleicht als den \"Erfinder\" von Django... Aber ich bin in Wirklichkeit der Typ, der angeheuert wurde."},
			"- > SIE KENNEN MICH VIELLEICHT ALS DEN \"ERFINDER\" VON DJANGO... ABER ICH BIN IN WIRKLICHKEIT DER TYP, DER ANGEHEUERT WURDE.\n"},
		{"a heading in an item, and the item's paragraph",
			"- ## Welche Verwaltungsstrukturen nutzen Open-Source-Projekte häufiger?\n  Es gibt drei Verwaltungsstrukturen, die häufig bei Open-Source-Projekten vorkommen.\n",
			[]string{"Welche Verwaltungsstrukturen nutzen Open-Source-Projekte häufiger?", "Es gibt drei Verwaltungsstrukturen, die häufig bei Open-Source-Projekten vorkommen."},
			"- ## WELCHE VERWALTUNGSSTRUKTUREN NUTZEN OPEN-SOURCE-PROJEKTE HÄUFIGER?\n  ES GIBT DREI VERWALTUNGSSTRUKTUREN, DIE HÄUFIG BEI OPEN-SOURCE-PROJEKTEN VORKOMMEN.\n"},
		{"an item that starts with strong emphasis: no list in it", "* " + bdfl + "\n", []string{sent}, "* " + upperOut + "\n"},
	})
}

// TestMarkdownFenceInQuote: a fenced code block inside a block quote is code: kept as it is,
// never sent. The case is the Rust book's ch05-03-method-syntax.md (rustbook-de), whose code in
// a quote was sent as text and came back as "> \`\`\`RUST" and "> # \#\[DERIVE…".
func TestMarkdownFenceInQuote(t *testing.T) {
	code := "> ```rust\n> # #[derive(Debug,Copy,Clone)]\n> # struct Point {\n> #     x: f64,\n> #     y: f64,\n> # }\n> # let p2 = Point { x: 5.0, y: 6.5 };\n> p1.distance(&p2);\n> (&p1).distance(&p2);\n> ```\n"
	runMarkdownCases(t, []mdStructureCase{
		{"code in a quote (ch05-03-method-syntax.md)",
			"> Mit anderen Worten sind folgende Aufrufe\n> gleich:\n>\n" + code + ">\n> Der erste Aufruf sieht viel sauberer aus.\n",
			[]string{"Mit anderen Worten sind folgende Aufrufe gleich:", "Der erste Aufruf sieht viel sauberer aus."},
			"> MIT ANDEREN WORTEN SIND FOLGENDE AUFRUFE GLEICH:\n>\n" + code + ">\n> DER ERSTE AUFRUF SIEHT VIEL SAUBERER AUS.\n"},
		{"the quote ends before the fence does", "> ```rust\n> p1.distance(&p2);\n\nDer erste Aufruf sieht viel sauberer aus.\n",
			[]string{"Der erste Aufruf sieht viel sauberer aus."},
			"> ```rust\n> p1.distance(&p2);\n\nDER ERSTE AUFRUF SIEHT VIEL SAUBERER AUS.\n"},
	})
}

// TestMarkdownFootnoteParagraphs: a footnote's further paragraphs, indented after a blank
// line (GFM), are its text, not indented code: sent and written back with their indentation.
// The footnote is the Rust book's ch14-01-release-profiles.md:78 with a second paragraph of the
// same page's words (lines 8-9); the second paragraph was kept German before.
func TestMarkdownFootnoteParagraphs(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"a footnote of two paragraphs, then code",
			"[^1]: **Release:** Veröffentlichung, **Build:** Kompilierter Quelltext\n\n    Cargo hat zwei Hauptprofile: Das Profil `dev`, das von Cargo verwendet wird.\n\nDanach ein Absatz.\n\n    cargo build --release\n",
			[]string{"<g1>Release:</g1> Veröffentlichung, <g2>Build:</g2> Kompilierter Quelltext", "Cargo hat zwei Hauptprofile: Das Profil <x1/>, das von Cargo verwendet wird.", "Danach ein Absatz."},
			"[^1]: **RELEASE:** VERÖFFENTLICHUNG, **BUILD:** KOMPILIERTER QUELLTEXT\n\n    CARGO HAT ZWEI HAUPTPROFILE: DAS PROFIL `dev`, DAS VON CARGO VERWENDET WIRD.\n\nDANACH EIN ABSATZ.\n\n    cargo build --release\n"},
	})
	// goldmark, which converts it into a page, reads the paragraph as the footnote's too.
	var b bytes.Buffer
	if err := MarkdownToHTML(&b, []byte("Die Profile.[^1]\n\n[^1]: Erster Absatz.\n\n    Cargo hat zwei Hauptprofile.\n"), "de"); err != nil {
		t.Fatal(err)
	}
	if _, note, _ := strings.Cut(b.String(), "<li id=\"fn:1\">"); !strings.Contains(note, "<p>Cargo hat zwei Hauptprofile.") {
		t.Errorf("the footnote's second paragraph is not in it:\n%s", b.String())
	}
}
