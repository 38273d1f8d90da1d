package report

import (
	"fmt"
	"strings"
	"unicode"
)

// Tokenizer names a BLEU tokenizer, spelled as in sacreBLEU's --tokenize option.
type Tokenizer string

// The BLEU tokenizers bitext implements, with sacreBLEU's behaviour.
const (
	Tok13a  Tokenizer = "13a"  // mteval-v13a, sacreBLEU's default
	TokIntl Tokenizer = "intl" // mteval-v14 international: Unicode punctuation and symbols
	TokChar Tokenizer = "char" // every non-space character is a token
	TokNone Tokenizer = "none" // whitespace only
)

// Tokenizers lists the supported tokenizer names.
var Tokenizers = []Tokenizer{Tok13a, TokIntl, TokChar, TokNone}

// ParseTokenizer checks a tokenizer name ("" means 13a).
func ParseTokenizer(name string) (Tokenizer, error) {
	switch t := Tokenizer(name); t {
	case "":
		return Tok13a, nil
	case Tok13a, TokIntl, TokChar, TokNone:
		return t, nil
	}
	return "", fmt.Errorf("unknown tokenizer %q (want 13a, intl, char or none)", name)
}

// Tokenize applies the tokenizer to one line and returns the tokenized line, tokens separated
// by single spaces exactly as sacreBLEU's tokenizer would return it.
func (t Tokenizer) Tokenize(line string) string {
	switch t {
	case TokIntl:
		return TokenizeIntl(line)
	case TokChar:
		return tokenizeChar(line)
	case TokNone:
		return line
	default:
		return Tokenize13a(line)
	}
}

// Tokenize13a is sacreBLEU's Tokenizer13a (mteval-v13a.pl): XML entities and line breaks
// normalized, ASCII punctuation split off, '.' and ',' split unless next to a digit, '-' split
// after a digit.
func Tokenize13a(line string) string {
	line = unescape13a(line)
	// The four regular expressions of sacreBLEU's TokenizerRegexp, applied in order over
	// " line ". All of them only test ASCII bytes, so working on bytes instead of code points
	// gives the same result: a multi-byte character never matches a digit, '.', ',' or '-'.
	s := " " + line + " "
	// ([\{-\~\[-\` -\&\(-\+\:-\@\/]) -> " \1 "
	s = spacePunct13a(s)
	// ([^0-9])([\.,]) -> "\1 \2 "
	s = subPairs(s, func(a, c byte) bool { return !isDigit(a) && (c == '.' || c == ',') }, pairSpaceAfterBoth)
	// ([\.,])([^0-9]) -> " \1 \2"
	s = subPairs(s, func(a, c byte) bool { return (a == '.' || a == ',') && !isDigit(c) }, pairSpaceBeforeBoth)
	// ([0-9])(-) -> "\1 \2 "
	s = subPairs(s, func(a, c byte) bool { return isDigit(a) && c == '-' }, pairSpaceAfterBoth)
	return pyJoinFields(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// is13aPunct is the character class [\{-\~\[-\` -\&\(-\+\:-\@\/] of mteval-v13a.
func is13aPunct(c byte) bool {
	return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') ||
		(c >= '(' && c <= '+') || (c >= ':' && c <= '@') || c == '/'
}

type pairReplacement int

const (
	pairSpaceAfterBoth  pairReplacement = iota // "\1 \2 "
	pairSpaceBeforeBoth                        // " \1 \2"
)

// subPairs emulates Python's re.sub for a two-character pattern: matches are found left to
// right and do not overlap, so a character consumed as the second half of a match cannot start
// the next one.
func subPairs(s string, match func(a, b byte) bool, repl pairReplacement) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	i := 0
	for i < len(s) {
		if i+1 < len(s) && match(s[i], s[i+1]) {
			if repl == pairSpaceAfterBoth {
				b.WriteByte(s[i])
				b.WriteByte(' ')
				b.WriteByte(s[i+1])
				b.WriteByte(' ')
			} else {
				b.WriteByte(' ')
				b.WriteByte(s[i])
				b.WriteByte(' ')
				b.WriteByte(s[i+1])
			}
			i += 2
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// TokenizeIntl is sacreBLEU's TokenizerV14International (mteval-v14.pl --international-
// tokenization): Unicode punctuation is split off unless it sits between digits, and Unicode
// symbols are always split off. Like mteval-v14 the line is not padded, so a number followed by
// a final period keeps the period.
func TokenizeIntl(line string) string {
	rs := []rune(line)
	// (\P{N})(\p{P}) -> "\1 \2 "
	rs = subRunePairs(rs, func(a, c rune) bool { return !unicode.IsNumber(a) && unicode.IsPunct(c) }, pairSpaceAfterBoth)
	// (\p{P})(\P{N}) -> " \1 \2"
	rs = subRunePairs(rs, func(a, c rune) bool { return unicode.IsPunct(a) && !unicode.IsNumber(c) }, pairSpaceBeforeBoth)
	// (\p{S}) -> " \1 "
	out := make([]rune, 0, len(rs)+8)
	for _, r := range rs {
		if unicode.IsSymbol(r) {
			out = append(out, ' ', r, ' ')
		} else {
			out = append(out, r)
		}
	}
	return pyJoinFields(string(out))
}

func subRunePairs(rs []rune, match func(a, b rune) bool, repl pairReplacement) []rune {
	out := make([]rune, 0, len(rs)+len(rs)/4)
	i := 0
	for i < len(rs) {
		if i+1 < len(rs) && match(rs[i], rs[i+1]) {
			if repl == pairSpaceAfterBoth {
				out = append(out, rs[i], ' ', rs[i+1], ' ')
			} else {
				out = append(out, ' ', rs[i], ' ', rs[i+1])
			}
			i += 2
			continue
		}
		out = append(out, rs[i])
		i++
	}
	return out
}

// tokenizeChar is sacreBLEU's TokenizerChar: " ".join(line). Splitting the result on
// whitespace leaves every non-space character as a token.
func tokenizeChar(line string) string {
	var b strings.Builder
	b.Grow(len(line) * 2)
	first := true
	for _, r := range line {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteRune(r)
	}
	return b.String()
}

// spacePunct13a puts a space on both sides of every 13a punctuation byte; Tercom's Western
// normalization does the same.
func spacePunct13a(s string) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	for i := 0; i < len(s); i++ {
		if is13aPunct(s[i]) {
			b.WriteByte(' ')
			b.WriteByte(s[i])
			b.WriteByte(' ')
		} else {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// unescape13a is the first step of the 13a tokenizer, shared by Tokenize13a and BLEU's
// allocation-light tokenizer: <skipped> removed, hyphenated line breaks joined, the four XML
// entities mteval knows unescaped.
func unescape13a(line string) string {
	line = strings.ReplaceAll(line, "<skipped>", "")
	line = strings.ReplaceAll(line, "-\n", "")
	line = strings.ReplaceAll(line, "\n", " ")
	if strings.Contains(line, "&") {
		line = strings.ReplaceAll(line, "&quot;", `"`)
		line = strings.ReplaceAll(line, "&amp;", "&")
		line = strings.ReplaceAll(line, "&lt;", "<")
		line = strings.ReplaceAll(line, "&gt;", ">")
	}
	return line
}
