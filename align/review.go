package align

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WriteText writes the beads side by side for reading, like hunalign's -text output: one bead a
// line, "source<TAB>target<TAB>confidence<TAB>[ids]:[ids]", a group's sentences joined by
// " ~~~ ", an empty side empty. Tabs inside sentences become spaces, so columns stay columns.
func WriteText(w io.Writer, src, tgt *Document, beads []Bead) error {
	bw := bufio.NewWriter(w)
	side := func(d *Document, ids []int) string {
		parts := make([]string, len(ids))
		for k, i := range ids {
			parts[k] = visible(strings.ReplaceAll(d.Sentences[i], "\t", " "))
		}
		return strings.Join(parts, " ~~~ ")
	}
	for _, b := range beads {
		fmt.Fprintf(bw, "%s\t%s\t%.2f\t%s:%s\n", side(src, b.Src), side(tgt, b.Tgt), Shown(b.Confidence), formatIDs(b.Src), formatIDs(b.Tgt))
	}
	return bw.Flush()
}

// WriteDocumentText is WriteText for one document pair of a corpus: a heading line
// "# ID: SRC with TGT" (no tab in it, so it is never a bead's line) and the pair's beads; nothing
// for a pair without beads (all filtered out by confidence), so that a review of the doubtful
// beads of a thousand documents shows only the documents that have some.
func WriteDocumentText(w io.Writer, p DocPair, src, tgt *Document, beads []Bead) error {
	if len(beads) == 0 {
		return nil
	}
	if _, err := fmt.Fprintln(w, documentHeading(p)); err != nil {
		return err
	}
	return WriteText(w, src, tgt, beads)
}

// documentHeading names a corpus's document pair above its beads or a bead's explanation:
// "# ID: SRC with TGT". visible: a file name's tab or newline (a name may hold any byte) would
// make it look like a bead.
func documentHeading(p DocPair) string {
	return visible(fmt.Sprintf("# %s: %s with %s", p.ID, p.Src, p.Tgt))
}

// visible shows the control characters of s as their Unicode pictures (ESC as ␛, DEL as ␡;
// C1 controls as U+FFFD): the text view and the explanation are read on a terminal, and a
// document's escape sequences (terminal output pasted into documentation) recoloured it or
// moved its cursor instead of being shown.
func visible(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7f:
			return '\u2421'
		case unicode.IsControl(r):
			return '\ufffd'
		}
		return r
	}, s)
}

// Explanation is the evidence behind one bead of an alignment.
type Explanation struct {
	// Doc is the document pair of a corpus the bead is in (ExplainInCorpus); zero for one pair.
	Doc      DocPair
	Index    int // 0-based position of the bead in the output (see ExplainShown)
	Bead     Bead
	Source   string // the bead's source sentences, joined
	Target   string
	SrcChars int
	TgtChars int
	// ExpectedTgtChars is SrcChars times the documents' ratio of target to source characters.
	ExpectedTgtChars float64
	LengthCost       float64 // weighted Gale–Church cost of the length difference
	ShapeCost        float64 // prior cost of the bead's shape (0 for 1-1)
	// Boundaries are the kinds of the sentence boundaries at the bead's start and end, source
	// and target ("full stop", "soft break" for ";", ":", ",", a dash or a next sentence in
	// lower case, "question/exclamation", "edge" for a document's start or end), and
	// BoundaryCost what the two sides' disagreement at the ends costs: a matched bead pays half
	// of the mismatch cost for each end where the kinds differ (a soft break facing a full
	// stop says the cut should not be there). Deletions pay none.
	Boundaries   [2][2]string // [start, end][source, target]
	BoundaryCost float64
	// CrossingAnchors are the numbers and words identical on both sides that cross the bead's
	// start and end cuts: found in the bead's first (last) sentence on one side and in the
	// sentence just before (after) the bead on the other, and in neither own pair. Each says
	// the translator moved content across the cut; AnchorCost is what they cost the bead (see
	// newAnchorSides). Nil for a deletion.
	CrossingAnchors [2][]string // [start, end]
	AnchorCost      float64
	Cost            float64 // the bead's total cost (a random 1-1 pair costs about 1)
	// Margin is how much dearer the best other way of cutting the bead and its neighbours is
	// (0: a tie; negative cannot happen on the best path).
	Margin   float64
	Channels []ChannelEvidence
}

