package document

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// jsonLDShown are the JSON-LD keys whose string values a reader of the page sees elsewhere
// (search results, share cards, the headline's twin on the page) and that are short: a
// translated page whose structured data kept "headline": "Der Kanzler …" told search engines
// the article is German. articleBody is left out: it is the whole article again, and sending
// it would pay for the article twice.
var jsonLDShown = map[string]bool{"headline": true, "alternativeHeadline": true, "description": true, "caption": true}

// jsonLD writes the text of a <script type="application/ld+json"> as raw bytes with the string
// values of jsonLDShown keys as segments, each written back as a JSON string. Text that is not
// valid JSON stays raw, untouched.
func (r *htmlReader) jsonLD(t htmlTok) {
	src := t.raw
	spans := jsonLDStrings(src)
	if spans == nil {
		r.d.raw(src)
		return
	}
	at := 0
	for _, sp := range spans {
		r.d.raw(src[at:sp.start])
		raw := src[sp.start:sp.end]
		// White space at the value's edges is no part of the segment (a segment is sent
		// trimmed) and is written back around the translation: "Was wissen wir? " lost its
		// space, and the page no longer came back byte for byte from an unchanged translation.
		text := strings.TrimSpace(sp.text)
		lead := sp.text[:strings.Index(sp.text, text)]
		trail := sp.text[len(lead)+len(text):]
		r.d.add(Segment{Text: EscapeText(strings.ReplaceAll(text, "\u00ad", "")), Kind: Attribute, Line: r.lines.at(t.off + sp.start)}, func(tr string) string {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false) // readable; only "</" must not stand in a script
			if err := enc.Encode(lead + Plain(tr) + trail); err != nil {
				return raw
			}
			// Inside <script>, "</" would end the element: JSON may escape the slash.
			return strings.ReplaceAll(strings.TrimSuffix(b.String(), "\n"), "</", `<\/`)
		}, raw, true)
		at = sp.end
	}
	r.d.raw(src[at:])
}

// jsonSpan is a string value in JSON text: its bytes (quotes included) and its decoded text.
type jsonSpan struct {
	start, end int
	text       string
}

// jsonLDStrings finds the string values of jsonLDShown keys in src, in order, or nil when src
// is no JSON or holds none. A value with words only: a URL or date is no text.
func jsonLDStrings(src string) []jsonSpan {
	dec := json.NewDecoder(strings.NewReader(src))
	dec.UseNumber()
	var out []jsonSpan
	// Each open object or array, and for an object whether the next string is a key.
	type frame struct{ object, wantKey bool }
	var stack []frame
	key := ""
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return nil // cut short: no JSON
			}
			break
		}
		if err != nil {
			return nil
		}
		top := len(stack) - 1
		isKey := top >= 0 && stack[top].object && stack[top].wantKey
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				if top >= 0 && stack[top].object {
					stack[top].wantKey = true
				}
				stack = append(stack, frame{object: v == '{', wantKey: v == '{'})
			} else if top >= 0 {
				stack = stack[:top]
			}
			continue
		case string:
			if isKey {
				key = v
				stack[top].wantKey = false
				continue
			}
			if top >= 0 && stack[top].object && jsonLDShown[key] && hasWord(v) && !strings.Contains(v, "://") && !notText(v, true) {
				// Between the key and the value's end stand the colon, blanks and the value:
				// its opening quote is the first one after the colon. A span that does not
				// decode to the value is left alone.
				at, end := int(before), int(dec.InputOffset())
				if colon := strings.IndexByte(src[at:end], ':'); colon >= 0 {
					if q := strings.IndexByte(src[at+colon:end], '"'); q >= 0 {
						start := at + colon + q
						var check string
						if json.Unmarshal([]byte(src[start:end]), &check) == nil && check == v {
							out = append(out, jsonSpan{start: start, end: end, text: v})
						}
					}
				}
			}
		}
		if top >= 0 && stack[top].object {
			stack[top].wantKey = true
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
