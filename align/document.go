package align

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/segment"
)

// Document is one side of a document pair as the aligner sees it: its sentences, where its
// paragraphs start, and optionally a machine translation of each sentence into the language of
// the other side.
type Document struct {
	Name      string   // file name, or a document id in a corpus
	Lang      string   // ISO 639-1 code ("de"); chooses the stemmer of the learned lexicon
	Sentences []string // one per line of a presplit file, or as segment split them
	Breaks    []int    // index of the first sentence of every paragraph after the first
	// Para and Sen are the 1-based paragraph and sentence-in-paragraph numbers of each sentence
	// (nil: computed from Breaks when needed).
	Para, Sen []int
	// MT is an optional machine translation of each sentence into the other side's language.
	MT []string
}

// ErrNoSentences is returned by ReadDocument for a document without text.
var ErrNoSentences = errors.New("no sentences to align")

// ReadOptions say how ReadDocument splits a document.
type ReadOptions struct {
	// Presplit: one sentence per line, blank lines between paragraphs (ReadPresplit).
	Presplit bool
	// Format of an article for segment ("" = from the name); ignored with Presplit.
	Format segment.Format
}

// ReadDocument reads one side of a pair: a presplit file, or an article (text, Markdown, HTML)
// split into sentences by segment, each block a paragraph. Errors name the file and line:
// *SyntaxError for presplit files, *segment.InputError for articles; a document without any
// sentence wraps ErrNoSentences.
func ReadDocument(ctx context.Context, r io.Reader, name, lang string, ro ReadOptions) (*Document, error) {
	d := &Document{Name: name, Lang: lang}
	if ro.Presplit {
		var err error
		if d.Sentences, d.Breaks, err = ReadPresplitContext(ctx, r, name); err != nil {
			return nil, err
		}
	} else {
		doc, err := segment.ReadContext(ctx, r, name, segment.Options{Format: ro.Format, Lang: lang})
		if err != nil {
			return nil, err
		}
		for p, b := range doc.Blocks {
			if len(b.Sentences) > 0 && len(d.Sentences) > 0 {
				d.Breaks = append(d.Breaks, len(d.Sentences))
			}
			for k, sp := range b.Sentences {
				d.Sentences = append(d.Sentences, sp.Text)
				d.Para = append(d.Para, p+1)
				d.Sen = append(d.Sen, k+1)
			}
		}
	}
	if len(d.Sentences) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNoSentences)
	}
	d.number()
	return d, nil
}

// number fills Para and Sen from Breaks when they are missing.
func (d *Document) number() {
	if len(d.Para) == len(d.Sentences) && len(d.Sen) == len(d.Sentences) {
		return
	}
	d.Para, d.Sen = make([]int, len(d.Sentences)), make([]int, len(d.Sentences))
	p, k, next := 1, 0, 0
	for i := range d.Sentences {
		for next < len(d.Breaks) && d.Breaks[next] <= i {
			if d.Breaks[next] == i && i > 0 {
				p, k = p+1, 0
			}
			next++
		}
		k++
		d.Para[i], d.Sen[i] = p, k
	}
}

// Text joins the sentences ids of d with spaces (the text of one side of a bead).
func (d *Document) Text(ids []int) string {
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return d.Sentences[ids[0]]
	}
	parts := make([]string, len(ids))
	for k, i := range ids {
		parts[k] = d.Sentences[i]
	}
	return strings.Join(parts, " ")
}

// ReadMT reads a machine translation of doc, one line per sentence. A blank line is an empty
// translation when the file has exactly one line per sentence; otherwise blank lines are taken
// for paragraph breaks mirroring a presplit document, and skipped. Any other count is an error
// naming both files.
func ReadMT(ctx context.Context, r io.Reader, name string, doc *Document) ([]string, error) {
	var lines, nonBlank []string
	sc := newLineScanner(r, name, 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		if n%pollEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		b := bytes.TrimSpace(sc.Bytes())
		if err := CheckText(b); err != nil {
			return nil, &SyntaxError{name, n, err.Error()}
		}
		lines = append(lines, string(b))
		if len(b) > 0 {
			nonBlank = append(nonBlank, string(b))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	switch len(doc.Sentences) {
	case len(lines):
		return lines, nil
	case len(nonBlank):
		return nonBlank, nil
	}
	return nil, fmt.Errorf("%s: %d lines (%d not blank), but %s has %d sentences: a machine translation needs one line per sentence", name, len(lines), len(nonBlank), doc.Name, len(doc.Sentences))
}

// AddGlossary adds every rendering of every glossary entry to d, so that glossary terms are
// anchors for the aligner.
func (d *Dictionary) AddGlossary(g *glossary.Glossary) {
	if g == nil {
		return
	}
	for _, e := range g.Entries {
		for _, r := range e.Renderings() {
			d.Add(e.Source, r)
		}
	}
}

// Documents aligns the sentences of a document pair: opt is completed from the documents
// (their paragraph breaks, languages and machine translations: src.MT into the target language,
// tgt.MT into the source language), and the beads carry calibrated confidences. It is the one
// way bitext aligns a document pair (align, check, translate --unit paragraph).
func Documents(ctx context.Context, src, tgt *Document, opt Options) ([]Bead, error) {
	return AlignContext(ctx, src.Sentences, tgt.Sentences, src.options(tgt, opt))
}

// options completes opt from the documents; fields already set in opt win.
func (src *Document) options(tgt *Document, opt Options) Options {
	if opt.SrcBreaks == nil {
		opt.SrcBreaks = src.Breaks
	}
	if opt.TgtBreaks == nil {
		opt.TgtBreaks = tgt.Breaks
	}
	if opt.MT == nil {
		opt.MT = src.MT
	}
	if opt.MTTgt == nil {
		opt.MTTgt = tgt.MT
	}
	if opt.SrcLang == "" {
		opt.SrcLang = src.Lang
	}
	if opt.TgtLang == "" {
		opt.TgtLang = tgt.Lang
	}
	return opt
}

// Pairs turns beads into corpus pairs: the beads with two non-empty sides, a group's sentences
// joined by a space, with the document's name, the paragraph and sentence number of the bead's
// first source sentence and the confidence rounded to three decimals.
func Pairs(src, tgt *Document, beads []Bead) []corpus.Pair {
	src.number()
	var out []corpus.Pair
	for _, b := range beads {
		if len(b.Src) == 0 || len(b.Tgt) == 0 {
			continue
		}
		out = append(out, corpus.Pair{
			Doc:        src.Name,
			Paragraph:  src.Para[b.Src[0]],
			Sentence:   src.Sen[b.Src[0]],
			Source:     src.Text(b.Src),
			Target:     tgt.Text(b.Tgt),
			Confidence: roundConf(b.Confidence),
		})
	}
	return out
}

// roundConf is a confidence as the pair formats write it: three decimals, rounded down as Shown
// rounds the two-decimal ones, so that a pair written as 0.96 passes --min-confidence 0.96 and a
// reader's filter on the written value (jq 'select(.confidence >= 0.96)') keeps no pair the
// option dropped (rounded to nearest, 0.9596 was written 0.96 and dropped by the option).
func roundConf(c float64) float64 { return math.Floor(c*1000+1e-9) / 1000 }

// FilterConfidence returns the beads whose confidence is in [lo, hi] (a new slice).
func FilterConfidence(beads []Bead, lo, hi float64) []Bead {
	out := make([]Bead, 0, len(beads))
	for _, b := range beads {
		if b.Confidence >= lo && b.Confidence <= hi {
			out = append(out, b)
		}
	}
	return out
}
