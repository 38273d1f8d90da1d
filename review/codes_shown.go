package review

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/qa"
)

// The segment page shows a segment's source and translation with their codes as tokens among
// the words, each titled with what it stands for, and gives its script the segment's codes.

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
