package translate

import (
	"strings"

	"github.com/bitext/bitext/segment"
)

// Result is one translated document.
type Result struct {
	Index  int               // position of the document in the input, from 0
	Source *segment.Document // the document as read
	// Blocks are the translated blocks, one per source block with the same kind, level and
	// marker, so that the document renders with its structure.
	Blocks []segment.Block
	Pairs  []Pair // sentence pairs in document order
}

// Pair is a source sentence and its translation.
type Pair struct {
	Paragraph int // 1-based block number in the document
	Sentence  int // 1-based sentence number in the block
	Source    string
	Target    string
	TMHit     bool
	// Confidence is 1 for sentence units; for paragraph units it is the alignment's confidence.
	Confidence float64
	Violations []Violation
}

// Title returns the text of a document's first heading, or its first block, for rendering.
func Title(blocks []segment.Block) string {
	for _, b := range blocks {
		if b.Kind == segment.Heading {
			return b.Text
		}
	}
	if len(blocks) > 0 {
		return blocks[0].Text
	}
	return ""
}

// result puts a finished job back together.
func (t *Translator) result(j *job) (*Result, error) {
	res := &Result{Index: j.index, Source: j.doc, Blocks: make([]segment.Block, len(j.doc.Blocks))}
	byBlock := make([][]*unitState, len(j.doc.Blocks))
	for i := range j.units {
		u := &j.units[i]
		byBlock[u.block] = append(byBlock[u.block], u)
	}
	for bi, sb := range j.doc.Blocks {
		tb := segment.Block{Kind: sb.Kind, Level: sb.Level, Marker: sb.Marker}
		units := byBlock[bi]
		if t.unit() == Paragraph && len(units) == 1 {
			pairs, err := t.paragraphPairs(bi, &sb, units[0])
			if err != nil {
				return nil, err
			}
			res.Pairs = append(res.Pairs, pairs...)
			tb.Text = units[0].target
			tb.Sentences = segment.SplitSentences(tb.Text, t.tgtLang())
		} else {
			var b strings.Builder
			for si, u := range units {
				if si > 0 {
					b.WriteByte(' ')
				}
				start := b.Len()
				b.WriteString(u.target)
				tb.Sentences = append(tb.Sentences, segment.Span{Text: u.target, Start: start, End: b.Len()})
				res.Pairs = append(res.Pairs, Pair{
					Paragraph: bi + 1, Sentence: u.sentence + 1,
					Source: u.source, Target: u.target, TMHit: u.tmHit,
					Confidence: 1, Violations: u.violations,
				})
			}
			tb.Text = b.String()
		}
		res.Blocks[bi] = tb
	}
	return res, nil
}

// paragraphPairs splits a translated paragraph into sentences and aligns them with the source
// sentences.
func (t *Translator) paragraphPairs(bi int, sb *segment.Block, u *unitState) ([]Pair, error) {
	var src []string
	for _, s := range blockSentences(sb) {
		src = append(src, s.Text)
	}
	var tgt []string
	for _, s := range segment.SplitSentences(u.target, t.tgtLang()) {
		tgt = append(tgt, s.Text)
	}
	beads, err := t.align(src, tgt)
	if err != nil {
		return nil, err
	}
	pairs := make([]Pair, 0, len(beads))
	for _, bd := range beads {
		p := Pair{Paragraph: bi + 1, TMHit: u.tmHit, Confidence: bd.Confidence}
		p.Source = joinAt(src, bd.Src)
		p.Target = joinAt(tgt, bd.Tgt)
		if len(bd.Src) > 0 {
			p.Sentence = bd.Src[0] + 1
		} else if len(pairs) > 0 {
			p.Sentence = pairs[len(pairs)-1].Sentence
		} else {
			p.Sentence = 1
		}
		pairs = append(pairs, p)
	}
	// A paragraph's violations go to the pair whose source holds the term.
	for _, v := range u.violations {
		at := 0
		for i, p := range pairs {
			if v.SourceTerm != "" && strings.Contains(strings.ToLower(p.Source), strings.ToLower(v.SourceTerm)) {
				at = i
				break
			}
		}
		if len(pairs) > 0 {
			pairs[at].Violations = append(pairs[at].Violations, v)
		}
	}
	return pairs, nil
}

func joinAt(s []string, idx []int) string {
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = s[k]
	}
	return strings.Join(parts, " ")
}

// align uses the configured aligner, or pairs sentences one to one when the counts agree and
// the whole paragraph as one pair otherwise.
func (t *Translator) align(src, tgt []string) ([]Bead, error) {
	if len(src) == len(tgt) {
		beads := make([]Bead, len(src))
		for i := range src {
			beads[i] = Bead{Src: []int{i}, Tgt: []int{i}, Confidence: 1}
		}
		return beads, nil
	}
	if t.Align != nil && len(src) > 0 && len(tgt) > 0 {
		return t.Align(src, tgt)
	}
	all := func(n int) []int {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	return []Bead{{Src: all(len(src)), Tgt: all(len(tgt)), Confidence: 0.5}}, nil
}
