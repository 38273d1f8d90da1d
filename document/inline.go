package document

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inline markup travels through translation as numbered placeholder codes inside a segment's
// text, in the manner of XLIFF's <g>/<x> (paired and standalone codes):
//
//	Die <g1>Regierung</g1> hat <x2/> am Montag …
//
// A paired code <gN>…</gN> stands for markup around words (a link, emphasis); a standalone code
// <xN/> for markup without words of its own (a line break, an image, inline code that is never
// translated). The codes carry only their number: the original markup (attributes, URLs) stays
// in the document and is never sent, so a provider cannot change it. Literal "<" and "&" in the
// text are escaped as &lt; and &amp;, so tags and text cannot be confused.
//
// The compact spelling keeps the characters paid for low and is also well-formed HTML for
// providers that translate HTML natively (Google's format=html).

// CodeKind says whether a code encloses words or stands alone.
type CodeKind uint8

// The kinds of codes.
const (
	Paired     CodeKind = iota + 1 // <gN>…</gN>
	Standalone                     // <xN/>
)

// Code is one inline code of a segment: the original markup it stands for.
type Code struct {
	ID   int // 1-based, the N of <gN> or <xN/>; Codes[i].ID == i+1
	Kind CodeKind
	// Name says what the markup is ("a", "strong", "md-link", "xliff-ph"), for safe placement
	// and reports.
	Name string
	// Open is the markup before the enclosed words (paired) or the whole markup (standalone);
	// Close the markup after them (paired only).
	Open, Close string
}

// Tag is how the code is written in a segment's text (its opening tag for a paired code).
func (c Code) Tag() string {
	if c.Kind == Standalone {
		return PieceTag(PieceStandalone, c.ID)
	}
	return PieceTag(PieceOpen, c.ID)
}

// PieceTag is how a code piece of kind with number id is written in tagged text: <gN>, </gN>
// or <xN/>.
func PieceTag(kind PieceKind, id int) string {
	n := strconv.Itoa(id)
	switch kind {
	case PieceOpen:
		return "<g" + n + ">"
	case PieceClose:
		return "</g" + n + ">"
	}
	return "<x" + n + "/>"
}

// pieceKind is what one piece of a tagged text is.
type pieceKind uint8

const (
	pText pieceKind = iota
	pOpen
	pClose
	pAlone
)

// piece is one run of text or one tag of a tagged text. Text pieces hold unescaped text.
type piece struct {
	kind pieceKind
	text string
	id   int
}

// PieceKind is what one piece of a tagged text is, for writers of other inline-code syntaxes
// (TMX <bpt>/<ept>/<ph>, XLIFF <pc>/<ph>).
type PieceKind uint8

// The pieces of a tagged text.
const (
	PieceText       PieceKind = iota // words
	PieceOpen                        // <gN>: the start of a paired code
	PieceClose                       // </gN>: its end
	PieceStandalone                  // <xN/>: a standalone code
)

// Piece is one run of words (Text, unescaped) or one code tag (ID) of a tagged text.
type Piece struct {
	Kind PieceKind
	Text string
	ID   int
}

// Pieces cuts a tagged text into words and code tags, read as leniently as provider answers
// are: <xN> and </xN> are one standalone code, entities in the words are unescaped, and a paired
// code written empty (<gN/>) counts as a standalone code numbered N.
func Pieces(tagged string) []Piece {
	ps := parseTagged(tagged)
	out := make([]Piece, 0, len(ps))
	for _, p := range ps {
		switch {
		case p.kind == pText:
			out = append(out, Piece{Kind: PieceText, Text: p.text})
		case p.kind == pOpen:
			out = append(out, Piece{Kind: PieceOpen, ID: p.id})
		case p.kind == pClose:
			out = append(out, Piece{Kind: PieceClose, ID: p.id})
		case p.id < 0: // <gN/>, marked by parseTagged as -N-1
			out = append(out, Piece{Kind: PieceStandalone, ID: -p.id - 1})
		default:
			out = append(out, Piece{Kind: PieceStandalone, ID: p.id})
		}
	}
	return out
}

// EscapeText escapes text for a tagged segment: "&" and "<" only, so that a provider sees the
// words as they are and tags cannot be forged by the text.
func EscapeText(s string) string {
	if !strings.ContainsAny(s, "&<") {
		return s
	}
	s = strings.ReplaceAll(s, "&", "&amp;")
	return strings.ReplaceAll(s, "<", "&lt;")
}

