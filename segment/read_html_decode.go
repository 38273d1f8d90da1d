package segment

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"github.com/bitext/bitext/internal/htmlcharset"
)

// readHTMLPrefix reads src until it has more than limit bytes of content — bytes that are not
// NUL (a leading UTF-8 byte-order mark not counted: the size the page has once read as text)
// nor in scripts, styles or data: URIs (htmlContentBytes) — or more than maxRawHTML bytes in
// all, or to its end. big reports that the end was not reached. The prefix is at least 64 KiB
// (or the whole page), for deciding the encoding. The content is measured each time the
// prefix has doubled, so that reading stays linear and a page of text stops near limit, as
// before scripts and styles were left out of the count: only a page of mostly scripts, styles
// and inline images is held beyond it.
func readHTMLPrefix(src io.Reader, limit int) (prefix []byte, big bool, err error) {
	buf := make([]byte, 0, 64<<10)
	measureAt := limit
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := src.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		if len(buf) > limit && len(buf) >= 64<<10 && (len(buf) > maxRawHTML || len(buf) > measureAt) {
			if len(buf) > maxRawHTML {
				return buf, true, nil
			}
			measureAt = 2 * len(buf)
			size := len(buf) - bytes.Count(buf, []byte{0})
			if bytes.HasPrefix(buf, utf8BOM) {
				size -= len(utf8BOM)
			}
			if size > limit && htmlContentBytes(buf)-(len(buf)-size) > limit {
				return buf, true, nil
			}
		}
	}
}

// openHTMLStream starts streaming a page whose first bytes (decoded from enc16 when that is not
// "") are prefix (the whole page when whole is set) and the rest src. The encoding is decided on prefix the way htmlTextOf
// decides it on a whole page: valid UTF-8 is UTF-8, else the declared charset,
// else a guess from the content. Bytes further on that do not fit it are read as U+FFFD (in
// UTF-8) with a notice.
func openHTMLStream(ctx context.Context, prefix []byte, whole bool, src io.Reader, enc16, name, lang string, keep bool) (*htmlStream, error) {
	var notices []Removal
	suffix := ""
	if enc16 != "" {
		notices = append(notices, Removal{Kind: Notice, Reason: "decoded from " + enc16})
		suffix = " (in the text decoded from " + enc16 + ")"
	}
	if n := bytes.Count(prefix, []byte{0}); n*100 > len(prefix) {
		first := bytes.IndexByte(prefix, 0)
		return nil, &InputError{File: name, Offset: int64(first), Msg: "binary data (NUL byte), not a text file" + suffix, Err: ErrBinary}
	}
	nuls := &nulDropper{r: io.MultiReader(bytes.NewReader(prefix), src)}
	var r io.Reader = nuls
	f := &htmlFilter{name: name, suffix: suffix, nuls: nuls}
	head := prefix
	if !whole {
		// A rune cut at the end of the prefix is not an error.
		for i := len(head) - 1; i >= 0 && i >= len(head)-utf8.UTFMax; i-- {
			if utf8.RuneStart(head[i]) {
				if !utf8.FullRune(head[i:]) {
					head = head[:i]
				}
				break
			}
		}
	}
	clean := bytes.ReplaceAll(head, []byte{0}, nil)
	switch {
	case enc16 != "":
		f.r = r
	case utf8.Valid(clean):
		f.r = r
		if label, _ := htmlcharset.Declared(ctx, clean); label != "" && !htmlcharset.IsUTF8(label) {
			f.declared = label
		}
	default:
		label, where := htmlcharset.Declared(ctx, clean)
		if label != "" && !htmlcharset.IsUTF8(label) {
			if enc, canonical := charset.Lookup(label); enc != nil {
				f.r = transform.NewReader(r, enc.NewDecoder())
				f.after = append(f.after, Removal{Kind: Notice, Reason: "decoded from " + canonical + " (" + where + ")"})
				break
			}
			f.after = append(f.after, Removal{Kind: Notice, Reason: "declared charset " + strconv.Quote(label) + " (" + where + ") is unknown: encoding guessed from the content"})
		}
		var discard []Removal
		guessedHTMLText(clean, &discard) // the way the whole page would be read
		switch {
		case len(discard) > 0 && bytes.Contains([]byte(discard[0].Reason), []byte("U+FFFD")):
			f.r = r
		case len(discard) > 0 && bytes.Contains([]byte(discard[0].Reason), []byte("mixed encodings")):
			f.r, f.mixed = r, true
		default:
			f.r = transform.NewReader(r, charmap.Windows1252.NewDecoder())
			f.after = append(f.after, Removal{Kind: Notice, Reason: "decoded from windows-1252 (guessed from the content: not UTF-8, no usable declaration)"})
		}
	}
	return newHTMLStream(ctx, f, lang, keep, notices), nil
}

// htmlFilter reads a page as UTF-8 for the parser, as htmlTextOf does on a whole one: it drops
// a leading byte-order mark and NUL bytes and reads invalid UTF-8 as U+FFFD (one for a run), or
// with mixed each invalid byte as its Windows-1252 character; it counts what it changed for the
// notices at the end.
type htmlFilter struct {
	r        io.Reader
	name     string
	suffix   string // " (in the text decoded from UTF-16…)" or ""
	mixed    bool
	declared string    // a non-UTF-8 charset the UTF-8 page declares
	after    []Removal // notices known at the start, listed after the NUL bytes

	in    []byte
	start int
	eof   bool
	out   []byte
	outAt int

	off      int64 // bytes read
	lines    int   // line breaks read
	started  bool
	content  bool // a byte that is not ASCII white space was read
	nonASCII bool
	nuls     *nulDropper // under the decoder, so that its offsets are the page's own
	bad      int
	firstBad int64
	badLine  int
	inBad    bool
	err      error // the *InputError for the page, found at its end
}

