package translate

import (
	"context"
	"io"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/segment"
)

// Input is a document read block by block, so that an article of any size can be planned and
// translated without holding it whole: PlanInputs and RunInputs take inputs, Plan and Run take
// whole *segment.Document values.
//
// The pipeline ranges over Blocks exactly once and to its end (or until the run stops) before it
// asks for the next Input, so a reader behind Blocks may be closed once the iterator that yields
// the Input resumes.
type Input struct {
	Name   string
	Format segment.Format
	Lang   string
	// Blocks yields the blocks in order; an error ends the document and the run.
	Blocks iter.Seq2[segment.Block, error]
	// Removed, for a document whose text package segment reads, is what reading changed
	// (segment.Scanner.Removed), complete once Blocks has been ranged over to its end; nil for
	// a document read whole, which keeps all its text. See Input.LeftOut.
	Removed func() []segment.Removal
	// Tagged says the blocks hold a whole document's tagged text (package document: inline
	// markup as numbered codes, "&" and "<" escaped), as DocumentInput gives them.
	Tagged bool
	// Form is how a text input writes its lines (segment.Scanner.Form), for the rendering of
	// its translation.
	Form segment.TextForm
	// codes, of a document read whole (DocumentInput), is what the inline codes of a block's
	// sentence stand for (document.Segment.Codes), numbered as the sentence's text in the block
	// numbers them: the block's segment's codes, or a subtitle cue's own in a block of cues;
	// nil for other inputs. Translations are stored in the memory with them (tm.Key.Codes).
	codes func(block, sentence int) []document.Code
}

// LeftOut counts the passages of a plain-text document that reading left out as web debris —
// bylines, photo credits, "Lesen Sie auch" links, site names, a repeated title — once Blocks
// has been ranged over to its end: the translation lacks them, and nothing else shows it.
// segment.Options.KeepBoilerplate keeps them. The characters reading tidies (segment.Tidied:
// doubled spaces, stray periods, soft hyphens, stray tags and NUL bytes), lines joined and
// notices are not counted: no words are lost with them, nor with a removed block of
// punctuation alone (a "|" between teasers). A page read for its main text (--main-only, or
// converted) is not counted either: leaving out what is outside the article, its code blocks
// and front matter is what that reading is for, and KeepBoilerplate does not bring all of it
// back.
func (in Input) LeftOut() int {
	if in.Removed == nil || in.Format != segment.Text {
		return 0
	}
	n := 0
	for _, r := range in.Removed() {
		if r.Kind == segment.Removed && hasWord(r.Text) {
			n++
		}
	}
	return n
}

// Decoded says how a document package segment read was decoded when it was not UTF-8
// ("UTF-16LE", "windows-1252 (guessed from the content: …)"), once Blocks has been ranged
// over; "" for UTF-8 and for a document read whole (document.Doc.Decoded says it there). The
// translation is written as UTF-8 either way.
func (in Input) Decoded() string {
	if in.Removed == nil {
		return ""
	}
	for _, r := range in.Removed() {
		if how, ok := strings.CutPrefix(r.Reason, "decoded from "); ok && r.Kind == segment.Notice {
			return how
		}
	}
	return ""
}

// hasWord tells whether s holds two letters in a row: text with words, not punctuation,
// spaces or a lone hyphenation mark.
func hasWord(s string) bool {
	prev := false
	for _, c := range s {
		letter := unicode.IsLetter(c)
		if letter && prev {
			return true
		}
		prev = letter
	}
	return false
}

// maxNote is the most of a segment's note sent with it: a message's context, not a manual.
const maxNote = 500

// clipNote is note, white space trimmed, cut to maxNote bytes on a rune boundary.
func clipNote(note string) string {
	note = strings.TrimSpace(note)
	if len(note) <= maxNote {
		return note
	}
	n := maxNote
	for n > 0 && !utf8.RuneStart(note[n]) {
		n--
	}
	return note[:n]
}

// ReadOptions say how Read reads one document.
type ReadOptions struct {
	// Whole is the format package document reads the document in, whole, its structure kept
	// for writing it back (see ReadsMainText); "" reads its text blocks with package segment,
	// as Segment says.
	Whole   document.Format
	Segment segment.Options
	// Check is the source language the document must look like (a *NotSourceError
	// otherwise); "" checks nothing.
	Check string
	// TargetLang is the language the translation is into: a whole document that declares
	// another (an XLIFF file's target-language) is refused before anything is sent. "" checks
	// nothing.
	TargetLang string
}