// ChannelEvidence is what one kind of lexical evidence says about a bead.
type ChannelEvidence struct {
	// Name is mt (MT of the source vs the target), mt-tgt (source vs MT of the target),
	// mt+mt-tgt (both directions at once: a source sentence and its MT vs a target sentence
	// and its MT), surface or lexicon.
	Name   string
	Weight float64 // its weight in the cost
	Cosine float64 // similarity of the two sides' features
	// Baseline is the mean cosine of the same sentences with random ones of the other side;
	// Similarity is (Cosine-Baseline) scaled so that a typical true pair is 1 and a random one 0.
	Baseline, Similarity float64
	Shared               []string // terms the two sides share in this channel (up to 12)
}

// BeadRangeError is Explain's error for a bead number beyond the output's beads.
type BeadRangeError struct {
	Bead   int // 1-based, as asked
	Beads  int // the beads of the output
	Lo, Hi float64
}

func (e *BeadRangeError) Error() string {
	if e.Lo > 0 || e.Hi < 1 {
		return fmt.Sprintf("bead %d: the output has %d beads (confidence %v to %v)", e.Bead, e.Beads, e.Lo, e.Hi)
	}
	return fmt.Sprintf("bead %d: the alignment has %d beads", e.Bead, e.Beads)
}

// Explain aligns the documents as Documents does and explains bead k (0-based) of the result.
func Explain(ctx context.Context, src, tgt *Document, opt Options, k int) (*Explanation, error) {
	return ExplainShown(ctx, src, tgt, opt, k, 0, 1)
}

// ExplainShown is Explain for an output that keeps only the beads whose confidence lies in
// [lo, hi] (FilterConfidence): k counts the beads shown, so that "bead k" is the one the user
// sees at that place.
func ExplainShown(ctx context.Context, src, tgt *Document, opt Options, k int, lo, hi float64) (ex *Explanation, err error) {
	opt = src.options(tgt, opt)
	g, err := checkOptions(src.Sentences, tgt.Sentences, opt)
	if err != nil {
		return nil, err
	}
	st := &stopper{ctx: ctx}
	defer recoverStop(&err)
	beads, lx, ratio := realign(st, src.Sentences, tgt.Sentences, opt, g)
	idx, shown := -1, 0 // idx: bead k's index in beads
	for i, b := range beads {
		if b.Confidence >= lo && b.Confidence <= hi {
			if shown == k {
				idx = i
			}
			shown++
		}
	}
	if k < 0 || idx < 0 {
		if lo > 0 || hi < 1 {
			return nil, &BeadRangeError{Bead: k + 1, Beads: shown, Lo: lo, Hi: hi}
		}
		return nil, &BeadRangeError{Bead: k + 1, Beads: len(beads), Lo: 0, Hi: 1}
	}
	b := beads[idx]
	lv := newLevel(st, src.Sentences, tgt.Sentences, opt, lx)
	lv.lenRatio = ratio
	lv.prepare(g)
	md := newModel(lv, g)
	sc := newScorer(md, lv, fullRegion(0, 0))
	sc.leave()
	ex = &Explanation{Index: k, Bead: b, Source: src.Text(b.Src), Target: tgt.Text(b.Tgt)}
	ex.SrcChars = utf8.RuneCountInString(ex.Source)
	ex.TgtChars = utf8.RuneCountInString(ex.Target)
	ex.ExpectedTgtChars = float64(ex.SrcChars) * md.ratio
	i0, j0 := beadStart(beads, idx)
	if len(b.Tgt) > 0 {
		j0 = b.Tgt[0] // a crosswise bead (Options.Crossing) starts elsewhere than its place says
	}
	p, q := point{i0, j0}, point{i0 + len(b.Src), j0 + len(b.Tgt)}
	a, bb := len(b.Src), len(b.Tgt)
	if a > 0 && bb > 0 {
		var lx0, ly0 float64
		for _, x := range lv.srcLen[p.i:q.i] {
			lx0 += x
		}
		for _, y := range lv.tgtLen[p.j:q.j] {
			ly0 += y
		}
		ex.LengthCost = md.lenWeight * md.lengthCost(lx0, ly0)
		if t := md.shapeIndex(a, bb); t >= 0 {
			ex.ShapeCost = md.types[t].prior
		}
		ex.BoundaryCost = sc.cutCost(p.i, p.j, q.i, q.j)
		if lv.anchors != nil && md.anchorLeak > 0 {
			// Empty, not nil: no anchor crosses (nil says the model has none).
			ex.CrossingAnchors = [2][]string{append([]string{}, lv.anchors.at(p.i, p.j)...), append([]string{}, lv.anchors.at(q.i, q.j)...)}
			n := len(ex.CrossingAnchors[0]) + len(ex.CrossingAnchors[1])
			ex.AnchorCost = md.leakWeight * md.anchorLeak * float64(n)
		}
	}
	for e, at := range []point{p, q} {
		ex.Boundaries[e] = [2]string{lv.srcCue[at.i].String(), lv.tgtCue[at.j].String()}
	}
	ex.Cost = spanCost(md, sc, p, q)
	path := make([]point, 0, len(beads)+1)
	path = append(path, point{0, 0})
	for _, x := range beads {
		last := path[len(path)-1]
		path = append(path, point{last.i + len(x.Src), last.j + len(x.Tgt)})
	}
	ex.Margin = margin(md, sc, path, idx)
	for c := range lv.chans {
		ch := &lv.chans[c]
		ev := ChannelEvidence{Name: ch.name, Weight: ch.weight}
		if a > 0 && bb > 0 {
			nx, ny := groupNorm2(ch.srcSelf, p.i, a), groupNorm2(ch.tgtSelf, p.j, bb)
			if nx > 0 && ny > 0 {
				var d float64
				for i := p.i; i < q.i; i++ {
					for j := p.j; j < q.j; j++ {
						d += float64(dot(ch.src[i], ch.tgt[j]))
					}
				}
				ev.Cosine = d / math.Sqrt(nx*ny)
				ga, gb := min(a, len(ch.srcBase)), min(bb, len(ch.tgtBase))
				ev.Baseline = (float64(ch.srcBase[ga-1][p.i]) + float64(ch.tgtBase[gb-1][p.j])) / 2
				ev.Similarity = (ev.Cosine - ev.Baseline) / ch.good
			}
			ev.Shared = sharedTerms(ch.name, src, tgt, opt, lx, b)
		}
		ex.Channels = append(ex.Channels, ev)
	}
	st.check()
	return ex, nil
}

