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
