package align

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// devCorpus is the dev article cut into parts, each a document pair ready to align.
func devCorpus(d textberg, parts int) ([]Loaded, [][]Bead) {
	var docs []Loaded
	var golds [][]Bead
	for _, p := range devParts(d, parts) {
		docs = append(docs, Loaded{
			Src: &Document{Name: p.name, Lang: "de", Sentences: p.de},
			Tgt: &Document{Name: p.name, Lang: "fr", Sentences: p.fr},
		})
		golds = append(golds, p.gold)
	}
	return docs, golds
}

// BenchmarkDevSharedLexicon aligns the Text+Berg dev article cut into 4, 6, 12 and 24 documents
// (117 down to 20 sentences each) without MT, each with the word table its own first pass
// teaches (F1-own) and with the one the first passes of all of them teach (F1-shared, as
// AlignAll does), and reports strict F1 summed over the parts. The odd parts are also aligned
// with a table the even ones teach (F1-shared-unseen, against F1-own-unseen), as a corpus's
// pairs after the warm-up are.
//
//	go test -count=1 -run XXX -bench DevSharedLexicon -benchtime 1x ./align
func BenchmarkDevSharedLexicon(b *testing.B) {
	d := loadTextberg(b)
	for _, parts := range []int{4, 6, 12, 24} {
		b.Run(fmt.Sprint(parts), func(b *testing.B) {
			docs, golds := devCorpus(d, parts)
			for b.Loop() {
				lx, err := LearnLexicon(context.Background(), docs, 0)
				if err != nil || lx == nil {
					b.Fatal(lx, err)
				}
				var own, shared Counts
				for k, doc := range docs {
					beads, err := Documents(context.Background(), doc.Src, doc.Tgt, Options{})
					if err != nil {
						b.Fatal(err)
					}
					own = own.Add(Evaluate(golds[k], beads))
					if beads, err = Documents(context.Background(), doc.Src, doc.Tgt, Options{Lexicon: lx}); err != nil {
						b.Fatal(err)
					}
					shared = shared.Add(Evaluate(golds[k], beads))
				}
				b.ReportMetric(own.Strict().F1, "F1-own")
				b.ReportMetric(shared.Strict().F1, "F1-shared")
				b.ReportMetric(float64(lx.Pairs()), "pairs")
				// The documents the table was not learned from (a corpus's documents after the
				// warm-up): a table from the even documents lent to the odd ones.
				var even []Loaded
				for k := 0; k < len(docs); k += 2 {
					even = append(even, docs[k])
				}
				if lx, err = LearnLexicon(context.Background(), even, 0); err != nil || lx == nil {
					b.Fatal(lx, err)
				}
				var ownOdd, sharedOdd Counts
				for k := 1; k < len(docs); k += 2 {
					beads, err := Documents(context.Background(), docs[k].Src, docs[k].Tgt, Options{})
					if err != nil {
						b.Fatal(err)
					}
					ownOdd = ownOdd.Add(Evaluate(golds[k], beads))
					if beads, err = Documents(context.Background(), docs[k].Src, docs[k].Tgt, Options{Lexicon: lx}); err != nil {
						b.Fatal(err)
					}
					sharedOdd = sharedOdd.Add(Evaluate(golds[k], beads))
				}
				b.ReportMetric(ownOdd.Strict().F1, "F1-own-unseen")
				b.ReportMetric(sharedOdd.Strict().F1, "F1-shared-unseen")
			}
		})
	}
}

// TestLearnLexicon: the first passes of many short documents teach one table from more sure
// beads than any of them alone; documents of another language pair are left out, and a table
// is only lent to documents of its languages.
func TestLearnLexicon(t *testing.T) {
	var docs []Loaded
	for k := range 8 {
		src, tgt, _ := synthetic(40, uint64(100+k))
		docs = append(docs, Loaded{Src: &Document{Lang: "de", Sentences: src}, Tgt: &Document{Lang: "en", Sentences: tgt}})
	}
	lx, err := LearnLexicon(context.Background(), docs, 2)
	if err != nil {
		t.Fatal(err)
	}
	if lx.Pairs() < 150 {
		t.Fatalf("shared table learned from %d beads, want the sure beads of all eight documents (≥ 150)", lx.Pairs())
	}
	// A pair of another language pair among them changes nothing.
	other := docs[0]
	other.Tgt = &Document{Lang: "fr", Sentences: other.Tgt.Sentences}
	lx2, err := LearnLexicon(context.Background(), append(docs[:len(docs):len(docs)], other), 2)
	if err != nil {
		t.Fatal(err)
	}
	if lx2.Pairs() != lx.Pairs() {
		t.Errorf("a de-fr pair among de-en ones: %d pairs, want %d", lx2.Pairs(), lx.Pairs())
	}
	if lx.forLangs("de", "en") == nil || lx.forLangs("DE", "en") == nil || lx.forLangs("de", "fr") != nil {
		t.Error("the table is lent to the wrong languages")
	}
	// Cancelled: the context's error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := LearnLexicon(ctx, docs, 2); err == nil {
		t.Error("cancelled: no error")
	}
}

