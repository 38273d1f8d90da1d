package review

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
)

// A segment's inline codes (package document's numbered codes, as corpus reads them from an
// XLIFF or TMX unit's markup) are shown to the reviewer as tokens, in the source and in the
// text box of the translation: ⟨1⟩…⟨/1⟩ around words for a paired code (bold, a link), ⟨2/⟩ for
// a standalone one (a placeholder, a line break) — the code's number between mathematical
// angle brackets (U+27E8, U+27E9), which words almost never hold, so that a token is seen at a
// glance, moved by cut and paste, and not mistaken for text. A bracket that is part of the
// words is shown twice (⟨⟨, ⟩⟩): a single bracket is always a token's, and a token a deletion
// broke ("⟨1", "1⟩") is refused instead of being taken for words.

const (
	openBracket  = '⟨'
	closeBracket = '⟩'
)

// tokenText is a tagged text as the reviewer sees and edits it: its words unescaped, brackets
// in them doubled, its codes as tokens.
func tokenText(tagged string) string {
	var b strings.Builder
	for _, p := range document.Pieces(tagged) {
		switch p.Kind {
		case document.PieceText:
			b.WriteString(doubleBrackets(p.Text))
		default:
			b.WriteString(token(p.Kind, p.ID))
		}
	}
	return b.String()
}

// doubleBrackets writes each bracket of words twice (see tokenText).
func doubleBrackets(s string) string {
	if !strings.ContainsAny(s, "⟨⟩") {
		return s
	}
	return strings.NewReplacer("⟨", "⟨⟨", "⟩", "⟩⟩").Replace(s)
}

// token is how a code piece of a tagged text is shown.
func token(kind document.PieceKind, id int) string {
	n := strconv.Itoa(id)
	switch kind {
	case document.PieceOpen:
		return "⟨" + n + "⟩"
	case document.PieceClose:
		return "⟨/" + n + "⟩"
	}
	return "⟨" + n + "/⟩"
}

// codeSet is the codes a segment has, by number: whether each is paired. The reviewer may use
// any of them in the translation: the source's (one the machine translation dropped) and those
// of the translation under review.
type codeSet map[int]bool

// codesOf collects the codes of tagged texts.
func codesOf(tagged ...string) codeSet {
	cs := codeSet{}
	for _, t := range tagged {
		for _, p := range document.Pieces(t) {
			if _, seen := cs[p.ID]; seen || p.Kind == document.PieceText {
				continue
			}
			cs[p.ID] = p.Kind != document.PieceStandalone
		}
	}
	return cs
}

