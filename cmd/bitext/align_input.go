package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/segment"
)

// alignSide is one document as the aligner sees it.
type alignSide struct {
	name      string
	lang      string
	sentences []string
	breaks    []int // first sentence of each paragraph after the first
	para, sen []int // 1-based paragraph and sentence-in-paragraph of each sentence
}

func openAlignInput(c *cli.Context, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(c.App.Reader), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, inputError(err)
	}
	return f, nil
}

// readAlignSide reads SRC or TGT: presplit lines, or an article through the segment package.
func readAlignSide(c *cli.Context, name, lang string) (*alignSide, error) {
	r, err := openAlignInput(c, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	s := &alignSide{name: name, lang: lang}
	if c.Bool("presplit") {
		if s.sentences, s.breaks, err = align.ReadPresplitContext(c.Context, r, name); err != nil {
			return nil, inputError(err)
		}
	} else {
		var f segment.Format
		if in := c.String("input-format"); in != "" {
			if f, err = segment.ParseFormat(in); err != nil {
				return nil, usageErrorf("--input-format: %v", err)
			}
		}
		doc, err := segment.ReadContext(c.Context, r, name, segment.Options{Format: f, Lang: lang})
		if err != nil {
			return nil, inputError(err)
		}
		for p, b := range doc.Blocks {
			if len(b.Sentences) > 0 && len(s.sentences) > 0 {
				s.breaks = append(s.breaks, len(s.sentences))
			}
			for k, sp := range b.Sentences {
				s.sentences = append(s.sentences, sp.Text)
				s.para = append(s.para, p+1)
				s.sen = append(s.sen, k+1)
			}
		}
	}
	if len(s.sentences) == 0 {
		return nil, inputError(fmt.Errorf("%s: no sentences to align", name))
	}
	if s.para == nil { // presplit: number paragraphs by the blank lines
		p, k, next := 1, 0, 0
		for i := range s.sentences {
			if next < len(s.breaks) && s.breaks[next] == i {
				p, k = p+1, 0
				next++
			}
			k++
			s.para = append(s.para, p)
			s.sen = append(s.sen, k)
		}
	}
	return s, nil
}

// readAlignMT reads --mt: one line per source sentence. A blank line is an empty translation
// when the file has exactly one line per sentence; otherwise blank lines are taken for paragraph
// breaks mirroring a presplit source, and skipped.
func readAlignMT(c *cli.Context, src *alignSide) ([]string, error) {
	name := c.String("mt")
	if name == "" {
		return nil, nil
	}
	r, err := openAlignInput(c, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var lines, nonBlank []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		b := bytes.TrimSpace(sc.Bytes())
		if err := align.CheckText(b); err != nil {
			return nil, inputError(fmt.Errorf("%s:%d: %v", name, n, err))
		}
		lines = append(lines, string(b))
		if len(b) > 0 {
			nonBlank = append(nonBlank, string(b))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, inputError(fmt.Errorf("%s: %w", name, err))
	}
	switch len(src.sentences) {
	case len(lines):
		return lines, nil
	case len(nonBlank):
		return nonBlank, nil
	}
	return nil, inputError(fmt.Errorf("%s: %d lines (%d not blank), but %s has %d sentences: --mt needs one line per source sentence", name, len(lines), len(nonBlank), src.name, len(src.sentences)))
}

// readAlignDict builds the dictionary from --dict and --glossary.
func readAlignDict(c *cli.Context) (*align.Dictionary, error) {
	dictName, glossName := c.String("dict"), c.String("glossary")
	if dictName == "" && glossName == "" {
		return nil, nil
	}
	d := align.NewDictionary()
	if dictName != "" {
		// The parsed dictionary is cached by content hash: Ding's 360k entries load in a
		// tenth of the time of parsing them. Without a cache folder it is parsed each time.
		cache, err := align.DictionaryCacheDir()
		if err != nil {
			cache = ""
		}
		if err := d.ReadDictionaryFile(c.Context, dictName, cache); err != nil {
			return nil, inputError(err)
		}
	}
	if glossName != "" {
		g, err := glossary.Load(glossName)
		if err != nil {
			return nil, inputError(err)
		}
		for _, e := range g.Entries {
			for _, r := range e.Renderings() {
				d.Add(e.Source, r)
			}
		}
	}
	return d, nil
}

// readGold reads gold beads and checks that they fit the documents.
func readGold(name string, n, m int) ([]align.Bead, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, inputError(err)
	}
	defer f.Close()
	gold, err := align.ReadBeads(f, name)
	if err != nil {
		return nil, inputError(err) // *align.SyntaxError: file:line: message
	}
	if err := align.CheckRange(gold, n, m); err != nil {
		return nil, inputError(fmt.Errorf("%s: %w", name, err))
	}
	return gold, nil
}
