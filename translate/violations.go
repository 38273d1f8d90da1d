package translate

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/qa"
)

// Violations leave the pipeline as qa.Violations, the one type check, report, review and
// translate share (Pair.Findings): located in the pair's source and target, with the glossary
// entry, its note and its other renderings where the glossary knows them. The pipeline itself
// still carries its own Violation while it translates, since a Glossary's Check returns one and
// repair rounds and the memory's deduplication pass them around; it is converted once, when a
// document's pairs are put together.

// QAChecker is a Glossary that can also report its violations as qa.Violations, with the
// glossary entry behind each one. FromGlossary's adapter is one. The pipeline asks it only for
// pairs that have violations, to give Pair.Findings the entry, note and offsets that Violation
// does not carry.
type QAChecker interface {
	CheckQA(source, target string, loc qa.Location) []qa.Violation
}

// QA converts a pipeline violation into a qa.Violation of the pair source → target at loc. The
// spans are found by searching: the source term (case-insensitively, as the glossary matched
// it) in source, the found rendering in target; NoSpan where they are not found. A Suspect
// answer becomes a flag of kind Suspect whose Message is the reason.
func (v Violation) QA(source, target string, loc qa.Location) qa.Violation {
	if v.Kind == Suspect {
		return qa.NewFlag(Suspect, v.Found, loc)
	}
	q := qa.Violation{Kind: v.Kind, Term: v.SourceTerm, Entry: v.SourceTerm, Expected: v.Expected, Found: v.Found, Location: loc}
	q.SourceStart, q.SourceEnd, q.TargetStart, q.TargetEnd = qa.NoSpan, qa.NoSpan, qa.NoSpan, qa.NoSpan
	if v.SourceTerm != "" {
		if at := indexFold(source, v.SourceTerm); at >= 0 {
			q.SourceStart, q.SourceEnd = at, at+len(v.SourceTerm)
		}
	}
	if v.Found != "" {
		if at := strings.Index(target, v.Found); at >= 0 {
			q.TargetStart, q.TargetEnd = at, at+len(v.Found)
		}
	}
	return q
}

// FromQA is the pipeline's Violation for a qa.Violation, with its repair instruction: what a
// Glossary built on package qa returns from Check.
func FromQA(v qa.Violation) Violation {
	if v.Kind == Suspect {
		return Violation{Kind: Suspect, Found: v.Message}
	}
	return Violation{Kind: v.Kind, SourceTerm: v.Term, Expected: v.Expected, Found: v.Found, Feedback: v.Feedback()}
}

// indexFold is the byte offset of the first case-insensitive occurrence of sub in s, or -1.
// Only offsets where the match has sub's length in bytes count, so the span is exact.
func indexFold(s, sub string) int {
	if at := strings.Index(s, sub); at >= 0 {
		return at
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if i > 0 && s[i]&0xC0 == 0x80 {
			continue // inside a UTF-8 sequence
		}
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// PairLabel is how a pair's location reads in reports and listings: "doc ¶P.S".
func PairLabel(doc string, p *Pair) string {
	return fmt.Sprintf("%s ¶%d.%d", doc, p.Paragraph, p.Sentence)
}

// findings converts a pair's violations for Pair.Findings, in the same order. Glossary kinds
// take the glossary's own qa.Violation where the glossary is a QAChecker and reports the same
// violation for the pair (same kind, term and found rendering), so the entry, note, variants
// and exact offsets come along; the rest are converted by Violation.QA.
func (t *Translator) findings(vs []Violation, source, target string, loc qa.Location) []qa.Violation {
	if len(vs) == 0 {
		return nil
	}
	var rich []qa.Violation
	if c, ok := t.Glossary.(QAChecker); ok && t.mode() != GlossaryOff && hasGlossaryKind(vs) {
		rich = c.CheckQA(source, target, loc)
	}
	used := make([]bool, len(rich))
	out := make([]qa.Violation, len(vs))
	for i, v := range vs {
		out[i] = v.QA(source, target, loc)
		for j, r := range rich {
			if !used[j] && r.Kind == v.Kind && r.Term == v.SourceTerm && r.Found == v.Found {
				out[i], used[j] = r, true
				break
			}
		}
	}
	return out
}

func hasGlossaryKind(vs []Violation) bool {
	for _, v := range vs {
		if qa.IsGlossary(v.Kind) {
			return true
		}
	}
	return false
}

// setFindings fills Findings of the pairs with violations; doc names the document in their
// locations and first is the 1-based position of pairs[0] in the result.
func (t *Translator) setFindings(doc string, pairs []Pair, first int) {
	for i := range pairs {
		p := &pairs[i]
		if len(p.Violations) == 0 {
			continue
		}
		loc := qa.Location{Document: doc, Segment: first + i, Label: PairLabel(doc, p)}
		p.Findings = t.findings(p.Violations, wordsOf(p.Source), wordsOf(p.Target), loc)
	}
}
