package segment

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/internal/formats"
)

// Scanner reads a document block by block. Plain text is streamed, so inputs far larger than
// memory can be segmented; Markdown and HTML are parsed whole first.
//
//	sc := segment.NewScanner(r, name, opt)
//	for sc.Scan() {
//		b := sc.Block()
//		…
//	}
//	if err := sc.Err(); err != nil { … }
type Scanner struct {
	ctx    context.Context
	name   string
	format Format
	lang   string

	next    func() (rawBlock, error)           // the format's reader; io.EOF at the end
	form    func() TextForm                    // how a text input writes its lines (nil: not text)
	front   func() ([]Removal, map[string]int) // the reader's removals, listed first, given at the end (nil: none)
	cleaner blockCleaner
	ready   []rawBlock // blocks cleaned and not yet returned: ready[nready:]
	nready  int
	done    bool

	block      Block
	removed    []Removal
	dropped    map[string]int // removals beyond maxRemovals, counted by reason
	summarized bool           // the counts were turned into notices: the list is final
	err        error
}

// maxRemovals is how many changes a Scanner lists; beyond that it only counts them by reason,
// so that a huge input full of debris (doubled spaces on every line) does not make the list
// grow with the input.
const maxRemovals = 10000

// capRemoved moves the removals beyond maxRemovals into the counts.
func (s *Scanner) capRemoved() {
	if len(s.removed) <= maxRemovals || s.summarized {
		return
	}
	if s.dropped == nil {
		s.dropped = make(map[string]int)
	}
	for _, r := range s.removed[maxRemovals:] {
		s.dropped[countKey(r)]++
	}
	clear(s.removed[maxRemovals:]) // let the texts go
	s.removed = s.removed[:maxRemovals]
}

// prepend puts a streaming reader's removals (and the counts of those it did not list) before
// the others, where a reader of the whole document would have put them.
func (s *Scanner) prepend(list []Removal, dropped map[string]int) {
	if len(list) == 0 && len(dropped) == 0 {
		return
	}
	s.removed = append(list, s.removed...)
	if len(dropped) > 0 && s.dropped == nil {
		s.dropped = make(map[string]int)
	}
	for k, n := range dropped {
		s.dropped[k] += n
	}
	s.capRemoved()
}

// summarizeDropped adds one notice per reason counted by capRemoved.
func (s *Scanner) summarizeDropped() {
	keys := slices.Sorted(maps.Keys(s.dropped))
	for _, k := range keys {
		kind, reason, _ := strings.Cut(k, "\x00")
		verb := "removals"
		if kind != string(Removed) && kind != string(Tidied) { // both are listed as removed
			verb = kind + " changes"
		}
		s.removed = append(s.removed, Removal{Kind: Notice, Reason: fmt.Sprintf("%d more %s not listed (%s)", s.dropped[k], verb, reason)})
	}
	s.dropped = nil
	s.summarized = true
}

// NewScanner returns a Scanner reading from r. name is used to choose the format when
// opt.Format is "" and in errors. It is NewScannerContext with context.Background().
func NewScanner(r io.Reader, name string, opt Options) *Scanner {
	return NewScannerContext(context.Background(), r, name, opt)
}

// NewScannerContext returns a Scanner reading from r that stops when ctx is done: Scan then
// returns false and Err returns ctx.Err() (context.Canceled or context.DeadlineExceeded, never
// an *InputError). Reading and splitting poll ctx at least every 64 KB of input and between
// blocks, and no block is longer than about 256 KiB (longer lines are cut at a sentence end, with
// a Notice in Removed), so cancellation is noticed within milliseconds on any input.
func NewScannerContext(ctx context.Context, r io.Reader, name string, opt Options) *Scanner {
	s := &Scanner{ctx: ctx, name: name, format: opt.Format, lang: opt.Lang}
	if s.format == "" {
		s.format = FormatFromName(name)
		if ext, ok := SniffedExt(name, s.format); ok {
			// A file whose name says nothing of its format (a page saved by wget as "index"
			// or as "index.html.1" beside the first copy, a download without its .html, a
			// server page such as .shtml or .php) is read as HTML when it starts as an HTML
			// page, said by a notice, rather than as text with its markup as sentences. A
			// .txt file is text whatever it holds. (Standard input that looks like markup is
			// refused by the commands instead, since there no name was ever given.)
			br := bufio.NewReaderSize(r, 4096)
			head, _ := br.Peek(4096) // as document.Sniff: room for a long comment before the doctype
			r = br
			if formats.LooksHTML(head) {
				s.format = HTML
				how := "has no extension"
				if ext != "" {
					how = "is named " + ext
				}
				s.removed = append(s.removed, Removal{Kind: Notice, Reason: "read as HTML: the file " + how + " and starts as an HTML page", Warn: true})
			}
		}
	}
	if s.lang == "" {
		s.lang = "de"
	}
	s.cleaner = blockCleaner{keep: opt.KeepBoilerplate, lang: s.lang, removed: &s.removed, sinceCookie: -1}
	switch s.format {
	case Markdown:
		// Markdown is written by its author, not scraped from a page: no block of it is web
		// debris, and translate sends every one (package document). On 516 real German
		// documentation pages the debris rules removed 32 blocks, every one the author's
		// ("Folgen Sie der Anleitung von Apple …" as an app prompt, an event list's dates as
		// timestamps), and the inline rules changed authored text ("Slack != WhatsApp",
		// "z. B. .well-known"). Soft hyphens still go; doubled spaces are one space as
		// Markdown renders them.
		s.cleaner.keep = true
		s.next = wholeDocument(func() (string, error) { return readAllText(ctx, r, name, &s.removed) }, func(text string) ([]rawBlock, error) {
			return parseMarkdown(ctx, name, text, rulesFor(s.lang, true), &s.removed)
		})
	case HTML:
		s.next, s.front = wholeHTML(ctx, r, name, s.lang, opt.KeepBoilerplate, &s.removed)
	default:
		tr := newTextReader(ctxio.NewReader(ctx, r), name, rulesFor(s.lang, opt.KeepBoilerplate), &s.removed)
		s.next, s.form = tr.next, func() TextForm { return tr.lr.form }
	}
	return s
}