// parseTagged cuts a tagged text into pieces. It is lenient where providers are sloppy but the
// meaning is clear: <xN> without the slash and a following </xN> (the way an HTML serializer
// writes an unknown empty element) are one standalone code, spaces inside a tag are allowed, and
// a "<" that starts no tag is text. Entities are unescaped (Google's &#39; and &quot; too).
func parseTagged(s string) []piece {
	var out []piece
	start := 0 // where the text not yet in a piece starts: the text between two tags is a
	// slice of s, read without a copy (html.UnescapeString copies only when it has to)
	flush := func(end int) {
		if end > start {
			out = append(out, piece{kind: pText, text: html.UnescapeString(s[start:end])})
		}
	}
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			i += j
			continue
		}
		kind, id, n := scanTag(s[i:])
		if n == 0 {
			i++ // a "<" that starts no tag is text
			continue
		}
		flush(i)
		start = i + n
		if kind == pClose && id < 0 { // </xN>: the end of an HTML-serialized standalone code
			i += n
			continue
		}
		out = append(out, piece{kind: kind, id: id})
		i += n
	}
	flush(len(s))
	return out
}

// scanTag reads one placeholder tag at the start of s: <gN>, </gN>, <xN/>, <xN>, </xN>. It
// returns its kind, number and length, or n == 0 when s does not start with one. </xN> has id -1.
func scanTag(s string) (kind pieceKind, id int, n int) {
	i := 1
	closing := false
	if i < len(s) && s[i] == '/' {
		closing = true
		i++
	}
	if i >= len(s) || (s[i] != 'g' && s[i] != 'x' && s[i] != 'G' && s[i] != 'X') {
		return 0, 0, 0
	}
	letter := s[i] | 0x20
	i++
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start || i-start > 6 {
		return 0, 0, 0
	}
	num, _ := strconv.Atoi(s[start:i])
	for i < len(s) && s[i] == ' ' {
		i++
	}
	selfClose := false
	if i < len(s) && s[i] == '/' {
		selfClose = true
		i++
	}
	if i >= len(s) || s[i] != '>' {
		return 0, 0, 0
	}
	i++
	switch {
	case letter == 'x' && closing:
		return pClose, -1, i
	case letter == 'x':
		return pAlone, num, i
	case closing:
		return pClose, num, i
	case selfClose:
		return pAlone, -num - 1, i // <gN/>: a paired code written empty; checked as an error
	}
	return pOpen, num, i
}

// TagError says what is wrong with the tags of a translation; its message is written for the
// provider that is asked again ("the tag <g2> is missing").
type TagError struct {
	Problem string
}

func (e *TagError) Error() string { return e.Problem }

// CheckTags validates a translation of a segment with the given codes: every code exactly once,
// paired codes opened before they are closed and properly nested, no code that is not in the
// source. It returns a *TagError describing the first problem, or nil.
func CheckTags(codes []Code, target string) error {
	_, err := checkPieces(codes, parseTagged(target))
	return err
}

