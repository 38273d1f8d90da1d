package segment

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// textReader turns plain text into blocks: paragraphs are separated by blank lines and the lines
// inside one are joined; bullet lines become list items; a headline line at the top of a
// paragraph becomes its own block. It reads one paragraph at a time.
type textReader struct {
	lr      *lineReader
	rules   inlineRules
	removed *[]Removal
	queue   []rawBlock // blocks of the current paragraph not yet returned: queue[nqueue:]
	nqueue  int
	eof     bool

	// Reused between paragraphs to keep allocations per paragraph low.
	buf   []byte
	ends  []int
	nums  []int
	lines []textLine
	parts []string
}

func newTextReader(r io.Reader, name string, rules inlineRules, removed *[]Removal) *textReader {
	t := &textReader{lr: newLineReader(r, name), rules: rules, removed: removed}
	if t.lr.encoding != "" {
		*removed = append(*removed, Removal{Kind: Notice, Reason: "decoded from " + t.lr.encoding})
	}
	return t
}

type textLine struct {
	text string
	line int
}

func (t *textReader) next() (rawBlock, error) {
	for t.nqueue == len(t.queue) {
		if t.eof {
			if !t.lr.content {
				return rawBlock{}, emptyError(t.lr.name)
			}
			return rawBlock{}, io.EOF
		}
		para, err := t.paragraph()
		if err != nil {
			return rawBlock{}, err
		}
		t.queue, t.nqueue = t.paragraphBlocks(para, t.queue[:0]), 0
	}
	b := t.queue[t.nqueue]
	t.nqueue++
	return b, nil
}

// paragraph reads the next run of non-blank lines, cleaned. The lines share one string.
func (t *textReader) paragraph() ([]textLine, error) {
	t.buf, t.ends, t.nums = t.buf[:0], t.ends[:0], t.nums[:0]
	for {
		b, err := t.lr.readLine()
		if err == io.EOF {
			t.eof = true
			break
		}
		if err != nil {
			return nil, err
		}
		if isBlank(b) {
			if len(t.ends) > 0 {
				break
			}
			continue
		}
		t.buf = append(t.buf, b...)
		t.ends = append(t.ends, len(t.buf))
		t.nums = append(t.nums, t.lr.line)
		if t.lr.cut {
			// A line over maxLine ends the paragraph here, at a sentence end, so no block
			// grows beyond it.
			*t.removed = append(*t.removed, cutNotice(t.lr.line, t.lr.next, t.lr.cutHow))
			break
		}
	}
	all := string(t.buf)
	t.lines = t.lines[:0]
	start := 0
	for i, end := range t.ends {
		t.lines = append(t.lines, textLine{cleanLine(all[start:end], t.nums[i], t.rules, t.removed), t.nums[i]})
		start = end
	}
	return t.lines, nil
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}

// paragraphBlocks splits one paragraph's lines into blocks.
func (t *textReader) paragraphBlocks(para []textLine, out []rawBlock) []rawBlock {
	if len(para) == 0 {
		return out
	}
	bullets := countBullets(para)
	var cur rawBlock
	open := false
	parts := t.parts[:0]
	flush := func() {
		if open {
			cur.Text = normalizeSpace(strings.Join(parts, " "))
			if cur.Text != "" {
				out = append(out, cur)
			}
		}
		open, parts = false, parts[:0]
	}
	shape := newLineShape(para, bullets)
	for i, l := range para {
		if open && cur.Kind == Paragraph {
			if reason := shape.endsBefore(para, i); reason != "" {
				flush()
				t.split(l.line, para[i-1].text, l.text, reason)
			}
		}
		trimmed := strings.TrimLeft(l.text, " ")
		if n := bulletLen(trimmed); n > 0 && (bullets >= 2 || !isDigit(trimmed[0])) && !(open && continuesWithDash(para, i, trimmed, bullets)) {
			if open && bullets < 2 && (strings.HasPrefix(trimmed, "– ") || strings.HasPrefix(trimmed, "— ")) {
				// A lone line starting with a dash after a sentence end: a list item whose
				// marker is the dash, listed since plain output shows items without markers.
				t.split(l.line, para[i-1].text, l.text, "line starting with a dash after a sentence end read as a list item (the dash is its marker)")
			}
			flush()
			indent := len(l.text) - len(trimmed)
			cur, open = rawBlock{Kind: ListItem, Level: 1 + indent/2, Marker: strings.TrimSpace(trimmed[:n]), Line: l.line}, true
			parts = append(parts, trimmed[n:])
			continue
		}
		if i == 0 && len(para) > 1 && bullets == 0 && isHeadlineLine(l.text, para[1].text) {
			out = append(out, rawBlock{Kind: Paragraph, Text: normalizeSpace(l.text), Line: l.line})
			t.split(para[1].line, l.text, para[1].text, headlineReason)
			continue
		}
		if !open {
			cur, open = rawBlock{Kind: Paragraph, Line: l.line}, true
			parts = append(parts, l.text)
			continue
		}
		parts = t.join(parts, l)
	}
	flush()
	t.parts = parts
	return out
}

