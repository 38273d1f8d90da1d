package report

import (
	"reflect"
	"testing"
)

// TestDetailsWorstMatchesAll builds the same two-system report with every detail and with
// DetailsWorst: scores, bootstrap results and rankings must be identical, diffs present exactly
// for the segments text output shows. The streaming bootstrap must also equal the exported
// per-segment Bootstrap and PairedBootstrap over Resamples.
func TestDetailsWorstMatchesAll(t *testing.T) {
	dir := "../testdata/report/de-en-news/"
	in := Input{
		Sources:    readLines(t, dir+"source.de"),
		References: [][]string{readLines(t, dir+"reference.en")},
		Systems: []System{
			{Name: "a", Hypotheses: readLines(t, dir+"mt-a.en")},
			{Name: "b", Hypotheses: readLines(t, dir+"mt-b.en")},
		},
	}
	all, err := Build(in, Options{Bootstrap: 200})
	if err != nil {
		t.Fatal(err)
	}
	worst, err := Build(in, Options{Bootstrap: 200, Details: DetailsWorst, Worst: 5, MostDifferent: 3})
	if err != nil {
		t.Fatal(err)
	}
	// every system gets diffs for the segments any system shows, so they can be compared
	shown := map[int]bool{}
	for si := range worst.Systems {
		for _, i := range worst.Worst(si, 5) {
			shown[i] = true
		}
	}
	for _, d := range worst.MostDifferent {
		shown[d.Segment] = true
	}
	for si := range all.Systems {
		a, w := all.Systems[si], worst.Systems[si]
		if !reflect.DeepEqual(a.Corpus, w.Corpus) || !reflect.DeepEqual(a.Paired, w.Paired) || !reflect.DeepEqual(a.Baseline, w.Baseline) {
			t.Errorf("system %s: corpus or bootstrap results differ", a.Name)
		}
		if !reflect.DeepEqual(all.Worst(si, 5), worst.Worst(si, 5)) {
			t.Errorf("system %s: worst segments differ", a.Name)
		}
		for i := range a.Segments {
			sa, sw := a.Segments[i], w.Segments[i]
			if !reflect.DeepEqual(sa.Scores, sw.Scores) || !reflect.DeepEqual(sa.Flags, sw.Flags) {
				t.Errorf("system %s segment %d: scores or flags differ", a.Name, i+1)
			}
			if shown[i] && !reflect.DeepEqual(sa.Diff, sw.Diff) {
				t.Errorf("system %s segment %d: shown but its diff differs", a.Name, i+1)
			}
			if !shown[i] && sw.Diff != nil {
				t.Errorf("system %s segment %d: not shown but diffed", a.Name, i+1)
			}
		}
	}
	if !reflect.DeepEqual(all.MostDifferent[:3], worst.MostDifferent) {
		t.Errorf("most different: %v vs %v", all.MostDifferent[:3], worst.MostDifferent)
	}

	segRefs, _, err := SegmentRefs(len(in.References[0]), in.References)
	if err != nil {
		t.Fatal(err)
	}
	samples := Resamples(200, len(segRefs), DefaultBootstrapSeed)
	for _, m := range DefaultMetrics() {
		base := Stats(m, in.Systems[0].Hypotheses, segRefs)
		sys := Stats(m, in.Systems[1].Hypotheses, segRefs)
		if got, want := all.Systems[0].Baseline[m.Name()], Bootstrap(m, base, samples); got != want {
			t.Errorf("%s baseline: %+v, Bootstrap %+v", m.Name(), got, want)
		}
		if got, want := all.Systems[1].Paired[m.Name()], PairedBootstrap(m, base, sys, samples); got != want {
			t.Errorf("%s paired: %+v, PairedBootstrap %+v", m.Name(), got, want)
		}
	}
}
