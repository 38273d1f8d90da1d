package glossary

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/bitext/bitext/corpus"
)

// parseTMX reads a TMX file as a glossary, as Google Cloud Translation accepts one: every
// translation unit with a segment in both languages is an entry, source → target. The corpus
// package's reader does the XML (TMX 1.1–1.4, BOMs, declared encodings, inline codes).
// Translation units without both languages are skipped; a file where none has both is an
// error, so that a TMX in other languages is not taken for an empty glossary.
func parseTMX(data []byte, name string, o Options) ([]*Entry, error) {
	r, err := corpus.NewReader(corpus.TMX, bytes.NewReader(data), name, corpus.ReaderOptions{SourceLang: o.Source, TargetLang: o.Target})
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	var es []*Entry
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var ie *corpus.InputError
			if errors.As(err, &ie) {
				return nil, &Error{File: name, Line: ie.Line, Msg: ie.Msg}
			}
			return nil, &Error{File: name, Msg: err.Error()}
		}
		e := &Entry{
			Source: strings.Join(strings.Fields(p.Source), " "),
			Target: strings.Join(strings.Fields(p.Target), " "),
			Match:  MatchStem, File: name,
		}
		e.setDefaultCase()
		es = append(es, e)
	}
	if len(es) == 0 {
		return nil, errorf(name, 0, "no translation units in %s and %s (%d without both languages)", o.Source, o.Target, corpus.ReaderSkipped(r))
	}
	return es, nil
}
