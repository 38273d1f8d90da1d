package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanLine removes debris inside one line of text and reports each removal (with copies of the
// removed text, so a long report does not keep whole paragraphs alive): stray HTML tag
// remnants ("< /p>"), a stray period before a comma or after another period (". ,", ". ."),
// spaces before punctuation and doubled spaces. Tabs and other spacing become single spaces
// without a report (they carry no content).
func cleanLine(s string, line int, rules inlineRules, removed *[]Removal) string {
	return cleanJoined(s, line, nil, rules, removed)
}

// inlineRules say which of cleanLine's reported rules apply.
type inlineRules struct {
	keep bool // none of them (Options.KeepBoilerplate)
	// spacedPunct keeps a space before "!", "?" and ";": the text's language is written so
	// (French: "Bonjour !", "ainsi ?", "Oui ; certes").
	spacedPunct bool
}

// rulesFor returns the inline rules for a language ("fr", "fr-CH", "de", …).
func rulesFor(lang string, keep bool) inlineRules {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	base, _, _ = strings.Cut(base, "_")
	return inlineRules{keep: keep, spacedPunct: base == "fr"}
}

// cleanJoined is cleanLine for source lines joined into one (a Markdown paragraph): breaks
// holds the offsets in s where the second, third, … line begin, so that each removal names
// the line it was made on rather than the paragraph's first.
func cleanJoined(s string, first int, breaks []int, rules inlineRules, removed *[]Removal) string {
	if !needsCleaning(s) {
		return s
	}
	lineAt := func(i int) int {
		if first == 0 {
			return 0 // unknown
		}
		n := 0
		for n < len(breaks) && breaks[n] <= i {
			n++
		}
		return first + n
	}
	line := first
	var b strings.Builder
	b.Grow(len(s))
	soft := 0
	defer func() {
		if soft > 0 {
			*removed = append(*removed, Removal{Kind: Tidied, Line: line, Text: "\u00ad", Reason: "soft hyphen (U+00AD, invisible hyphenation hint) ×" + strconv.Itoa(soft)})
		}
	}()
	// Indentation is structure, not debris.
	lead := len(s) - len(strings.TrimLeft(s, " "))
	b.WriteString(s[:lead])
	for i := lead; i < len(s); {
		c := s[i]
		switch {
		case c == '\t' || c == '\v' || c == '\f' || c == '\r':
			b.WriteByte(' ')
			i++
			continue
		case c == 0xEF && hasPrefixAt(s, i, codeOpen):
			// Code is copied as written: not prose, so nothing in it is debris.
			n := codeMarkedLen(s[i:])
			b.WriteString(s[i : i+n])
			i += n
			continue
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xAD:
			// A soft hyphen (U+00AD) is an invisible hyphenation hint, not text: it would
			// split words for matching and translation ("Bundes\u00adregierung").
			soft++
			i += 2
			continue
		case rules.keep:
		case c == '<':
			if n := tagRemnant(s[i:]); n > 0 {
				*removed = append(*removed, Removal{Kind: Tidied, Line: lineAt(i), Text: strings.Clone(s[i : i+n]), Reason: "stray HTML tag"})
				i += n
				continue
			}
		case c == '.' && !isEllipsisAt(s, i):
			// ". ," and ". ." left where a scraper lost a quotation or a clause.
			j := i + 1
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j > i+1 && j < len(s) && (s[j] == ',' || s[j] == '.' && !isEllipsisAt(s, j)) {
				if s[j] == ',' {
					*removed = append(*removed, Removal{Kind: Tidied, Line: lineAt(i), Text: strings.Clone(s[i:j]), Reason: "stray period before a comma" + around(s, i, j+1)})
					i = j
				} else {
					*removed = append(*removed, Removal{Kind: Tidied, Line: lineAt(i), Text: strings.Clone(s[i+1 : j+1]), Reason: "stray second period" + around(s, i, j+1)})
					b.WriteByte('.')
					i = j + 1
				}
				continue
			}
		case c == ' ':
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j < len(s) && isSpaceBeforePunctDebris(s, j) && !(rules.spacedPunct && spacedInFrench(s[j])) {
				*removed = append(*removed, Removal{Kind: Tidied, Line: lineAt(i), Text: strings.Clone(s[i:j]), Reason: "space before punctuation" + around(s, i, j+1)})
				i = j
				continue
			}
			if j-i > 1 && j < len(s) {
				*removed = append(*removed, Removal{Kind: Tidied, Line: lineAt(i), Text: strings.Clone(s[i+1 : j]), Reason: "doubled space" + around(s, i, j)})
				b.WriteByte(' ')
				i = j
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// needsCleaning is a fast check that a line has nothing cleanLine would change.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		if !cleanBytes[s[i]] {
			continue
		}
		switch s[i] {
		case '\t', '\v', '\f', '\r', '<':
			return true
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0xAD {
				return true
			}
		case ' ':
			if i+1 < len(s) && (s[i+1] == ' ' || isSpaceBeforePunctDebris(s, i+1)) {
				return true
			}
		case '.':
			// ". ," or ". ." (more spaces between are a doubled space, found at the space).
			if i+2 < len(s) && s[i+1] == ' ' && (s[i+2] == ',' || s[i+2] == '.') {
				return true
			}
		}
	}
	return false
}

// cleanBytes are the bytes needsCleaning looks at.
var cleanBytes = func() (t [256]bool) {
	for _, c := range []byte("\t\v\f\r< .") {
		t[c] = true
	}
	t[0xC2] = true
	return t
}()

// isSpaceBeforePunctDebris reports whether s[j] is punctuation that never follows a space in
// German or English typography: , ; . ! ? ) ] — but not an ellipsis, which may ("und ... dann"),
// not two commas standing for an opening quotation mark (",,So nicht”"), and not a colon or
// percent sign, which French-style or German typography space.
func isSpaceBeforePunctDebris(s string, j int) bool {
	switch s[j] {
	case ',':
		// Two commas are a typewriter opening quotation mark („): ein klares ,,Ochi''. One
		// comma before a word that a quotation mark closes soon after is the single one (‚):
		// ein klares ,Ochi'.
		return j+1 >= len(s) || s[j+1] != ',' && !opensSingleQuote(s, j)
	case ';':
		return emoticonLen(s[j:]) == 0 // ";-)" and ";)" are smileys, written after a space
	case '!', '?', ')', ']':
		return true
	case '.':
		return !isEllipsisAt(s, j) && (j+1 == len(s) || s[j+1] == ' ')
	}
	return false
}

// spacedInFrench reports punctuation that French typography writes after a space (the colon,
// also spaced, is never taken for debris).
func spacedInFrench(c byte) bool { return c == '!' || c == '?' || c == ';' }

// opensSingleQuote reports whether the comma at s[j] is a typewriter single low quotation mark:
// a letter follows it, and an apostrophe or closing mark (' ‘ ’) ends that word or a later one
// within a few words, before any sentence end.
func opensSingleQuote(s string, j int) bool {
	r, _ := utf8.DecodeRuneInString(s[j+1:])
	if !unicode.IsLetter(r) {
		return false
	}
	rest := s[j+1 : min(len(s), j+1+60)]
	for i, r := range rest {
		switch r {
		case '\'', '‘', '’':
			// The mark must close a word (followed by a space, punctuation or the end), not
			// stand inside one as an apostrophe does (geht's weiter).
			next, _ := utf8.DecodeRuneInString(rest[i+utf8.RuneLen(r):])
			return i+utf8.RuneLen(r) == len(rest) || !unicode.IsLetter(next)
		case '.', '!', '?', ',', ';', ':':
			return false
		}
	}
	return false
}

func isEllipsisAt(s string, i int) bool {
	return hasPrefixAt(s, i, "..") || i > 0 && s[i-1] == '.'
}

// around shows where a removal happened: up to 12 characters around s[i:j]. Code in the text is
// shown in backticks, as Markdown writes it, not in the internal marks it is read in (codeOpen,
// codeClose: noncharacters a terminal shows as boxes or "\ufdd0").
func around(s string, i, j int) string {
	from, to := i, j
	for n := 0; from > 0 && n < 12; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:from])
		from -= size
	}
	for n := 0; to < len(s) && n < 6; n++ {
		_, size := utf8.DecodeRuneInString(s[to:])
		to += size
	}
	return " in \"" + codeMarksShown.Replace(s[from:to]) + "\""
}

