package document

import (
	"regexp"
	"strings"
	"unicode"
)

// Some texts on a page hold a letter or digit and are still no words to translate: a link whose
// text is its own address (DW's "https://p.dw.com/p/4boRv"), a bare number (heise's article id
// 4575877 in its footer), an identifier in an attribute (an <iframe title="GTM-PZGTJJ2">, an
// alt="1.JPG" that is a file name) or in structured data (heise's JSON-LD "description":
// "TileModule"). Sent, each cost a request and came back the same, or damaged. They are kept as
// they are. Only a text of one token without blanks can be such; a real word never is: the
// rules need a URL's scheme, only digits, a file's extension, an identifier's underscore or
// capitals and digits joined by a hyphen, or (names only, see identifierName) inner capitals.

// fileName is a file name with an extension of an image, a sound, a film or a document.
var fileName = regexp.MustCompile(`(?i)^[\pL\pN_.-]*[\pL\pN_]\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|mp3|mp4|m4a|ogg|wav|webm|mov|pdf|docx?|xlsx?|pptx?|zip|csv|json|xml)$`)

// codeName is an identifier of capitals and digits joined by hyphens or underscores, with a
// digit in it: a tag manager's container (GTM-PZGTJJ2), a product number. (A word of capitals
// alone, an acronym, is not one: "EU", "SPD-Fraktion".)
var codeName = regexp.MustCompile(`^[A-Z0-9]+(?:[-_][A-Z0-9]+)+$`)

// snakeName is an identifier with underscores (comments_outline_white, __proto_headline__).
var snakeName = regexp.MustCompile(`^_*[\pL\pN]+(?:_+[\pL\pN]+)*_*$`)

// camelName is a programmer's name in CamelCase: TileModule, AdModule. Brand names look the
// same (WhatsApp, LinkedIn) and are not translated either, but only where a page's program puts
// names (structured data, attributes) is it taken for one.
var camelName = regexp.MustCompile(`^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$`)

// notText says whether s (decoded, without codes) is no words to translate; names: s stands
// where a program's identifiers do (an attribute, JSON-LD), and CamelCase counts as one.
func notText(s string, names bool) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return false
	}
	switch {
	case bareURL(s), allDigits(s), fileName.MatchString(s), strings.Contains(s, "_") && snakeName.MatchString(s):
		return true
	case codeName.MatchString(s) && strings.ContainsAny(s, "0123456789"):
		return true
	}
	return names && camelName.MatchString(s)
}

// NotText says whether s, a block's or a segment's whole text (decoded, without codes), is no
// words to translate: a web address, a number, a file name or an identifier alone (see
// notText). Package segment keeps such a block of a page's main text as it is, as a whole page
// keeps such a text.
func NotText(s string) bool { return notText(s, false) }

// bareURL says whether s is a web address alone.
func bareURL(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"https://", "http://", "www."} {
		if strings.HasPrefix(l, p) && len(l) > len(p) {
			return true
		}
	}
	return false
}

// allDigits says whether s is digits alone (no separators: "1.000" is "1,000" in English).
func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
