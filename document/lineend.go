package document

import "strings"

// A document is written with its own line ending: a file written on Windows (CRLF) stays CRLF,
// an LF file stays LF. The skeleton keeps its bytes, so only what is written in a segment's
// place can break the convention: a provider's translation answered over two lines (HTML and
// XLIFF write its line breaks as they are), the white space XML read around an XLIFF segment (a
// CRLF read as an LF), a Markdown hard line break (a code made of lines read without their CR:
// written with its own line's ending, mdInline). The writers give those the file's convention,
// its first line's ending, as text editors and the subtitle and .po writers take it; a file of
// one line is LF.

// lineEnding returns the line ending of a document's text: "\r\n" when its first line ends so,
// "\n" otherwise.
func lineEnding(text string) string {
	if i := strings.IndexByte(text, '\n'); i > 0 && text[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// withLineEnding writes the line breaks of s with the document's ending eol: in a CRLF
// document a bare LF becomes CRLF, in an LF document a CRLF becomes LF. A lone CR is left as it
// is (no format bitext reads ends its lines so).
func withLineEnding(s, eol string) string {
	if strings.IndexByte(s, '\n') < 0 {
		return s
	}
	if eol != "\r\n" {
		if strings.IndexByte(s, '\r') < 0 {
			return s
		}
		return strings.ReplaceAll(s, "\r\n", "\n")
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			b.WriteByte('\r')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
