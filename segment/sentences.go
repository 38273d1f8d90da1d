package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences splits text into sentences for a language ("de" or "en"; anything else is
// treated like German). Spans carry byte offsets into text and exclude the spaces between
// sentences; every other byte of text belongs to exactly one span.
//
// A sentence ends at ".", "!", "?" or an ellipsis (with any closing quotes and brackets after it)
// that is followed by a space and something that can start a sentence, unless the dot belongs to
// an abbreviation ("z. B.", "Dr.", "U.S."), an ordinal or date ("am 15. Dezember", "1. FC Köln")
// or a number. A blank line always ends a sentence; a single line break does when the next line
// is a list bullet or the line before is a headline (short, no final punctuation).
func SplitSentences(text, lang string) []Span {
	return splitSentencesCode(text, lang, nil)
}

// splitSentencesCode is SplitSentences for a text with code in it: the byte ranges code (in
// order, as readers find them) hold code, which can start a sentence whatever its case.
func splitSentencesCode(text, lang string, code []codeRange) []Span {
	s := splitter{text: text, en: lang == "en", code: code}
	// About one sentence per 64 bytes: counting the sentence-final bytes first to size the list
	// exactly costs more than the few regrowths it saves (measured with BenchmarkSegmentGerman
	// and BenchmarkSplitSentencesGerman).
	return s.split(make([]Span, 0, len(text)/64+1))
}

type splitter struct {
	text string
	en   bool
	code []codeRange // code in text (splitWithCode), in order
}

func (s *splitter) split(spans []Span) []Span {
	text := s.text
	start := skipSpaces(text, 0)
	i := start
	for i < len(text) {
		c := text[i]
		if !splitBytes[c] {
			i++ // most bytes: letters, digits, commas (a table is faster than the cases below)
			continue
		}
		if c == ' ' {
			// The commonest stop: only a space before a capital can end an unpunctuated
			// sentence (sentences_nopunct.go); the byte after a space before a small letter
			// is no stop either.
			if i+1 < len(text) {
				if d := text[i+1]; ('a' <= d && d <= 'z' || '0' <= d && d <= '9') && i+2 < len(text) && (text[i+2] == ')' || text[i+2] == '.' || '0' <= text[i+2] && text[i+2] <= '9') &&
					i > start && (nextParenItem(text[start:], text[i+1:]) || nextDotItem(text[start:], text[i+1:])) {
					// Items of an enumeration run into one line ("1) Erstens 2) Zweitens",
					// "a.) … b.) …"): the next marker starts a new item, as a bullet would.
					spans = appendSpan(spans, text, start, i)
					start = i + 1
					i = start + 2
					continue
				} else if 'a' <= d && d <= 'z' {
					if d == 'h' && i > start && hasPrefixAt(text, i+1, "http") && isURL(prevToken(text, start, i)) {
						// A list of links, one after the other: each is a sentence of its own.
						spans = appendSpan(spans, text, start, i)
						start = i + 1
						i = start
						continue
					}
					i += 2
					continue
				} else if i > start && ('A' <= d && d <= 'Z' || d == 0xC3) && s.noPunctEnds(start, i) {
					spans = appendSpan(spans, text, start, i)
					start = i + 1
					i = start
					continue
				}
			}
			i++
			continue
		}
		switch {
		case c == '\n':
			if s.newlineEnds(start, i) {
				spans = appendSpan(spans, text, start, i)
				start = skipSpaces(text, i)
				i = start
				continue
			}
			i++
		case c == ':' && i+1 < len(text) && text[i+1] == ' ' && i > start:
			if (hasPrefixAt(text, i+1, " ( ") || hasPrefixAt(text, i+1, " ) ")) && i+4 < len(text) {
				// A smiley typed with a space (":(", ": )"): a bracket followed by a space opens
				// and closes nothing, so the sentence ends after it when a new one begins.
				if n := s.nextAfter(i + 3); n.pos < len(text) && !n.opener && (unicode.IsUpper(n.r) || unicode.IsDigit(n.r)) {
					spans = appendSpan(spans, text, start, i+3)
					start = n.pos
					i = start
					continue
				}
			}
			i++
		case c == ';' && i > start && i+1 < len(text) && text[i+1] == ' ' && text[i-1] != ' ':
			if s.semicolonEnds(i) {
				spans = appendSpan(spans, text, start, i+1)
				start = i + 2
				i = start
				continue
			}
			i++
		case (c == ':' || c == ';') && i > 0 && text[i-1] == ' ':
			// An emoticon after a word ends the sentence when a new one clearly begins:
			// "Kann ich nur weiterempfehlen ;-) So eben war ich …".
			if k := emoticonLen(text[i:]); k > 0 && i+k < len(text) && text[i+k] == ' ' {
				if n := s.nextAfter(i + k); n.pos < len(text) && !n.opener && (unicode.IsUpper(n.r) || unicode.IsDigit(n.r)) {
					spans = appendSpan(spans, text, start, i+k)
					start = skipSpaces(text, i+k)
					i = start
					continue
				}
			}
			i++
		case c == 0xE2 && i > start && text[i-1] == ' ' && hasPrefixAt(text, i, "• "):
			// A bullet inside running text starts a new item ("• Erstens • Zweitens"): the
			// text before it ends, whatever its punctuation.
			spans = appendSpan(spans, text, start, i)
			start = i
			i += len("• ")
		case c == '.' || c == '!' || c == '?' || c == 0xE2 && hasPrefixAt(text, i, "…"):
			termEnd := scanTerminators(text, i)
			end := scanFootnote(text, scanClosers(text, termEnd))
			if end < len(text) && !isSpaceByte(text, end) {
				if s.gluedEnd(start, i, end) {
					// "Das ist ein Satz.Das ist noch einer.": the space after the period is missing.
					spans = appendSpan(spans, text, start, end)
					start = end
				}
				i = end
				continue
			}
			if s.endsSentence(start, i, termEnd, end) {
				spans = appendSpan(spans, text, start, end)
				start = skipSpaces(text, end)
				i = start
				continue
			}
			if k := s.emojiEnd(start, i, termEnd, end); k > 0 {
				// "Großartig! 👍 Weiter so!": pictographs after a sentence end belong to it, and
				// the sentence after them starts anew.
				spans = appendSpan(spans, text, start, k)
				start = skipSpaces(text, k)
				i = start
				continue
			}
			i = end
		default:
			i++
		}
	}
	if start < len(text) {
		spans = appendSpan(spans, text, start, len(text))
	}
	return spans
}

// splitBytes are the bytes split looks at: line breaks, spaces (before a capital), colons and
// semicolons, sentence-final punctuation and the first byte of "…" and "•".
var splitBytes = func() (t [256]bool) {
	for _, c := range []byte("\n :;.!?") {
		t[c] = true
	}
	t[0xE2] = true
	return t
}()

// asciiWord marks the ASCII letters and digits: the bytes of most words, tested without decoding.
var asciiWord = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// appendSpan adds text[start:end] without trailing spaces, if anything is left.
func appendSpan(spans []Span, text string, start, end int) []Span {
	if end > start {
		if c := text[end-1]; c > ' ' && c < utf8.RuneSelf {
			// The usual end: ASCII punctuation or a letter, nothing to trim.
			return append(spans, Span{Text: text[start:end], Start: start, End: end})
		}
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	if end > start {
		spans = append(spans, Span{Text: text[start:end], Start: start, End: end})
	}
	return spans
}

func skipSpaces(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\v' && c != '\f' {
				break
			}
			i++
			continue
		}
		r, size := decodeRune(text, i)
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

func isSpaceByte(text string, i int) bool {
	r, _ := decodeRune(text, i)
	return isSpace(r)
}

// scanTerminators skips a run of sentence-final punctuation: ".", "!", "?", "…" ("?!", "...").
func scanTerminators(text string, i int) int {
	for i < len(text) {
		switch c := text[i]; {
		case c == '.' || c == '!' || c == '?':
			i++
		case c == 0xE2 && hasPrefixAt(text, i, "…"):
			i += len("…")
		default:
			return i
		}
	}
	return i
}

// scanClosers skips closing quotes and brackets after a sentence end („Ja.“ (So.) »Nein.«).
func scanClosers(text string, i int) int { return scanWhile(text, i, isCloser) }

// scanWhile returns where the run of runes that satisfy in, starting at byte i, ends.
func scanWhile(text string, i int, in func(rune) bool) int {
	for i < len(text) {
		r, size := decodeRune(text, i)
		if !in(r) {
			return i
		}
		i += size
	}
	return i
}

// scanFootnote skips a footnote reference after a sentence end: "[6]" as copied from
// Wikipedia ("… erfolgen.[6] Es gilt …"), or superscript digits ("Dies ist ein Satz.¹ Noch
// einer."). With it, the sentence counts as closed, like one ending in a quotation mark.
func scanFootnote(text string, i int) int {
	if n := footnoteRefLen(text[i:]); n > 0 {
		return i + n // a Markdown footnote reference: "beschlossen.[^1] Die …"
	}
	if i+2 < len(text) && text[i] == '[' && isDigit(text[i+1]) {
		j := i + 1
		for j < len(text) && j-i <= 3 && isDigit(text[j]) {
			j++
		}
		if j < len(text) && text[j] == ']' {
			return j + 1
		}
		return i
	}
	return scanWhile(text, i, isSuperscriptDigit)
}

// footnoteRefLen returns the length of a Markdown footnote reference ("[^1]", "[^note-2]") at
// the start of s, or 0. Labels are short: letters, digits, "-" and "_".
func footnoteRefLen(s string) int {
	if len(s) < 4 || s[0] != '[' || s[1] != '^' {
		return 0
	}
	for j := 2; j < len(s) && j <= 32; j++ {
		c := s[j]
		switch {
		case c == ']':
			if j == 2 {
				return 0
			}
			return j + 1
		case isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_':
		default:
			return 0
		}
	}
	return 0
}

func isSuperscriptDigit(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || '⁰' <= r && r <= '⁹'
}

// emojiEnd returns where a run of pictographs ends when it follows a clear sentence end and
// precedes a new sentence ("Großartig! 👍🥰 Weiter so!", SoMaJo's sentence splitter tests), or 0.
func (s *splitter) emojiEnd(start, term, termEnd, end int) int {
	text := s.text
	j := skipSpaces(text, end)
	k := scanWhile(text, j, isPictograph)
	if k == j || k >= len(text) || !isSpaceByte(text, k) || !s.clearEnd(start, term, text[term:termEnd]) {
		return 0
	}
	if n := s.nextAfter(k); n.pos >= len(text) || !n.canStart() {
		return 0
	}
	return k
}

// isPictograph reports an emoji or one of the characters that join or modify one (zero-width
// joiner, variation selector, skin tones).
func isPictograph(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0x200D || r == 0xFE0F
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '“', '”', '‘', '’', '«', '»', '‹', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '„', '“', '‚', '‘', '»', '«', '‹', '›', '¿', '¡', '`':
		return true
	}
	return false
}