var codeMarksShown = strings.NewReplacer(codeOpen, "`", codeClose, "`")

// htmlTagNames are the tags whose remnants are removed from text ("< /p>", "<br>", "</div>").
// Only these: "a < b" or "<Name>" in prose stays.
var htmlTagNames = toSet("p", "br", "div", "span", "strong", "em", "b", "i", "u", "a", "li", "ul",
	"ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "figure", "figcaption", "section",
	"article", "header", "footer", "nav", "tr", "td", "th", "table", "tbody", "thead", "font",
	"center", "small", "sup", "sub", "P", "BR", "DIV", "SPAN")

// tagRemnant returns the length of an HTML tag remnant at the start of s, or 0: "<", optional
// spaces and "/", a known tag name, optional " /", ">".
func tagRemnant(s string) int {
	i := 1
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i < len(s) && s[i] == '/' {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	n := i
	for n < len(s) && (isDigit(s[n]) || 'a' <= s[n] && s[n] <= 'z' || 'A' <= s[n] && s[n] <= 'Z') {
		n++
	}
	if n == i || !inSet(htmlTagNames, s[i:n]) {
		return 0
	}
	j := n
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j < len(s) && s[j] == '/' {
		j++
	} else {
		j = n
	}
	if j < len(s) && s[j] == '>' {
		return j + 1
	}
	return 0
}
