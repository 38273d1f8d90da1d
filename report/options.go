package report

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/qa"
)

// Format is an output format of a report.
type Format string

// The formats a report is written in.
const (
	FormatText     Format = "text"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
)

// OutputExts are the file extensions FormatFromName recognises, for refusing others.
var OutputExts = []string{".txt", ".text", ".json", ".md", ".markdown", ".html", ".htm"}

// ParseFormat reads a format name as a user gives it ("markdown" is md).
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatText, FormatJSON, FormatMarkdown, FormatHTML:
		return f, nil
	case "markdown":
		return FormatMarkdown, nil
	case "txt":
		return FormatText, nil
	}
	return "", fmt.Errorf("unknown format %q (want text, json, md or html)", s)
}

// FormatFromName is the format a file name's extension asks for: .html/.htm, .json,
// .md/.markdown, else text.
func FormatFromName(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return FormatHTML
	case ".json":
		return FormatJSON
	case ".md", ".markdown":
		return FormatMarkdown
	}
	return FormatText
}

// MetricOptions choose the metrics of a report by name and tune them.
type MetricOptions struct {
	// Names is a comma-separated list: bleu, chrf (chrf2), chrf++ (chrf2++, chrfpp), ter.
	// Repeats are ignored; the order is kept.
	Names string
	BLEU  BLEU // the BLEU to use for "bleu"
	// CHRFLowercase makes chrF and chrF++ case-insensitive (sacreBLEU's --chrf-lowercase).
	CHRFLowercase bool
}

// SelectMetrics returns the metrics named in o.Names, in that order. A BLEU smoothing value
// must suit the method (Smoothing.CheckValue).
func SelectMetrics(o MetricOptions) ([]Metric, error) {
	if v := o.BLEU.SmoothValue; v != nil {
		if err := o.BLEU.Smooth.CheckValue(*v); err != nil {
			return nil, &SmoothValueError{err}
		}
	}
	chrf, chrfpp := NewCHRF(), NewCHRFPlusPlus()
	chrf.Lowercase, chrfpp.Lowercase = o.CHRFLowercase, o.CHRFLowercase
	var out []Metric
	seen := map[string]bool{}
	for _, name := range strings.Split(o.Names, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		var m Metric
		switch name {
		case "":
			continue
		case "bleu":
			m = o.BLEU
		case "chrf", "chrf2":
			m = chrf
		case "chrf++", "chrf2++", "chrfpp":
			m = chrfpp
		case "ter":
			m = TER{}
		default:
			return nil, fmt.Errorf("unknown metric %q (want bleu, chrf, chrf++, ter)", name)
		}
		if !seen[m.Name()] {
			seen[m.Name()] = true
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no metric given")
	}
	return out, nil
}

// SmoothValueError is SelectMetrics' error for a BLEU smoothing value that does not suit the
// method, so that a command can name its flag.
type SmoothValueError struct{ Err error }

func (e *SmoothValueError) Error() string { return e.Err.Error() }
func (e *SmoothValueError) Unwrap() error { return e.Err }

// GlossaryQA is a QAOptions.Glossary hook that checks each segment pair against g. Its flags
// are qa.FromGlossary's violations (the real kind, the term, the renderings and their offsets)
// with a Message describing them.
func GlossaryQA(g *glossary.Glossary) func(source, target string) []Flag {
	return func(source, target string) []Flag {
		out := qa.FromGlossary(g.Check(source, target), source, target, qa.Location{})
		for i := range out {
			out[i].Message = glossaryMessage(out[i])
		}
		return out
	}
}

// glossaryMessage describes a glossary violation without its kind
// (`Außenministerium → "Foreign Ministry" (found "Foreign Office")`), so renderers and JSON
// readers that show a flag as "kind: message" keep working.
func glossaryMessage(v Flag) string {
	return strings.TrimPrefix(v.String(), v.Kind+": ")
}
