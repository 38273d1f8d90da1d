package main

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/outfile"
)

// checkFinding is one violation as the reports show it.
type checkFinding struct {
	Segment    int    `json:"segment"`
	Location   string `json:"location"`
	Kind       string `json:"kind"`
	SourceTerm string `json:"source_term"`
	Expected   string `json:"expected"`
	Found      string `json:"found"`
	Source     string `json:"source"`
	Target     string `json:"target"`
	Note       string `json:"note,omitempty"`
	// the source split around the term, for highlighting in HTML
	before, term, after string
}

type checkSummary struct {
	glossary.Summary
	SuccessRate float64 `json:"success_rate"`
}

type checkReport struct {
	Violations []checkFinding `json:"violations"`
	Summary    checkSummary   `json:"summary"`
}

func newCheckReport(segs []checkSeg, fs []glossary.Finding, s glossary.Summary) *checkReport {
	loc := map[int]string{}
	for _, s := range segs {
		loc[s.Index] = s.Location
	}
	rep := &checkReport{Violations: []checkFinding{}, Summary: checkSummary{Summary: s, SuccessRate: s.SuccessRate()}}
	for _, f := range fs {
		cf := checkFinding{
			Segment: f.Index, Location: loc[f.Index], Kind: f.Kind, SourceTerm: f.SourceTerm,
			Expected: f.Expected, Found: f.Found, Source: f.Source, Target: f.Target,
		}
		if f.Entry != nil {
			cf.Note = f.Entry.Note
		}
		if 0 <= f.Start && f.Start <= f.End && f.End <= len(f.Source) {
			cf.before, cf.term, cf.after = f.Source[:f.Start], f.Source[f.Start:f.End], f.Source[f.End:]
		} else {
			cf.before = f.Source
		}
		rep.Violations = append(rep.Violations, cf)
	}
	return rep
}

// writeText writes one line per finding: location, kind, term as found, expected rendering,
// what was found instead, and the source segment.
func (r *checkReport) writeText(w *strings.Builder) error {
	for _, f := range r.Violations {
		fmt.Fprintf(w, "%s: %s: %s → %q", f.Location, f.Kind, f.SourceTerm, f.Expected)
		if f.Found != "" {
			fmt.Fprintf(w, " (found %q)", f.Found)
		}
		fmt.Fprintf(w, ": %s\n", f.Source)
	}
	return nil
}

func (r *checkReport) writeJSON(w *strings.Builder) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

var checkHTML = template.Must(template.New("check").Funcs(template.FuncMap{
	"pct": func(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>bitext check: {{.Summary.Violations}} violations</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
mark { background: #ffe08a; }
.missing { color: #a00; } .forbidden { color: #a40; } .inconsistent { color: #046; }
</style>
</head>
<body>
<h1>Glossary check</h1>
<p>{{.Summary.Segments}} segments, {{.Summary.TermsFound}} terms found, {{.Summary.TermsSatisfied}} satisfied ({{pct .Summary.SuccessRate}}), {{.Summary.Violations}} violations.</p>
{{if .Violations}}<table>
<tr><th>Where</th><th>Kind</th><th>Term</th><th>Expected</th><th>Found</th><th>Source</th><th>Target</th></tr>
{{range .Violations}}<tr>
<td>{{.Location}}</td><td class="{{.Kind}}">{{.Kind}}</td><td>{{.SourceTerm}}</td><td>{{.Expected}}</td><td>{{.Found}}</td>
<td>{{.Before}}<mark>{{.Term}}</mark>{{.After}}</td><td>{{.Target}}</td>
</tr>
{{end}}</table>
{{else}}<p>No violations.</p>
{{end}}</body>
</html>
`))

func (r *checkReport) writeHTML(w *strings.Builder) error {
	type row struct {
		checkFinding
		Before, Term, After string
	}
	rows := make([]row, len(r.Violations))
	for i, f := range r.Violations {
		rows[i] = row{f, f.before, f.term, f.after}
	}
	return checkHTML.Execute(w, struct {
		Summary    checkSummary
		Violations []row
	}{r.Summary, rows})
}

// checkWriteOutput renders into memory and writes it to standard output, or to a temporary
// file next to name that is then renamed, so that a report is never half-written.
func checkWriteOutput(c *cli.Context, name string, render func(*strings.Builder) error) error {
	var b strings.Builder
	if err := render(&b); err != nil {
		return err
	}
	if name == "" || name == "-" {
		_, err := fmt.Fprint(c.App.Writer, b.String())
		return err
	}
	return outfile.WriteFile(c.Context, name, func(w io.Writer) error {
		_, err := io.WriteString(w, b.String())
		return err
	})
}
