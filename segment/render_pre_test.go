package segment

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
)

// rustbookDocComment is a Rust doc comment with a Markdown code block inside, from the German
// Rust book's chapter 14.2 (testdata/SOURCES.md): written as Markdown, its "```" lines must not
// close the fence around it.
const rustbookDocComment = "/// Adds one to the number given\n///\n/// # Examples \n///\n/// ```\n/// let arg = 5;\n" +
	"/// let answer = my_crate::add_one(arg);\n///\n/// assert_eq!(6, answer);\n/// ```\n" +
	"pub fn add_one(x: i32) -> i32 {\n    x + 1\n}"

// A Preformatted block is written as <pre> (with <code class="language-…"> when it is code),
// as a fenced code block in Markdown and as its lines in text; a kept block in another language
// says so in HTML. Before, a kept block was always a <p> on one line, its lang lost.
func TestRenderPreformatted(t *testing.T) {
	tests := []struct {
		name            string
		block           Block
		html, md, plain string
	}{
		{"code with a language", Block{Kind: Preformatted, Kept: true, Marker: "```toml", Text: rustbookCargoToml},
			"<pre><code class=\"language-toml\">[package]\nname = &#34;hello_cargo&#34;\nversion = &#34;0.1.0&#34;\nedition = &#34;2024&#34;\n\n[dependencies]\n</code></pre>\n",
			"```toml\n" + rustbookCargoToml + "```\n", rustbookCargoToml},
		{"preformatted text, not code", Block{Kind: Preformatted, Kept: true, Text: "$ cargo run\n   Compiling variables v0.1.0"},
			"<pre>$ cargo run\n   Compiling variables v0.1.0</pre>\n",
			"```\n$ cargo run\n   Compiling variables v0.1.0\n```\n", "$ cargo run\n   Compiling variables v0.1.0\n"},
		{"a blank first line, which <pre> would drop", Block{Kind: Preformatted, Kept: true, Text: "\n$ cargo run"},
			"<pre>\n\n$ cargo run</pre>\n", "```\n\n$ cargo run\n```\n", "\n$ cargo run\n"},
		{"a fence inside", Block{Kind: Preformatted, Kept: true, Marker: "```rust", Text: rustbookDocComment},
			"", "````rust\n" + rustbookDocComment + "\n````\n", rustbookDocComment + "\n"},
		{"in another language", Block{Kind: Preformatted, Kept: true, Lang: "en", Text: "error: could not compile `variables`"},
			"<pre lang=\"en\">error: could not compile `variables`</pre>\n", "", ""},
		{"a kept paragraph in another language", Block{Kind: Paragraph, Kept: true, Lang: "en", Text: "We are making government services simpler for everyone."},
			"<p lang=\"en\">We are making government services simpler for everyone.</p>\n", "", ""},
		{"a kept heading in another language", Block{Kind: Heading, Level: 2, Kept: true, Lang: "en-GB", Text: "Keyboard shortcuts"},
			"<h2 lang=\"en-GB\">Keyboard shortcuts</h2>\n", "", ""},
		{"a kept list item in another language", Block{Kind: ListItem, Level: 1, Marker: "-", Kept: true, Lang: "fr", Text: "Si vous êtes bloqué, essayez nos ressources communautaires."},
			"<ul>\n<li lang=\"fr\">Si vous êtes bloqué, essayez nos ressources communautaires.</li>\n</ul>\n", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range []struct {
				format Format
				want   string
			}{{HTML, tc.html}, {Markdown, tc.md}, {Text, tc.plain}} {
				if f.want == "" {
					continue
				}
				var buf bytes.Buffer
				if err := Render(&buf, f.format, "T", []Block{tc.block}); err != nil {
					t.Fatal(err)
				}
				got := buf.String()
				if f.format == HTML {
					got = strings.TrimSuffix(got[strings.Index(got, "<body>\n")+len("<body>\n"):], "</body>\n</html>\n")
				}
				if got != f.want {
					t.Errorf("%s:\n got %q\nwant %q", f.format, got, f.want)
				}
			}
		})
	}
}

// TestRenderPreformattedPage renders the real page's blocks as a page and as Markdown, and reads
// them back (the Markdown through goldmark's HTML, package document's): every code block comes
// back in its place, byte for byte (Markdown's ends in a line break), with its language.
func TestRenderPreformattedPage(t *testing.T) {
	_, doc := readRustbookPage(t)
	blocks := append(doc.Blocks, Block{Kind: Preformatted, Kept: true, Marker: "```rust", Text: rustbookDocComment})
	var page, md, fromMD bytes.Buffer
	if err := Render(&page, HTML, "Hallo Welt", blocks); err != nil {
		t.Fatal(err)
	}
	if err := Render(&md, Markdown, "", blocks); err != nil {
		t.Fatal(err)
	}
	if err := document.MarkdownToHTML(&fromMD, md.Bytes(), "de"); err != nil {
		t.Fatal(err)
	}
	for how, out := range map[string]string{"page": page.String(), "Markdown": fromMD.String()} {
		back, err := Read(strings.NewReader(out), "back.html", Options{KeepBoilerplate: true})
		if err != nil {
			t.Fatal(err)
		}
		var got []Block
		for _, b := range back.Blocks {
			if b.Kind == Preformatted {
				got = append(got, b)
			}
		}
		var want []Block
		for _, b := range blocks {
			if b.Kind == Preformatted {
				if how == "Markdown" && !strings.HasSuffix(b.Text, "\n") {
					b.Text += "\n" // a fenced block's last line ends
				}
				want = append(want, b)
			}
		}
		if len(got) != len(want) || len(want) != len(rustbookPre)+1 {
			t.Fatalf("%s: %d code blocks back, want %d:\n%s", how, len(got), len(want), out)
		}
		for i := range want {
			if got[i].Text != want[i].Text || got[i].Marker != want[i].Marker {
				t.Errorf("%s: block %d: %q %q, want %q %q", how, i, got[i].Text, got[i].Marker, want[i].Text, want[i].Marker)
			}
		}
	}
}
