package glossary

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/bitext/bitext/internal/textcheck"
)

// Glossaries arrive from CAT tools in whatever encoding the tool likes: MultiTerm exports TBX
// as UTF-16 with a byte-order mark, Excel saves "Unicode text" as UTF-16LE, older termbases
// declare windows-125x or ISO-8859-x in the XML declaration. decodeInput turns every one of
// these into UTF-8 before parsing, so that the parsers, their line numbers and their
// invalid-UTF-8 checks see one encoding:
//
//   - a byte-order mark decides first (UTF-8, UTF-16LE, UTF-16BE), for every format;
//   - XML (TBX, TMX) without a mark is sniffed as the XML specification's appendix F says
//     ("<?" in UTF-16 is 3C 00 3F 00 or 00 3C 00 3F), then the encoding declared in the XML
//     declaration is looked up with golang.org/x/net/html/charset (WHATWG labels, which
//     cover the windows-125x, ISO-8859-x, KOI8, Shift_JIS, GBK… names CAT tools write);
//   - TSV and CSV without a mark must be UTF-8; UTF-16 without a mark is named as such
//     instead of being reported as binary.
//
// Transcoding keeps line breaks where they were, so errors still point at the right line.
// The XML decoder's CharsetReader then has nothing left to do (see xmlCharsetReader).

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// xmlDecl matches the encoding pseudo-attribute of an XML declaration.
var xmlDecl = regexp.MustCompile(`^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

func isXML(f Format) bool { return f == TBX || f == TBX2 || f == TMX }

// decodeInput returns data as UTF-8 without a byte-order mark, or an *Error naming file and
// line.
func decodeInput(data []byte, name string, f Format) ([]byte, error) {
	var (
		enc   encoding.Encoding
		label string
	)
	if name16, dec := textcheck.UTF16Decoder(data, false); dec != nil {
		out, _, err := transform.Bytes(dec, data)
		if err != nil {
			return nil, errorf(name, 0, "decoding %s: %v", name16, err)
		}
		data, label = out, name16
	}
	switch {
	case label != "": // UTF-16, decoded above
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
		label = "UTF-8"
	case isXML(f) && bytes.HasPrefix(data, []byte{'<', 0, '?', 0}):
		enc, label = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE"
	case isXML(f) && bytes.HasPrefix(data, []byte{0, '<', 0, '?'}):
		enc, label = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE"
	}
	if enc == nil && label == "" && isXML(f) {
		if m := xmlDecl.FindSubmatch(data[:min(len(data), 512)]); m != nil {
			declared := strings.ToLower(string(m[1]))
			switch {
			case declared == "utf-8" || declared == "utf8" || declared == "us-ascii" || declared == "ascii":
			case strings.HasPrefix(declared, "utf-16") || strings.HasPrefix(declared, "ucs-2") || strings.HasPrefix(declared, "utf-32"):
				// The bytes are not UTF-16 (no mark, no 3C 00 sniff): the declaration is wrong,
				// which tools that re-save a UTF-16 export as UTF-8 often leave behind. The
				// content decides, as the XML specification lets external information do.
			default:
				e, canonical := charset.Lookup(declared)
				if e == nil {
					return nil, errorf(name, 1, "unsupported encoding %q in the XML declaration", string(m[1]))
				}
				if canonical != "utf-8" {
					enc, label = e, canonical
				}
			}
		}
	}
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, errorf(name, 0, "decoding %s: %v", label, err)
		}
		data = out
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if enc == nil && textcheck.UTF16Pattern(data[:min(len(data), 512)]) != textcheck.NotUTF16 {
			return nil, errorf(name, 0, "UTF-16 without a byte-order mark; save the file as UTF-8 or as UTF-16 with a byte-order mark")
		}
		return nil, errorf(name, textcheck.Line(data, i), "binary data (NUL byte)")
	}
	if !utf8.Valid(data) {
		off := textcheck.InvalidUTF8(data)
		msg := "invalid UTF-8 at byte %d"
		if isXML(f) {
			msg += " (declare the encoding in the XML declaration, or save the file as UTF-8)"
		}
		return nil, errorf(name, textcheck.Line(data, off), msg, off)
	}
	return data, nil
}

// xmlCharsetReader is the XML decoders' CharsetReader. decodeInput has already turned the
// document into UTF-8 (and rejected encodings it does not know), so whatever the declaration
// still says, the bytes the decoder reads are UTF-8.
func xmlCharsetReader(label string, r io.Reader) (io.Reader, error) { return r, nil }
