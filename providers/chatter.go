package providers

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// ChatterSuspect is a SuspectChatter reason when translation holds more than a translation of
// source: a preamble ("Here is the translation:", "Sure! Here's the English translation:",
// "Translation:", "Hier ist die Übersetzung:"), a note after it ("Note: I kept the name …",
// "(Note: …)"), a paragraph of its own, or quotation marks around the whole answer — each
// only when the source has nothing it could be the translation of. Small chat models answer
// like this even inside the JSON asked for; otherwise "" is returned.
//
// Every rule compares with the source, so that a source's own words come through: a title
// "Übersetzung: die Geschichte eines Handwerks" may become "Translation: the history of a
// craft", a "Hinweis:" line a "Note:" line, a quoted source a quoted answer. "Note that …" is
// English prose, never a note. The rules err towards letting an answer pass: a chatty answer
// missed is what bitext did before; a good one flagged costs a request and a user's look.
//
// The chatter is flagged, never cut off, even in its plainest form (a first line "Here is the
// translation:" and a blank line). A cut is a guess about where the model's words end and the
// translation begins — a preamble and the text share a line, quotation marks may or may not be
// the source's, a note may explain that the text before it was changed — and a wrong guess
// lands silently in the output and the translation memory. A model that chats has not
// followed the instructions either, so the rest of its answer earns no more trust. Flagged,
// the segment is asked again on its own with feedback naming the chatter, which costs one
// short request and usually gets the bare translation; an answer still chatty after that is
// flagged in the output and the summary and not stored in the translation memory. Cutting
// the plain form only would save that request at the price of bitext writing text no
// provider answered.
func ChatterSuspect(source, translation string) string {
	answer := strings.TrimLeft(translation, decoration)
	// A word about translating, or the target language's name, that the source does not
	// have counts as the model's own.
	if m := preamble.FindString(answer); m != "" && aboutTranslation(translation) > aboutTranslation(source) {
		return chatter("preamble", m)
	}
	if !noteInSource.MatchString(source) {
		if loc := noteLabel.FindStringIndex(translation); loc != nil && strings.Count(translation, ":") > strings.Count(source, ":") {
			return chatter("note", strings.TrimLeft(translation[loc[0]:], ".!?…\"”»)] \t\r\n*_"))
		}
		if loc := bracketNote.FindStringIndex(translation); loc != nil && brackets(translation) > brackets(source) {
			return chatter("note", translation[loc[0]:])
		}
	}
	if blankLine.MatchString(strings.TrimSpace(translation)) && !blankLine.MatchString(source) {
		return chatter("a paragraph the source does not have", extraParagraph(strings.TrimSpace(translation)))
	}
	// Any quotation mark in the source, single ones and apostrophes too ('Nein', ‚Nein‘),
	// may become the answer's double ones.
	if wrappedInQuotes(translation) && !strings.ContainsAny(source, quoteMarks+"'‚‘’‹›") {
		return SuspectChatter + ": quotation marks around the whole answer"
	}
	return ""
}

// chatter is the reason for chatter of a kind, with its first words as found.
func chatter(kind, text string) string {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > 40 {
		text = string([]rune(text)[:40]) + "…"
	}
	return fmt.Sprintf("%s: %s %q", SuspectChatter, kind, text)
}

// decoration is what a model puts before its first word: spaces, Markdown emphasis and
// headings, quotation marks.
const decoration = " \t\r\n*_#>\"“”„«»'‚‘’"