// next describes what follows a candidate sentence end.
type next struct {
	pos    int    // first byte after spaces; len(text) at the end
	opener bool   // an opening quote or bracket comes first
	code   bool   // code starts at r ("`git add` is …"): a name, whatever its case
	quote  bool   // an opening quote (not a bracket) comes first
	r      rune   // first character after any openers
	word   string // the word starting at r (letters, digits, inner dots)
}

func (s *splitter) nextAfter(end int) next {
	text := s.text
	n := next{pos: skipSpaces(text, end)}
	j := n.pos
	// A dash glued to the next word introduces a speaker's turn or a question in interviews
	// ("-Wie reimt sich das zusammen?"); it opens the sentence like a quotation mark.
	if j+1 < len(text) && text[j] == '-' {
		if r, _ := decodeRune(text, j+1); unicode.IsUpper(r) || r == '`' || r == '"' || r == '„' {
			n.opener = true
			j++
		}
	}
	for j < len(text) {
		if hasPrefixAt(text, j, ",,") { // a typewriter „
			n.opener, n.quote = true, true
			j += 2
			continue
		}
		r, size := decodeRune(text, j)
		if !isOpener(r) {
			break
		}
		n.opener = true
		n.quote = n.quote || r != '(' && r != '['
		j += size
	}
	if j >= len(text) {
		return n
	}
	n.r, _ = decodeRune(text, j)
	n.code = s.codeStarts(j)
	k := j
	for k < len(text) {
		if asciiWord[text[k]] {
			k++ // the common case, without decoding
			continue
		}
		r, size := decodeRune(text, k)
		if !isWordRune(r) {
			break
		}
		k += size
	}
	n.word = text[j:k]
	return n
}

