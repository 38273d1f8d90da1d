package qa

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
)

// updateGolden rewrites testdata/report from what ReportWriter writes. The files were written
// by the renderers as they were when each held the whole report (one template, one encoder),
// so the streamed report was shown byte for byte the same; update them only for a change of
// the report itself.
var updateGolden = flag.Bool("update", false, "rewrite testdata/report/* from what ReportWriter writes")

// reportCases are reports with what each format has to get right: none, one and several
// segments, per-term statistics or not, QA flags with messages, notes, markup and quotes in
// the text, violations without spans.
func reportCases(t *testing.T) map[string]*Report {
	withTerms := testReport(t)
	noTerms := testReport(t)
	noTerms.Terms = nil
	flags := NewReport([]Segment{
		{Document: "d", Index: 1, Label: "d ¶1.1", Source: "Es kostet 2,5 Mio. \"€\" & mehr.", Target: "It costs 2.5 m <b>\"€\"</b> & more."},
		{Document: "d", Index: 2, Label: "d:2", Source: "Leer", Target: ""},
	}, []Violation{
		NewFlag(Number, "2,5 → 2.5 missing", Location{Document: "d", Segment: 1, Label: "d ¶1.1"}),
		{Kind: Missing, Term: "Mio.", Entry: "Mio", Expected: "million", Note: "a <note> & \"quote\"", Location: Location{Document: "d", Segment: 1, Label: "d ¶1.1", SourceStart: 13, SourceEnd: 17, TargetStart: NoSpan, TargetEnd: NoSpan}},
		NewFlag(Empty, "", Location{Document: "d", Segment: 2, Label: "d:2"}),
		{Kind: Inconsistent, Term: "Leer", Expected: "void", Location: Location{Document: "d", Segment: 2, Label: "d:2", SourceStart: 0, SourceEnd: 4, TargetStart: NoSpan, TargetEnd: NoSpan}},
	}, glossary.Summary{Segments: 2, TermsFound: 2, Violations: 4, ByKind: map[string]int{Missing: 1, Inconsistent: 1}})
	flags.Terms = []TermStat{{Term: "Mio", Expected: "million", Found: 1, Violated: 1}, {Term: "Leer", Expected: "void", Violated: 1}}
	return map[string]*Report{
		"empty":       NewReport(nil, nil, glossary.Summary{}),
		"empty kinds": NewReport(nil, nil, glossary.Summary{Segments: 7, TermsFound: 3, TermsSatisfied: 3, ByKind: map[string]int{}}),
		"terms":       withTerms,
		"no terms":    noTerms,
		"flags":       flags,
	}
}

// TestReportWriterMatchesWholeReport: Report and ReportWriter write each case exactly as the
// golden file in testdata/report says.
func TestReportWriterMatchesWholeReport(t *testing.T) {
	for name, r := range reportCases(t) {
		for _, format := range []string{FormatText, FormatJSON, FormatHTML} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var whole bytes.Buffer
				var err error
				switch format {
				case FormatText:
					err = r.WriteText(&whole)
				case FormatJSON:
					err = r.WriteJSON(&whole)
				case FormatHTML:
					err = r.WriteHTML(&whole)
				}
				if err != nil {
					t.Fatal(err)
				}
				var streamed bytes.Buffer
				rw, err := NewReportWriter(context.Background(), &streamed, format)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range r.Segments {
					if err := rw.WriteSegment(s); err != nil {
						t.Fatal(err)
					}
				}
				if err := rw.Close(r.Summary, r.Terms); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "report", strings.ReplaceAll(name, " ", "-")+"."+format)
				if *updateGolden {
					if err := os.WriteFile(golden, streamed.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				for what, got := range map[string]string{"Report": whole.String(), "ReportWriter": streamed.String()} {
					if got != string(want) {
						t.Errorf("%s wrote\n%s\nwant (%s)\n%s", what, got, golden, want)
					}
				}
			})
		}
	}
}

func TestReportWriterStopsWhenCancelled(t *testing.T) {
	r := testReport(t)
	for _, format := range []string{FormatText, FormatJSON, FormatHTML} {
		ctx, cancel := context.WithCancel(context.Background())
		var b bytes.Buffer
		rw, err := NewReportWriter(ctx, &b, format)
		if err != nil {
			t.Fatal(err)
		}
		if err := rw.WriteSegment(r.Segments[0]); err != nil {
			t.Fatal(err)
		}
		cancel()
		if err := rw.WriteSegment(r.Segments[1]); err != context.Canceled {
			t.Errorf("%s: WriteSegment after cancel = %v", format, err)
		}
		if err := rw.Close(r.Summary, r.Terms); err != context.Canceled {
			t.Errorf("%s: Close after cancel = %v", format, err)
		}
	}
}
