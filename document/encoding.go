package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/bitext/bitext/internal/htmlcharset"
	"github.com/bitext/bitext/internal/textcheck"
)

// Documents are read as UTF-8 and always written as UTF-8. An input in another encoding is
// decoded first, in the way every other reader of bitext decodes it:
//
//   - UTF-16 (a byte-order mark, or the NUL pattern of mostly Latin text) in every format, as
//     textcheck.UTF16Decoder recognises it, strictly: invalid UTF-16 is an error at its offset;
//   - XLIFF: the encoding of the XML declaration; .po: the charset of the header's Content-Type;
//     but bytes beyond ASCII that are valid UTF-8 are UTF-8 whatever either declares;
//   - HTML: the browsers' way, but never refusing a page for its encoding (as package segment
//     reads pages): valid UTF-8 is UTF-8 whatever the page declares, else a charset declared
//     anywhere in <head>, else the content (a UTF-8 page with a few broken bytes, one with pasted
//     Latin-1 text, else Windows-1252).
//
// A byte-order mark the input starts with, UTF-8's or UTF-16's, starts the output too
// (decodeInput), but for a .po catalogue, which gettext's msgfmt refuses with one (readPO).
//
// A declaration that no longer holds for the output (<meta charset>, <meta http-equiv=
// Content-Type>, <?xml encoding?>, the .po header's charset) is rewritten to UTF-8 on writing
// (see part.decl): a page that says Latin-1 but holds UTF-8 shows mojibake in every browser.

// decoded is an input made UTF-8.
type decoded struct {
	text string
	// how says how the input was decoded when it was not read as UTF-8, for Doc.Decoded.
	how string
	// transcoded: the text's bytes differ from the input's, so that every declaration of another
	// encoding is wrong for the output.
	transcoded bool
}

// decodeInput decodes a document's bytes to UTF-8 text by its format's rules (see above). The
// text is not yet checked (checkInput does that).
//
// A byte-order mark is kept: the text starts with U+FEFF when the input started with one, in
// UTF-8 or UTF-16, so that the output starts with UTF-8's (some Windows tools read a file
// without one in the ANSI code page). It is not read as a character of the declared encoding
// either: XML parsers skip a UTF-8 mark and decode the rest as the declaration says, and so
// does this.
func decodeInput(data []byte, name string, f Format) (decoded, error) {
	dec, err := decodeBody(data, name, f)
	if err != nil || !dec.transcoded || strings.HasPrefix(dec.text, "\ufeff") {
		return dec, err
	}
	if bytes.HasPrefix(data, utf8BOM) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec.text = "\ufeff" + dec.text
	}
	return dec, nil
}

// decodeBody is decodeInput but for the byte-order mark, which it may drop.
func decodeBody(data []byte, name string, f Format) (decoded, error) {
	if enc16, dec := textcheck.UTF16Decoder(data, true); dec != nil {
		out, _, err := transform.Bytes(dec, data)
		if err != nil {
			return decoded{}, utf16Error(data, name, enc16, err)
		}
		return decoded{text: string(out), how: enc16, transcoded: true}, nil
	}
	switch f {
	case HTML:
		return decodeHTML(data), nil
	case XLIFF, PO:
		body := bytes.TrimPrefix(data, utf8BOM)
		var label string
		if f == XLIFF {
			label, _, _ = xmlDeclLabel(string(body))
		} else {
			label, _, _ = poCharsetLabel(string(body))
		}
		if label == "" || htmlcharset.IsUTF8(label) || isUTF16Label(label) {
			// No declaration, UTF-8, or UTF-16 declared of 8-bit bytes (no mark, no NUL
			// pattern): the bytes are read as UTF-8 and the declaration is rewritten on writing.
			return decoded{text: string(data)}, nil
		}
		if !isASCII(body) && utf8.Valid(body) {
			// Bytes beyond ASCII that are valid UTF-8 are UTF-8 whatever the file declares,
			// as pages are read: text in an 8-bit encoding almost never forms UTF-8's
			// sequences, while a tool that saved UTF-8 under the old header is common
			// (OmegaT's file-POFilter-be-utf8.po: "Памылка" became "РџР°РјС‹Р»РєР°" when
			// decoded as the CP1251 it declares). The declaration is rewritten on writing.
			return decoded{text: string(data), how: "UTF-8 (declared " + label + ", but the bytes are UTF-8)"}, nil
		}
		enc, canonical := charset.Lookup(label)
		if enc == nil {
			return decoded{}, &InputError{File: name, Line: 1, Msg: fmt.Sprintf("declared encoding %q is not one bitext knows; convert the file to UTF-8 first (iconv -t UTF-8)", label)}
		}
		out, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			return decoded{}, &InputError{File: name, Line: 1, Msg: fmt.Sprintf("decoding from %s: %v", canonical, err)}
		}
		if bytes.Equal(out, body) { // ASCII: the same bytes in either encoding
			return decoded{text: string(data)}, nil
		}
		return decoded{text: string(out), how: canonical + " (declared " + label + ")", transcoded: true}, nil
	}
	return decoded{text: string(data)}, nil
}

