package align

import (
	"context"
	"runtime"
	"strings"
	"sync"
)

// A corpus of short documents (news articles of 20 to 80 sentences) teaches each
// document a noisy word table: a few dozen sure beads, most stems seen once. Their first passes
// pooled teach one table from hundreds (Model 1 on up to lexMaxPairs beads, evenly spaced), and
// each document's second pass uses it. On the Text+Berg dev article cut into 4, 6, 12 and 24
// documents aligned without MT (BenchmarkDevSharedLexicon), strict F1 summed over the parts rises
// from 0.900/0.899/0.882/0.870 with each part's own table to 0.910/0.910/0.902/0.892; on the
// perturbed German–English dev (eight documents of 400 lines from different web pages, each
// long enough for a table of its own) from 0.933 to 0.938. The warm-up's first passes are a
// fixed cost (up to 8,000 sentences): 400 synthetic pairs of 40 sentences align at 130 pairs/s
// instead of 168 (BenchmarkAlignAll/short), a corpus of thousands hardly notices it; a corpus
// whose first document is long (longDoc) gets no shared table.
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
	if len(pairs) == 0 {
		return nil, nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	first := pairs[0].Src.options(pairs[0].Tgt, pairs[0].Opt)
	type pass struct {
		src, tgt []string
		beads    []Bead
		raws     []float64
		err      error
	}
	passes := make([]pass, len(pairs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(pairs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				l := pairs[k]
				opt := l.Src.options(l.Tgt, l.Opt)
				if !strings.EqualFold(opt.SrcLang, first.SrcLang) || !strings.EqualFold(opt.TgtLang, first.TgtLang) {
					continue
				}
				p := &passes[k]
				p.src, p.tgt = l.Src.Sentences, l.Tgt.Sentences
				p.beads, p.raws, p.err = firstPass(ctx, p.src, p.tgt, opt)
			}
		}()
	}
	for k := range pairs {
		if ctx.Err() != nil {
			break
		}
		next <- k
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// One pool: the documents' sentences end to end, their beads renumbered.
	var src, tgt []string
	var beads []Bead
	var raws []float64
	for _, p := range passes {
		if p.err != nil {
			return nil, p.err
		}
		for _, b := range p.beads {
			nb := Bead{Src: make([]int, len(b.Src)), Tgt: make([]int, len(b.Tgt))}
			for x, i := range b.Src {
				nb.Src[x] = i + len(src)
			}
			for x, j := range b.Tgt {
				nb.Tgt[x] = j + len(tgt)
			}
			beads = append(beads, nb)
		}
		raws = append(raws, p.raws...)
		src = append(src, p.src...)
		tgt = append(tgt, p.tgt...)
	}
	lx, err := learnPooled(ctx, src, tgt, beads, raws, first.SrcLang, first.TgtLang)
	if err != nil || lx == nil {
		return nil, err
	}
	return &Lexicon{lx: lx, srcLang: first.SrcLang, tgtLang: first.TgtLang}, nil
}

// firstPass runs the first pass alone and returns its beads and their raw confidences.
func firstPass(ctx context.Context, src, tgt []string, opt Options) (beads []Bead, raws []float64, err error) {
	g, err := checkOptions(src, tgt, opt)
	if err != nil {
		return nil, nil, err
	}
	st := &stopper{ctx: ctx}
	defer recoverStop(&err)
	beads, _, raws = alignPass(st, opt, g, newLevel(st, src, tgt, opt, nil), nil, true)
	st.check()
	return beads, raws, nil
}

// learnPooled is learnLexicon under ctx.
func learnPooled(ctx context.Context, src, tgt []string, beads []Bead, raws []float64, srcLang, tgtLang string) (lx *lexicon, err error) {
	st := &stopper{ctx: ctx}
	defer recoverStop(&err)
	lx = learnLexicon(st, src, tgt, beads, raws, srcLang, tgtLang)
	st.check()
	return lx, nil
}
