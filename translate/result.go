package translate

import (
	"context"
	"strings"

	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/segment"
)

// Result is one translated document, or with RunInputs one piece of one.
type Result struct {
	Index int // position of the document in the input, from 0
	// Source is the document as read; with RunInputs, a document holding the piece's blocks.
	Source *segment.Document
	// Blocks are the translated blocks, one per source block with the same kind, level and
	// marker, so that the document renders with its structure.
	Blocks []segment.Block
	Pairs  []Pair // sentence pairs in document order

	// Part is the piece's position in its document (from 0), FirstBlock the position of its
	// first block in the document, and Final marks the document's last piece. Run hands whole
	// documents: Part 0, FirstBlock 0, Final true.
	Part       int
	FirstBlock int
	Final      bool
}

// Pair is a source sentence and its translation.
type Pair struct {
	Paragraph int // 1-based block number in the document
	Sentence  int // 1-based sentence number in the block
	Source    string
	Target    string
	TMHit     bool
	// People says that Target is a memory entry people made (imported from a CAT tool's
	// memory, or reviewed), not a machine translation: a pair file names no provider for it,
	// and an XLIFF target of such answers only says state-qualifier="leveraged-tm".
	People bool
	// Confidence is 1 for sentence units; for paragraph units it is the alignment's confidence.
	Confidence float64
	// Findings are the glossary violations and suspect answers left in Target, as
	// qa.Violations — the type check, report and review use — located in Source and Target
	// (byte offsets), with the glossary entry, its note and its other renderings where the
	// glossary knows them; a suspect answer is a flag of kind Suspect whose Message is the
	// reason. Their Location names the document, the pair's 1-based position in the Result's
	// Pairs and "doc ¶P.S". For a document's tagged pair the offsets are into its words
	// (document.Plain of Source and Target), the text that pair files hold and that the
	// glossary was checked against.
	Findings []Violation
	// Err is set when the segment got no usable translation (see FailedError): Target is "",
	// and the translated block keeps the source text in its place.
	Err error
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

// result puts a finished piece back together. whole says the pieces are joined into whole
// documents, which then carry the document as given.
func (t *Translator) result(ctx context.Context, j *job, whole bool) (*Result, error) {
	res := &Result{Index: j.index, Part: j.part, FirstBlock: j.first, Final: j.final,
		Blocks: make([]segment.Block, len(j.blocks)), Pairs: make([]Pair, 0, len(j.units))}
	if whole {
		res.Source, res.Part, res.FirstBlock, res.Final = j.doc, 0, 0, true
	} else {
		res.Source = &segment.Document{Name: j.name, Format: j.format, Lang: j.lang, Blocks: j.blocks, Form: j.form}
	}
	// Kept pieces go back where their codes stand, in the source and the answer alike.
	for i := range j.units {
		if u := &j.units[i]; u.kept != nil {
			u.source, u.target, u.kept = restoreKept(u.source, u.kept), restoreKept(u.target, u.kept), nil
		}
	}
	// Units are in block order: each block's units are a run of them.
	next := 0
	for bi := range j.blocks {
		if bi%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		sb := &j.blocks[bi]
		end := next
		for end < len(j.units) && int(j.units[end].block) == bi {
			end++
		}
		units := t.joinPieces(j.units[next:end])
		next = end
		para := j.first + bi + 1
		tb := segment.Block{Kind: sb.Kind, Level: sb.Level, Marker: sb.Marker}
		if sb.Kept {
			// Code, math, Liquid, translate="no" text: never sent, written back as it was.
			tb.Text, tb.Kept, tb.Lang = sb.Text, true, sb.Lang
			res.Blocks[bi] = tb
			continue
		}
		paragraph := t.unit() == Paragraph && !subtitles(j.format) && len(units) == 1
		if paragraph && units[0].failed != nil {
			for si, sp := range blockSentences(sb) {
				res.Pairs = append(res.Pairs, Pair{Paragraph: para, Sentence: si + 1, Source: sp.Text, Err: units[0].failed})
			}
			tb.Text, tb.Sentences = sb.Text, sb.Sentences
		} else if paragraph {
			pairs, err := t.paragraphPairs(para, sb, &units[0])
			if err != nil {
				return nil, err
			}
			setFindings(j.name, pairs, len(res.Pairs)+1)
			res.Pairs = append(res.Pairs, pairs...)
			tb.Text = units[0].target
			tb.Sentences = segment.SplitSentences(tb.Text, t.tgtLang())
		} else {
			var b strings.Builder
			n := 0
			for i := range units {
				n += len(units[i].target) + len(units[i].source) + 1
			}
			b.Grow(n)
			tb.Sentences = make([]segment.Span, 0, len(units))
			for si := range units {
				u := &units[si]
				if si > 0 {
					b.WriteByte(' ')
				}
				start := b.Len()
				if u.failed != nil {
					b.WriteString(u.unshift(u.source))
				} else {
					b.WriteString(u.unshift(u.target))
				}
				tb.Sentences = append(tb.Sentences, segment.Span{Start: start, End: b.Len()})
				p := Pair{
					Paragraph: para, Sentence: int(u.sentence) + 1,
					Source: u.unshift(u.source), Target: u.target, TMHit: u.tmHit, People: u.tmHit && u.people,
					Confidence: 1, Findings: u.violations,
				}
				if u.failed != nil {
					p.Target, p.Confidence, p.Err = "", 0, u.failed
				}
				res.Pairs = append(res.Pairs, p)
			}
			tb.Text = b.String()
			// Spans and targets share the block's text: one copy of the translation is held.
			first := len(res.Pairs) - len(units)
			for si := range tb.Sentences {
				tb.Sentences[si].Text = tb.Text[tb.Sentences[si].Start:tb.Sentences[si].End]
				if units[si].failed == nil {
					res.Pairs[first+si].Target = tb.Sentences[si].Text
				}
			}
			setFindings(j.name, res.Pairs[first:], first+1)
		}
		res.Blocks[bi] = tb
	}
	return res, nil
}

// joinPieces puts the pieces of each split sentence of a block's units back into one unit: the
// pieces' sources concatenated (the sentence), their translations joined with a space as the
// provider's own split joins them, a memory hit when every piece was one, failed when a piece
// failed, and the glossary checked on the whole sentence, with one suspect flag at most. Units
// without pieces are returned as they are.
func (t *Translator) joinPieces(units []unitState) []unitState {
	split := false
	for i := range units {
		if units[i].split != nil {
			split = true
			break
		}
	}
	if !split {
		return units
	}
	out := make([]unitState, 0, len(units))
	for i := 0; i < len(units); {
		u := units[i]
		if u.split == nil {
			out = append(out, u)
			i++
			continue
		}
		pieces := units[i : i+int(u.split.pieces)]
		i += len(pieces)
		w := unitState{block: u.block, sentence: u.sentence, hasCtx: u.hasCtx, source: u.split.source,
			codeShift: u.codeShift, tmHit: true, repeat: true, people: true}
		texts := make([]string, len(pieces))
		var suspect *Violation
		for k := range pieces {
			p := &pieces[k]
			w.tmHit = w.tmHit && p.tmHit
			w.people = w.people && p.people
			w.repeat = w.repeat && p.repeat
			if w.failed == nil {
				w.failed = p.failed
			}
			if w.suspect == "" {
				w.suspect = p.suspect
			}
			for vi := range p.violations {
				if p.violations[vi].Kind == Suspect && suspect == nil {
					suspect = &p.violations[vi]
				}
			}
			texts[k] = strings.TrimSpace(p.target)
		}
		if w.failed == nil {
			w.target = strings.Join(texts, " ")
			w.violations = t.check(&w)
			if suspect != nil {
				v := *suspect
				v.SourceStart, v.SourceEnd, v.TargetStart, v.TargetEnd = qa.NoSpan, qa.NoSpan, qa.NoSpan, qa.NoSpan
				w.violations = append(w.violations, v)
			}
		}
		out = append(out, w)
	}
	return out
}

// paragraphPairs splits a translated paragraph into sentences and aligns them with the source
// sentences.
func (t *Translator) paragraphPairs(para int, sb *segment.Block, u *unitState) ([]Pair, error) {
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
		p := Pair{Paragraph: para, TMHit: u.tmHit, People: u.tmHit && u.people, Confidence: bd.Confidence}
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
			if v.Term != "" && strings.Contains(strings.ToLower(p.Source), strings.ToLower(v.Term)) {
				at = i
				break
			}
		}
		if len(pairs) > 0 {
			// Its spans are into the paragraph; setFindings finds them in the sentence.
			v.SourceStart, v.SourceEnd, v.TargetStart, v.TargetEnd = qa.NoSpan, qa.NoSpan, qa.NoSpan, qa.NoSpan
			pairs[at].Findings = append(pairs[at].Findings, v)
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
