package segment

import (
	"bytes"
	"strings"
	"testing"
)

// TestTextForm: a text input's line endings and byte-order mark are read as its Form, and
// RenderAs writes a rendering in that form, so a Windows user's file comes back CRLF with its
// mark; an LF file stays LF.
func TestTextForm(t *testing.T) {
	tests := []struct {
		name, in string
		want     TextForm
		out      string // RenderAs of the blocks read, as text
	}{
		{"LF", "Der Hund schläft.\n\nDie Katze spielt.\n", TextForm{}, "Der Hund schläft.\n\nDie Katze spielt.\n"},
		{"CRLF", "Der Hund schläft.\r\n\r\nDie Katze spielt.\r\n", TextForm{CRLF: true}, "Der Hund schläft.\r\n\r\nDie Katze spielt.\r\n"},
		{"CRLF and a mark", "\ufeffDer Hund schläft.\r\n\r\n- eins\r\n- zwei\r\n", TextForm{CRLF: true, BOM: true}, "\ufeffDer Hund schläft.\r\n\r\n- eins\r\n- zwei\r\n"},
		{"a mark, LF", "\ufeffDer Hund schläft.\n", TextForm{BOM: true}, "\ufeffDer Hund schläft.\n"},
		{"UTF-16 with a mark", "\xff\xfeD\x00e\x00r\x00 \x00H\x00u\x00n\x00d\x00.\x00\r\x00\n\x00", TextForm{CRLF: true, BOM: true}, "\ufeffDer Hund.\r\n"},
		{"one line without an ending", "Der Hund schläft.", TextForm{}, "Der Hund schläft.\n"},
		{"classic Mac CR", "Der Hund.\r\rDie Katze.\r", TextForm{}, "Der Hund.\n\nDie Katze.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tt.in), "a.txt", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Form != tt.want {
				t.Errorf("Form = %+v, want %+v", d.Form, tt.want)
			}
			var b bytes.Buffer
			if err := RenderAs(&b, Text, "", d.Blocks, d.Form); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.out {
				t.Errorf("RenderAs = %q, want %q", b.String(), tt.out)
			}
		})
	}
}
