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
		{"a header of more cells than the delimiter row is a paragraph's line (the case's structure)",
			"Platz der Luftbrücke 4 | 12101 | Berlin\n--- | ---\n",
			[]string{"Platz der Luftbrücke 4 | 12101 | Berlin --- | ---"},
			"PLATZ DER LUFTBRÜCKE 4 | 12101 | BERLIN --- | ---\n"},
		{"a header of fewer cells, a row without pipes (blog/koalitionsszenarien-marc-debus.md)",
			"Koalition          | Szenario 1 |\n------------------ | ---------- | ---------- |\nCDU/CSU-SPD        | 33,3%      | 41,9%      |\n*Tabelle 1: Eintrittswahrscheinlichkeiten ausgewählter Koalitionsszenarien*\n",
			[]string{"Koalition", "Szenario 1", "CDU/CSU-SPD", "33,3%", "41,9%", "Tabelle 1: Eintrittswahrscheinlichkeiten ausgewählter Koalitionsszenarien"},
			"KOALITION          | SZENARIO 1 |\n------------------ | ---------- | ---------- |\nCDU/CSU-SPD        | 33,3%      | 41,9%      |\n*TABELLE 1: EINTRITTSWAHRSCHEINLICHKEITEN AUSGEWÄHLTER KOALITIONSSZENARIEN*\n"},
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

// TestMarkdownExtensionSyntax: the syntax of Markdown's extensions stays as it is and only the
// words a reader sees are sent: a Starlight aside's title (not its keyword, not its colons), a
// definition's text after its ": ", a GitHub alert's text (not "[!NOTE]"), an mkdocs
// admonition's quoted title and body (not "!!! danger"). Before, the aside's lines were joined
// into one paragraph (":::tip Ziehe in Erwägung … :::") with "tip" sent, "Begriff : Definition"
// was one paragraph, "> [!NOTE]" came back "> \[!NOTE\] Text", and the admonition's body was
// joined to its first line. The lines are Astro's (MIT) and, for the admonition, two lines of
// mailcow's backup_restore/b_n_r-backup.de.md; the definition's and the alert's structure is
// the cases'.
func TestMarkdownExtensionSyntax(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"aside with a keyword (basics/astro-pages.mdx)",
			":::tip\nZiehe in Erwägung, [Content Collections](/de/guides/content-collections/) anstelle von Seiten für Verzeichnisse verwandter Markdown-Dateien zu erstellen.\n:::\n",
			[]string{"Ziehe in Erwägung, <g1>Content Collections</g1> anstelle von Seiten für Verzeichnisse verwandter Markdown-Dateien zu erstellen."},
			":::tip\nZIEHE IN ERWÄGUNG, [CONTENT COLLECTIONS](/de/guides/content-collections/) ANSTELLE VON SEITEN FÜR VERZEICHNISSE VERWANDTER MARKDOWN-DATEIEN ZU ERSTELLEN.\n:::\n"},
		{"aside with a title, in a list item (tutorial/3-components/3.mdx)",
			"1. Passe deine Styles an.\n\n    :::tip[Mobile-First Design]\n    Beginne damit zu definieren, was auf kleinen Bildschirmgrößen passieren soll!\n    :::\n",
			[]string{"Passe deine Styles an.", "Mobile-First Design", "Beginne damit zu definieren, was auf kleinen Bildschirmgrößen passieren soll!"},
			"1. PASSE DEINE STYLES AN.\n\n    :::tip[MOBILE-FIRST DESIGN]\n    BEGINNE DAMIT ZU DEFINIEREN, WAS AUF KLEINEN BILDSCHIRMGRÖßEN PASSIEREN SOLL!\n    :::\n"},
		{"definition list (a term and a sentence of astro-courses.mdx)",
			"Astro-Kurse\n: Nutze Astros Affiliate-Links, um bei unseren Bildungspartnern Rabatte zu erhalten.\n",
			[]string{"Astro-Kurse", "Nutze Astros Affiliate-Links, um bei unseren Bildungspartnern Rabatte zu erhalten."},
			"ASTRO-KURSE\n: NUTZE ASTROS AFFILIATE-LINKS, UM BEI UNSEREN BILDUNGSPARTNERN RABATTE ZU ERHALTEN.\n"},
		{"GitHub alert (a sentence of basics/astro-components.mdx)",
			"> [!NOTE]\n> Wenn du HTML kennst, weißt du bereits genug, um deine erste Astro-Komponente zu schreiben.\n",
			[]string{"Wenn du HTML kennst, weißt du bereits genug, um deine erste Astro-Komponente zu schreiben."},
			"> [!NOTE]\n> WENN DU HTML KENNST, WEIßT DU BEREITS GENUG, UM DEINE ERSTE ASTRO-KOMPONENTE ZU SCHREIBEN.\n"},
		{"mkdocs admonition (backup_restore/b_n_r-backup.de.md)",
			"!!! danger \"Achtung\"\n    **Bitte kopieren Sie dieses Skript nicht an einen anderen Ort.**\n",
			[]string{"Achtung", "Bitte kopieren Sie dieses Skript nicht an einen anderen Ort."},
			"!!! danger \"ACHTUNG\"\n    **BITTE KOPIEREN SIE DIESES SKRIPT NICHT AN EINEN ANDEREN ORT.**\n"},
	})
}

// TestMarkdownReferenceLinks: a collapsed ("[Text][]") or shortcut ("[Text]") reference link
// names its definition by its text; its text is sent and the link written as a full reference
// to the original label, so that it still leads somewhere. The sentence and the destination
// are Astro's guides/deploy/deno.mdx (MIT), which writes the link in full; the cases write it
// collapsed and shortcut. Before, the translated text no longer matched the label (the link
// was gone) and "[Abschnitt]" came back "\[Abschnitt\]".
func TestMarkdownReferenceLinks(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"collapsed",
			"Installiere [den Deno-Adapter][] mit deinem bevorzugten Paketmanager.\n\n[den deno-adapter]: https://github.com/denoland/deno-astro-adapter\n",
			[]string{"Installiere <g1>den Deno-Adapter</g1> mit deinem bevorzugten Paketmanager."},
			"INSTALLIERE [DEN DENO-ADAPTER][den Deno-Adapter] MIT DEINEM BEVORZUGTEN PAKETMANAGER.\n\n[den deno-adapter]: https://github.com/denoland/deno-astro-adapter\n"},
		{"shortcut",
			"Installiere den [Deno-Adapter] mit deinem bevorzugten Paketmanager.\n\n[Deno-Adapter]: https://github.com/denoland/deno-astro-adapter\n",
			[]string{"Installiere den <g1>Deno-Adapter</g1> mit deinem bevorzugten Paketmanager."},
			"INSTALLIERE DEN [DENO-ADAPTER][Deno-Adapter] MIT DEINEM BEVORZUGTEN PAKETMANAGER.\n\n[Deno-Adapter]: https://github.com/denoland/deno-astro-adapter\n"},
		{"brackets without a definition are text",
			"Installiere den [Deno-Adapter] mit deinem bevorzugten Paketmanager.\n",
			[]string{"Installiere den [Deno-Adapter] mit deinem bevorzugten Paketmanager."},
			"INSTALLIERE DEN \\[DENO-ADAPTER\\] MIT DEINEM BEVORZUGTEN PAKETMANAGER.\n"},
	})
}
