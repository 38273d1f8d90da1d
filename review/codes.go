package review

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
)

// A segment with inline codes (an XLIFF or TMX unit's formatting and placeholders) is reviewed
// with them: its source and translation are shown with the codes as tokens (tokens.go), the
// text box holds the translation with its tokens, and a decision is read back to tagged text
// and kept with its codes in the journal, the memory and every output — the XLIFF file itself
// gets each code's own markup back (corpus.PatchXLIFF). A segment without codes is reviewed as
// words, as before.

// coded says whether a pair has inline codes, in its source or its translation.
func coded(p corpus.Pair) bool {
	return document.HasTags(p.SourceTagged) || document.HasTags(p.TargetTagged)
}

// inputTagged is the tagged form of a coded pair's translation under review ("" for a pair
// without codes): its TargetTagged, or its words when the reader gave none.
func inputTagged(p corpus.Pair) string {
	switch {
	case !coded(p):
		return ""
	case p.TargetTagged != "":
		return p.TargetTagged
	}
	return document.EscapeText(p.Target)
}

// codes are the codes the reviewer may put in the translation.
func (e *entry) codes() codeSet { return codesOf(e.Pair.SourceTagged, e.Pair.TargetTagged) }

// shown is the translation as the text box holds it: with its codes as tokens when the segment
// has codes, else its words.
func (e *entry) shown() string {
	if !e.coded {
		return e.Target
	}
	return tokenText(e.Tagged)
}

// readDecision reads the reviewer's text for e back: the decided words and, for a segment with
// codes, the tagged translation (tokens checked, see readTokens). A text the same as the
// current translation, up to white space around it, is the current translation as it stands,
// leading newline and codes and all (an accept): as the text box shows it, or as its words
// (Decide's callers that know no tokens). An edit is kept trimmed.
func (e *entry) readDecision(text string) (words, tagged string, err error) {
	if strings.TrimSpace(text) == "" {
		return "", "", ErrEmptyTranslation
	}
	if t := strings.TrimSpace(text); t == strings.TrimSpace(e.shown()) || t == strings.TrimSpace(e.Target) {
		return e.Target, e.Tagged, nil
	}
	if !e.coded {
		return strings.TrimSpace(text), "", nil
	}
	if tagged, err = readTokens(strings.TrimSpace(text), e.codes()); err != nil {
		return "", "", err
	}
	return strings.TrimSpace(document.Plain(tagged)), tagged, nil
}

// dropped are the codes of the translation under review that the current one lacks, as
// tokens: taken out by an edit (or an edit typed as words, without any).
func (e *entry) dropped() []string {
	if e.Status == Open || !e.coded {
		return nil
	}
	return droppedCodes(inputTagged(e.Pair), e.Tagged)
}

// missing are the source's codes the current translation lacks, as tokens.
func (e *entry) missing() []string {
	if !e.coded {
		return nil
	}
	return droppedCodes(e.Pair.SourceTagged, e.Tagged)
}

// pairTagged is e's pair as the outputs write it: the current translation, with its codes
// when it has any. A translation without codes (an edit typed as words) leaves the target's
// tagged form empty, so that the formats with codes write the words, not the codes of the
// translation it replaced; the source keeps its codes.
func (e *entry) pairTagged() corpus.Pair {
	p := e.Pair
	p.Target = e.Target
	p.TargetTagged = ""
	if document.HasTags(e.Tagged) {
		p.TargetTagged = e.Tagged
	}
	return p
}

// journalTagged is the tagged translation a journal's decision d gives e. A journal of a
// review without codes (or of a bitext before it kept them) says the words only: an accept
// keeps the translation's codes, an edit is words.
func (e *entry) journalTagged(d Decision) (string, error) {
	switch {
	case !e.coded && d.AfterTagged != "":
		return "", errors.New("a translation with codes for a segment without any (another review's journal?)")
	case !e.coded:
		return "", nil
	case d.AfterTagged == "" && d.After == e.Target:
		return e.Tagged, nil
	case d.AfterTagged == "":
		return document.EscapeText(d.After), nil
	}
	// The words are the tagged text's, up to white space: a pair's words keep apart words
	// that a line-break code separates (corpus), and an accepted translation keeps them so.
	if got := document.Plain(d.AfterTagged); noSpace(got) != noSpace(d.After) {
		return "", fmt.Errorf("after_tagged reads %q, not the decided %q", clip(got), clip(d.After))
	}
	codes := e.codes()
	for _, p := range document.Pieces(d.AfterTagged) {
		if _, ok := codes[p.ID]; !ok && p.Kind != document.PieceText {
			return "", fmt.Errorf("after_tagged holds code %d, which segment %d does not have", p.ID, d.Segment)
		}
	}
	return d.AfterTagged, nil
}

// noSpace is s without its white space.
func noSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}
