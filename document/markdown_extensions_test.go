package document

import "testing"

// TestMarkdownTableAfterParagraph: GFM lets a table interrupt a paragraph (cmark-gfm, goldmark),
// and a line of nothing but an attribute list ("{.table .table-striped}", kramdown's "{: #id}")
// is no words. The lines are CorrelAid's events/2019-11/meetup.md (MIT; SOURCES.md). Before,
// the attribute line and the table were one paragraph, sent as "{.table .table-striped} | time
// | … |" and written back on one line: no table.
func TestMarkdownTableAfterParagraph(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"table under an attribute line (events/2019-11/meetup.md)",
			"{.table .table-striped}\n| time          |                                    |\n| ------------- | ---------------------------------- |\n| 17:00 - 18:00 | Mitgliederversammlung (optional)\\* |\n| 18:00 - 18:15 | Begrüßung (Johannes)               |\n",
			[]string{"time", "17:00 - 18:00", "Mitgliederversammlung (optional)*", "18:00 - 18:15", "Begrüßung (Johannes)"},
			"{.table .table-striped}\n| TIME          |                                    |\n| ------------- | ---------------------------------- |\n| 17:00 - 18:00 | MITGLIEDERVERSAMMLUNG (OPTIONAL)\\* |\n| 18:00 - 18:15 | BEGRÜßUNG (JOHANNES)               |\n"},
		{"table right under a paragraph's line (the case's structure)",
			"Freitag, 29. November 2019, im City Lab Berlin:\n| time          |                                    |\n| ------------- | ---------------------------------- |\n| ab 19:00      | Open End bei Gesprächen und Getränken |\n",
			[]string{"Freitag, 29. November 2019, im City Lab Berlin:", "time", "ab 19:00", "Open End bei Gesprächen und Getränken"},
			"FREITAG, 29. NOVEMBER 2019, IM CITY LAB BERLIN:\n| TIME          |                                    |\n| ------------- | ---------------------------------- |\n| AB 19:00      | OPEN END BEI GESPRÄCHEN UND GETRÄNKEN |\n"},
		{"a delimiter row of another width is a paragraph's line (the case's structure)",
			"Platz der Luftbrücke 4 | 12101 Berlin\n--- | --- | ---\n",
			[]string{"Platz der Luftbrücke 4 | 12101 Berlin --- | --- | ---"},
			"PLATZ DER LUFTBRÜCKE 4 | 12101 BERLIN --- | --- | ---\n"},
		{"kramdown attribute list after a paragraph (the case's structure)",
			"Wir freuen uns immer über neue Gesichter.\n{: #neu .hinweis}\n",
			[]string{"Wir freuen uns immer über neue Gesichter."},
			"WIR FREUEN UNS IMMER ÜBER NEUE GESICHTER.\n{: #neu .hinweis}\n"},
	})
}

// TestMarkdownMath: TeX math is kept as it is, never sent and never escaped ("$$" blocks, "$…$"
// spans, as KaTeX and MathJax read them in Hugo, Docusaurus and GitHub). The words are the
// sentences of CorrelAid's blog/reconstructing-cambridge-analytica.md (MIT) around formulas the
// cases set; before, even an unchanged translation came back "\\sum", "x\_i" and joined, and
// "$a_1 \cdot b_2$" as "$a_1 \\cdot b_2$".
func TestMarkdownMath(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"a display formula under a paragraph's line",
			"Wir teilen die Daten am Median:\n$$\n\\sum_{i=1}^{n} x_i\n$$\n",
			[]string{"Wir teilen die Daten am Median:"},
			"WIR TEILEN DIE DATEN AM MEDIAN:\n$$\n\\sum_{i=1}^{n} x_i\n$$\n"},
		{"inline math, a dollar amount is none",
			"Wir teilen die Daten am Median $a_1 \\cdot b_2$ und zahlen 5 $ bis 10 $.\n",
			[]string{"Wir teilen die Daten am Median <x1/> und zahlen 5 $ bis 10 $."},
			"WIR TEILEN DIE DATEN AM MEDIAN $a_1 \\cdot b_2$ UND ZAHLEN 5 $ BIS 10 $.\n"},
		{"a formula on one line in a list item",
			"- Wir teilen die Daten am Median:\n\n  $$ x_{neu} = \\frac{1}{n} $$\n",
			[]string{"Wir teilen die Daten am Median:"},
			"- WIR TEILEN DIE DATEN AM MEDIAN:\n\n  $$ x_{neu} = \\frac{1}{n} $$\n"},
	})
}

// TestMarkdownLiquid: Jekyll's Liquid tags and outputs are kept as they are, never sent, and
// the text of "{% raw %}" … "{% endraw %}" with them. The sentences are opensource.guide's
// _articles/de/leadership-and-governance.md (CC BY 4.0; a Jekyll site), the tags the cases'.
func TestMarkdownLiquid(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"an include under a paragraph's line, an output in one",
			"Wir liefern Antworten auf Ihre Fragen.\n{% include related-guides.html %}\n\nDie Seite {{ page.title }} ist Teil des Leitfadens.\n",
			[]string{"Wir liefern Antworten auf Ihre Fragen.", "Die Seite <x1/> ist Teil des Leitfadens."},
			"WIR LIEFERN ANTWORTEN AUF IHRE FRAGEN.\n{% include related-guides.html %}\n\nDIE SEITE {{ page.title }} IST TEIL DES LEITFADENS.\n"},
		{"raw",
			"{% raw %}\nTun Sie, was Ihnen behagt!\n{% endraw %}\n",
			nil,
			"{% raw %}\nTun Sie, was Ihnen behagt!\n{% endraw %}\n"},
	})
}
