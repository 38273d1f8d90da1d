package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadSegmentedXLIFF: a 1.2 unit segmented by <seg-source> (Okapi Rainbow's output for a
// .docx, document/testdata/okapi-docxsegtest.xlf) gives a pair per <mrk mtype="seg">, paired by
// mid, each with its own codes: a CAT tool's memory of such files answers translate's sentence
// lookups. Before, each unit was one paragraph-long pair that no sentence ever matched.
func TestReadSegmentedXLIFF(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "document", "testdata", "okapi-docxsegtest.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := readAll(XLIFF, b, nil, ReaderOptions{SourceLang: "en", TargetLang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"This is a test in DOCX format.",
		"This is the second sentence in this paragraph.",
		"This one is the third.",
		"There is one sentence here.",
		"There is a second sentence here.",
		"And there is a third onehere (next line).",
		"This paragraph has some bold, itaclics, and underlined text.",
		"And here are a lot more different types of formatting:",
		"Font type, and size, and ｏｔｈｅｒ　ｄｅｃｏｒａｔｉｏｎｓ.",
	}
	if len(ps) != len(want) {
		t.Fatalf("%d pairs, want %d: %+v", len(ps), len(want), ps)
	}
	for i, p := range ps {
		if p.Source != want[i] || p.Target != want[i] {
			t.Errorf("pair %d: %q → %q, want %q", i, p.Source, p.Target, want[i])
		}
	}
	if ps[3].SourceTagged != "There is one <g1>sentence</g1> here." || ps[3].TargetTagged != ps[3].SourceTagged {
		t.Errorf("codes of a sentence: %q → %q", ps[3].SourceTagged, ps[3].TargetTagged)
	}
	if ps[0].ID != "tu9#0" { // (readAll checks that every pair has its unit's line)
		t.Errorf("first pair's id %q", ps[0].ID)
	}
}
