package translate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/bitext/bitext/segment"
)

// The language check reads little: the stop-word test decides an ordinary German article from
// its first few hundred bytes, and only a document it cannot vouch for goes to the trigram
// detector, on a sample of at most langSample bytes. whatlanggo costs about 0.6 µs a byte; on
// 4 KB of every article that was most of the time of translating a folder from the memory.
const (
	langFast   = 600  // bytes the stop-word test looks at
	langSample = 1500 // bytes the trigram detector looks at
)

// NotSourceError reports a document that does not look like it is in the source language.
type NotSourceError struct {
	Doc      string
	Want     string  // ISO 639-1 code expected ("de")
	Detected string  // what the document looks like, ISO 639-1 when known
	Conf     float64 // detector confidence in [0,1]
}

func (e *NotSourceError) Error() string {
	return fmt.Sprintf("%s: looks like %s, not %s (confidence %.2f); use --force to translate it anyway",
		e.Doc, e.Detected, e.Want, e.Conf)
}

// CheckLanguage is a cheap check that a document is in lang (ISO 639-1, "de" by default): it
// returns a *NotSourceError when the document reliably looks like another language, and nil
// when it is in lang or too short or mixed to tell. It reads the first blocks only.
func CheckLanguage(doc *segment.Document, lang string) error {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if b.Len() >= langSample {
			break
		}
		if bl.Kept {
			continue // code and markup say nothing of the language
		}
		b.WriteString(bl.Text)
		b.WriteString("\n")
	}
	return CheckText(doc.Name, b.String(), lang)
}

// CheckText is CheckLanguage on the beginning of a document's text; name is for the error.
// Only the first langSample bytes matter.
func CheckText(name, text, lang string) error {
	if lang == "" {
		lang = "de"
	}
	// A regional tag is its language here: de-DE and de-CH text is German to the detector, which
	// knows languages, not regions ("looks like de, not de-de" refused every German document
	// when --source-lang de-DE was given).
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	lang = strings.ToLower(lang)
	text = clipUTF8(text, langSample)
	if utf8.RuneCountInString(text) < 40 {
		return nil
	}
	if lang == "de" && looksGerman(clipUTF8(text, langFast)) {
		return nil
	}
	info := whatlanggo.Detect(text)
	if info.Lang.Iso6391() == lang || !info.IsReliable() {
		return nil
	}
	return &NotSourceError{Doc: name, Want: lang, Detected: info.Lang.Iso6391(), Conf: info.Confidence}
}

// clipUTF8 returns at most n bytes of s, cut at a rune boundary.
func clipUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// looksGerman is the stop-word test: German running text is about a third function words
// (der, die, und, nicht, …), and English (or French, Dutch) text has almost none of these. It
// says yes only when German function words are frequent and clearly outnumber English ones, so
// that anything doubtful goes to the detector.
func looksGerman(text string) bool {
	words, de, en := 0, 0, 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if len(w) > 8 {
			continue
		}
		lw := strings.ToLower(w)
		if germanStopWords[lw] {
			de++
		} else if englishStopWords[lw] {
			en++
		}
	}
	return words >= 8 && de >= 3 && de*6 >= words && de >= 3*en
}

// germanStopWords are frequent German function words that are not also English words
// ("die", "will", "am", "also", "so", "in" are left out).
var germanStopWords = setOf("der", "das", "und", "ist", "nicht", "mit", "den", "dem", "des", "von", "zu",
	"ein", "eine", "einer", "eines", "einem", "einen", "im", "auf", "für", "sich", "dass", "daß", "es",
	"auch", "wird", "wurde", "werden", "hat", "haben", "sie", "er", "wir", "ich", "bei", "nach", "aus",
	"über", "als", "noch", "wie", "zum", "zur", "oder", "aber", "nur", "vor", "durch", "sind", "war",
	"kann", "sagte", "nach", "gegen", "seit", "diese", "dieser", "dieses", "mehr", "schon", "sein",
	"seine", "ihre", "ihr", "wenn", "sowie", "unter", "zwischen", "soll", "hatte", "wurden", "keine")

// englishStopWords are frequent English function words, to tell an English text full of German
// names from a German one.
var englishStopWords = setOf("the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "are",
	"be", "by", "this", "it", "from", "has", "have", "which", "were", "not", "but", "its", "their",
	"they", "he", "she", "we", "at", "an", "or", "would", "said", "been", "will")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
