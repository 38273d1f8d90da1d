package segment

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// blockSummary renders blocks compactly: kind/level/marker: text.
func blockSummary(bs []Block) []string {
	var out []string
	for _, b := range bs {
		s := string(b.Kind)
		if b.Kept {
			s = "kept " + s // shown, never sent
		}
		if b.Level > 0 {
			s += "/" + strconv.Itoa(b.Level)
		}
		if b.Marker != "" {
			s += " " + b.Marker
		}
		out = append(out, s+": "+b.Text)
	}
	return out
}

func readString(t *testing.T, in string, f Format, keep bool) *Document {
	t.Helper()
	doc, err := Read(strings.NewReader(in), "test", Options{Format: f, KeepBoilerplate: keep})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	for _, b := range doc.Blocks {
		if !b.Kept { // a kept block has no sentences
			checkSpans(t, b.Text, b.Sentences)
		}
	}
	return doc
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"paragraphs and joined lines", "Erste Zeile\nzweite Zeile.\n\n\nNeuer Absatz.\n", []string{"paragraph: Erste Zeile zweite Zeile.", "paragraph: Neuer Absatz."}},
		{"CRLF and tabs", "Ein\tSatz.\r\nNoch einer.\r\n", []string{"paragraph: Ein Satz. Noch einer."}},
		{"headline line", "Merkel trifft Macron in Paris\nDie Kanzlerin reiste am Montag nach Paris, um den Präsidenten zu treffen.", []string{"paragraph: Merkel trifft Macron in Paris", "paragraph: Die Kanzlerin reiste am Montag nach Paris, um den Präsidenten zu treffen."}},
		{"bullets", "Punkte:\n- eins\n- zwei\n  - zwei a\n- drei\nFortsetzung", []string{"paragraph: Punkte:", "list-item/1 -: eins", "list-item/1 -: zwei", "list-item/2 -: zwei a", "list-item/1 -: drei Fortsetzung"}},
		{"numbered list", "1. Genf\n2. Brüssel", []string{"list-item/1 1.: Genf", "list-item/1 2.: Brüssel"}},
		// Real sentences from news pages, broken after their first word as a PDF's narrow column
		// does: a lone determiner heads nothing, so the line joins the next.
		{"lone determiner line joins", "Mehrere\nOrtsteile im Südosten Berlins sind betroffen.", []string{"paragraph: Mehrere Ortsteile im Südosten Berlins sind betroffen."}},
		{"lone pronoun line joins", "Andere \nLeute haben ganz andere Dinge durchgemacht.", []string{"paragraph: Andere Leute haben ganz andere Dinge durchgemacht."}},
		{"line ending in seit joins", "Erst\nseit Mittwochmorgen läuft die\nfünfte Verhandlungsrunde zwischen\nArbeitgebern und Verdi.", []string{"paragraph: Erst seit Mittwochmorgen läuft die fünfte Verhandlungsrunde zwischen Arbeitgebern und Verdi."}},
		{"lone noun line stays a headline", "Ortsteile\nMehrere Ortsteile im Südosten Berlins sind nach dem Brand ohne Strom.", []string{"paragraph: Ortsteile", "paragraph: Mehrere Ortsteile im Südosten Berlins sind nach dem Brand ohne Strom."}},
		{"single numbered line is text", "12. NATO-Generalsekretär Jens Stoltenberg sagte das.", []string{"paragraph: 12. NATO-Generalsekretär Jens Stoltenberg sagte das."}},
		{"BOM", "\ufeffText.", []string{"paragraph: Text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readString(t, tt.in, Text, false)
			if diff := cmp.Diff(tt.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCleaning(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		reasons []string
	}{
		{
			"site name, section label, repeated title",
			"Bbabo NET\n\nNachrichten\n\nDie USA unterstützen die Mission der NATO\n\nText des Artikels.\n\nDie USA unterstützen die Mission der NATO\n",
			[]string{"paragraph: Die USA unterstützen die Mission der NATO", "paragraph: Text des Artikels."},
			[]string{"site name above the title", "section label above the title", "title repeated at the end"},
		},
		{
			"tag remnants and stray periods",
			"Er kam. < /p>\n\nin Russland. . Dann\n\n„fortzusetzen“. , unter anderem<br/>hier.",
			[]string{"paragraph: Er kam.", "paragraph: in Russland. Dann", "paragraph: „fortzusetzen“, unter anderemhier."},
			[]string{"stray HTML tag", "stray second period", "stray period before a comma", "stray HTML tag"},
		},
		{
			"spaces",
			"Ein  Satz , mit Fehlern .",
			[]string{"paragraph: Ein Satz, mit Fehlern."},
			[]string{"doubled space", "space before punctuation", "space before punctuation"},
		},
		{
			"ellipsis, percent and colon keep their space",
			"Er zögerte ... und ging. 5 % mehr : so.",
			[]string{"paragraph: Er zögerte ... und ging. 5 % mehr : so."},
			nil,
		},
		{
			// UD German GSD dev (CC BY-SA, see testdata/segment/SOURCES.md): the space before a
			// smiley is no stray space before a semicolon, and the smiley ends the sentence.
			"a smiley keeps its space",
			"Kann ich echt nur weiterempfehlen ;-) So eben war ich das erste mal in der Praxis bei Frau Doktor Luger.\n\nDas war toll ;) Wir kommen wieder ; sicher.",
			[]string{"paragraph: Kann ich echt nur weiterempfehlen ;-) So eben war ich das erste mal in der Praxis bei Frau Doktor Luger.",
				"paragraph: Das war toll ;) Wir kommen wieder; sicher."},
			[]string{"space before punctuation"},
		},
		{
			"boilerplate lines",
			"Ein Text.\n\nLeave a Reply\n\nKommentar schreiben:\n\nTeilen",
			[]string{"paragraph: Ein Text."},
			[]string{"comment or sharing prompt, not article text", "comment or sharing prompt, not article text", "comment or sharing prompt, not article text"},
		},
		{
			// Scraped text sets a cookie banner's buttons on lines of their own (wording of real
			// German banners, black-box review): the notice goes with them, wherever it stands.
			"cookie banner with its buttons",
			"Der Rat tagte am Montag in Berlin.\n\nWir verwenden Cookies, um Ihnen ein optimales Webseiten-Erlebnis zu bieten. Dazu zählen Cookies, die für den Betrieb der Seite notwendig sind.\n\nAlle akzeptieren\n\nAblehnen\n\nEr beschloss ein neues Gesetz.\n\nZur Startseite",
			[]string{"paragraph: Der Rat tagte am Montag in Berlin.", "paragraph: Er beschloss ein neues Gesetz."},
			[]string{"cookie notice", "cookie notice button", "cookie notice button", "comment or sharing prompt, not article text"},
		},
		{
			// Without a notice nearby a button word is text, and so is an article about cookies.
			"buttons without a notice, an article on cookies",
			"Ablehnen\n\nDer Ausschuss will ablehnen.\n\nWir verwenden Cookies, sagte der Sprecher, nur mit Zustimmung.\n\nAkzeptieren\n\nDas Gericht entschied anders.",
			[]string{"paragraph: Ablehnen", "paragraph: Der Ausschuss will ablehnen.", "paragraph: Wir verwenden Cookies, sagte der Sprecher, nur mit Zustimmung.", "paragraph: Akzeptieren", "paragraph: Das Gericht entschied anders."},
			nil,
		},
		{
			// A date alone by the headline is the page's dateline; far down, a date alone is
			// article text (a chronology), and stays.
			"a date alone: dateline at the top, text further down",
			"Neues Gesetz beschlossen\n\n12. März 2023\n\nDie Regierung hat heute ein neues Gesetz beschlossen.\n\nEs tritt im Mai in Kraft.\n\nDer Bundesrat muss zustimmen.\n\nDas gilt als sicher.\n\nDie Chronik:\n\n1. November 1956\n\nDamals begann alles.",
			[]string{"paragraph: Neues Gesetz beschlossen", "paragraph: Die Regierung hat heute ein neues Gesetz beschlossen.", "paragraph: Es tritt im Mai in Kraft.",
				"paragraph: Der Bundesrat muss zustimmen.", "paragraph: Das gilt als sicher.", "paragraph: Die Chronik:", "paragraph: 1. November 1956", "paragraph: Damals begann alles."},
			[]string{"dateline or timestamp"},
		},
		{
			"no title: short first lines stay",
			"Hallo\n\nDas ist ein Text.",
			[]string{"paragraph: Hallo", "paragraph: Das ist ein Text."},
			nil,
		},
		{
			"tag-like prose stays",
			"Wenn a < b und <Name> gilt.",
			[]string{"paragraph: Wenn a < b und <Name> gilt."},
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readString(t, tt.in, Text, false)
			if diff := cmp.Diff(tt.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			var reasons []string
			for _, r := range doc.Removed {
				reasons = append(reasons, strings.SplitN(r.Reason, " in \"", 2)[0])
				if r.Line <= 0 {
					t.Errorf("removal %+v has no line", r)
				}
			}
			if diff := cmp.Diff(tt.reasons, reasons); diff != "" {
				t.Errorf("removal reasons (-want +got):\n%s", diff)
			}
			// --keep-boilerplate changes nothing but whitespace.
			kept := readString(t, tt.in, Text, true)
			if len(kept.Removed) != 0 {
				t.Errorf("keep: removed %+v", kept.Removed)
			}
		})
	}
}

func TestReadMarkdown(t *testing.T) {
	in := `---
title: x
---
# Titel *mit* Betonung

Ein [Link](http://example.org) und ` + "`code`" + ` und **fett** und snake_case und 5 * 3.
Zweite Zeile mit ![Bild](a.png) Bild.

Unterzeile
----------

* eins
* zwei
    * zwei a
1. erstens

> Ein Zitat
> über zwei Zeilen.

    code block

` + "```go\nfmt.Println()\n```" + `

[ref]: http://example.org
[NATO-]Generalsekretär \*nicht\* betont.
<!-- Kommentar -->
---
## Schluss ##
`
	doc := readString(t, in, Markdown, false)
	want := []string{
		"heading/1: Titel mit Betonung",
		"paragraph: Ein Link und code und fett und snake_case und 5 * 3. Zweite Zeile mit Bild Bild.",
		"heading/2: Unterzeile",
		"list-item/1 *: eins",
		"list-item/1 *: zwei",
		"list-item/2 *: zwei a",
		"list-item/1 1.: erstens",
		"paragraph: Ein Zitat über zwei Zeilen.",
		"paragraph: [NATO-]Generalsekretär *nicht* betont.",
		"heading/2: Schluss",
	}
	if diff := cmp.Diff(want, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	var reasons []string
	for _, r := range doc.Removed {
		reasons = append(reasons, r.Reason)
	}
	wantReasons := []string{"front matter (metadata, not article text)", "code block (not prose)", "code block (not prose)", "link reference definition", "HTML comment"}
	if diff := cmp.Diff(wantReasons, reasons); diff != "" {
		t.Errorf("removals (-want +got):\n%s", diff)
	}
}

func TestReadHTML(t *testing.T) {
	tests := []struct {
		name string
		in   string
		keep bool
		want []string
	}{
		{
			"fallback without readability content",
			`<html><body><nav>Menü</nav><h1>Titel der Seite</h1><p>Text &amp; mehr. <b>Fett</b> hier.</p><ul><li>eins<ul><li>innen</li></ul></li></ul><ol start="3"><li>drei</li></ol><pre>code</pre><script>x()</script><footer>Fuß</footer></body></html>`,
			false,
			[]string{"heading/1: Titel der Seite", "paragraph: Text & mehr. Fett hier.", "list-item/1 -: eins", "list-item/2 -: innen", "list-item/1 3.: drei", "kept preformatted: code"},
		},
		{
			"keep boilerplate",
			`<nav>Menü</nav><p>Text.</p><footer>Fuß</footer><style>p{}</style>`,
			true,
			[]string{"paragraph: Menü", "paragraph: Text.", "paragraph: Fuß"},
		},
		{
			"escaped tag remnant and br",
			`<p>Osteuropa. &lt; /p&gt;</p><p>eins<br>zwei</p>`,
			false,
			[]string{"paragraph: Osteuropa.", "paragraph: eins zwei"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readString(t, tt.in, HTML, tt.keep)
			if diff := cmp.Diff(tt.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadHTMLArticle(t *testing.T) {
	f, err := os.Open("../testdata/segment/us-kreml.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Read(f, "us-kreml.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(blockSummary(doc.Blocks), "\n")
	for _, want := range []string{"heading/1: Vertreter des US-Außenministeriums besuchten den Kreml", "heading/2: Minsker Abkommen & Normandie-Format", "list-item/1 1.: Sicherheitsgarantien", "list-item/1 2.: Umsetzung"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for _, bad := range []string{"Startseite", "Leave a Reply", "Bbabo", "tracking", "< /p>", "Ein anderer Artikel"} {
		if strings.Contains(got, bad) {
			t.Errorf("debris %q left in\n%s", bad, got)
		}
	}
}

func TestSeedArticles(t *testing.T) {
	for _, tt := range []struct {
		file    string
		gone    []string
		intact  []string // whole sentences that must come out as one
		removed []string
	}{
		{
			"nato-russland.txt",
			[]string{"Bbabo NET", "Nachrichten"},
			[]string{"Das erste Treffen des Russland-NATO-Rates seit 2,5 Jahren dauerte etwa vier Stunden.", "Dies ist definitiv einer von ihnen."},
			[]string{"site name above the title", "section label above the title", "title repeated at the end"},
		},
		{
			"us-kreml.txt",
			[]string{"< /p>", "Leave a Reply", ". .", ". ,"},
			[]string{"Am Mittwoch, dem 15. Dezember, traf sich die stellvertretende US-Außenministerin Karen Donfried in Moskau mit hochrangigen russischen Beamten – dem stellvertretenden Stabschef der Präsidialverwaltung Dmitry Kozak und dem stellvertretenden russischen Außenminister Sergej Rjabkow."},
			[]string{"stray HTML tag", "stray second period", "stray HTML tag", "stray period before a comma", "comment or sharing prompt, not article text"},
		},
	} {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open("../testdata/articles/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			doc, err := Read(f, tt.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, b := range doc.Blocks {
				checkSpans(t, b.Text, b.Sentences)
				for _, s := range b.Sentences {
					all = append(all, s.Text)
				}
			}
			joined := strings.Join(all, "\n")
			for _, g := range tt.gone {
				if strings.Contains(joined, g) {
					t.Errorf("%q not removed", g)
				}
			}
			for _, s := range tt.intact {
				if !strings.Contains("\n"+joined+"\n", "\n"+s+"\n") {
					t.Errorf("sentence not intact: %q", s)
				}
			}
			var reasons []string
			for _, r := range doc.Removed {
				reasons = append(reasons, strings.SplitN(r.Reason, " in \"", 2)[0])
			}
			if diff := cmp.Diff(tt.removed, reasons); diff != "" {
				t.Errorf("removals (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		f      Format
		want   string
		target error
	}{
		{"invalid UTF-8 text", "Zeile eins\nGr\xfc\xdfe", Text, "bad: byte 13: invalid UTF-8 (line 2); the text looks like Windows-1252 or ISO-8859-1: convert it to UTF-8 first (iconv -f windows-1252 -t utf-8)", ErrInvalidUTF8},
		{"invalid UTF-8 not Latin-1", "Zeile eins\n\xff\xfe\xfd", Text, "bad: byte 11: invalid UTF-8 (line 2)", ErrInvalidUTF8},
		{"invalid UTF-8 markdown", "# T\n\n\xff", Markdown, "bad: byte 5: invalid UTF-8 (line 3)", ErrInvalidUTF8},
		{"NUL text", "abc\x00def", Text, "bad: byte 3: binary data (NUL byte), not a text file", ErrBinary},
		{"NUL late line", "abc\ndef\n\x00", Text, "bad: byte 8: binary data (NUL byte), not a text file", ErrBinary},
		{"NUL markdown", "\x00", Markdown, "bad: byte 0: binary data (NUL byte), not a text file", ErrBinary},
		{"NUL html", "<p>\x00</p>", HTML, "bad: byte 3: binary data (NUL byte), not a text file", ErrBinary},
		{"zip", "PK\x03\x04\x00\x00binary", HTML, "bad: byte 0: binary data (a ZIP archive (or a document in one: .docx, .odt, .epub)), not a text file", ErrBinary},
		// A gzip body saved as a page (curl without --compressed) has few NULs (one byte in
		// 256): it was read as windows-1252 and printed, exit 0.
		{"gzip page", "\x1f\x8b\x08\x08\x9a\x1b\x4c\x65\x00\x03heise.html", HTML, "bad: byte 0: binary data (gzip-compressed data), not a text file; decompress it first (gunzip, or curl --compressed)", ErrBinary},
		{"random bytes", strings.Repeat("\x9c\x02\xe1\x15\x87\x1e\xb3\x04<p>", 20), HTML, "bad: byte 1: binary data (80 control characters in its first 220 bytes), not a text file", ErrBinary},
		// Valid UTF-8 all the same: no page holds eight control characters and nothing else
		// (FuzzReadHTML's finding; its invariant now allows this refusal, notText).
		{"control characters only", strings.Repeat("\x03", 8), HTML, "bad: byte 0: binary data (8 control characters in its first 8 bytes), not a text file", ErrBinary},
		{"NUL in UTF-16", "\xff\xfeH\x00\x00\x00i\x00", Text, "bad: byte 1: binary data (NUL byte), not a text file (in the text decoded from UTF-16LE)", ErrBinary},
		{"empty", "", Text, "bad: empty input (no text, only white space)", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "bad", Options{Format: tt.f})
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *InputError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("err = %q, want %q", err, tt.want)
			}
			if !errors.Is(err, tt.target) {
				t.Errorf("err does not wrap %v", tt.target)
			}
		})
	}
}

// TestStrayControlsAreNoBinary: a page with a control character here and there (a CMS's
// stray \x01) is read, its text kept.
func TestStrayControlsAreNoBinary(t *testing.T) {
	in := "<p>Ein Satz\x01 mit \x02 zwei.</p>" + strings.Repeat("<p>Noch ein Satz hier.</p>", 20)
	if d, err := Read(strings.NewReader(in), "page.html", Options{Format: HTML}); err != nil || len(d.Blocks) == 0 {
		t.Errorf("read: %v", err)
	}
}

func TestInputErrorFormat(t *testing.T) {
	if got := (&InputError{File: "a.txt", Line: 3, Msg: "bad"}).Error(); got != "a.txt:3: bad" {
		t.Errorf("got %q", got)
	}
	if got := (&InputError{File: "a.txt", Offset: 7, Msg: "bad"}).Error(); got != "a.txt: byte 7: bad" {
		t.Errorf("got %q", got)
	}
}

func TestFormatFromName(t *testing.T) {
	for name, want := range map[string]Format{"a.md": Markdown, "A.MARKDOWN": Markdown, "x.html": HTML, "x.htm": HTML, "x.txt": Text, "-": Text, "noext": Text} {
		if got := FormatFromName(name); got != want {
			t.Errorf("FormatFromName(%q) = %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{"text", "md", "HTML", "markdown"} {
		if _, err := ParseFormat(name); err != nil {
			t.Errorf("ParseFormat(%q): %v", name, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) succeeded")
	}
}

// TestMarkdownMixedIndent is a regression test: a line indented by a space and a tab is an
// indented code line and must not stall the reader.
func TestMarkdownMixedIndent(t *testing.T) {
	doc := readString(t, " \tcode\n\nText.", Markdown, false)
	if diff := cmp.Diff([]string{"paragraph: Text."}, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
}

// Bold glued to the following word ("**Hinweis**Wenn", common in callouts) loses both markers,
// as CommonMark renders it; a single * between digits or letters stays.
func TestMarkdownBoldInsideWord(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"**⚠️ Verwendung**Wenn das Verzeichnis passt.", "⚠️ VerwendungWenn das Verzeichnis passt."},
		{"**Fett**Text hier.", "FettText hier."},
		{"Ein **fettes** Wort.", "Ein fettes Wort."},
		{"Rechne 5*3 und 5 * 3.", "Rechne 5*3 und 5 * 3."},
		{"Der a*b-Test.", "Der a*b-Test."},
	} {
		if got := markdownText(tc.in); got != tc.want {
			t.Errorf("markdownText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Character references are read as their characters, as package document sends them to the
// provider, so `segment` shows the sentence that is translated and stored in the memory.
func TestMarkdownCharacterReferences(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Müller &amp; Söhne", "Müller & Söhne"},
		{"in Köln &lt;West&gt;.", "in Köln <West>."},
		{"&#8222;Ja&#x201C;, sagte er.", "„Ja“, sagte er."},
		{"AT&T und &foo; und &amp ohne Semikolon", "AT&T und &foo; und &amp ohne Semikolon"},
		{"Code `&amp;` bleibt, \\&amp; auch.", "Code &amp; bleibt, &amp; auch."},
		{"[Müller &amp; Söhne](https://example.org/?a=1&amp;b=2)", "Müller & Söhne"},
	} {
		if got := markdownText(tc.in); got != tc.want {
			t.Errorf("markdownText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A pipe table's cells are paragraphs of their own, as translate sends them, and its delimiter
// row is markup: before, the whole table was one "sentence", pipes and dashes included.
func TestMarkdownTable(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"table after a heading",
			"# Wahl\n\n| Partei | Stimmen |\n|---|:---:|\n| Die Grünen legen zu. | 12 Prozent |\n| Die Linke verliert. | 5 Prozent |\n\nDanach ein Absatz.",
			[]string{"heading/1: Wahl", "paragraph: Partei", "paragraph: Stimmen", "paragraph: Die Grünen legen zu.", "paragraph: 12 Prozent",
				"paragraph: Die Linke verliert.", "paragraph: 5 Prozent", "paragraph: Danach ein Absatz."}},
		{"no outer pipes, escaped pipe and code span",
			"Stadt | Einwohner\n--- | ---\nKöln \\| Bonn | `a|b` rund 1 Mio.\n",
			[]string{"paragraph: Stadt", "paragraph: Einwohner", "paragraph: Köln | Bonn", "paragraph: a|b rund 1 Mio."}}, // the code span at the cell's edge is not sent, but shown
		{"a pipe in a paragraph is no table",
			"Der Wert a | b ist klein.\nEr steigt.",
			[]string{"paragraph: Der Wert a | b ist klein. Er steigt."}},
		{"a delimiter row needs dashes in every cell",
			"Links | Rechts\n--- | x\n",
			[]string{"paragraph: Links | Rechts --- | x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := readString(t, tc.in, Markdown, false)
			if diff := cmp.Diff(tc.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMarkdownTitle: a Markdown document's own heading is its title, whatever follows it; an
// image's alt text is never the title. Before, a short "# Headline" above a hero image was
// removed as a site name and the alt text took its place (black-box review).
func TestMarkdownTitle(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
		removed  []string
	}{
		{"heading, image, text",
			"# Bundestag beschließt Heizungsgesetz\n\n![Der Bundestag in Berlin](bundestag.jpg)\n\nDer Bundestag hat das Gesetz beschlossen. Die Abstimmung verlief knapp.\n",
			[]string{"heading/1: Bundestag beschließt Heizungsgesetz", "paragraph: Der Bundestag in Berlin",
				"paragraph: Der Bundestag hat das Gesetz beschlossen. Die Abstimmung verlief knapp."}, nil},
		{"heading, linked image with a title, text",
			"# Neues Gesetz\n\n[![Der Bundestag in Berlin bei Nacht](b.jpg \"Foto\")](b-gross.jpg)\n\nDer Bundestag hat das Gesetz beschlossen.\n",
			[]string{"heading/1: Neues Gesetz", "paragraph: Der Bundestag in Berlin bei Nacht", "paragraph: Der Bundestag hat das Gesetz beschlossen."}, nil},
		{"two headings",
			"# Heizung\n\n## Was sich ändert\n\nDer Bundestag hat das Gesetz beschlossen.\n",
			[]string{"heading/1: Heizung", "heading/2: Was sich ändert", "paragraph: Der Bundestag hat das Gesetz beschlossen."}, nil},
		{"a paragraph above the heading is the author's too: it stays (Markdown is no scraped page)",
			"Politik\n\n# Bundestag beschließt Heizungsgesetz\n\nDer Bundestag hat das Gesetz beschlossen.\n",
			[]string{"paragraph: Politik", "heading/1: Bundestag beschließt Heizungsgesetz", "paragraph: Der Bundestag hat das Gesetz beschlossen."},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := readString(t, tc.in, Markdown, false)
			if diff := cmp.Diff(tc.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			var removed []string
			for _, r := range doc.Removed {
				removed = append(removed, r.Text)
			}
			if diff := cmp.Diff(tc.removed, removed); diff != "" {
				t.Errorf("removed (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExtensionlessHTML: a file named without an extension (wget's "index") that starts as an
// HTML page is read as HTML, with a notice; one that does not is text, as before.
func TestExtensionlessHTML(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><head><title>T</title></head><body><article><p>Der Stadtrat hat am Montag entschieden. Die Brücke wird saniert.</p></article></body></html>\n"
	for _, tc := range []struct {
		name, in, want string
		notice         bool
	}{
		{"index", page, "Der Stadtrat hat am Montag entschieden.", true},
		{"index", "  \n<HTML><body><p>Ein Satz hier.</p></body></HTML>", "Ein Satz hier.", true},
		// XHTML and pages saved by browsers: a declaration or comment before the doctype.
		{"index", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + page, "Der Stadtrat hat am Montag entschieden.", true},
		{"index", "<!-- saved from url=(0041)https://www.example.org/ -->\n" + page, "Der Stadtrat hat am Montag entschieden.", true},
		{"notes", "Der Stadtrat hat entschieden. <b>fett</b> bleibt Text.\n", "Der Stadtrat hat entschieden.", false},
		{"page.txt", page, "<!DOCTYPE html>", false}, // a .txt name says text
		{"page.TEXT", page, "<!DOCTYPE html>", false},
		// An extension no format claims says no more than none: a server page saved as it was
		// served, wget's second copy of a page.
		{"page.shtml", page, "Der Stadtrat hat am Montag entschieden.", true},
		{"page.php", page, "Der Stadtrat hat am Montag entschieden.", true},
		{"index.html.1", page, "Der Stadtrat hat am Montag entschieden.", true},
		{"notes.log", "Der Stadtrat hat entschieden. <b>fett</b> bleibt Text.\n", "Der Stadtrat hat entschieden.", false},
	} {
		doc, err := Read(strings.NewReader(tc.in), tc.name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) == 0 || len(doc.Blocks[0].Sentences) == 0 || !strings.HasPrefix(doc.Blocks[0].Sentences[0].Text, tc.want) {
			t.Errorf("%s: blocks %+v, want the first sentence to start %q", tc.name, doc.Blocks, tc.want)
		}
		if got := hasNotice(doc.Removed, "read as HTML"); got != tc.notice {
			t.Errorf("%s: notice %v, want %v", tc.name, got, tc.notice)
		}
		if ext := filepath.Ext(tc.name); tc.notice && ext != "" && !hasNotice(doc.Removed, "read as HTML: the file is named "+ext+" and starts as an HTML page") {
			t.Errorf("%s: the notice does not name %s: %v", tc.name, ext, doc.Removed)
		}
	}
}

// markdownText is the text of a one-paragraph Markdown document as segment reads it.
func markdownText(s string) string {
	var removed []Removal
	blocks, err := parseMarkdown(context.Background(), "t.md", s, inlineRules{keep: true}, &removed)
	if err != nil {
		return "error: " + err.Error()
	}
	var texts []string
	for _, b := range blocks {
		texts = append(texts, b.Text)
	}
	return strings.Join(texts, " | ")
}
