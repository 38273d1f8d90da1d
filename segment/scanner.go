package segment

import (
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
	name   string
	format Format
	lang   string

	next    func() (rawBlock, error) // the format's reader; io.EOF at the end
	cleaner blockCleaner
	ready   []rawBlock // blocks cleaned and not yet returned: ready[nready:]
	nready  int
	done    bool

	block   Block
	removed []Removal
	err     error
}

// NewScanner returns a Scanner reading from r. name is used to choose the format when
// opt.Format is "" and in errors.
func NewScanner(r io.Reader, name string, opt Options) *Scanner {
	s := &Scanner{name: name, format: opt.Format, lang: opt.Lang}
	if s.format == "" {
		s.format = FormatFromName(name)
	}
	if s.lang == "" {
		s.lang = "de"
	}
	s.cleaner = blockCleaner{keep: opt.KeepBoilerplate, removed: &s.removed}
	switch s.format {
	case Markdown:
		s.next = wholeDocument(func() (string, error) { return readAllText(r, name) }, func(text string) ([]rawBlock, error) {
			return parseMarkdown(text, opt.KeepBoilerplate, &s.removed), nil
		})
	case HTML:
		s.next = wholeHTML(r, name, opt.KeepBoilerplate, &s.removed)
	default:
		s.next = newTextReader(r, name, opt.KeepBoilerplate, &s.removed).next
	}
	return s
}

// Scan advances to the next block. It returns false at the end of the input or on an error.
func (s *Scanner) Scan() bool {
	if s.err != nil {
		return false
	}
	for s.nready == len(s.ready) {
		if s.done {
			return false
		}
		s.ready, s.nready = s.ready[:0], 0 // reuse the buffer
		b, err := s.next()
		switch {
		case err == io.EOF:
			s.ready = s.cleaner.finish(s.ready)
			s.done = true
		case err != nil:
			s.err = err
			return false
		default:
			s.ready = s.cleaner.add(b, s.ready)
		}
	}
	rb := s.ready[s.nready]
	s.nready++
	s.block = Block{Kind: rb.Kind, Level: rb.Level, Marker: rb.Marker, Text: rb.Text, Sentences: SplitSentences(rb.Text, s.lang)}
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
// errors. Errors about the content are *InputError.
func Read(r io.Reader, name string, opt Options) (*Document, error) {
	s := NewScanner(r, name, opt)
	doc := &Document{Name: name, Format: s.format, Lang: s.lang}
	for s.Scan() {
		doc.Blocks = append(doc.Blocks, s.Block())
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
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
// line breaks) into one ASCII space and trims the ends.
func normalizeSpace(s string) string {
	if isNormalSpace(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isNormalSpace reports whether s has no white space except single ASCII spaces between words.
func isNormalSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < utf8.RuneSelf:
			if c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				return false
			}
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
		}
	}
	return true
}
