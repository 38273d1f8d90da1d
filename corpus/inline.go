package corpus

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
)

// Inline codes. A Pair's Source and Target are always plain words. When the text carries
// markup, SourceTagged and TargetTagged hold it as document's numbered codes (<g1>…</g1>,
// <x2/>; "&" and "<" of the words escaped as &amp; and &lt;), and Codes the source's original
// markup where it is known. The XML readers (TMX, XLIFF) collect a segment's inline elements
// as pieces and number them here; the writers turn the tagged text back into the format's
// inline elements.

// inlineKind is what one piece of a segment is.
type inlineKind uint8

const (
	inText  inlineKind = iota
	inOpen             // the start of a paired code (bpt, g, pc, sc)
	inClose            // its end (ept, </g>, </pc>, ec)
	inAlone            // a standalone code (ph, x, it, ut, bx, ex)
)

// inlinePiece is a run of words or one code of a segment as read.
type inlinePiece struct {
	kind inlineKind
	text string // the words (inText) or the native markup (codes), unescaped
	// pair links an inOpen with its inClose within the segment (TMX i, XLIFF rid/id/startRef).
	pair string
	// num links a code of the source with the same code of the target ("p:1", "s:2"): TMX x
	// (or i), XLIFF id. "" for codes that have nothing to link them by.
	num  string
	name string // TMX type, XLIFF ctype/type, or "" (becomes Code.Name)
	// at is the length of the segment's plain text when the piece was read: where a code that
	// turns out to stand alone keeps the words around it apart (see gapUnpaired).
	at int
}

// codeNumbers numbers the codes of one source–target pair: the source's first, each by the
// number its num key holds when that is free (so bitext's own output reads back with the same
// numbers), else the next free one; then the target's, by a source code with the same key not
// used yet, or a new number.
type codeNumbers struct {
	src     map[string][]int // key → the numbers of the source's codes with that key
	used    map[int]bool
	tgtUsed map[int]bool
	next    int
	// srcCodes are the source's codes by number, so that a target's code with the same number
	// whose markup is its own (a TMX target's {\i where the source has {\b) keeps it.
	srcCodes map[int]document.Code
}

func newCodeNumbers() *codeNumbers {
	return &codeNumbers{src: map[string][]int{}, used: map[int]bool{}, tgtUsed: map[int]bool{}, next: 1, srcCodes: map[int]document.Code{}}
}

// code records a code of the text tagged makes: a fresh one (the source's, or the target's
// alone) goes to codes; a target's code that is a source's with other markup or another type
// goes to own, so that each side keeps what its file had.
func (n *codeNumbers) code(c document.Code, fresh, source bool, codes, own *[]document.Code) {
	switch {
	case fresh:
		*codes = append(*codes, c)
		if source {
			n.srcCodes[c.ID] = c
		}
	case !source:
		if s, ok := n.srcCodes[c.ID]; ok && s != c {
			*own = append(*own, c)
		}
	}
}

func (n *codeNumbers) free() int {
	for n.used[n.next] {
		n.next++
	}
	n.used[n.next] = true
	return n.next
}

// number returns the number of a code with the given key; fresh is true for a number no
// source code has (always for the source's own codes).
func (n *codeNumbers) number(key string, source bool) (id int, fresh bool) {
	if !source {
		for _, id := range n.src[key] {
			if !n.tgtUsed[id] {
				n.tgtUsed[id] = true
				return id, false
			}
		}
		id := n.free()
		n.tgtUsed[id] = true
		return id, true
	}
	id = 0
	if i := strings.IndexByte(key, ':'); i >= 0 {
		if v, err := strconv.Atoi(key[i+1:]); err == nil && v > 0 && v < 1e6 && !n.used[v] {
			id = v
			n.used[v] = true
		}
	}
	if id == 0 {
		id = n.free()
	}
	if key != "" {
		n.src[key] = append(n.src[key], id)
	}
	return id, true
}

// pairPieces says which opens and closes pair up: match[i] is the index of the piece i pairs
// with, or -1. A close pairs with the innermost open only.
func pairPieces(ps []inlinePiece) []int {
	match := make([]int, len(ps))
	for i := range match {
		match[i] = -1
	}
	var stack []int
	for i, p := range ps {
		switch p.kind {
		case inOpen:
			stack = append(stack, i)
		case inClose:
			if len(stack) > 0 && ps[stack[len(stack)-1]].pair == p.pair {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				match[i], match[o] = o, i
			}
		}
	}
	return match
}

