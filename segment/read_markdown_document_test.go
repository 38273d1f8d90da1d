package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The blocks segment reads from Markdown are the text translate sends of it (package document's
// reader): before, segment's own reader sent code in list items, shortcode parameters, aside
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
			[]string{"paragraph: Mit einem dezentralen Netzwerk von über {{< param num_members >}} Data Scientists demokratisieren wir so das Potential fortgeschrittener Datenanalyse."}},
		{"a shortcode's lines under a paragraph's (CorrelAid data-dialog-berlin.md)", "data-dialog-berlin.md",
			"{{< image \n    image=\"509-datendialog1.jpg\"\n>}}\nCorrelAid X\n{{< /image >}}\n\nAm 5. Oktober steht unser Datendialog „Migration und Integration\" in\nBerlin an.\n",
			[]string{"paragraph: CorrelAid X", "paragraph: Am 5. Oktober steht unser Datendialog „Migration und Integration\" in Berlin an."}},
		{"translate=\"no\" and lang=\"en\" in HTML blocks (review finding 9, notr.md)", "notr.md",
			"Ein deutscher Satz.\n\n<p lang=\"en\">This is English already.</p>\n\n<div translate=\"no\">\n\nMarkenname **Bleibt So** hier.\n\n</div>\n\nNoch ein Satz.\n",
			[]string{"paragraph: Ein deutscher Satz.", "paragraph: Noch ein Satz."}},
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
