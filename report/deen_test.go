package report

import (
	"math"
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

// TestGermanEnglishSet checks the corpus scores of the de→en set in testdata/report/de-en
// (ten sentences of the seed articles, reference.en, a good and a flawed system) against
// sacreBLEU's printed values, to 0.01.
//
// Source of the expected numbers: sacreBLEU 2.0.0 (__version__ '2.0.0' in sacrebleu/__init__.py
// at github.com/mjpost/sacrebleu commit 880ce6fea08a4f6c8055240845e341efe14bdd71; BLEU and the
// Metric base at commit 078c440168c6adc89ba75fe6d63f0d922d42bcfe, lib_ter.py at
// 4c3a688c2a6f5259666606c454d14981ed1cda80), rebuilt outside this repository from the public
// source and run locally with Debian's python3 3.11 on 2026-11-22 through its Python API:
//
//	cd testdata/report/de-en
//	PYTHONPATH=/tmp/sacrebleu-src /usr/bin/python3 score.py reference.en mt-a.en mt-b.en
//
// where score.py prints Score.format(signature=…) of corpus_score(hyp, [ref]) for BLEU(),
// CHRF(), CHRF(word_order=2) and TER() — the line `sacrebleu reference.en -i mt-a.en
// -m bleu chrf ter -f text` (with --chrf-word-order 2 for chrF2++) prints. The same build printed
// the README's `BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 …)` and `chrF2 = 59.73` for
// testdata/report/sacrebleu-readme. Printed scores (full output in
// testdata/report/de-en/sacrebleu-output.txt):
//
//	mt-a.en  BLEU = 78.14 90.3/81.3/74.2/68.4 (BP = 1.000 ratio = 1.051 hyp_len = 144 ref_len = 137)
//	         chrF2 = 91.18  chrF2++ = 90.74  TER = 15.32
//	mt-b.en  BLEU = 35.37 63.1/43.2/28.5/20.2 (BP = 1.000 ratio = 1.029 hyp_len = 141 ref_len = 137)
//	         chrF2 = 60.86  chrF2++ = 59.28  TER = 53.23
//
// mt-b.en's last line is empty; sacreBLEU scores it as an empty hypothesis (ref_len 137 for
// both systems), and so must bitext.
func TestGermanEnglishSet(t *testing.T) {
	dir := "../testdata/report/de-en/"
	ref := readLines(t, dir+"reference.en")
	sacrebleu := map[string]map[string]float64{
		"mt-a.en": {"BLEU": 78.14, "chrF2": 91.18, "chrF2++": 90.74, "TER": 15.32},
		"mt-b.en": {"BLEU": 35.37, "chrF2": 60.86, "chrF2++": 59.28, "TER": 53.23},
	}
	for file, want := range sacrebleu {
		hyp := readLines(t, dir+file)
		if len(hyp) != len(ref) {
			t.Fatalf("%s: %d lines, reference.en %d", file, len(hyp), len(ref))
		}
		seen := 0
		for _, m := range DefaultMetrics() {
			w, ok := want[m.Name()]
			if !ok {
				continue
			}
			seen++
			s, err := CorpusScore(m, hyp, [][]string{ref}, "")
			if err != nil {
				t.Fatal(err)
			}
			// sacreBLEU prints two decimals, so agreement to 0.01 means |got−printed| ≤ 0.005
			// plus float slack.
			if math.Abs(s.Score-w) > 0.005+1e-9 {
				t.Errorf("%s %s = %.4f, sacreBLEU printed %.2f", file, m.Name(), s.Score, w)
			}
		}
		if seen != len(want) {
			t.Errorf("%s: DefaultMetrics covered %d of %d sacreBLEU metrics", file, seen, len(want))
		}
	}
}
