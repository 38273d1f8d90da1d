package qa

import (
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

var checkTemplate = template.Must(template.New("check").Funcs(template.FuncMap{
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

type htmlViolation struct {
	Violation
	Key string // entry, for the term filter
}

type htmlSegment struct {
	Segment
	Src, Tgt             []Piece
	Violations           []htmlViolation
	FirstTerm, FirstKind string // sort keys
}

type kindCount struct {
	Kind string
	N    int
}

// WriteHTML writes the report as one self-contained page: a per-term summary, filters by kind
// and term, a text search, sorting, and one block per segment with the source terms and the
// wrong renderings highlighted.
func (r *Report) WriteHTML(w io.Writer) error {
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
	return checkTemplate.Execute(w, struct {
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
