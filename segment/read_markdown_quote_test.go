package segment

import (
	"os"
	"strings"
	"testing"
)

// What a block quote holds is read as it is outside one, and heading ids are markup. Before, the
// Rust book's quoted "### Auflösen des Stacks …" was a paragraph starting with "###", its quoted
// code fence the sentence "toml [profile.release] panic = 'abort'", and react.dev's headings
// ended in "{/using-react-for-…/}". Fixtures: testdata/markdown (segment/testdata/SOURCES.md).
func TestMarkdownQuotesAndHeadingIDs(t *testing.T) {
	for _, tc := range []struct {
		file     string
		headings []string // every heading, in order
		absent   []string // text no block may hold
	}{
		{"rustbook-de-ch09-01.md",
			// The heading's code span at its end ("`panic!`") is not sent (a code at a
			// segment's edge stays in the document), but a reader sees it.
			[]string{"Nicht behebbare Fehler mit panic!", "Auflösen des Stacks oder Abbrechen als Fehlerreaktion"},
			[]string{"###", "profile.release", "panic = 'abort'\n"}},
		{"react-de-add-react.md",
			[]string{"React für eine ganze Subroute einer bestehenden Webseite verwenden", "React für einen Teil deiner bestehenden Seite verwenden", "Schritt 1: Setze eine modulare JavaScript-Umgebung auf"},
			[]string{"{/", "/}"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/markdown/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(strings.NewReader(string(data)), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var headings []string
			for _, b := range doc.Blocks {
				if b.Kind == Heading {
					headings = append(headings, b.Text)
				}
				for _, a := range tc.absent {
					if strings.Contains(b.Text, a) {
						t.Errorf("block %q holds %q", b.Text, a)
					}
				}
			}
			if strings.Join(headings, "\n") != strings.Join(tc.headings, "\n") {
				t.Errorf("headings %q, want %q", headings, tc.headings)
			}
		})
	}
}

func TestMarkdownQuoteStructure(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		// Kinds and texts of the blocks, one per line.
		{"quote interrupts a paragraph", "Absatz davor.\n> Zitat.", "paragraph: Absatz davor.\nparagraph: Zitat."},
		// A lazy continuation line is a paragraph of its own, as translate sends it (its
		// translation written on the quote's line would change the quote's lines).
		{"lazy continuation", "> Zitat geht\nweiter.", "paragraph: Zitat geht\nparagraph: weiter."},
		{"fence left open in a quote", "> ```toml\n> [profile.release]\n\nDanach Text.", "paragraph: Danach Text."},
		{"nested quote heading", "> > ## Titel\n> > Text.", "heading: Titel\nparagraph: Text."},
		{"list in a quote", "> - eins\n> - zwei", "list-item: eins\nlist-item: zwei"},
		{"heading ids", "# Titel {#titel}\n\n## Hooks {/*hooks*/}\n\n## Menge {a, b}", "heading: Titel\nheading: Hooks\nheading: Menge {a, b}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tc.in), "x.md", Options{KeepBoilerplate: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Blocks {
				got = append(got, string(b.Kind)+": "+b.Text)
			}
			if g := strings.Join(got, "\n"); g != tc.want {
				t.Errorf("got\n%s\nwant\n%s", g, tc.want)
			}
		})
	}
}
