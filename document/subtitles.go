package document

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Subtitles (SubRip .srt and WebVTT .vtt): each cue's text is one segment; cue numbers,
// identifiers, timing lines, the WEBVTT header and NOTE, STYLE and REGION blocks are kept as
// they are and never sent. A translated cue is wrapped into lines of at most MaxLine characters
// (or the source's longest line, when that is longer), balanced, so a cue stays readable.
// Inline tags (<i>, <b>, <u>, <font>, WebVTT's <c.class>, <v Speaker>, <lang>, timestamps) and
// SubRip's {\an8} position codes are codes.

// MaxLine is the line length subtitle cues are wrapped to: the common broadcast limit.
const MaxLine = 42

var (
	subMarkup = regexp.MustCompile(`<[^>]*>|\{\\[^}]*\}`)
	subTag    = regexp.MustCompile(`^<(/?)([A-Za-z]+)([.][^\s>]*)?(\s[^>]*)?>|^<[0-9:.]+>|^\{\\[^}]*\}`)
)

func readSubtitles(d *Doc, src, name string, f Format) error {
	lines := splitLines(src)
	// The line break of lines bitext writes where the input has none (a cue on the file's last
	// line, without a final break): the file's own, so that a CRLF file stays CRLF.
	fileEOL := d.eol
	vtt := f == VTT
	i := 0
	if vtt {
		if len(lines) == 0 || !vttSignature.MatchString(strings.TrimPrefix(lines[0].text, "\ufeff")) {
			return &InputError{File: name, Line: 1, Msg: `a WebVTT file starts with "WEBVTT" (alone, or followed by a space or tab and a title)`}
		}
		// The header runs to the first blank line, or up to a line holding "-->": WebVTT's
		// parser starts the first cue there.
		d.raw(lines[0].raw())
		for i = 1; i < len(lines) && !blank(lines[i].text) && !strings.Contains(lines[i].text, "-->"); i++ {
			d.raw(lines[i].raw())
		}
	}
	cues := 0
	for i < len(lines) {
		if blank(lines[i].text) {
			d.raw(lines[i].raw())
			i++
			continue
		}
		// One block: up to the next blank line.
		end := i
		for end < len(lines) && !blank(lines[end].text) {
			end++
		}
		// A cue's timing line is its first or second line (after a cue number or identifier).
		timing := -1
		for k := i; k < end && k < i+2; k++ {
			if strings.Contains(lines[k].text, "-->") {
				timing = k
				break
			}
		}
		if timing < 0 {
			if vtt && vttOtherBlock.MatchString(lines[i].text) {
				// A comment, style sheet or region definition: kept, never sent. Like a cue, it
				// ends at a blank line or at a line holding "-->".
				d.raw(lines[i].raw())
				for i++; i < end && !strings.Contains(lines[i].text, "-->"); i++ {
					d.raw(lines[i].raw())
				}
				continue
			}
			return noTiming(lines, i, end, name, vtt)
		}
		if err := checkTiming(lines[timing].text, vtt); err != "" {
			return &InputError{File: name, Line: timing + 1, Msg: err}
		}
		for ; i <= timing; i++ {
			d.raw(lines[i].raw())
		}
		cues++
		// The cue's text runs to the blank line, or up to a line holding "-->": a timing line,
		// which starts the next cue (WebVTT's parser's rule; SubRip files whose cues lack the
		// blank line between them are read alike, the cue number above the timing line going
		// with it).
		textEnd := i
		for textEnd < end && !strings.Contains(lines[textEnd].text, "-->") {
			textEnd++
		}
		if !vtt && textEnd < end && textEnd > i && srtCueNumber.MatchString(lines[textEnd-1].text) {
			textEnd--
		}
		subCue(d, lines, i, textEnd, vtt, fileEOL)
		i = textEnd
	}
	if cues == 0 && len(d.Segments) == 0 && strings.TrimSpace(src) != "" && f == SRT {
		return &InputError{File: name, Line: 1, Msg: "no subtitle cues found"}
	}
	return nil
}

