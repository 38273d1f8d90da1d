package tm

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
)

// A segment translated from an XLIFF file has codes whose markup is XLIFF's own inline
// elements (document names them "xliff-bpt", "xliff-g", "xliff-ph" …: the writer puts them back
// as they were). A memory holds the markup the codes stand for, as an imported XLIFF unit's
// codes do (corpus reads <bpt>&lt;a href="/hilfe"&gt;</bpt> as <a href="/hilfe">, <g
// ctype="bold"> as a bold code): stored as they were, an export wrote <bpt> around an escaped
// <bpt>, which a CAT tool takes for the formatting itself. nativeXLIFFCodes rebuilds the
// segment's XLIFF source from its tagged text and codes and reads it as import does.

// xliffCode says whether c is markup document kept from an XLIFF file.
func xliffCode(c document.Code) bool { return strings.HasPrefix(c.Name, "xliff-") }

// nativeXLIFFCodes returns codes (of the tagged source) with those from an XLIFF file replaced
// by what import reads them as, numbered as in source; nil when they cannot be read so (the
// memory then stores no markup for them, as before codes were stored at all).
func nativeXLIFFCodes(source string, codes []document.Code) []document.Code {
	byID := map[int]document.Code{}
	v2 := false
	for _, c := range codes {
		byID[c.ID] = c
		switch strings.TrimPrefix(c.Name, "xliff-") {
		case "pc", "sc", "ec", "sm", "em", "cp":
			v2 = true
		}
	}
	// The unit's source as the file had it: words escaped, each code's markup in its place.
	var src strings.Builder
	var order []int // the codes' numbers in the order import numbers them
	for _, p := range document.Pieces(source) {
		switch p.Kind {
		case document.PieceText:
			xml.EscapeText(&src, []byte(p.Text))
		case document.PieceOpen, document.PieceStandalone:
			c, ok := byID[p.ID]
			if !ok {
				return nil
			}
			src.WriteString(c.Open)
			order = append(order, p.ID)
		case document.PieceClose:
			c, ok := byID[p.ID]
			if !ok {
				return nil
			}
			src.WriteString(c.Close)
		}
	}
	var doc bytes.Buffer
	if v2 {
		doc.WriteString(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en"><file id="f"><unit id="u"><segment><source>`)
		doc.WriteString(src.String())
		doc.WriteString(`</source><target>`)
		doc.WriteString(src.String())
		doc.WriteString(`</target></segment></unit></file></xliff>`)
	} else {
		doc.WriteString(`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="f" source-language="de" target-language="en" datatype="plaintext"><body><trans-unit id="u"><source>`)
		doc.WriteString(src.String())
		doc.WriteString(`</source><target>`)
		doc.WriteString(src.String())
		doc.WriteString(`</target></trans-unit></body></file></xliff>`)
	}
	r, err := corpus.NewReader(corpus.XLIFF, &doc, "segment", corpus.ReaderOptions{})
	if err != nil {
		return nil
	}
	p, err := r.Next()
	if err != nil || len(p.Codes) != len(order) {
		return nil
	}
	out := make([]document.Code, 0, len(codes))
	for k, c := range p.Codes {
		c.ID = order[k]
		out = append(out, c)
	}
	return out
}