// beadStart returns the numbers of source and target sentences before bead k.
func beadStart(beads []Bead, k int) (int, int) {
	i, j := 0, 0
	for _, b := range beads[:k] {
		i += len(b.Src)
		j += len(b.Tgt)
	}
	return i, j
}

// maxShared bounds the terms listed per channel.
const maxShared = 12

// sharedTerms lists the words behind a channel's similarity: MT words found in the target (or
// source words found in the target's MT), words, numbers and cognates the sides share, and
// learned translations found on the other side ("berg→montagn").
func sharedTerms(name string, src, tgt *Document, opt Options, lx *lexicon, b Bead) []string {
	words := func(ss []string, ids []int) []string {
		var out []string
		for _, i := range ids {
			w, _ := tokens(ss[i])
			out = append(out, w...)
		}
		return out
	}
	inter := func(a, b []string, key func(string) string) []string {
		have := map[string]bool{}
		for _, w := range b {
			have[key(w)] = true
		}
		var out, short []string
		for _, w := range a {
			if !have[key(w)] {
				continue
			}
			// Short words (articles, prepositions) match everywhere and explain little: they are
			// listed only when nothing else is shared, since then they are what the similarity
			// rests on ("in" in "… in der Innenstadt" and "… the rise in prices …").
			if !isNumber(w) && utf8.RuneCountInString(w) < 3 {
				if !slices.Contains(short, w) && len(short) < maxShared {
					short = append(short, w)
				}
				continue
			}
			if !slices.Contains(out, w) && len(out) < maxShared {
				out = append(out, w)
			}
		}
		if len(out) == 0 {
			return short
		}
		return out
	}
	same := func(w string) string { return w }
	switch name {
	case "mt":
		return inter(words(opt.MT, b.Src), words(tgt.Sentences, b.Tgt), same)
	case "mt-tgt":
		return inter(words(src.Sentences, b.Src), words(opt.MTTgt, b.Tgt), same)
	case "mt+mt-tgt":
		out := inter(words(opt.MT, b.Src), words(tgt.Sentences, b.Tgt), same)
		for _, w := range inter(words(src.Sentences, b.Src), words(opt.MTTgt, b.Tgt), same) {
			if !slices.Contains(out, w) && len(out) < maxShared {
				out = append(out, w)
			}
		}
		return out
	case "surface":
		cognate := func(w string) string {
			if isNumber(w) || utf8.RuneCountInString(w) < prefixLen {
				return w
			}
			return w[:runeOffset(w, prefixLen)]
		}
		out := inter(words(src.Sentences, b.Src), words(tgt.Sentences, b.Tgt), cognate)
		if !opt.Dict.empty() {
			tw := map[string]bool{}
			for _, w := range words(tgt.Sentences, b.Tgt) {
				tw[w] = true
			}
			// A translation of several words ("Baupreise" → "construction prices") is found
			// when each of its words is.
			found := func(t string) bool {
				ws, _ := tokens(t)
				for _, w := range ws {
					if !tw[w] {
						return false
					}
				}
				return len(ws) > 0
			}
			for _, w := range words(src.Sentences, b.Src) {
				for _, t := range opt.Dict.lookup(w) {
					if f := fold(t); found(f) && len(out) < maxShared {
						if e := w + "→" + f; !slices.Contains(out, e) {
							out = append(out, e)
						}
						break
					}
				}
			}
		}
		return out
	case "lexicon":
		if lx == nil {
			return nil
		}
		ts := map[string]bool{}
		for _, i := range b.Tgt {
			for _, s := range contentStems(tgt.Sentences[i], lx.stemTgt, nil) {
				ts[s] = true
			}
		}
		var out []string
		for _, i := range b.Src {
			for _, s := range contentStems(src.Sentences[i], lx.stemSrc, nil) {
				for _, e := range lx.translations(s) {
					if ts[e.tgt] && len(out) < maxShared {
						if t := s + "→" + e.tgt; !slices.Contains(out, t) {
							out = append(out, t)
						}
						break
					}
				}
			}
		}
		return out
	}
	return nil
}

