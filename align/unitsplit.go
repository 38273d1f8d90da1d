package align

import (
	"context"
	"strconv"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/segment"
)

// SplitMinConfidence is the least confidence every bead of a unit needs for the unit to be cut
// into sentence pairs (see SentencePairs): beads that sure are right at least 90 % of the time
// (calib.go), and a unit is cut only when all of them are.
const SplitMinConfidence = 0.9

// SentencePairs reads r's pairs and, after a pair whose two sides each hold several sentences
// (a paragraph-level unit of a CAT tool's TMX, a unit of bitext's own translated XLIFF), returns
// its sentence pairs too, numbered in the unit (Sentence) and with its note, so that a memory
// they are imported into answers translate's lookups, which are sentence by sentence. A unit is
// cut only when its sides have as many sentences and they align one to one, each bead at
// SplitMinConfidence or more: a wrong sentence pair in a memory would be taken for a person's
// translation. Units with inline codes are left whole: their sentences' codes would have to be
// cut apart too, and a plain entry made from them would answer words the codes stand between.
//
// opt aligns each unit (SrcLang and TgtLang default to "de" and "en", the languages the
// sentences are split by). A few sentences share few words across languages, and the aligner
// does not vouch for beads without evidence (an unrelated pair's confidence is capped at 0.5):
// without a dictionary (opt.Dict) only units whose sentences share names, numbers or words are
// cut.
func SentencePairs(ctx context.Context, r corpus.Reader, opt Options) *SentenceReader {
	if opt.SrcLang == "" {
		opt.SrcLang = "de"
	}
	if opt.TgtLang == "" {
		opt.TgtLang = "en"
	}
	return &SentenceReader{ctx: ctx, r: r, opt: opt}
}

// SentenceReader is the corpus.Reader SentencePairs returns.
type SentenceReader struct {
	ctx              context.Context
	r                corpus.Reader
	opt              Options
	queue            []corpus.Pair
	split, sentences int
}

// Next returns the next pair: r's, or one of the sentence pairs of the unit r returned last.
func (s *SentenceReader) Next() (corpus.Pair, error) {
	if len(s.queue) > 0 {
		p := s.queue[0]
		s.queue = s.queue[1:]
		return p, nil
	}
	p, err := s.r.Next()
	if err != nil {
		return p, err
	}
	if err := s.cut(p); err != nil {
		return corpus.Pair{}, err
	}
	return p, nil
}

// Split returns how many units were cut into sentence pairs so far, and how many sentence pairs
// they gave (none for a nil reader).
func (s *SentenceReader) Split() (units, sentences int) {
	if s == nil {
		return 0, 0
	}
	return s.split, s.sentences
}

// Name passes on the underlying reader's file name, which errors about a pair name.
func (s *SentenceReader) Name() string { return corpus.ReaderName(s.r) }

// Skipped passes on the count of units the underlying reader skipped (TMX units lacking a
// language), for the import's summary.
func (s *SentenceReader) Skipped() int { return corpus.ReaderSkipped(s.r) }

// cut queues the sentence pairs of p when it is a unit to cut.
func (s *SentenceReader) cut(p corpus.Pair) error {
	if p.SourceTagged != "" || p.TargetTagged != "" {
		return nil
	}
	src := sentenceTexts(p.Source, s.opt.SrcLang)
	tgt := sentenceTexts(p.Target, s.opt.TgtLang)
	if len(src) < 2 || len(src) != len(tgt) {
		return nil
	}
	beads, err := AlignContext(s.ctx, src, tgt, s.opt)
	if err != nil {
		return err
	}
	if len(beads) != len(src) {
		return nil
	}
	for _, b := range beads {
		if len(b.Src) != 1 || len(b.Tgt) != 1 || b.Confidence < SplitMinConfidence {
			return nil
		}
	}
	for k, b := range beads {
		q := p
		q.Source, q.Target = src[b.Src[0]], tgt[b.Tgt[0]]
		q.Sentence = k + 1
		q.Confidence = b.Confidence
		if p.ID != "" {
			q.ID = p.ID + "#" + strconv.Itoa(k+1)
		}
		s.queue = append(s.queue, q)
	}
	s.split++
	s.sentences += len(beads)
	return nil
}

// sentenceTexts splits text into its sentences.
func sentenceTexts(text, lang string) []string {
	spans := segment.SplitSentences(text, lang)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = text[sp.Start:sp.End]
	}
	return out
}