// canStart reports whether the text after a candidate end can start a sentence at all: an
// upper-case letter or a digit, possibly after opening quotes or brackets.
func (n next) canStart() bool {
	return unicode.IsUpper(n.r) || unicode.IsDigit(n.r) || unicode.IsTitle(n.r) || n.r == '©' || n.r == '•' || isCamelName(n.word) || n.code
}

// isCamelName reports a name written with a small letter and then a capital ("iPhone", "eBay",
// "iOS"), which starts a sentence as it is: "Apple stellte das Gerät vor. iPhone-Nutzer …".
func isCamelName(w string) bool {
	if len(w) < 3 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for i := 1; i < len(w) && i < 3; i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

func (s *splitter) isStarter(w string) bool {
	if s.en {
		return startersShapeEN.may(w) && inSet(startersEN, w)
	}
	return startersShapeDE.may(w) && inSet(startersDE, w)
}

var startersShapeDE, startersShapeEN = shapeOf(startersDE), shapeOf(startersEN)

// endsSentence decides whether the terminators text[term:termEnd] (followed by closers up to
// end and then a space or the end of text) end the sentence that began at start.
func (s *splitter) endsSentence(start, term, termEnd, end int) bool {
	text := s.text
	if end >= len(text) {
		return true
	}
	n := s.nextAfter(end)
	if n.pos >= len(text) {
		return true
	}
	if gap := text[end:n.pos]; strings.IndexByte(gap, '\n') >= 0 && (strings.Contains(gap, "\n\n") || strings.Contains(gap, "\n\r\n")) {
		return true // a blank line follows
	}
	run := text[term:termEnd]
	closed := end > termEnd // closing quote or bracket after the terminator
	if run == "." && !closed && wordStart(text, term) == start && isRomanNumbering(text[start:term]) &&
		(dashLen(text[n.pos:]) > 0 || !n.opener && unicode.IsUpper(n.r)) {
		// A section number opening a heading or line ("II. - Der Bund und die Länder",
		// "VIIIa. Gemeinschaftsaufgaben" in the Grundgesetz): a numbering, not a sentence.
		return false
	}
	if run == "." && end == termEnd+1 && text[termEnd] == ')' {
		if ws := wordStart(text, term); (ws == start || text[ws-1] == ' ') && itemMarkerLen(text[ws:]) > 0 {
			return false // "1.) Der erste Punkt": a list marker, not a sentence "1."
		}
	}
	if s.en && !closed && !n.opener && unicode.IsLower(n.r) {
		// English web text and e-mail often start sentences in lower case: after a period
		// that follows an ordinary word (not an abbreviation, initial or number), a
		// lower-case word starts a new sentence. Not after "!" or "?": there a lower-case
		// word goes on with the sentence ("calling panic! in a simple program", "Yahoo! and
		// AOL", "the ? operator"): as in German, only a link or a separator starts anew there.
		if run == "." {
			return plainWordEN(text[wordStart(text, term):term])
		}
	}
	if n.r == 0 || !n.canStart() {
		// Lower case, punctuation (". ,"): the sentence goes on; but a separator line, a link
		// or a dash after a sentence that clearly ended starts something new ("Thank you.
		// *****", "… this week. [...]", "Er ging. – Dann …").
		if !symbolStarts(text[n.pos:]) || !s.clearEnd(start, term, run) {
			return false
		}
		if d := dashLen(text[n.pos:]); d > 0 {
			// "Er ging. – Dann …" starts anew; "… (– und er wird gestört werden, daran besteht
			// kein Zweifel! – könnte er …)" closes a parenthesis: the dash starts a sentence
			// only before a capital and when no dash opened an aside in this one.
			r, _ := decodeRune(text, min(n.pos+d, len(text)-1))
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return false
			}
			if strings.Contains(text[start:term], " – ") || strings.Contains(text[start:term], " - ") || strings.Contains(text[start:term], " — ") {
				return false
			}
		}
		return true
	}
	if run != "." {
		// A bracketed mark ends nothing: "[…]" marks an omission, and "Das hier ist ein(!)
		// Satz", "kostet 3(?) Euro" comment on the word before (LanguageTool's German sentence
		// tokenizer tests, languagetool:52–55 in the sentence-boundary dev set).
		if term > 0 && (text[term-1] == '[' || text[term-1] == '(') {
			return false
		}
		if strings.ContainsAny(run, "!?") {
			return true
		}
		// Ellipsis: it ends a sentence only before a typical sentence opener or a new
		// quotation.
		if strings.HasSuffix(run, ".") && strings.Contains(run, "…") {
			// "… heraustönte …. Sobald er …": a period after the ellipsis ends the sentence
			// (LanguageTool's German tests, from a translation of Crime and Punishment).
			return true
		}
		// Attached to a word ("weg... Verdiente 5 Sterne!", "empfehlen.... Eigentlich"), an
		// ellipsis before a capital ends the sentence, as it nearly always does in web text;
		// spaced ("Er zögerte … Dann"), it marks a pause, so a sentence opener must follow.
		if term > 0 && isWordRune(lastRune(text[:term])) && !unicode.IsDigit(n.r) {
			return true
		}
		return closed || n.opener || s.isStarter(n.word)
	}
	if closed {
		return true // „… ziehen.“ Dann / (Siehe oben.) Danach
	}
	return s.periodEnds(start, term, n)
}

