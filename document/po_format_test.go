package document

import (
	"strings"
	"testing"
)

// TestPOPlaceholders: an entry flagged with a format has that format's placeholders as codes,
// as msgfmt -c reads them; an entry with no flag only the unambiguous ones, so that a German
// percentage or a Drupal %name is text.
func TestPOPlaceholders(t *testing.T) {
	tests := []struct {
		name, flags, msgid string
		seg                string // the segment sent (codes as <xN/>)
	}{
		// No flag: ordinary text, only unambiguous directives.
		{"percent before a word", "", "Rund 50 % der Befragten stimmten zu.", "Rund 50 % der Befragten stimmten zu."},
		{"percent at the end", "", "Um 5 % gestiegen.", "Um 5 % gestiegen."},
		{"Drupal %name", "", `Siehe <a href="%handbook">Handbuch</a>.`, `Siehe &lt;a href="%handbook">Handbuch&lt;/a>.`},
		{"German %ig", "", "Eine 100%ige Steigerung", "Eine 100%ige Steigerung"},
		{"printf", "", "Datei %s von %d", "Datei <x1/> von <x2/>"},
		{"positional and precision", "", "%1$s: %.2f %%", "<x1/>: <x2/> <x3/>"},
		{"python named", "", "Hallo %(name)s!", "Hallo <x1/>!"},
		{"braces", "", "{count} Dateien, {n}x", "<x1/> Dateien, <x2/>x"},
		{"inner newline", "", "eins\nzwei", "eins<x1/>zwei"},
		{"possible-c-format is a guess", "possible-c-format", "Rund 50 % der", "Rund 50 % der"},
		// Flagged: the format's own grammar, as msgfmt -c checks it.
		{"c-format space flag", "c-format", "Rund 50 % der", "Rund 50 <x1/>er"},
		{"c-format %ha", "c-format", "%handbook", "<x1/>ndbook"},
		{"c-format flags and sizes", "c-format", "%'d %-5ld %lld %zu %<PRId64> %*d %1$*2$d", "<x1/> <x2/> <x3/> <x4/> <x5/> <x6/> <x7/>"},
		{"c-format braces are text", "c-format", "{count} %s", "{count} <x1/>"},
		{"fuzzy, c-format", "fuzzy, c-format", "%s Dateien", "<x1/> Dateien"},
		{"no-c-format", "no-c-format", "%s und 50 %d", "%s und 50 %d"},
		{"python-format", "python-format", "%(count)d Dateien", "<x1/> Dateien"},
		{"python-brace-format", "python-brace-format", "{0!r:>10} von {name}, 50 %d", "<x1/> von <x2/>, 50 %d"},
		{"csharp-format", "csharp-format", "{0,5:N2} Euro", "<x1/> Euro"},
		{"qt-format", "qt-format", "%1 von %L2", "<x1/> von <x2/>"},
		{"kde-format", "kde-format", "%1 Dateien", "<x1/> Dateien"},
		{"sh-format", "sh-format", "$HOME und ${USER}", "<x1/> und <x2/>"},
		{"boost-format", "boost-format", "%1% von %2%", "<x1/> von <x2/>"},
		{"lisp-format", "lisp-format", "~A Dateien~%", "<x1/> Dateien<x2/>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := ""
			if tc.flags != "" {
				src = "#, " + tc.flags + "\n"
			}
			src += "msgid \"" + poEscape(tc.msgid) + "\"\nmsgstr \"\"\n"
			d, err := Read(strings.NewReader(src), "x.po", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Segments) != 1 || d.Segments[0].Text != tc.seg {
				t.Fatalf("segments %q, want %q", d.Identity(), tc.seg)
			}
			// The codes write back as the placeholders they were.
			out, probs := write(t, d, d.Identity(), "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if want := poString("msgstr", tc.msgid, "\n"); !strings.HasSuffix(out, want) {
				t.Errorf("wrote %q, want it to end %q", out, want)
			}
		})
	}
}

// TestPOPlaceholdersDrupal: in a real Drupal file (no format flags), %handbook and the like
// are sent as text, not as a printf "%ha" followed by "ndbook".
func TestPOPlaceholdersDrupal(t *testing.T) {
	d, _ := readFile(t, "testdata/po/drupal-cp1251.po", Options{})
	found := false
	for _, s := range d.Segments {
		found = found || strings.Contains(s.Text, `href="%handbook"`)
		for _, c := range s.Codes {
			if strings.HasPrefix(c.Open, "%h") {
				t.Errorf("code %q in %q", c.Open, s.Text)
			}
		}
	}
	if !found {
		t.Error(`no segment has href="%handbook" as text`)
	}
}
