package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/fixtures"
)

func TestReadXLIFFUnits(t *testing.T) {
	// A file bitext filled reads back as pairs, codes and all.
	d, _ := readFile(t, "testdata/artikel-1.2.xlf", Options{})
	out, _ := write(t, d, translateAll(d, upper), "en")
	b, err := ReadXLIFFUnits(strings.NewReader(out), "out.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if b.SourceLang != "de" || b.TargetLang != "en" || len(b.Units) != 5 {
		t.Fatalf("%s→%s, %d units", b.SourceLang, b.TargetLang, len(b.Units))
	}
	u := b.Units[0]
	if u.ID != "1" || u.Source != "Die neue Brücke wurde am Montag eröffnet." || u.Target != "DIE NEUE BRÜCKE WURDE AM MONTAG ERÖFFNET." ||
		u.SourceTagged != "Die <g1>neue Brücke</g1> wurde am Montag eröffnet." || u.TargetTagged != "DIE <g1>NEUE BRÜCKE</g1> WURDE AM MONTAG ERÖFFNET." ||
		u.State != "translated" || u.Note != "Überschrift des Artikels" || !u.Translate || u.Line != 6 {
		t.Errorf("unit 1: %+v", u)
	}
	if u := b.Units[2]; u.Translate || u.Target != "" {
		t.Errorf("unit 3: %+v", u)
	}
	if u := b.Units[3]; u.Target != "Already translated." {
		t.Errorf("unit 4: %+v", u)
	}

	b, err = ReadXLIFFUnits(strings.NewReader(mustRead(t, "testdata/artikel-2.1.xlf")), "a.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Units) != 3 || b.Units[0].ID != "u1/s1" || b.Units[1].Target != "Already done." || b.Units[1].State != "final" || b.TargetLang != "en" {
		t.Errorf("2.1: %+v", b)
	}

	if _, err := ReadXLIFFUnits(strings.NewReader("<xliff version='1.2'><file></xliff>"), "bad.xlf"); err == nil || !strings.Contains(err.Error(), "bad.xlf:1:") {
		t.Errorf("bad file: %v", err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Real files with translations (Okapi's test suites): every unit with a target reads as a pair.
func TestReadXLIFFUnitsReal(t *testing.T) {
	dir := fixtures.Dir(t, "interop/xliff", "okapi-omegatpack-test01.properties.xlf")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlf"))
	pairs := 0
	for _, f := range files {
		b, err := ReadXLIFFUnits(strings.NewReader(mustRead(t, f)), f)
		if err != nil {
			continue // the non-UTF-8 files, refused with a message (TestRealXLIFF)
		}
		for _, u := range b.Units {
			if u.Target != "" {
				pairs++
			}
			if u.Target != "" && u.TargetTagged == "" || u.Source != Plain(u.SourceTagged) {
				t.Errorf("%s unit %s: %+v", filepath.Base(f), u.ID, u)
			}
		}
	}
	if pairs == 0 {
		t.Error("no pairs read")
	}
	t.Logf("%d pairs with targets in %d files", pairs, len(files))
}
