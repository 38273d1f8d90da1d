package document

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestXLIFFStateQualifier: every XLIFF 1.2 target bitext fills says where its translation came
// from — state="translated" state-qualifier="leveraged-mt" (machine translation), or
// "leveraged-tm" when every translation in it came from the translation memory — and a
// qualifier the target had before is replaced; a target left as its source says neither, and
// XLIFF 2.x, which has no qualifier, says state="translated" only. Real CAT-tool files where
// there are (Okapi's, an OmegaT package); the output reads back with nothing left to translate
// and validates against the official schemas.
func TestXLIFFStateQualifier(t *testing.T) {
	const (
		head = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>`
		tail = `</body></file></xliff>`
	)
	fixture := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	all := func(o Origin) func(int) Origin { return func(int) Origin { return o } }
	tests := []struct {
		name, src string
		origin    func(seg int) Origin // nil: no Origins given
		// qualifiers are the state-qualifiers of the output's targets, in order ("" for a target
		// without one).
		qualifiers []string
		// v2 is an XLIFF 2.x file: no target has a qualifier, every filled segment is
		// state="translated".
		v2 bool
	}{
		{"okapi-TDAMatchTest.xlf: targets made", fixture("windows/okapi-TDAMatchTest.xlf"), nil,
			[]string{"leveraged-mt", "leveraged-mt", "leveraged-mt"}, false},
		{"OmegaT package: copies of the source filled", fixture("windows/okapi-omegatpack-test01.properties.xlf"), nil,
			[]string{"leveraged-mt", "leveraged-mt"}, false},
		// One unit's target is its seg-source's single <x/> (no words, not filled).
		{"okapi-docxsegtest.xlf: segmented targets", fixture("okapi-docxsegtest.xlf"), nil,
			[]string{"", "leveraged-mt", "leveraged-mt", "leveraged-mt"}, false},
		{"okapi-docxsegtest.xlf: from the memory", fixture("okapi-docxsegtest.xlf"), all(TranslationMemory),
			[]string{"", "leveraged-tm", "leveraged-tm", "leveraged-tm"}, false},
		// A segmented target is from the memory only when all its segments are.
		{"okapi-docxsegtest.xlf: one sentence in three by machine", fixture("okapi-docxsegtest.xlf"),
			func(seg int) Origin { return []Origin{TranslationMemory, MachineTranslation, TranslationMemory}[seg%3] },
			[]string{"", "leveraged-mt", "leveraged-mt", "leveraged-mt"}, false},
		{"a qualifier no longer true is replaced",
			head + `<trans-unit id="1"><source>Der Rat tagt.</source><target state="needs-translation" state-qualifier="exact-match">Der Rat tagt.</target></trans-unit>` + tail,
			nil, []string{"leveraged-mt"}, false},
		{"artikel-2.1.xlf", fixture("artikel-2.1.xlf"), nil, nil, true},
	}
	targetTag := regexp.MustCompile(`<target\b[^>]*>`)
	qualifier := regexp.MustCompile(`state-qualifier="([^"]*)"`)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			opt := WriteOptions{TargetLang: "en"}
			if tc.origin != nil {
				for i := range d.Segments {
					opt.Origins = append(opt.Origins, tc.origin(i))
				}
			}
			var b strings.Builder
			if probs, err := d.Write(&b, translateAll(d, upper), opt); err != nil || len(probs) > 0 {
				t.Fatal(err, probs)
			}
			out := b.String()
			var got []string
			for _, tag := range targetTag.FindAllString(out, -1) {
				q := ""
				if m := qualifier.FindStringSubmatch(tag); m != nil {
					q = m[1]
				}
				got = append(got, q)
			}
			if tc.v2 {
				if strings.Contains(out, "state-qualifier") || !regexp.MustCompile(`<segment [^>]*state="translated"`).MatchString(out) {
					t.Errorf("XLIFF 2 written with a qualifier or without state:\n%s", out)
				}
			} else if strings.Join(got, ",") != strings.Join(tc.qualifiers, ",") {
				t.Errorf("qualifiers %q, want %q:\n%s", got, tc.qualifiers, out)
			}
			for _, tag := range targetTag.FindAllString(out, -1) {
				if strings.Contains(tag, "state-qualifier") && !strings.Contains(tag, `state="translated"`) {
					t.Errorf("a qualifier without state=\"translated\": %s", tag)
				}
			}
			again, err := Read(strings.NewReader(out), "x.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Segments) != 0 {
				t.Errorf("still to translate after filling: %q", again.Identity())
			}
			// Segments not translated are not qualified, and read back as still to translate.
			id := writeUntranslated(t, d, "")
			if strings.Contains(id, "state-qualifier") && !strings.Contains(tc.src, "state-qualifier") {
				t.Errorf("untranslated targets qualified:\n%s", id)
			}
			if again, err := Read(strings.NewReader(id), "x.xlf", Options{}); err != nil || !slices.Equal(again.Identity(), d.Identity()) {
				t.Errorf("untranslated targets read back as %q (%v), want %q:\n%s", again.Identity(), err, d.Identity(), id)
			}
			validateXLIFF(t, tc.name, strings.Replace(out, ` okp:inputEncoding="windows-1252"`, "", 1))
		})
	}
}

// TestXLIFFNeedsReview: a translation the checks still doubted (a lost code, German left) is
// written so that no CAT tool takes it for finished: 1.2 state="needs-review-translation"
// (with its machine qualifier), 2.x state="initial".
func TestXLIFFNeedsReview(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"artikel-1.2.xlf", `<target state="needs-review-translation" state-qualifier="leveraged-mt">`},
		{"artikel-2.1.xlf", `state="initial"`},
	} {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(strings.NewReader(string(b)), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			opt := WriteOptions{TargetLang: "en", Origins: make([]Origin, len(d.Segments))}
			opt.Origins[0] = NeedsReview
			var out strings.Builder
			if _, err := d.Write(&out, translateAll(d, upper), opt); err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(out.String(), tc.want); n != 1 {
				t.Errorf("%d targets with %s, want the doubted one:\n%s", n, tc.want, out.String())
			}
			validateXLIFF(t, tc.file, out.String())
		})
	}
}
