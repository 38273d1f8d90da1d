package document

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPOFormNote: the note of a plural form sent on its own names it and the numbers that take
// it, as gettext's rule of the language says (evaluated, not listed by hand).
func TestPOFormNote(t *testing.T) {
	tests := []struct {
		lang  string
		notes []string
	}{
		{"ru", []string{
			"plural form 1 of 3 (n = 1, 21, 31, …)",
			"plural form 2 of 3 (n = 2–4, 22–24, 32–34, …)",
			"plural form 3 of 3 (n = 0, 5–20, 25–30, …)",
		}},
		{"pl", []string{
			"plural form 1 of 3 (n = 1)",
			"plural form 2 of 3 (n = 2–4, 22–24, 32–34, …)",
			"plural form 3 of 3 (n = 0, 5–21, 25–31, …)",
		}},
		{"cs", []string{
			"plural form 1 of 3 (n = 1)",
			"plural form 2 of 3 (n = 2–4)",
			"plural form 3 of 3 (n = 0, 5, 6, 7, …)",
		}},
		{"sl", []string{
			"plural form 1 of 4 (n = 1, 101, 201, …)",
			"plural form 2 of 4 (n = 2, 102, 202, …)",
			"plural form 3 of 4 (n = 3, 4, 103, 104, 203, 204, …)",
			"plural form 4 of 4 (n = 0, 5–100, 105–200, …)",
		}},
		{"ar", []string{
			"plural form 1 of 6 (n = 0)",
			"plural form 2 of 6 (n = 1)",
			"plural form 3 of 6 (n = 2)",
			"plural form 4 of 6 (n = 3–10, 103–110, 203–210, …)",
			"plural form 5 of 6 (n = 11–99, 111–199, 211–299, …)",
			"plural form 6 of 6 (n = 100–102, 200–202, 300–302, …)",
		}},
		{"ga", []string{
			"plural form 1 of 3 (n = 1)",
			"plural form 2 of 3 (n = 2)",
			"plural form 3 of 3 (n = 0, 3, 4, 5, …)",
		}},
	}
	for _, tc := range tests {
		f, ok := parsePoPluralForms(poPluralRuleFor(tc.lang))
		if !ok {
			t.Fatalf("%s: no rule", tc.lang)
		}
		var got []string
		for k := range f.n {
			got = append(got, poFormNote(f, k))
		}
		if !slices.Equal(got, tc.notes) {
			t.Errorf("%s: notes\n%q\nwant\n%q", tc.lang, got, tc.notes)
		}
	}
}

