package document

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestByteOrderMark: a file that starts with a byte-order mark, UTF-8's or UTF-16's, is
// translated into UTF-8 that starts with one (Windows tools read a file without one in the ANSI
// code page), exactly one — but a .po catalogue, which gettext refuses with one, starts with
// none — and the mark is no character of the first segment nor of a declared 8-bit encoding. The UTF-8 and UTF-16 files are real (testdata/windows/SOURCES.md,
// po/SOURCES.md); the others are fixtures given a mark or re-encoded.
func TestByteOrderMark(t *testing.T) {
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	withMark := func(b []byte) []byte { return append(slices.Clip(utf8BOM), b...) }
	// artikel.md without its front matter: it opens with a heading.
	_, body, _ := bytes.Cut(bytes.TrimPrefix(fixture("artikel.md"), []byte("---\n")), []byte("---\n\n"))
	tests := []struct {
		name string
		in   []byte
		// without is the input without its mark, read into the same segments (and kinds).
		without []byte
		// want are strings the output holds (the declarations made UTF-8).
		want []string
	}{
		{"okapi-ruby.html (UTF-8)", fixture("windows/okapi-ruby.html"), bytes.TrimPrefix(fixture("windows/okapi-ruby.html"), utf8BOM), nil},
		{"okapi-FFFEBOM.html (UTF-16LE)", fixture("windows/okapi-FFFEBOM.html"), nil, []string{"charset=UTF-8", "<p>ß=S-ZTED, Ü=U-UMLAUT</p>\r\n"}},
		{"okapi-TDAMatchTest.xlf (UTF-8)", fixture("windows/okapi-TDAMatchTest.xlf"), bytes.TrimPrefix(fixture("windows/okapi-TDAMatchTest.xlf"), utf8BOM), nil},
		{"okapi-Test03-bom-crlf.po (UTF-8)", fixture("po/okapi-Test03-bom-crlf.po"), bytes.TrimPrefix(fixture("po/okapi-Test03-bom-crlf.po"), utf8BOM), nil},
		// A heading on the first line is still one after the mark, sent without it.
		{"artikel.md (UTF-8)", withMark(fixture("artikel.md")), fixture("artikel.md"), nil},
		{"artikel.md (UTF-8, from its heading)", withMark(body), body, []string{"\ufeff# NEUE BRÜCKE FÜR DIE ALTSTADT\n"}},
		{"artikel.md (UTF-16LE)", utf16le(string(fixture("artikel.md")), true), fixture("artikel.md"), nil},
		{"folge.srt (UTF-16BE)", utf16be(string(fixture("folge.srt"))), fixture("folge.srt"), nil},
		{"artikel-1.2.xlf (UTF-16LE)", utf16le(string(fixture("artikel-1.2.xlf")), true), fixture("artikel-1.2.xlf"),
			[]string{`<?xml version="1.0" encoding="UTF-8"?>`}},
		// A mark before a declared 8-bit encoding: XML parsers skip it and decode the rest as
		// declared; it used to be read as "ï»¿" before the XML declaration, an ill-formed file.
		{"drupal-cp1251.po (UTF-8 mark, windows-1251 declared)", withMark(fixture("po/drupal-cp1251.po")), fixture("po/drupal-cp1251.po"),
			[]string{`charset=utf-8\n"`}},
		{"okapi-Test03-bom-crlf.po (UTF-16LE)", utf16le(string(bytes.TrimPrefix(fixture("po/okapi-Test03-bom-crlf.po"), utf8BOM)), true), bytes.TrimPrefix(fixture("po/okapi-Test03-bom-crlf.po"), utf8BOM), nil},
		{"x.xlf (UTF-8 mark, ISO-8859-1 declared)", withMark(latin1(t, `<?xml version="1.0" encoding="ISO-8859-1"?>`+"\n"+`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="x"><body><trans-unit id="1"><source>Schöne Grüße</source></trans-unit></body></file></xliff>`+"\n")),
			nil, []string{`<?xml version="1.0" encoding="UTF-8"?>`, "<target state=\"translated\" state-qualifier=\"leveraged-mt\">SCHÖNE GRÜßE</target>"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			name := strings.Fields(tc.name)[0]
			d, err := Read(bytes.NewReader(tc.in), name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range d.Segments {
				if strings.ContainsRune(s.Text, '\ufeff') || strings.Contains(s.Text, "ï»¿") {
					t.Errorf("the mark is in segment %q", s.Text)
				}
			}
			if tc.without != nil {
				plain, err := Read(bytes.NewReader(tc.without), name, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(d.Identity(), plain.Identity()) || !slices.Equal(kinds(d), kinds(plain)) {
					t.Errorf("segments %q (%v), without the mark %q (%v)", d.Identity(), kinds(d), plain.Identity(), kinds(plain))
				}
			}
			out, probs := write(t, d, translateAll(d, upper), "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			switch {
			case d.Format == PO:
				if !utf8.ValidString(out) || strings.ContainsRune(out, '\ufeff') || strings.Contains(out, "ï»¿") {
					t.Errorf("want UTF-8 without a mark, wrote %q", out[:min(len(out), 80)])
				}
			case !utf8.ValidString(out) || !strings.HasPrefix(out, "\ufeff") || strings.HasPrefix(out, "\ufeff\ufeff") || strings.Contains(out, "ï»¿"):
				t.Errorf("want UTF-8 starting with one mark, wrote %q", out[:min(len(out), 80)])
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			back, err := Read(strings.NewReader(out), name, Options{})
			if err != nil || back.Decoded != "" {
				t.Errorf("output read back as %q: %v", back.Decoded, err)
			}
			if d.Format == XLIFF {
				validateXLIFF(t, tc.name, out)
			}
		})
	}
}

func kinds(d *Doc) []Kind {
	out := make([]Kind, len(d.Segments))
	for i, s := range d.Segments {
		out[i] = s.Kind
	}
	return out
}
