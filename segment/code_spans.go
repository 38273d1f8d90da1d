package segment

import (
	"slices"
	"strings"
)

// Code in running text (a Markdown code span, an HTML <code> element) is opaque: cleaning
// must not change it ("`a != b`" is not "a != b" with a space before punctuation) and a
// sentence never ends inside it ("the `?` operator"). Readers wrap it in codeOpen and
// codeClose while the text is cleaned and spaced, then take the marks out (takeCodeMarks),
// keeping the byte ranges in rawBlock.code for sentence splitting (splitWithCode).
//
// The marks are Unicode noncharacters, which are for a program's internal use and are not
// text; a block whose input already holds one is read without marks (its code is then
// cleaned like prose, as before).
const (
	codeOpen  = "\uFDD0"
	codeClose = "\uFDD1"
)

// codeRange is the byte range [Start, End) of code in a block's text.
type codeRange struct{ Start, End int }

// hasCodeMark reports whether s holds either mark.
func hasCodeMark(s string) bool {
	return strings.Contains(s, codeOpen) || strings.Contains(s, codeClose)
}

// codeMarkedLen returns the length of the marked code at the start of s (marks included), or 0
// when s does not start with codeOpen. Unclosed, the code runs to the end of s.
func codeMarkedLen(s string) int {
	if !strings.HasPrefix(s, codeOpen) {
		return 0
	}
	end := strings.Index(s[len(codeOpen):], codeClose)
	if end < 0 {
		return len(s)
	}
	return len(codeOpen) + end + len(codeClose)
}

// takeCodeMarks removes the marks from s and returns the text and the ranges of code in it.
func takeCodeMarks(s string) (string, []codeRange) {
	if !strings.Contains(s, codeOpen) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	var code []codeRange
	for {
		i := strings.Index(s, codeOpen)
		if i < 0 {
			b.WriteString(strings.ReplaceAll(s, codeClose, ""))
			break
		}
		b.WriteString(strings.ReplaceAll(s[:i], codeClose, ""))
		s = s[i+len(codeOpen):]
		end := strings.Index(s, codeClose)
		if end < 0 {
			end = len(s)
		}
		start := b.Len()
		b.WriteString(s[:end])
		if end > 0 {
			code = append(code, codeRange{start, b.Len()})
		}
		s = s[min(len(s), end+len(codeClose)):]
	}
	return b.String(), code
}

// rebaseCode returns the ranges of code in after, a piece of before (what a cleaning rule left
// of a block's text: its first or last sentence taken off), or nil when after is not one.
func rebaseCode(code []codeRange, before, after string) []codeRange {
	if len(code) == 0 || before == after {
		return code
	}
	var at int
	switch {
	case strings.HasPrefix(before, after):
	case strings.HasSuffix(before, after):
		at = len(before) - len(after)
	default:
		if at = strings.Index(before, after); at < 0 {
			return nil
		}
	}
	return shiftCode(code, at, len(after))
}

// shiftCode returns the ranges of code in the piece [at, at+n) of a text, relative to the piece.
func shiftCode(code []codeRange, at, n int) []codeRange {
	var out []codeRange
	for _, c := range code {
		s, e := max(c.Start-at, 0), min(c.End-at, n)
		if s < e {
			out = append(out, codeRange{s, e})
		}
	}
	return out
}

// splitWithCode is SplitSentences for a text with code in it: the splitter sees each piece of
// code as one word (its letters and digits kept, so that a capital still starts a sentence,
// everything else read as a letter), and a boundary that still falls inside code is undone.
func splitWithCode(text, lang string, code []codeRange) []Span {
	if len(code) == 0 {
		return SplitSentences(text, lang)
	}
	masked := []byte(text)
	for _, c := range code {
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End {
			continue
		}
		for k := c.Start; k < c.End; k++ {
			if !asciiWord[masked[k]] {
				masked[k] = 'x'
			}
		}
	}
	spans := splitSentencesCode(string(masked), lang, code)
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && insideCode(code, sp.Start) {
			out[n-1].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	for k := range out {
		out[k].Text = text[out[k].Start:out[k].End]
	}
	return out
}

// codeStarts reports whether code starts at byte i of the splitter's text: a range of s.code
// (a Markdown code span, an HTML <code>), or, in plain text, a word in single backquotes
// ("`git add` is …") closed on its line. A command or identifier keeps its case at the start of
// a sentence ("`git add` ist ein vielseitiger Befehl."), so it starts one as a name does; before,
// the sentence went on through it. Doubled backquotes open a quotation (“…” in the German
// treebanks), which the opener rules already read.
func (s *splitter) codeStarts(i int) bool {
	if k, found := slices.BinarySearchFunc(s.code, i, func(c codeRange, i int) int { return c.Start - i }); found {
		return s.code[k].End > i
	}
	text := s.text
	if i == 0 || i >= len(text) || text[i-1] != '`' || i >= 2 && text[i-2] == '`' || text[i] == ' ' || text[i] == '`' {
		return false
	}
	rest := text[i:min(len(text), i+maxBackquotedLen)]
	end := strings.IndexByte(rest, '`')
	return end > 0 && strings.IndexByte(rest[:end], '\n') < 0 && rest[end-1] != ' '
}

// maxBackquotedLen is the longest text between single backquotes read as code in plain text.
const maxBackquotedLen = 200

// insideCode reports whether a sentence starting at i would start inside code rather than at
// its beginning.
func insideCode(code []codeRange, i int) bool {
	for _, c := range code {
		if c.Start < i && i < c.End {
			return true
		}
	}
	return false
}

// codeSpans returns the ranges of code in text as Spans (Block.Code), nil when there is none.
func codeSpans(text string, code []codeRange) []Span {
	var out []Span
	for _, c := range code {
		if c.Start >= 0 && c.Start < c.End && c.End <= len(text) {
			out = append(out, Span{Text: text[c.Start:c.End], Start: c.Start, End: c.End})
		}
	}
	return out
}
