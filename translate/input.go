package translate

import (
	"iter"

	"github.com/bitext/bitext/segment"
)

// Input is a document read block by block, so that an article of any size can be planned and
// translated without holding it whole: PlanInputs and RunInputs take inputs, Plan and Run take
// whole *segment.Document values.
//
// The pipeline ranges over Blocks exactly once and to its end (or until the run stops) before it
// asks for the next Input, so a reader behind Blocks may be closed once the iterator that yields
// the Input resumes.
type Input struct {
	Name   string
	Format segment.Format
	Lang   string
	// Blocks yields the blocks in order; an error ends the document and the run.
	Blocks iter.Seq2[segment.Block, error]
}

// ScanInput returns an Input that reads sc lazily. When lang is not "", the first blocks (enough
// for CheckLanguage) are read at once and checked: a document that reliably looks like another
// language gives a *NotSourceError, and an error reading those blocks is returned as well.
func ScanInput(sc *segment.Scanner, name, lang string) (Input, error) {
	in := Input{Name: name, Format: sc.Format(), Lang: lang}
	var head []segment.Block
	if lang != "" {
		var sample []byte
		for len(sample) < langSample && sc.Scan() {
			b := sc.Block()
			head = append(head, b)
			sample = append(sample, b.Text...)
			sample = append(sample, '\n')
		}
		if err := sc.Err(); err != nil {
			return Input{}, err
		}
		if err := CheckText(name, string(sample), lang); err != nil {
			return Input{}, err
		}
	}
	in.Blocks = func(yield func(segment.Block, error) bool) {
		for _, b := range head {
			if !yield(b, nil) {
				return
			}
		}
		head = nil
		for sc.Scan() {
			if !yield(sc.Block(), nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(segment.Block{}, err)
		}
	}
	return in, nil
}

// source is one input document as the pipeline reads it: a whole document (doc set) or an
// Input.
type source struct {
	doc *segment.Document
	in  Input
}

func (s source) name() string {
	if s.doc != nil {
		return s.doc.Name
	}
	return s.in.Name
}

// wholeDocs adapts documents to sources.
func wholeDocs(docs iter.Seq2[*segment.Document, error]) iter.Seq2[source, error] {
	return func(yield func(source, error) bool) {
		for d, err := range docs {
			if !yield(source{doc: d}, err) {
				return
			}
		}
	}
}

// inputs adapts inputs to sources.
func inputs(ins iter.Seq2[Input, error]) iter.Seq2[source, error] {
	return func(yield func(source, error) bool) {
		for in, err := range ins {
			if !yield(source{in: in}, err) {
				return
			}
		}
	}
}
