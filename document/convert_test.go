package document

import (
	"bytes"
	"strings"
	"testing"
)

func TestMarkdownToHTML(t *testing.T) {
	for _, tc := range []struct {
		name, md, lang string
		want, wantNot  []string
	}{
		{
			name: "title from the first heading, escaped, language",
			md:   "Vorwort.\n\n## Kosten & \\<Nutzen\\> `x`\n\n# Später\n",
			lang: "en-GB",
			want: []string{`<html lang="en-GB">`, "<title>Kosten &amp; &lt;Nutzen&gt; x</title>", "<p>Vorwort.</p>"},
		},
		{
			name:    "YAML front matter left out",
			md:      "---\ntitle: Brücke\ntags: [a]\n---\n\nText.\n",
			want:    []string{"<p>Text.</p>", `<html lang="en">`},
			wantNot: []string{"tags", "<hr", "<title>"},
		},
		{
			name:    "TOML front matter left out",
			md:      "+++\ntitle = \"Brücke\"\n+++\n# Kopf\n",
			want:    []string{"<h1>Kopf</h1>", "<title>Kopf</title>"},
			wantNot: []string{"+++", "title ="},
		},
		{
			name: "a rule is no front matter unless it opens the file",
			md:   "Text.\n\n---\n\nMehr.\n",
			want: []string{"<p>Text.</p>", "<hr>", "<p>Mehr.</p>"},
		},
		{
			name: "GitHub tables, strikethrough, autolinks, footnotes",
			md:   "| a | b |\n| - | - |\n| 1 | 2 |\n\n~~alt~~ https://example.org und Fußnote[^1].\n\n[^1]: Die Notiz.\n",
			want: []string{"<table>", "<del>alt</del>", `<a href="https://example.org">`, "Die Notiz."},
		},
		{
			name:    "escaped markup stays text",
			md:      "Ein \\<script\\>alert(1)\\</script\\> Text.\n",
			want:    []string{"&lt;script&gt;alert(1)&lt;/script&gt;"},
			wantNot: []string{"<script>"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := MarkdownToHTML(&b, []byte(tc.md), tc.lang); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			if !strings.HasPrefix(got, "<!DOCTYPE html>\n") || !strings.HasSuffix(got, "</body>\n</html>\n") {
				t.Errorf("not a whole page:\n%s", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %q in\n%s", w, got)
				}
			}
		})
	}
}
