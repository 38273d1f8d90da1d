package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/qa"
)

// newCheckReport turns the checker's findings into the qa report model: one qa.Violation per
// finding, grouped by segment, with the per-term statistics when terms is given.
func newCheckReport(segs []checkSeg, fs []glossary.Finding, s glossary.Summary, terms *qa.TermCounter) *qa.Report {
	qs := make([]qa.Segment, len(segs))
	label := make(map[int]string, len(segs))
	for i, sg := range segs {
		qs[i] = qa.Segment{Document: sg.Doc, Index: sg.Index, Label: sg.Location, Source: sg.Source, Target: sg.Target}
		label[sg.Index] = sg.Location
	}
	vs := make([]qa.Violation, len(fs))
	for i, f := range fs {
		vs[i] = qa.FromFinding(f, label[f.Index])
	}
	rep := qa.NewReport(qs, vs, s)
	if terms != nil {
		// Consistency findings are not in a segment's review; count them here.
		for _, v := range vs {
			if v.Kind == qa.Inconsistent {
				terms.AddViolation(v)
			}
		}
		rep.Terms = terms.Stats()
	}
	return rep
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
