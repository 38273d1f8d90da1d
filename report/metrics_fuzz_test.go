package report

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
)

func FuzzTER(f *testing.F) {
	f.Add("d e f g h a b c", "a b c d e f g h")
	f.Add("the cat sat on the mat", "on the mat the cat sat")
	f.Add("", "a")
	f.Add("a a a a a a", "a")
	f.Fuzz(func(t *testing.T, hyp, ref string) {
		m := TER{}
		h, r := pyFields(m.Tokenize(hyp)), pyFields(m.Tokenize(ref))
		st := m.Stats(hyp, []string{ref})
		edits, refLen := int(st[0]), int(st[1])
		if refLen != len(r) {
			t.Fatalf("ref length %d, want %d", refLen, len(r))
		}
		// Shifts keep the length, so at least the length difference must be edited; and
		// substituting, inserting and deleting everything is always enough.
		lo := abs(len(h) - len(r))
		if edits < lo || edits > len(h)+len(r) {
			t.Fatalf("TER(%q, %q) = %d edits, outside [%d, %d]", hyp, ref, edits, lo, len(h)+len(r))
		}
		if strings.Join(h, " ") == strings.Join(r, " ") && edits != 0 {
			t.Fatalf("identical token sequences give %d edits", edits)
		}
		// exactly the distances of the lib_ter transcription
		ids := map[string]int32{}
		toIDs := func(ws []string) []int32 {
			out := make([]int32, len(ws))
			for i, w := range ws {
				if _, ok := ids[w]; !ok {
					ids[w] = int32(len(ids))
				}
				out[i] = ids[w]
			}
			return out
		}
		if want, _ := oldTranslationEditRate(toIDs(h), toIDs(r)); len(r) > 0 && want != edits {
			t.Fatalf("TER(%q, %q) = %d edits, lib_ter transcription %d", hyp, ref, edits, want)
		}
		// the other metrics accept anything too
		_ = BLEU{}.Stats(hyp, []string{ref})
		_ = NewCHRFPlusPlus().Stats(hyp, []string{ref})
	})
}

// corpusBenchData builds n reference segments of about 25 words and hypotheses with about a
// third of the words changed, moved or dropped.
func corpusBenchData(n int) (hyps []string, refs []string) {
	rng := rand.New(rand.NewPCG(7, 11))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("wort%dx", i)
	}
	for i := 0; i < n; i++ {
		words := make([]string, 20+rng.IntN(12))
		for j := range words {
			words[j] = vocab[rng.IntN(len(vocab))]
		}
		refs = append(refs, strings.Join(words, " ")+".")
		var h []string
		for _, w := range words {
			switch x := rng.Float64(); {
			case x < 0.15:
				h = append(h, vocab[rng.IntN(len(vocab))])
			case x < 0.22:
			case x < 0.28 && len(h) > 3: // moved three words back
				k := len(h) - 3
				h = append(h[:k], append([]string{w}, h[k:]...)...)
			default:
				h = append(h, w)
			}
		}
		hyps = append(hyps, strings.Join(h, " ")+".")
	}
	return hyps, refs
}

// BenchmarkCorpusMetrics3000 scores 3,000 segments with corpus BLEU, chrF2 and TER (the
// issue's target: at most 1 s on one core).
func BenchmarkCorpusMetrics3000(b *testing.B) {
	hyps, refs := corpusBenchData(3000)
	b.ResetTimer()
	cpu0 := cputime.Used()
	for b.Loop() {
		for _, m := range []Metric{BLEU{}, NewCHRF(), TER{}} {
			if _, err := CorpusScore(m, hyps, [][]string{refs}, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	// CPU time next to wall time: on a shared machine the wall time mostly measures waiting.
	b.ReportMetric(float64((cputime.Used()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/corpus")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/corpus")
	b.ReportMetric(3000*float64(b.N)/b.Elapsed().Seconds(), "segments/s")
}

func BenchmarkTERSegment(b *testing.B) {
	hyps, refs := corpusBenchData(200)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		TER{}.Stats(hyps[i%200], []string{refs[i%200]})
	}
}

func FuzzCHRFFastPath(f *testing.F) {
	f.Add("The dog bit the man.", "The dog had bit the man.", false)
	f.Add("a b c", "abc", true)
	f.Add("", "x", false)
	f.Fuzz(func(t *testing.T, hyp, ref string, lower bool) {
		for _, m := range []CHRF{NewCHRF(), NewCHRFPlusPlus(), {CharOrder: 6, Beta: 2, Whitespace: true}} {
			m.Lowercase = lower
			fast, ok, _ := m.fastStats(hyp, []string{ref, hyp + " " + ref}, nil)
			if !ok {
				continue
			}
			slow, _ := m.mapStats(hyp, []string{ref, hyp + " " + ref}, nil)
			if fmt.Sprint(fast) != fmt.Sprint(slow) {
				t.Fatalf("%s(%q, %q): fast %v, maps %v", m.Name(), hyp, ref, fast, slow)
			}
		}
	})
}

// FuzzBLEUFastPath checks that counting packed token ids gives exactly the statistics of
// counting joined strings, for every tokenizer, with one and with two references.
func FuzzBLEUFastPath(f *testing.F) {
	f.Add("The dog bit the man.", "The dog had bit the man.", "", false)
	f.Add("a a a a b", "a a b b a a", "b a", true)
	f.Add("3,5 - 4.2 &amp; x-\ny", "<skipped>İ  z", "\u001c x", false)
	f.Add("", "x", "", false)
	f.Fuzz(func(t *testing.T, hyp, ref, ref2 string, lower bool) {
		refs := []string{ref}
		if ref2 != "" {
			refs = append(refs, ref2)
		}
		sc := newBLEUScratch()
		for _, tok := range Tokenizers {
			for _, m := range []BLEU{{Tokenizer: tok, Lowercase: lower}, {Tokenizer: tok, MaxOrder: 2}} {
				fast, ok, err := m.fastStats(sc, hyp, refs, nil)
				if err != nil || !ok {
					t.Fatalf("%s: fast path refused (%v)", tok, err)
				}
				slow, _ := m.mapStats(hyp, refs, nil)
				if fmt.Sprint(fast) != fmt.Sprint(slow) {
					t.Fatalf("%s lc=%v order %d (%q, %q): fast %v, maps %v", tok, m.Lowercase, m.order(), hyp, refs, fast, slow)
				}
			}
		}
		if got, want := sc.tokenize13a(hyp), Tokenize13a(hyp); pyJoinFields(got) != want {
			t.Fatalf("tokenize13a(%q) = %q, Tokenize13a %q", hyp, got, want)
		}
	})
}
