package document

import (
	"strings"
	"testing"
)

// TestMarkdownHTMLBlocks: an HTML block's words are translated as an HTML page's are, its
// markup kept; raw text, comments and what is marked not to translate are kept as they are, to
// the line that ends them, blank lines and all.
func TestMarkdownHTMLBlocks(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"div", "<div>\nEin HTML-Block auf Deutsch.\n</div>\n",
			[]string{"Ein HTML-Block auf Deutsch."},
			"<div>\nEIN HTML-BLOCK AUF DEUTSCH.\n</div>\n"},
		{"paragraph with inline markup", "<p>Ein <b>Absatz</b>.</p>\n",
			[]string{"Ein <g1>Absatz</g1>."}, "<p>EIN <b>ABSATZ</b>.</p>\n"},
		{"references and attributes", "<p title=\"Rat &amp; B&uuml;ndnis\">Russland &amp; NATO &lt;Brüssel&gt;\n<a href=\"/briefing?a=1&amp;b=2\" title=\"Zum Briefing\">Ned&nbsp;Price</a> sprach.</p>\n",
			[]string{"Rat &amp; Bündnis", "Zum Briefing", "Russland &amp; NATO &lt;Brüssel> <g1>Ned\u00a0Price</g1> sprach."},
			"<p title=\"RAT &amp; BÜNDNIS\">RUSSLAND &amp; NATO &lt;BRÜSSEL&gt; <a href=\"/briefing?a=1&amp;b=2\" title=\"ZUM BRIEFING\">NED\u00a0PRICE</a> SPRACH.</p>\n"},
		{"between blocks, Markdown is Markdown", "<div class=\"hinweis\">\n\nEin *wichtiger* Hinweis.\n\n</div>\n",
			[]string{"Ein <g1>wichtiger</g1> Hinweis."},
			"<div class=\"hinweis\">\n\nEIN *WICHTIGER* HINWEIS.\n\n</div>\n"},
		{"table", "<table>\n<tr><th>Stadt</th><td>Brüssel</td></tr>\n</table>\n\nDanach ein Absatz.\n",
			[]string{"Stadt", "Brüssel", "Danach ein Absatz."},
			"<table>\n<tr><th>STADT</th><td>BRÜSSEL</td></tr>\n</table>\n\nDANACH EIN ABSATZ.\n"},
		{"script to its end", "<script>\nvar a = 1;\n\nvar text = \"Nicht übersetzen\";\n</script>\nDanach ein Absatz.\n",
			[]string{"Danach ein Absatz."},
			"<script>\nvar a = 1;\n\nvar text = \"Nicht übersetzen\";\n</script>\nDANACH EIN ABSATZ.\n"},
		{"pre to its end", "<pre>\nCode hier\n\nmehr Code\n</PRE>\nEin Absatz danach.\n",
			[]string{"Ein Absatz danach."}, "<pre>\nCode hier\n\nmehr Code\n</PRE>\nEIN ABSATZ DANACH.\n"},
		{"comment to its end", "<!-- Ein Kommentar\n\nder weitergeht -->\nEin Absatz.\n",
			[]string{"Ein Absatz."}, "<!-- Ein Kommentar\n\nder weitergeht -->\nEIN ABSATZ.\n"},
		{"translate no", "<div translate=\"no\">Stadtanzeiger GmbH</div>\n",
			nil, "<div translate=\"no\">Stadtanzeiger GmbH</div>\n"},
		{"an @ in an attribute is no autolink", "<div data-kontakt=\"info@example.org\">\nKontakt aufnehmen.\n</div>\n",
			[]string{"Kontakt aufnehmen."}, "<div data-kontakt=\"info@example.org\">\nKONTAKT AUFNEHMEN.\n</div>\n"},
		{"an autolink starts a paragraph", "<info@example.org> schrieb uns.\n",
			[]string{"schrieb uns."}, "<info@example.org> SCHRIEB UNS.\n"},
		{"meta charset declares nothing", "<meta charset=\"iso-8859-1\">\n<p>Grüße aus Köln.</p>\n",
			[]string{"Grüße aus Köln."}, "<meta charset=\"iso-8859-1\">\n<p>GRÜßE AUS KÖLN.</p>\n"},
	})
}

