package report

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// The expected values in this file are sacreBLEU's own published numbers, copied from its test
// suite and README (github.com/mjpost/sacrebleu): they were printed by sacreBLEU, not by
// bitext. Each table names the file it comes from.

const tolerance = 0.01

func close(got, want float64) bool { return math.Abs(got-want) < tolerance }

func ptr(f float64) *float64 { return &f }

// README.md ("Using SacreBLEU from Python") and test/test_bleu.py (_refs, _hyps).
var readmeRefs = [][]string{
	{"The dog bit the man.", "It was not unexpected.", "The man bit him first."},
	{"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."},
}
var readmeHyps = []string{"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."}

func TestCorpusBLEUSacreBLEU(t *testing.T) {
	// test/test_bleu.py: test_corpus_bleu_cases, test_bleu_max_order; README.md examples.
	tests := []struct {
		name string
		m    BLEU
		hyps []string
		refs [][]string
		want float64
	}{
		{"default", BLEU{}, readmeHyps, readmeRefs, 48.530827},
		{"empty hypotheses", BLEU{}, []string{"", "", ""}, readmeRefs, 0},
		{"tok none", BLEU{Tokenizer: TokNone}, readmeHyps, readmeRefs, 49.1919566},
		{"tok 13a", BLEU{Tokenizer: Tok13a}, readmeHyps, readmeRefs, 48.530827},
		{"tok intl", BLEU{Tokenizer: TokIntl}, readmeHyps, readmeRefs, 43.91623493},
		{"smooth none", BLEU{Smooth: SmoothNone}, readmeHyps, readmeRefs, 48.530827},
		{"max order 1", BLEU{MaxOrder: 1}, readmeHyps, readmeRefs, 77.65},
		{"max order 2", BLEU{MaxOrder: 2}, readmeHyps, readmeRefs, 60.50},
		{"max order 3", BLEU{MaxOrder: 3}, readmeHyps, readmeRefs, 53.93},
		{"max order 5", BLEU{MaxOrder: 5}, readmeHyps, readmeRefs, 46.14},
		{"max order 6", BLEU{MaxOrder: 6}, readmeHyps, readmeRefs, 43.28},
		// README.md "Variable Number of References": BLEU = 29.44 (nrefs:var there, printed by
		// 2.0.0; since 2.2.0 an empty reference counts: nrefs:2, the same BLEU)
		{"variable refs", BLEU{}, readmeHyps, [][]string{{"", readmeRefs[0][1], readmeRefs[0][2]}, readmeRefs[1]}, 29.44},
		// test/test_bleu.py test_raw_bleu: raw_corpus_bleu = tokenize none, floor 0.01, effective order
		{"raw no match", BLEU{Tokenizer: TokNone, Smooth: SmoothFloor, SmoothValue: ptr(.01), EffectiveOrder: true},
			[]string{"this is a test", "another test"}, [][]string{{"ref1", "ref2"}}, 0},
		{"raw exact", BLEU{Tokenizer: TokNone, Smooth: SmoothFloor, SmoothValue: ptr(.01), EffectiveOrder: true},
			[]string{"this is a test"}, [][]string{{"this is a test"}}, 100},
		{"raw fest", BLEU{Tokenizer: TokNone, Smooth: SmoothFloor, SmoothValue: ptr(.01), EffectiveOrder: true},
			[]string{"this is a fest"}, [][]string{{"this is a test"}}, 22.3606797749979},
		// test/test_bleu.py test_case_effective_order
		{"eff test", BLEU{Tokenizer: TokNone, Smooth: SmoothFloor, SmoothValue: ptr(.01), EffectiveOrder: true},
			[]string{"test"}, [][]string{{"a test"}}, 36.78794411714425},
		{"eff a test", BLEU{Tokenizer: TokNone, Smooth: SmoothFloor, SmoothValue: ptr(.01), EffectiveOrder: true},
			[]string{"a test"}, [][]string{{"a test"}}, 100},
		{"eff a little test", BLEU{Tokenizer: TokNone, Smooth: SmoothFloor, SmoothValue: ptr(.01), EffectiveOrder: true},
			[]string{"a little test"}, [][]string{{"a test"}}, 3.218297948685433},
		// test/test_bleu.py test_offset: floor 0 gives 0, the default floor 0.1 gives 15.557
		{"offset 0", BLEU{Tokenizer: TokNone, Smooth: SmoothFloor, SmoothValue: ptr(0), EffectiveOrder: true},
			[]string{"am I am a character sequence"}, [][]string{{"I am a symbol string sequence a a"}}, 0},
		{"offset default", BLEU{Tokenizer: TokNone, Smooth: SmoothFloor, EffectiveOrder: true},
			[]string{"am I am a character sequence"}, [][]string{{"I am a symbol string sequence a a"}}, 15.55722182},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := CorpusScore(tt.m, tt.hyps, tt.refs, "test")
			if err != nil {
				t.Fatal(err)
			}
			if !close(s.Score, tt.want) {
				t.Errorf("BLEU = %.6f, sacreBLEU %.6f (%s)", s.Score, tt.want, s.Verbose)
			}
		})
	}
}

