package segment

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
)

// seedCorpus adds the seed articles and this package's test articles to a fuzz corpus.
func seedCorpus(f *testing.F, files ...string) {
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
}

func FuzzSplitSentences(f *testing.F) {
	for _, c := range germanCases {
		f.Add(c.in, false)
	}
	for _, c := range englishCases {
		f.Add(c.in, true)
	}
	f.Fuzz(func(t *testing.T, text string, en bool) {
		lang := "de"
		if en {
			lang = "en"
		}
		spans := SplitSentences(text, lang)
		checkSpans(t, text, spans)
	})
}

func FuzzWords(f *testing.F) {
	for _, c := range germanCases {
		f.Add(c.in, false)
	}
	f.Add("NATO- und [NATO-]Generalsekretär z.B. U.S. 1.000,5 15. 12:30 don't ...", true)
	f.Fuzz(func(t *testing.T, text string, en bool) {
		lang := "de"
		if en {
			lang = "en"
		}
		checkTokens(t, text, Words(text, lang))
	})
}

// checkRead runs Read and checks what every successful result must satisfy.
func checkRead(t *testing.T, data string, f Format) {
	for _, keep := range []bool{false, true} {
		doc, err := Read(strings.NewReader(data), "fuzz", Options{Format: f, KeepBoilerplate: keep})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			if errors.Is(err, ErrEmpty) {
				if strings.TrimFunc(strings.TrimPrefix(data, "\ufeff"), unicode.IsSpace) != "" && textcheck.UTF16Pattern([]byte(data)) == textcheck.NotUTF16 && !strings.HasPrefix(data, "\xff\xfe") && !strings.HasPrefix(data, "\xfe\xff") {
					t.Fatalf("input with content called empty: %v", err)
				}
				continue
			}
			if utf8.ValidString(data) && strings.IndexByte(data, 0) < 0 && !strings.HasPrefix(data, "\xff\xfe") && !strings.HasPrefix(data, "\xfe\xff") {
				if f == HTML && errors.Is(err, ErrBinary) && notText(data) {
					continue // valid UTF-8, but no page: control characters, or a PDF, image, archive
				}
				t.Fatalf("valid input rejected: %v", err)
			}
			continue
		}
		for _, b := range doc.Blocks {
			if b.Kind == Preformatted {
				// Its text as the page has it, lines and indentation kept: shown, never sent.
				if !b.Kept || len(b.Sentences) != 0 || strings.TrimSpace(b.Text) == "" || strings.Contains(b.Text, "\r") || unmarked(b.Text) != b.Text || !utf8.ValidString(b.Text) {
					t.Fatalf("bad preformatted block %+v", b)
				}
				continue
			}
			if b.Text == "" || strings.ContainsAny(b.Text, "\n\r") || strings.TrimSpace(b.Text) != b.Text {
				t.Fatalf("bad block text %q", b.Text)
			}
			if !utf8.ValidString(b.Text) {
				t.Fatalf("invalid UTF-8 in block %q", b.Text)
			}
			if b.Kept {
				// Shown, never sent: no sentences.
				if len(b.Sentences) != 0 {
					t.Fatalf("kept block %q has sentences %v", b.Text, b.Sentences)
				}
				continue
			}
			checkSpans(t, b.Text, b.Sentences)
		}
		if keep && f == Text { // Markdown code and HTML scripts are never text
			for _, r := range doc.Removed {
				if (r.Kind == Removed || r.Kind == Tidied) && !strings.HasPrefix(r.Reason, "soft hyphen") {
					t.Fatalf("keep: removed %+v", doc.Removed)
				}
			}
		}
	}
}

// notText reports data a page reader may refuse as binary although it is valid UTF-8: it starts
// as a file of another kind does ("%PDF-", "GIF8", "PK\x03\x04"), or holds eight or more
// control characters no text has (not tab, line feed, carriage return, form feed or escape)
// among its first 8 KiB, one byte in a hundred of them. Eight such bytes and nothing else
// ("\x03" eight times, a fuzz finding) are no page: the refusal is right, and the invariant
// that valid UTF-8 is read allows it. The count is written out here, not taken from
// refuseBinary, so that a wider refusal fails this test.
func notText(data string) bool {
	for _, m := range binaryMagic {
		if strings.HasPrefix(data, m.magic) {
			return true
		}
	}
	head := data[:min(len(data), 8<<10)]
	controls := strings.Count(head, "\x7f")
	for c := byte(0); c < 0x20; c++ {
		if c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			controls += strings.Count(head, string(rune(c)))
		}
	}
	return controls >= 8 && controls*100 > len(head)
}

