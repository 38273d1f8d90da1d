package document

import (
	"strings"
	"testing"
)

// TestSegmentsAreDecodedText: every format sends its words as text — character references,
// CDATA and C escapes read as their characters — so that the provider sees words, not entities,
// and a sentence is one memory key whatever format it came in; and a translation holding "<"
// and "&" is written escaped as the format needs, never as live markup, so that it reads back
// as the same words. tr translates the last segment (tagged text); keep is what the output
// holds.
func TestSegmentsAreDecodedText(t *testing.T) {
	const (
		xlf12 = `<xliff version="1.2"><file original="a" source-language="de" datatype="plaintext"><body><trans-unit id="1"><source>`
		end12 = `</source></trans-unit></body></file></xliff>`
		xlf20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de"><file id="f"><unit id="1"><segment><source>`
		end20 = `</source></segment></unit></file></xliff>`
		vtt   = "WEBVTT\n\n00:01.000 --> 00:03.000\n"
	)
	tests := []struct {
		name, file, src string
		want            []string // the segments' words (Plain)
		tr, keep        string
		readBack        bool // the output read again sends tr as its last segment's words
	}{
		{"markdown heading", "x.md", "# Russland &amp; NATO\n",
			[]string{"Russland & NATO"}, "Russia &amp; NATO &lt;West>", "# Russia &amp; NATO \\<West>\n", true},
		{"markdown paragraph", "x.md", "Die Firma Müller & Söhne baut <b>Häuser</b> in Köln &lt;West&gt;.\n",
			[]string{"Die Firma Müller & Söhne baut Häuser in Köln <West>."},
			"Müller &amp; Sons build <x1/>houses<x2/> in Cologne &lt;West>.", "Müller & Sons build <b>houses</b> in Cologne &lt;West&gt;.\n", true},
		{"markdown numeric and named", "x.md", "&#8222;Wir unterstützen den Dialog&#x201C;, sagte Ned&nbsp;Price.\n",
			[]string{"„Wir unterstützen den Dialog“, sagte Ned\u00a0Price."},
			"R&amp;amp;D &amp;copy; 2022 &amp;#65; &amp; more", "R\\&amp;D \\&copy; 2022 \\&#65; & more\n", true},
		{"html text", "x.html", "<p>Russland &amp; NATO &lt;Brüssel&gt; &#8222;Dialog&#8220; Ned&nbsp;Price &quot;zitiert&quot;</p>",
			[]string{"Russland & NATO <Brüssel> „Dialog“ Ned\u00a0Price \"zitiert\""},
			"Russia &amp; NATO &lt;Brussels>", "<p>Russia &amp; NATO &lt;Brussels&gt;</p>", true},
		{"html attribute", "x.html", `<meta name="description" content="Russland &amp; NATO &quot;Dialog&quot;">`,
			[]string{"Russland & NATO \"Dialog\""},
			`Russia &amp; NATO "dialogue" &lt;b>`, `content="Russia &amp; NATO &quot;dialogue&quot; &lt;b&gt;"`, true},
		{"xliff 1.2", "x.xlf", xlf12 + "Russland &amp; NATO &lt;Brüssel&gt; &#8222;Dialog&#x201C; <![CDATA[a & <b>]]>" + end12,
			[]string{"Russland & NATO <Brüssel> „Dialog“ a & <b>"},
			"Russia &amp; NATO &lt;Brussels>", `<target state="translated" state-qualifier="leveraged-mt">Russia &amp; NATO &lt;Brussels&gt;</target>`, false},
		{"xliff 2.0", "x.xlf", xlf20 + "Russland &amp; NATO &lt;Brüssel&gt; &#8222;Dialog&#x201C;" + end20,
			[]string{"Russland & NATO <Brüssel> „Dialog“"},
			"Russia &amp; NATO &lt;Brussels>", `<target>Russia &amp; NATO &lt;Brussels&gt;</target>`, false},
		// A .po message is a C string: its escapes are read, and an entity in it is the
		// program's text, sent as it is.
		{"po", "x.po", "msgid \"Russland & NATO \\\"Dialog\\\" &amp; Br\\303\\274ssel\"\nmsgstr \"\"\n",
			[]string{"Russland & NATO \"Dialog\" &amp; Brüssel"},
			`Russia &amp; NATO "dialogue" &lt;b>`, `msgstr "Russia & NATO \"dialogue\" <b>"`, false},
		{"vtt", "x.vtt", vtt + "Russland &amp; NATO &lt;Brüssel&gt;\n",
			[]string{"Russland & NATO <Brüssel>"},
			"Russia &amp; NATO &lt;Brussels>", "Russia &amp; NATO &lt;Brussels&gt;\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range d.Segments {
				got = append(got, Plain(s.Text))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Fatalf("segments %q, want %q", got, tc.want)
			}
			targets := d.Identity()
			targets[len(targets)-1] = tc.tr
			out, probs := write(t, d, targets, "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if !strings.Contains(out, tc.keep) {
				t.Errorf("wrote %q, want it to hold %q", out, tc.keep)
			}
			if !tc.readBack {
				return
			}
			d2, err := Read(strings.NewReader(out), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(d2.Segments); n != len(d.Segments) {
				t.Fatalf("read back %d segments, want %d", n, len(d.Segments))
			}
			if got, want := Plain(d2.Segments[len(d2.Segments)-1].Text), Plain(tc.tr); got != want {
				t.Errorf("read back %q, want %q", got, want)
			}
		})
	}
}