// utf16Error reports invalid UTF-16 with its line (counted in the text decoded before it) and
// keeps the *textcheck.UTF16Error for errors.As.
func utf16Error(data []byte, name, enc16 string, err error) error {
	var u *textcheck.UTF16Error
	if !errors.As(err, &u) {
		return &InputError{File: name, Msg: "decoding " + enc16 + ": " + err.Error(), Err: err}
	}
	line := 0
	if u.Offset >= 0 && u.Offset <= int64(len(data)) {
		_, dec := textcheck.UTF16Decoder(data, true)
		if before, _, err := transform.Bytes(dec, data[:u.Offset]); err == nil {
			line = bytes.Count(before, []byte{'\n'}) + 1
		}
	}
	return &InputError{File: name, Line: line, Msg: err.Error() + " (the file is " + enc16 + ")", Err: err}
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// decodeHTML reads a page's bytes as UTF-8 text, never refusing it, as package segment does
// (htmlcharset decides for both). Bytes that are already UTF-8 stay as they are (a UTF-8
// byte-order mark too), so that a UTF-8 page comes back byte for byte.
func decodeHTML(data []byte) decoded {
	if utf8.Valid(data) {
		return decoded{text: string(data)}
	}
	body := bytes.TrimPrefix(data, utf8BOM) // decodeInput keeps the mark
	if label, where := htmlcharset.Declared(context.Background(), data); label != "" && !htmlcharset.IsUTF8(label) {
		if enc, canonical := charset.Lookup(label); enc != nil {
			if conv, err := enc.NewDecoder().Bytes(body); err == nil && utf8.Valid(conv) {
				return decoded{text: string(conv), how: canonical + " (declared in " + where + ")", transcoded: true}
			}
		}
		// A label no decoder knows ("latin-1", "utf8mb4") or one that fails: browsers then go
		// by the content, and so does this reader.
	}
	r, invalid := htmlcharset.Guess(body)
	how := "windows-1252 (guessed from the content: not UTF-8, no usable declaration)"
	switch r {
	case htmlcharset.Repaired:
		how = fmt.Sprintf("UTF-8 with %d invalid byte(s) read as U+FFFD", invalid)
	case htmlcharset.Mixed:
		how = fmt.Sprintf("UTF-8 with %d byte(s) read as Windows-1252 (mixed encodings)", invalid)
	}
	return decoded{text: htmlcharset.Decode(body, r), how: how, transcoded: true}
}

func isUTF16Label(label string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(label)), "utf-16") ||
		strings.EqualFold(strings.TrimSpace(label), "ucs-2")
}

// xmlDecl finds the encoding of an XML declaration at the start of a file.
var xmlDecl = regexp.MustCompile(`^(?:\x{FEFF})?<\?xml[ \t\r\n][^>]*?\bencoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z0-9._:()+-]*)["']`)

// xmlDeclLabel returns the encoding an XML declaration names and the label's byte range, or "".
func xmlDeclLabel(src string) (string, int, int) {
	m := xmlDecl.FindStringSubmatchIndex(src)
	if m == nil || m[2] == m[3] {
		return "", 0, 0
	}
	return src[m[2]:m[3]], m[2], m[3]
}