func FuzzReadText(f *testing.F) {
	seedCorpus(f, "../testdata/articles/nato-russland.txt", "../testdata/articles/us-kreml.txt", "../testdata/segment/bullets.txt")
	f.Add("Titel\n\n- a\n- b\n\n1. x\n2. y\n\nText. < /p> . , Leave a Reply")
	f.Add("\xef\xbb\xbfa\r\nb\x00")
	f.Add("\xff\xfeG\x00r\x00\xfc\x00\xdf\x00e\x00.\x00")
	f.Add("G\x00r\x00\xfc\x00\xdf\x00e\x00.\x00")
	f.Add("Gr\xfc\xdfe.")
	f.Add(" \n\t")
	f.Fuzz(func(t *testing.T, data string) { checkRead(t, data, Text) })
}

func FuzzReadMarkdown(f *testing.F) {
	seedCorpus(f, "../testdata/segment/nato-russland.md")
	f.Add("# T\n\n* a\n    * b\n\n```\ncode\n```\n> q\n[x](y) ![i](j) `c` **b** <b>x</b> \\*")
	f.Add("Der Operator `a != b` und <code> [ </code>, `?`. `unclosed\n\n> `x  y` ]")
	f.Fuzz(func(t *testing.T, data string) { checkRead(t, data, Markdown) })
}

func FuzzReadHTML(f *testing.F) {
	seedCorpus(f, "../testdata/segment/us-kreml.html")
	f.Add("<nav>x</nav><h1>T</h1><p>a<br>b &lt; /p&gt;</p><ul><li>x<ol><li>y</ol></ul><pre>c</pre>")
	f.Add(`<meta charset="iso-8859-1"><p>Gr` + "\xfc" + `</p>`)
	f.Add(`<head><title>x</title><meta http-equiv="content-type" content="text/html; charset=windows-1252"></head><p>Gr` + "\xfc\x84\x93" + `</p>`)
	f.Add("<p>ein l\xe4ngerer Text mit \x00 einem Nullbyte</p>")
	f.Add("\xfe\xff\x00<\x00p\x00>\x00T")
	f.Add(`<article><p>Gib dies ein:</p><pre><pre class="playground"><code class="language-rust edition2024"><span class="boring">fn main() {` + "\n" + `</span>println!("Hallo Welt!");` + "\r\n" + `<span class="boring">}</span></code></pre></pre><div lang="en"><code>a` + "\n" + `b</code><p translate="no">x</p></div></article>`)
	f.Add(page("<title>Titel des Artikels | Seite</title>", `<header><h1><a href="/">Seite</a></h1></header><article>`+articleBody+`</article>`))
	f.Add(`<h1><span class="kicker">Dachzeile</span><span>Die Schlagzeile hier</span></h1><p>Stand: 12.03.2024 18:05 Uhr</p><p>Von A B</p><p>Text (Foto: X/dpa) hier. Mehr Text.</p><p>Lesen Sie auch: Y</p><p>© dpa</p>`)
	f.Add(`<head><meta name="description" content="Der Vorspann des Artikels steht hier und ist lang genug."></head><h1>Kopf<b>Zeile</b></h1><p>Der Vorspann des Artikels steht hier und ist lang genug.</p><article><p>` + strings.Repeat("Ein Satz im Artikel. ", 30) + `</p></article>`)
	f.Fuzz(func(t *testing.T, data string) { checkRead(t, data, HTML) })
}

// FuzzRenderMarkdown checks that rendering a paragraph, heading or list item as Markdown and
// reading it back gives the same text: escaping must neutralise every markup character.
func FuzzRenderMarkdown(f *testing.F) {
	f.Add("Ein *Absatz* mit [Klammern](x) und `Code`.", 0)
	f.Add("1. FC Köln", 0)
	f.Add("# nein", 2)
	f.Fuzz(func(t *testing.T, text string, kind int) {
		// Soft hyphens are dropped on reading in every format (they are hyphenation hints, not
		// text), so a block holding one cannot read back the same.
		// (After the NUL bytes go: "\xc2\x00\xad" is a soft hyphen once the NUL is removed.)
		text = strings.ToValidUTF8(strings.ReplaceAll(text, "\x00", ""), "?")
		text = normalizeSpace(strings.ReplaceAll(text, "\u00ad", ""))
		if !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return // no letter or digit: no text block (translate sends none)
		}
		b := Block{Kind: []BlockKind{Paragraph, Heading, ListItem}[uint(kind)%3], Level: 1, Marker: "-", Text: text}
		var buf bytes.Buffer
		if err := Render(&buf, Markdown, "", []Block{b}); err != nil {
			t.Fatal(err)
		}
		doc, err := Read(&buf, "x.md", Options{KeepBoilerplate: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) != 1 || doc.Blocks[0].Text != text || doc.Blocks[0].Kind != b.Kind {
			t.Fatalf("%s %q rendered as %q, read back as %+v", b.Kind, text, buf.String(), doc.Blocks)
		}
	})
}