func checkPieces(codes []Code, ps []piece) ([]piece, error) {
	seenOpen := map[int]bool{}
	seenClose := map[int]bool{}
	var stack []int
	code := codeLookup(codes)
	for _, p := range ps {
		switch p.kind {
		case pOpen:
			c, ok := code(p.id)
			if !ok {
				return nil, &TagError{fmt.Sprintf("the tag <g%d> is not in the source; use only the source's tags", p.id)}
			}
			if c.Kind != Paired {
				return nil, &TagError{fmt.Sprintf("<g%d> should be the standalone tag %s", p.id, c.Tag())}
			}
			if seenOpen[p.id] {
				return nil, &TagError{fmt.Sprintf("the tag <g%d> appears twice; keep each tag exactly once", p.id)}
			}
			seenOpen[p.id] = true
			stack = append(stack, p.id)
		case pClose:
			c, ok := code(p.id)
			if !ok || c.Kind != Paired {
				return nil, &TagError{fmt.Sprintf("the closing tag </g%d> is not in the source", p.id)}
			}
			if seenClose[p.id] {
				return nil, &TagError{fmt.Sprintf("the closing tag </g%d> appears twice; keep each tag exactly once", p.id)}
			}
			if !seenOpen[p.id] {
				return nil, &TagError{fmt.Sprintf("</g%d> comes before <g%d>; keep each pair in order", p.id, p.id)}
			}
			if top := stack[len(stack)-1]; top != p.id {
				return nil, &TagError{fmt.Sprintf("</g%d> closes before </g%d>; keep the tags properly nested", p.id, top)}
			}
			seenClose[p.id] = true
			stack = stack[:len(stack)-1]
		case pAlone:
			id := p.id
			if id < 0 {
				return nil, &TagError{fmt.Sprintf("<g%d/> must enclose words: write <g%d>…</g%d>", -id-1, -id-1, -id-1)}
			}
			c, ok := code(id)
			if !ok {
				return nil, &TagError{fmt.Sprintf("the tag <x%d/> is not in the source; use only the source's tags", id)}
			}
			if c.Kind != Standalone {
				return nil, &TagError{fmt.Sprintf("<x%d/> should be the paired tag <g%d>…</g%d>", id, id, id)}
			}
			if seenOpen[id] {
				return nil, &TagError{fmt.Sprintf("the tag <x%d/> appears twice; keep each tag exactly once", id)}
			}
			seenOpen[id] = true
		}
	}
	if len(stack) > 0 {
		return nil, &TagError{fmt.Sprintf("<g%d> is never closed; add </g%d>", stack[len(stack)-1], stack[len(stack)-1])}
	}
	var missing []string
	for _, c := range codes {
		if !seenOpen[c.ID] {
			if c.Kind == Paired {
				missing = append(missing, fmt.Sprintf("<g%d>…</g%d>", c.ID, c.ID))
			} else {
				missing = append(missing, c.Tag())
			}
		}
	}
	if len(missing) == 1 {
		return nil, &TagError{fmt.Sprintf("the tag %s is missing; keep every tag of the source", missing[0])}
	}
	if len(missing) > 1 {
		return nil, &TagError{fmt.Sprintf("the tags %s are missing; keep every tag of the source", strings.Join(missing, ", "))}
	}
	return ps, nil
}

// codeLookup finds a code by its number. The numbers of a document segment's codes are 1..n;
// a sentence cut from it holds some of them, numbered as in the segment.
func codeLookup(codes []Code) func(int) (Code, bool) {
	return func(id int) (Code, bool) {
		if id >= 1 && id <= len(codes) && codes[id-1].ID == id {
			return codes[id-1], true
		}
		for _, c := range codes {
			if c.ID == id {
				return c, true
			}
		}
		return Code{}, false
	}
}

// CodesOf returns the codes a tagged text holds, in order of appearance, as far as the text
// tells: their numbers and kinds (not their markup). It is what a provider wrapper needs to
// check an answer against the text it sent.
func CodesOf(tagged string) []Code {
	var out []Code
	for _, p := range parseTagged(tagged) {
		switch {
		case p.kind == pOpen:
			out = append(out, Code{ID: p.id, Kind: Paired, Name: "g"})
		case p.kind == pAlone && p.id > 0:
			out = append(out, Code{ID: p.id, Kind: Standalone, Name: "x"})
		}
	}
	return out
}

// SafePlacement puts a translation's words and the source's codes together when the
// translation's tags are broken: the words without any tag, the source's paired codes around
// all of them (outermost first, as they open in the source) and its standalone codes where they
// stand in the source — before the words when no word precedes them there, after otherwise. The
// result always passes CheckTags. Two pairs of the same markup (two links) are not nested
// inside each other: the later one is kept empty after the words, so the document stays valid.
func SafePlacement(codes []Code, source, target string) string {
	var words strings.Builder
	for _, p := range parseTagged(DropForeignTags(target)) {
		if p.kind == pText {
			words.WriteString(p.text)
		}
	}
	text := strings.TrimSpace(words.String())
	leading, order := codeLayout(source)
	var b strings.Builder
	for _, c := range codes {
		if c.Kind == Standalone && leading[c.ID] {
			b.WriteString(c.Tag())
		}
	}
	names := map[string]bool{}
	var wrap, empty []int
	lookup := codeLookup(codes)
	for _, id := range order {
		c, ok := lookup(id)
		if !ok || c.Kind != Paired {
			continue
		}
		if names[c.Name] && c.Name != "" {
			empty = append(empty, id)
			continue
		}
		names[c.Name] = true
		wrap = append(wrap, id)
	}
	// Paired codes that never opened in the source text (cannot happen for a source built by
	// this package) are still placed, empty.
	placed := map[int]bool{}
	for _, id := range append(append([]int{}, wrap...), empty...) {
		placed[id] = true
	}
	for _, c := range codes {
		if c.Kind == Paired && !placed[c.ID] {
			empty = append(empty, c.ID)
		}
	}
	for _, id := range wrap {
		fmt.Fprintf(&b, "<g%d>", id)
	}
	b.WriteString(EscapeText(text))
	for i := len(wrap) - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "</g%d>", wrap[i])
	}
	for _, id := range empty {
		fmt.Fprintf(&b, "<g%d></g%d>", id, id)
	}
	for _, c := range codes {
		if c.Kind == Standalone && !leading[c.ID] {
			b.WriteString(c.Tag())
		}
	}
	return b.String()
}