// TestMarkdownCharacterReferences: a Markdown reference is its character wherever words are
// sent (headings, cells, link text and titles, alt text), and a translation that still holds
// the character is written with the reference (markdown_charrefs.go); in code spans, behind a
// backslash, or when it is no reference ("AT&T", "&foo;", "&amp" without its semicolon) it is
// text as written.
func TestMarkdownCharacterReferences(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"link text and title", "Siehe [Russland &amp; NATO](https://example.org/a?x=1&amp;y=2 \"Rat &amp; B&uuml;ndnis\").\n",
			[]string{"Rat &amp; Bündnis", "Siehe <g1>Russland &amp; NATO</g1>."},
			"SIEHE [RUSSLAND &amp; NATO](https://example.org/a?x=1&amp;y=2 \"RAT &amp; BÜNDNIS\").\n"},
		{"reference definition title", "[r]: https://example.org/r \"Rat &amp; B&uuml;ndnis\"\n",
			[]string{"Rat &amp; Bündnis"},
			"[r]: https://example.org/r \"RAT &amp; BÜNDNIS\"\n"},
		{"alt text", "![Stoltenberg &amp; Price](bild.png)\n",
			[]string{"Stoltenberg &amp; Price"}, "![STOLTENBERG &amp; PRICE](bild.png)\n"},
		{"table cell", "| Bündnis | Sitz |\n|---|---|\n| Russland &amp; NATO | Br&uuml;ssel |\n",
			[]string{"Bündnis", "Sitz", "Russland &amp; NATO", "Brüssel"},
			"| BÜNDNIS | SITZ |\n|---|---|\n| RUSSLAND &amp; NATO | BRÜSSEL |\n"},
		{"code span kept", "Der Code `&amp;` steht für &amp; im Text.\n",
			[]string{"Der Code <x1/> steht für &amp; im Text."},
			"DER CODE `&amp;` STEHT FÜR &amp; IM TEXT.\n"},
		{"escaped reference is text", "Schreibe \\&amp; für das Zeichen.\n",
			[]string{"Schreibe &amp;amp; für das Zeichen."},
			"SCHREIBE \\&AMP; FÜR DAS ZEICHEN.\n"},
		{"no references", "AT&T, &foo; und &amp ohne Semikolon.\n",
			[]string{"AT&amp;T, &amp;foo; und &amp;amp ohne Semikolon."},
			"AT&T, &FOO; UND &AMP OHNE SEMIKOLON.\n"},
		{"invalid number", "Null &#0; und &#xD800; hier.\n",
			[]string{"Null \ufffd und \ufffd hier."}, "NULL \ufffd UND \ufffd HIER.\n"},
		{"inline html stays codes", "Die Firma Müller &amp; Söhne baut <b>Häuser</b> in Köln.\n",
			[]string{"Die Firma Müller &amp; Söhne baut <x1/>Häuser<x2/> in Köln."},
			"DIE FIRMA MÜLLER &amp; SÖHNE BAUT <b>HÄUSER</b> IN KÖLN.\n"},
	})
}
