package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headings and names written in Title Case capitalise every word, verbs and pronouns among
// them: "Reference Cycles Can Leak Memory", "Who This Book Is For", "Resource Acquisition Is
// Initialization" (The Rust Programming Language). The words that end an unpunctuated
// sentence (noPunctStartersEN, noPunctStartersDE) are evidence only where the words around
// them are in ordinary case: between capitalised words, "Is" and "Can" say nothing, and the
// line was cut into "Reference Cycles" and "Can Leak Memory".

// smallWordsEN stay in lower case inside an English title ("All the Places Patterns Can Be
// Used", "Adding a Key and Value Only If a Key Isn’t Present").
var smallWordsEN = toSet("a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at",
	"by", "for", "from", "with", "as", "vs", "via", "per")

// maxTitleWords bounds the words a German title may have on either side of the opener: a
// heading is short, and the test runs before every opener in running text.
const maxTitleWords = 12

// inTitleCase reports whether the sentence opener text[j:k], after the space at j-1, stands
// inside a run of capitalised words that began at start or later.
//
// English capitalises nothing but names and "I" inside a sentence, so the words next to the
// opener decide: the word before it and the word after it (after any small words) are
// capitalised, and the word before that is too, or is a small word, or the title began with
// the word before ("— @alloy, [\"Why We Don't Accept Donations\"]"). "Thanks Nina We are
// …" still ends after "Nina".
//
// German capitalises every noun ("Tolles Hotel Unser Zimmer war sauber" is two sentences), so
// all of it must be capitalised: every word from start to the opener and every word after it
// up to the end of the text or of the next sentence ("Der Server Ist Down").
func (s *splitter) inTitleCase(start, j, k int) bool {
	text := s.text
	if s.en {
		before := prevToken(text, start, j-1)
		if !capitalised(before) {
			return false
		}
		if at := j - 1 - len(before); at > start && !startsWithOpener(before) {
			if w := prevToken(text, start, at-1); !capitalised(w) && !inSet(smallWordsEN, w) {
				return false
			}
		}
		for n, at := 0, k; n < 3; n++ {
			w := nextToken(text, at)
			if !inSet(smallWordsEN, w) {
				return capitalised(w)
			}
			at += 1 + len(w)
		}
		return false
	}
	words := 0
	for at := j - 1; at > start; {
		w := prevToken(text, start, at)
		if words++; words > maxTitleWords || lowerCase(w) {
			return false
		}
		at -= len(w) + 1
	}
	for n, at := 0, k; at < len(text) && text[at] == ' '; n++ {
		w := nextToken(text, at)
		if n == maxTitleWords || w == "" || lowerCase(w) {
			return false
		}
		if strings.ContainsRune(".!?…", lastRune(w)) {
			return true // the sentence ends here: a heading with a final "!" or "?"
		}
		at += 1 + len(w)
	}
	return true
}

// nextToken returns the run of bytes up to the next space after the space at i.
func nextToken(text string, i int) string {
	if i >= len(text) || text[i] != ' ' {
		return ""
	}
	rest := text[i+1:]
	if end := strings.IndexByte(rest, ' '); end >= 0 {
		return rest[:end]
	}
	return rest
}

// capitalised reports a token whose first letter, after opening quotes and brackets, is upper
// case.
func capitalised(tok string) bool {
	r := firstLetter(tok)
	return r != 0 && unicode.IsUpper(r)
}

// lowerCase reports a token whose first letter, after opening quotes and brackets, is lower case
// (a token of no letters, a number or a dash, is neither).
func lowerCase(tok string) bool {
	r := firstLetter(tok)
	return r != 0 && !unicode.IsUpper(r) && !unicode.IsTitle(r)
}

// firstLetter returns the first rune of tok after opening quotes and brackets if it is a letter,
// else 0.
func firstLetter(tok string) rune {
	for _, r := range tok {
		if isOpener(r) {
			continue
		}
		if unicode.IsLetter(r) {
			return r
		}
		return 0
	}
	return 0
}

func startsWithOpener(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return isOpener(r)
}
