package document

import (
	"strings"
	"testing"
)

// TestPOEdgeNewlines: a msgid's leading and trailing "\n" are not sent, and every msgstr gets
// the msgid's, whatever the translation does with its line breaks (msgfmt -c refuses a msgstr
// whose edges differ from the msgid's).
func TestPOEdgeNewlines(t *testing.T) {
	tests := []struct {
		name, msgid, plural string // as written in the file (escaped)
		seg                 string // the segment sent
		tr                  string // its translation
		want                string // the msgstr lines written
	}{
		{"trailing", `Fertig.\n`, "", "Fertig.", "Done.", `msgstr "Done.\n"`},
		{"leading and trailing", `\n\nFertig.\n`, "", "Fertig.", "Done.", "msgstr \"\"\n\"\\n\"\n\"\\n\"\n\"Done.\\n\""},
		{"inner kept as a code", `\nEins\nZwei\n`, "", "Eins<x1/>Zwei", "One<x1/>Two", "msgstr \"\"\n\"\\n\"\n\"One\\n\"\n\"Two\\n\""},
		{"inner code moved to the edge", `\nEins\nZwei`, "", "Eins<x1/>Zwei", "<x1/>One Two", "msgstr \"\"\n\"\\n\"\n\"One Two\""},
		{"translation adds edges", `Fertig.`, "", "Fertig.", "\nDone.\n", `msgstr "Done."`},
		{"plural", `%d Datei\n`, `%d Dateien\n`, "<x1/> Datei", "<x1/> file", "msgstr[0] \"%d file\\n\"\nmsgstr[1] \"%d file\\n\""},
		// A line break the model put in its words (a long answer wrapped) is a space: the
		// message's own line breaks are codes, and a "\n" would break it in the interface.
		// A Django template's indentation around the message stays as the msgid has it,
		// whatever the model does with the spaces it was not sent.
		{"indented template message", `\n    Das Team %(name)s wurde angemeldet.\n    `, "", "Das Team <x1/> wurde angemeldet.", "The team <x1/> was registered.", "msgstr \"\"\n\"\\n\"\n\"    The team %(name)s was registered.\\n\"\n\"    \""},
		{"spaces at the edges", `  Eingerückt.  `, "", "Eingerückt.", "Indented.", `msgstr "  Indented.  "`},
		{"model wraps the words", `Die Datei wurde gespeichert.`, "", "Die Datei wurde gespeichert.", "The file \nhas been saved.", `msgstr "The file has been saved."`},
		{"model wraps, CRLF", `Fertig.`, "", "Fertig.", "All\r\ndone.", `msgstr "All done."`},
		{"model wraps beside a code", `Eins\nZwei`, "", "Eins<x1/>Zwei", "One\n<x1/>Two", "msgstr \"\"\n\"One \\n\"\n\"Two\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "#, c-format\nmsgid \"" + tc.msgid + "\"\nmsgstr \"\"\n"
			if tc.plural != "" {
				src = "#, c-format\nmsgid \"" + tc.msgid + "\"\nmsgid_plural \"" + tc.plural + "\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n"
			}
			d, err := Read(strings.NewReader(src), "x.po", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Segments[0].Text != tc.seg {
				t.Fatalf("segments %q, want %q first", d.Identity(), tc.seg)
			}
			tr := make([]string, len(d.Segments))
			for i := range tr {
				tr[i] = tc.tr
			}
			out, _ := write(t, d, tr, "")
			if !strings.HasSuffix(out, tc.want+"\n") {
				t.Errorf("wrote\n%s\nwant it to end\n%s", out, tc.want)
			}
		})
	}
}
