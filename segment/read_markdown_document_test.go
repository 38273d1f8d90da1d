package segment

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The blocks segment reads from Markdown are the text translate sends of it (package document's
// reader), and the blocks it keeps as they are, shown but never sent ("kept"): before, segment's own reader sent code in list items, shortcode parameters, aside
// keywords and text marked translate="no" as sentences. The inputs are lines of real pages:
// withastro/docs (de, MIT), CorrelAid's hugo-website (MIT), and the review's repro of finding 9.
func TestMarkdownReadAsTranslateSendsIt(t *testing.T) {
	for _, tc := range []struct {
		name, file, in string
		want           []string
	}{
		{"Starlight aside: the title is text, the keyword markup (astro contribute.mdx)", "contribute.mdx",
			":::tip[Ungelöste Probleme]\nSchau dir mal alle offenen GitHub-Issues von Astro an.\nEs gibt viele Möglichkeiten, mitzuhelfen!\n:::\n",
			[]string{"heading/2: Ungelöste Probleme", "paragraph: Schau dir mal alle offenen GitHub-Issues von Astro an. Es gibt viele Möglichkeiten, mitzuhelfen!"}},
		{"a fence indented in a list item with a blank line before it (astro editor-setup.mdx)", "editor-setup.mdx",
			"2. Erstelle eine Konfigurationsdatei `.prettierrc` im Stammverzeichnis deines Projekts.\n\n    In dieser Datei gibst du auch den Parser für Astro-Dateien manuell an.\n\n    ```json title=\".prettierrc\"\n    {\n      \"plugins\": [\"prettier-plugin-astro\"],\n\n      \"overrides\": []\n    }\n    ```\n\n3. Installiere optional andere Prettier-Plugins für dein Projekt.\n",
			[]string{"list-item/1 2.: Erstelle eine Konfigurationsdatei .prettierrc im Stammverzeichnis deines Projekts.",
				"paragraph: In dieser Datei gibst du auch den Parser für Astro-Dateien manuell an.",
				"list-item/1 3.: Installiere optional andere Prettier-Plugins für dein Projekt."}},
		{"a Hugo shortcode over lines, its parameters no text (CorrelAid _index.md)", "_index.md",
			"{{< feature \n    title=\"Data Science for Good.\" \n    color=\"ca-blue-text\"\n    img=\"/images/data-science-for-good.jpg\"\n    href=\"/nonprofits/projects/\"\n    order=\"order-md-0\"\n>}}\nMit einem dezentralen Netzwerk von über {{< param num_members >}} Data Scientists demokratisieren wir so das Potential fortgeschrittener Datenanalyse.\n{{< /feature >}}\n",
			[]string{`kept paragraph: {{< feature title="Data Science for Good." color="ca-blue-text" img="/images/data-science-for-good.jpg" href="/nonprofits/projects/" order="order-md-0" >}}`,
				"paragraph: Mit einem dezentralen Netzwerk von über {{< param num_members >}} Data Scientists demokratisieren wir so das Potential fortgeschrittener Datenanalyse.",
				"kept paragraph: {{< /feature >}}"}},
		{"a shortcode's lines under a paragraph's (CorrelAid data-dialog-berlin.md)", "data-dialog-berlin.md",
			"{{< image \n    image=\"509-datendialog1.jpg\"\n>}}\nCorrelAid X\n{{< /image >}}\n\nAm 5. Oktober steht unser Datendialog „Migration und Integration\" in\nBerlin an.\n",
			[]string{`kept paragraph: {{< image image="509-datendialog1.jpg" >}}`, "paragraph: CorrelAid X", "kept paragraph: {{< /image >}}",
				"paragraph: Am 5. Oktober steht unser Datendialog „Migration und Integration\" in Berlin an."}},
		{"translate=\"no\" and lang=\"en\" in HTML blocks (review finding 9, notr.md)", "notr.md",
			"Ein deutscher Satz.\n\n<p lang=\"en\">This is English already.</p>\n\n<div translate=\"no\">\n\nMarkenname **Bleibt So** hier.\n\n</div>\n\nNoch ein Satz.\n",
			// The text marked translate="no" in Markdown, and the HTML block of another
			// language, are shown, never sent.
			[]string{"paragraph: Ein deutscher Satz.", "kept paragraph: This is English already.", "kept paragraph: Markenname Bleibt So hier.", "paragraph: Noch ein Satz."}},
		{"a one-line paragraph marked translate=\"no\" and a div without a blank line inside (the review's tn.md)", "tn.md",
			"Erster Absatz.\n\n<p translate=\"no\">Markenname GmbH bleibt so.</p>\n\n<div class=\"notranslate\">Ein Block mit Klasse.</div>\n\n<div translate=\"no\">\nZeile im Div ohne Leerzeile.\n</div>\n\nLetzter Absatz.\n",
			[]string{"paragraph: Erster Absatz.", "kept paragraph: Markenname GmbH bleibt so.", "kept paragraph: Ein Block mit Klasse.", "kept paragraph: Zeile im Div ohne Leerzeile.", "paragraph: Letzter Absatz."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tc.in), tc.file, Options{KeepBoilerplate: true})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMarkdownEdgeCodesShown: code document keeps at a block's edges (never sent) is still
// what a reader sees: a list item starting with a code span, a sentence starting with a
// command, a footnote mark at the end (withastro/docs, MIT: contribute.mdx's "`src/*`" list).
func TestMarkdownEdgeCodesShown(t *testing.T) {
	in := "- `src/*` - Der Quellcode deines Projekts.\n\n`npm run dev` startet den Server.\n\nDie Opposition klagt.[^2]\n\n[^2]: Eine Fußnote.\n"
	doc := readString(t, in, Markdown, false)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Text)
	}
	want := []string{"src/* - Der Quellcode deines Projekts.", "npm run dev startet den Server.", "Die Opposition klagt.[^2]", "Eine Fußnote."}
	if !slices.Equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// TestMarkdownKeptBlocksShown: a block of code, math or markup alone is shown, never sent
// (Block.Kept, no sentences), so that text and Markdown output keep it: reading Markdown through
// package document first dropped such blocks, and a real Astro page lost 8 of its 11 headings.
// Lines of de.react.dev (typescript.md, CC BY 4.0) and withastro/docs (tutorial/2-pages/3.mdx,
// MIT); the math, Liquid and admonition in a list item are the review's cases.
func TestMarkdownKeptBlocksShown(t *testing.T) {
	in := "### `useState` {/*typing-usestate*/}\n\n" +
		"Klicke, um herauszufinden, ob du richtig liegst!\n\n" +
		"1. `<p>{operatingSystem}</p>`\n" +
		"2. `{student && <p>Ich bin noch in der Schule.</p>}`\n\n" +
		"$$\nx^2 + y^2\n$$\n\n" +
		"{% include note.html %}\n\n" +
		"1. Erster Schritt ist wichtig.\n\n" +
		"    !!! info \"Hinweis\"\n        Der erste Absatz im Hinweis.\n\n        Der zweite Absatz im Hinweis.\n\n" +
		"2. Zweiter Schritt folgt.\n"
	doc, err := Read(strings.NewReader(in), "typescript.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"kept heading/3: useState",
		"paragraph: Klicke, um herauszufinden, ob du richtig liegst!",
		"kept list-item/1 1.: <p>{operatingSystem}</p>",
		"kept list-item/1 2.: {student && <p>Ich bin noch in der Schule.</p>}",
		"kept paragraph: $$ x^2 + y^2 $$",
		"kept paragraph: {% include note.html %}",
		"list-item/1 1.: Erster Schritt ist wichtig.",
		"heading/2: Hinweis",
		"paragraph: Der erste Absatz im Hinweis.",
		"paragraph: Der zweite Absatz im Hinweis.",
		"list-item/1 2.: Zweiter Schritt folgt.",
	}
	if diff := cmp.Diff(want, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	for _, b := range doc.Blocks {
		if b.Kept && (len(b.Sentences) != 0 || len(b.Lines()) != 1) {
			t.Errorf("kept block %q: sentences %v, lines %q; want none, one line", b.Text, b.Sentences, b.Lines())
		}
	}
	// Markdown output writes a kept block as it is shown: the page's math and Liquid stay
	// math and Liquid, not "\$\$" and "\{%".
	var md strings.Builder
	if err := Render(&md, Markdown, "", doc.Blocks); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"\n$$ x^2 + y^2 $$\n", "\n{% include note.html %}\n", "### useState\n"} {
		if !strings.Contains(md.String(), s) {
			t.Errorf("Markdown output lacks %q:\n%s", s, md.String())
		}
	}
}
