package report

import (
	"fmt"
	"math"
	"testing"
)

func TestPairedBootstrap(t *testing.T) {
	var refs, same, better, worse []string
	for i := 0; i < 200; i++ {
		refs = append(refs, fmt.Sprintf("the committee approved plan number %d on monday after a long debate", i))
		same = append(same, fmt.Sprintf("the committee approved plan number %d on monday after a long debate", i))
		if i%10 == 0 {
			better = append(better, fmt.Sprintf("the committee approved plan %d monday after long debate", i))
		} else {
			better = append(better, refs[i])
		}
		if i%3 == 0 {
			worse = append(worse, fmt.Sprintf("the panel approved scheme number %d on monday after talks", i))
		} else {
			worse = append(worse, fmt.Sprintf("the committee approved plan number %d on monday after a debate", i))
		}
	}
	segRefs, _, err := SegmentRefs(len(refs), [][]string{refs})
	if err != nil {
		t.Fatal(err)
	}
	m := BLEU{}
	samples := Resamples(DefaultBootstrapSamples, len(refs), DefaultBootstrapSeed)
	if again := Resamples(DefaultBootstrapSamples, len(refs), DefaultBootstrapSeed); again[999][199] != samples[999][199] {
		t.Fatal("resampling is not deterministic")
	}
	base := Stats(m, same, segRefs)

	// As in sacreBLEU (after multeval), a zero difference is not attributed to chance: a
	// system compared with itself gets the smallest p-value, 1/(n+1).
	identical := PairedBootstrap(m, base, Stats(m, same, segRefs), samples)
	if identical.PValue != 1.0/1001 {
		t.Errorf("identical systems: p = %v, want 1/1001", identical.PValue)
	}
	different := PairedBootstrap(m, base, Stats(m, worse, segRefs), samples)
	if different.PValue > 0.01 {
		t.Errorf("very different systems: p = %v, want ≤ 0.01", different.PValue)
	}
	if different.Confidence.CI <= 0 || different.Confidence.Mean <= 0 {
		t.Errorf("confidence %+v", different.Confidence)
	}
	close := PairedBootstrap(m, base, Stats(m, better, segRefs), samples)
	if close.PValue < different.PValue {
		t.Errorf("p(close) = %v < p(different) = %v", close.PValue, different.PValue)
	}
}

// TestBootstrapSmallCase works sacreBLEU's paired bootstrap out by hand for two segments,
// the first translated right and the second with 4 (system A) or 2 (system B) of its 4
// words wrong. np.random.default_rng(12345).choice(2, size=(1000, 2)) holds the second
// segment 0, 1 and 2 times in 266, 480 and 254 samples, so A's TER over a sample is 0, 50 or
// 100 and B's 0, 25 or 50: A's mean is (480·50 + 254·100)/1000 = 49.4 and B's 24.7 (as
// float32), their intervals 0.5·(100 − 0) and 0.5·(50 − 0) (the 26th and 975th sorted
// scores), and the p-value counts the samples whose |A − B| (0, 25 or 50) less the mean
// difference 24.7 exceeds the observed 25: the 254 with 50, so p = 255/1001. sacreBLEU 2.x
// (significance.py with NumPy's weak promotion) prints the same: 49.400001525878906, 50.0,
// 24.700000762939453, 25.0, 0.2547452547452547.
func TestBootstrapSmallCase(t *testing.T) {
	refs := [][]string{{"a b c d"}, {"a b c d"}}
	m := TER{}
	a := Stats(m, []string{"a b c d", "w x y z"}, refs)
	b := Stats(m, []string{"a b c d", "a b y z"}, refs)
	samples := Resamples(DefaultBootstrapSamples, 2, DefaultBootstrapSeed)
	kinds := [3]int{}
	for _, s := range samples {
		kinds[s[0]+s[1]]++
	}
	if kinds != [3]int{266, 480, 254} {
		t.Fatalf("samples with the second segment 0, 1, 2 times: %v, want [266 480 254]", kinds)
	}
	if got, want := Bootstrap(m, a, samples), (Confidence{Mean: float64(float32(49.4)), CI: 50}); got != want {
		t.Errorf("A: %+v, want %+v", got, want)
	}
	got := PairedBootstrap(m, a, b, samples)
	want := PairedResult{Score: 25, Confidence: Confidence{Mean: float64(float32(24.7)), CI: 25}, PValue: 255.0 / 1001}
	if got != want {
		t.Errorf("B against A: %+v, want %+v", got, want)
	}
}

// TestPairedBootstrapSacreBLEU checks the paired bootstrap of testdata/report/de-en-news
// (mt-b against mt-a, one reference) against sacreBLEU's numbers: sacrebleu/significance.py
// at github.com/mjpost/sacrebleu f615c7286d4d813370efb824d94fc2bfcd3a6b94, run on
// 2026-11-30 with Debian's python3 3.11 and numpy 1.24.2 under
// np._set_promotion_state('weak') (NumPy 2's promotion) as PairedTest(…, test_type='bs',
// n_samples=1000) with BLEU(), CHRF(), CHRF(word_order=2), TER(), printing repr() of each
// Result. chrF and TER agree to the bit; BLEU's samples go through math.Log and math.Exp,
// which are not glibc's log and exp to the last bit, so BLEU is checked to 1e-12.
func TestPairedBootstrapSacreBLEU(t *testing.T) {
	dir := "../testdata/report/de-en-news/"
	ref := readLines(t, dir+"reference.en")
	in := Input{References: [][]string{ref}, Systems: []System{
		{Name: "mt-a", Hypotheses: readLines(t, dir+"mt-a.en")},
		{Name: "mt-b", Hypotheses: readLines(t, dir+"mt-b.en")},
	}}
	rep, err := Build(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const p = 1.0 / 1001
	wantBase := map[string]Confidence{
		"BLEU":    {64.91141980374532, 5.951573797380867},
		"chrF2":   {84.05160522460938, 2.7416152954101562},
		"chrF2++": {82.48619842529297, 2.9238853454589844},
		"TER":     {24.010738372802734, 4.51484489440918},
	}
	wantPaired := map[string]PairedResult{
		"BLEU":    {25.500088702424136, Confidence{25.25105848452262, 4.790241519503832}, p},
		"chrF2":   {63.51393126430446, Confidence{63.54242706298828, 3.7881622314453125}, p},
		"chrF2++": {60.160849696511974, Confidence{60.18166732788086, 3.705921173095703}, p},
		"TER":     {60.28776978417266, Confidence{60.24799346923828, 5.792604446411133}, p},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Abs(b) }
	for name, want := range wantBase {
		got := rep.Systems[0].Baseline[name]
		if name == "BLEU" {
			if !near(got.Mean, want.Mean) || !near(got.CI, want.CI) {
				t.Errorf("mt-a %s: %+v, sacreBLEU %+v", name, got, want)
			}
		} else if got != want {
			t.Errorf("mt-a %s: %+v, sacreBLEU %+v", name, got, want)
		}
	}
	for name, want := range wantPaired {
		got := rep.Systems[1].Paired[name]
		if name == "BLEU" {
			if !near(got.Score, want.Score) || !near(got.Confidence.Mean, want.Confidence.Mean) ||
				!near(got.Confidence.CI, want.Confidence.CI) || got.PValue != want.PValue {
				t.Errorf("mt-b %s: %+v, sacreBLEU %+v", name, got, want)
			}
		} else if got != want {
			t.Errorf("mt-b %s: %+v, sacreBLEU %+v", name, got, want)
		}
	}
}