// lineShape is what a paragraph's lines tell about its line breaks as a whole: whether it is a
// run of short unpunctuated lines (a list or headings without markers) and how wide its widest
// line is (hard-wrapped lines run to about that width).
type lineShape struct {
	items  bool
	widest int
}

func newLineShape(para []textLine, bullets int) lineShape {
	var s lineShape
	if len(para) > 2 {
		for _, l := range para {
			s.widest = max(s.widest, utf8.RuneCountInString(l.text))
		}
	}
	s.items = len(para) >= 3 && bullets == 0 && shortLineRun(para)
	return s
}

// endsBefore says why the line break before line i of a paragraph (i > 0) ends a sentence
// although the line before has no final punctuation, or "" when it is a hard wrap to join. The
// headline rule for the first line (isHeadlineLine) is the caller's.
func (s lineShape) endsBefore(para []textLine, i int) string {
	switch {
	case i > 0 && s.items && itemLine(para[i-1].text, para[i].text):
		return itemRunReason // a list or headings written without markers or punctuation
	case i > 1 && raggedEnd(para[i-1].text, para[i].text, s.widest):
		return raggedReason // the line before ended a sentence or a headline without punctuation
	}
	return ""
}

// The reasons --explain gives for a line break kept as a sentence end.
const (
	headlineReason = "headline without final punctuation kept apart from the sentence on the next line"
	itemRunReason  = "short line without final punctuation in a run of such lines (a list or headings) ends its sentence"
	raggedReason   = "line without final punctuation, shorter than the paragraph's others, ends its sentence: the next starts a new one"
)

func countBullets(para []textLine) int {
	n := 0
	for _, l := range para {
		if bulletLen(strings.TrimLeft(l.text, " ")) > 0 {
			n++
		}
	}
	return n
}

// isHeadlineLine applies the splitter's headline rule to the first line of a paragraph.
func isHeadlineLine(line, next string) bool {
	text := line + "\n" + next
	s := splitter{text: text}
	return s.newlineEnds(0, len(line))
}

// join adds line l to the block whose text so far is parts, and reports the join: a hard-wrapped
// line break becomes a space; a word hyphenated at the line end ("Außen-" + "ministerium") is
// joined without the hyphen; a compound whose hyphen falls at the line end ("NATO-" +
// "Generalsekretär") keeps it; "Außen- und Innenministerium" keeps hyphen and space.
func (t *textReader) join(parts []string, l textLine) []string {
	prev := parts[len(parts)-1]
	next := strings.TrimLeft(l.text, " ")
	p := strings.TrimRight(prev, " ")
	if strings.HasSuffix(p, "-") && len(p) >= 2 && next != "" {
		before, _ := utf8.DecodeLastRuneInString(p[:len(p)-1])
		after, _ := utf8.DecodeRuneInString(next)
		if unicode.IsLetter(before) && unicode.IsLetter(after) && !inSet(suspendedHyphenWords, firstWord(next)) {
			if unicode.IsLower(after) {
				parts[len(parts)-1] = p[:len(p)-1] + next
				t.changed(l.line, p, next, "word hyphenated at the line end joined, hyphen dropped")
			} else {
				parts[len(parts)-1] = p + next
				t.changed(l.line, p, next, "hyphenated compound split at the line end joined")
			}
			return parts
		}
	}
	t.changed(l.line, p, next, "line break inside a paragraph joined with a space")
	return append(parts, l.text)
}

// suspendedHyphenWords follow a hyphen that stands for a word part ("Außen- und
// Innenministerium", "Vor- bzw. Nachteile"): the hyphen and the space stay.
var suspendedHyphenWords = toSet("und", "oder", "bzw", "sowie", "als", "wie", "bis", "noch", "and", "or", "to")

// changed records a join of the line before line with the line: the last few characters of one
// and the first few of the other, around "⏎".
func (t *textReader) changed(line int, before, after, reason string) {
	if len(*t.removed) >= maxRemovals { // counted, not listed: keep the text out of memory
		*t.removed = append(*t.removed, Removal{Line: line - 1, Kind: Joined, Reason: reason})
		return
	}
	*t.removed = append(*t.removed, Removal{Line: line - 1, Kind: Joined, Text: lastRunes(before, 20) + "⏎" + firstRunes(after, 20), Reason: reason})
}