// preamble matches the start of an answer that announces a translation: conversational ("Here
// is the translation", "Sure! Here's my English translation of the text:", "Hier ist die
// Übersetzung") or a label ("Translation:", "English translation:", "English:", "Übersetzung:",
// "The translation is:"). A label needs its colon; "Translation as a craft" is a title.
var preamble = regexp.MustCompile(`(?i)^(?:(?:sure|certainly|of course|okay|ok|absolutely|gladly|klar|gerne|natürlich|selbstverständlich)\b[^\n:]{0,20}?[!,.]\s*)?(?:` +
	`(?:here(?:'s|’s|\s+is|\s+are)|below\s+is|hier\s+(?:ist|sind|die|eine))\s[^\n:]{0,40}?(?:translat|übersetz)[^\n:.!]{0,40}[:.!]?` +
	`|(?:the\s+|die\s+)?(?:(?:english|englische)\s+)?(?:translation|translated\s+text|übersetzung|english|englisch)(?:\s*\([^)\n]{0,20}\))?(?:\s+(?:is|reads|would\s+be|lautet))?\s*[*_]*\s*:)`)

// aboutTranslation counts the words of s about translating or naming English: "Translation",
// "translated", "Übersetzung", "Dolmetscher", "English", "Englisch".
func aboutTranslation(s string) int {
	n := 0
	for _, w := range words(s) {
		for _, stem := range []string{"translat", "übersetz", "dolmetsch", "english", "englisch"} {
			if strings.Contains(w, stem) {
				n++
				break
			}
		}
	}
	return n
}

// noteLabel matches a note's label after the translation: after a sentence's end or a line
// break, "Note:", "Translator's note:", "Hinweis:" and the like, colon required ("Note that the
// tram …" is a sentence).
var noteLabel = regexp.MustCompile(`(?i)(?:[.!?…"”»)\]]\s+|\n\s*)[*_]*(?:translator['’]?s\s+notes?|translation\s+notes?|editor['’]?s\s+notes?|notes?|n\.\s?b\.?|please\s+note|anmerkung(?:\s+des\s+übersetzers)?|hinweis|explanation|erläuterung|erklärung)[*_]*\s*:`)

// bracketNote matches a note in brackets: "(Note: …)", "(Note that I kept …)", "[Translator's
// note …]".
var bracketNote = regexp.MustCompile(`(?i)[(\[]\s*(?:translator['’]?s\s+notes?|translation\s+notes?|editor['’]?s\s+notes?|notes?\b|n\.\s?b\.|anmerkung|anm\.|hinweis)`)

// noteInSource matches the words of a source whose translation may well read "Note": its own
// notes ("Hinweis:", "Anm. d. Red.") and calls for attention ("Beachten Sie", "Wichtig:").
var noteInSource = regexp.MustCompile(`(?i)hinweis|anmerk|\banm\.|notiz|\bnote|beacht|wichtig|achtung|vorsicht|\bn\.\s?b\.|\bp\.\s?s\.`)

func brackets(s string) int { return strings.Count(s, "(") + strings.Count(s, "[") }

var blankLine = regexp.MustCompile(`\n[ \t\r]*\n`)

// extraParagraph is the paragraph of a multi-paragraph answer most likely added: the first
// when it is the shorter of first and last ("Sure! Here you go:"), else the last ("I kept …").
func extraParagraph(s string) string {
	ps := blankLine.Split(s, -1)
	first, last := ps[0], ps[len(ps)-1]
	if len(first) < len(last) {
		return first
	}
	return last
}

// quoteMarks are the double quotation marks a model wraps an answer in.
const quoteMarks = "\"“”„«»"

// wrappedInQuotes reports whether s is one quotation: a double quotation mark first, one last
// (or before a final full stop), and none in between.
func wrappedInQuotes(s string) bool {
	s = strings.TrimSpace(s)
	first, size := utf8.DecodeRuneInString(s)
	if size == 0 || !strings.ContainsRune(quoteMarks, first) {
		return false
	}
	inner := strings.TrimRight(s[size:], ".!?")
	last, lsize := utf8.DecodeLastRuneInString(inner)
	if lsize == 0 || !strings.ContainsRune(quoteMarks, last) {
		return false
	}
	inner = inner[:len(inner)-lsize]
	return strings.TrimSpace(inner) != "" && !strings.ContainsAny(inner, quoteMarks)
}
