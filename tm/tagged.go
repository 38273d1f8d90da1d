package tm

import (
	"strings"
	"unicode"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
)

// A document segment with inline codes (an XLIFF <g>, an HTML <b>) is looked up and stored by
// translate under its tagged text: package document's numbered codes, <g1>…</g1> and <x2/>,
// numbered from 1 in the order they open, with the codes that enclose or precede all the words
// moved out of the segment (they are the document's, not the translation's). A later sentence
// of a segment is numbered from 1 too (document.ShiftCodes). An imported pair with codes (TMX
// <bpt>/<ept>/<ph>, XLIFF <g>/<x>, as package corpus gives them in SourceTagged and
// TargetTagged) answers such a segment only when it is stored under the same text, with its
// target's codes numbered alike: documentForms makes those entries.

// taggedForm is one entry an imported pair with codes is stored under besides its plain words:
// a tagged source as translate keys a document segment, and the target with the same codes.
// num maps the pair's code numbers to the form's (renumber), so that the codes' markup is
// stored under the numbers the form's texts use.
type taggedForm struct {
	source, target string
	num            map[int]int
}

// documentForms returns the tagged entries of p: the whole segment (as a sentence inside a
// longer paragraph is keyed), and, when codes enclose or precede all its words, the segment
// without them (as a paragraph of that one sentence is keyed) unless no code is left, when the
// plain entry answers it. hasMarkup says whether p carries inline markup at all; a pair with
// markup and no forms keeps its words only: its codes do not convert (see convertCodes).
func documentForms(p corpus.Pair) (forms []taggedForm, hasMarkup bool) {
	if p.SourceTagged == "" && p.TargetTagged == "" {
		return nil, false
	}
	src, tgt := document.Pieces(p.SourceTagged), document.Pieces(p.TargetTagged)
	if p.TargetTagged == "" {
		tgt = []document.Piece{{Kind: document.PieceText, Text: p.Target}}
	}
	if !document.HasTags(p.SourceTagged) || document.CheckTags(document.CodesOf(p.SourceTagged), p.SourceTagged) != nil {
		// Codes in the target only have no place in any document segment; codes that do not
		// pair up are no segment's codes.
		return nil, true
	}
	whole, ok := convertCodes(src, tgt)
	if !ok {
		return nil, true
	}
	forms = append(forms, whole)
	srcRest, srcCut := trimEdges(src)
	if len(srcCut) == 0 {
		return forms, true
	}
	tgtRest, tgtCut := trimEdges(tgt)
	if !sameCodes(srcCut, tgtCut) {
		// The target has other codes at its edges: without them it would lose formatting the
		// translator placed, or keep codes the document writes itself.
		return forms, true
	}
	if inner, ok := convertCodes(srcRest, tgtRest); ok && document.HasTags(inner.source) {
		forms = append(forms, inner)
	}
	return forms, true
}

// reviewedForms returns the tagged entries of a decision people made on p (a reviewed entry,
// stored or imported): documentForms', and when the translation kept only some of the source's
// paired codes, or none (an edit typed as words, a bold deleted), the same forms with the codes
// it kept. The decision is still the answer to the formatted segment: stored under its words
// alone, the machine translation it replaced went on answering the segment with its codes. The
// document writer places the missing codes at the segment's edges and says so
// (document.Problem). A translation that dropped a standalone code (a placeholder, a line
// break: words of the sentence, not formatting), holds a code the source lacks or nests them
// badly makes no forms.
func reviewedForms(p corpus.Pair) []taggedForm {
	forms, _ := documentForms(p)
	if len(forms) > 0 || !document.HasTags(p.SourceTagged) || document.CheckTags(document.CodesOf(p.SourceTagged), p.SourceTagged) != nil {
		return forms
	}
	src := document.Pieces(p.SourceTagged)
	tgt := []document.Piece{{Kind: document.PieceText, Text: p.Target}}
	if p.TargetTagged != "" {
		tgt = document.Pieces(p.TargetTagged)
	}
	whole, ok := convertKept(src, tgt)
	if !ok {
		return nil
	}
	forms = append(forms, whole)
	srcRest, srcCut := trimEdges(src)
	if len(srcCut) == 0 {
		return forms
	}
	// The document writes the edge codes itself; the translation may keep them there or not
	// at all, but not inside its words.
	tgtRest, tgtCut := trimEdges(tgt)
	for id := range tgtCut {
		if !srcCut[id] {
			return forms
		}
	}
	for _, piece := range tgtRest {
		if piece.Kind != document.PieceText && srcCut[piece.ID] {
			return forms
		}
	}
	if inner, ok := convertKept(srcRest, tgtRest); ok && document.HasTags(inner.source) {
		forms = append(forms, inner)
	}
	return forms
}