// foreignMarkup is markup in an answer that may be none of our placeholders: a tag the engine
// renamed (<g-en1>, <G 1>) or invented (<b>). The tagged form writes a literal "<" of the text
// as &lt;, and so does an XML answer, so a raw one that opens a tag is never the text's own; left
// in, it would be escaped into the document as visible "&lt;g-en1&gt;".
var foreignMarkup = regexp.MustCompile(`</?[A-Za-z][^<>]{0,80}>`)

// DropForeignTags removes from an answer (tagged text, or a provider's XML of it) the tags that
// are none of the placeholder codes, keeping their words: what an engine renamed or invented.
func DropForeignTags(s string) string {
	return foreignMarkup.ReplaceAllStringFunc(s, func(m string) string {
		if _, _, n := scanTag(m); n == len(m) {
			return m
		}
		return ""
	})
}

// Plain returns a tagged text's words without codes, unescaped: what a sentence pair without
// markup holds.
func Plain(tagged string) string {
	var b strings.Builder
	for _, p := range parseTagged(tagged) {
		if p.kind == pText {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// HasTags reports whether s holds placeholder codes (a quick test: a "<g" or "<x" followed by
// a digit).
func HasTags(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '<' && (s[i+1] == 'g' || s[i+1] == 'x') && s[i+2] >= '0' && s[i+2] <= '9' {
			return true
		}
	}
	return false
}

// Fix returns target when its tags are right, and otherwise SafePlacement with the problem.
func Fix(codes []Code, source, target string) (string, error) {
	if err := CheckTags(codes, target); err != nil {
		return SafePlacement(codes, source, target), err
	}
	return target, nil
}

// builder collects one segment's pieces as a reader meets them.
type builder struct {
	ps    []piece
	codes []Code
	stack []int
	// edges: finish gives the segment what it moves out at the edges (Options.Shown).
	edges bool
	// dropEdge says which codes finish leaves out of the prefix and suffix: markup the place
	// the translation is written into already has around it (a 1.2 target's code outside its
	// <mrk mtype="seg">).
	dropEdge func(Code) bool
	// edgeText, when set, writes the text finish moves to the prefix and suffix (white space)
	// as the format writes it: Markdown's as the source wrote it ("&nbsp;", mdRefs.edge).
	edgeText func(string) string
	// charRefs are the character references of a Markdown block's text (mdInlineRefs).
	charRefs mdCharRefs
}

func (b *builder) text(s string) {
	if s == "" {
		return
	}
	if n := len(b.ps); n > 0 && b.ps[n-1].kind == pText {
		b.ps[n-1].text += s
		return
	}
	b.ps = append(b.ps, piece{kind: pText, text: s})
}

func (b *builder) open(name, open, close string) {
	b.codes = append(b.codes, Code{ID: len(b.codes) + 1, Kind: Paired, Name: name, Open: open, Close: close})
	id := len(b.codes)
	b.stack = append(b.stack, id)
	b.ps = append(b.ps, piece{kind: pOpen, id: id})
}

// close closes the innermost open code, appending to its closing markup (which a reader may only
// know now).
func (b *builder) close(closeMarkup string) {
	if len(b.stack) == 0 {
		return
	}
	id := b.stack[len(b.stack)-1]
	b.stack = b.stack[:len(b.stack)-1]
	if closeMarkup != "" {
		b.codes[id-1].Close = closeMarkup
	}
	b.ps = append(b.ps, piece{kind: pClose, id: id})
}

func (b *builder) alone(name, markup string) {
	b.codes = append(b.codes, Code{ID: len(b.codes) + 1, Kind: Standalone, Name: name, Open: markup})
	b.ps = append(b.ps, piece{kind: pAlone, id: len(b.codes)})
}

func (b *builder) reset() {
	b.ps, b.codes, b.stack = b.ps[:0], nil, b.stack[:0]
}

// hasWords reports whether the pieces hold a letter or digit: a run of markup and spaces is not
// worth a request.
func (b *builder) hasWords() bool {
	for _, p := range b.ps {
		if p.kind == pText && hasWord(p.text) {
			return true
		}
	}
	return false
}

// hasWord says whether s has a letter or digit outside template placeholders: a page's
// <template> (or a Vue/Angular page before its script ran) holds "${title}" and "{{ title }}",
// which a script fills in; sent alone, they cost a request, and a model that "translates"
// them breaks the script.
func hasWord(s string) bool {
	for i := 0; i < len(s); {
		if end := templatePlaceholderEnd(s, i); end > i {
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			return true
		}
		i += size
	}
	return false
}

// templatePlaceholderEnd is the end of a "${…}" or "{{…}}" placeholder starting at s[i], or i
// when none does.
func templatePlaceholderEnd(s string, i int) int {
	var closing string
	switch {
	case strings.HasPrefix(s[i:], "${"):
		closing = "}"
	case strings.HasPrefix(s[i:], "{{"):
		closing = "}}"
	default:
		return i
	}
	j := strings.Index(s[i+2:], closing)
	if j < 0 || strings.ContainsAny(s[i+2:i+2+j], "{\n") {
		return i
	}
	return i + 2 + j + len(closing)
}

// EdgePieces splits the pieces of a unit into those its segment keeps and those that go to the
// segment's fixed prefix (before) and suffix (after), in the order they stand: white space at
// the edges, a standalone code at either edge (an image before a caption) and a paired code
// enclosing everything (a link around a whole list item), again until none is left. The provider
// is not asked to carry what cannot move, and a translation memory keys a unit by what its
// segment keeps (package tm, importing a CAT tool's tagged units).
func EdgePieces(ps []Piece) (rest, before, after []Piece) {
	ps = slices.Clone(ps)
	var outer []Piece // after's pieces, outermost first
	for {
		changed := false
		if len(ps) > 0 && ps[0].Kind == PieceText {
			t := strings.TrimLeftFunc(ps[0].Text, unicode.IsSpace)
			if t != ps[0].Text {
				before = append(before, Piece{Kind: PieceText, Text: ps[0].Text[:len(ps[0].Text)-len(t)]})
				ps[0].Text, changed = t, true
			}
			if t == "" {
				ps = ps[1:]
			}
		}
		if n := len(ps); n > 0 && ps[n-1].Kind == PieceText {
			t := strings.TrimRightFunc(ps[n-1].Text, unicode.IsSpace)
			if t != ps[n-1].Text {
				outer = append(outer, Piece{Kind: PieceText, Text: ps[n-1].Text[len(t):]})
				ps[n-1].Text, changed = t, true
			}
			if t == "" {
				ps = ps[:n-1]
			}
		}
		if len(ps) == 0 {
			break
		}
		n := len(ps)
		switch {
		case ps[0].Kind == PieceStandalone:
			before, ps = append(before, ps[0]), ps[1:]
			continue
		case ps[n-1].Kind == PieceStandalone:
			outer, ps = append(outer, ps[n-1]), ps[:n-1]
			continue
		case n >= 2 && ps[0].Kind == PieceOpen && ps[n-1].Kind == PieceClose && ps[0].ID == ps[n-1].ID:
			before, outer, ps = append(before, ps[0]), append(outer, ps[n-1]), ps[1:n-1]
			continue
		}
		if !changed {
			break
		}
	}
	for i := len(outer) - 1; i >= 0; i-- {
		after = append(after, outer[i])
	}
	return ps, before, after
}

// pieces is the builder's pieces as Pieces (its codes numbered as b.codes is).
func (b *builder) pieces(ps []piece) []Piece {
	out := make([]Piece, len(ps))
	for i, p := range ps {
		switch p.kind {
		case pText:
			out[i] = Piece{Kind: PieceText, Text: p.text}
		case pOpen:
			out[i] = Piece{Kind: PieceOpen, ID: p.id}
		case pClose:
			out[i] = Piece{Kind: PieceClose, ID: p.id}
		default:
			out[i] = Piece{Kind: PieceStandalone, ID: p.id}
		}
	}
	return out
}

// finish turns the pieces into a segment. Leading and trailing spaces, and markup at the edges
// that encloses or precedes all the words (a link around a whole list item, an image before a
// caption), move out of the segment into its fixed prefix and suffix: the provider is not asked
// to carry what cannot move. The remaining codes are numbered from 1 in order.
func (b *builder) finish() (seg Segment, prefix, suffix string) {
	ps := b.ps
	// Close codes left open (a reader ends a block inside an element): their closing markup is
	// simply not there.
	for len(b.stack) > 0 {
		b.close("")
		ps = b.ps
	}
	var pre, suf strings.Builder
	rest, before, after := EdgePieces(b.pieces(ps))
	write := func(w *strings.Builder, part []Piece) {
		for _, p := range part {
			if p.Kind != PieceText && b.dropEdge != nil && b.dropEdge(b.codes[p.ID-1]) {
				continue
			}
			switch {
			case p.Kind == PieceText && b.edgeText != nil:
				w.WriteString(b.edgeText(p.Text))
			case p.Kind == PieceText:
				w.WriteString(p.Text)
			case p.Kind == PieceClose:
				w.WriteString(b.codes[p.ID-1].Close)
			default:
				w.WriteString(b.codes[p.ID-1].Open)
			}
		}
	}
	write(&pre, before)
	write(&suf, after)
	if !b.edges {
		return b.segment(rest), pre.String(), suf.String()
	}
	var edgeCodes []Code
	edgeNum := map[int]int{}
	edge := func(part []Piece) []Piece {
		out := make([]Piece, 0, len(part))
		for _, p := range part {
			if p.Kind != PieceText {
				n, ok := edgeNum[p.ID]
				if !ok {
					edgeCodes = append(edgeCodes, b.codes[p.ID-1])
					n = len(edgeCodes)
					edgeNum[p.ID] = n
				}
				p.ID = n
			}
			out = append(out, p)
		}
		return out
	}
	seg = b.segment(rest)
	seg.Before, seg.After, seg.EdgeCodes = edge(before), edge(after), edgeCodes
	return seg, pre.String(), suf.String()
}

// segment is the segment of the pieces rest (of b's codes), its codes numbered from 1 in order.
func (b *builder) segment(rest []Piece) Segment {
	ps := make([]piece, 0, len(rest))
	for _, p := range rest {
		switch p.Kind {
		case PieceText:
			ps = append(ps, piece{kind: pText, text: p.Text})
		case PieceOpen:
			ps = append(ps, piece{kind: pOpen, id: p.ID})
		case PieceClose:
			ps = append(ps, piece{kind: pClose, id: p.ID})
		default:
			ps = append(ps, piece{kind: pAlone, id: p.ID})
		}
	}
	// Renumber the codes left, in order of appearance.
	renum := map[int]int{}
	var codes []Code
	var t strings.Builder
	for _, p := range ps {
		switch p.kind {
		case pText:
			t.WriteString(EscapeText(p.text))
		case pOpen, pAlone:
			c := b.codes[p.id-1]
			c.ID = len(codes) + 1
			renum[p.id] = c.ID
			codes = append(codes, c)
			if p.kind == pOpen {
				fmt.Fprintf(&t, "<g%d>", c.ID)
			} else {
				fmt.Fprintf(&t, "<x%d/>", c.ID)
			}
		case pClose:
			fmt.Fprintf(&t, "</g%d>", renum[p.id])
		}
	}
	return Segment{Text: t.String(), Codes: codes}
}

// lineBreak is a line break in a translation's words, with the blanks around it.
var lineBreak = regexp.MustCompile(`[ \t]*(?:\r\n|\n|\r)[ \t]*`)

// modelBreaks writes a piece of a translation's words for a segment whose own words hold no line
// break (a PO message's are codes or its edges; an XLIFF source's text has none); first and
// last say it begins or ends the segment. A line break in the words is then the model's way of
// wrapping a long answer: written, it would break the message in the program's interface or
// the unit in the CAT tool. Inside the segment it becomes a space; at its ends it goes.
func modelBreaks(s string, first, last bool) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	if first {
		s = strings.TrimLeft(s, "\r\n")
	}
	if last {
		s = strings.TrimRight(s, "\r\n")
	}
	return lineBreak.ReplaceAllString(s, " ")
}

// render writes a translation with the codes' original markup, the text escaped by esc. The
// translation must have passed CheckTags.
func render(codes []Code, target string, esc func(string) string) string {
	return renderAt(codes, target, func(s string, _, _ bool) string { return esc(s) })
}

// renderAt is render with an escaper that knows where a piece of text stands: first, nothing
// precedes it in the segment (no code, no text); last, nothing follows it. Markdown escapes by
// position: a "#" is a heading only at the start of a block.
func renderAt(codes []Code, target string, esc func(s string, first, last bool) string) string {
	return renderLines(codes, target, func(s string, at textAt) string { return esc(s, at.first, at.last) })
}

// textAt is where a piece of a translation's text stands in its segment, for renderLines's
// escaper.
type textAt struct {
	first, last bool // nothing precedes it in the segment (no code, no text); nothing follows it
	// afterBreak: it starts a line after a hard line break (a Markdown break's code, "md-break").
	afterBreak bool
	// before is the last byte of the markup of a pair's opening tag right before the text, after
	// the first byte of a closing tag's right after it: the text's edges inside the pair; 0
	// elsewhere. In Markdown the character inside a "*" decides whether it opens or closes an
	// emphasis.
	before, after byte
}

// renderLines is renderAt with an escaper that also knows that a piece of text starts a line
// after a hard line break (there a "- " or "1. " would start a list, a "# " a heading) and which
// markup stands beside it.
func renderLines(codes []Code, target string, esc func(s string, at textAt) string) string {
	var b strings.Builder
	b.Grow(len(target) + len(target)/4 + 16) // the words, escaped, and the codes' markup
	lookup := codeLookup(codes)
	ps := parseTagged(target)
	for i, p := range ps {
		switch p.kind {
		case pText:
			at := textAt{first: i == 0, last: i == len(ps)-1}
			if i > 0 {
				if c, ok := lookup(ps[i-1].id); ok && ps[i-1].kind == pAlone {
					at.afterBreak = c.Name == "md-break"
				}
				if s := b.String(); s != "" && ps[i-1].kind == pOpen {
					at.before = s[len(s)-1]
				}
			}
			if i+1 < len(ps) && ps[i+1].kind == pClose {
				if c, ok := lookup(ps[i+1].id); ok && c.Close != "" {
					at.after = c.Close[0]
				}
			}
			b.WriteString(esc(p.text, at))
		case pOpen:
			if c, ok := lookup(p.id); ok {
				// An empty Markdown emphasis ("**") would be literal text: a pair that lost its
				// words (SafePlacement) is left out rather than written as stray asterisks.
				if emptyEmphasis(c, ps, i) {
					ps[i+1].id = 0
					continue
				}
				b.WriteString(c.Open)
			}
		case pAlone:
			if c, ok := lookup(p.id); ok {
				b.WriteString(c.Open)
			}
		case pClose:
			if c, ok := lookup(p.id); ok {
				b.WriteString(c.Close)
			}
		}
	}
	return b.String()
}

// emptyEmphasis says whether ps[i], the opening tag of c, is a Markdown emphasis closed at once.
func emptyEmphasis(c Code, ps []piece, i int) bool {
	return strings.HasPrefix(c.Name, "md-em") && i+1 < len(ps) && ps[i+1].kind == pClose && ps[i+1].id == ps[i].id
}

// FirstCode returns the smallest code number in a tagged text, or 0 when it holds none.
func FirstCode(tagged string) int {
	first := 0
	for _, p := range parseTagged(tagged) {
		if (p.kind == pOpen || p.kind == pAlone) && p.id > 0 && (first == 0 || p.id < first) {
			first = p.id
		}
	}
	return first
}

// ShiftCodes adds delta to the number of every code in a tagged text, keeping everything else
// as written. A sentence cut from a segment is numbered from 1 this way (its memory key then
// does not depend on the sentences before it), and its translation shifted back.
func ShiftCodes(tagged string, delta int) string {
	if delta == 0 || !HasTags(tagged) {
		return tagged
	}
	var b strings.Builder
	for i := 0; i < len(tagged); {
		if tagged[i] == '<' {
			if kind, id, n := scanTag(tagged[i:]); n > 0 && id > 0 {
				tag := tagged[i : i+n]
				j := 1
				if tag[1] == '/' {
					j = 2
				}
				b.WriteString(tag[:j+1])
				b.WriteString(strconv.Itoa(id + delta))
				k := j + 1
				for k < len(tag) && tag[k] >= '0' && tag[k] <= '9' {
					k++
				}
				b.WriteString(tag[k:])
				i += n
				_ = kind
				continue
			}
		}
		b.WriteByte(tagged[i])
		i++
	}
	return b.String()
}

// codeLayout is where a source's codes stand, which SafePlacement and PlaceMissing follow when
// they place codes around a translation's words: the standalone codes before any of its words
// (leading), and the paired codes in the order they open, each once (a source opening one
// twice placed it twice).
func codeLayout(source string) (leading map[int]bool, order []int) {
	leading = map[int]bool{}
	sawText := false
	opened := map[int]bool{}
	for _, p := range parseTagged(source) {
		switch {
		case p.kind == pText && strings.TrimSpace(p.text) != "":
			sawText = true
		case p.kind == pAlone && p.id > 0 && !sawText:
			leading[p.id] = true
		case p.kind == pOpen && !opened[p.id]:
			opened[p.id] = true
			order = append(order, p.id)
		}
	}
	return leading, order
}

// PlaceMissing returns target with the codes it lacks placed around all its words, the codes
// it has kept where they stand: paired ones wrapped outermost, in the order they open in the
// source, standalone ones before the words when the source has them before any word, after
// otherwise. A reviewer's decision that kept a link and dropped a bold keeps its link where the
// reviewer put it (SafePlacement would move every code to the edges and leave the bold empty).
// ok is false when target's own codes are broken among themselves (SafePlacement's case).
func PlaceMissing(codes []Code, source, target string) (string, bool) {
	if CheckTags(codes, target) == nil {
		return target, true
	}
	present := map[int]bool{}
	for _, c := range CodesOf(target) {
		present[c.ID] = true
	}
	var kept []Code
	for _, c := range codes {
		if present[c.ID] {
			kept = append(kept, c)
		}
	}
	if CheckTags(kept, target) != nil {
		return "", false
	}
	leading, opened := codeLayout(source)
	lookup := codeLookup(codes)
	var b strings.Builder
	for _, c := range codes {
		if c.Kind == Standalone && !present[c.ID] && leading[c.ID] {
			b.WriteString(c.Tag())
		}
	}
	var wrap []int // the missing paired codes, in the order they open in the source
	for _, id := range opened {
		if c, ok := lookup(id); ok && c.Kind == Paired && !present[id] {
			wrap = append(wrap, id)
		}
	}
	for _, id := range wrap {
		b.WriteString(PieceTag(PieceOpen, id))
	}
	b.WriteString(target)
	for i := len(wrap) - 1; i >= 0; i-- {
		b.WriteString(PieceTag(PieceClose, wrap[i]))
	}
	for _, c := range codes {
		if c.Kind == Standalone && !present[c.ID] && !leading[c.ID] {
			b.WriteString(c.Tag())
		}
	}
	out := b.String()
	if CheckTags(codes, out) != nil {
		return "", false
	}
	return out, true
}

// Words is a tagged text's words for the formats without codes (pairs in TSV, Moses, a JSONL
// pair's "source", a memory's plain entry): a standalone code between two words' letters or
// digits (an XLIFF line break <x ctype="lb"/>, a tab: "Datei<x1/>wird") becomes a space, so the
// words do not run together ("Dateiwird"); the other codes are left out, as Plain leaves them.
func Words(tagged string) string {
	ps := Pieces(tagged)
	var b strings.Builder
	for i, p := range ps {
		switch p.Kind {
		case PieceText:
			b.WriteString(p.Text)
		case PieceStandalone:
			word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
			if word(PieceEdgeRune(ps, i, -1)) && word(PieceEdgeRune(ps, i, 1)) && !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

// PieceEdgeRune is the character next to piece i in direction dir (-1 before, 1 after),
// across other codes; 0 at the text's edge.
func PieceEdgeRune(ps []Piece, i, dir int) rune {
	for j := i + dir; j >= 0 && j < len(ps); j += dir {
		if ps[j].Kind != PieceText || ps[j].Text == "" {
			continue
		}
		if dir < 0 {
			r, _ := utf8.DecodeLastRuneInString(ps[j].Text)
			return r
		}
		r, _ := utf8.DecodeRuneInString(ps[j].Text)
		return r
	}
	return 0
}
