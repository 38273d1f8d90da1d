package segment

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind int

// The kinds of tokens Words produces.
const (
	Word   TokenKind = iota // letters (and digits inside words): "Haus", "G7", "90er", "NATO-Generalsekretär"
	Number                  // "2,5", "1.000.000", "15." (German ordinal), "12:30"
	Punct                   // punctuation: ".", ",", "„", "…", "..."
	Symbol                  // anything else that is not a space: "%", "€", "+"
)

func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Symbol:
		return "symbol"
	}
	return "unknown"
}

// Token is a word, number, punctuation mark or symbol with its byte offsets in the text it came
// from: text[Start:End] == Text.
type Token struct {
	Text       string
	Start, End int
	Kind       TokenKind
	// Parts are the pieces of a hyphenated compound ("NATO-Generalsekretär" → "NATO",
	// "Generalsekretär"), with offsets into the same text; nil for simple tokens.
	Parts []Token
}

// Words splits text into tokens. Spaces are dropped; everything else belongs to exactly one
// token. Hyphenated compounds stay one token with their Parts; numbers keep their decimal and
// thousands separators ("2,5", "1.000.000"); in German ("de") a short number followed by a dot
// and more text is an ordinal and keeps its dot ("15. Dezember"). Abbreviations written with
// inner dots ("z.B.", "U.S.") are one word.
func Words(text, lang string) []Token {
	toks := make([]Token, 0, len(text)/6+1)
	german := lang != "en"
	i := 0
	for i < len(text) {
		r, size := decodeRune(text, i)
		switch {
		case isSpace(r):
			i += size
		case isWordRune(r):
			end, parts := scanWord(text, i)
			kind := Word
			if startsNumeric(text[i:end]) && parts == nil {
				kind = Number
			}
			if end2, ok := scanDottedAbbrev(text, i, end); ok {
				end = end2
			} else if kind == Number && german {
				end = ordinalDot(text, i, end)
			}
			toks = append(toks, Token{Text: text[i:end], Start: i, End: end, Kind: kind, Parts: parts})
			i = end
		case r == '.' && hasPrefixAt(text, i, "..."):
			end := i + 3
			for end < len(text) && text[end] == '.' {
				end++
			}
			toks = append(toks, Token{Text: text[i:end], Start: i, End: end, Kind: Punct})
			i = end
		case unicode.IsPunct(r) && !isSymbolPunct(r):
			toks = append(toks, Token{Text: text[i : i+size], Start: i, End: i + size, Kind: Punct})
			i += size
		default:
			toks = append(toks, Token{Text: text[i : i+size], Start: i, End: i + size, Kind: Symbol})
			i += size
		}
	}
	return toks
}

// decodeRune is utf8.DecodeRuneInString with an ASCII fast path.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' } // hyphen-minus, hyphen, non-breaking hyphen

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

func startsNumeric(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isDigit(c) || c == '.' || c == ',' || c == ':' {
			continue
		}
		return false
	}
	return len(s) > 0
}

// scanWord reads the word or number starting at i and returns its end. Pieces joined by hyphens
// form a compound whose pieces are returned as parts (nil for a simple word). A trailing hyphen
// directly followed by a space or closing punctuation is kept ("NATO- und russische").
func scanWord(text string, i int) (int, []Token) {
	end := scanPiece(text, i)
	if end >= len(text) {
		return end, nil
	}
	if r, _ := decodeRune(text, end); !isHyphen(r) {
		return end, nil
	}
	// A hyphen followed by another piece: a compound.
	var parts []Token
	start := i
	for {
		if end >= len(text) {
			break
		}
		r, size := decodeRune(text, end)
		if !isHyphen(r) {
			break
		}
		next := end + size
		if next < len(text) {
			if nr, _ := decodeRune(text, next); isWordRune(nr) {
				parts = append(parts, Token{Text: text[start:end], Start: start, End: end, Kind: pieceKind(text[start:end])})
				start = next
				end = scanPiece(text, next)
				continue
			}
		}
		// Trailing hyphen ("NATO-" in "NATO- und russischen"): part of the word, not of a compound.
		if next >= len(text) || isTruncationFollower(text, next) {
			if parts != nil {
				parts = append(parts, Token{Text: text[start:end], Start: start, End: end, Kind: pieceKind(text[start:end])})
			}
			return next, parts
		}
		break
	}
	if parts != nil {
		parts = append(parts, Token{Text: text[start:end], Start: start, End: end, Kind: pieceKind(text[start:end])})
	}
	return end, parts
}

func isTruncationFollower(text string, i int) bool {
	r, _ := decodeRune(text, i)
	return isSpace(r) || r == ',' || r == ']' || r == ')' || r == '/'
}

func pieceKind(s string) TokenKind {
	if startsNumeric(s) {
		return Number
	}
	return Word
}

// scanPiece reads letters and digits, keeping number separators between digits ("2,5",
// "1.000.000", "12:30") and apostrophes between letters ("don't", "geht's").
func scanPiece(text string, i int) int {
	for i < len(text) {
		r, size := decodeRune(text, i)
		if isWordRune(r) {
			i += size
			continue
		}
		if (r == '.' || r == ',' || r == ':') && i > 0 && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]) {
			i++
			continue
		}
		if isApostrophe(r) && i > 0 && i+size < len(text) {
			pr, _ := utf8.DecodeLastRuneInString(text[:i])
			nr, _ := decodeRune(text, i+size)
			if unicode.IsLetter(pr) && unicode.IsLetter(nr) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// scanDottedAbbrev extends a single letter followed by ".x." sequences into one abbreviation
// token ("z.B.", "U.S.", "e.g.", "i.e."). It returns false if the word at [i,end) does not start
// such an abbreviation.
func scanDottedAbbrev(text string, i, end int) (int, bool) {
	if utf8.RuneCountInString(text[i:end]) != 1 || !unicode.IsLetter([]rune(text[i:end])[0]) {
		return end, false
	}
	n := 0
	j := end
	for j < len(text) && text[j] == '.' {
		j++
		n++
		if j >= len(text) {
			break
		}
		r, size := decodeRune(text, j)
		if !unicode.IsLetter(r) {
			break
		}
		k := j + size
		if k < len(text) && text[k] == '.' {
			j = k
			continue
		}
		break
	}
	if n < 2 {
		return end, false
	}
	return j, true
}

// ordinalDot includes the dot after a German ordinal: a number of at most three digits followed
// by "." and then, after a space, more text ("15. Dezember", "1. FC Köln").
func ordinalDot(text string, i, end int) int {
	if end-i > 3 || end >= len(text) || text[end] != '.' {
		return end
	}
	for k := i; k < end; k++ {
		if !isDigit(text[k]) {
			return end
		}
	}
	j := end + 1
	if j >= len(text) || text[j] != ' ' {
		return end
	}
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j < len(text) {
		if r, _ := decodeRune(text, j); isWordRune(r) {
			return end + 1
		}
	}
	return end
}

// isSymbolPunct reports signs Unicode files under punctuation that behave like symbols in text:
// they belong to a number or a name rather than to the sentence structure.
func isSymbolPunct(r rune) bool {
	switch r {
	case '%', '‰', '§', '&', '#', '@', '*', '†':
		return true
	}
	return false
}
