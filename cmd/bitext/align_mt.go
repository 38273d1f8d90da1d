package main

import (
	"errors"
	"fmt"
	"iter"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/translate"
)

// alignMTFlags are the flags of `bitext align --provider`: the shared provider flags and the
// translation memory, so that aligning again costs no request.
func alignMTFlags() []cli.Flag {
	return append(providerFlags(), tmFlags()...)
}

// translateForAlign translates the source sentences one by one into the target language with
// the provider the flags name, through the translation memory, for MT-assisted alignment.
func translateForAlign(c *cli.Context, src *alignSide, tgtLang string) ([]string, error) {
	p, err := openProvider(c)
	if err != nil {
		return nil, err
	}
	tr := &translate.Translator{Provider: p, SourceLang: src.lang, TargetLang: tgtLang}
	db, err := openTM(c)
	if err != nil {
		return nil, inputError(err)
	}
	if db != nil {
		defer db.Close()
		tr.Memory = db
	}
	// One block per sentence: the pipeline translates exactly these sentences, in order.
	doc := &segment.Document{Name: src.name, Lang: src.lang}
	for _, s := range src.sentences {
		doc.Blocks = append(doc.Blocks, segment.Block{Kind: segment.Paragraph, Text: s, Sentences: []segment.Span{{Text: s, Start: 0, End: len(s)}}})
	}
	var docs iter.Seq2[*segment.Document, error] = func(yield func(*segment.Document, error) bool) { yield(doc, nil) }
	var mt []string
	_, err = tr.Run(c.Context, docs, func(r *translate.Result) error {
		for _, pr := range r.Pairs {
			mt = append(mt, pr.Target)
		}
		return nil
	})
	// Some sentences without a usable answer (after every retry) are aligned without MT, as
	// an MT line the engine gave back untranslated is: one bad answer failed the whole
	// alignment with exit 3. A provider that answered nothing usable still fails it.
	var failed *translate.FailedError
	if errors.As(err, &failed) && len(failed.Segments) < len(src.sentences) && len(mt) == len(src.sentences) {
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s of %s got no usable translation (%v): aligned without MT for them\n",
			count(len(failed.Segments), "sentence"), src.name, failed.Segments[0].Err)
		err = nil
	}
	if err != nil {
		return nil, err
	}
	if len(mt) != len(src.sentences) {
		return nil, fmt.Errorf("translating %s: %d translations for %d sentences", src.name, len(mt), len(src.sentences))
	}
	return mt, nil
}
