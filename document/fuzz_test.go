package document

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzRead checks a reader: no panic, every segment's codes numbered in order, and for formats
// that promise it, the identity round trip is byte-identical; a translation that breaks every
// tag still writes.
func fuzzRead(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b))
		} else {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Read(strings.NewReader(src), name, Options{})
		if err != nil {
			return
		}
		for _, s := range d.Segments {
			for i, c := range s.Codes {
				if c.ID != i+1 {
					t.Fatalf("segment %q: code %d has ID %d", s.Text, i, c.ID)
				}
			}
			if err := CheckTags(s.Codes, s.Text); err != nil {
				t.Fatalf("segment %q fails its own check: %v", s.Text, err)
			}
		}
		var b bytes.Buffer
		if _, err := d.Write(&b, d.Identity(), WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		switch {
		case d.Decoded != "" || d.hasDecl && !isASCII([]byte(src)):
			// Decoded from another encoding, or declaring one while holding more than ASCII:
			// the output is UTF-8 and says so, so it is not the input's bytes; it reads back as
			// UTF-8 into the same segments.
			if !utf8.Valid(b.Bytes()) {
				t.Fatalf("output of %s is not UTF-8: %q", d.Decoded, b.String())
			}
			d2, err := Read(bytes.NewReader(b.Bytes()), name, Options{})
			if err != nil {
				t.Fatalf("output of %q does not read back: %v\n%q", d.Decoded, err, b.String())
			}
			// (.po and XLIFF write the identity as translations, which are not read again.)
			if d2.Decoded != "" || d.Format != PO && d.Format != XLIFF && !slices.Equal(d2.Identity(), d.Identity()) {
				t.Fatalf("output read back as %q, segments %q, want UTF-8, %q", d2.Decoded, d2.Identity(), d.Identity())
			}
		case d.Format == HTML, d.Format == Markdown, d.Format == SRT, d.Format == VTT:
			if b.String() != src {
				t.Fatalf("identity round trip differs:\n%q\n%q", src, b.String())
			}
		}
		b.Reset()
		if _, err := d.Write(&b, translateAll(d, breakTags), WriteOptions{TargetLang: "en"}); err != nil {
			t.Fatal(err)
		}
		if d.Decoded != "" {
			return // the line breaks counted below are the input's bytes, not its text's
		}
		// Translations answered over lines are written with the input's line ending.
		breaks, crlf := strings.Count(src, "\n"), strings.Count(src, "\r\n")
		for _, eol := range []string{"\n", "\r\n"} {
			b.Reset()
			if _, err := d.Write(&b, translateAll(d, overLines(eol)), WriteOptions{TargetLang: "en"}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if breaks > 0 && crlf == breaks && strings.Count(src, "\r") == crlf && strings.Count(out, "\n") != strings.Count(out, "\r\n") {
				t.Fatalf("a CRLF input written with a bare LF (translations broken with %q):\n%q\n%q", eol, src, out)
			}
			if !strings.Contains(src, "\r") && strings.Contains(out, "\r") {
				t.Fatalf("an LF input written with a CR (translations broken with %q):\n%q\n%q", eol, src, out)
			}
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	fuzzRead(f, "x.html", "testdata/artikel.html", "testdata/windows/okapi-ruby.html", "testdata/windows/okapi-FFFEBOM.html", `<p lang=de title='a'>x<a>y</b>z<code>q</p>`, "<title>&amp;</title><p>a<br/>b",
		"<meta charset=iso-8859-1><p>Gr\xfc\xdfe</p>", "\xff\xfe<\x00p\x00>\x00\xfc\x00",
		`<p>a <svg><title>T</title><text>u<tspan>v</tspan></text></svg> <a title=t>b</a></p><noscript><p>x<noscript>y</p></noscript><select><option label=l>o</select>`,
		`<div translate=no>a<p translate=yes>b<div>c</div>d</div>e<span lang=en>f<b lang=de>g</span>h</b><i class=notranslate>j<u translate>k</u>l<u translate>m</i>`,
		"<div style='white-space:pre-line'>a\r\nb<span style=white-space:normal>c\nd</span>\n</div>x&shy;y https://a.b <img alt=1.JPG>")
}

func FuzzReadMarkdown(f *testing.F) {
	fuzzRead(f, "x.md", "testdata/artikel.md", "testdata/markdown/k8s-controller.md", "a *b **c** d* [e](f) `g`\n", "\ufeff# a\n\n- b\n", "---\r\ntitle: 'a b'\r\n---\r\nc  \r\nd\\\r\ne\r\n", "[a](b 't')  \r\nc\r\n", "---\ntitle: 'x'\n---\n# h #\n", "\xfe\xff\x00#\x00 \x00\xfc\x00\n",
		"> a\n> > b\n>> c\n\n[^1]: d ![e *f*](g \"h\")\n", "a &amp; &#8222;b&#x201C; \\&lt; `&gt;`\n",
		"[![a](b 'c')](d (e))\n[f]: g\n  \"h\"\n", "---\ntitle: |2-\n   a\n  b\n\ndescription: >\n  c\n  d\n\n  e\n    f\n---\n",
		"<div>\na &amp; <b>b</b>\n</div>\n\n<script>\n\nx\n</script>\n<!--\n\n-->\n<p title=t>c<noscript><p>d</noscript></p>\n",
		"+++\ntitle = '''a'''\ndescription = \"\"\"\\\n b \\\n\n c\\u00fc\n\n d\"\"\"\nx = \"\"\"\ntitle = 'y'\n\"\"\"\n+++\n",
		"<div translate=no>\n\na [b\nc](d\n'e') *f\ng*\n\n</div>\n<x>\nh <code>i</code>\n[j]:\nk\n(l\nm)\n",
		"<figure markdown>\n  ![a](b){ width=\"3\" }\n  <figcaption markdown>c [d]</figcaption>\n</figure>\n<details markdown=\"1\">\n<summary>e</summary>\n*f*\n</details>\n<p markdown=\"span\">g\nh</p>\n\n[d]: i\n",
		"j\n\n:   !!! note \"k `l`\"\n\n        m :material-n:{ .o } [p](q){: r }\n\n> ???+ \"s\"\n>     t\n\n===! \"u\"\n    v\n",
		"| w :material-x:{ title=\"y &amp; z\" } | ![a](b){ alt='c' title=d .e } |\n|-|-|\n| [f](g){: title=\"h\" checked } |\n")
}

func FuzzReadSRT(f *testing.F) {
	fuzzRead(f, "x.srt", "testdata/folge.srt", "testdata/windows/okapi-srttest.srt", "1\n00:00:01,000 --> 00:00:02,000\n<i>a</i>\n\n")
}

func FuzzReadVTT(f *testing.F) {
	fuzzRead(f, "x.vtt", "testdata/folge.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>x &amp; y</v>\n")
}

func FuzzReadPO(f *testing.F) {
	fuzzRead(f, "x.po", "testdata/app.po", "testdata/po/okapi-Test03-bom-crlf.po", "testdata/icu/lingui-js-en.po",
		"testdata/po/snapper.pot", "testdata/po/gnome-system-monitor-ru.po", "msgid \"a %s\"\nmsgstr \"\"\n",
		"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\nmsgid \"Gr\xfc\xdfe\"\nmsgstr \"\"\n")
}

func FuzzReadXLIFF(f *testing.F) {
	fuzzRead(f, "x.xlf", "testdata/artikel-1.2.xlf", "testdata/artikel-2.0.xlf", "testdata/okapi-docxsegtest.xlf",
		"testdata/icu/angular-aio-messages.xlf", "testdata/icu/angular-xliff2-spec.xlf",
		"testdata/windows/okapi-TDAMatchTest.xlf", "testdata/windows/okapi-omegatpack-test01.properties.xlf",
		"testdata/oasis/testTranslateWithTarget.xlf", "testdata/trados-TS09-12-excerpt.xlf",
		"<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>\r\n  Text hier.\r\n</source></trans-unit></body></file></xliff>\r\n",
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>Gr\xfc\xdfe</source></trans-unit></body></file></xliff>",
		"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>Gr\xfc\xdfe</source></trans-unit></body></file></xliff>",
		`<xliff version="1.2"><file><body><group translate="no"><trans-unit id="1"><source>a</source></trans-unit></group><trans-unit id="2"><source>b <mrk mtype="protected">c</mrk></source></trans-unit></body></file></xliff>`)
}

// FuzzMarkdownEscape holds mdEscape to its promise: any translation of a paragraph, a heading,
// a table cell, an admonition's title or a paragraph on its md_in_html element's line, or of a
// paragraph whose source wrote character references, is written so that it reads back as one
// segment of the same words.
func FuzzMarkdownEscape(f *testing.F) {
	for _, s := range []string{"R&amp;D &copy; & <b> *x* _y_ ~~z~~ ~~~", "1. FC # [a](b) `c` \\ | d", "~~~ waves", `Say "{x}", it's; a=b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tr string) {
		if !utf8.ValidString(tr) || strings.ContainsAny(tr, "\x00\r\n\t") || strings.TrimSpace(tr) != tr || !hasWord(tr) {
			return // line breaks and edge spaces are written as spaces and trimmed: not these words
		}
		for i := range tr {
			if mdBareLinkLen(tr, i, ' ') > 0 {
				// A bare address a translation holds ("0@0.0") is written as it is, to be a
				// link on the page, and read back as a code, not as words.
				return
			}
		}
		for _, src := range []string{"Ein Satz hier.\n", "# Titel hier\n", "| a | b |\n|---|---|\n| Wert | Zahl |\n",
			"!!! note \"Ein Titel hier\"\n", "<p markdown=\"1\">Ein Satz hier.</p>\n",
			":material-information-outline:{ title=\"Ein Titel hier\" }\n", "![](a.png){ .b alt='Ein Bild' }\n",
			"| a | b |\n|---|---|\n| [](c){ title=Titel } | Zahl |\n",
			// References the translation's characters are written as (markdown_charrefs.go).
			"Rat &amp; Bündnis &lt;Brüssel&gt; &ndash; Ned&nbsp;Price&#42; &#35;1 &#32;x\n"} {
			d, err := Read(strings.NewReader(src), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			targets := d.Identity()
			k := max(len(targets)-2, 0) // a table's first body cell
			targets[k] = EscapeText(tr)
			var b bytes.Buffer
			if _, err := d.Write(&b, targets, WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			d2, err := Read(bytes.NewReader(b.Bytes()), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d2.Segments) != len(d.Segments) {
				t.Fatalf("%q: wrote %q, read back %q", src, b.String(), d2.Identity())
			}
			want := tr
			if strings.Contains(src, "{") {
				// An attribute's value is read as an HTML page's: its white space collapsed.
				want = strings.TrimSpace(collapse(tr))
			}
			if got := Plain(d2.Segments[k].Text); got != want {
				t.Fatalf("%q: wrote %q, read back %q, want %q", src, b.String(), got, want)
			}
		}
	})
}

// FuzzPOPluralForms: a header's Plural-Forms rule, whatever it holds, is read without a panic
// (a division by zero included), and a rule read gives every number a form it has.
func FuzzPOPluralForms(f *testing.F) {
	for _, r := range poPluralRules {
		f.Add(r)
	}
	f.Add("nplurals=INTEGER; plural=EXPRESSION;")
	f.Add("nplurals=2; plural=n%0;")
	f.Fuzz(func(t *testing.T, rule string) {
		forms, ok := parsePoPluralForms(rule)
		if !ok {
			return
		}
		sum := 0
		for _, c := range forms.counts {
			sum += c
		}
		if sum != poPluralRange || forms.one < 0 || forms.one >= forms.n {
			t.Errorf("%q: counts %v, one %d", rule, forms.counts, forms.one)
		}
	})
}
