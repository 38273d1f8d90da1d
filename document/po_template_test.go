package document

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// msgfmtCheck holds a written catalogue to gettext's msgfmt -c when it is installed.
func msgfmtCheck(t *testing.T, out string) {
	t.Helper()
	msgfmt, err := exec.LookPath("msgfmt")
	if err != nil {
		t.Log("msgfmt not installed (Debian: gettext): not checked by gettext")
		return
	}
	po := filepath.Join(t.TempDir(), "out.po")
	if err := os.WriteFile(po, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(msgfmt, "-c", "-o", os.DevNull, po).CombinedOutput(); err != nil {
		t.Errorf("msgfmt -c: %v\n%s\noutput:\n%s", err, b, out)
	}
}

// TestPOTemplateHeader: a catalogue written from xgettext's template (an excerpt of snapper's
// snapper.pot, po/SOURCES.md) has the header of a catalogue in the target language: its
// Language, charset=UTF-8 and the language's Plural-Forms where the template left
// placeholders, and no fuzzy flag. msgfmt -c refused the output before ("invalid nplurals
// value", charset "CHARSET"); a plural message has as many forms as the language.
func TestPOTemplateHeader(t *testing.T) {
	src, err := os.ReadFile("testdata/po/snapper.pot")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, language, plural string
		forms                  int
		fuzzy                  bool
	}{
		{"de", "de", "nplurals=2; plural=(n != 1);", 2, false},
		{"ru", "ru", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", 3, false},
		{"pt-BR", "pt_BR", "nplurals=2; plural=(n > 1);", 2, false},
		{"ja", "ja", "nplurals=1; plural=0;", 1, false},
		// A language without a known rule: its plural forms stay the template's, and so
		// does the fuzzy flag that keeps msgfmt from taking the header for a catalogue's.
		{"tlh", "tlh", "nplurals=INTEGER; plural=EXPRESSION;", 2, true},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			d, err := Read(bytes.NewReader(src), "snapper.pot", Options{SourceLang: "en", TargetLang: tc.lang})
			if err != nil {
				t.Fatal(err)
			}
			out, probs := write(t, d, translateAll(d, func(s string) string { return "EN " + s }), tc.lang)
			if len(probs) > 0 {
				t.Error(probs)
			}
			head, _, _ := strings.Cut(out, "\n\n")
			for _, k := range []string{`"Language: ` + tc.language + `\n"`, `charset=UTF-8\n"`, `"Plural-Forms: ` + tc.plural + `\n"`, `"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"`} {
				if !strings.Contains(head, k) {
					t.Errorf("header lacks %s:\n%s", k, head)
				}
			}
			if strings.Contains(head, "#, fuzzy") != tc.fuzzy {
				t.Errorf("header fuzzy %v, want %v:\n%s", !tc.fuzzy, tc.fuzzy, head)
			}
			entry := regexp.MustCompile(`msgid_plural "Deleting snapshots from %s:"\n((?:msgstr\[\d\] .*\n)*)`).FindStringSubmatch(out)
			if entry == nil || strings.Count(entry[1], "msgstr[") != tc.forms {
				t.Errorf("want %d forms:\n%s", tc.forms, out)
			}
			if !tc.fuzzy {
				msgfmtCheck(t, out)
			}
		})
	}
	// Written with no language, the template's header stays a template's.
	d, err := Read(bytes.NewReader(src), "snapper.pot", Options{SourceLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(src), "\n\n")
	if out, _ := write(t, d, d.Identity(), ""); !strings.HasPrefix(out, head+"\n\n") {
		t.Errorf("the template's header written with no language changed:\n%s", out)
	}
}

