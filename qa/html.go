package qa

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
)

//go:embed check.css
var checkCSS string

//go:embed check.js
var checkJS string

// CSPHash is the Content-Security-Policy source expression ('sha256-…') that allows exactly
// the inline script or style s.
func CSPHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// checkCSP allows the page's own inline style and script and nothing else: no network, no
// other scripts, no forms, so a report opened from disk can neither leak nor run anything an
// article smuggled in (html/template escapes the text in any case).
var checkCSP = fmt.Sprintf("default-src 'none'; style-src %s; script-src %s; base-uri 'none'; form-action 'none'",
	CSPHash(checkCSS), CSPHash(checkJS))

// KindInfo describes a kind for a legend.
type KindInfo struct{ Kind, Meaning string }

// Legend explains every kind, in the order of Kinds.
var Legend = []KindInfo{
	{Missing, "the required rendering of a glossary term is not in the translation"},
	{Forbidden, "the translation uses a rendering the glossary forbids (highlighted)"},
	{Inconsistent, "the term is rendered differently elsewhere in the same document"},
	{Number, "a number, date or time did not survive translation"},
	{Untranslated, "the output equals the source or reads as German"},
	{Empty, "no output for a non-empty source"},
	{Repeated, "the same output as another segment, or a stuttering loop"},
	{Length, "the length ratio is far from the rest of the document"},
	{Alignment, "the aligner is not sure source and target belong together"},
	{Suspect, "the provider's answer still looked wrong after asking again (the reason is given)"},
}

// The check page is written in three parts, so that a report of any size is rendered one
// segment at a time: the head (summary, term table, filters) needs counts over every segment and
// is written last, before the segment blocks kept meanwhile in a temporary file.
//
// Every text from the input is shown through the "vis" template, which marks control
// characters (MarkControls), in element content, and through vtext (Visible) in attribute
// values.
var checkFuncs = template.FuncMap{
	"pct":   func(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) },
	"vis":   MarkControls,
	"vtext": Visible,
}

// visTemplate shows what MarkControls cut a text into: {{template "vis" (vis TEXT)}}.
const visTemplate = `{{define "vis"}}{{range .}}{{if .Title}}<span class="ctl" title="{{.Title}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}{{end}}`

var checkHead = template.Must(template.Must(template.New("head").Funcs(checkFuncs).Parse(visTemplate)).Parse(`<!DOCTYPE html>
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
<p class="summary">{{.Summary.Segments}} segments, {{.Summary.TermsFound}} terms found, {{.Summary.TermsSatisfied}} satisfied ({{pct .Summary.SuccessRate}}), {{.Summary.Violations}} violations in {{.Count}} segments.</p>
<details class="legend"><summary>Legend</summary>
<p><mark class="term">Term</mark> the German glossary term as found in the source; <mark class="found forbidden">words</mark> the rendering in the translation that breaks the glossary.</p>
<dl>{{range .Legend}}<dt><span class="kind {{.Kind}}">{{.Kind}}</span></dt><dd>{{.Meaning}}</dd>{{end}}</dl>
</details>
</header>
{{if .Count}}
{{if .Terms}}<section class="terms">
<h2>Terms</h2>
<table>
<thead><tr><th>Term</th><th>Expected</th><th class="n">Found</th><th class="n">Satisfied</th><th class="n">Violated</th></tr></thead>
<tbody>{{range .Terms}}<tr{{if .Violated}} class="bad"{{end}}><td>{{if .Violated}}<button type="button" class="setterm" data-term="{{vtext .Term}}">{{template "vis" (vis .Term)}}</button>{{else}}{{template "vis" (vis .Term)}}{{end}}</td><td>{{template "vis" (vis .Expected)}}</td><td class="n">{{.Found}}</td><td class="n">{{.Satisfied}}</td><td class="n">{{.Violated}}</td></tr>
{{end}}</tbody>
</table>
</section>{{end}}
<nav class="controls">
<label>Kind <select id="f-kind"><option value="">all</option>{{range .KindCounts}}<option value="{{.Kind}}">{{.Kind}} ({{.N}})</option>{{end}}</select></label>
<label>Term <select id="f-term"><option value="">all</option>{{range .TermCounts}}<option value="{{vtext .Kind}}">{{vtext .Kind}} ({{.N}})</option>{{end}}</select></label>
<label>Search <input id="f-q" type="search" placeholder="text in source or target"></label>
<label>Sort <select id="f-sort"><option value="order">input order</option><option value="count">most violations</option><option value="term">term</option><option value="kind">kind</option></select></label>
<span id="shown" aria-live="polite"></span>
</nav>
<main id="segs">
{{else}}<p>No violations.</p>
{{end}}`))

