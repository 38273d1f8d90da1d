package review

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/qa"
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

// list is the codes for the page's script: their numbers in order, a standalone one with a
// slash ("1 2/ 3").
func (cs codeSet) list() string {
	ids := make([]int, 0, len(cs))
	for id := range cs {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strconv.Itoa(id)
		if !cs[id] {
			out[i] += "/"
		}
	}
	return strings.Join(out, " ")
}

// shownPiece is a piece of a text on the segment page: words (with the class of a finding
// over them) or one of its codes as a token, with what the code stands for as its title.
type shownPiece struct {
	Text, Class string
	Token       string // the code's token; "" for words
	Close       string // a paired code's closing token, for the page's script to insert
	Title       string
}

// withCodes cuts words into pieces at the findings' spans (qa.Highlight) and puts the codes of
// tagged (the same text with codes) between them as tokens, where they stand among the words.
// The words are those the pair holds, which may differ from the tagged text's in white space
// only (the reader trims them, and keeps apart words a line-break code separated); when they
// differ otherwise the tagged text is shown as tokens without the findings.
func withCodes(words string, spans []qa.Span, tagged string, title func(document.Piece) string) []shownPiece {
	var out []shownPiece
	if !document.HasTags(tagged) {
		for _, p := range qa.Highlight(words, spans) {
			out = append(out, shownPiece{Text: p.Text, Class: p.Class})
		}
		return out
	}
	type codeAt struct {
		at    int // in words
		piece shownPiece
	}
	var plain strings.Builder
	var at []codeAt
	for _, p := range document.Pieces(tagged) {
		if p.Kind == document.PieceText {
			plain.WriteString(p.Text)
			continue
		}
		at = append(at, codeAt{plain.Len(), codePiece(p, title)})
	}
	offsets := alignWords(plain.String(), words)
	if offsets == nil {
		for _, p := range document.Pieces(tagged) {
			if p.Kind == document.PieceText {
				out = append(out, shownPiece{Text: p.Text})
			} else {
				out = append(out, codePiece(p, title))
			}
		}
		return out
	}
	pos := 0 // in words, where the next highlight piece starts
	k := 0   // the next code to place
	for _, p := range qa.Highlight(words, spans) {
		text := p.Text
		for k < len(at) && offsets[at[k].at] <= pos+len(text) {
			cut := offsets[at[k].at] - pos
			if cut > 0 {
				out = append(out, shownPiece{Text: text[:cut], Class: p.Class})
			}
			out = append(out, at[k].piece)
			text, pos = text[cut:], pos+cut
			k++
		}
		if text != "" {
			out = append(out, shownPiece{Text: text, Class: p.Class})
		}
		pos += len(text)
	}
	for ; k < len(at); k++ {
		out = append(out, at[k].piece)
	}
	return out
}

// codePiece is a code piece of a tagged text as shown.
func codePiece(p document.Piece, title func(document.Piece) string) shownPiece {
	sp := shownPiece{Token: token(p.Kind, p.ID), Title: title(p)}
	if p.Kind == document.PieceOpen {
		sp.Close = token(document.PieceClose, p.ID)
	}
	return sp
}

// codeTitle says what each code of e stands for: its markup in the XLIFF file the segment is
// from (Angular's <x id="INTERPOLATION" equiv-text="{{ name }}"/>), else the native markup and
// type the pair's Codes hold (a TMX <bpt>'s content), else only its number.
func (s *Server) codeTitle(e *entry) func(document.Piece) string {
	file := s.in.markup[corpus.XLIFFKey{Doc: e.Pair.Doc, ID: e.Pair.ID}]
	return func(p document.Piece) string {
		what := "code " + strconv.Itoa(p.ID)
		if p.Kind == document.PieceClose {
			what = "end of code " + strconv.Itoa(p.ID)
		}
		if m := file[p.ID]; m != "" {
			return what + ": " + m
		}
		var c document.Code
		for _, x := range e.Pair.Codes {
			if x.ID == p.ID {
				c = x
			}
		}
		markup := c.Open
		if p.Kind == document.PieceClose {
			markup = c.Close
		}
		switch {
		case markup != "" && c.Name != "":
			return fmt.Sprintf("%s (%s): %s", what, c.Name, markup)
		case markup != "":
			return what + ": " + markup
		case c.Name != "":
			return fmt.Sprintf("%s (%s)", what, c.Name)
		}
		return what
	}
}

// alignWords maps each offset of plain (a tagged text's words) to the offset of the same place
// in words, which may have white space plain lacks or lack white space plain has; nil when the
// two differ in more than white space.
func alignWords(plain, words string) []int {
	m := make([]int, len(plain)+1)
	i, j := 0, 0
	for i < len(plain) {
		switch {
		case j < len(words) && plain[i] == words[j]:
			m[i] = j
			i++
			j++
		case isSpace(plain[i]):
			m[i] = j
			i++
		case j < len(words) && isSpace(words[j]):
			j++
		default:
			return nil
		}
	}
	m[len(plain)] = j
	if strings.TrimSpace(words[j:]) != "" {
		return nil
	}
	return m
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// noSpace is s without its white space.
func noSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}