// poCharsetLabel returns the charset the header of a .po file declares (msgid "" and its
// msgstr's "Content-Type: text/plain; charset=…") and the label's byte range, or "". The
// template's placeholder "CHARSET" declares nothing, as for gettext.
func poCharsetLabel(src string) (string, int, int) {
	lines := splitLines(src)
	for k, l := range lines {
		if strings.TrimSpace(strings.TrimPrefix(l.text, "\ufeff")) != `msgid ""` {
			continue
		}
		// The header: up to its blank line.
		for ; k < len(lines) && !blank(lines[k].text); k++ {
			t := lines[k].text
			c := strings.Index(htmlcharset.LowerASCII(t), "content-type:")
			if c < 0 {
				continue
			}
			i, j := htmlcharset.ContentTypeCharset(t[c:])
			if i < 0 || strings.EqualFold(t[c+i:c+j], "CHARSET") {
				return "", 0, 0
			}
			return t[c+i : c+j], lines[k].off + c + i, lines[k].off + c + j
		}
		return "", 0, 0
	}
	return "", 0, 0
}

// declSpan is the byte range of a declared encoding's label in the (decoded) input.
type declSpan struct{ start, end int }

// rawAt is raw for a piece of the input that starts at byte off: a declaration of the input's
// encoding inside it (d.declSpans) becomes a part of its own, rewritten on writing when needed.
func (d *Doc) rawAt(s string, off int) {
	for _, sp := range d.declSpans {
		if sp.start >= off && sp.end <= off+len(s) && sp.start < sp.end {
			d.raw(s[:sp.start-off])
			d.declaration(s[sp.start-off : sp.end-off])
			s, off = s[sp.end-off:], sp.end
		}
	}
	d.raw(s)
}

// declaration adds the label of a declared encoding that is not UTF-8 as a part of its own.
func (d *Doc) declaration(label string) {
	d.declared = true
	if htmlcharset.IsUTF8(label) {
		d.raw(label)
		return
	}
	d.flushRaw()
	d.parts = append(d.parts, part{raw: label, seg: -1, decl: true})
	d.hasDecl = true
}

// declNeedsUTF8 reports whether a declared label must become UTF-8 in an output: when the input
// was decoded into other bytes, when the output holds bytes beyond ASCII (which the declared
// encoding would read differently), or when the label is not even ASCII-compatible (UTF-16).
func (d *Doc) declNeedsUTF8(label string, out []byte) bool {
	return d.transcoded || isUTF16Label(label) || !isASCII(out)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// utf8Label is "UTF-8" in the case the declaration used, so that a rewritten declaration reads
// like the rest of the file.
func utf8Label(old string) string {
	if strings.ToLower(old) == old {
		return "utf-8"
	}
	return "UTF-8"
}

// ReadXLIFF reads an XLIFF file whole (at most DefaultMaxSize, as Read) and returns it as UTF-8
// by the rules every reader of bitext decodes XLIFF by (see decodeInput), its XML declaration
// saying UTF-8, and how it was decoded ("" when it was UTF-8 already): for a tool that rewrites
// the file in place, as review writes decisions into it (corpus.PatchXLIFF).
func ReadXLIFF(r io.Reader, name string) ([]byte, string, error) {
	data, err := readWhole(r, name, XLIFF, 0)
	if err != nil {
		return nil, "", err
	}
	dec, err := decodeInput(data, name, XLIFF)
	if err != nil {
		return nil, "", err
	}
	text := dec.text
	if label, i, j := xmlDeclLabel(text); label != "" && !htmlcharset.IsUTF8(label) {
		text = text[:i] + utf8Label(label) + text[j:]
	}
	return []byte(text), dec.how, nil
}

// charsetSlot is what a page's <head> is followed by in the output: a <meta charset="utf-8">
// when the page was decoded from another encoding (windows-1252 guessed from its bytes, UTF-16)
// and declares none, and "" otherwise. The output is UTF-8; without a declaration a browser
// reading it from a file, or a server sending it without a charset, takes it for the legacy
// encoding the input was read in, and every umlaut is mojibake. A page that declares its
// encoding has it rewritten where it stands (fixDecls); one that starts with a byte-order mark
// needs none.
func (d *Doc) charsetSlot() string {
	if !d.transcoded || d.declared || len(d.parts) > 0 && strings.HasPrefix(d.parts[0].raw, "\ufeff") {
		return ""
	}
	return `<meta charset="utf-8" />`
}
