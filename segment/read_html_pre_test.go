package segment

import (
	"os"
	"strings"
	"testing"
)

// Code from the German Rust book's pages (rust-lang-de/rustbook-de, testdata/SOURCES.md).
const (
	rustbookCargoToml = "[package]\nname = \"hello_cargo\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[dependencies]\n"
	rustbookE0384     = "$ cargo run\n   Compiling variables v0.1.0 (file:///projects/variables)\n" +
		"error[E0384]: cannot assign twice to immutable variable `x`\n --> src/main.rs:4:5\n  |\n" +
		"2 |     let x = 5;\n  |         - first assignment to `x`\n"
)

// A <pre> in a page's main text is one Preformatted block, Kept: shown, never sent, its text as
// the page has it (line breaks, indentation, no trimming), with the language of its code. Read
// whole through the extractors, by the walker and streamed alike. Before, every <pre> was
// dropped as "not prose" and a technical page lost its code.
func TestReadHTMLPreformatted(t *testing.T) {
	tests := []struct {
		name, block string
		lang        string // the source language, "de" when ""
		text        string // the Preformatted block's text
		marker      string
		textLang    string
	}{
		{name: "pre alone", block: "<pre>" + htmlEscape(rustbookE0384) + "</pre>", text: rustbookE0384},
		{name: "pre and code with a language", block: `<pre><code class="language-toml">` + rustbookCargoToml + `</code></pre>`,
			text: rustbookCargoToml, marker: "```toml"},
		{name: "the language among other classes", block: `<pre class="playground"><code class="language-rust edition2024">fn main() {` + "\n\n" + `}</code></pre>`,
			text: "fn main() {\n\n}", marker: "```rust"},
		{name: "code without a language", block: `<pre><code>` + rustbookCargoToml + `</code></pre>`, text: rustbookCargoToml, marker: "```"},
		{name: "the language on pre, lang- prefix", block: `<pre class="lang-toml"><code>` + rustbookCargoToml + `</code></pre>`,
			text: rustbookCargoToml, marker: "```toml"},
		{name: "pre in pre, as mdBook writes it", block: `<pre><pre class="playground"><code class="language-rust">fn main() {` + "\n\n" + `}</code></pre></pre>`,
			text: "fn main() {\n\n}", marker: "```rust"},
		{name: "text beside the code is no code block", block: `<pre>Datei: <code>Cargo.toml</code>` + "\n" + rustbookCargoToml + `</pre>`,
			text: "Datei: Cargo.toml\n" + rustbookCargoToml},
		{name: "highlighting spans", block: `<pre><code class="language-rust"><span class="boring">#![allow(unused)]` + "\n" + `</span><span class="boring">fn main() {` + "\n" + `</span>println!("Hallo Welt!");` + "\n" + `<span class="boring">}</span></code></pre>`,
			text: "#![allow(unused)]\nfn main() {\nprintln!(\"Hallo Welt!\");\n}", marker: "```rust"},
		{name: "br in pre", block: `<pre>$ cargo build<br>$ cargo run</pre>`, text: "$ cargo build\n$ cargo run"},
		{name: "a blank first line", block: "<pre>\n\n$ cargo run</pre>", text: "\n$ cargo run"},
		{name: "code standing as a block", block: `<div><code>$ cargo new hello_cargo` + "\n" + `$ cd hello_cargo</code></div>`,
			text: "$ cargo new hello_cargo\n$ cd hello_cargo", marker: "```"},
		{name: "in another language", block: `<pre lang="en">` + htmlEscape(rustbookE0384) + `</pre>`, text: rustbookE0384, textLang: "en"},
		{name: "translate=no around it", block: `<div translate="no"><pre>` + rustbookCargoToml + `</pre></div>`, text: rustbookCargoToml},
		{name: "English source: lang=en is the source", lang: "en", block: `<pre lang="en">` + htmlEscape(rustbookE0384) + `</pre>`, text: rustbookE0384},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := page("<title>Vertreter des US-Außenministeriums besuchten den Kreml</title>",
				`<article><h1>Vertreter des US-Außenministeriums besuchten den Kreml</h1>`+articleBody+tc.block+`<p>`+lastParagraph+`</p></article>`)
			opt := Options{Format: HTML, Lang: tc.lang}
			doc, err := Read(strings.NewReader(in), "page.html", opt)
			if err != nil {
				t.Fatal(err)
			}
			tree, stream, err1, err2 := readBoth(t, in, opt)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			for how, d := range map[string]*Document{"extracted": doc, "walker": tree, "streamed": stream} {
				checkPreBlock(t, how, d, tc.text, tc.marker, tc.textLang)
			}
		})
	}
}

// lastParagraph follows the block in TestReadHTMLPreformatted, so that it stands inside the
// article (the seed article's last sentence).
const lastParagraph = "Die Gespräche sollen im Januar in Genf fortgesetzt werden, hieß es aus Diplomatenkreisen."

