package document

import (
	"strings"
	"testing"
)

// TestPOBOMAndLineEnds: a UTF-8 byte-order mark is read (not part of the first keyword) and
// not written (msgfmt refuses it); the msgstr lines written take the file's line ending (CRLF stays CRLF, also
// on a last line that had none), and a file that ends without a line break still does.
func TestPOBOMAndLineEnds(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"bom", "\ufeffmsgid \"Abbrechen\"\nmsgstr \"\"\n", "msgid \"Abbrechen\"\nmsgstr \"EN Abbrechen\"\n"},
		{"bom crlf", "\ufeffmsgid \"Abbrechen\"\r\nmsgstr \"\"\r\n", "msgid \"Abbrechen\"\r\nmsgstr \"EN Abbrechen\"\r\n"},
		{"bom only line", "\ufeff\nmsgid \"Ja\"\nmsgstr \"\"\n", "\nmsgid \"Ja\"\nmsgstr \"EN Ja\"\n"},
		{"crlf multi-line", "msgid \"\"\r\n\"Eins\\n\"\r\n\"Zwei\"\r\nmsgstr \"\"\r\n", "msgid \"\"\r\n\"Eins\\n\"\r\n\"Zwei\"\r\nmsgstr \"\"\r\n\"EN Eins\\n\"\r\n\"Zwei\"\r\n"},
		{"crlf no final eol", "msgid \"\"\r\n\"Eins\\n\"\r\n\"Zwei\"\r\nmsgstr \"\"", "msgid \"\"\r\n\"Eins\\n\"\r\n\"Zwei\"\r\nmsgstr \"\"\r\n\"EN Eins\\n\"\r\n\"Zwei\""},
		{"no final eol", "msgid \"Ja\"\nmsgstr \"\"", "msgid \"Ja\"\nmsgstr \"EN Ja\""},
		{"plural crlf no final eol", "msgid \"Datei\"\r\nmsgid_plural \"Dateien\"\r\nmsgstr[0] \"\"\r\nmsgstr[1] \"\"",
			"msgid \"Datei\"\r\nmsgid_plural \"Dateien\"\r\nmsgstr[0] \"EN Datei\"\r\nmsgstr[1] \"EN Dateien\""},
		{"one plural form, no final eol", "msgid \"Datei\"\nmsgid_plural \"Dateien\"\nmsgstr[0] \"\"", "msgid \"Datei\"\nmsgid_plural \"Dateien\"\nmsgstr[0] \"EN Datei\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.po", Options{})
			if err != nil {
				t.Fatal(err)
			}
			out, probs := write(t, d, translateAll(d, func(s string) string { return "EN " + s }), "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if out != tc.want {
				t.Errorf("wrote %q\nwant  %q", out, tc.want)
			}
		})
	}
}
