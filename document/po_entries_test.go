package document

import (
	"testing"
)

// TestPOEntries: entries are split where gettext splits them — at a comment, msgctxt or msgid
// after a msgstr — not only at blank lines, and an entry out of gettext's order is refused with
// its line rather than merged into its neighbour.
func TestPOEntries(t *testing.T) {
	tests := []struct {
		name string
		src  string
		segs []string // the segments sent, in order
		out  string   // the output with every segment translated as "EN " + segment ("" = not checked)
		err  string   // a read error containing this
	}{
		{
			name: "no blank line between entries",
			src:  "#, c-format\nmsgid \"Die Datei %s wurde gelöscht.\"\nmsgstr \"\"\nmsgid \"Abbrechen\"\nmsgstr \"\"\n",
			segs: []string{"Die Datei <x1/> wurde gelöscht.", "Abbrechen"},
			out:  "#, c-format\nmsgid \"Die Datei %s wurde gelöscht.\"\nmsgstr \"EN Die Datei %s wurde gelöscht.\"\nmsgid \"Abbrechen\"\nmsgstr \"EN Abbrechen\"\n",
		},
		{
			name: "msgctxt starts the next entry",
			src:  "msgctxt \"a\"\nmsgid \"Öffnen\"\nmsgstr \"\"\nmsgctxt \"b\"\nmsgid \"Schließen\"\nmsgstr \"\"\n",
			segs: []string{"Öffnen", "Schließen"},
			out:  "msgctxt \"a\"\nmsgid \"Öffnen\"\nmsgstr \"EN Öffnen\"\nmsgctxt \"b\"\nmsgid \"Schließen\"\nmsgstr \"EN Schließen\"\n",
		},
		{
			name: "comment starts the next entry",
			src:  "msgid \"Eins\"\nmsgstr \"\"\n#. Knopf\nmsgid \"Zwei\"\nmsgstr \"\"\n",
			segs: []string{"Eins", "Zwei"},
			out:  "msgid \"Eins\"\nmsgstr \"EN Eins\"\n#. Knopf\nmsgid \"Zwei\"\nmsgstr \"EN Zwei\"\n",
		},
		{
			name: "translated entry then untranslated, no blank",
			src:  "msgid \"Ja\"\nmsgstr \"Yes\"\nmsgid \"Nein\"\nmsgstr \"\"\n",
			segs: []string{"Nein"},
			out:  "msgid \"Ja\"\nmsgstr \"Yes\"\nmsgid \"Nein\"\nmsgstr \"EN Nein\"\n",
		},
		{
			name: "plural then singular, no blank",
			src:  "msgid \"Datei\"\nmsgid_plural \"Dateien\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\nmsgid \"Ende\"\nmsgstr \"\"\n",
			segs: []string{"Datei", "Dateien", "Ende"},
			out:  "msgid \"Datei\"\nmsgid_plural \"Dateien\"\nmsgstr[0] \"EN Datei\"\nmsgstr[1] \"EN Dateien\"\nmsgid \"Ende\"\nmsgstr \"EN Ende\"\n",
		},
		{
			name: "obsolete entry right after an entry",
			src:  "msgid \"Neu\"\nmsgstr \"\"\n#~ msgid \"Alt\"\n#~ msgstr \"Old\"\n",
			segs: []string{"Neu"},
			out:  "msgid \"Neu\"\nmsgstr \"EN Neu\"\n#~ msgid \"Alt\"\n#~ msgstr \"Old\"\n",
		},
		{
			name: "blank line between msgid and msgstr",
			src:  "msgid \"Hallo\"\n\nmsgstr \"\"\n",
			segs: []string{"Hallo"},
			out:  "msgid \"Hallo\"\n\nmsgstr \"EN Hallo\"\n",
		},
		{name: "two msgids", src: "msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n", err: "x.po:2: a second msgid"},
		{name: "msgid without msgstr", src: "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n", err: "x.po:3: a second msgid"},
		{name: "msgid at the end", src: "msgid \"a\"\nmsgstr \"\"\n\nmsgid \"b\"\n", err: "x.po:4: msgid without a msgstr"},
		{name: "msgstr first", src: "msgstr \"\"\nmsgid \"a\"\n", err: "x.po:1: msgstr without a msgid"},
		{name: "msgid_plural after msgstr", src: "msgid \"a\"\nmsgstr \"\"\nmsgid_plural \"b\"\n", err: "x.po:3: msgid_plural"},
		{name: "msgctxt after msgid", src: "msgid \"a\"\nmsgctxt \"c\"\nmsgstr \"\"\n", err: "x.po:2: msgctxt after"},
		{name: "msgctxt alone", src: "msgctxt \"c\"\n", err: "x.po:1: msgctxt without a msgid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if out, ok := checkPOCase(t, tc.src, tc.segs, tc.err); ok && tc.out != "" && out != tc.out {
				t.Errorf("wrote\n%s\nwant\n%s", out, tc.out)
			}
		})
	}
}
