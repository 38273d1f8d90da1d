package report

import (
	"fmt"
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