// TestMarkdownHTMLBlockWriting: a translation in an HTML block is escaped as HTML, and its line
// breaks are not written as such: a blank line would end the block, and the rest be read as
// Markdown.
func TestMarkdownHTMLBlockWriting(t *testing.T) {
	tests := []struct {
		src  string
		tr   []string
		want string
	}{
		{"<div>\nEin HTML-Block auf Deutsch.\n</div>\n", []string{"An HTML block\n\nin &lt;b>German&lt;/b> &amp; *more*."},
			"<div>\nAn HTML block  in &lt;b&gt;German&lt;/b&gt; &amp; *more*.\n</div>\n"},
		{"<p title=\"Titel\">Ein Absatz.</p>\n", []string{"Line one\r\n\r\nline \"two\"", "A paragraph."},
			"<p title=\"Line one&#10;&#10;line &quot;two&quot;\">A paragraph.</p>\n"},
		{"<p title=\"Titel\">Ein Absatz.</p>\n", []string{"Write to info@example.org", "A paragraph."},
			"<p title=\"Write to info@example.org\">A paragraph.</p>\n"},
	}
	for _, tc := range tests {
		d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, probs := write(t, d, tc.tr, "en")
		if out != tc.want || len(probs) > 0 {
			t.Errorf("%q translated %q wrote %q, want %q (%v)", tc.src, tc.tr, out, tc.want, probs)
		}
		d2, err := Read(strings.NewReader(out), "x.md", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(d2.Segments) != len(d.Segments) {
			t.Errorf("%q read back as %q", out, d2.Identity())
		}
	}
}

// TestMarkdownKeptAcrossBlocks: an element marked not to translate that an HTML block opens
// and a later one closes keeps the Markdown between them as it is, as the page the Markdown
// becomes shows it inside the element; inline, its content is one code. Only the HTML blocks
// CommonMark lets interrupt a paragraph end one (a block-level tag, a comment, raw text).
func TestMarkdownKeptAcrossBlocks(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"paragraphs between the tags", "<div translate=\"no\">\n\nDer Name bleibt.\n\n</div>\n\nEr betonte, dass die Vereinigten Staaten hoffen.\n",
			[]string{"Er betonte, dass die Vereinigten Staaten hoffen."},
			"<div translate=\"no\">\n\nDer Name bleibt.\n\n</div>\n\nER BETONTE, DASS DIE VEREINIGTEN STAATEN HOFFEN.\n"},
		{"headings, lists, links and titles between the tags", "<aside translate=\"no\">\n\n## Bbabo NET\n\n- [Nachrichten](/n \"Alle Nachrichten\")\n\n[r]: /r \"Ein Titel\"\n\n</aside>\nDas russische Außenministerium stellte klar.\n",
			[]string{"Das russische Außenministerium stellte klar."},
			"<aside translate=\"no\">\n\n## Bbabo NET\n\n- [Nachrichten](/n \"Alle Nachrichten\")\n\n[r]: /r \"Ein Titel\"\n\n</aside>\nDAS RUSSISCHE AUßENMINISTERIUM STELLTE KLAR.\n"},
		{"nested blocks of the same name", "<div translate=\"NO\">\n\nNed Price sprach.\n\n<div>\n\nJens Stoltenberg antwortete.\n\n</div>\n\nBeide Seiten werden keine Mühen scheuen.\n\n</div>\n\nDas Treffen dauerte etwa vier Stunden.\n",
			[]string{"Das Treffen dauerte etwa vier Stunden."},
			"<div translate=\"NO\">\n\nNed Price sprach.\n\n<div>\n\nJens Stoltenberg antwortete.\n\n</div>\n\nBeide Seiten werden keine Mühen scheuen.\n\n</div>\n\nDAS TREFFEN DAUERTE ETWA VIER STUNDEN.\n"},
		{"ended inside a paragraph", "<section translate=\"no\">\n\nDer Name bleibt.</section>\n\nEr betonte es.\n",
			[]string{"Er betonte es."}, "<section translate=\"no\">\n\nDer Name bleibt.</section>\n\nER BETONTE ES.\n"},
		{"class notranslate", "<div class=\"notranslate\">\n\nDer Name bleibt.\n\n</div>\nDer <span class=\"notranslate\">Stadtanzeiger</span> berichtet.\n",
			[]string{"Der <x1/> berichtet."}, "<div class=\"notranslate\">\n\nDer Name bleibt.\n\n</div>\nDER <span class=\"notranslate\">Stadtanzeiger</span> BERICHTET.\n"},
		{"iframe", "<iframe>\n\nNicht sichtbar.\n\n</iframe>\n\nSichtbar.\n",
			[]string{"Sichtbar."}, "<iframe>\n\nNicht sichtbar.\n\n</iframe>\n\nSICHTBAR.\n"},
		// A template's content is markup a script puts on the page.
		{"template", "<template>\n\nSpäter sichtbar.\n\n</template>\n\nSichtbar.\n",
			[]string{"Später sichtbar.", "Sichtbar."}, "<template>\n\nSPÄTER SICHTBAR.\n\n</template>\n\nSICHTBAR.\n"},
		{"the rest of the block after the end tag", "<div translate=\"no\">\n\nDer Name bleibt.\n\n</div>\n<p>Ein Absatz.</p>\n",
			[]string{"Ein Absatz."}, "<div translate=\"no\">\n\nDer Name bleibt.\n\n</div>\n<p>EIN ABSATZ.</p>\n"},
		{"inline span", "Der <span translate=\"no\">Stadtanzeiger</span> berichtet über <kbd>Strg</kbd> und <code>Alt</code>.\n",
			[]string{"Der <x1/> berichtet über <x2/> und <x3/>."},
			"DER <span translate=\"no\">Stadtanzeiger</span> BERICHTET ÜBER <kbd>Strg</kbd> UND <code>Alt</code>.\n"},
		{"inline span with a nested one", "Die <span translate=\"no\">Neue <span>Brücke</span> Köln</span> ist offen.\n",
			[]string{"Die <x1/> ist offen."}, "DIE <span translate=\"no\">Neue <span>Brücke</span> Köln</span> IST OFFEN.\n"},
		{"comment over paragraphs interrupts one", "Ein Absatz.\n<!-- Ein Kommentar\n\nder weitergeht -->\nNoch ein Absatz.\n",
			[]string{"Ein Absatz.", "Noch ein Absatz."}, "EIN ABSATZ.\n<!-- Ein Kommentar\n\nder weitergeht -->\nNOCH EIN ABSATZ.\n"},
		{"an unknown tag does not interrupt a paragraph", "Ned Price sprach\n<sektion>\nwährend eines Briefings.\n",
			[]string{"Ned Price sprach <x1/> während eines Briefings."}, "NED PRICE SPRACH <sektion> WÄHREND EINES BRIEFINGS.\n"},
		{"a block tag does", "Ned Price sprach.\n<section>\nJens Stoltenberg antwortete.\n",
			[]string{"Ned Price sprach.", "Jens Stoltenberg antwortete."}, "NED PRICE SPRACH.\n<section>\nJENS STOLTENBERG ANTWORTETE.\n"},
		{"a tag followed by words starts a paragraph", "<sektion>Die Brücke</sektion> wurde eröffnet.\n",
			[]string{"Die Brücke<x1/> wurde eröffnet."}, "<sektion>DIE BRÜCKE</sektion> WURDE ERÖFFNET.\n"},
	})
}