func (f *htmlFilter) Read(p []byte) (int, error) {
	for f.outAt == len(f.out) {
		if f.eof && f.start == len(f.in) {
			return 0, io.EOF
		}
		f.out, f.outAt = f.out[:0], 0
		if err := f.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, f.out[f.outAt:])
	f.outAt += n
	return n, nil
}

// fill reads the next piece of input and filters it into f.out.
func (f *htmlFilter) fill() error {
	if !f.eof {
		copy(f.in, f.in[f.start:])
		f.in = f.in[:len(f.in)-f.start]
		f.start = 0
		if cap(f.in) < 64<<10 {
			f.in = make([]byte, len(f.in), 64<<10)
		}
		n, err := f.r.Read(f.in[len(f.in):cap(f.in)])
		f.in = f.in[:len(f.in)+n]
		if err == io.EOF {
			f.eof = true
		} else if err != nil {
			return err
		}
	}
	in := f.in
	i := f.start
	if !f.started {
		if len(in)-i < len(utf8BOM) && !f.eof {
			return nil
		}
		f.started = true
		if bytes.HasPrefix(in[i:], utf8BOM) {
			i += len(utf8BOM)
			f.off += int64(len(utf8BOM))
		}
	}
	for i < len(in) {
		c := in[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\n':
				f.lines++
				f.out = append(f.out, c)
			case ' ', '\t', '\r', '\f', '\v':
				f.out = append(f.out, c)
			default:
				f.content = true
				f.out = append(f.out, c)
			}
			f.inBad = false
			i++
			f.off++
			continue
		}
		if !utf8.FullRune(in[i:]) && !f.eof {
			break // the rest of the rune is in the next piece
		}
		f.content, f.nonASCII = true, true
		r, size := utf8.DecodeRune(in[i:])
		if r == utf8.RuneError && size == 1 {
			if f.bad == 0 {
				f.firstBad, f.badLine = f.off, f.lines+1
			}
			f.bad++
			switch {
			case f.mixed:
				f.out = utf8.AppendRune(f.out, charmap.Windows1252.DecodeByte(c))
			case !f.inBad:
				f.out = append(f.out, "\uFFFD"...)
			}
			f.inBad = true
		} else {
			f.out = append(f.out, in[i:i+size]...)
			f.inBad = false
		}
		i += size
		f.off += int64(size)
	}
	f.start = i
	return nil
}

// finish returns the error for the whole page, if any: binary data or no content.
func (f *htmlFilter) finish() error {
	if f.err != nil {
		return f.err
	}
	if f.nuls.n*100 > f.nuls.off {
		f.err = &InputError{File: f.name, Offset: f.nuls.first, Msg: "binary data (NUL byte), not a text file" + f.suffix, Err: ErrBinary}
	} else if !f.content {
		f.err = emptyError(f.name)
	}
	return f.err
}

// notices lists how the page was read, as htmlTextOf does.
func (f *htmlFilter) notices() []Removal {
	var out []Removal
	if d := f.nuls; d.n > 0 {
		out = append(out, Removal{Kind: Tidied, Line: d.line, Text: "\x00", Reason: strconv.FormatInt(d.n, 10) + " stray NUL byte(s), first at byte " + strconv.FormatInt(d.first, 10) + " (not text)"})
	}
	if f.declared != "" && f.bad == 0 && f.nonASCII {
		out = append(out, Removal{Kind: Notice, Reason: "declared " + f.declared + " but is valid UTF-8: read as UTF-8"})
	}
	out = append(out, f.after...)
	if f.bad > 0 {
		at := strconv.FormatInt(f.firstBad, 10)
		reason := strconv.Itoa(f.bad) + " invalid UTF-8 byte(s), first at byte " + at + ", read as U+FFFD (replacement character)"
		if f.mixed {
			reason = strconv.Itoa(f.bad) + " byte(s) not UTF-8 in a UTF-8 page, first at byte " + at + ", read as Windows-1252 (mixed encodings)"
		}
		out = append(out, Removal{Line: f.badLine, Kind: Notice, Reason: reason})
	}
	return out
}

// nulDropper drops NUL bytes from r and counts them, as htmlTextOf does on the page's bytes
// before any decoding: a decoder must not see them (in a multi-byte encoding a NUL would break a
// character the whole page reads whole), and the offset of the first one is a byte of the page,
// not of the decoded text.
type nulDropper struct {
	r     io.Reader
	off   int64 // bytes read, NULs included
	lines int   // line breaks read
	n     int64 // NUL bytes dropped
	first int64 // offset of the first
	line  int   // and its line
}

func (d *nulDropper) Read(p []byte) (int, error) {
	for {
		n, err := d.r.Read(p)
		kept := 0
		for _, c := range p[:n] {
			switch c {
			case 0:
				if d.n == 0 {
					d.first, d.line = d.off, d.lines+1
				}
				d.n++
				d.off++
				continue
			case '\n':
				d.lines++
			}
			p[kept] = c
			kept++
			d.off++
		}
		if kept > 0 || err != nil || n == 0 {
			return kept, err
		}
	}
}