func TestBLEUStatisticsSacreBLEU(t *testing.T) {
	// test/test_bleu.py test_case_statistics: common [4 2 1 0], totals [6 5 4 3]
	m := BLEU{Tokenizer: TokNone}
	st := m.Stats("am I am a character sequence", []string{"I am a symbol string sequence a a"})
	want := []float64{6, 8, 4, 2, 1, 0, 6, 5, 4, 3}
	for i := range want {
		if st[i] != want[i] {
			t.Fatalf("stats = %v, want %v", st, want)
		}
	}
	// test/test_bleu.py test_case_scoring: compute_bleu([9,7,5,3],[10,8,6,4],11,11) = 0.8375922397
	r := BLEU{Smooth: SmoothNone}.Compute([]float64{11, 11, 9, 7, 5, 3, 10, 8, 6, 4})
	if !close(r.Score, 83.75922397) {
		t.Errorf("compute_bleu = %v, want 83.759", r.Score)
	}
	// README.md: "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)"
	s, _ := CorpusScore(BLEU{}, readmeHyps, readmeRefs, "1.0")
	if want := "82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)"; s.Verbose != want {
		t.Errorf("verbose = %q, want %q", s.Verbose, want)
	}
	if want := "BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:bitext-1.0"; s.Signature != want {
		t.Errorf("signature = %q, want %q", s.Signature, want)
	}
}

func TestDegenerateBLEUSacreBLEU(t *testing.T) {
	// test/test_bleu.py test_case_degenerate_stats: all score 0 with floor smoothing
	cases := []struct {
		correct, total []float64
		sys, ref, off  float64
	}{
		{[]float64{0, 0, 0, 0}, []float64{4, 4, 2, 1}, 0, 1, 0},
		{[]float64{0, 0, 0, 0}, []float64{10, 11, 12, 0}, 14, 10, 0},
		{[]float64{0, 0, 0, 0}, []float64{0, 0, 0, 0}, 0, 0, 0},
		{[]float64{6, 5, 4, 0}, []float64{6, 5, 4, 3}, 6, 6, 0},
		{[]float64{0, 0, 0, 0}, []float64{0, 0, 0, 0}, 0, 0, 0.1},
		{[]float64{0, 0, 0, 0}, []float64{0, 0, 0, 0}, 1, 5, 0.01},
	}
	for i, c := range cases {
		stats := append([]float64{c.sys, c.ref}, append(append([]float64{}, c.correct...), c.total...)...)
		if got := (BLEU{Smooth: SmoothFloor, SmoothValue: ptr(c.off)}).Compute(stats).Score; got != 0 {
			t.Errorf("case %d: %v, want 0", i, got)
		}
	}
}

func TestSentenceBLEUSacreBLEU(t *testing.T) {
	// test/test_sentence_bleu.py (example from sacreBLEU issue #98), effective order on.
	const ref = "producţia de zahăr brut se exprimă în zahăr alb;"
	const sys = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;"
	tests := []struct {
		smooth Smoothing
		value  *float64
		lower  bool
		tok    Tokenizer
		want   float64
	}{
		{SmoothExp, nil, false, Tok13a, 8.493},
		{SmoothNone, nil, false, Tok13a, 0},
		{SmoothFloor, nil, false, Tok13a, 4.51688},
		{SmoothFloor, ptr(0.1), false, Tok13a, 4.51688},
		{SmoothFloor, ptr(0.5), false, Tok13a, 10.10},
		{SmoothAddK, nil, false, Tok13a, 14.882},
		{SmoothAddK, ptr(1), false, Tok13a, 14.882},
		{SmoothAddK, ptr(2), false, Tok13a, 21.389},
		{SmoothExp, nil, false, TokNone, 7.347},
		{SmoothExp, nil, false, TokIntl, 8.493},
		{SmoothExp, nil, false, TokChar, 40.8759},
		{SmoothExp, nil, true, TokChar, 42.0267},
	}
	for _, tt := range tests {
		m := BLEU{Tokenizer: tt.tok, Lowercase: tt.lower, Smooth: tt.smooth, SmoothValue: tt.value, EffectiveOrder: true}
		if got := SentenceScore(m, sys, []string{ref}); !close(got, tt.want) {
			t.Errorf("%s/%v/%v/%s: %.4f, sacreBLEU %.4f", tt.smooth, tt.value, tt.lower, tt.tok, got, tt.want)
		}
		// issue #141 example (test_cases_zero_bleu, 13a only): no match at all is 0
		if tt.tok != Tok13a {
			continue
		}
		if got := SentenceScore(m, "this is a cat", []string{"okay thanks"}); got != 0 {
			t.Errorf("zero case %s: %v", tt.smooth, got)
		}
	}
}

