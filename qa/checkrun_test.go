package qa

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/bitext/bitext/glossary"
)

// wholeReport is the report as check made it before CheckRun: every segment and finding first,
// then NewReport, with the terms counted segment by segment and the inconsistencies last.
func wholeReport(g *glossary.Glossary, opt glossary.CheckOptions, segs []glossary.Segment, countTerms bool) *Report {
	ch := glossary.NewChecker(g, opt)
	var terms *TermCounter
	if countTerms {
		terms = &TermCounter{}
	}
	var fs []glossary.Finding
	qs := make([]Segment, len(segs))
	label := map[int]string{}
	for i, s := range segs {
		fs = append(fs, ch.Add(s)...)
		if terms != nil {
			res := g.Review(s.Source, s.Target)
			terms.Add(res)
			for _, v := range FromGlossary(res.Violations, s.Source, s.Target, Location{}) {
				terms.AddViolation(v)
			}
		}
		qs[i] = Segment{Document: s.Doc, Index: s.Index, Label: s.Label, Source: s.Source, Target: s.Target}
		label[s.Index] = s.Label
	}
	fs = append(fs, ch.Close()...)
	vs := make([]Violation, len(fs))
	for i, f := range fs {
		vs[i] = FromFinding(f, label[f.Index])
	}
	rep := NewReport(qs, vs, ch.Summary())
	if terms != nil {
		for _, v := range vs {
			if v.Kind == Inconsistent {
				terms.AddViolation(v)
			}
		}
		rep.Terms = terms.Stats()
	}
	return rep
}

func TestCheckRunMatchesWholeReport(t *testing.T) {
	g := testGlossary(t)
	texts := [][2]string{
		{"Das Außenministerium und das Bündnis berieten.", "The State Department and the alliance conferred."},
		{"Der Sprecher des Außenministeriums sagte, das Bündnis sei einig.", "The Foreign Ministry spokesman said the alliance was united."},
		{"Das Bündnis wartet.", "The alliance waits."},
		{"Der Generalsekretär des Außenministeriums reiste ab.", "The General Secretary of the Foreign Office left."},
		{"Das Bündnis schwieg.", "The bloc kept silent."},
		{"Der Kreml schwieg.", "The Kremlin kept silent."},
		{"Das Außenministerium <b>berichtete</b>.", "The State Department & the Outer Ministry reported."},
	}
	// Three documents, the first coming back after the second, as a JSONL file may have them.
	var segs []glossary.Segment
	for i := range 21 {
		doc := []string{"a", "a", "b", "a"}[i/6%4]
		tx := texts[(i*3)%len(texts)]
		segs = append(segs, glossary.Segment{Index: i + 1, Doc: doc, Source: tx[0], Target: tx[1], Label: fmt.Sprintf("%s:%d", doc, i+1)})
	}
	opts := map[string]glossary.CheckOptions{
		"plain":       {},
		"consistency": {Consistency: true},
		"free":        {Consistency: true, FreeTerms: true},
	}
	for name, opt := range opts {
		for _, format := range []string{FormatText, FormatJSON, FormatHTML} {
			t.Run(name+"/"+format, func(t *testing.T) {
				rep := wholeReport(g, opt, segs, format == FormatHTML)
				var want bytes.Buffer
				if err := rep.write(&want, format); err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				rw, err := NewReportWriter(context.Background(), &got, format)
				if err != nil {
					t.Fatal(err)
				}
				run, err := NewCheckRun(g, opt, rw, format == FormatHTML)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range segs {
					if err := run.Add(s); err != nil {
						t.Fatal(err)
					}
				}
				sum, err := run.Close()
				if err != nil {
					t.Fatal(err)
				}
				if sum.Violations != rep.Summary.Violations || len(rep.Segments) == 0 {
					t.Errorf("summary %+v, want %+v", sum, rep.Summary)
				}
				if opt.Consistency && sum.ByKind[Inconsistent] == 0 {
					t.Error("no inconsistency: the case tests nothing")
				}
				if got.String() != want.String() {
					t.Errorf("streamed\n%s\nwant\n%s", got.String(), want.String())
				}
			})
		}
	}
}
