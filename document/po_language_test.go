package document

import (
	"errors"
	"strings"
	"testing"
)

// TestPOLanguage: a catalogue whose header says another language than the one translated into
// is refused at the header's Language line (a French catalogue filled with English is served
// to French users); the same language in another region, an empty field (a template) and no
// target language given pass.
func TestPOLanguage(t *testing.T) {
	po := func(lang string) string {
		return "msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: app 1.0\\n\"\n\"Language: " + lang + "\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"Öffnen\"\nmsgstr \"\"\n"
	}
	for _, tc := range []struct {
		lang, want string
		line       int // of the error; 0: read
	}{
		{"fr", "en", 4},
		{"de", "en", 4},
		{"en_GB", "en", 0},
		{"", "en", 0},
		{"fr", "", 0},
	} {
		d, err := Read(strings.NewReader(po(tc.lang)), "app.po", Options{TargetLang: tc.want})
		var ie *InputError
		switch {
		case tc.line == 0 && err != nil:
			t.Errorf("Language %q into %q: %v", tc.lang, tc.want, err)
		case tc.line == 0 && len(d.Segments) != 1:
			t.Errorf("Language %q into %q: %d segments", tc.lang, tc.want, len(d.Segments))
		case tc.line != 0 && (!errors.As(err, &ie) || ie.Line != tc.line || !strings.Contains(err.Error(), "translated into "+tc.lang)):
			t.Errorf("Language %q into %q: %v, want an error at line %d", tc.lang, tc.want, err, tc.line)
		}
	}
}

// TestPOFuzzy: an entry holding an answer the checks still doubted is marked fuzzy (joining its
// flags, or a flags line of its own before the msgid), so that gettext leaves it out of the
// compiled catalogue until a translator has looked; the other entries are written as before.
func TestPOFuzzy(t *testing.T) {
	const src = "# Translator comment\n#: a.c:1\nmsgid \"Datei öffnen\"\nmsgstr \"\"\n\n#, c-format\nmsgid \"Willkommen, %s!\"\nmsgstr \"\"\n\nmsgid \"Schließen\"\nmsgstr \"\"\n"
	d, err := Read(strings.NewReader(src), "app.po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Segments) != 3 {
		t.Fatalf("segments %q", d.Identity())
	}
	var out strings.Builder
	_, err = d.Write(&out, []string{"Open file", "Welcome, <x1/>!", "Close"}, WriteOptions{Origins: []Origin{NeedsReview, NeedsReview, MachineTranslation}})
	if err != nil {
		t.Fatal(err)
	}
	want := "# Translator comment\n#: a.c:1\n#, fuzzy\nmsgid \"Datei öffnen\"\nmsgstr \"Open file\"\n\n#, fuzzy, c-format\nmsgid \"Willkommen, %s!\"\nmsgstr \"Welcome, %s!\"\n\nmsgid \"Schließen\"\nmsgstr \"Close\"\n"
	if out.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", out.String(), want)
	}
}

// TestPOFuzzyUnchanged: an answer the checks doubted because it is the source unchanged (German
// compiled as English otherwise: "7 translated messages", and a rerun asked for nothing) is
// marked fuzzy too.
func TestPOFuzzyUnchanged(t *testing.T) {
	const src = "msgid \"Die Datei wurde gelöscht.\"\nmsgstr \"\"\n"
	d, err := Read(strings.NewReader(src), "app.po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if _, err := d.Write(&out, []string{"Die Datei wurde gelöscht."}, WriteOptions{Origins: []Origin{NeedsReview}}); err != nil {
		t.Fatal(err)
	}
	want := "#, fuzzy\nmsgid \"Die Datei wurde gelöscht.\"\nmsgstr \"Die Datei wurde gelöscht.\"\n"
	if out.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", out.String(), want)
	}
}