// checkPreBlock checks that doc has one Preformatted block, of text want, between the article's
// paragraphs, and that no sentence holds its text.
func checkPreBlock(t *testing.T, how string, doc *Document, want, marker, lang string) {
	t.Helper()
	var pre []Block
	at := -1
	for i, b := range doc.Blocks {
		if b.Kind == Preformatted {
			pre, at = append(pre, b), i
		}
	}
	if len(pre) != 1 {
		t.Fatalf("%s: %d preformatted blocks, want 1: %q", how, len(pre), blockSummary(doc.Blocks))
	}
	b := pre[0]
	if b.Text != want || b.Marker != marker || b.Lang != lang || !b.Kept || len(b.Sentences) > 0 || len(b.Code) > 0 {
		t.Errorf("%s: got %q %q lang %q kept %v, %d sentences; want %q %q lang %q kept", how, b.Text, b.Marker, b.Lang, b.Kept, len(b.Sentences), want, marker, lang)
	}
	if at == 0 || at+1 >= len(doc.Blocks) || !strings.HasPrefix(doc.Blocks[at-1].Text, "Nach Angaben") || doc.Blocks[at+1].Text != lastParagraph {
		t.Errorf("%s: the block is not in its place: %q", how, blockSummary(doc.Blocks))
	}
	firstLine, _, _ := strings.Cut(strings.TrimSpace(want), "\n")
	for _, o := range doc.Blocks {
		for _, s := range o.Sentences {
			if strings.Contains(s.Text, strings.TrimSpace(firstLine)) {
				t.Errorf("%s: the code is in a sentence: %q", how, s.Text)
			}
		}
	}
}

// htmlEscape escapes the text of a <pre> (the compiler's "-->").
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// rustbookPre are the code blocks of testdata/html/rustbook-de-hello-world.html (a cut of the
// German Rust book's "Hallo Welt" page, mdBook's HTML), each with the paragraph before it.
var rustbookPre = []struct{ before, marker, text string }{
	{"Gib dies bei Linux, macOS und PowerShell unter Windows ein:", "```console", "$ mkdir ~/projects\n$ cd ~/projects\n$ mkdir hello_world\n$ cd hello_world\n"},
	{"Bei Windows CMD gib dies ein:", "```cmd", "> mkdir \"%USERPROFILE%\\projects\"\n> cd /d \"%USERPROFILE%\\projects\"\n> mkdir hello_world\n> cd hello_world\n"},
	{"Dateiname: main.rs", "```rust", "fn main() {\n    println!(\"Hallo Welt!\");\n}"},
	{"Speichere die Datei", "```console", "$ rustc main.rs\n$ ./main\nHallo Welt!\n"},
	{"Unter Windows gib den Befehl", "```powershell", "> rustc main.rs\n> .\\main\nHallo Welt!\n"},
	{"Lass uns im Detail anschauen", "```rust", "fn main() {\n\n}"},
	{"Innerhalb der Funktion main befindet sich der folgende Code:", "```rust", "#![allow(unused)]\nfn main() {\nprintln!(\"Hallo Welt!\");\n}"},
}

// TestReadHTMLPreformattedPage reads a real technical page: its seven code blocks stand where
// the page has them, byte for byte, with their languages, and none of their lines is a sentence.
func TestReadHTMLPreformattedPage(t *testing.T) {
	data, doc := readRustbookPage(t)
	tree, stream, err1, err2 := readBoth(t, string(data), Options{})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	for how, d := range map[string]*Document{"extracted": doc, "walker": tree, "streamed": stream} {
		n := 0
		for i, b := range d.Blocks {
			if b.Kind != Preformatted {
				for _, s := range b.Sentences {
					if strings.Contains(s.Text, "mkdir") || strings.Contains(s.Text, "fn main") {
						t.Errorf("%s: code in a sentence: %q", how, s.Text)
					}
				}
				continue
			}
			if n >= len(rustbookPre) {
				t.Errorf("%s: an extra preformatted block %q", how, b.Text)
				continue
			}
			want := rustbookPre[n]
			n++
			if b.Text != want.text || b.Marker != want.marker || !b.Kept || b.Lang != "" {
				t.Errorf("%s: block %d: %q %q kept %v, want %q %q", how, n, b.Text, b.Marker, b.Kept, want.text, want.marker)
			}
			if i == 0 || !strings.HasPrefix(d.Blocks[i-1].Text, want.before) {
				t.Errorf("%s: block %d does not follow %q", how, n, want.before)
			}
		}
		if n != len(rustbookPre) {
			t.Errorf("%s: %d preformatted blocks, want %d", how, n, len(rustbookPre))
		}
	}
}

// readRustbookPage reads the German Rust book's hello-world page (testdata/SOURCES.md): its
// bytes and the document read from them.
func readRustbookPage(t *testing.T) ([]byte, *Document) {
	t.Helper()
	data, err := os.ReadFile("testdata/html/rustbook-de-hello-world.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(strings.NewReader(string(data)), "hello-world.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	return data, doc
}