// TestAlignAllSharesLexicon: AlignAll lends the table its first pairs teach to every pair,
// with or without MT, loads each pair once (a load may translate), and lends none when the
// pairs skip the second pass.
func TestAlignAllSharesLexicon(t *testing.T) {
	pairs := make([]DocPair, 6)
	for k := range pairs {
		pairs[k] = DocPair{Src: fmt.Sprint(k), Tgt: fmt.Sprint(k), ID: fmt.Sprint(k)}
	}
	for _, tc := range []struct {
		name  string
		opt   Options
		mt    bool
		share bool
	}{
		{"plain", Options{}, false, true},
		{"mt", Options{}, true, true},
		{"no-realign", Options{NoRealign: true}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var loads sync.Map
			load := func(_ context.Context, p DocPair) (Loaded, error) {
				if _, again := loads.LoadOrStore(p.ID, true); again {
					t.Errorf("pair %s loaded twice", p.ID)
				}
				var seed uint64
				fmt.Sscan(p.ID, &seed)
				src, tgt, mt, _ := syntheticMT(40, 200+seed)
				l := Loaded{Src: &Document{Lang: "de", Sentences: src}, Tgt: &Document{Lang: "en", Sentences: tgt}, Opt: tc.opt}
				if tc.mt {
					l.Src.MT = mt
				}
				return l, nil
			}
			shared, reused := 0, 0
			err := AlignAll(context.Background(), pairs, 2, load, func(p DocPair, l Loaded, beads []Bead) error {
				if l.Opt.Lexicon != nil {
					shared++
				}
				if l.Opt.first != nil {
					reused++
					// The warm-up's first pass stands in for the pair's own: the same beads.
					opt := l.Opt
					opt.first = nil
					again, err := Documents(context.Background(), l.Src, l.Tgt, opt)
					if err != nil {
						return err
					}
					if !reflect.DeepEqual(beads, again) {
						t.Errorf("pair %s: aligned with the warm-up's first pass, the beads differ from a fresh alignment", p.ID)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := map[bool]int{true: len(pairs)}[tc.share]
			if shared != want {
				t.Errorf("%d of %d pairs had the shared table, want %d", shared, len(pairs), want)
			}
			if reused != want {
				t.Errorf("%d of %d pairs reused the warm-up's first pass, want %d", reused, len(pairs), want)
			}
		})
	}
}

// BenchmarkPerturbedSharedLexicon lends a word table learned from some of the perturbed
// German–English dev's documents (different web pages) to the others, as AlignAll lends the
// warm-up's table to the pairs after it, and reports strict F1 over the documents it was not
// learned from: with the first pass only (F1-1pass), with their own tables (F1-own) and with the
// lent one (F1-shared). 8x400: eight documents of 400 pairs, a table from four lent to the other
// four, both ways. 160x20 and 80x40: the same 3,200 pairs as short articles, a table from the
// first half lent to the second (a table of about 1,100 beads, as a corpus's warm-up teaches).
//
//	go test -count=1 -run XXX -bench PerturbedSharedLexicon -benchtime 1x ./align
func BenchmarkPerturbedSharedLexicon(b *testing.B) {
	for _, shape := range []struct{ n, length int }{{8, 400}, {160, 20}, {80, 40}} {
		b.Run(fmt.Sprintf("%dx%d", shape.n, shape.length), func(b *testing.B) {
			docs := loadPerturbedDocs(b, shape.n, shape.length)
			loaded := make([]Loaded, len(docs))
			for k, d := range docs {
				loaded[k] = Loaded{Src: &Document{Lang: "de", Sentences: d.de}, Tgt: &Document{Lang: "en", Sentences: d.en}}
			}
			// Each split: the documents the table learns from, the documents it is lent to.
			var splits [][2][]int
			if shape.n == 8 {
				even, odd := []int{0, 2, 4, 6}, []int{1, 3, 5, 7}
				splits = [][2][]int{{even, odd}, {odd, even}}
			} else {
				var first, second []int
				for k := range docs {
					if k < len(docs)/2 {
						first = append(first, k)
					} else {
						second = append(second, k)
					}
				}
				splits = [][2][]int{{first, second}}
			}
			for b.Loop() {
				var one, own, shared Counts
				counts := []*Counts{&one, &own, &shared} // by the options below
				for _, sp := range splits {
					var learn []Loaded
					for _, k := range sp[0] {
						learn = append(learn, loaded[k])
					}
					lx, err := LearnLexicon(context.Background(), learn, 0)
					if err != nil || lx == nil {
						b.Fatal(lx, err)
					}
					for _, k := range sp[1] {
						for x, opt := range []Options{{NoRealign: true}, {}, {Lexicon: lx}} {
							beads, err := Documents(context.Background(), loaded[k].Src, loaded[k].Tgt, opt)
							if err != nil {
								b.Fatal(err)
							}
							*counts[x] = counts[x].Add(Evaluate(docs[k].gold, beads))
						}
					}
				}
				b.ReportMetric(one.Strict().F1, "F1-1pass")
				b.ReportMetric(own.Strict().F1, "F1-own")
				b.ReportMetric(shared.Strict().F1, "F1-shared")
			}
		})
	}
}

// TestLexiconWithOwn: a shared table lent to a pair decides the stems it knows, the pair's own
// table translates the others, and the shared table (read by every worker) is left unchanged.
func TestLexiconWithOwn(t *testing.T) {
	shared := &lexicon{trans: map[string][]lexEntry{"berg": {{"montagn", 0.9}}}, pairs: 300}
	own := &lexicon{trans: map[string][]lexEntry{"berg": {{"sommet", 0.6}}, "dufour": {{"dufour", 1}}}, pairs: 40}
	for _, tc := range []struct {
		own        *lexicon
		stem, want string
	}{
		{own, "berg", "montagn"},
		{own, "dufour", "dufour"},
		{own, "gletsch", ""},
		{nil, "dufour", ""},
	} {
		var got string
		if es := shared.withOwn(tc.own).translations(tc.stem); len(es) > 0 {
			got = es[0].tgt
		}
		if got != tc.want {
			t.Errorf("own table %v, stem %q: translated as %q, want %q", tc.own != nil, tc.stem, got, tc.want)
		}
	}
	if shared.own != nil || len(shared.translations("dufour")) > 0 {
		t.Error("withOwn changed the shared table")
	}
}
