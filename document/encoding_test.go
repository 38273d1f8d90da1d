package document

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/bitext/bitext/internal/textcheck"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func latin1(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEncodings: what segment reads, translate reads and writes: UTF-16 with a mark in every
// format, the declared encodings of HTML, XLIFF and .po, and an HTML page's content. The output
// is UTF-8 and declares nothing else.
func TestEncodings(t *testing.T) {
	const po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n#. Für Übersetzer\nmsgid \"Schöne Grüße\"\nmsgstr \"\"\n"
	const xlf = `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" + `<xliff version="1.2"><file source-language="de" target-language="en" datatype="plaintext" original="x"><body><trans-unit id="1"><source>Schöne Grüße</source></trans-unit></body></file></xliff>` + "\n"
	const page = `<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>Grüße</title></head><body><p>Schöne Grüße aus München.</p></body></html>`
	tests := []struct {
		name string
		in   []byte
		// segs are the segments' texts read; tr translates them.
		segs    []string
		tr      map[string]string
		decoded string // Doc.Decoded starts with it
		want    []string
		notWant []string
	}{
		{
			name: "l2.html", in: latin1(t, page),
			segs:    []string{"Grüße", "Schöne Grüße aus München."},
			tr:      map[string]string{"Grüße": "Greetings", "Schöne Grüße aus München.": "Best wishes from Munich."},
			decoded: "windows-1252 (declared in <meta charset>",
			want:    []string{`<meta charset="utf-8">`, "<title>Greetings</title>", "<p>Best wishes from Munich.</p>"},
			notWant: []string{"iso-8859-1"},
		},
		{
			name: "l2.html", in: latin1(t, page), // untranslated: still UTF-8, and says so
			segs:    []string{"Grüße", "Schöne Grüße aus München."},
			decoded: "windows-1252",
			want:    []string{`<meta charset="utf-8"><title>Grüße</title>`, "<p>Schöne Grüße aus München.</p>"},
		},
		{
			name: "equiv.html", // declared late in a long head, in http-equiv, upper case
			in: latin1(t, `<html><head><script>`+strings.Repeat("var x = 1;\n", 200)+`</script>`+
				`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>Tschüß</p></body></html>`),
			segs:    []string{"Tschüß"},
			tr:      map[string]string{"Tschüß": "Bye"},
			decoded: "windows-1252 (declared in <meta http-equiv=Content-Type>",
			want:    []string{`content="text/html; charset=UTF-8"`, "<p>Bye</p>"},
		},
		{
			name: "guess.html", in: latin1(t, `<p>Schöne Grüße</p>`), // no declaration: the content
			segs: []string{"Schöne Grüße"}, decoded: "windows-1252 (guessed",
			want: []string{"<p>Schöne Grüße</p>"},
		},
		{
			// A page with a head and no declaration, read as windows-1252 (a heise.de page
			// saved without its charset): the UTF-8 output says so, or a browser reading the
			// file takes it for windows-1252 again and every umlaut is mojibake.
			name: "guesshead.html", in: latin1(t, `<!DOCTYPE html><html lang="de"><head><title>Grüße</title></head><body><p>Schöne Grüße</p></body></html>`),
			segs: []string{"Grüße", "Schöne Grüße"}, decoded: "windows-1252 (guessed",
			want: []string{`<html lang="de"><head><meta charset="utf-8" /><title>Grüße</title>`},
		},
		{
			name: "utf8head.html", in: []byte(`<html><head><title>Grüße</title></head><body><p>Schöne Grüße</p></body></html>`),
			segs:    []string{"Grüße", "Schöne Grüße"}, // read as it was written: nothing added
			want:    []string{`<html><head><title>Grüße</title>`},
			notWant: []string{"charset"},
		},
		{
			name: "u16head.html", in: utf16le(`<html><head><title>Grüße</title></head><body><p>Grüße</p></body></html>`, true),
			segs: []string{"Grüße", "Grüße"}, decoded: "UTF-16LE", // the byte-order mark says it
			want: []string{"\ufeff<html><head><title>Grüße</title>"}, notWant: []string{"charset"},
		},
		{
			name: "ascii.html", // ASCII declaring Latin-1, entities: a translation beyond ASCII needs UTF-8
			in:   []byte(`<html><head><meta charset="iso-8859-1"></head><body><p>Gr&uuml;&szlig;e</p></body></html>`),
			segs: []string{"Grüße"}, tr: map[string]string{"Grüße": "Grüße, café"},
			want: []string{`<meta charset="utf-8">`, "<p>Grüße, café</p>"},
		},
		{
			name: "ascii.html", // … but an ASCII output keeps the page's own declaration
			in:   []byte(`<html><head><meta charset="iso-8859-1"></head><body><p>Gr&uuml;&szlig;e</p></body></html>`),
			segs: []string{"Grüße"}, tr: map[string]string{"Grüße": "Greetings"},
			want: []string{`<meta charset="iso-8859-1">`, "<p>Greetings</p>"},
		},
		{
			name: "xhtml.html", in: latin1(t, `<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta charset="iso-8859-1"></head><body><p>Grüße</p></body></html>`),
			segs: []string{"Grüße"}, decoded: "windows-1252",
			want: []string{`<?xml version="1.0" encoding="utf-8"?>`, `<meta charset="utf-8">`},
		},
		{
			name: "u16.html", in: utf16le(`<html><head><meta charset="utf-16"></head><body><p>Grüße</p></body></html>`, true),
			segs: []string{"Grüße"}, decoded: "UTF-16LE",
			want: []string{`<html><head><meta charset="utf-8"></head><body><p>Grüße</p>`},
		},
		{
			name: "u16.md", in: utf16le("# Grüße\n\nSchöne Grüße.\n", true),
			segs: []string{"Grüße", "Schöne Grüße."}, tr: map[string]string{"Grüße": "Greetings"},
			decoded: "UTF-16LE", want: []string{"# Greetings\n\nSchöne Grüße.\n"},
		},
		{
			name: "u16be.srt", in: utf16be("1\n00:00:01,000 --> 00:00:02,000\nGrüße\n"),
			segs: []string{"Grüße"}, decoded: "UTF-16BE", want: []string{"1\n00:00:01,000 --> 00:00:02,000\nGrüße\n"},
		},
		{
			name: "u16.vtt", in: utf16le("WEBVTT\n\n00:01.000 --> 00:02.000\nGrüße\n", true),
			segs: []string{"Grüße"}, decoded: "UTF-16LE", want: []string{"WEBVTT\n\n00:01.000 --> 00:02.000\nGrüße\n"},
		},
		{
			name: "u16.po", in: utf16le(strings.ReplaceAll(po, "ISO-8859-1", "UTF-16"), true),
			segs: []string{"Schöne Grüße"}, tr: map[string]string{"Schöne Grüße": "Best wishes"}, decoded: "UTF-16LE",
			want: []string{`charset=UTF-8\n"`, "msgid \"Schöne Grüße\"\nmsgstr \"Best wishes\"\n"},
		},
		{
			name: "u16.xlf", in: utf16le(strings.Replace(xlf, "ISO-8859-1", "UTF-16", 1), true),
			segs: []string{"Schöne Grüße"}, decoded: "UTF-16LE",
			want: []string{`<?xml version="1.0" encoding="UTF-8"?>`, "<source>Schöne Grüße</source>"},
		},
		{
			name: "l1.xlf", in: latin1(t, xlf),
			segs: []string{"Schöne Grüße"}, tr: map[string]string{"Schöne Grüße": "Best wishes"}, decoded: "windows-1252 (declared ISO-8859-1)",
			want: []string{`<?xml version="1.0" encoding="UTF-8"?>`, "<source>Schöne Grüße</source><target state=\"translated\" state-qualifier=\"leveraged-mt\">Best wishes</target>"},
		},
		{
			name: "l1.po", in: latin1(t, po),
			segs: []string{"Schöne Grüße"}, tr: map[string]string{"Schöne Grüße": "Best wishes"}, decoded: "windows-1252",
			want: []string{`"Content-Type: text/plain; charset=UTF-8\n"`, "#. Für Übersetzer\n", "msgstr \"Best wishes\"\n"},
		},
		{
			// UTF-8 saved under the old header (OmegaT's file-POFilter-be-utf8.po does it with
			// CP1251 and Belarusian): read as the UTF-8 it is, not decoded twice.
			name: "utf8-under-latin1.po", in: []byte(po),
			segs: []string{"Schöne Grüße"}, tr: map[string]string{"Schöne Grüße": "Best wishes"}, decoded: "UTF-8 (declared ISO-8859-1, but the bytes are UTF-8)",
			want: []string{`"Content-Type: text/plain; charset=UTF-8\n"`, "#. Für Übersetzer\n", "msgid \"Schöne Grüße\"\nmsgstr \"Best wishes\"\n"},
		},
		{
			name: "utf8-under-latin1.xlf", in: []byte(xlf),
			segs: []string{"Schöne Grüße"}, decoded: "UTF-8 (declared ISO-8859-1, but the bytes are UTF-8)",
			want: []string{`<?xml version="1.0" encoding="UTF-8"?>`, "<source>Schöne Grüße</source>"},
		},
		{
			name: "ascii.po", in: []byte(strings.NewReplacer("ü", "ue", "Ü", "Ue", "ö", "oe", "ß", "ss").Replace(po)), // ASCII under Latin-1: kept while the output is ASCII
			segs: []string{"Schoene Gruesse"}, tr: map[string]string{"Schoene Gruesse": "Best wishes"},
			want: []string{`charset=ISO-8859-1\n"`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(bytes.NewReader(tc.in), tc.name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := d.Identity()
			if strings.Join(got, "|") != strings.Join(tc.segs, "|") {
				t.Errorf("segments %q, want %q", got, tc.segs)
			}
			if !strings.HasPrefix(d.Decoded, tc.decoded) || (tc.decoded == "") != (d.Decoded == "") {
				t.Errorf("Decoded %q, want %q…", d.Decoded, tc.decoded)
			}
			targets := translateAll(d, func(s string) string {
				if tr, ok := tc.tr[s]; ok {
					return tr
				}
				return s
			})
			out, probs := write(t, d, targets, "")
			if tc.tr == nil {
				// Nothing translated: written so that it reads back as still to translate.
				out = writeUntranslated(t, d, "")
			}
			if len(probs) > 0 {
				t.Error(probs)
			}
			if !utf8.ValidString(out) {
				t.Errorf("output is not UTF-8: %q", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(strings.ToLower(out), w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
			// The output reads back as UTF-8, with the same segments.
			d2, err := Read(strings.NewReader(out), tc.name, Options{})
			if err != nil {
				t.Fatalf("output does not read back: %v", err)
			}
			if d2.Decoded != "" || tc.tr == nil && len(d2.Segments) != len(d.Segments) {
				t.Errorf("output read back: decoded %q, %d segments, want UTF-8, %d", d2.Decoded, len(d2.Segments), len(d.Segments))
			}
		})
	}
}

// TestEncodingErrors: invalid UTF-16 keeps its *textcheck.UTF16Error; an encoding no decoder
// knows is named.
func TestEncodingErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		utf16At int64 // the offset of a *textcheck.UTF16Error, or -1
	}{
		{"odd.md", append(utf16le("a\nb", true), 'x'), "x.md:2: invalid UTF-16 at byte 8: an odd byte at the end", 8},
		{"lone.srt", append(utf16le("1\n", true), 0x00, 0xDC), "invalid UTF-16 at byte 6: a low surrogate", 6},
		{"enc.xlf", []byte(`<?xml version="1.0" encoding="x-nonsense"?><xliff version="1.2"/>`), `declared encoding "x-nonsense" is not one bitext knows`, -1},
		{"enc.po", []byte("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=x-nonsense\\n\"\n"), `declared encoding "x-nonsense"`, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			name := tc.name
			if tc.name == "odd.md" {
				name = "x.md"
			}
			_, err := Read(bytes.NewReader(tc.in), name, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			var u *textcheck.UTF16Error
			if got := errors.As(err, &u); got != (tc.utf16At >= 0) || got && u.Offset != tc.utf16At {
				t.Errorf("errors.As UTF16Error: %v %+v", got, u)
			}
		})
	}
}
