package document

import "testing"

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