// gapUnpaired puts a space into plain, the words of pieces, where the half of a pair that does
// not nest stands between two words' letters: tagged writes it as a standalone code, which a
// reader of the written file takes as a word gap ("0<bpt/>00" read as 000 came back 0 00).
func gapUnpaired(plain string, ps []inlinePiece) string {
	match := pairPieces(ps)
	var at []int
	for i, p := range ps {
		if (p.kind == inOpen || p.kind == inClose) && match[i] < 0 && p.at > 0 && p.at < len(plain) {
			before, _ := utf8.DecodeLastRuneInString(plain[:p.at])
			after, _ := utf8.DecodeRuneInString(plain[p.at:])
			if wordRune(before) && wordRune(after) && (len(at) == 0 || at[len(at)-1] != p.at) {
				at = append(at, p.at)
			}
		}
	}
	if len(at) == 0 {
		return plain
	}
	var b strings.Builder
	last := 0
	for _, a := range at {
		b.WriteString(plain[last:a])
		b.WriteByte(' ')
		last = a
	}
	b.WriteString(plain[last:])
	return b.String()
}

// tagged writes pieces as a tagged text. Paired codes whose start and end are not properly
// nested within the segment become two standalone codes, so that the tagged text is always
// well-formed. codes are the codes the text adds: all of the source's, the target's own (those
// the source does not have). own are the target's codes that are the source's (the same
// number) with markup or a type of their own (Pair.TargetCodes); none for the source.
func tagged(ps []inlinePiece, nums *codeNumbers, source bool) (text string, codes, own []document.Code) {
	match := pairPieces(ps)
	var b strings.Builder
	ids := make([]int, len(ps))
	for i, p := range ps {
		switch {
		case p.kind == inText:
			b.WriteString(document.EscapeText(p.text))
		case p.kind == inOpen && match[i] >= 0:
			id, fresh := nums.number(p.num, source)
			ids[i] = id
			b.WriteString(document.PieceTag(document.PieceOpen, id))
			nums.code(document.Code{ID: id, Kind: document.Paired, Name: p.name, Open: p.text, Close: ps[match[i]].text}, fresh, source, &codes, &own)
		case p.kind == inClose && match[i] >= 0:
			b.WriteString(document.PieceTag(document.PieceClose, ids[match[i]]))
		default: // standalone, or half of a pair that does not nest
			key := p.num
			if p.kind != inAlone && key != "" {
				key += map[inlineKind]string{inOpen: "/open", inClose: "/close"}[p.kind]
			}
			id, fresh := nums.number(key, source)
			b.WriteString(document.PieceTag(document.PieceStandalone, id))
			nums.code(document.Code{ID: id, Kind: document.Standalone, Name: p.name, Open: p.text}, fresh, source, &codes, &own)
		}
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i].ID < codes[j].ID })
	sort.Slice(own, func(i, j int) bool { return own[i].ID < own[j].ID })
	return b.String(), codes, own
}

// sideCodes is the table of codes a writer writes one side's codes from: the pair's codes, for
// the target with its own markup (Pair.TargetCodes) in place of the source's.
func sideCodes(codes, own []document.Code) []document.Code {
	if len(own) == 0 {
		return codes
	}
	out := make([]document.Code, len(codes))
	copy(out, codes)
	for _, c := range own {
		if i := slices.IndexFunc(out, func(o document.Code) bool { return o.ID == c.ID }); i >= 0 {
			out[i] = c
		} else {
			out = append(out, c)
		}
	}
	return out
}

// hasCodes reports whether pieces hold a code.
func hasCodes(ps []inlinePiece) bool {
	for _, p := range ps {
		if p.kind != inText {
			return true
		}
	}
	return false
}

// tagPiece is one piece of a tagged text as a writer meets it.
type tagPiece struct {
	kind inlineKind
	text string // words, unescaped
	id   int
}

// parseTaggedText cuts document's tagged text into words and codes (document.Pieces: <gN>,
// </gN>, <xN/>, read as leniently as document reads provider answers).
func parseTaggedText(s string) []tagPiece {
	ps := document.Pieces(s)
	out := make([]tagPiece, 0, len(ps))
	for _, p := range ps {
		switch p.Kind {
		case document.PieceText:
			out = append(out, tagPiece{kind: inText, text: p.Text})
		case document.PieceOpen:
			out = append(out, tagPiece{kind: inOpen, id: p.ID})
		case document.PieceClose:
			out = append(out, tagPiece{kind: inClose, id: p.ID})
		default:
			out = append(out, tagPiece{kind: inAlone, id: p.ID})
		}
	}
	return out
}

// codeByID finds a code of a pair by its number.
func codeByID(codes []document.Code, id int) (document.Code, bool) {
	if id >= 1 && id <= len(codes) && codes[id-1].ID == id {
		return codes[id-1], true
	}
	for _, c := range codes {
		if c.ID == id {
			return c, true
		}
	}
	return document.Code{}, false
}

// usesTags reports whether a tagged field should be written instead of the plain one.
func usesTags(tagged string) bool { return tagged != "" && document.HasTags(tagged) }
