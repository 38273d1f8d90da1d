package glossary

import (
	"strings"

	"github.com/bitext/bitext/segment"
)

// unit is one word of a text as the matcher sees it: a simple word, or one part of a hyphenated
// compound (US-Außenministeriums gives US and Außenministeriums).
type unit struct {
	surface    string // NFC, as written, without a trailing hyphen
	fold       string // lower case
	key        string // stem of fold
	start, end int    // byte offsets into the original text
	// joined says the unit directly continues the previous one: the next part of the same
	// compound, or the next word with only spaces between. Multi-word terms match only over
	// joined units, never across punctuation or numbers.
	joined bool
	// part says the unit is a later part of the same hyphenated word (amerikanischen in
	// US-amerikanischen), so that a whole word can be told from a piece of one.
	part bool
	// caseless says the whole text has no upper-case letter (a lower-cased corpus, a chat
	// message): its capitalization says nothing, so nounCase does not apply to it.
	caseless bool
}

// stemFunc turns a folded word into its matching key.
type stemFunc func(string) string

// textUnits splits text into units with segment.Words. Numbers, punctuation and symbols are
// not units; they only break the chain of joined units.
func textUnits(text, lang string, stem stemFunc) []unit {
	toks := segment.Words(text, lang)
	us := make([]unit, 0, len(toks))
	caseless := !hasUpper(text)
	joined := false
	for _, t := range toks {
		if t.Kind != segment.Word {
			joined = false
			continue
		}
		if t.Parts == nil {
			if u, ok := makeUnit(t.Text, t.Start, stem); ok {
				u.joined = joined
				u.caseless = caseless
				us = append(us, u)
			}
			joined = true
			continue
		}
		inWord := false
		for k, p := range t.Parts {
			u, ok := makeUnit(p.Text, p.Start, stem)
			if !ok {
				continue
			}
			u.joined = joined || k > 0
			u.part = inWord
			u.caseless = caseless
			inWord = true
			us = append(us, u)
		}
		// "NATO- und russische": a truncated compound ends with a hyphen and joins nothing.
		joined = !strings.HasSuffix(t.Text, "-")
	}
	return us
}

func makeUnit(s string, start int, stem stemFunc) (unit, bool) {
	for strings.HasSuffix(s, "-") || strings.HasSuffix(s, "\u2011") {
		s = strings.TrimSuffix(strings.TrimSuffix(s, "-"), "\u2011")
	}
	end := start + len(s)
	if s == "" {
		return unit{}, false
	}
	surface := nfc(s)
	f := fold(surface)
	k := f
	// The genitive of an acronym (NATOs, EUs) is the acronym: no stemmer knows these.
	if n := len(surface); n > 2 && surface[n-1] == 's' && isAcronym(surface[:n-1]) {
		k = f[:len(f)-1]
	}
	return unit{surface: surface, fold: f, key: stem(k), start: start, end: end}, true
}