// TestPOPluralFormSegments: a plural message of a catalogue whose language has more than two
// forms is sent form by form, each from the source message that fits it and with a note naming
// the form, and each form's translation is written to its msgstr[N]. Before, Russian was sent
// the singular and the plural, and its forms 2 and 3 (2–4 and 5–20 processes) were written with
// the same text. A language of two forms is sent the singular and the plural as before.
func TestPOPluralFormSegments(t *testing.T) {
	ru := []string{
		"plural form 1 of 3 (n = 1, 21, 31, …)",
		"plural form 2 of 3 (n = 2–4, 22–24, 32–34, …)",
		"plural form 3 of 3 (n = 0, 5–20, 25–30, …)",
	}
	tests := []struct {
		file, lang string
		// the segments of the plural entry whose msgid is msgid: "text | note"
		msgid string
		segs  []string
	}{
		// gnome-system-monitor's Russian catalogue: its header's three forms.
		{"gnome-system-monitor-ru.po", "ru", "%d Open File", []string{
			"<x1/> Open File | " + ru[0], "<x1/> Open Files | " + ru[1], "<x1/> Open Files | " + ru[2]}},
		// The singular has no %d: every form is the plural's, the extracted comment kept.
		{"gnome-system-monitor-ru.po", "ru", "End Selected Process?", []string{
			"End <x1/> Selected Processes? | " + ru[0] + ". xgettext: primary alert message for ending multiple processes",
			"End <x1/> Selected Processes? | " + ru[1] + ". xgettext: primary alert message for ending multiple processes",
			"End <x1/> Selected Processes? | " + ru[2] + ". xgettext: primary alert message for ending multiple processes"}},
		// snapper's template, written for a language of three forms: the language's rule.
		{"snapper.pot", "pl", "Deleting snapshot from %s:", []string{
			"Deleting snapshot from <x1/>: | plural form 1 of 3 (n = 1)",
			"Deleting snapshots from <x1/>: | plural form 2 of 3 (n = 2–4, 22–24, 32–34, …)",
			"Deleting snapshots from <x1/>: | plural form 3 of 3 (n = 0, 5–21, 25–31, …)"}},
		// Two forms: the singular and the plural, no note, as before.
		{"snapper.pot", "de", "Deleting snapshot from %s:", []string{
			"Deleting snapshot from <x1/>: | ", "Deleting snapshots from <x1/>: | "}},
		{"snapper.pot", "fr", "Deleting snapshot from %s:", []string{
			"Deleting snapshot from <x1/>: | ", "Deleting snapshots from <x1/>: | "}},
		{"snapper.pot", "en", "Deleting snapshot from %s:", []string{
			"Deleting snapshot from <x1/>: | ", "Deleting snapshots from <x1/>: | "}},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.msgid, func(t *testing.T) {
			d, src := readFile(t, "testdata/po/"+tc.file, Options{SourceLang: "en", TargetLang: tc.lang})
			line := poLineOf(t, string(src), "msgid "+poQuoted(tc.msgid))
			var got []string
			for _, s := range d.Segments {
				if s.Line == line || s.Line == line+1 { // the msgid's line and the msgid_plural's
					got = append(got, s.Text+" | "+s.Note)
				}
			}
			if !slices.Equal(got, tc.segs) {
				t.Errorf("segments\n%q\nwant\n%q", got, tc.segs)
			}
			// Each segment's translation names its index, so that each msgstr[N] shows
			// which one it was written from.
			targets := make([]string, len(d.Segments))
			for i, s := range d.Segments {
				targets[i] = fmt.Sprintf("T%d %s", i, s.Text)
			}
			out, probs := write(t, d, targets, tc.lang)
			if len(probs) > 0 {
				t.Error(probs)
			}
			entry := regexp.MustCompile(`(?m)^msgid ` + regexp.QuoteMeta(poQuoted(tc.msgid)) + `\n(?:.*\n)*?((?:msgstr\[\d\] .*\n)+)`).FindStringSubmatch(out)
			if entry == nil {
				t.Fatalf("no entry %q:\n%s", tc.msgid, out)
			}
			var first int
			for i, s := range d.Segments {
				if s.Line == line || s.Line == line+1 {
					first = i
					break
				}
			}
			strs := strings.Split(strings.TrimSuffix(entry[1], "\n"), "\n")
			if len(tc.segs) > 2 {
				// Form by form: msgstr[k] is segment k's translation.
				for k, l := range strs {
					if want := fmt.Sprintf("msgstr[%d] \"T%d ", k, first+k); !strings.HasPrefix(l, want) {
						t.Errorf("form %d: %s, want %s…", k, l, want)
					}
				}
			}
			if len(strs) < 2 {
				t.Errorf("msgstrs %q", strs)
			}
			msgfmtCheck(t, out)
			// Not translated, the entry keeps its empty msgstrs.
			if tc.file != "snapper.pot" {
				if out := writeUntranslated(t, d, tc.lang); out != string(src) {
					t.Errorf("written untranslated:\n%s", out)
				}
			}
		})
	}
}

// poQuoted is s as a .po string literal.
func poQuoted(s string) string { return `"` + poEscape(s) + `"` }

// poLineOf is the 1-based line of src that is line.
func poLineOf(t *testing.T, src, line string) int {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if l == line {
			return i + 1
		}
	}
	t.Fatalf("no line %q", line)
	return 0
}