var (
	vttSignature = regexp.MustCompile(`^WEBVTT(?:[ \t]|$)`)
	// A WebVTT comment is "NOTE" followed by a space, a tab or the line's end; a style sheet or
	// region definition is "STYLE" or "REGION" on a line of its own. A block that merely starts
	// with these letters ("NOTE-1", "REGIONAL") is a cue's identifier or nothing.
	vttOtherBlock = regexp.MustCompile(`^(?:NOTE(?:[ \t]|$)|(?:STYLE|REGION)[ \t]*$)`)
	srtCueNumber  = regexp.MustCompile(`^\s*\d+\s*$`)
	// SubRip: hours:minutes:seconds,milliseconds (a full stop for the comma is common and
	// accepted), then optionally a position ("X1:100 X2:600 Y1:050 Y2:100").
	srtTiming = regexp.MustCompile(`^\s*\d+:\d\d:\d\d[,.]\d{1,3}[ \t]*-->[ \t]*\d+:\d\d:\d\d[,.]\d{1,3}(?:[ \t].*)?$`)
	// WebVTT: [hours:]minutes:seconds.milliseconds, then optionally cue settings. Both are
	// read as leniently as the players' parsers (vtt.js: "120:00.000" is 120 minutes): the
	// times are copied, never computed with; what is checked is that the line is a timing line.
	vttTiming = regexp.MustCompile(`^[ \t]*\d+:\d\d(?::\d\d)?\.\d{3}[ \t]*-->[ \t]*\d+:\d\d(?::\d\d)?\.\d{3}(?:[^0-9].*)?$`)
	// A line that starts like a time: a malformed timing line rather than a cue identifier.
	timeLike = regexp.MustCompile(`^\s*\d+:\d`)
)

// checkTiming returns what is wrong with a timing line, or "".
func checkTiming(line string, vtt bool) string {
	if vtt {
		if !vttTiming.MatchString(line) {
			return fmt.Sprintf(`%q is not a WebVTT timing line: "00:01.000 --> 00:04.000" or "00:00:01.000 --> 00:00:04.000" (hours optional, milliseconds after a full stop), then any cue settings`, line)
		}
		return ""
	}
	if !srtTiming.MatchString(line) {
		return fmt.Sprintf(`%q is not a SubRip timing line: "00:00:01,000 --> 00:00:04,000" (hours:minutes:seconds,milliseconds)`, line)
	}
	return ""
}

// noTiming is the error for a block from lines[i] to lines[end] without a timing line: at a
// line that starts like one (a malformed timing line, the first or the second), else at the
// block's first.
func noTiming(lines []mdLine, i, end int, name string, vtt bool) error {
	if end-i >= 2 && timeLike.MatchString(lines[i+1].text) {
		return &InputError{File: name, Line: i + 2, Msg: checkTiming(lines[i+1].text, vtt)}
	}
	if timeLike.MatchString(lines[i].text) {
		return &InputError{File: name, Line: i + 1, Msg: checkTiming(lines[i].text, vtt)}
	}
	example := `"00:00:01,000 --> 00:00:04,000"`
	if vtt {
		example = `"00:01.000 --> 00:04.000"`
	}
	return &InputError{File: name, Line: i + 1, Msg: "a cue without a timing line (" + example + ")"}
}

// subCue reads the text lines[i:end] of a cue.
func subCue(d *Doc, lines []mdLine, i, end int, vtt bool, fileEOL string) {
	if i == end {
		return
	}
	var same strings.Builder
	var texts []string
	longest := 0
	for k := i; k < end; k++ {
		same.WriteString(lines[k].raw())
		texts = append(texts, lines[k].text)
		if n := utf8.RuneCountInString(subMarkup.ReplaceAllString(lines[k].text, "")); n > longest {
			longest = n
		}
	}
	width := MaxLine
	if longest > width {
		width = longest
	}
	if ownLines(texts, vtt) {
		// Each line is a speaker's, a sentence or a unit of its own: a segment each,
		// written on its own line (wrapped only when a translation outgrows the measure).
		for k := i; k < end; k++ {
			subLine(d, lines[k], k+1, width, vtt, fileEOL)
		}
		return
	}
	eol := lines[end-1].eol()
	lineEnd := lines[i].eol()
	if lineEnd == "" {
		lineEnd = fileEOL
	}
	var b builder
	for k, t := range texts {
		if k > 0 {
			b.text(" ")
		}
		subInline(t, &b, vtt)
	}
	if !b.hasWords() {
		d.raw(same.String())
		return
	}
	seg, pre, suf := b.finish()
	seg.Kind, seg.Line = Block, i+1
	codes := seg.Codes
	esc := subEscaper(vtt, same.String())
	d.add(seg, func(tr string) string {
		wrapped := wrapTagged(tr, width, end-i)
		return pre + strings.ReplaceAll(render(codes, wrapped, esc), "\n", lineEnd) + suf + eol
	}, same.String(), true)
}

// subEscaper returns how a cue's translated text is written: in WebVTT with &, < and > escaped,
// and no-break spaces as "&nbsp;" when the source cue wrote them so (read, they are U+00A0).
func subEscaper(vtt bool, src string) func(string) string {
	switch {
	case !vtt:
		return func(s string) string { return s }
	case strings.Contains(src, "&nbsp;"):
		return func(s string) string { return strings.ReplaceAll(escapeHTMLText(s), "\u00a0", "&nbsp;") }
	}
	return escapeHTMLText
}

