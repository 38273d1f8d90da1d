// Package textcheck locates what makes input not text, so that every reader can name the byte
// offset and line of the first invalid UTF-8 sequence in its error.
package textcheck

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// InvalidUTF8 returns the byte offset of the first invalid UTF-8 sequence in b, or -1 when b is
// valid UTF-8.
func InvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// Line returns the 1-based line of byte offset off in b.
func Line(b []byte, off int) int {
	return 1 + bytes.Count(b[:min(max(off, 0), len(b))], []byte("\n"))
}

// LooksLatin1 reports whether the invalid UTF-8 in b looks like German or English text in
// Windows-1252 or ISO-8859-1: nearly every invalid byte is a Latin-1 letter inside a word
// ("Gr\xfc\xdfe") or Windows-1252 punctuation (curly quotes, dashes, ellipsis). Readers use it
// to suggest the encoding in their error; it is a hint, not a decision to decode.
func LooksLatin1(b []byte) bool {
	invalid, plausible, letters := 0, 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size != 1 {
			i += size
			continue
		}
		invalid++
		c := b[i]
		switch {
		case c >= 0xC0 && c != 0xD7 && c != 0xF7:
			if i > 0 && isLatinLetterByte(b[i-1]) || i+1 < len(b) && isLatinLetterByte(b[i+1]) {
				plausible++
				letters++
			}
		case cp1252Punct(c):
			plausible++
		}
		i++
	}
	return invalid > 0 && letters+plausible > 0 && plausible*10 >= invalid*9
}

// isLatinLetterByte: an ASCII letter. (A Latin-1 letter next to only other high bytes, as in
// "\xff\xfe", is more likely binary or another encoding.)
func isLatinLetterByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// cp1252Punct: € „ … ‘ ’ “ ” • – — and the Latin-1 signs § « ° ´ · » and the no-break space.
func cp1252Punct(c byte) bool {
	switch c {
	case 0x80, 0x84, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xA0, 0xA7, 0xAB, 0xB0, 0xB4, 0xB7, 0xBB:
		return true
	}
	return false
}

// Endian is the byte order UTF16Pattern found.
type Endian int

// The results of UTF16Pattern.
const (
	NotUTF16 Endian = iota
	LittleEndian
	BigEndian
)

// UTF16Pattern recognises UTF-16 without a byte-order mark from the start of a file: in mostly
// Latin text every other byte is zero (the high byte of each code unit), and the other bytes
// are printable characters or line ends. Binary data with many NULs does not have both.
func UTF16Pattern(head []byte) Endian {
	n := len(head) &^ 1
	pairs := n / 2
	if pairs < 2 {
		return NotUTF16
	}
	zeros := [2]int{}
	for i := 0; i < n; i++ {
		if head[i] == 0 {
			zeros[i&1]++
		}
	}
	// hi is the position (0 or 1) of the high byte in each pair.
	hi := -1
	switch {
	case zeros[1]*10 >= pairs*6 && zeros[0]*10 <= pairs:
		hi = 1
	case zeros[0]*10 >= pairs*6 && zeros[1]*10 <= pairs:
		hi = 0
	default:
		return NotUTF16
	}
	printable, latin := 0, 0
	for i := 0; i+1 < n; i += 2 {
		if head[i+hi] != 0 {
			continue
		}
		latin++
		if c := head[i+1-hi]; c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r' {
			printable++
		}
	}
	if printable*10 < latin*9 {
		return NotUTF16
	}
	if hi == 1 {
		return LittleEndian
	}
	return BigEndian
}

// UTF16Decoder recognises UTF-16 at the start of a file from head: a byte-order mark, or, when
// pattern is set, the NUL pattern of UTF16Pattern. It returns the encoding's name and a decoder
// to UTF-8 that drops the mark, or "" and nil. Every reader of the project recognises UTF-16 this
// way, so a file one command reads, every command reads.
func UTF16Decoder(head []byte, pattern bool) (string, transform.Transformer) {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return "UTF-16LE", &utf16Decoder{bom: true}
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "UTF-16BE", &utf16Decoder{big: true, bom: true}
	case !pattern:
		return "", nil
	}
	switch UTF16Pattern(head) {
	case LittleEndian:
		return "UTF-16LE", &utf16Decoder{}
	case BigEndian:
		return "UTF-16BE", &utf16Decoder{big: true}
	}
	return "", nil
}

// UTF16Reader is r decoded to UTF-8 when it starts as UTF-16 (UTF16Decoder with the NUL
// pattern), with the encoding's name; otherwise r as it is (buffered) and "". Every line reader
// of the project opens its input through it, so a file one command reads, every command reads.
func UTF16Reader(r io.Reader) (io.Reader, string) {
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(4096) // a shorter input is all there; its error comes again on reading
	if name, dec := UTF16Decoder(head, true); dec != nil {
		return transform.NewReader(br, dec), name
	}
	return br, ""
}