func TestCHRFSacreBLEU(t *testing.T) {
	beta3eps := CHRF{CharOrder: 6, Beta: 3, EpsSmoothing: true}
	beta3 := CHRF{CharOrder: 6, Beta: 3}
	tests := []struct {
		name string
		m    CHRF
		hyps []string
		refs []string
		want float64
	}{
		// test/test_chrf.py test_cases (beta 3, eps smoothing)
		{"eps no overlap", beta3eps, []string{"abcdefg"}, []string{"hijklmnop"}, 0},
		{"eps a b", beta3eps, []string{"a"}, []string{"b"}, 0},
		{"eps empty", beta3eps, []string{""}, []string{"reference"}, 0},
		{"eps aa ab", beta3eps, []string{"aa"}, []string{"ab"}, 8.3333},
		{"eps two segs", beta3eps, []string{"a", "b"}, []string{"a", "c"}, 8.3333},
		{"eps a a", beta3eps, []string{"a"}, []string{"a"}, 16.6667},
		{"eps abc spaces", beta3eps, []string{"a b c"}, []string{"a b c"}, 50},
		{"eps abc joined", beta3eps, []string{"a b c"}, []string{"abc"}, 50},
		{"eps risk", beta3eps,
			[]string{" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."},
			[]string{"risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."}, 63.361730},
		{"eps Obama", beta3eps,
			[]string{" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "},
			[]string{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."}, 64.1302698},
		{"eps Mauer", beta3eps, []string{"Niemand hat die Absicht, eine Mauer zu errichten"},
			[]string{"Niemand hat die Absicht, eine Mauer zu errichten"}, 100},
		// test/test_chrf.py test_cases_effective_order (beta 3, sacreBLEU's default smoothing)
		{"eff a a", beta3, []string{"a"}, []string{"a"}, 100},
		{"eff empty", beta3, []string{""}, []string{"reference"}, 0},
		{"eff abc", beta3, []string{"a b c"}, []string{"a b c"}, 100},
		{"eff abc joined", beta3, []string{"a b c"}, []string{"abc"}, 100},
		{"eff empty c", beta3, []string{""}, []string{"c"}, 0},
		{"eff two segs", beta3, []string{"a", "b"}, []string{"a", "c"}, 50},
		{"eff aa ab", beta3, []string{"aa"}, []string{"ab"}, 25},
		// test/test_chrf.py test_cases_keep_whitespace
		{"space Obama", CHRF{CharOrder: 6, Beta: 3, Whitespace: true},
			[]string{"Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."},
			[]string{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."}, 67.3481606},
		{"space risk", CHRF{CharOrder: 6, Beta: 3, Whitespace: true},
			[]string{"risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."},
			[]string{"risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."}, 65.2414427},
		// README.md: chrf.corpus_score(sys, refs) = chrF2 = 59.73 (two reference streams, below)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := CorpusScore(tt.m, tt.hyps, [][]string{tt.refs}, "")
			if err != nil {
				t.Fatal(err)
			}
			if !close(s.Score, tt.want) {
				t.Errorf("chrF = %.6f, sacreBLEU %.6f", s.Score, tt.want)
			}
		})
	}
	s, _ := CorpusScore(NewCHRF(), readmeHyps, readmeRefs, "2")
	if !close(s.Score, 59.73) {
		t.Errorf("README chrF2 = %.4f, want 59.73", s.Score)
	}
	if want := "chrF2|nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:bitext-2"; s.Signature != want {
		t.Errorf("signature %q, want %q", s.Signature, want)
	}
	// test/test_chrf.py test_sentence_level_chrf: sentence_chrf with eps smoothing, beta 2
	sentences := []struct {
		hyp, ref string
		want     float64
	}{
		{"Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
			"Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.", 39.14078509},
		{"Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
			"A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.", 31.22557079},
		{"Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
			"Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.", 57.15704367},
	}
	eps := NewCHRF()
	eps.EpsSmoothing = true
	for _, s := range sentences {
		if got := SentenceScore(eps, s.hyp, []string{s.ref}); !close(got, s.want) {
			t.Errorf("sentence chrF %q = %.6f, sacreBLEU %.6f", s.hyp, got, s.want)
		}
	}
}

func TestTERSacreBLEU(t *testing.T) {
	// test/test_ter.py test_cases (sacreBLEU defaults); the expected values are fractions there.
	tests := []struct {
		name string
		hyps []string
		refs []string
		want float64
	}{
		{"perfect", []string{"aaaa bbbb cccc dddd"}, []string{"aaaa bbbb cccc dddd"}, 0},
		{"no overlap", []string{"dddd eeee ffff"}, []string{"aaaa bbbb cccc"}, 100},
		{"empty hyp", []string{""}, []string{"a"}, 100},
		{"one shift", []string{"d e f g h a b c"}, []string{"a b c d e f g h"}, 100.0 / 8},
		{"WMT dev 2019", []string{
			`wählen Sie " Bild neu berechnen , " um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu entfernen , damit das Bild ungefähr dieselbe Größe aufweist wie die andere Größe .`,
			`wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des Aufgabenbedienfelds die Option " Alle Aufgaben aktualisieren . "`,
			`klicken Sie auf der Registerkarte " Optionen " auf die Schaltfläche " Benutzerdefiniert " und geben Sie Werte für " Fehlerkorrektur-Level " und " Y / X-Verhältnis " ein .`,
			`Sie können beispielsweise ein Dokument erstellen , das ein Auto über die Bühne enthält .`,
			`wählen Sie im Dialogfeld " Neu aus Vorlage " eine Vorlage aus und klicken Sie auf " Neu . "`,
		}, []string{
			`wählen Sie " Bild neu berechnen , " um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu entfernen , damit die Darstellung des Bildes in einer anderen Größe beibehalten wird .`,
			`wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des Aufgabenbedienfelds die Option " Alle Aufgaben aktualisieren . "`,
			`klicken Sie auf der Registerkarte " Optionen " auf die Schaltfläche " Benutzerdefiniert " und geben Sie für " Fehlerkorrektur-Level " und " Y / X-Verhältnis " niedrigere Werte ein .`,
			`Sie können beispielsweise ein Dokument erstellen , das ein Auto enthalt , das sich über die Bühne bewegt .`,
			`wählen Sie im Dialogfeld " Neu aus Vorlage " eine Vorlage aus und klicken Sie auf " Neu . "`,
		}, 13.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := CorpusScore(TER{}, tt.hyps, [][]string{tt.refs}, "")
			if err != nil {
				t.Fatal(err)
			}
			if !close(s.Score, tt.want) {
				t.Errorf("TER = %.6f, sacreBLEU %.6f", s.Score, tt.want)
			}
		})
	}
	s, _ := CorpusScore(TER{}, readmeHyps, readmeRefs, "x")
	if want := "TER|nrefs:2|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:bitext-x"; s.Signature != want {
		t.Errorf("signature %q, want %q", s.Signature, want)
	}
}

// The Hugging Face datasets metric cards for "chrf" and "ter" (metrics/chrf/chrf.py and
// metrics/ter/ter.py in huggingface/datasets) print sacreBLEU's output for these inputs; the
// wrappers call sacrebleu.CHRF / sacrebleu.TER directly. References are given per prediction
// there and transposed into streams here.
var hfPredictions = []string{"The relationship between cats and dogs is not exactly friendly.",
	"a good bookshop is just a genteel black hole that knows how to read."}
var hfReferences = [][]string{{"The relationship between dogs and cats is not exactly friendly.",
	"A good bookshop is just a genteel Black Hole that knows how to read."}}

func TestCHRFHuggingFaceCard(t *testing.T) {
	lc := NewCHRFPlusPlus()
	lc.Lowercase = true
	tests := []struct {
		m    CHRF
		want float64
	}{
		{NewCHRF(), 84.64214891738334},
		{NewCHRFPlusPlus(), 82.87263732906315},
		{lc, 92.12853119829202},
	}
	for _, tt := range tests {
		s, err := CorpusScore(tt.m, hfPredictions, hfReferences, "")
		if err != nil {
			t.Fatal(err)
		}
		if !close(s.Score, tt.want) {
			t.Errorf("%s (lc %v) = %.6f, sacreBLEU %.6f", tt.m.Name(), tt.m.Lowercase, s.Score, tt.want)
		}
	}
}

func TestTERHuggingFaceCard(t *testing.T) {
	preds := []string{"does this sentence match??", "what about this sentence?",
		"What did the TER metric user say to the developer?"}
	refStreams := [][]string{
		{"does this sentence match", "wHaT aBoUt ThIs SeNtEnCe?", "Your jokes are..."},
		{"does this sentence match!?!", "wHaT aBoUt ThIs SeNtEnCe?", "...TERrible"},
	}
	two := [][]string{refStreams[0][:2], refStreams[1][:2]}
	tests := []struct {
		name        string
		m           TER
		preds       []string
		refs        [][]string
		want, edits float64
	}{
		{"example 1", TER{CaseSensitive: true}, preds, refStreams, 150, 15},
		{"example 2", TER{CaseSensitive: true}, preds[:2], two, 62.5, 5},
		{"example 3 normalized", TER{CaseSensitive: true, Normalized: true}, preds[:2], two, 57.14285714285714, 6},
		{"example 4 no punct", TER{NoPunct: true}, preds[:2], two, 0, 0},
		{"example 5 no punct", TER{NoPunct: true}, preds, refStreams, 100, 10},
	}
	for _, tt := range tests {
		segRefs, _, err := SegmentRefs(len(tt.preds), tt.refs)
		if err != nil {
			t.Fatal(err)
		}
		total := Sum(Stats(tt.m, tt.preds, segRefs))
		if got := tt.m.Score(total); !close(got, tt.want) || total[0] != tt.edits {
			t.Errorf("%s: TER %.4f with %v edits, sacreBLEU %.4f with %v", tt.name, got, total[0], tt.want, tt.edits)
		}
	}
}

// TestTERScoreOrder: sacreBLEU computes TER as 100 * (edits / reference length), which is not
// always (100 * edits) / reference length in floating point (1 edit in 3 words: 33.33333333333333
// against 33.333333333333336).
func TestTERScoreOrder(t *testing.T) {
	if got, want := (TER{}).Score([]float64{1, 3}), 33.33333333333333; got != want { // Python: 100 * (1 / 3)
		t.Errorf("TER of 1 edit over 3 words = %v, want %v", got, want)
	}
}

// TestEmptyReferenceAmongOthersSacreBLEU: an empty (or blank) reference line among several is
// a reference to sacreBLEU ≥ 2.2 ("allow empty references"): it counts in nrefs, its length 0
// can be BLEU's closest reference length (segment 2: a 1-word hypothesis against 0 and 3
// words), it can be chrF's best reference (the first wins a tie of F-scores: segment 2; with
// eps smoothing segment 5, where the empty reference scores 1e-14 against 4/6 of that) and it
// halves TER's average reference length (segment 1: 1 edit over (6+0)/2 words). The numbers
// were printed by sacreBLEU 2.6.0 (metrics.BLEU, CHRF, TER; corpus_score,
// _extract_corpus_statistics, sentence_score, BLEU's with effective_order) on these lines,
// right-stripped as its command line reads them (" " is "").
func TestEmptyReferenceAmongOthersSacreBLEU(t *testing.T) {
	hyps := []string{"the cat sat on a mat", "xyz", "hello there world", "it is raining", ""}
	refs := [][]string{
		{"the cat sat on the mat", "", "hello world there", " ", "a b"},
		{"", "a dog barked", "hello there world .", "it rains", ""},
	}
	tests := []struct {
		m        Metric
		corpus   float64
		stats    [][]float64
		sentence []float64
	}{
		{BLEU{}, 50.317476265301394, [][]float64{
			{6, 6, 5, 3, 2, 1, 6, 5, 4, 3},
			{1, 0, 0, 0, 0, 0, 1, 0, 0, 0},
			{3, 3, 3, 2, 1, 0, 3, 2, 1, 0},
			{3, 2, 1, 0, 0, 0, 3, 2, 1, 0},
			{0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		}, []float64{53.7284965911771, 0, 100.00000000000004, 27.516060407455225, 0}},
		{NewCHRF(), 72.14005649798773, [][]float64{
			{15, 17, 14, 14, 16, 12, 13, 15, 10, 12, 14, 8, 11, 13, 7, 10, 12, 6},
			{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
			{15, 16, 15, 14, 15, 14, 13, 14, 13, 12, 13, 12, 11, 12, 11, 10, 11, 10},
			{11, 7, 7, 10, 6, 4, 9, 5, 2, 8, 4, 1, 7, 3, 0, 6, 2, 0},
			{0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		}, []float64{65.97965990995549, 0, 93.88443101094023, 34.022238304563814, 0}},
		{NewCHRFPlusPlus(), 68.79644135073829, [][]float64{
			{15, 17, 14, 14, 16, 12, 13, 15, 10, 12, 14, 8, 11, 13, 7, 10, 12, 6, 6, 6, 5, 5, 5, 3},
			{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
			{15, 16, 15, 14, 15, 14, 13, 14, 13, 12, 13, 12, 11, 12, 11, 10, 11, 10, 3, 4, 3, 2, 3, 2},
			{11, 7, 7, 10, 6, 4, 9, 5, 2, 8, 4, 1, 7, 3, 0, 6, 2, 0, 3, 2, 1, 2, 1, 0},
			{0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 0},
		}, []float64{67.4443505016402, 0, 89.37408883242252, 31.210098870056495, 0}},
		{CHRF{CharOrder: 6, Beta: 2, EpsSmoothing: true}, 72.98772638912826, [][]float64{
			{15, 17, 14, 14, 16, 12, 13, 15, 10, 12, 14, 8, 11, 13, 7, 10, 12, 6},
			{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
			{15, 16, 15, 14, 15, 14, 13, 14, 13, 12, 13, 12, 11, 12, 11, 10, 11, 10},
			{11, 7, 7, 10, 6, 4, 9, 5, 2, 8, 4, 1, 7, 3, 0, 6, 2, 0},
			{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		}, []float64{65.97613331732558, 1.0000000000000002e-14, 93.88285559695369, 33.98053518489624, 1.0000000000000002e-14}},
		{TER{}, 50, [][]float64{{1, 3}, {1, 1.5}, {1, 3.5}, {2, 1}, {0, 1}},
			[]float64{33.33333333333333, 66.66666666666666, 28.57142857142857, 200, 0}},
	}
	segRefs, nrefs, err := SegmentRefs(len(hyps), refs)
	if err != nil {
		t.Fatal(err)
	}
	if nrefs != "2" {
		t.Errorf("nrefs = %q, sacreBLEU's 2", nrefs)
	}
	for _, tt := range tests {
		name := tt.m.Name()
		if c, ok := tt.m.(CHRF); ok && c.EpsSmoothing {
			name += " eps"
		}
		t.Run(name, func(t *testing.T) {
			for i, h := range hyps {
				if got := tt.m.Stats(h, segRefs[i]); !reflect.DeepEqual(got, tt.stats[i]) {
					t.Errorf("segment %d statistics %v, sacreBLEU %v", i+1, got, tt.stats[i])
				}
				m := tt.m
				if b, ok := m.(BLEU); ok {
					b.EffectiveOrder = true
					m = b
				}
				if got := SentenceScore(m, h, segRefs[i]); got != tt.sentence[i] {
					t.Errorf("segment %d sentence score %v, sacreBLEU %v", i+1, got, tt.sentence[i])
				}
			}
			s, err := CorpusScore(tt.m, hyps, refs, "t")
			if err != nil {
				t.Fatal(err)
			}
			if s.Score != tt.corpus {
				t.Errorf("corpus %v, sacreBLEU %v", s.Score, tt.corpus)
			}
			if !strings.Contains(s.Signature, "|nrefs:2|") {
				t.Errorf("signature %s, want nrefs:2", s.Signature)
			}
		})
	}
	// The report keeps the empty references and diffs against the first one with text.
	r, err := Build(Input{References: refs, Systems: []System{{Name: "s", Hypotheses: hyps}}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	seg, err := r.Segment(0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(seg.References, []string{"", "a dog barked"}) || WdiffString(seg.Diff) != "[-a dog barked-]{+xyz+}" {
		t.Errorf("segment 2: references %q, diff %s", seg.References, WdiffString(seg.Diff))
	}
	if r.Systems[0].Corpus[3].Score != 50 {
		t.Errorf("report TER %v, sacreBLEU 50", r.Systems[0].Corpus[3].Score)
	}
}