// isStreetAbbrev reports a German street name abbreviated with "str" ("Hauptstr",
// "Bahnhofstr").
func isStreetAbbrev(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "str") && 'a' <= w[len(w)-4] && w[len(w)-4] <= 'z'
}

// gluedEnd reports a sentence end with the space after it missing ("Satz.Das ist …",
// "here.The next …"): a single period, "!" or "?" between an ordinary lower-case word and a
// word that opens sentences followed by a space. Host names ("bbabo.net"), abbreviations
// ("z.B.") and versions ("Node.js") do not have that shape.
func (s *splitter) gluedEnd(start, term, end int) bool {
	text := s.text
	if end != term+1 || end >= len(text) || text[end] < 'A' || text[end] > 'Z' {
		return false
	}
	ws := wordStart(text, term)
	if term-ws < 3 || strings.IndexByte(text[ws:term], '.') >= 0 {
		return false
	}
	for i, r := range text[ws:term] {
		if !unicode.IsLetter(r) || i > 0 && !unicode.IsLower(r) {
			return false // a word in ordinary case ("Satz", "here"), not "ASP" or "iPhone"
		}
	}
	if inSet(abbrevNever, text[ws:term]) || inSet(abbrevNeverCapitalised, text[ws:term]) {
		return false // "bzw.Die", "Prof.Der": an abbreviation, whatever follows
	}
	k := end
	for k < len(text) && ('a' <= text[k] && text[k] <= 'z' || 'A' <= text[k] && text[k] <= 'Z') {
		k++
	}
	if k >= len(text) || text[k] != ' ' {
		return false
	}
	w := text[end:k]
	if s.en {
		return w != "I" && inSet(startersEN, w)
	}
	// Only a word that opens sentences: any capitalised word would split "Gedanken.Verschiedene
	// Gedanken sind …" (OpenNLP's German tests) but also a name like "das Nachrichtenportal
	// Table.Briefings über …" (the extraction dev pages' news text).
	return inSet(startersDE, w)
}

