package translate

import (
	"fmt"
	"strings"

	"github.com/abadojack/whatlanggo"

	"github.com/bitext/bitext/segment"
)

// langSample bounds the text the language check looks at; a few paragraphs decide it.
const langSample = 4000

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
// returns a *NotSourceError when a trigram detector reliably says it is another language, and
// nil when the document is in lang or too short or mixed to tell.
func CheckLanguage(doc *segment.Document, lang string) error {
	if lang == "" {
		lang = "de"
	}
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if b.Len() >= langSample {
			break
		}
		b.WriteString(bl.Text)
		b.WriteString("\n")
	}
	text := b.String()
	if len([]rune(text)) < 40 {
		return nil
	}
	info := whatlanggo.Detect(text)
	if info.Lang.Iso6391() == lang || !info.IsReliable() {
		return nil
	}
	return &NotSourceError{Doc: doc.Name, Want: lang, Detected: info.Lang.Iso6391(), Conf: info.Confidence}
}
