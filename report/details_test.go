package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"testing"
)

// TestDetailsWorstMatchesAll builds the same two-system report with every detail (deferred to
// Report.Segment) and with DetailsWorst: scores, bootstrap results and rankings must be identical, diffs present exactly
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
			sa, err := all.Segment(si, i)
			if err != nil {
				t.Fatal(err)
			}
			sw := w.Segments[i]
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

// TestDeferredDetailsMatchEager builds reports with DetailsAll (details built as they are read)
// and DetailsEager (built in Build): Build leaves the deferred segments bare, Report.Segment
// gives what the eager report holds, notices agree, and every renderer writes the same bytes.
// WriteJSON, which streams, must also write what one json.Encoder call over the whole
// document wrote (wholeJSON, the encoder WriteJSON replaced), for single systems, comparisons,
// QA-only reports, a coarse diff with its notice and a report with no segments.
func TestDeferredDetailsMatchEager(t *testing.T) {
	dir := "../testdata/report/de-en-news/"
	news := Input{
		Sources:    readLines(t, dir+"source.de"),
		References: [][]string{readLines(t, dir+"reference.en")},
		Systems: []System{
			{Name: "a", Hypotheses: readLines(t, dir+"mt-a.en")},
			{Name: "b <&>", Hypotheses: readLines(t, dir+"mt-b.en")},
		},
	}
	one := news
	one.Systems = one.Systems[:1]
	qaOnly := news
	qaOnly.References = nil
	_, lr, lh := longSegment(t, 40_000) // past diffMaxTokens together: a coarse diff and a notice
	long := Input{References: [][]string{{"a\u2028b <i>", lr}}, Systems: []System{{Name: "x", Hypotheses: []string{"", lh}}}}
	empty := Input{References: [][]string{{}}, Systems: []System{{Name: "e"}}}
	cases := map[string]Input{"one": one, "two": news, "qa-only": qaOnly, "long": long, "empty": empty}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			opt := Options{Bootstrap: 50, Version: "t"}
			lazy, err := Build(in, opt)
			if err != nil {
				t.Fatal(err)
			}
			opt.Details = DetailsEager
			eager, err := Build(in, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(lazy.Notices, eager.Notices) {
				t.Errorf("notices: %q, eager %q", lazy.Notices, eager.Notices)
			}
			if name == "long" && len(lazy.Notices) != 1 {
				t.Errorf("notices: %q, want the coarse diff's", lazy.Notices)
			}
			for si := range lazy.Systems {
				for i, bare := range lazy.Systems[si].Segments {
					if in.References != nil && (bare.Scores != nil || bare.Diff != nil) {
						t.Fatalf("system %d segment %d: details built in Build", si, i+1)
					}
					got, err := lazy.Segment(si, i)
					if err != nil {
						t.Fatal(err)
					}
					if want := eager.Systems[si].Segments[i]; !reflect.DeepEqual(got, want) {
						t.Errorf("system %d segment %d:\n%+v\neager:\n%+v", si, i+1, got, want)
					}
				}
			}
			render := func(r *Report) map[string]string {
				out := map[string]string{}
				for format, write := range map[string]func(*bytes.Buffer) error{
					"json":  func(b *bytes.Buffer) error { return WriteJSON(b, r) },
					"whole": func(b *bytes.Buffer) error { return wholeJSON(b, r) },
					"text":  func(b *bytes.Buffer) error { return WriteText(b, r, TextOptions{Worst: 100}) },
					"md":    func(b *bytes.Buffer) error { return WriteMarkdown(b, r, TextOptions{Worst: 100}) },
					"html":  func(b *bytes.Buffer) error { return WriteHTML(b, r, HTMLOptions{}) },
				} {
					var b bytes.Buffer
					if err := write(&b); err != nil {
						t.Fatalf("%s: %v", format, err)
					}
					out[format] = b.String()
				}
				return out
			}
			l, e := render(lazy), render(eager)
			for format := range l {
				if l[format] != e[format] {
					t.Errorf("%s differs between deferred and eager details", format)
				}
			}
			if l["json"] != e["whole"] {
				t.Errorf("streamed JSON differs from the whole document's encoding:\n%s\nwant:\n%s", l["json"], e["whole"])
			}
			if !json.Valid([]byte(l["json"])) {
				t.Errorf("invalid JSON:\n%s", l["json"])
			}
		})
	}
	// A report assembled by hand (no sentence columns, a nil QA map) streams as it encoded.
	hand := &Report{Version: "h", Metrics: []string{"BLEU"}, NumRefs: 1, Systems: []SystemReport{{Name: "h",
		Corpus:   []Score{{Name: "BLEU", Score: 1, Signature: "BLEU|x"}},
		Segments: []Segment{{Index: 1, Hypothesis: "<b>", Scores: map[string]float64{"BLEU": 1}, Diff: WordDiff("a", "<b>")}}}}}
	var got, want bytes.Buffer
	if err := WriteJSON(&got, hand); err != nil {
		t.Fatal(err)
	}
	if err := wholeJSON(&want, hand); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("hand-made report:\n%s\nwant:\n%s", got.String(), want.String())
	}
}