// semicolonEnds decides whether the semicolon at i, followed by a space, ends a sentence. A
// semicolon joins main clauses inside one sentence, and the clause after it starts in lower case
// ("…; die Kosten trägt der Bund"); only a capitalised word that opens sentences and is no noun
// or name ("…; Die Kosten …", "…; Er …") shows that the writer, or the treebank, ends the
// sentence there (the German treebanks count ";" among the sentence-final marks, like ":").
// English "I" is capitalised everywhere and says nothing.
func (s *splitter) semicolonEnds(i int) bool {
	n := s.nextAfter(i + 1)
	if n.pos != i+2 || n.opener || n.word == "" || !unicode.IsUpper(n.r) {
		return false
	}
	if s.en {
		return n.word != "I" && inSet(startersEN, n.word) || inSet(noPunctStartersEN, n.word)
	}
	return (inSet(startersDE, n.word) || inSet(noPunctStartersDE, n.word)) && !inSet(englishWordsDE, n.word)
}

// clearEnd reports whether the terminators at term end a sentence whatever follows: "!" or
// "?", or a period after an ordinary word of two or more letters (not an abbreviation, an
// initial or a number) or after a closing quote or bracket.
func (s *splitter) clearEnd(start, term int, run string) bool {
	if strings.ContainsAny(run, "!?") {
		return true
	}
	if run != "." {
		return false
	}
	ws := wordStart(s.text, term)
	w := s.text[ws:term]
	if w == "" {
		return ws > start && isCloser(lastRune(s.text[:ws]))
	}
	return plainWord(w)
}

