package qa

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
)

// The renderers as they were when each held the whole report (one template, one encoder), kept
// to show that the streamed report is byte for byte the same.

var legacyTemplate = template.Must(template.New("check").Funcs(template.FuncMap{
	"pct": func(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bitext check: {{.Summary.Violations}} violations</title>
<style>{{.Style}}</style>
</head>
<body>
<header>
<h1>Glossary check</h1>
<p class="summary">{{.Summary.Segments}} segments, {{.Summary.TermsFound}} terms found, {{.Summary.TermsSatisfied}} satisfied ({{pct .Summary.SuccessRate}}), {{.Summary.Violations}} violations in {{len .Segments}} segments.</p>
<details class="legend"><summary>Legend</summary>
<p><mark class="term">Term</mark> the German glossary term as found in the source; <mark class="found forbidden">words</mark> the rendering in the translation that breaks the glossary.</p>
<dl>{{range .Legend}}<dt><span class="kind {{.Kind}}">{{.Kind}}</span></dt><dd>{{.Meaning}}</dd>{{end}}</dl>
</details>
</header>
{{if .Segments}}
{{if .Terms}}<section class="terms">
<h2>Terms</h2>
<table>
<thead><tr><th>Term</th><th>Expected</th><th class="n">Found</th><th class="n">Satisfied</th><th class="n">Violated</th></tr></thead>
<tbody>{{range .Terms}}<tr{{if .Violated}} class="bad"{{end}}><td>{{if .Violated}}<button type="button" class="setterm" data-term="{{.Term}}">{{.Term}}</button>{{else}}{{.Term}}{{end}}</td><td>{{.Expected}}</td><td class="n">{{.Found}}</td><td class="n">{{.Satisfied}}</td><td class="n">{{.Violated}}</td></tr>
{{end}}</tbody>
</table>
</section>{{end}}
<nav class="controls">
<label>Kind <select id="f-kind"><option value="">all</option>{{range .KindCounts}}<option value="{{.Kind}}">{{.Kind}} ({{.N}})</option>{{end}}</select></label>
<label>Term <select id="f-term"><option value="">all</option>{{range .TermCounts}}<option value="{{.Kind}}">{{.Kind}} ({{.N}})</option>{{end}}</select></label>
<label>Search <input id="f-q" type="search" placeholder="text in source or target"></label>
<label>Sort <select id="f-sort"><option value="order">input order</option><option value="count">most violations</option><option value="term">term</option><option value="kind">kind</option></select></label>
<span id="shown" aria-live="polite"></span>
</nav>
<main id="segs">
{{range $i, $s := .Segments}}<section class="seg" data-order="{{$i}}" data-count="{{len $s.Violations}}" data-term="{{$s.FirstTerm}}" data-kind="{{$s.FirstKind}}">
<h3><span class="where">{{$s.Label}}</span> <span class="count">{{len $s.Violations}}</span></h3>
<div class="pair">
<p class="src" lang="de">{{range $s.Src}}{{if .Class}}<mark class="{{.Class}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</p>
<p class="tgt" lang="en">{{range $s.Tgt}}{{if .Class}}<mark class="{{.Class}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</p>
</div>
<ul>{{range $s.Violations}}<li class="v" data-kind="{{.Kind}}" data-term="{{.Key}}"><span class="kind {{.Kind}}">{{.Kind}}</span> {{if .Term}}<b>{{.Term}}</b> → <q>{{.Expected}}</q>{{if .Found}} found <q class="found">{{.Found}}</q>{{end}}{{else}}{{.Message}}{{end}}{{if .Note}} <small>{{.Note}}</small>{{end}}</li>
{{end}}</ul>
</section>
{{end}}</main>
{{else}}<p>No violations.</p>
{{end}}<script>{{.Script}}</script>
</body>
</html>
`))

func legacyWriteHTML(r *Report, w io.Writer) error {
	segs := make([]htmlSegment, len(r.Segments))
	kinds := map[string]int{}
	terms := map[string]int{}
	for i, s := range r.Segments {
		hs := htmlSegment{Segment: s, Src: Highlight(s.Source, SourceSpans(s.Violations)), Tgt: Highlight(s.Target, TargetSpans(s.Violations))}
		for _, v := range s.Violations {
			key := v.Entry
			if key == "" {
				key = v.Term
			}
			hs.Violations = append(hs.Violations, htmlViolation{v, key})
			kinds[v.Kind]++
			if key != "" {
				terms[key]++
			}
		}
		if len(hs.Violations) > 0 {
			hs.FirstTerm, hs.FirstKind = strings.ToLower(hs.Violations[0].Key), hs.Violations[0].Kind
		}
		segs[i] = hs
	}
	var kc, tc []kindCount
	for _, k := range Kinds {
		if kinds[k] > 0 {
			kc = append(kc, kindCount{k, kinds[k]})
		}
	}
	for t, n := range terms {
		tc = append(tc, kindCount{t, n})
	}
	slices.SortFunc(tc, func(a, b kindCount) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	return legacyTemplate.Execute(w, struct {
		CSP        string
		Style      template.CSS
		Script     template.JS
		Summary    Summary
		Legend     []KindInfo
		Terms      []TermStat
		KindCounts []kindCount
		TermCounts []kindCount
		Segments   []htmlSegment
	}{checkCSP, template.CSS(checkCSS), template.JS(checkJS), r.Summary, Legend, r.Terms, kc, tc, segs})
}

func legacyWriteText(r *Report, w io.Writer) error {
	var b strings.Builder
	for _, s := range r.Segments {
		for _, v := range s.Violations {
			fmt.Fprintf(&b, "%s: %s: %s\n", s.Label, v.String(), s.Source)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func legacyWriteJSON(r *Report, w io.Writer) error {
	out := struct {
		Violations []jsonViolation `json:"violations"`
		Summary    Summary         `json:"summary"`
		Terms      []TermStat      `json:"terms,omitempty"`
	}{Violations: []jsonViolation{}, Summary: r.Summary, Terms: r.Terms}
	for _, s := range r.Segments {
		for _, v := range s.Violations {
			out.Violations = append(out.Violations, jsonViolation{v, s.Source, s.Target})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// legacyReports are reports with what each format has to get right: none, one and several
// segments, per-term statistics or not, QA flags with messages, notes, markup and quotes in
// the text, violations without spans.
func legacyReports(t *testing.T) map[string]*Report {
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

func TestReportWriterMatchesWholeReport(t *testing.T) {
	legacy := map[string]func(*Report, io.Writer) error{
		FormatText: legacyWriteText, FormatJSON: legacyWriteJSON, FormatHTML: legacyWriteHTML,
	}
	for name, r := range legacyReports(t) {
		for format, write := range legacy {
			t.Run(name+"/"+format, func(t *testing.T) {
				var want bytes.Buffer
				if err := write(r, &want); err != nil {
					t.Fatal(err)
				}
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
				for what, got := range map[string]string{"Report": whole.String(), "ReportWriter": streamed.String()} {
					if got != want.String() {
						t.Errorf("%s wrote\n%s\nwant\n%s", what, got, want.String())
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