// TestDeferredDetailsCancelled: deferred details are built under the context Build was given,
// so rendering stops with its error once it is cancelled.
func TestDeferredDetailsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := sampleInput()
	r, err := BuildContext(ctx, in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := r.Segment(0, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("Segment: err = %v", err)
	}
	for name, write := range map[string]func(io.Writer) error{
		"json": func(w io.Writer) error { return WriteJSON(w, r) },
		"text": func(w io.Writer) error { return WriteText(w, r, TextOptions{}) },
		"md":   func(w io.Writer) error { return WriteMarkdown(w, r, TextOptions{}) },
		"html": func(w io.Writer) error { return WriteHTML(w, r, HTMLOptions{}) },
	} {
		if err := write(io.Discard); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// wholeJSON is WriteJSON as it was before it streamed: the whole document in one Encode call,
// every segment's details in memory. The tests hold WriteJSON to its bytes.
func wholeJSON(w io.Writer, r *Report) error {
	type jsonSystem struct {
		Name       string                  `json:"name,omitempty"`
		Corpus     orderedScores           `json:"corpus,omitempty"`
		Confidence map[string]Confidence   `json:"confidence,omitempty"`
		Paired     map[string]PairedResult `json:"paired,omitempty"`
		QA         map[string]int          `json:"qa"`
		Segments   []Segment               `json:"segments"`
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	sys := func(si int, withName bool) (jsonSystem, error) {
		s := r.Systems[si]
		js := jsonSystem{Corpus: signedScores(r, s.Corpus), Confidence: s.Baseline, Paired: s.Paired, QA: s.QA, Segments: []Segment{}}
		if withName {
			js.Name = s.Name
		}
		for i := range s.Segments {
			seg, err := r.Segment(si, i)
			if err != nil {
				return js, err
			}
			js.Segments = append(js.Segments, seg)
		}
		return js, nil
	}
	if len(r.Systems) == 1 {
		js, err := sys(0, false)
		if err != nil {
			return err
		}
		return enc.Encode(struct {
			Version string   `json:"version"`
			Notices []string `json:"notices,omitempty"`
			jsonSystem
		}{r.Version, r.Notices, js})
	}
	out := struct {
		Version       string           `json:"version"`
		Notices       []string         `json:"notices,omitempty"`
		Baseline      string           `json:"baseline"`
		Bootstrap     *jsonBootstrap   `json:"bootstrap,omitempty"`
		Systems       []jsonSystem     `json:"systems"`
		MostDifferent []jsonDifference `json:"most_different"`
	}{Version: r.Version, Notices: r.Notices, Baseline: r.Systems[0].Name, MostDifferent: []jsonDifference{}}
	if len(r.Metrics) > 0 {
		out.Bootstrap = &jsonBootstrap{r.Bootstrap, r.Seed}
	}
	for si := range r.Systems {
		js, err := sys(si, true)
		if err != nil {
			return err
		}
		out.Systems = append(out.Systems, js)
	}
	for _, d := range r.MostDifferent {
		out.MostDifferent = append(out.MostDifferent, jsonDifference{d.Segment + 1, d.Spread, d.By})
	}
	return enc.Encode(out)
}

// TestMostDifferentCount: Options.MostDifferent bounds the list (0: the default ten, negative:
// none, as TextOptions.Worst, which is how --worst 0 removes it from text and Markdown).
func TestMostDifferentCount(t *testing.T) {
	dir := "../testdata/report/de-en-news/"
	in := Input{
		References: [][]string{readLines(t, dir+"reference.en")},
		Systems: []System{
			{Name: "a", Hypotheses: readLines(t, dir+"mt-a.en")},
			{Name: "b", Hypotheses: readLines(t, dir+"mt-b.en")},
		},
	}
	for _, tt := range []struct{ opt, want int }{{0, 10}, {3, 3}, {-1, 0}} {
		rep, err := Build(in, Options{Bootstrap: 10, Details: DetailsWorst, MostDifferent: tt.opt})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(rep.MostDifferent); got != tt.want {
			t.Errorf("MostDifferent %d: %d segments listed, want %d", tt.opt, got, tt.want)
		}
	}
}