// Latin1Hint is what to do with text that is not UTF-8 but looks like Windows-1252 or
// ISO-8859-1 (LooksLatin1), said alike by every reader that refuses it.
const Latin1Hint = "the text looks like Windows-1252 or ISO-8859-1: convert it to UTF-8 first (iconv -f windows-1252 -t utf-8)"

// UTF16Error is invalid UTF-16: a surrogate without its other half, or an odd byte at the end.
// Offset is the byte of the UTF-16 input where the bad code unit starts.
type UTF16Error struct {
	Offset int64
	Msg    string
}

func (e *UTF16Error) Error() string {
	return "invalid UTF-16 at byte " + strconv.FormatInt(e.Offset, 10) + ": " + e.Msg
}

// utf16Decoder decodes UTF-16 to UTF-8 strictly. x/text's decoder reads a lone surrogate or an
// odd last byte as U+FFFD without a word; bitext refuses invalid input with its offset instead,
// as it does invalid UTF-8. With bom, a leading byte-order mark is dropped.
type utf16Decoder struct {
	big, bom bool
	started  bool
	off      int64 // bytes of input consumed
}

func (d *utf16Decoder) Reset() { d.started, d.off = false, 0 }

func (d *utf16Decoder) unit(b []byte) uint16 {
	if d.big {
		return uint16(b[0])<<8 | uint16(b[1])
	}
	return uint16(b[1])<<8 | uint16(b[0])
}

func (d *utf16Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if !d.started && d.bom {
		if len(src) < 2 && !atEOF {
			return 0, 0, transform.ErrShortSrc
		}
		if len(src) >= 2 && d.unit(src) == 0xFEFF {
			nSrc, d.off = 2, 2
		}
	}
	d.started = true
	for nSrc < len(src) {
		rest := src[nSrc:]
		if len(rest) < 2 {
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			return nDst, nSrc, &UTF16Error{Offset: d.off, Msg: "an odd byte at the end"}
		}
		u := d.unit(rest)
		r, size := rune(u), 2
		switch {
		case 0xDC00 <= u && u <= 0xDFFF:
			return nDst, nSrc, &UTF16Error{Offset: d.off, Msg: "a low surrogate without a high one"}
		case 0xD800 <= u && u <= 0xDBFF:
			if len(rest) < 4 {
				if !atEOF {
					return nDst, nSrc, transform.ErrShortSrc
				}
				return nDst, nSrc, &UTF16Error{Offset: d.off, Msg: "a high surrogate at the end"}
			}
			lo := d.unit(rest[2:])
			if lo < 0xDC00 || lo > 0xDFFF {
				return nDst, nSrc, &UTF16Error{Offset: d.off, Msg: "a high surrogate without a low one"}
			}
			r, size = utf16.DecodeRune(rune(u), rune(lo)), 4
		}
		if len(dst)-nDst < utf8.RuneLen(r) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
		d.off += int64(size)
	}
	return nDst, nSrc, nil
}

// Invisible reports whether r is a character a reader of text cannot see, or that changes how
// the text around it is shown: C0 and C1 controls and DEL (tab and line feed included), the
// line and paragraph separators, the bidi controls (U+061C, U+200E/F, U+202A–E, U+2066–9),
// the byte-order mark, the zero-width space and word joiner, and the noncharacters
// U+FFFE/FFFF. Reports show them as escapes or
// markers (qa.Visible, report's markers), each from this one list.
func Invisible(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	}
	switch r {
	case 0x2028, 0x2029, 0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
		0x2066, 0x2067, 0x2068, 0x2069, 0xfeff, 0xfffe, 0xffff,
		0x200b, 0x2060: // zero-width space and word joiner: an insertion of one showed as an empty <ins>
		return true
	}
	return false
}

// HasAny reports whether s holds an invalid UTF-8 byte or a character f accepts: whether a text
// needs escaping or marking at all, so that the common text without any is passed as it is.
func HasAny(s string, f func(rune) bool) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if f(rune(c)) {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || f(r) {
			return true
		}
		i += n
	}
	return false
}

// ASCIILower is s with its ASCII letters in lower case and every other byte as it is, so that
// a byte offset into it is one into s (strings.ToLower turns invalid UTF-8 into U+FFFD, three
// bytes for one); it allocates only when something changes.
func ASCIILower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if c := b[k]; 'A' <= c && c <= 'Z' {
					b[k] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
