package align

import (
	"context"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"
)

// A corpus of short documents (news articles of 20 to 80 sentences) teaches each
// document a noisy word table: a few dozen sure beads, most stems seen once. Their first passes
// pooled teach one table from hundreds (Model 1 on up to lexMaxPairs beads, evenly spaced), and
// each document's second pass uses it. On the Text+Berg dev article cut into 4, 6, 12 and 24
// documents aligned without MT (BenchmarkDevSharedLexicon), strict F1 summed over the parts rises
// from 0.900/0.899/0.882/0.870 with each part's own table to 0.910/0.910/0.902/0.892; on the
// perturbed German–English dev (eight documents of 400 lines from different web pages, each
// long enough for a table of its own) from 0.933 to 0.938. The warm-up's first passes serve
// as those pairs' own (Options.first), so the warm-up costs the table's training and the wait
// before the first pairs are aligned: 400 synthetic pairs of 40 sentences align at 153 pairs/s
// instead of 168 without a shared table (140 when the warm-up's pairs ran their first passes
// again; BenchmarkAlignAll/short), a corpus of thousands hardly notices it; a corpus whose
// first document is long (longDoc) gets no shared table.
//
// Next to MT the learned table shares the MT channel's weight (level.shareMT), and a shared one
// helps short documents there too: the dev article in 6 / 24 documents with forward MT, own
// table → shared, Europarl full 0.934 → 0.942 / 0.909 → 0.920, Europarl light 0.917 → 0.919 /
// 0.873 → 0.910, SACunidir 0.920 → 0.923 / 0.908 → 0.906, Google 0.940 → 0.944 / 0.944 → 0.944.

// Lexicon is a word translation table learned from the first passes of many document pairs of
// one language pair (see LearnLexicon and Options.Lexicon).
type Lexicon struct {
	lx               *lexicon
	srcLang, tgtLang string
}

// Pairs is the number of sure beads the table was learned from.
func (l *Lexicon) Pairs() int {
	if l == nil || l.lx == nil {
		return 0
	}
	return l.lx.pairs
}

// forLangs returns the table when it was learned for these languages, nil otherwise.
func (l *Lexicon) forLangs(srcLang, tgtLang string) *lexicon {
	if l == nil || !strings.EqualFold(l.srcLang, srcLang) || !strings.EqualFold(l.tgtLang, tgtLang) {
		return nil
	}
	return l.lx
}

// LearnLexicon runs the first pass on each document pair (their options as Documents would
// complete them) on workers goroutines (GOMAXPROCS when workers ≤ 0) and learns one word table
// from the sure beads of all of them. The pairs must share the first pair's languages; others
// are skipped. It returns nil (and no error) when they are too few to teach anything.
func LearnLexicon(ctx context.Context, pairs []Loaded, workers int) (*Lexicon, error) {
	lx, _, err := learnShared(ctx, pairs, workers)
	return lx, err
}

// learnShared is LearnLexicon that also returns each pair's first pass (nil for a pair of other
// languages), which the pair's alignment can use instead of running it again (Options.first).
func learnShared(ctx context.Context, pairs []Loaded, workers int) (*Lexicon, []*firstPass, error) {
	if len(pairs) == 0 {
		return nil, nil, nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	first := pairs[0].Src.options(pairs[0].Tgt, pairs[0].Opt)
	passes := make([]*firstPass, len(pairs))
	eg, ectx := errgroup.WithContext(ctx)
	eg.SetLimit(workers)
	for k, l := range pairs {
		opt := l.Src.options(l.Tgt, l.Opt)
		if !strings.EqualFold(opt.SrcLang, first.SrcLang) || !strings.EqualFold(opt.TgtLang, first.TgtLang) {
			continue
		}
		eg.Go(func() error {
			g, err := checkOptions(l.Src.Sentences, l.Tgt.Sentences, opt)
			if err != nil {
				return err
			}
			return stoppable(ectx, func(st *stopper) {
				passes[k] = runFirstPass(st, opt, g, newLevel(st, l.Src.Sentences, l.Tgt.Sentences, opt, nil))
			})
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, nil, err
	}
	// One pool: the documents' sentences end to end, their beads renumbered.
	var src, tgt []string
	var beads []Bead
	var raws []float64
	for k, p := range passes {
		if p == nil {
			continue
		}
		for _, b := range p.beads {
			beads = append(beads, b.shifted(len(src), len(tgt)))
		}
		raws = append(raws, p.raws...)
		src = append(src, pairs[k].Src.Sentences...)
		tgt = append(tgt, pairs[k].Tgt.Sentences...)
	}
	var lx *lexicon
	err := stoppable(ctx, func(st *stopper) { lx = learnLexicon(st, src, tgt, beads, raws, first.SrcLang, first.TgtLang) })
	if err != nil {
		return nil, nil, err
	}
	if lx == nil {
		return nil, passes, nil
	}
	return &Lexicon{lx: lx, srcLang: first.SrcLang, tgtLang: first.TgtLang}, passes, nil
}
