package document

import (
	"strings"
	"testing"
)

// TestMarkdownEscapesTranslations: a translation's words stay words. Each case translates the
// one segment of a document; want is the output, and reading it again gives one segment of the
// same kind whose words are the translation's.
func TestMarkdownEscapesTranslations(t *testing.T) {
	tests := []struct {
		name, src, tr, want string
	}{
		{"ordered list", "Der 1. FC Köln gewann.\n", "1. FC Köln won.", "1\\. FC Köln won.\n"},
		{"ordered list paren", "Erstens.\n", "1) First.", "1\\) First.\n"},
		{"heading", "Zweiter Absatz\n", "# Second paragraph", "\\# Second paragraph\n"},
		{"quote", "Dritter Absatz\n", "> Third", "\\> Third\n"},
		{"bullet", "Ein Punkt\n", "- a point", "\\- a point\n"},
		{"plus bullet", "Ein Punkt\n", "+ a point", "\\+ a point\n"},
		{"thematic break", "Ein Strich\n", "--- the end", "\\--- the end\n"},
		{"fence", "Wellen\n", "~~~ waves", "\\~~~ waves\n"},
		{"minus number stays", "Minus fünf Grad\n", "-5 degrees", "-5 degrees\n"},
		{"indented code", "Text\n", "    code?", "code?\n"},
		{"emphasis and html", "Vierter Absatz hier\n", "Fourth *paragraph* here <b>", "Fourth \\*paragraph\\* here \\<b>\n"},
		{"link and code", "Text\n", "see [x](y) and `z` \\ end", "see \\[x\\](y) and \\`z\\` \\\\ end\n"},
		{"underscore", "Text\n", "snake_case and _em_", "snake_case and \\_em\\_\n"},
		{"strikethrough", "Text\n", "a ~~struck~~ and ~x~ word", "a \\~\\~struck\\~\\~ and \\~x\\~ word\n"},
		{"three tildes are text", "Text\n", "a ~~~ b ~~~~ c", "a ~~~ b ~~~~ c\n"},
		{"tilde fence", "Text\n", "~~~~ waves ~~ x ~~", "\\~~~~ waves \\~\\~ x \\~\\~\n"},
		{"list item keeps its marker", "- Erster Punkt\n", "# first point", "- \\# first point\n"},
		{"nested list in item", "- Der 1. FC\n", "1. FC won", "- 1\\. FC won\n"},
		{"quote keeps its marker", "> Zitat hier\n", "> quote", "> \\> quote\n"},
		{"heading keeps its marker", "## Überschrift\n", "Title #", "## Title \\#\n"},
		{"heading inner hash", "## Überschrift\n", "C# rocks", "## C# rocks\n"},
		{"line break", "Text\n", "one\n# two", "one # two\n"},
		{"not at start", "Text\n", "won 1. place - really > all", "won 1. place - really > all\n"},
		{"table cell", "| Wert | Zahl |\n|---|---|\n| eins | 1 |\n", "value | one", "| Wert | Zahl |\n|---|---|\n| value \\| one | 1 |\n"},
		{"code kept", "Nimm `a|b` und **fett**\n", "Take <x1/> and <g2>bold*</g2>", "Take `a|b` and **bold\\***\n"},
		{"source escape sent plain", "Preis \\*netto\\*\n", "Price *net*", "Price \\*net\\*\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			targets := d.Identity()
			k := len(targets) - 1
			if tc.name == "table cell" {
				k = 2 // the first cell of the body row
			}
			if tc.name == "source escape sent plain" && d.Segments[0].Text != "Preis *netto*" {
				t.Errorf("segment %q, want the escapes read as their characters", d.Segments[0].Text)
			}
			targets[k] = EscapeText(tc.tr)
			if strings.Contains(tc.tr, "<x1/>") {
				targets[k] = tc.tr
			}
			out, probs := write(t, d, targets, "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if out != tc.want {
				t.Errorf("wrote %q, want %q", out, tc.want)
			}
			d2, err := Read(strings.NewReader(out), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d2.Segments) != len(d.Segments) || d2.Segments[k].Kind != d.Segments[k].Kind {
				t.Fatalf("read back %+v, want the structure of %+v", d2.Segments, d.Segments)
			}
			if got, want := Plain(d2.Segments[k].Text), strings.TrimSpace(strings.ReplaceAll(Plain(targets[k]), "\n", " ")); got != want {
				t.Errorf("read back the words %q, want %q", got, want)
			}
		})
	}
}
