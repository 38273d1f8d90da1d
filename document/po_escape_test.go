package document

import (
	"strings"
	"testing"
)

// TestPOEscapes: every C escape gettext reads is decoded in the message sent, and the
// translation is written with gettext's escapes, so that it reads back as it was translated.
func TestPOEscapes(t *testing.T) {
	tests := []struct {
		name, msgid string // msgid as written in the file
		seg         string // the segment sent
		tr          string // its translation
		msgstr      string // msgstr as written
	}{
		{"octal", `\101ber`, "Aber", "But A", `"But A"`},
		{"hex", `\x41-ber \x4f`, "A-ber O", "But O", `"But O"`},
		{"octal utf-8 bytes", `Gr\303\274\303\237e`, "Grüße", "Grüße, café", `"Grüße, café"`},
		{"hex utf-8 bytes", `Gr\xc3\xbc\xc3\x9f!`, "Grüß!", "Greetings", `"Greetings"`},
		{"short octal", `Ende\0`, "Ende\x00", "End\x00", `"End\000"`},
		{"named", `a\'b\?c\"d\\e\tf`, "a'b?c\"d\\e\tf", "a\"b\\c\ad\be\ff\vg", `"a\"b\\c\ad\be\ff\vg"`},
		{"controls", `Klingel`, "Klingel", "Bell\x01\x1b\x7f", `"Bell\001\033\177"`},
		{"not utf-8", `Gr\374\337e`, "Gr\xfc\xdfe", "Gr\xfc\xdfe!", `"Gr\374\337e!"`},
		{"unknown escape kept", `a\qb`, `a\qb`, `x\qy`, `"x\\qy"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "msgid \"" + tc.msgid + "\"\nmsgstr \"\"\n"
			d, err := Read(strings.NewReader(src), "x.po", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Segments) != 1 || Plain(d.Segments[0].Text) != tc.seg {
				t.Fatalf("segments %+v, want %q", d.Segments, tc.seg)
			}
			out, probs := write(t, d, []string{EscapeText(tc.tr)}, "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			want := "msgid \"" + tc.msgid + "\"\nmsgstr " + tc.msgstr + "\n"
			if out != want {
				t.Errorf("wrote %q, want %q", out, want)
			}
			// The msgstr reads back as the translation.
			got, err := poUnquote(tc.msgstr)
			if err != nil || got != tc.tr {
				t.Errorf("msgstr reads back as %q (%v), want %q", got, err, tc.tr)
			}
		})
	}
	// As in C, a hex escape takes every hex digit that follows ("\x41ber" is not "Aber").
	for _, bad := range []string{`"\777"`, `"\x100"`, `"\xg"`, `"\x41ber"`} {
		if _, err := poUnquote(bad); err == nil {
			t.Errorf("poUnquote(%s): no error", bad)
		}
	}
}
