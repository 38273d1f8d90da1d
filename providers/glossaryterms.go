package providers

import "strings"

// TermsIn keeps the terms that occur in segs: a part of a split batch, or a segment asked again
// alone, should not carry the whole batch's glossary. Matching is a case-insensitive substring
// test on the text without its placeholder tags ("<g1>"), generous on purpose: the caller
// already chose the terms with proper German matching; this only drops the ones that belong to
// the batch's other segments.
func TermsIn(terms []Term, segs []Segment) []Term {
	if len(terms) == 0 {
		return nil
	}
	var all strings.Builder
	for _, s := range segs {
		all.WriteString(strings.ToLower(placeholder.ReplaceAllString(s.Text, "")))
		all.WriteByte('\n')
	}
	text := all.String()
	var out []Term
	for _, t := range terms {
		stem := strings.ToLower(t.Source)
		// Inflected forms share a prefix; compare on the first words without the last letters.
		if r := []rune(stem); len(r) > 6 {
			stem = string(r[:len(r)-2])
		}
		if strings.Contains(text, stem) {
			out = append(out, t)
		}
	}
	return out
}