// TestPOPluralForms: each form of a plural message is written from the source message that
// fits its numbers (gnome-system-monitor's Russian catalogue, its translations emptied,
// po/SOURCES.md). Russian's form 0 serves 1, 21, 31…: the singular "Force Stop Selected
// Process?" has no %d, so that form is written from the plural "Force Stop %d Selected
// Processes?" (it was the singular's translation, which msgfmt -c refuses: "number of format
// specifications in 'msgid_plural' and 'msgstr[0]' does not match"); "%d Open File" keeps its
// singular there. The complete header is written as it is.
func TestPOPluralForms(t *testing.T) {
	d, src := readFile(t, "testdata/po/gnome-system-monitor-ru.po", Options{SourceLang: "en", TargetLang: "ru"})
	out, probs := write(t, d, translateAll(d, func(s string) string { return "EN " + s }), "ru")
	if len(probs) > 0 {
		t.Error(probs)
	}
	for _, k := range []string{
		"msgid \"%d Open File\"\nmsgid_plural \"%d Open Files\"\nmsgstr[0] \"EN %d Open File\"\nmsgstr[1] \"EN %d Open Files\"\nmsgstr[2] \"EN %d Open Files\"\n",
		"msgid \"Force Stop Selected Process?\"\nmsgid_plural \"Force Stop %d Selected Processes?\"\nmsgstr[0] \"EN Force Stop %d Selected Processes?\"\nmsgstr[1] \"EN Force Stop %d Selected Processes?\"\nmsgstr[2] \"EN Force Stop %d Selected Processes?\"\n",
	} {
		if !strings.Contains(out, k) {
			t.Errorf("output lacks %q:\n%s", k, out)
		}
	}
	if h, _, _ := strings.Cut(string(src), "\n\n"); !strings.HasPrefix(out, h+"\n\n") {
		t.Errorf("the header changed:\n%s", out)
	}
	msgfmtCheck(t, out)
}

// TestPOPluralRules: which numbers take which form, as gettext evaluates a Plural-Forms rule,
// and which source message each form is written from.
func TestPOPluralRules(t *testing.T) {
	tests := []struct {
		rule string
		ok   bool
		// one is the form of n=1, counts the numbers of 0…999 each form takes.
		one    int
		counts []int
		// singular: the forms written from the singular when it has the plural's
		// placeholders (same) and when it has not.
		same, notSame []bool
	}{
		{poPluralRuleFor("en"), true, 0, []int{1, 999}, []bool{true, false}, []bool{true, false}},
		{poPluralRuleFor("fr"), true, 0, []int{2, 998}, []bool{true, false}, []bool{false, false}},
		{poPluralRuleFor("ja"), true, 0, []int{1000}, []bool{true}, []bool{false}},
		{poPluralRuleFor("ru"), true, 0, []int{90, 270, 640}, []bool{true, false, false}, []bool{false, false, false}},
		{poPluralRuleFor("pl"), true, 0, []int{1, 270, 729}, []bool{true, false, false}, []bool{true, false, false}},
		{poPluralRuleFor("ar"), true, 1, []int{1, 1, 1, 80, 890, 27}, []bool{false, true, false, false, false, false}, []bool{false, true, false, false, false, false}},
		{"nplurals=2; plural=n == 1 ? 0 : 1;", true, 0, []int{1, 999}, nil, nil},
		{"nplurals=3;\n plural=!(n>=2) ? 0 : n%100/10==1 ? 1 : 2;", true, 0, []int{2, 100, 898}, nil, nil},
		{"nplurals=INTEGER; plural=EXPRESSION;", false, 0, nil, nil, nil},
		{"nplurals=2; plural=n;", false, 0, nil, nil, nil}, // forms past the second
		{"nplurals=2; plural=(n != 1;", false, 0, nil, nil, nil},
		{"nplurals=2; plural=n/0;", true, 0, []int{1000, 0}, nil, nil},
	}
	for _, tc := range tests {
		f, ok := parsePoPluralForms(tc.rule)
		if ok != tc.ok {
			t.Errorf("%q: ok %v", tc.rule, ok)
			continue
		}
		if !ok {
			continue
		}
		if f.one != tc.one || !slices.Equal(f.counts, tc.counts) {
			t.Errorf("%q: one %d, counts %v; want %d, %v", tc.rule, f.one, f.counts, tc.one, tc.counts)
		}
		for k := range tc.same {
			if got := poSingularForm(f, true, k, true); got != tc.same[k] {
				t.Errorf("%q: form %d from the singular (same placeholders) %v", tc.rule, k, got)
			}
			if got := poSingularForm(f, true, k, false); got != tc.notSame[k] {
				t.Errorf("%q: form %d from the singular (other placeholders) %v", tc.rule, k, got)
			}
		}
	}
}
