package report_test

import (
	"fmt"

	"github.com/bitext/bitext/report"
)

func ExampleCorpusScore() {
	hyps := []string{"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."}
	refs := [][]string{
		{"The dog bit the man.", "It was not unexpected.", "The man bit him first."},
		{"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."},
	}
	for _, m := range []report.Metric{report.BLEU{}, report.NewCHRF()} {
		s, err := report.CorpusScore(m, hyps, refs, "1.0.0")
		if err != nil {
			panic(err)
		}
		fmt.Println(s)
	}
	// Output:
	// BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:bitext-1.0.0 = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)
	// chrF2|nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:bitext-1.0.0 = 59.73
}

func ExampleWordDiff() {
	fmt.Println(report.WdiffString(report.WordDiff("The man bit him first.", "The man had just bitten him.")))
	// Output:
	// The man [-bit-]{+had just bitten+} him[- first-].
}
