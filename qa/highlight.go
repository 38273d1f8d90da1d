package qa

import (
	"slices"
	"unicode/utf8"
)

// Span marks bytes [Start, End) of a text with a CSS class.
type Span struct {
	Start, End int
	Class      string
}

// Piece is a stretch of text and its class ("" for plain text).
type Piece struct {
	Text  string
	Class string
}

// Highlight cuts text into pieces at the spans. Spans that fall outside the text, cut a UTF-8
// sequence or overlap an earlier span are dropped, so the pieces always join to text.
func Highlight(text string, spans []Span) []Piece {
	ss := slices.Clone(spans)
	slices.SortStableFunc(ss, func(a, b Span) int { return a.Start - b.Start })
	var out []Piece
	at := 0
	for _, s := range ss {
		if s.Start < at || s.End <= s.Start || s.End > len(text) ||
			!boundary(text, s.Start) || !boundary(text, s.End) {
			continue
		}
		if s.Start > at {
			out = append(out, Piece{Text: text[at:s.Start]})
		}
		out = append(out, Piece{Text: text[s.Start:s.End], Class: s.Class})
		at = s.End
	}
	if at < len(text) || len(out) == 0 {
		out = append(out, Piece{Text: text[at:]})
	}
	return out
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// SourceSpans are the spans of the source terms of vs, classed "term KIND".
func SourceSpans(vs []Violation) []Span {
	var out []Span
	for _, v := range vs {
		if v.SourceStart >= 0 && v.SourceEnd > v.SourceStart {
			out = append(out, Span{v.SourceStart, v.SourceEnd, "term " + v.Kind})
		}
	}
	return out
}

// TargetSpans are the spans of the wrong renderings of vs in the target, classed "found KIND".
func TargetSpans(vs []Violation) []Span {
	var out []Span
	for _, v := range vs {
		if v.TargetStart >= 0 && v.TargetEnd > v.TargetStart {
			out = append(out, Span{v.TargetStart, v.TargetEnd, "found " + v.Kind})
		}
	}
	return out
}
