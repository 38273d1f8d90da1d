package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// Property types bitext writes in each <tu>. Other tools keep unknown x- properties.
const (
	propDoc        = "x-doc"
	propParagraph  = "x-paragraph"
	propSentence   = "x-sentence"
	propProvider   = "x-provider"
	propModel      = "x-model"
	propTMHit      = "x-tm-hit"
	propConfidence = "x-confidence"
	propViolation  = "x-violation" // one per violation, the Violation as JSON
)

type tmxWriter struct {
	bw      *bufio.Writer
	opt     WriterOptions
	started bool
	err     error // first write error; later calls return it
}

func newTMXWriter(w io.Writer, opt WriterOptions) *tmxWriter {
	return &tmxWriter{bw: bufio.NewWriter(w), opt: opt}
}

func (w *tmxWriter) header() {
	if w.started {
		return
	}
	w.started = true
	w.bw.WriteString(xml1)
	w.bw.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	w.bw.WriteString(`  <header creationtool="bitext"`)
	if w.opt.ToolVersion != "" {
		w.bw.WriteString(` creationtoolversion="`)
		escapeXML(w.bw, w.opt.ToolVersion, true)
		w.bw.WriteString(`"`)
	}
	w.bw.WriteString(` datatype="plaintext" segtype="sentence" adminlang="en" srclang="`)
	escapeXML(w.bw, w.opt.SourceLang, true)
	w.bw.WriteString(`" o-tmf="bitext"/>` + "\n  <body>\n")
}

const xml1 = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

func (w *tmxWriter) Write(p Pair) error {
	if w.err != nil {
		return w.err
	}
	if err := checkXMLText(p); err != nil {
		return err
	}
	w.header()
	w.bw.WriteString("    <tu>\n")
	if p.Doc != "" {
		w.prop(propDoc, p.Doc)
	}
	if p.Paragraph != 0 {
		w.prop(propParagraph, strconv.Itoa(p.Paragraph))
	}
	if p.Sentence != 0 {
		w.prop(propSentence, strconv.Itoa(p.Sentence))
	}
	if p.Provider != "" {
		w.prop(propProvider, p.Provider)
	}
	if p.Model != "" {
		w.prop(propModel, p.Model)
	}
	if p.TMHit {
		w.prop(propTMHit, "true")
	}
	if p.Confidence != 0 {
		w.prop(propConfidence, strconv.FormatFloat(p.Confidence, 'g', -1, 64))
	}
	for _, v := range p.Violations {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		w.prop(propViolation, string(b))
	}
	w.tuv(w.opt.SourceLang, p.Source)
	w.tuv(w.opt.TargetLang, p.Target)
	_, err := w.bw.WriteString("    </tu>\n")
	w.err = err
	return err
}

func (w *tmxWriter) prop(typ, value string) {
	w.bw.WriteString(`      <prop type="`)
	w.bw.WriteString(typ)
	w.bw.WriteString(`">`)
	escapeXML(w.bw, value, false)
	w.bw.WriteString("</prop>\n")
}

func (w *tmxWriter) tuv(lang, text string) {
	w.bw.WriteString(`      <tuv xml:lang="`)
	escapeXML(w.bw, lang, true)
	w.bw.WriteString(`"><seg>`)
	escapeXML(w.bw, text, false)
	w.bw.WriteString("</seg></tuv>\n")
}

// Close writes the footer (and the header, for an empty corpus) and flushes.
func (w *tmxWriter) Close() error {
	if w.err != nil {
		return w.err
	}
	w.header()
	w.bw.WriteString("  </body>\n</tmx>\n")
	return w.bw.Flush()
}

// escapeXML writes s with the XML special characters escaped. CR is written as a character
// reference so that parsers do not normalise it away; in attributes tab and LF are too.
func escapeXML(w *bufio.Writer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			if !attr {
				continue
			}
			esc = "&quot;"
		case '\r':
			esc = "&#xD;"
		case '\n':
			if !attr {
				continue
			}
			esc = "&#xA;"
		case '\t':
			if !attr {
				continue
			}
			esc = "&#x9;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// checkXMLText rejects text XML 1.0 cannot represent, rather than silently replacing it.
func checkXMLText(p Pair) error {
	for _, f := range []struct{ name, s string }{
		{"doc", p.Doc}, {"source", p.Source}, {"target", p.Target}, {"provider", p.Provider}, {"model", p.Model},
	} {
		for i, r := range f.s {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(f.s[i:]); size == 1 {
					return fmt.Errorf("tmx: %s has invalid UTF-8 at byte %d", f.name, i)
				}
			}
			if !isXMLChar(r) {
				return fmt.Errorf("tmx: %s has character %U at byte %d, which XML 1.0 cannot represent", f.name, r, i)
			}
		}
	}
	return nil
}

// isXMLChar is the Char production of XML 1.0.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
