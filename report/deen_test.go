package report

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func readLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// TestGermanEnglishSet pins the corpus scores of the de→en set in testdata/report/de-en.
//
// Source of the expected numbers: bitext itself. No sacreBLEU output has been published for a
// German→English set whose texts this repository may include, and sacreBLEU cannot be run on
// this project's machines, so these are regression values, not an external check. The
// external checks are the sacreBLEU test-suite and README values in sacrebleu_test.go, which
// exercise the same code paths (13a tokenization, multiple references, exp smoothing,
// effective-order chrF, Tercom shifts).
func TestGermanEnglishSet(t *testing.T) {
	dir := "../testdata/report/de-en/"
	ref := readLines(t, dir+"reference.en")
	want := map[string]string{
		"mt-a.en": "BLEU 78.14 chrF2 91.18 chrF2++ 90.74 TER 15.32",
		"mt-b.en": "BLEU 35.37 chrF2 60.86 chrF2++ 59.28 TER 53.23",
	}
	for file, w := range want {
		hyp := readLines(t, dir+file)
		var parts []string
		for _, m := range DefaultMetrics() {
			s, err := CorpusScore(m, hyp, [][]string{ref}, "")
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, fmt.Sprintf("%s %.2f", m.Name(), s.Score))
		}
		if got := strings.Join(parts, " "); got != w {
			t.Errorf("%s: %s, want %s", file, got, w)
		}
	}
}