// Read reads one document for translation, as every reader of documents does (files, a
// manifest, corpus merge asking whether a document has anything to translate): the Input, and
// the whole document when opt.Whole says so (nil otherwise).
func Read(ctx context.Context, r io.Reader, name string, opt ReadOptions) (Input, *document.Doc, error) {
	if opt.Whole != "" {
		// An empty file is an error whatever its format, as for text (segment.EmptyError): a
		// Markdown or HTML file of nothing was translated into an empty output, exit 0.
		nb := &nonBlank{r: r}
		doc, err := document.Read(nb, name, document.Options{Format: opt.Whole, SourceLang: opt.Segment.Lang, TargetLang: opt.TargetLang})
		if err == nil && !nb.seen {
			err = segment.EmptyError(name)
		}
		if err != nil {
			return Input{}, nil, err
		}
		in, err := DocumentInput(doc, name, opt.Check)
		return in, doc, err
	}
	in, err := ScanInput(segment.NewScannerContext(ctx, r, name, opt.Segment), name, opt.Check)
	return in, nil, err
}

// ScanInput returns an Input that reads sc lazily past its first checkBytes of text. Those are
// read at once, so that an input that cannot be read as text (binary, not UTF-8, empty) gives
// its error here, with its position, before any of it goes into a run, and a caller can skip
// it and go on with the others: an article is read whole that way, and only an error past the
// first megabyte of a text ends the run when the pipeline reaches it. When lang is not "", the
// first blocks (enough for CheckLanguage) are checked too: a document that reliably looks like
// another language gives a *NotSourceError.
func ScanInput(sc *segment.Scanner, name, lang string) (Input, error) {
	in := Input{Name: name, Format: sc.Format(), Lang: lang, Removed: sc.Removed}
	var head []segment.Block
	var sample []byte
	for size := 0; size < checkBytes && sc.Scan(); {
		b := sc.Block()
		head = append(head, b)
		size += len(b.Text)
		if len(sample) < langSample && !b.Kept {
			sample = append(sample, b.Text...)
			sample = append(sample, '\n')
		}
	}
	if err := sc.Err(); err != nil {
		return Input{}, err
	}
	in.Form = sc.Form()
	if lang != "" {
		if err := CheckText(name, string(sample), lang); err != nil {
			return Input{}, err
		}
	}
	in.Blocks = func(yield func(segment.Block, error) bool) {
		for _, b := range head {
			if !yield(b, nil) {
				return
			}
		}
		head = nil
		for sc.Scan() {
			if !yield(sc.Block(), nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(segment.Block{}, err)
		}
	}
	return in, nil
}

// checkBytes is how much text ScanInput reads before it returns: as much as a piece of a
// document holds (pieceBytes), so that it is held no longer than the pipeline would hold it.
const checkBytes = pieceBytes

// source is one input document as the pipeline reads it: a whole document (doc set) or an
// Input.
type source struct {
	doc *segment.Document
	in  Input
}

// wholeDocs adapts documents to sources.
func wholeDocs(docs iter.Seq2[*segment.Document, error]) iter.Seq2[source, error] {
	return func(yield func(source, error) bool) {
		for d, err := range docs {
			if !yield(source{doc: d}, err) {
				return
			}
		}
	}
}

// inputs adapts inputs to sources.
func inputs(ins iter.Seq2[Input, error]) iter.Seq2[source, error] {
	return func(yield func(source, error) bool) {
		for in, err := range ins {
			if !yield(source{in: in}, err) {
				return
			}
		}
	}
}

// ReadsMainText says whether a page in format df is read for its main text (package segment)
// rather than whole (package document): with --main-only, and when it is converted to another
// document format or into pairs — a whole page rendered as Markdown or text would repeat its
// <title> above the article's heading, its structure would be the page's, not the article's,
// and a corpus would get the navigation and the title twice.
func ReadsMainText(df document.Format, mainOnly bool, out string) bool {
	if df != document.HTML && df != document.Markdown {
		return false
	}
	if mainOnly {
		return true
	}
	return out != "" && out != string(df) && !ConvertsWhole(df, out)
}

// ConvertsWhole says whether a document in format df written as out is translated whole in its
// own format and then converted (document.MarkdownToHTML): Markdown into HTML, whose markup can
// say all Markdown says — links, emphasis, code, tables, images, quotations, notes — which the
// sentences of its main text would lose. A Markdown file has no page around its text to leave
// out. (HTML into Markdown goes through the main text: a page's template is no part of the
// article.)
func ConvertsWhole(df document.Format, out string) bool {
	return df == document.Markdown && out == string(document.HTML)
}

// DocumentInput returns an Input holding a document's segments (see package document) as
// blocks, one block per segment, in order, so that Result.Blocks[i].Text is the translation
// of d.Segments[i] (tagged text, ready for d.Write). A segment's sentences are cut only where
// no inline code is open, so every unit carries whole pairs of codes. Inputs with format
// Format(d.Format). When lang is not "", the segments' words are checked to be in that language
// (a *NotSourceError otherwise).
func DocumentInput(d *document.Doc, name, lang string) (Input, error) {
	if lang != "" {
		var sample strings.Builder
		for _, s := range d.Segments {
			if sample.Len() >= langSample {
				break
			}
			sample.WriteString(document.Plain(s.Text))
			sample.WriteByte('\n')
		}
		if err := CheckText(name, sample.String(), lang); err != nil {
			return Input{}, err
		}
	}
	splitLang := lang
	if splitLang == "" {
		splitLang = "de"
	}
	in := Input{Name: name, Format: segment.Format(d.Format), Lang: lang, Tagged: true}
	groups := documentGroups(d)
	in.codes = documentCodes(d, groups)
	in.Blocks = func(yield func(segment.Block, error) bool) {
		if len(groups) == 0 {
			// Nothing to translate (a .po file translated already): one empty block, so that
			// the document still comes out, as it was.
			yield(segment.Block{Kind: segment.Paragraph}, nil)
			return
		}
		next := 0
		for _, n := range groups {
			segs := d.Segments[next : next+n]
			next += n
			var b segment.Block
			if n == 1 {
				s := segs[0]
				b = segment.Block{Kind: segment.Paragraph, Text: s.Text, Sentences: TaggedSentences(s.Text, splitLang)}
				if s.Kind == document.Heading {
					b.Kind, b.Level = segment.Heading, max(s.Level, 1)
				}
				if d.Format == document.PO || d.Format == document.XLIFF {
					// A localisation file's context (msgctxt, notes) tells apart short strings
					// that are different messages ("Öffnen" of a menu and of a door).
					b.Note = clipNote(s.Note)
				}
			} else {
				// Subtitle cues: one block of neighbouring cues, one unit each, so that each cue
				// goes with its neighbours as context and comes back on its own.
				var text strings.Builder
				spans := make([]segment.Span, 0, n)
				for k, s := range segs {
					if k > 0 {
						text.WriteByte(' ')
					}
					spans = append(spans, segment.Span{Start: text.Len(), End: text.Len() + len(s.Text)})
					text.WriteString(s.Text)
				}
				b = segment.Block{Kind: segment.Paragraph, Text: text.String(), Sentences: spans}
				for k := range spans {
					spans[k].Text = b.Text[spans[k].Start:spans[k].End]
				}
			}
			if !yield(b, nil) {
				return
			}
		}
	}
	return in, nil
}

// documentCodes is Input.codes of d's DocumentInput, whose blocks hold groups' segments.
func documentCodes(d *document.Doc, groups []int) func(block, sentence int) []document.Code {
	starts := make([]int, len(groups)) // the index of each block's first segment
	for bi, next := 0, 0; bi < len(groups); bi++ {
		starts[bi] = next
		next += groups[bi]
	}
	return func(block, sentence int) []document.Code {
		if block < 0 || block >= len(groups) {
			return nil
		}
		if groups[block] == 1 {
			return d.Segments[starts[block]].Codes // its sentences number the segment's codes
		}
		if sentence < 0 || sentence >= groups[block] {
			return nil
		}
		return d.Segments[starts[block]+sentence].Codes // a cue's unit is the cue
	}
}

// Subtitle cues are grouped into blocks of at most cueGroup cues and cueGroupBytes bytes.
const (
	cueGroup      = 4
	cueGroupBytes = 1000
)

// documentGroups says how many consecutive segments of d each block of DocumentInput holds: one,
// or for subtitles a few neighbouring cues.
func documentGroups(d *document.Doc) []int {
	groups := make([]int, 0, len(d.Segments))
	if d.Format != document.SRT && d.Format != document.VTT {
		for range d.Segments {
			groups = append(groups, 1)
		}
		return groups
	}
	n, size := 0, 0
	for _, s := range d.Segments {
		if n > 0 && (n == cueGroup || size+len(s.Text) > cueGroupBytes) {
			groups = append(groups, n)
			n, size = 0, 0
		}
		n++
		size += len(s.Text) + 1
	}
	if n > 0 {
		groups = append(groups, n)
	}
	return groups
}

// DocumentTargets returns the translations of d's segments from the translated blocks of its
// DocumentInput (Result.Blocks of every piece, in order), ready for d.Write. A block of
// subtitle cues gives each cue its own unit's translation; should the units not be the cues
// (paragraph units), the block's translation is shared out over the cues by their lengths, at
// spaces.
func DocumentTargets(d *document.Doc, blocks []segment.Block) []string {
	out := make([]string, 0, len(d.Segments))
	next := 0
	for bi, n := range documentGroups(d) {
		if bi >= len(blocks) {
			for _, s := range d.Segments[next:] {
				out = append(out, s.Text)
			}
			return out
		}
		b := blocks[bi]
		segs := d.Segments[next : next+n]
		next += n
		switch {
		case n == 1:
			out = append(out, b.Text)
		case len(b.Sentences) == n:
			for _, sp := range b.Sentences {
				out = append(out, b.Text[sp.Start:sp.End])
			}
		default:
			out = append(out, shareOut(b.Text, segs)...)
		}
	}
	return out
}

// BlockOrigins says, for each of res.Blocks, where its translation came from, for a document
// format that records it: document.Untranslated when a segment in it got no translation (Err:
// the block holds that segment's source), else document.NeedsReview when an answer in it is one
// the checks still doubted after asking again (a Suspect finding: a code lost, the source left
// untranslated), else document.TranslationMemory when every answer in it is a memory entry
// people made (Pair.People: "leveraged-tm"), else document.MachineTranslation.
func BlockOrigins(res *Result) []document.Origin {
	out := make([]document.Origin, len(res.Blocks))
	people := make([]bool, len(res.Blocks))
	seen := make([]bool, len(res.Blocks))
	for _, p := range res.Pairs {
		bi := p.Paragraph - 1 - res.FirstBlock
		if bi < 0 || bi >= len(out) {
			continue
		}
		people[bi] = (people[bi] || !seen[bi]) && p.People
		seen[bi] = true
		switch {
		case p.Err != nil:
			out[bi] = document.Untranslated
		case out[bi] == document.Untranslated:
		case slices.ContainsFunc(p.Findings, func(f Violation) bool { return f.Kind == Suspect }):
			out[bi] = document.NeedsReview
		}
	}
	for bi := range out {
		if out[bi] == document.MachineTranslation && seen[bi] && people[bi] {
			out[bi] = document.TranslationMemory
		}
	}
	return out
}

// BlockCodes returns the inline codes of d's block numbered paragraph (1-based, as
// Pair.Paragraph), numbered as the block's tagged text and its pairs' tagged texts number them,
// so that a pair file writes their markup (TMX <ph>&lt;br/&gt;</ph>, not an empty <ph/>); nil
// for a block of several subtitle cues, whose codes each cue numbers from 1.
func BlockCodes(d *document.Doc, paragraph int) []document.Code {
	if d == nil || d.Format == document.SRT || d.Format == document.VTT || paragraph < 1 || paragraph > len(d.Segments) {
		return nil
	}
	// Every other format's block is one segment (documentGroups).
	return d.Segments[paragraph-1].Codes
}

// DocumentOrigins returns where the translation of each of d's segments came from, for
// document.WriteOptions.Origins, from the origins of its blocks (BlockOrigins of every piece, in
// order); a block past them was never translated (document.Untranslated), as DocumentTargets
// writes its source. Segments are grouped into blocks as DocumentTargets groups them.
func DocumentOrigins(d *document.Doc, blocks []document.Origin) []document.Origin {
	out := make([]document.Origin, 0, len(d.Segments))
	for bi, n := range documentGroups(d) {
		o := document.Untranslated
		if bi < len(blocks) {
			o = blocks[bi]
		}
		for range n {
			out = append(out, o)
		}
	}
	return out
}

// shareOut cuts text into len(segs) pieces at spaces, each about as long, relative to the whole,
// as its segment.
func shareOut(text string, segs []document.Segment) []string {
	total := 0
	for _, s := range segs {
		total += len(s.Text)
	}
	words := strings.Fields(text)
	out := make([]string, len(segs))
	w := 0
	for i, s := range segs {
		if i == len(segs)-1 {
			out[i] = strings.Join(words[w:], " ")
			break
		}
		budget := len(text) * len(s.Text) / max(total, 1)
		var piece []string
		n := 0
		// Each cue takes words up to its share, at least one while the later cues keep one.
		for w < len(words)-(len(segs)-1-i) && (len(piece) == 0 || n+1+len(words[w]) <= budget) {
			piece = append(piece, words[w])
			n += len(words[w]) + 1
			w++
		}
		out[i] = strings.Join(piece, " ")
	}
	return out
}

// TaggedSentences splits a tagged text (see package document) into sentences: the sentence
// splitter runs on the words, and a boundary is kept only where no paired code is open, moved
// past the closing tags that end the sentence and before the opening tags that start the next.
func TaggedSentences(text, lang string) []segment.Span {
	// plain holds the words; at[i] is the offset in text of plain's byte i. A standalone code
	// reads as a space (a line break between sentences must still part them).
	var plain strings.Builder
	at := make([]int, 0, len(text)+1)
	for i := 0; i < len(text); {
		if text[i] == '<' {
			if n := tagLen(text[i:]); n > 0 {
				if text[i+1] == 'x' {
					plain.WriteByte(' ')
					at = append(at, i)
				}
				i += n
				continue
			}
		}
		plain.WriteByte(text[i])
		at = append(at, i)
		i++
	}
	at = append(at, len(text))
	whole := []segment.Span{{Text: text, Start: 0, End: len(text)}}
	if !document.HasTags(text) {
		return singleSpaced(text, segment.SplitSentences(text, lang))
	}
	spans := segment.SplitSentences(plain.String(), lang)
	if len(spans) < 2 {
		return whole
	}
	var out []segment.Span
	start := 0
	// The codes open at a boundary, counted as the boundaries advance (they only move forward):
	// counted from the text's start at each one, a paragraph of thousands of sentences with
	// emphasis ("Lehrer*innen", hard-wrapped) took 25 s for 4 MB.
	open, counted := 0, 0
	for k := 0; k+1 < len(spans); k++ {
		end := at[spans[k].End]
		// Closing tags right after the sentence belong to it.
		for end < len(text) && strings.HasPrefix(text[end:], "</g") {
			n := tagLen(text[end:])
			if n == 0 {
				break
			}
			end += n
		}
		next := at[spans[k+1].Start]
		// Opening tags right before the next sentence belong to it.
		for next > end {
			j := strings.LastIndexByte(text[:next], '<')
			if j < end || !strings.HasPrefix(text[j:], "<g") || j+tagLen(text[j:]) != next {
				break
			}
			next = j
		}
		if end > counted {
			open += depth(text[counted:end])
			counted = end
		}
		if open != 0 || text[end:next] != " " {
			// Inside a pair of codes, or sentences parted by something else than one space
			// (codes, a no-break space): the pipeline joins translated sentences with one
			// space, so only such a boundary comes back as it was.
			continue
		}
		out = append(out, segment.Span{Text: text[start:end], Start: start, End: end})
		start = next
	}
	out = append(out, segment.Span{Text: text[start:], Start: start, End: len(text)})
	return out
}

// singleSpaced merges the sentences of text that are not parted by exactly one space, and
// stretches the first and last to the text's ends: a document's segment must come back whole
// from its sentences joined by single spaces.
func singleSpaced(text string, spans []segment.Span) []segment.Span {
	if len(spans) == 0 {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		return []segment.Span{{Text: text, Start: 0, End: len(text)}}
	}
	spans[0].Start = 0
	spans[len(spans)-1].End = len(text)
	if len(spans) < 2 {
		spans[0].Text = text
		return spans
	}
	spans[0].Text = text[:spans[0].End]
	spans[len(spans)-1].Text = text[spans[len(spans)-1].Start:]
	out := spans[:1:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if text[last.End:s.Start] == " " {
			out = append(out, s)
			continue
		}
		last.End = s.End
	}
	// A span's text is the document's own bytes (the splitter may hand back a normalized
	// copy, no-break spaces as spaces): what is sent is what the document holds.
	for i := range out {
		out[i].Text = text[out[i].Start:out[i].End]
	}
	return out
}

// tagLen is the length of a placeholder tag at the start of s (<gN>, </gN>, <xN/>), or 0.
func tagLen(s string) int {
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	if i >= len(s) || (s[i] != 'g' && s[i] != 'x') {
		return 0
	}
	i++
	d := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == d {
		return 0
	}
	if i < len(s) && s[i] == '/' {
		i++
	}
	if i < len(s) && s[i] == '>' {
		return i + 1
	}
	return 0
}

// depth is the number of paired codes open at the end of a tagged text.
func depth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		if l := tagLen(s[i:]); l > 0 {
			switch {
			case s[i+1] == 'g':
				n++
			case s[i+1] == '/':
				n--
			}
			i += l - 1
		}
	}
	return n
}

// nonBlank passes a reader through and notes whether anything but white space (after a
// byte-order mark) came through it.
type nonBlank struct {
	r    io.Reader
	seen bool
}

func (nb *nonBlank) Read(p []byte) (int, error) {
	n, err := nb.r.Read(p)
	if !nb.seen && n > 0 {
		nb.seen = !segment.Blank(p[:n])
	}
	return n, err
}