// dashLen returns the length of a dash and the space after it at the start of t ("- ", "– ",
// "— "), or 0.
func dashLen(t string) int {
	for _, d := range []string{"- ", "– ", "— "} {
		if strings.HasPrefix(t, d) {
			return len(d)
		}
	}
	return 0
}

// symbolStarts reports whether t begins with something that is no continuation of a sentence
// although it is no capital letter: a separator line ("*****", "=====", "_____", "--"), a link,
// a quoted reply (">"), an omission mark ("[...]"), or a dash and a space. A smiley after a
// sentence end belongs to that sentence ("I love her. :)").
func symbolStarts(t string) bool {
	if len(t) < 2 {
		return false
	}
	switch c := t[0]; c {
	case '*', '=', '_', '~':
		return t[1] == c
	case '-':
		return t[1] == '-' || t[1] == ' '
	case '>':
		return true
	case '#', '@':
		// A hashtag or a handle after a sentence end: the tags of a post quoted in the
		// text ("Oder gibt es Unterschiede? #semibk", SoMaJo's sentence splitter tests);
		// "##" is a separator line.
		r, _ := utf8.DecodeRuneInString(t[1:])
		return t[1] == c || unicode.IsLetter(r)
	case '[':
		return strings.HasPrefix(t, "[...]") || strings.HasPrefix(t, "[…]")
	case 'h':
		return strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://")
	case 'w':
		return strings.HasPrefix(t, "www.")
	}
	return strings.HasPrefix(t, "– ") || strings.HasPrefix(t, "— ")
}

