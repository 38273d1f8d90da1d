// Package htmlcharset decides how the bytes of an HTML page are read as text, the way browsers
// read them: a page is never refused for its encoding. Valid UTF-8 is UTF-8; else the charset
// the page declares anywhere in its <head> (Declared), when a decoder knows it; else the content
// decides (Guess). Both readers of pages use it: package segment for their main text and package
// document for the whole page, so that a page reads the same in `segment` and in `translate`.
package htmlcharset

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"

	"github.com/bitext/bitext/internal/textcheck"
)

// Declared finds the encoding a page declares in its <head>: <meta charset>, or <meta
// http-equiv="Content-Type" content="…; charset=…">, wherever it is in the head (not only in
// the first 1024 bytes, where the HTML sniffing algorithm stops looking: German CMS pages put
// it after long blocks of scripts and styles). It stops at </head> or the first element of
// body content. It returns the label and where it was found ("<meta charset> at byte N"); ""
// when the page declares none or ctx is done.
func Declared(ctx context.Context, data []byte) (label, where string) {
	z := html.NewTokenizer(bytes.NewReader(data))
	pos := 0 // byte offset of the current token
	for n := 0; ; n++ {
		if n&1023 == 1023 && ctx.Err() != nil {
			return "", ""
		}
		tt := z.Next()
		start := pos
		pos += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return "", ""
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return "", ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if a != atom.Meta {
				if bodyContent[a] {
					return "", ""
				}
				continue
			}
			var cs, equiv, content string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = strings.TrimSpace(string(v))
				case "http-equiv":
					equiv = strings.ToLower(strings.TrimSpace(string(v)))
				case "content":
					content = string(v)
				}
			}
			off := " at byte " + strconv.Itoa(start)
			if cs != "" {
				return cs, "<meta charset>" + off
			}
			if equiv == "content-type" {
				if i, j := ContentTypeCharset(content); i >= 0 {
					return content[i:j], "<meta http-equiv=Content-Type>" + off
				}
			}
		}
	}
}

// bodyContent are elements that start the body even without a <body> tag: a declaration after
// them is not in the head.
var bodyContent = map[atom.Atom]bool{
	atom.Body: true, atom.P: true, atom.Div: true, atom.Article: true, atom.Main: true,
	atom.Section: true, atom.Table: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.Ul: true, atom.Ol: true, atom.Header: true, atom.Nav: true,
}

// ContentTypeCharset finds the label of "charset=" in a Content-Type value ("text/html;
// charset=iso-8859-1"): its byte range in v, or -1, -1.
func ContentTypeCharset(v string) (int, int) {
	// ASCII case folding only: strings.ToLower can change the length (a Kelvin sign K becomes
	// k), and the offsets must index v itself.
	i := strings.Index(LowerASCII(v), "charset=")
	if i < 0 {
		return -1, -1
	}
	i += len("charset=")
	for i < len(v) && (v[i] <= ' ' || v[i] == '"' || v[i] == '\'') { // spaces and controls
		i++
	}
	j := i
	for j < len(v) && v[j] > ' ' && !strings.ContainsRune(";\"'\\", rune(v[j])) {
		j++
	}
	if j == i {
		return -1, -1
	}
	return i, j
}

// LowerASCII is s with A–Z lowered and every other byte as it is, so that offsets into it are
// offsets into s.
func LowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// IsUTF8 reports whether a charset label names UTF-8 ("utf-8", "UTF8", "unicode-1-1-utf-8").
func IsUTF8(label string) bool {
	_, name := charset.Lookup(label)
	return name == "utf-8"
}

// Reading is how the content says a page that is not valid UTF-8 and declares no usable charset
// is read.
type Reading int

const (
	// Repaired: UTF-8 but for a few broken sequences (at most one invalid byte per thousand, as
	// a truncated or mis-copied character leaves), each read as U+FFFD.
	Repaired Reading = iota
	// Mixed: UTF-8 with more invalid bytes (Latin-1 text pasted into a UTF-8 page), each read
	// as the Windows-1252 character it would be.
	Mixed
	// Windows1252: not UTF-8 at all; Windows-1252 is the browsers' default for German.
	Windows1252
)

// Guess says how to read body, a page without its byte-order mark that is not valid UTF-8, from
// its content: UTF-8 (Repaired or Mixed) when it has more valid UTF-8 sequences than invalid
// bytes and does not look like Latin-1 text, or twice as many, else Windows1252. invalid is the
// number of invalid bytes.
func Guess(body []byte) (r Reading, invalid int) {
	valid := 0
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		c, size := utf8.DecodeRune(body[i:])
		if c == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	switch {
	case !(valid > 0 && valid >= invalid && !textcheck.LooksLatin1(body) || valid > 2*invalid):
		return Windows1252, invalid
	case invalid*1000 <= len(body):
		return Repaired, invalid
	}
	return Mixed, invalid
}

// Decode reads body as r says.
func Decode(body []byte, r Reading) string {
	switch r {
	case Repaired:
		return strings.ToValidUTF8(string(body), "\uFFFD")
	case Mixed:
		var b strings.Builder
		b.Grow(len(body) + len(body)/8)
		for i := 0; i < len(body); {
			c, size := utf8.DecodeRune(body[i:])
			if c == utf8.RuneError && size == 1 {
				c = charmap.Windows1252.DecodeByte(body[i])
			}
			b.WriteRune(c)
			i += size
		}
		return b.String()
	}
	conv, err := charmap.Windows1252.NewDecoder().Bytes(body)
	if err != nil { // cannot happen: every byte has a Windows-1252 reading
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	return string(conv)
}