var checkSegment = template.Must(template.Must(template.New("segment").Funcs(checkFuncs).Parse(visTemplate)).Parse(`{{$i := .Order}}{{$s := .}}<section class="seg" data-order="{{$i}}" data-count="{{len $s.Violations}}" data-term="{{$s.FirstTerm}}" data-kind="{{vtext $s.FirstKind}}">
<h3><span class="where">{{template "vis" (vis $s.Label)}}</span> <span class="count">{{len $s.Violations}}</span></h3>
<div class="pair">
<p class="src" lang="de">{{range $s.Src}}{{if .Class}}<mark class="{{vtext .Class}}">{{template "vis" (vis .Text)}}</mark>{{else}}{{template "vis" (vis .Text)}}{{end}}{{end}}</p>
<p class="tgt" lang="en">{{range $s.Tgt}}{{if .Class}}<mark class="{{vtext .Class}}">{{template "vis" (vis .Text)}}</mark>{{else}}{{template "vis" (vis .Text)}}{{end}}{{end}}</p>
</div>
<ul>{{range $s.Violations}}<li class="v" data-kind="{{vtext .Kind}}" data-term="{{vtext .Key}}"><span class="kind {{vtext .Kind}}">{{template "vis" (vis .Kind)}}</span> {{if .Term}}<b>{{template "vis" (vis .Term)}}</b> → <q>{{template "vis" (vis .Expected)}}</q>{{if .Found}} found <q class="found">{{template "vis" (vis .Found)}}</q>{{end}}{{else}}{{template "vis" (vis .Message)}}{{end}}{{if .Note}} <small>{{template "vis" (vis .Note)}}</small>{{end}}</li>
{{end}}</ul>
</section>
`))

var checkTail = template.Must(template.New("tail").Parse(`{{if .Count}}</main>
{{end}}<script>{{.Script}}</script>
</body>
</html>
`))

type htmlViolation struct {
	Violation
	Key string // entry, for the term filter
}

type htmlSegment struct {
	Segment
	Order                int // position among the report's segments
	Src, Tgt             []Piece
	Violations           []htmlViolation
	FirstTerm, FirstKind string // sort keys; FirstTerm as Visible shows it
}

type kindCount struct {
	Kind string
	N    int
}

// htmlCounts adds up what the page's filters offer: violations by kind and by term.
type htmlCounts struct {
	kinds, terms map[string]int
}

// writeHTMLSegment writes one segment block, the order-th of the page, and counts its
// violations.
func writeHTMLSegment(w io.Writer, s Segment, order int, n *htmlCounts) error {
	if n.kinds == nil {
		n.kinds, n.terms = map[string]int{}, map[string]int{}
	}
	hs := htmlSegment{Segment: s, Order: order, Src: Highlight(s.Source, SourceSpans(s.Violations)), Tgt: Highlight(s.Target, TargetSpans(s.Violations))}
	for _, v := range s.Violations {
		key := v.Entry
		if key == "" {
			key = v.Term
		}
		hs.Violations = append(hs.Violations, htmlViolation{v, key})
		n.kinds[v.Kind]++
		if key != "" {
			n.terms[key]++
		}
	}
	if len(hs.Violations) > 0 {
		// The sort key as the page shows the term (ToLower would turn an invalid byte into U+FFFD).
		hs.FirstTerm, hs.FirstKind = strings.ToLower(Visible(hs.Violations[0].Key)), hs.Violations[0].Kind
	}
	return checkSegment.Execute(w, hs)
}

// writeHTMLHead writes the page up to its segment blocks: count is how many there are.
func writeHTMLHead(w io.Writer, s Summary, terms []TermStat, count int, n *htmlCounts) error {
	var kc, tc []kindCount
	for _, k := range Kinds {
		if n.kinds[k] > 0 {
			kc = append(kc, kindCount{k, n.kinds[k]})
		}
	}
	for t, c := range n.terms {
		tc = append(tc, kindCount{t, c})
	}
	slices.SortFunc(tc, func(a, b kindCount) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	return checkHead.Execute(w, struct {
		CSP        string
		Style      template.CSS
		Summary    Summary
		Legend     []KindInfo
		Terms      []TermStat
		KindCounts []kindCount
		TermCounts []kindCount
		Count      int
	}{checkCSP, template.CSS(checkCSS), s, Legend, terms, kc, tc, count})
}

// writeHTMLTail ends the page.
func writeHTMLTail(w io.Writer, count int) error {
	return checkTail.Execute(w, struct {
		Script template.JS
		Count  int
	}{template.JS(checkJS), count})
}

// WriteHTML writes the report as one self-contained page: a per-term summary, filters by kind
// and term, a text search, sorting, and one block per segment with the source terms and the
// wrong renderings highlighted. A ReportWriter writes the same page without holding the report.
func (r *Report) WriteHTML(w io.Writer) error {
	var body bytes.Buffer
	var n htmlCounts
	for i, s := range r.Segments {
		if err := writeHTMLSegment(&body, s, i, &n); err != nil {
			return err
		}
	}
	if err := writeHTMLHead(w, r.Summary, r.Terms, len(r.Segments), &n); err != nil {
		return err
	}
	if _, err := body.WriteTo(w); err != nil {
		return err
	}
	return writeHTMLTail(w, len(r.Segments))
}