// Form is how a text input writes its lines (CR LF, a byte-order mark), known once Scan has
// returned a block or false; the zero TextForm for Markdown and HTML, which are rendered anew.
func (s *Scanner) Form() TextForm {
	if s.form == nil {
		return TextForm{}
	}
	return s.form()
}

// Scan advances to the next block. It returns false at the end of the input or on an error.
func (s *Scanner) Scan() bool {
	if s.err != nil {
		return false
	}
	if err := s.ctx.Err(); err != nil {
		s.err = err
		return false
	}
	for s.nready == len(s.ready) {
		if s.done {
			return false
		}
		if err := s.ctx.Err(); err != nil {
			s.err = err
			return false
		}
		s.ready, s.nready = s.ready[:0], 0 // reuse the buffer
		b, err := s.next()
		switch {
		case err == io.EOF:
			if s.front != nil {
				s.prepend(s.front())
			}
			s.ready = s.cleaner.finish(s.ready)
			s.done = true
			s.capRemoved()
			s.summarizeDropped()
		case err != nil:
			s.err = err
			return false
		case len(b.Text) > maxLine:
			// Markup read whole can still hold a huge paragraph: cut it like a long line.
			for _, piece := range cutBlock(b) {
				s.ready = s.cleaner.add(piece, s.ready)
			}
			s.removed = append(s.removed, Removal{Line: b.Line, Kind: Notice, Reason: "paragraph longer than 256 KiB: cut into paragraphs at sentence ends"})
		default:
			s.ready = s.cleaner.add(b, s.ready)
		}
	}
	s.capRemoved()
	rb := s.ready[s.nready]
	s.nready++
	s.block = Block{Kind: rb.Kind, Level: rb.Level, Marker: rb.Marker, Text: rb.Text, Kept: rb.kept}
	if rb.kept && (document.HTMLMark{Lang: rb.lang}).Kept(s.lang) {
		s.block.Lang = rb.lang // a language other than the source's (HTMLMark's one test)
	}
	if !rb.kept {
		s.block.Sentences = splitWithCode(rb.Text, s.lang, rb.code)
		s.block.Code = codeSpans(rb.Text, rb.code)
	}
	return true
}

// Block returns the block read by the last successful Scan.
func (s *Scanner) Block() Block { return s.block }

// Err returns the error that stopped Scan, nil at a clean end of input.
func (s *Scanner) Err() error { return s.err }

// Removed returns what cleaning removed so far; complete once Scan has returned false.
func (s *Scanner) Removed() []Removal { return s.removed }

// Format returns the format the input is read as.
func (s *Scanner) Format() Format { return s.format }

// Read reads a whole document from r. name is used for the format (when opt.Format is "") and in
// errors. Errors about the content are *InputError. It is ReadContext with context.Background().
func Read(r io.Reader, name string, opt Options) (*Document, error) {
	return ReadContext(context.Background(), r, name, opt)
}

