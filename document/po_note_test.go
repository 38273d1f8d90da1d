package document

import (
	"strings"
	"testing"
)

// TestPONote: a segment's Note carries its msgctxt and its translator (#) and extracted (#.)
// comments, so that two msgids told apart only by their context are two segments with
// different notes (whether they are translated apart is the translator's repeat key).
func TestPONote(t *testing.T) {
	d, _ := readFile(t, "testdata/po/de.po", Options{})
	var notes []string
	for _, s := range d.Segments {
		if s.Text == "Öffnen" {
			notes = append(notes, s.Note)
		}
	}
	if len(notes) != 2 || !strings.Contains(notes[0], "menu") || !strings.Contains(notes[1], "door") {
		t.Errorf("notes of the two Öffnen: %q", notes)
	}
	src := "# Übersetzer: kurz halten\n#. Knopf im Dialog\n#: a.c:1\nmsgctxt \"dialog\"\nmsgid \"Öffnen\"\nmsgstr \"\"\n"
	d, err := Read(strings.NewReader(src), "x.po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := d.Segments[0].Note; !strings.Contains(n, "dialog") || !strings.Contains(n, "kurz halten") || !strings.Contains(n, "Knopf im Dialog") || strings.Contains(n, "a.c") {
		t.Errorf("note %q", n)
	}
}