// subLine makes one line of a cue a segment of its own (see ownLines).
func subLine(d *Doc, l mdLine, line, width int, vtt bool, fileEOL string) {
	var b builder
	subInline(l.text, &b, vtt)
	if !b.hasWords() {
		d.raw(l.raw())
		return
	}
	seg, pre, suf := b.finish()
	seg.Kind, seg.Line = Block, line
	codes := seg.Codes
	lineEnd := l.eol()
	if lineEnd == "" {
		lineEnd = fileEOL
	}
	esc := subEscaper(vtt, l.raw())
	d.add(seg, func(tr string) string {
		return pre + strings.ReplaceAll(render(codes, wrapTagged(tr, width, 1), esc), "\n", lineEnd) + suf + l.eol()
	}, l.raw(), true)
}

// ownLines reports whether each line of a cue of several lines stands on its own, so that the
// cue's line structure is kept and each line translated by itself: dialogue (every line a
// speaker's: starting with a dash or, in WebVTT, with a <v Speaker> span that closes on the line
// or a <v> on every line), or lines that each end a sentence or are a sound description
// ("[LACHEN]", "(seufzt)", "♪ … ♪"). Anything else is one segment, rewrapped after
// translation: a line that breaks mid-sentence, whatever its formatting, and formatting that
// spans lines (<v Anna>Kommst du heute Abend / mit uns ins Kino?</v>, a <font> over two
// lines) — a sentence split over two segments is translated as two fragments.
func ownLines(texts []string, vtt bool) bool {
	if len(texts) < 2 {
		return false
	}
	voices := vtt // a <v> at the start of every line: one speaker a line, closed or not
	for _, t := range texts {
		if !vttVoice.MatchString(t) {
			voices = false
		}
	}
	for _, t := range texts {
		open, stray := lineTags(t)
		if stray || len(open) > 1 || len(open) == 1 && !(voices && open[0] == "v") {
			return false
		}
		if !voices && !ownLine(t, vtt) {
			return false
		}
	}
	return true
}

var vttVoice = regexp.MustCompile(`^\s*<v[\s.>]`)

// lineTags returns the tags a line of cue text leaves open, and whether it closes one it did
// not open: either way its formatting goes on over the cue's other lines.
func lineTags(t string) (open []string, stray bool) {
	for i := 0; i < len(t); i++ {
		if t[i] != '<' {
			continue
		}
		m := subTag.FindStringSubmatch(t[i:])
		if m == nil || m[2] == "" {
			continue
		}
		name := strings.ToLower(m[2])
		if m[1] != "/" {
			open = append(open, name)
		} else if n := len(open); n > 0 && open[n-1] == name {
			open = open[:n-1]
		} else {
			stray = true
		}
		i += len(m[0]) - 1
	}
	return open, stray
}

func ownLine(t string, vtt bool) bool {
	t = strings.TrimSpace(t)
	if vtt && (strings.HasPrefix(t, "<v ") || strings.HasPrefix(t, "<v.") || strings.HasPrefix(t, "<v\t")) {
		return true
	}
	plain := strings.TrimSpace(subMarkup.ReplaceAllString(t, ""))
	if vtt {
		plain = html.UnescapeString(plain)
	}
	if plain == "" {
		return true
	}
	for _, dash := range []string{"-", "–", "—"} {
		if strings.HasPrefix(plain, dash) {
			return true
		}
	}
	if first, last := plain[0], plain[len(plain)-1]; first == '[' && last == ']' || first == '(' && last == ')' {
		return true
	}
	if strings.HasPrefix(plain, "♪") && strings.HasSuffix(plain, "♪") {
		return true
	}
	end := strings.TrimRight(plain, "\"'»«“”„’‘)] ")
	r, _ := utf8.DecodeLastRuneInString(end)
	return strings.ContainsRune(".!?…♪", r)
}

