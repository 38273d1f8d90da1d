package document

import (
	"bytes"
	"os"
	"slices"
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
			want:    []string{"<h1 id=\"kopf\">Kopf</h1>", "<title>Kopf</title>"},
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

// TestMarkdownToHTMLLineEndings: the page converted from a Markdown file ends its lines as the
// file does, every one of them (goldmark writes its own tags with LF and a code block's lines
// as they were), and starts with the file's byte-order mark, which is no text of its first
// heading. artikel.md as written, with CRLF, with a mark, and from its heading on.
func TestMarkdownToHTMLLineEndings(t *testing.T) {
	md, err := os.ReadFile("testdata/artikel.md")
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(md, []byte("\n"), []byte("\r\n"))
	_, body, _ := bytes.Cut(md, []byte("---\n\n")) // from its heading on
	mark := func(b []byte) []byte { return append(slices.Clip(utf8BOM), b...) }
	for _, tc := range []struct {
		name      string
		md        []byte
		crlf, bom bool
	}{
		{"LF", md, false, false},
		{"CRLF", crlf, true, false},
		{"CRLF with a mark", mark(crlf), true, true},
		{"heading first, with a mark", mark(body), false, true},
		{"heading first, CRLF, with a mark", mark(bytes.ReplaceAll(body, []byte("\n"), []byte("\r\n"))), true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := MarkdownToHTML(&b, tc.md, "en"); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			breaks, crlfs := strings.Count(page, "\n"), strings.Count(page, "\r\n")
			if tc.crlf && crlfs != breaks || !tc.crlf && crlfs != 0 {
				t.Errorf("%d line breaks, %d of them CRLF", breaks, crlfs)
			}
			if strings.HasPrefix(page, "\ufeff") != tc.bom || strings.Count(page, "\ufeff") > 1 {
				t.Errorf("byte-order mark: want %v, page starts %q", tc.bom, page[:20])
			}
			if !strings.Contains(page, "<h1 id=\"neue-brücke-für-die-altstadt\">Neue Brücke für die Altstadt</h1>") || !strings.Contains(page, "<title>Neue Brücke für die Altstadt</title>") {
				t.Errorf("the first heading is not the page's <h1> and title:\n%s", page)
			}
		})
	}
}