// convertKept is convertCodes for a translation that may lack some of the source's paired
// codes (reviewedForms): the codes it has must pass document.CheckTags among themselves.
func convertKept(src, tgt []document.Piece) (form taggedForm, ok bool) {
	s, t, num, ok := renumber(src, tgt)
	if !ok {
		return taggedForm{}, false
	}
	inTarget := map[int]bool{}
	for _, c := range document.CodesOf(t) {
		inTarget[c.ID] = true
	}
	var kept []document.Code
	for _, c := range document.CodesOf(s) {
		switch {
		case inTarget[c.ID]:
			kept = append(kept, c)
		case c.Kind != document.Paired:
			return taggedForm{}, false // a placeholder or line break dropped: words lost
		}
	}
	if document.CheckTags(kept, t) != nil {
		return taggedForm{}, false
	}
	return taggedForm{source: s, target: t, num: num}, true
}

// convertCodes writes source and target pieces as tagged texts, the source's codes numbered
// 1, 2, … in the order they open (as package document numbers a segment's codes) and the
// target's by the source code each is. ok is false unless both pass document.CheckTags
// against the source's codes: every code exactly once on each side, paired codes properly
// nested, none in the target that the source lacks. A translation whose codes differ is not
// made to fit (document.SafePlacement would put the source's codes around all the words): a
// memory hit is used as it is, unchecked, and a guess at the formatting must not pass for
// the translator's.
func convertCodes(src, tgt []document.Piece) (form taggedForm, ok bool) {
	s, t, num, ok := renumber(src, tgt)
	if !ok {
		return taggedForm{}, false
	}
	if document.CheckTags(document.CodesOf(s), t) != nil {
		return taggedForm{}, false
	}
	return taggedForm{source: s, target: t, num: num}, true
}

// renumber writes source and target pieces as tagged texts, the source's codes numbered 1, 2,
// … in the order they open (as package document numbers a segment's codes) and the target's
// by the source code each is; num maps the pieces' numbers to the texts'. ok is false when the
// target has a code the source lacks or the source's own codes do not pass document.CheckTags.
func renumber(src, tgt []document.Piece) (s, t string, num map[int]int, ok bool) {
	num = map[int]int{}
	for _, p := range src {
		if p.Kind == document.PieceOpen || p.Kind == document.PieceStandalone {
			if _, seen := num[p.ID]; !seen {
				num[p.ID] = len(num) + 1
			}
		}
	}
	if s, ok = writeTagged(src, num); !ok {
		return "", "", nil, false
	}
	if t, ok = writeTagged(tgt, num); !ok {
		return "", "", nil, false
	}
	if document.CheckTags(document.CodesOf(s), s) != nil {
		return "", "", nil, false
	}
	return s, t, num, true
}

// writeTagged writes pieces as tagged text with the codes renumbered by num; ok is false when
// a code has no number there.
func writeTagged(ps []document.Piece, num map[int]int) (string, bool) {
	var b strings.Builder
	for _, p := range ps {
		if p.Kind == document.PieceText {
			b.WriteString(document.EscapeText(p.Text))
			continue
		}
		n, ok := num[p.ID]
		if !ok {
			return "", false
		}
		b.WriteString(document.PieceTag(p.Kind, n))
	}
	return b.String(), true
}

// trimEdges takes off what package document moves out of a segment into its fixed prefix and
// suffix (document.EdgePieces); cut holds the numbers of the codes taken off.
func trimEdges(ps []document.Piece) (rest []document.Piece, cut map[int]bool) {
	rest, before, after := document.EdgePieces(ps)
	cut = map[int]bool{}
	for _, p := range append(before, after...) {
		if p.Kind != document.PieceText {
			cut[p.ID] = true
		}
	}
	return rest, cut
}

// sameCodes reports whether two sets of code numbers are equal.
func sameCodes(a, b map[int]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for id := range a {
		if !b[id] {
			return false
		}
	}
	return true
}

// wordPlaceholder says whether a tagged source has a standalone code standing as a word of its
// own: white space (or the text's edge) on one side and white space on the other, as a %d or
// a {name} stands ("Sie haben <x1/> neue Nachrichten", "<x1/> Dateien"). A code between two
// words' letters (a line break, a tab: "1<x1/>12345") or next to punctuation ("schläft<x2/>.")
// stands for no word.
func wordPlaceholder(tagged string) bool {
	ps := document.Pieces(tagged)
	for i, p := range ps {
		if p.Kind != document.PieceStandalone {
			continue
		}
		before, after := document.PieceEdgeRune(ps, i, -1), document.PieceEdgeRune(ps, i, 1)
		space := func(r rune) bool { return r == 0 || unicode.IsSpace(r) }
		if space(before) && space(after) && (before != 0 || after != 0) {
			return true
		}
	}
	return false
}
