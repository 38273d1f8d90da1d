package report

import (
	"regexp"

	"github.com/bitext/bitext/qa"
)

// wordRe finds words (untranslated counts function words with it).
var wordRe = regexp.MustCompile(`[\p{L}]+`)

// NumberMismatch compares the numbers of a German source and its English translation and
// returns the source mentions missing from the target and the target mentions not in the
// source. It is qa.NumberMismatch: check, translate and review compare numbers the same way.
func NumberMismatch(source, target string) (missing, extra []string) {
	return qa.NumberMismatch(source, target)
}

// numberMismatch is qa.CompareNumbers polling p between its passes over the texts.
func numberMismatch(p *poller, source, target string) (missing, extra []string, err error) {
	return qa.CompareNumbers(p.tick, source, target)
}
