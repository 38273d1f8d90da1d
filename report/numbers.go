package report

import (
	"regexp"

	"github.com/bitext/bitext/qa"
)

// wordRe finds words (untranslated counts function words with it).
var wordRe = regexp.MustCompile(`[\p{L}]+`)

// numberMismatch is qa.CompareNumbers (the number check check, translate and review share)
// polling p between its passes over the texts.
func numberMismatch(p *poller, source, target string) (missing, extra []string, err error) {
	return qa.CompareNumbers(p.tick, source, target)
}
