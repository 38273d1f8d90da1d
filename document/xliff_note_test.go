package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestXLIFFNotes: a unit's notes go with its segment labelled by what they are (Angular's
// description and meaning), and a location note ("file.ts:3") is left out: it says nothing
// about the text, and as part of the memory key it made every moved source line a new, paid
// segment.
func TestXLIFFNotes(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "icu", "angular-xliff2-spec.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(strings.NewReader(string(b)), "x.xlf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Segments {
		if strings.Contains(s.Note, "file.ts") {
			t.Errorf("segment %q carries the location note %q", s.Text, s.Note)
		}
	}
	const unit = `<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="ng2.template"><body>` +
		`<trans-unit id="1" datatype="html"><source>Öffnen</source><note priority="1" from="description">Knopf im Menü</note><note priority="1" from="meaning">Datei</note></trans-unit></body></file></xliff>`
	d, err = Read(strings.NewReader(unit), "y.xlf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Segments) != 1 || d.Segments[0].Note != "description: Knopf im Menü; meaning: Datei" {
		t.Errorf("notes %q", d.Segments[0].Note)
	}
}

// TestXLIFFModelLineBreaks: a line break the model put in its answer for a one-line source is a
// space in the target (the unit is one line in the CAT tool and in the program); a source with
// line breaks of its own (xml:space="preserve") keeps the answer's.
func TestXLIFFModelLineBreaks(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="a"><body>`
	const tail = `</body></file></xliff>`
	for _, tc := range []struct{ unit, answer, want string }{
		{`<trans-unit id="1"><source>Der <g id="1">Hund</g> schläft.</source></trans-unit>`, "The <g1>dog</g1>\nis\r\n sleeping.\n", `<target state="translated" state-qualifier="leveraged-mt">The <g id="1">dog</g> is sleeping.</target>`},
		{`<trans-unit id="1" xml:space="preserve"><source>Zeile eins
Zeile zwei</source></trans-unit>`, "Line one\nLine two", "<target state=\"translated\" state-qualifier=\"leveraged-mt\">Line one\nLine two</target>"},
	} {
		d, err := Read(strings.NewReader(head+tc.unit+tail), "a.xlf", Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		if _, err := d.Write(&out, []string{tc.answer}, WriteOptions{TargetLang: "en"}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("answer %q wrote\n%s\nwant %s", tc.answer, out.String(), tc.want)
		}
	}
}

// TestXLIFFPlaceholders: variables written as text in a unit ({name}, %count%, {{ name }}) are
// codes, so a model cannot translate or rename them ({Name}, {Anzahl}); braces of an ICU
// message stay its syntax, and prose with a per cent sign stays words.
func TestXLIFFPlaceholders(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="messages"><body>`
	const tail = `</body></file></xliff>`
	for _, tc := range []struct{ source, seg, answer, target string }{
		{"Hallo {name}, Sie haben {count} neue Nachrichten.", "Hallo <x1/>, Sie haben <x2/> neue Nachrichten.", "Hello <x1/>, you have <x2/> new messages.", "Hello {name}, you have {count} new messages."},
		// At the unit's edge a placeholder stays out of the segment, as other codes do.
		{"%count% Dateien gelöscht", "Dateien gelöscht", "files deleted", "%count% files deleted"},
		{"Willkommen, {{ user.name }}!", "Willkommen, <x1/>!", "Welcome, <x1/>!", "Welcome, {{ user.name }}!"},
		{"Um 50 % gestiegen, sagt die 100 % Studie.", "Um 50 % gestiegen, sagt die 100 % Studie.", "Up 50 %, says the 100 % study.", "Up 50 %, says the 100 % study."},
	} {
		d, err := Read(strings.NewReader(head+`<trans-unit id="1"><source>`+tc.source+`</source></trans-unit>`+tail), "messages.de.xlf", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Segments) != 1 || d.Segments[0].Text != tc.seg {
			t.Fatalf("%q: segments %q, want %q", tc.source, d.Identity(), tc.seg)
		}
		var out strings.Builder
		if _, err := d.Write(&out, []string{tc.answer}, WriteOptions{TargetLang: "en"}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), ">"+tc.target+"</target>") {
			t.Errorf("%q: wrote\n%s\nwant target %q", tc.source, out.String(), tc.target)
		}
	}
}
