package providers

import (
	"slices"

	"github.com/bitext/bitext/internal/german"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
		if strings.Contains(text, stem) || coreIn(text, t.Source) {
			out = append(out, t)
		}
	}
	return out
}

// separablePrefixes are the particles a German verb term may have apart from it in the text
// ("schafft … ab", "tritt … in Kraft", "abgeschafft"), longest first so that the longest one a
// word starts with is cut.
var separablePrefixes = longestFirst(german.SeparableParticles)

func longestFirst(ws []string) []string {
	out := slices.Clone(ws)
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// coreIn says whether a word of term, without a separable particle and a verb's ending
// ("schaff" of "abschaffen", "tret" of "treten"), stands in text: a term the glossary found as
// a separated verb or verb phrase, which the whole term's letters never match. Keeping a term
// too many costs a line in the request; dropping one lets its segment go unenforced.
func coreIn(text, term string) bool {
	for _, w := range strings.Fields(strings.ToLower(term)) {
		for _, p := range separablePrefixes {
			if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 5 {
				w = rest
				break
			}
		}
		for _, end := range []string{"en", "n"} {
			if rest, ok := strings.CutSuffix(w, end); ok && len(rest) >= 3 {
				w = rest
				break
			}
		}
		if len(w) >= 3 && strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// Protected is what a driver that shields term occurrences from translation (Google's
// translate="no" spans, DeepL's <keep> tags) sends in place of matched, an occurrence of t in
// the text. The service copies shielded words into the translation as they are, so they must
// already be the target language: the required rendering, whenever there is one that differs
// from the source. Only a name whose target is its source (NATO), or a term without a target,
// keeps the words as the text writes them (matched, which is the inflected or differently
// cased form found there). Shielding the German words instead put German into the English
// output whenever every term was made do-not-translate (glossary mode mask).
func (t Term) Protected(matched string) string {
	if t.Target != "" && (!t.DoNotTranslate || !strings.EqualFold(t.Target, t.Source)) {
		return t.Target
	}
	return matched
}

// WordBoundary reports whether text[start:end] is not part of a longer word: the characters
// around it are not letters or digits. Hyphens count as boundaries, so "NATO" is found in
// "NATO-Generalsekretär", but "Kreml" is not found in "Kremlsprecher": replacing part of a
// compound with a target rendering ("Kremlinsprecher") would break the word, so drivers that
// shield terms shield whole words only.
func WordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
