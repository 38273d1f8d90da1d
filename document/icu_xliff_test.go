package document

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestICUAngularXLIFF: the ICU units of Angular's extracted XLIFF (1.2: the i18n guide's
// messages.xlf; 2.0: the extractor's expected output in its serializer spec) are sent case by
// case, their placeholders and inline elements as codes, and written back with the syntax
// exactly as it was; the file still validates against the XLIFF schema and nothing is left to
// translate in it.
func TestICUAngularXLIFF(t *testing.T) {
	tests := []struct {
		file string
		segs []string // a run of the segments sent, in order
		want []string // lines of the output (every segment upper-cased)
	}{
		{"angular-aio-messages.xlf",
			[]string{"Updated", "just now", "one minute ago", "<x1/> minutes ago", "The author is", "male", "female", "other", "Updated:",
				"just now", "one minute ago", "<x1/> minutes ago by <x2/>", "male", "female", "other"},
			[]string{
				`<target state="translated" state-qualifier="leveraged-mt">{VAR_PLURAL, plural, =0 {JUST NOW} =1 {ONE MINUTE AGO} other {<x id="INTERPOLATION" equiv-text="{{minutes}}"/> MINUTES AGO} }</target>`,
				`<target state="translated" state-qualifier="leveraged-mt">{VAR_SELECT, select, male {MALE} female {FEMALE} other {OTHER} }</target>`,
				`<target state="translated" state-qualifier="leveraged-mt">{VAR_PLURAL, plural, =0 {JUST NOW} =1 {ONE MINUTE AGO} other {<x id="INTERPOLATION" equiv-text="{{minutes}}"/> MINUTES AGO BY {VAR_SELECT, select, male {MALE} female {FEMALE} other {OTHER} }} }</target>`,
			}},
		{"angular-xliff2-spec.xlf",
			[]string{"<g1>test</g1>", "foo", "Text", "hello <g1></g1>", "<g1>deeply nested</g1>", "Test:", "<g1>deeply nested</g1>", "a lot"},
			[]string{
				`<target>{VAR_PLURAL, plural, =0 {<pc id="0" equivStart="START_PARAGRAPH" equivEnd="CLOSE_PARAGRAPH" type="other" dispStart="&lt;p&gt;" dispEnd="&lt;/p&gt;">TEST</pc>} }</target>`,
				`<target>{VAR_PLURAL, plural, =0 {{VAR_SELECT, select, other {<pc id="0" equivStart="START_PARAGRAPH" equivEnd="CLOSE_PARAGRAPH" type="other" dispStart="&lt;p&gt;" dispEnd="&lt;/p&gt;">DEEPLY NESTED</pc>} } } }</target>`,
				`<target>{VAR_PLURAL, plural, =0 {{VAR_SELECT, select, other {<pc id="0" equivStart="START_PARAGRAPH" equivEnd="CLOSE_PARAGRAPH" type="other" dispStart="&lt;p&gt;" dispEnd="&lt;/p&gt;">DEEPLY NESTED</pc>} } } =other {A LOT} }</target>`,
			}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d, _ := readFile(t, filepath.Join("testdata", "icu", tc.file), Options{})
			ids := strings.Join(d.Identity(), "\n")
			if !strings.Contains(ids, strings.Join(tc.segs, "\n")) {
				t.Fatalf("segments\n%s\nlack the run\n%s", ids, strings.Join(tc.segs, "\n"))
			}
			for _, s := range d.Segments {
				if strings.ContainsAny(s.Text, "{}") {
					t.Errorf("ICU syntax sent: %q", s.Text)
				}
			}
			out, probs := write(t, d, translateAll(d, upper), "de")
			if len(probs) > 0 {
				t.Error(probs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks\n%s\n%s", w, out)
				}
			}
			validateXLIFF(t, tc.file, out)
			d2, err := Read(strings.NewReader(out), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d2.Segments) != 0 {
				t.Errorf("still to translate after writing: %q", d2.Identity())
			}
		})
	}
}

// TestICUXLIFFGerman: the brief's Angular plural, German, in XLIFF 1.2 and 2.0: three cases sent,
// the placeholder a code, and the English written into the same syntax.
func TestICUXLIFFGerman(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"1.2",
			`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" datatype="plaintext" original="ng2.template"><body><trans-unit id="1" datatype="html"><source>{VAR_PLURAL, plural, =0 {gerade eben} =1 {vor einer Minute} other {vor <x id="INTERPOLATION" equiv-text="{{minutes}}"/> Minuten}}</source></trans-unit></body></file></xliff>`,
			`<target state="translated" state-qualifier="leveraged-mt">{VAR_PLURAL, plural, =0 {just now} =1 {a minute ago} other {<x id="INTERPOLATION" equiv-text="{{minutes}}"/> minutes ago}}</target>`},
		{"2.0",
			`<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de"><file original="ng.template" id="ngi18n"><unit id="1"><segment><source>{VAR_PLURAL, plural, =0 {gerade eben} =1 {vor einer Minute} other {vor <ph id="0" equiv="INTERPOLATION" disp="{{minutes}}"/> Minuten}}</source></segment></unit></file></xliff>`,
			`<segment state="translated"><source>{VAR_PLURAL, plural, =0 {gerade eben} =1 {vor einer Minute} other {vor <ph id="0" equiv="INTERPOLATION" disp="{{minutes}}"/> Minuten}}</source><target>{VAR_PLURAL, plural, =0 {just now} =1 {a minute ago} other {<ph id="0" equiv="INTERPOLATION" disp="{{minutes}}"/> minutes ago}}</target></segment>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "messages.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"gerade eben", "vor einer Minute", "vor <x1/> Minuten"}
			if strings.Join(d.Identity(), "\n") != strings.Join(want, "\n") {
				t.Fatalf("segments %q, want %q", d.Identity(), want)
			}
			if n := d.Segments[2].Note; n != "(ICU message: case other of the plural VAR_PLURAL)" {
				t.Errorf("note %q", n)
			}
			out, probs := write(t, d, []string{"just now", "a minute ago", "<x1/> minutes ago"}, "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("output lacks\n%s\n%s", tc.want, out)
			}
			validateXLIFF(t, tc.name, out)
			// An engine that dropped the placeholder: the case gets it back at its edge, the
			// syntax is untouched.
			out, probs = write(t, d, []string{"just now", "a minute ago", "minutes ago"}, "en")
			if len(probs) != 1 || probs[0].Segment != 2 {
				t.Errorf("problems %v, want one in the third segment", probs)
			}
			if !strings.Contains(out, `=1 {a minute ago} other {minutes ago<`) {
				t.Errorf("safe placement not in its case:\n%s", out)
			}
		})
	}
}