// split records a line break kept as the end of a sentence although nothing on the line before
// ends one, listed like a join ("…⏎…") so that --explain shows every line break the reader
// decided on.
func (t *textReader) split(line int, before, after, reason string) {
	if len(*t.removed) >= maxRemovals {
		*t.removed = append(*t.removed, Removal{Line: line - 1, Kind: Split, Reason: reason})
		return
	}
	*t.removed = append(*t.removed, Removal{Line: line - 1, Kind: Split, Text: lastRunes(strings.TrimRight(before, " "), 20) + "⏎" + firstRunes(strings.TrimLeft(after, " "), 20), Reason: reason})
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// continuesWithDash reports whether line i of a paragraph, which starts with a dash bullet
// ("– ", "— ", "- "), is rather the hard-wrapped continuation of the line before: "Der Minister
// sagte am Montag" / "– nach langem Zögern –, er trete zurück." The line before must be
// neither a list item nor the end of a sentence or an introduction (".", ":", …), and a hyphen
// or asterisk only continues when the paragraph does not hold a list of them.
func continuesWithDash(para []textLine, i int, trimmed string, bullets int) bool {
	if i == 0 {
		return false
	}
	dash := strings.HasPrefix(trimmed, "– ") || strings.HasPrefix(trimmed, "— ")
	if !dash && !(strings.HasPrefix(trimmed, "- ") && bullets < 2) {
		return false
	}
	prev := strings.TrimRight(para[i-1].text, " ")
	if prev == "" || isBulletLine(prev) {
		return false
	}
	return !strings.ContainsRune(".!?:;…", lastRune(prev))
}

// raggedEnd reports whether a line inside a paragraph ends where its author ended it, not where
// a hard wrap did: it has no punctuation at the end, it is clearly shorter than the paragraph's
// widest line (wrapped lines run to about the same width), and the next line starts like a
// sentence. "Das Essen war gut." / "Absolut zu empfehlen" / "Seit 1964 ist mein Mann …" keeps
// "Absolut zu empfehlen" a sentence of its own instead of gluing it to the next.
func raggedEnd(line, next string, widest int) bool {
	line = strings.TrimRight(line, " ")
	if line == "" || widest < 40 || strings.ContainsRune(".!?…:;,-–—(\"'„“”»«", lastRune(line)) {
		return false
	}
	if utf8.RuneCountInString(line)*10 >= widest*6 || needsContinuationDE(line) {
		return false // a wrapped line; or an article, preposition or conjunction, which end no sentence
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(next, " "))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// itemLine reports whether line, followed by next, looks like an item of a list written without
// markers ("Parkverbot auf Gehwegen" / "Höchstgeschwindigkeit 20 km/h" / "Bußgeld bis 100
// Euro"): short, no final punctuation, not ending in a word that needs a continuation (an
// article, a preposition, a conjunction), and the next line starts with a capital or a digit.
func itemLine(line, next string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > 60 || strings.ContainsRune(".!?…:;,-–—(„“\"", lastRune(line)) && !endsInAbbrev(line) {
		return false
	}
	if needsContinuationDE(line) || inSet(noPunctContinuesEN, lastWord(line)) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(next, " "))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// shortLineRun reports a paragraph most of whose lines are list items without markers (see
// itemLine): at least three, and two thirds of the lines. Hard-wrapped prose has long lines
// that end mid-phrase, so it does not qualify.
func shortLineRun(para []textLine) bool {
	n := 0
	for i := 0; i+1 < len(para); i++ {
		if itemLine(para[i].text, para[i+1].text) {
			n++
		}
	}
	// Three short lines alone ("Mehl" / "Zucker" / "Eier") stay one block: too little to tell a
	// list from a wrapped phrase.
	return n >= 3 && n*3 >= len(para)*2
}

// endsInAbbrev reports a line whose final period is an abbreviation's, which ends no sentence:
// the name line of an address ("CorrelAid e.V.", "Muster GmbH & Co.") is as unpunctuated as
// the street and town lines below it.
func endsInAbbrev(line string) bool {
	if !strings.HasSuffix(line, ".") {
		return false
	}
	w := line[strings.LastIndexByte(line, ' ')+1 : len(line)-1]
	if inSet(abbrevNever, w) || inSet(abbrevMayEnd, w) {
		return true
	}
	// Initials joined by periods: "e.V", "u.a", "i.A".
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if n := utf8.RuneCountInString(p); n == 0 || n > 2 || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}

// lastWord returns the last word of line (letters and digits).
func lastWord(line string) string {
	i := len(line)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(line[:i])
		if !isWordRune(r) {
			break
		}
		i -= size
	}
	return line[i:]
}
