package translate

import (
	"fmt"

	"github.com/bitext/bitext/qa"
)

// Violation is what is wrong with a translation: qa.Violation, the one type check, report,
// review and translate share. The pipeline carries it from the glossary check through repair
// rounds and the memory's deduplication to Pair.Findings, where it is located in the pair.
// A glossary violation names the term, the rendering required and the one found; an answer the
// provider still doubted is a flag of kind Suspect whose Message is the reason.
type Violation = qa.Violation

// Suspect is the Violation kind of an answer the provider still doubted after asking again
// (empty, unchanged source, chatter around it, wrong length, shifted, broken tags): it is
// reported and not stored in the memory.
const Suspect = qa.Suspect

// PairLabel is how a pair's location reads in reports and listings: "doc ¶P.S".
func PairLabel(doc string, p *Pair) string {
	return fmt.Sprintf("%s ¶%d.%d", doc, p.Paragraph, p.Sentence)
}

// setFindings gives the findings of pairs their location; doc names the document and first is
// the 1-based position of pairs[0] in the result. The violations were found in a unit's text;
// a pair's Findings get a copy, since units with the same source share theirs.
func setFindings(doc string, pairs []Pair, first int) {
	for i := range pairs {
		p := &pairs[i]
		if len(p.Findings) == 0 {
			continue
		}
		loc := qa.Location{Document: doc, Segment: first + i, Label: PairLabel(doc, p)}
		p.Findings = qa.Locate(p.Findings, wordsOf(p.Source), wordsOf(p.Target), loc)
	}
}