// subInline reads one line of cue text into b.
func subInline(s string, b *builder, vtt bool) {
	var text strings.Builder
	flush := func() {
		t := text.String()
		if vtt {
			t = html.UnescapeString(t)
		}
		b.text(t)
		text.Reset()
	}
	var open []string
	for i := 0; i < len(s); {
		if s[i] == '<' || s[i] == '{' {
			if m := subTag.FindStringSubmatch(s[i:]); m != nil {
				flush()
				raw := m[0]
				switch {
				case raw[0] == '{' || m[2] == "":
					b.alone("sub-tag", raw)
				case m[1] == "/":
					if n := len(open); n > 0 && strings.EqualFold(open[n-1], m[2]) {
						open = open[:n-1]
						b.close(raw)
					} else {
						b.alone("sub-tag", raw)
					}
				default:
					open = append(open, m[2])
					b.open(strings.ToLower(m[2]), raw, "")
				}
				i += len(raw)
				continue
			}
		}
		text.WriteByte(s[i])
		i++
	}
	flush()
	// Tags a line leaves open stay open across the cue's lines; finish closes what the cue
	// leaves open.
}

// wrapTagged breaks a tagged translation into lines of at most width characters (not counting
// tags) at spaces outside tags, balanced, and returns the tagged text with "\n" at the breaks.
// The number of lines is the source cue's (srcLines) when the text fits in that many, else the
// fewest it fits in, or one more when that avoids a last line of a single word ("on" under
// two full lines).
func wrapTagged(tagged string, width, srcLines int) string {
	words := strings.FieldsFunc(tagged, breakingSpace)
	lens := make([]int, len(words))
	total := -1
	for i, w := range words {
		lens[i] = utf8.RuneCountInString(Plain(w))
		total += lens[i] + 1
	}
	if len(words) < 2 || total <= width && srcLines <= 1 {
		return strings.Join(words, " ")
	}
	// Filling lines up to the width gives the fewest lines the text fits in.
	fewest := len(greedyBreaks(lens, width)) + 1
	var counts []int
	if srcLines > fewest {
		counts = append(counts, srcLines)
	}
	counts = append(counts, fewest, fewest+1)
	for _, n := range counts {
		if n > len(words) {
			continue
		}
		breaks, ok := balancedBreaks(lens, width, n)
		if ok && (len(breaks) == 0 || breaks[len(breaks)-1] < len(words)-1) {
			return joinAt(words, breaks)
		}
	}
	if fewest == 1 {
		return strings.Join(words, " ")
	}
	if breaks, ok := balancedBreaks(lens, width, fewest); ok {
		return joinAt(words, breaks)
	}
	return joinAt(words, greedyBreaks(lens, width))
}

// balancedBreaks returns the indexes of the words that start a new line when the words are
// set in exactly n lines of at most width characters (a longer word on a line of its own), the
// lines as even as they can be: the least sum of their lengths squared. ok is false when no
// such n lines exist.
func balancedBreaks(lens []int, width, n int) (breaks []int, ok bool) {
	const none = -1
	w := len(lens)
	if n*(w+1) > 1<<20 {
		// Not a subtitle (a cue of thousands of lines): not worth the table; filled greedily.
		return nil, false
	}
	// cost[k][j]: the least cost of setting words[:j] in k lines; from[k][j]: where line k starts.
	cost := make([][]int, n+1)
	from := make([][]int, n+1)
	for k := range cost {
		cost[k] = make([]int, w+1)
		from[k] = make([]int, w+1)
		for j := range cost[k] {
			cost[k][j] = none
		}
	}
	cost[0][0] = 0
	for k := 1; k <= n; k++ {
		for j := k; j <= w; j++ {
			length := -1
			for i := j - 1; i >= k-1; i-- {
				length += lens[i] + 1
				if length > width && i < j-1 {
					break
				}
				if cost[k-1][i] == none {
					continue
				}
				if c := cost[k-1][i] + length*length; cost[k][j] == none || c < cost[k][j] {
					cost[k][j], from[k][j] = c, i
				}
			}
		}
	}
	if cost[n][w] == none {
		return nil, false
	}
	breaks = make([]int, n-1)
	for k, j := n, w; k > 1; k-- {
		j = from[k][j]
		breaks[k-2] = j
	}
	return breaks, true
}

// breakingSpace reports whether a line may break at r: a space, but not a no-break space
// ("100\u00a0Euro", "Dr.\u00a0Müller" stay on one line, their no-break space kept).
func breakingSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u2007' && r != '\u202f'
}

// greedyBreaks returns the indexes of the words that start a new line when lines are filled up
// to width characters.
func greedyBreaks(lens []int, width int) []int {
	var breaks []int
	n := 0
	for i, l := range lens {
		if i > 0 && n+1+l > width {
			breaks = append(breaks, i)
			n = l
			continue
		}
		if i > 0 {
			n++
		}
		n += l
	}
	return breaks
}

func joinAt(words []string, breaks []int) string {
	var b strings.Builder
	k := 0
	for i, w := range words {
		if i > 0 {
			if k < len(breaks) && breaks[k] == i {
				b.WriteByte('\n')
				k++
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}
