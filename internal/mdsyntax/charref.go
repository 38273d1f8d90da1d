// Package mdsyntax reads the pieces of Markdown syntax that package document (which translates
// Markdown) and package segment (which shows what is sent) must read alike, so that one sentence
// is the same words in both: character references as CommonMark reads them ("&amp;", "&auml;",
// "&#8222;", "&#x201C;") and the cells of a pipe table's row.
package mdsyntax

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DecodeCharRefs replaces the character references in a run of Markdown text (no backslash
// escapes in it) by their characters: "&amp;", "&nbsp;", "&#8222;" and "&#x201C;" are sent as
// "&", U+00A0, "„" and "“", as an HTML page's are, so that the provider sees words, not
// entities, and a sentence is the same memory key in every format.
func DecodeCharRefs(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if s[i] == '&' {
			if ref, n := CharRef(s[i:]); n > 0 {
				b.WriteString(ref)
				i += n - 1
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// CharRef reads a character reference at the start of s as CommonMark does (s[0] == '&'): an
// HTML5 entity name ("&amp;", "&auml;") or a decimal ("&#228;", up to seven digits) or
// hexadecimal ("&#xE4;", up to six) number, with its semicolon. It returns the characters and
// the reference's length, or n == 0 when s starts with none ("&", "&foo;", "&amp" without its
// semicolon are text). A number that is no character (0, a surrogate, beyond U+10FFFF) is
// U+FFFD. Writers escape a translation's "&" exactly where this would read one.
func CharRef(s string) (ref string, n int) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0
	}
	if s[1] == '#' {
		i, base, max := 2, 10, 7
		if s[2] == 'x' || s[2] == 'X' {
			i, base, max = 3, 16, 6
		}
		start := i
		for i < len(s) && i-start < max && (base == 10 && s[i] >= '0' && s[i] <= '9' || base == 16 && isHex(s[i])) {
			i++
		}
		if i == start || i >= len(s) || s[i] != ';' {
			return "", 0
		}
		v, _ := strconv.ParseUint(s[start:i], base, 32) // at most 7 digits: no overflow
		if v == 0 || v > unicode.MaxRune || v >= 0xD800 && v <= 0xDFFF {
			v = unicode.ReplacementChar
		}
		return string(rune(v)), i + 1
	}
	i := 1
	for i < len(s) && i <= 32 && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || i > 1 && s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 1 || i >= len(s) || s[i] != ';' {
		return "", 0
	}
	// html knows the HTML5 entities; a name it does not know whole comes back as written, or
	// (a legacy name as its prefix: "&ampx;") as more than the one or two characters of an
	// entity.
	name := s[:i+1]
	if v := html.UnescapeString(name); v != name && utf8.RuneCountInString(v) <= 2 {
		return v, i + 1
	}
	return "", 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// RowCells returns the byte ranges of the cells of a pipe table's row: the text between its
// pipes, an escaped pipe ("\|") and one inside a code span belonging to the cell. A row written
// with outer pipes ("| a | b |") has an empty first and last range.
func RowCells(row string) [][2]int {
	var cells [][2]int
	start, inCode := 0, false
	for k := 0; k < len(row); k++ {
		switch row[k] {
		case '\\':
			k++
		case '`':
			inCode = !inCode
		case '|':
			if !inCode {
				cells = append(cells, [2]int{start, k})
				start = k + 1
			}
		}
	}
	return append(cells, [2]int{start, len(row)})
}
