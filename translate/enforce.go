package translate

import (
	"context"
	"errors"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/qa"
)

// check returns the glossary violations of a unit's translation.
func (t *Translator) check(u *unitState) []Violation {
	if t.mode() == GlossaryOff {
		return nil
	}
	return t.checkText(u.source, u.target)
}

// checkText checks a translation against the glossary. A document's tagged segment is checked
// by its words: a rendering the markup cuts ("the <g1>State</g1> Department") is there for a
// reader, and the text's escapes (&amp;) are not words.
func (t *Translator) checkText(source, target string) []Violation {
	return t.Glossary.Check(wordsOf(source), wordsOf(target))
}

// wordsOf is a tagged text's words (document.Plain); other text as it is.
func wordsOf(s string) string {
	if document.HasTags(s) {
		return document.Plain(s)
	}
	return s
}

// repairs reports whether failing segments are asked again.
func (t *Translator) repairs() bool {
	m := t.mode()
	// A driver that cannot use the feedback (Google v2, DeepL) would be sent the same request
	// again and paid twice for the same answer.
	return t.Repair > 0 && (m == GlossaryPrompt || m == GlossaryMask) && t.Provider != nil && providers.UsesFeedback(t.Provider)
}

// repair re-asks the units with violations, naming the violations, up to t.Repair rounds. A
// round's answer replaces the earlier one only when it has fewer violations.
func (t *Translator) repair(ctx context.Context, units []*unitState, tl *tally) error {
	if !t.repairs() {
		return nil
	}
	for round := 0; round < t.Repair; round++ {
		var bad []*unitState
		feedback := map[int]string{}
		for _, u := range units {
			if len(u.violations) > 0 && u.suspect == "" {
				feedback[len(bad)] = qa.Feedback(u.violations)
				bad = append(bad, u)
			}
		}
		if len(bad) == 0 {
			return nil
		}
		tl.update(func(s *Stats) { s.Repairs += len(bad) })
		targets, suspects, err := t.ask(ctx, bad, "", feedback, tl)
		var partial *partialAnswer
		if errors.As(err, &partial) && ctx.Err() == nil {
			err = nil // the segments it gave up on keep the answers they had
		}
		if err != nil && ctx.Err() == nil && isolatable(err) {
			return nil // the answers before the round stand, their violations reported
		}
		if err != nil {
			return err
		}
		for i, u := range bad {
			if partial != nil && partial.failed[i] {
				continue
			}
			if suspects[i] != "" {
				continue // an answer in doubt does not replace one that is only missing a term
			}
			v := t.checkText(u.source, targets[i])
			if len(v) < len(u.violations) {
				u.target, u.violations = targets[i], v
			}
		}
	}
	return nil
}