// tokens lists the codes as tokens, in order of number ("⟨1⟩…⟨/1⟩, ⟨2/⟩"), for messages.
func (cs codeSet) tokens() string {
	ids := make([]int, 0, len(cs))
	for id := range cs {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var out []string
	for _, id := range ids {
		out = append(out, cs.shown(id))
	}
	return strings.Join(out, ", ")
}

// shown is code id as the reviewer writes it: the pair, or the standalone token.
func (cs codeSet) shown(id int) string {
	if cs[id] {
		return token(document.PieceOpen, id) + "…" + token(document.PieceClose, id)
	}
	return token(document.PieceStandalone, id)
}

// TokenError is a translation whose tokens are not the segment's codes: a token broken, of a
// code the segment does not have, used twice, or pairs that do not open, close and nest as
// brackets do. Nothing of such a decision is saved; the page shows the message.
type TokenError struct {
	At      int // the character (1-based) where the problem is
	Problem string
}

func (e *TokenError) Error() string {
	return fmt.Sprintf("review: the translation's codes: at character %d: %s", e.At, e.Problem)
}

// readTokens reads a translation as the reviewer typed it back into tagged text (document's
// numbered codes, words escaped), checking its tokens against the segment's codes: each
// token is well formed and one of the codes, of the right kind (⟨N⟩…⟨/N⟩ for a paired code,
// ⟨N/⟩ for a standalone one), there at most once, and pairs open before they close and nest.
// A code left out is allowed: the decision drops it (see droppedCodes).
func readTokens(text string, codes codeSet) (string, error) {
	var b strings.Builder
	var open []int // paired codes open, innermost last
	openedAt := map[int]int{}
	used := map[int]bool{}
	at := 1 // the character at i, 1-based
	for i := 0; i < len(text); {
		if j := strings.IndexAny(text[i:], "⟨⟩"); j != 0 { // words up to the next bracket
			if j < 0 {
				j = len(text) - i
			}
			b.WriteString(document.EscapeText(strings.ToValidUTF8(text[i:i+j], "\uFFFD")))
			at += utf8.RuneCountInString(text[i : i+j])
			i += j
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		next, _ := utf8.DecodeRuneInString(text[i+n:])
		switch {
		case r == next: // ⟨⟨ or ⟩⟩: a bracket of the words
			b.WriteString(string(r))
			i += 2 * n
			at += 2
			continue
		case r == closeBracket:
			return "", &TokenError{at, "a stray ⟩, left of a broken code? Codes are written " + howCodes + "; a bracket of the words is written twice, ⟩⟩"}
		}
		kind, id, size := scanToken(text[i:])
		if size == 0 {
			return "", &TokenError{at, fmt.Sprintf("%q is not a code: codes are written %s; a bracket of the words is written twice, ⟨⟨", clipRunes(text[i:], 8), howCodes)}
		}
		tok := text[i : i+size]
		paired, known := codes[id]
		switch {
		case !known && len(codes) == 0:
			return "", &TokenError{at, tok + " is not a code of this segment, which has none"}
		case !known:
			return "", &TokenError{at, fmt.Sprintf("%s is not one of this segment's codes (%s)", tok, codes.tokens())}
		case paired && kind == document.PieceStandalone:
			return "", &TokenError{at, fmt.Sprintf("%s should be the pair %s: code %d goes around words", tok, codes.shown(id), id)}
		case !paired && kind != document.PieceStandalone:
			return "", &TokenError{at, fmt.Sprintf("%s should be %s: code %d stands alone", tok, codes.shown(id), id)}
		}
		switch kind {
		case document.PieceClose:
			switch {
			case len(open) > 0 && open[len(open)-1] == id:
				open = open[:len(open)-1]
				b.WriteString(document.PieceTag(kind, id))
			case slices.Contains(open, id):
				inner := open[len(open)-1]
				return "", &TokenError{at, fmt.Sprintf("%s closes before %s: codes nest as brackets do, close ⟨/%d⟩ first", tok, token(document.PieceClose, inner), inner)}
			case used[id]:
				return "", &TokenError{at, fmt.Sprintf("%s is there twice; each code goes in once", tok)}
			default:
				return "", &TokenError{at, fmt.Sprintf("%s comes before %s: a pair opens before it closes", tok, token(document.PieceOpen, id))}
			}
		default:
			if used[id] {
				return "", &TokenError{at, fmt.Sprintf("%s is there twice; each code goes in once", tok)}
			}
			used[id] = true
			if kind == document.PieceOpen {
				open = append(open, id)
				openedAt[id] = at
			}
			b.WriteString(document.PieceTag(kind, id))
		}
		i += size
		at += utf8.RuneCountInString(tok)
	}
	if len(open) > 0 {
		id := open[len(open)-1]
		return "", &TokenError{openedAt[id], fmt.Sprintf("%s is never closed: add %s after the words it goes around, or delete both to drop the code", token(document.PieceOpen, id), token(document.PieceClose, id))}
	}
	return b.String(), nil
}

// scanToken reads a token at the start of s: ⟨N⟩, ⟨/N⟩ or ⟨N/⟩, N a number of at most six
// digits. size is 0 when s starts with no token.
func scanToken(s string) (kind document.PieceKind, id, size int) {
	i := len("⟨")
	closing := strings.HasPrefix(s[i:], "/")
	if closing {
		i++
	}
	start := i
	for i < len(s) && i-start < 7 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start || i-start > 6 {
		return 0, 0, 0
	}
	id, _ = strconv.Atoi(s[start:i])
	alone := !closing && strings.HasPrefix(s[i:], "/")
	if alone {
		i++
	}
	if !strings.HasPrefix(s[i:], "⟩") {
		return 0, 0, 0
	}
	i += len("⟩")
	switch {
	case closing:
		return document.PieceClose, id, i
	case alone:
		return document.PieceStandalone, id, i
	}
	return document.PieceOpen, id, i
}

// howCodes says how codes are written, for messages.
const howCodes = "⟨1⟩…⟨/1⟩ around words or ⟨2/⟩ alone"

// clipRunes is the first n characters of s.
func clipRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// droppedCodes are the codes of before (a tagged text) that after lacks, as tokens: the
// codes a decision took out of the translation it replaced.
func droppedCodes(before, after string) []string {
	have := codesOf(after)
	var out []string
	cs := codesOf(before)
	for _, p := range document.Pieces(before) {
		if p.Kind == document.PieceOpen || p.Kind == document.PieceStandalone {
			if _, ok := have[p.ID]; !ok {
				out = append(out, cs.shown(p.ID))
			}
		}
	}
	return out
}