// WriteExplanation writes ex for a reader.
func WriteExplanation(w io.Writer, ex *Explanation) error {
	bw := bufio.NewWriter(w)
	if ex.Doc.ID != "" {
		fmt.Fprintln(bw, documentHeading(ex.Doc))
	}
	fmt.Fprintf(bw, "bead %d: %s  confidence %.2f\n", ex.Index+1, FormatBead(ex.Bead)[:strings.LastIndexByte(FormatBead(ex.Bead), ':')], Shown(ex.Bead.Confidence))
	fmt.Fprintf(bw, "  source: %s\n  target: %s\n", orNone(visible(ex.Source)), orNone(visible(ex.Target)))
	fmt.Fprintf(bw, "  length: %d source characters, %d target (%.0f expected): cost %.3f\n", ex.SrcChars, ex.TgtChars, ex.ExpectedTgtChars, ex.LengthCost)
	if ex.ShapeCost > 0 {
		fmt.Fprintf(bw, "  shape: %d-%d, prior cost %.3f\n", len(ex.Bead.Src), len(ex.Bead.Tgt), ex.ShapeCost)
	}
	if len(ex.Bead.Src) > 0 && len(ex.Bead.Tgt) > 0 {
		bd := ex.Boundaries
		fmt.Fprintf(bw, "  boundaries: start %s / %s, end %s / %s (source / target): cost %.3f\n", bd[0][0], bd[0][1], bd[1][0], bd[1][1], ex.BoundaryCost)
		if ca := ex.CrossingAnchors; ca[0] != nil || ca[1] != nil {
			fmt.Fprintf(bw, "  anchors crossing the cuts: start %s, end %s: cost %.3f\n", orNone(strings.Join(ca[0], ", ")), orNone(strings.Join(ca[1], ", ")), ex.AnchorCost)
		}
	}
	for _, c := range ex.Channels {
		fmt.Fprintf(bw, "  %s (weight %.2f): cosine %.3f, random pairs %.3f, similarity %.2f", c.Name, c.Weight, c.Cosine, c.Baseline, c.Similarity)
		if len(c.Shared) > 0 {
			fmt.Fprintf(bw, "; shared: %s", strings.Join(c.Shared, ", "))
		}
		bw.WriteByte('\n')
	}
	if math.IsInf(ex.Margin, 1) {
		fmt.Fprintf(bw, "  cost %.3f (a random 1-1 pair costs about 1, a bead of k pairs about k); no other way to cut it and its neighbours is allowed\n", ex.Cost)
	} else {
		fmt.Fprintf(bw, "  cost %.3f (a random 1-1 pair costs about 1, a bead of k pairs about k); the next best cut costs %.3f more\n", ex.Cost, ex.Margin)
	}
	return bw.Flush()
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