// ReadContext reads a whole document from r and stops with ctx.Err() when ctx is done (see
// NewScannerContext). Errors about the content are *InputError, wrapping ErrEmpty, ErrBinary or
// ErrInvalidUTF8 where they apply.
func ReadContext(ctx context.Context, r io.Reader, name string, opt Options) (*Document, error) {
	s := NewScannerContext(ctx, r, name, opt)
	doc := &Document{Name: name, Format: s.format, Lang: s.lang}
	for s.Scan() {
		doc.Blocks = append(doc.Blocks, s.Block())
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	doc.Form = s.Form()
	// In input order: the head of a document is decided after later lines were already cleaned.
	doc.Removed = slices.Clone(s.Removed())
	slices.SortStableFunc(doc.Removed, func(a, b Removal) int { return a.Line - b.Line })
	return doc, nil
}

// wholeDocument reads all of r, checks it is text and hands it to parse once; the blocks are then
// returned one by one.
func wholeDocument(read func() (string, error), parse func(string) ([]rawBlock, error)) func() (rawBlock, error) {
	var blocks []rawBlock
	parsed := false
	return func() (rawBlock, error) {
		if !parsed {
			parsed = true
			text, err := read()
			if err != nil {
				return rawBlock{}, err
			}
			if blocks, err = parse(text); err != nil {
				return rawBlock{}, err
			}
		}
		if len(blocks) == 0 {
			return rawBlock{}, io.EOF
		}
		b := blocks[0]
		blocks = blocks[1:]
		return b, nil
	}
}

// normalizeSpace collapses runs of white space (any Unicode space, including no-break spaces and
// line breaks) into one ASCII space and trims the ends. One pass, no slice of words: blocks may
// be a megabyte long.
func normalizeSpace(s string) string {
	if isNormalSpace(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending between words
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = b.Len() > 0
				i++
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			i++
			continue
		}
		if n := codeMarkedLen(s[i:]); n > 0 {
			// Code keeps its spacing inside; a line break in it becomes a space (as in
			// CommonMark), and spaces at its edges are spacing around it.
			inner := strings.TrimPrefix(strings.TrimSuffix(s[i:i+n], codeClose), codeOpen)
			code := strings.TrimFunc(inner, unicode.IsSpace)
			if len(strings.TrimLeftFunc(inner, unicode.IsSpace)) < len(inner) && b.Len() > 0 {
				space = true
			}
			if code != "" {
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteString(codeOpen)
				for k := 0; k < len(code); k++ {
					if c := code[k]; c < utf8.RuneSelf && asciiSpace[c] {
						b.WriteByte(' ')
					} else {
						b.WriteByte(c)
					}
				}
				b.WriteString(codeClose)
			}
			if len(strings.TrimRightFunc(inner, unicode.IsSpace)) < len(inner) && b.Len() > 0 {
				space = true
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isNormalSpace reports whether s has no white space except single ASCII spaces between words.
// Spaces are checked at the ends and, for doubled ones, with the vectorised strings.Contains;
// the byte loop then stops only at other white space and at the lead bytes of Unicode spaces,
// not at every ordinary space between words.
func isNormalSpace(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	if strings.Contains(s, codeOpen) && (strings.Contains(s, codeOpen+" ") || strings.Contains(s, " "+codeClose) || strings.Contains(s, codeOpen+codeClose) || !strings.Contains(s, codeClose)) {
		return false // spaces at code's edges, empty or unclosed code: normalizeSpace trims them
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !otherSpaceBytes[c] {
			continue // most bytes: a table lookup is much cheaper than the cases below
		}
		if c < utf8.RuneSelf {
			return false // tab, line break, vertical tab, form feed
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += size - 1
	}
	return true
}

// otherSpaceBytes are spaceBytes without the ASCII space.
var otherSpaceBytes = func() (t [256]bool) {
	t = spaceBytes
	t[' '] = false
	return t
}()

// spaceBytes are the bytes that may begin white space: ASCII spacing and the lead bytes of the
// UTF-8 encodings of every other Unicode White_Space character (U+0085, U+00A0: C2; U+1680: E1;
// U+2000–U+205F: E2; U+3000: E3).
var spaceBytes = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\v\f\r") {
		t[c] = true
	}
	t[0xC2], t[0xE1], t[0xE2], t[0xE3] = true, true, true, true
	return t
}()

// cutBlock cuts a block longer than maxLine into pieces of at most maxLine bytes, at sentence
// ends where possible.
func cutBlock(b rawBlock) []rawBlock {
	var out []rawBlock
	text := b.Text
	at := 0 // where text starts in b.Text
	for len(text) > maxLine {
		cut := cutPoint([]byte(text[:maxLine]), maxLine-64<<10)
		piece := b
		piece.Text = strings.TrimRight(text[:cut], " ")
		piece.code = shiftCode(b.code, at, len(piece.Text))
		out = append(out, piece)
		rest := strings.TrimLeft(text[cut:], " ")
		at += len(text) - len(rest)
		text = rest
	}
	if text != "" {
		b.code = shiftCode(b.code, at, len(text))
		b.Text = text
		out = append(out, b)
	}
	return out
}

// SniffedExt returns the extension of name and whether a file so named is looked into for its
// format: a file whose name reads as plain text only because no format claims its extension
// ("", ".shtml", ".php", ".1"), not standard input and not a file named as text (.txt, .text).
// byName is FormatFromName(name). translate asks the same of the files it reads whole.
func SniffedExt(name string, byName Format) (string, bool) {
	if byName != Text || name == "-" || name == "<stdin>" {
		return "", false
	}
	ext := filepath.Ext(name)
	switch strings.ToLower(ext) {
	case ".txt", ".text":
		return "", false
	}
	return ext, true
}
