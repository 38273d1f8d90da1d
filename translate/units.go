package translate

import (
	"sort"
	"strings"
	"sync/atomic"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// unitState is one segment of a document on its way through the pipeline.
type unitState struct {
	block    int // index into Document.Blocks
	sentence int // index into Block.Sentences; -1 for a paragraph unit
	source   string
	context  string // the paragraph, for providers that take context; "" when it adds nothing

	terms   []providers.Term // glossary terms found in source, as sent to the provider (not with GlossaryCheck)
	entries []string         // the glossary entries of terms, for plans
	key     tm.Key

	target     string
	tmHit      bool
	violations []Violation
}

// job is one document in flight.
type job struct {
	index   int
	doc     *segment.Document
	units   []unitState
	pending atomic.Int64 // units not yet translated
	done    chan struct{}
	weight  int64 // window units held until the document is handed to the sink
}

func (j *job) resolve(n int) {
	if j.pending.Add(-int64(n)) == 0 {
		close(j.done)
	}
}

// blockSentences returns the sentences of a block; a block with text but no sentence spans is
// one sentence.
func blockSentences(b *segment.Block) []segment.Span {
	if len(b.Sentences) > 0 {
		return b.Sentences
	}
	if strings.TrimSpace(b.Text) == "" {
		return nil
	}
	return []segment.Span{{Text: b.Text, Start: 0, End: len(b.Text)}}
}

// newJob cuts a document into units and finds the glossary terms of each.
func (t *Translator) newJob(index int, doc *segment.Document) *job {
	j := &job{index: index, doc: doc, done: make(chan struct{})}
	provider, model := t.identity()
	mode := t.mode()
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		sents := blockSentences(b)
		if len(sents) == 0 {
			continue
		}
		if t.unit() == Paragraph {
			j.units = append(j.units, unitState{block: bi, sentence: -1, source: b.Text})
			continue
		}
		ctx := ""
		if len(sents) > 1 {
			ctx = b.Text
		}
		for si, s := range sents {
			j.units = append(j.units, unitState{block: bi, sentence: si, source: s.Text, context: ctx})
		}
	}
	for i := range j.units {
		u := &j.units[i]
		var termKeys []string
		if mode != GlossaryOff {
			u.terms, u.entries, termKeys = t.findTerms(u.source)
		}
		if mode == GlossaryCheck {
			termKeys = nil // nothing was sent, so nothing applied to the answer
		}
		u.key = tm.Key{
			Provider: provider, Model: model,
			SourceLang: t.srcLang(), TargetLang: t.tgtLang(),
			Source: u.source, Terms: termKeys, PromptVersion: t.promptVersion(),
		}
	}
	return j
}

// findTerms returns the distinct glossary terms in a source text as provider terms, the entry of
// each, and the memory keys of the entries (sorted, distinct), because the terms that applied are
// part of what was asked.
func (t *Translator) findTerms(source string) ([]providers.Term, []string, []string) {
	found := t.Glossary.Terms(source)
	if len(found) == 0 {
		return nil, nil, nil
	}
	seenTerm, seenKey := map[providers.Term]bool{}, map[string]bool{}
	var terms []providers.Term
	var entries, keys []string
	for _, ft := range found {
		term := ft.Term
		term.DoNotTranslate = term.DoNotTranslate || t.mode() == GlossaryMask
		if !seenTerm[term] {
			seenTerm[term] = true
			terms = append(terms, term)
			entries = append(entries, ft.Entry)
		}
		if !seenKey[ft.Entry] {
			seenKey[ft.Entry] = true
			keys = append(keys, ft.Entry)
		}
	}
	sort.Strings(keys)
	return terms, entries, keys
}