// newlineEnds decides whether the line break at i ends the sentence that began at start: at a
// blank line, before a list bullet, and after a headline.
func (s *splitter) newlineEnds(start, i int) bool {
	text := s.text
	j := i + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] == '\n' {
		return true
	}
	line := strings.TrimRight(text[lineStart(text, i):i], " \t\r")
	prevEnds := line != "" && strings.ContainsRune(".!?…:;“”\"»«)", lastRune(line))
	if bulletLen(text[j:]) > 0 && (prevEnds || isBulletLine(line) || text[j] == 0xE2) {
		return true
	}
	// Headline: the whole line is the sentence so far, it has no final punctuation, it is short
	// and clearly shorter than the line after it, which starts like a sentence.
	if prevEnds || lineStart(text, i) > start || line == "" {
		return false
	}
	if strings.ContainsRune(",-–(", lastRune(line)) {
		return false
	}
	if s.en {
		// English capitalises only names and "I" inside a sentence: a line without final
		// punctuation before a line that starts with a capital ends its sentence unless it is as
		// long as a hard-wrapped line or ends in a word that needs a continuation ("… of the").
		// One paragraph per line is how much English web text and e-mail comes ("Cheers",
		// "Great store great products", "Debra Perlingiere").
		if inSet(noPunctContinuesEN, strings.ToLower(lastWord(line))) || utf8.RuneCountInString(line) >= 60 {
			return false
		}
		r, _ := decodeRune(text, j)
		return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(r)
	}
	if len(strings.Fields(line)) > 12 {
		return false
	}
	if !s.en && needsContinuationDE(line) {
		return false // "Er ging in die" / "Stadt": an article or preposition ends no headline
	}
	nextLine := text[j:]
	if k := strings.IndexByte(nextLine, '\n'); k >= 0 {
		nextLine = nextLine[:k]
	}
	r, _ := decodeRune(text, j)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(r)) {
		return false
	}
	// A capitalised article or pronoun cannot continue a sentence, so it starts one; otherwise
	// rely on the headline being clearly shorter than the body line (wrapped lines are similar).
	if s.isStarter(firstWord(nextLine)) {
		return true
	}
	return utf8.RuneCountInString(line)*10 < utf8.RuneCountInString(nextLine)*6
}

func firstWord(s string) string {
	for i, r := range s {
		if !isWordRune(r) {
			return s[:i]
		}
	}
	return s
}

func lineStart(text string, i int) int {
	return strings.LastIndexByte(text[:i], '\n') + 1
}

func isBulletLine(line string) bool {
	return bulletLen(strings.TrimLeft(line, " \t")) > 0
}

// bulletLen returns the length of a list bullet at the start of s ("- ", "* ", "• ", "1. ",
// "2) ", "a) "), or 0.
func bulletLen(s string) int {
	if s == "" || 'A' <= s[0] && s[0] <= 'Z' || s[0] >= 0xC3 && s[0] != 0xE2 {
		return 0 // the usual start of a line of text: not a bullet
	}
	for _, b := range []string{"- ", "* ", "+ ", "• ", "· ", "– ", "▪ ", "◦ "} {
		if strings.HasPrefix(s, b) {
			return len(b)
		}
	}
	k := 0
	for k < len(s) && k < 3 && isDigit(s[k]) {
		k++
	}
	if k == 0 && len(s) > 1 && 'a' <= s[0] && s[0] <= 'z' && s[1] == ')' {
		k = 1
	}
	if k > 0 && k+1 < len(s) && (s[k] == '.' || s[k] == ')') && s[k+1] == ' ' {
		return k + 2
	}
	return 0
}

func isNumeral(w string) bool {
	if w == "" || !isDigit(w[0]) || !isDigit(w[len(w)-1]) {
		return false
	}
	return startsNumeric(w)
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}

// single reports whether w is one letter.
func single(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsLetter(r)
}

func firstRune(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

func lastRune(w string) rune {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r
}

// emoticonLen returns the length of a smiley at the start of s (":-)", ";)", ":-(", ":D"), or 0.
func emoticonLen(s string) int {
	for _, e := range []string{":-)", ";-)", ":-(", ":-D", ":-P", ":)", ";)", ":(", ":D", ":P"} {
		if strings.HasPrefix(s, e) {
			return len(e)
		}
	}
	return 0
}
