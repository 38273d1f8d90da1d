package segment

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var renderBlocks = []Block{
	{Kind: Heading, Level: 1, Text: "Titel <mit> & \"Zeichen\""},
	{Kind: Paragraph, Text: "Ein *Absatz* mit [Klammern] und `Code`, a_b und \\."},
	{Kind: Paragraph, Text: "1. FC Köln gewinnt."},
	{Kind: Paragraph, Text: "# keine Überschrift"},
	{Kind: ListItem, Level: 1, Marker: "-", Text: "eins"},
	{Kind: ListItem, Level: 2, Marker: "-", Text: "innen <b>"},
	{Kind: ListItem, Level: 1, Marker: "-", Text: "zwei"},
	{Kind: ListItem, Level: 1, Marker: "1.", Text: "nummeriert"},
	{Kind: Heading, Level: 2, Text: "Schluss"},
	{Kind: Paragraph, Text: "Ende."},
}

func TestRenderMarkdownRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, Markdown, "T", renderBlocks); err != nil {
		t.Fatal(err)
	}
	doc := readString(t, buf.String(), Markdown, true)
	if diff := cmp.Diff(blockSummary(renderBlocks), blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("Markdown round trip (-want +got):\n%s\n%s", diff, buf.String())
	}
}

func TestRenderHTMLRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, HTML, "Titel </title><script>", renderBlocks); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<mit>", "<b>", "</title><script>"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "<title>Titel &lt;/title&gt;&lt;script&gt;</title>") {
		t.Errorf("title not escaped:\n%s", out)
	}
	doc := readString(t, out, HTML, true)
	want := blockSummary(renderBlocks) // the markers written ("-", "1.") are what HTML gives back
	if diff := cmp.Diff(want, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("HTML round trip (-want +got):\n%s\n%s", diff, out)
	}
}

func TestRenderText(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, Text, "", renderBlocks[3:]); err != nil {
		t.Fatal(err)
	}
	want := "# keine Überschrift\n\n- eins\n  - innen <b>\n- zwei\n1. nummeriert\n\nSchluss\n\nEnde.\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	doc := readString(t, buf.String(), Text, true)
	got := blockSummary(doc.Blocks)
	if len(got) != 7 || got[1] != "list-item/1 -: eins" || got[2] != "list-item/2 -: innen <b>" {
		t.Errorf("text round trip: %q", got)
	}
}

func TestBlockLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    Block
		want []string
	}{
		{"paragraph", Block{Kind: Paragraph, Sentences: []Span{{Text: "Eins."}, {Text: "Zwei."}}}, []string{"Eins.", "Zwei."}},
		{"list item", Block{Kind: ListItem, Marker: "1.", Sentences: []Span{{Text: "Erstens."}, {Text: "Mehr."}}}, []string{"1. Erstens.", "Mehr."}},
		{"list item without marker", Block{Kind: ListItem, Sentences: []Span{{Text: "Punkt."}}}, []string{"Punkt."}},
		{"heading keeps no marker", Block{Kind: Heading, Marker: "-", Sentences: []Span{{Text: "Titel"}}}, []string{"Titel"}},
	} {
		if got := tc.b.Lines(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestMarkdownFootnotes: a footnote reference ends a sentence like "[6]" does, each definition
// is a paragraph of its own whose label is the block's marker, not text, and Render writes
// both back as Markdown footnotes, so that a translated file keeps its notes linked.
func TestMarkdownFootnotes(t *testing.T) {
	in := "Der Bundestag hat das Gesetz beschlossen.[^1] Die Abstimmung verlief knapp.\n\n" +
		"Die Opposition klagt.[^note][^2] Sie verliert.\n\n" +
		"[^1]: Drucksache 20/6875.\n" +
		"[^2]: Siehe dazu BVerfG, Beschluss vom 5. Juli 2023.\n" +
		"[^note]: Eine Anmerkung\nüber zwei Zeilen.\n"
	doc := readString(t, in, Markdown, false)
	want := []string{
		"paragraph: Der Bundestag hat das Gesetz beschlossen.[^1] Die Abstimmung verlief knapp.",
		"paragraph: Die Opposition klagt.[^note][^2] Sie verliert.",
		"paragraph [^1]:: Drucksache 20/6875.",
		"paragraph [^2]:: Siehe dazu BVerfG, Beschluss vom 5. Juli 2023.",
		"paragraph [^note]:: Eine Anmerkung über zwei Zeilen.",
	}
	if diff := cmp.Diff(want, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	var sents []string
	for _, s := range doc.Blocks[0].Sentences {
		sents = append(sents, s.Text)
	}
	if diff := cmp.Diff([]string{"Der Bundestag hat das Gesetz beschlossen.[^1]", "Die Abstimmung verlief knapp."}, sents); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	var buf bytes.Buffer
	if err := Render(&buf, Markdown, "", doc.Blocks); err != nil {
		t.Fatal(err)
	}
	wantMD := "Der Bundestag hat das Gesetz beschlossen.[^1] Die Abstimmung verlief knapp.\n\n" +
		"Die Opposition klagt.[^note][^2] Sie verliert.\n\n" +
		"[^1]: Drucksache 20/6875.\n\n" +
		"[^2]: Siehe dazu BVerfG, Beschluss vom 5. Juli 2023.\n\n" +
		"[^note]: Eine Anmerkung über zwei Zeilen.\n"
	if diff := cmp.Diff(wantMD, buf.String()); diff != "" {
		t.Errorf("Markdown (-want +got):\n%s", diff)
	}
	// A paragraph that starts like a definition but is text stays text when written back.
	buf.Reset()
	if err := Render(&buf, Markdown, "", []Block{{Kind: Paragraph, Text: "[^1]: kein Label"}}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "\\[^1\\]: kein Label\n" {
		t.Errorf("text like a definition written as %q", got)
	}
}

// TestPlainWriterPieces: a document written piece by piece, cut anywhere (between list items
// too), is the document RenderAs writes whole, in text and Markdown, with a byte-order mark and
// CR LF line ends as its form says.
func TestPlainWriterPieces(t *testing.T) {
	doc, err := Read(strings.NewReader("# Titel\n\nErster Absatz.\n\n- eins\n- zwei\n  - drei\n\nLetzter Absatz.\n"), "a.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{Text, Markdown} {
		for _, form := range []TextForm{{}, {CRLF: true, BOM: true}} {
			var whole bytes.Buffer
			if err := RenderAs(&whole, f, "", doc.Blocks, form); err != nil {
				t.Fatal(err)
			}
			for cut := 0; cut <= len(doc.Blocks); cut++ {
				var b bytes.Buffer
				pw, err := NewPlainWriter(&b, f, form)
				if err != nil {
					t.Fatal(err)
				}
				if err := pw.Write(doc.Blocks[:cut]); err != nil {
					t.Fatal(err)
				}
				if err := pw.Write(doc.Blocks[cut:]); err != nil {
					t.Fatal(err)
				}
				if b.String() != whole.String() {
					t.Errorf("%s %+v cut at %d:\n%q\nwant\n%q", f, form, cut, b.String(), whole.String())
				}
			}
		}
	}
}

// TestRenderPageAsLang: a rebuilt page says its language on <html>, escaped; without one it
// says none, as Render's page does.
func TestRenderPageAsLang(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{{"en", `<html lang="en">`}, {"en-GB", `<html lang="en-GB">`}, {"", "<html>\n"}} {
		var b bytes.Buffer
		if err := RenderPageAs(&b, "Titel", tc.lang, renderBlocks, TextForm{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tc.want) {
			t.Errorf("lang %q: page lacks %q:\n%s", tc.lang, tc.want, b.String())
		}
	}
}

// TestMarkdownTaskList: a task list's checkbox is markup kept with the list marker, not text:
// the Astro tutorial's checklist (withastro/docs, testdata/SOURCES.md) showed "[] Ich habe
// Node.js installiert." (cleaning took the box's space for one before punctuation); now the
// sentence is the words, and Render writes the box back.
func TestMarkdownTaskList(t *testing.T) {
	in := "- [ ] Ich kann auf die Kommandozeile im Terminal zugreifen.\n- [ ] Ich habe Node.js installiert.\n- [x] Ich habe einen Code-Editor wie VS Code.\n"
	doc := readString(t, in, Markdown, false)
	want := []string{
		"list-item/1 - [ ]: Ich kann auf die Kommandozeile im Terminal zugreifen.",
		"list-item/1 - [ ]: Ich habe Node.js installiert.",
		"list-item/1 - [x]: Ich habe einen Code-Editor wie VS Code.",
	}
	if diff := cmp.Diff(want, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	var buf bytes.Buffer
	if err := Render(&buf, Markdown, "", doc.Blocks); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, buf.String()); diff != "" {
		t.Errorf("Markdown (-want +got):\n%s", diff)
	}
}

// TestMarkdownMDXStatements: an MDX file's import and export statements (withastro/docs,
// MIT: src/content/docs/de/editor-setup.mdx) are code, not a paragraph of the text; a German
// sentence starting "Import" or an English "import duties" line is text.
func TestMarkdownMDXStatements(t *testing.T) {
	in := "import PackageManagerTabs from '~/components/tabs/PackageManagerTabs.astro'\n" +
		"import { Steps } from '@astrojs/starlight/components';\n" +
		"import '../styles/global.css'\n" +
		"export const meta = { title: 'x' }\n\n" +
		"Passe deinen Code-Editor an, um die Astro-Entwicklererfahrung zu verbessern.\n\n" +
		"Import und Export von Daten sind möglich.\n\n" +
		"import duties were raised.\n"
	// MDX is told by the name: in a .md file an "import" line is text, as translate reads it.
	doc, err := Read(strings.NewReader(in), "setup.mdx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"paragraph: Passe deinen Code-Editor an, um die Astro-Entwicklererfahrung zu verbessern.",
		"paragraph: Import und Export von Daten sind möglich.",
		// "import duties were raised." is an import statement to MDX, as to translate.
	}
	if diff := cmp.Diff(want, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
}

// TestMarkdownMathAndLiquidWrittenBack: a page's TeX math, Liquid and Hugo shortcodes, shown as written in a
// block's text, are written back unescaped in Markdown output (--main-only): escaped, "\$a\_1
// \cdot b\_2$" and "\{{ page.title }}" were text, not a formula and a template. Sentences of
// CorrelAid's blog/reconstructing-cambridge-analytica.md (MIT) and opensource.guide's
// leadership-and-governance.md (CC BY 4.0), as package document's tests quote them.
func TestMarkdownMathAndLiquidWrittenBack(t *testing.T) {
	in := "Wir teilen die Daten am Median $a_1 \\cdot b_2$ und zahlen 5 $ bis 10 $.\n\n" +
		"Die Seite {{ page.title }} ist Teil des Leitfadens.\n\n" +
		// An inline Hugo shortcode (the Kubernetes docs' glossary tooltips): escaped, it was
		// "{\\{\\< glossary\\_tooltip …", no shortcode for Hugo.
		"Ein {{< glossary_tooltip text=\"Pod\" term_id=\"pod\" >}} ist die kleinste Einheit.\n"
	doc := readString(t, in, Markdown, false)
	var md strings.Builder
	if err := Render(&md, Markdown, "", doc.Blocks); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"$a_1 \\cdot b_2$", "{{ page.title }}", `{{< glossary_tooltip text="Pod" term_id="pod" >}}`} {
		if !strings.Contains(md.String(), s) {
			t.Errorf("Markdown output lacks %q:\n%s", s, md.String())
		}
	}
	back := readString(t, md.String(), Markdown, false)
	if diff := cmp.Diff(blockSummary(doc.Blocks), blockSummary(back.Blocks)); diff != "" {
		t.Errorf("read back (-first +second):\n%s", diff)
	}
}

// TestMarkdownBareAddressesWrittenBack: a bare web or e-mail address, shown as written, is
// written back unescaped in Markdown output (--main-only): escaped,
// "https://example.org/seite\_mit\_unterstrich" and "vor\_name@…" held the backslashes in
// the address a reader follows (the review's u4.md). The addresses are real ones quoted by
// package document's tests (CorrelAid's blog/point-pattern-analysis.md and newsletter-2016.md,
// MIT; the review's Python module), the sentences CorrelAid's; a "<" after an address is still
// escaped.
func TestMarkdownBareAddressesWrittenBack(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"underscores in a path",
			"Die Daten stammen aus https://www.ntsb.gov/_layouts/ntsb.aviation/index.aspx und https://github.com/python/cpython/blob/main/Lib/json/__init__.py.\n",
			"https://www.ntsb.gov/_layouts/ntsb.aviation/index.aspx und https://github.com/python/cpython/blob/main/Lib/json/__init__.py."},
		{"an e-mail address with an underscore",
			"Wenn ihr mitmachen wollt, schreibt uns einfach eine E-Mail an vor_name@correlaid.org!\n",
			"an vor_name@correlaid.org!"},
		{"an address at a paragraph's start, a \"<\" after it",
			"www.correlaid.org/ueber_uns<b ist die Seite.\n",
			"www.correlaid.org/ueber_uns\\<b ist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := readString(t, tc.in, Markdown, false)
			var md strings.Builder
			if err := Render(&md, Markdown, "", doc.Blocks); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(md.String(), tc.want) {
				t.Errorf("Markdown output lacks %q:\n%s", tc.want, md.String())
			}
			back := readString(t, md.String(), Markdown, false)
			if diff := cmp.Diff(blockSummary(doc.Blocks), blockSummary(back.Blocks)); diff != "" {
				t.Errorf("read back (-first +second):\n%s", diff)
			}
		})
	}
}
