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
