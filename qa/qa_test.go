package qa

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
)

func testGlossary(t *testing.T) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Parse(strings.NewReader(
		"de\ten\tvariants\tforbidden\n"+
			"Außenministerium\tForeign Ministry\tState Department\tForeign Office|Outer Ministry\n"+
			"Generalsekretär\tSecretary General\t\tGeneral Secretary\n"), "g.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestFromGlossary(t *testing.T) {
	g := testGlossary(t)
	tests := []struct {
		name, src, tgt string
		want           []Violation // Kind, Term, Entry, Found and the spans are compared
	}{
		{
			name: "forbidden, inflected term, found located",
			src:  "Der Sprecher des Außenministeriums sagte das.",
			tgt:  "The spokesman of the Foreign Office said that.",
			want: []Violation{{Kind: Forbidden, Term: "Außenministeriums", Entry: "Außenministerium", Found: "Foreign Office",
				Location: Location{SourceStart: 17, SourceEnd: 35, TargetStart: 21, TargetEnd: 35}}},
		},
		{
			name: "missing has no target span",
			src:  "NATO-Generalsekretär Jens Stoltenberg sprach.",
			tgt:  "NATO chief Jens Stoltenberg spoke.",
			want: []Violation{{Kind: Missing, Term: "Generalsekretär", Entry: "Generalsekretär",
				Location: Location{SourceStart: 5, SourceEnd: 21, TargetStart: NoSpan, TargetEnd: NoSpan}}},
		},
		{
			name: "two occurrences of one forbidden rendering point at both",
			src:  "Das Außenministerium widersprach.",
			tgt:  "The Outer Ministry and the Outer Ministry disagreed.",
			want: []Violation{
				{Kind: Forbidden, Term: "Außenministerium", Entry: "Außenministerium", Found: "Outer Ministry",
					Location: Location{SourceStart: 4, SourceEnd: 21, TargetStart: 4, TargetEnd: 18}},
				{Kind: Forbidden, Term: "Außenministerium", Entry: "Außenministerium", Found: "Outer Ministry",
					Location: Location{SourceStart: 4, SourceEnd: 21, TargetStart: 27, TargetEnd: 41}},
			},
		},
		{name: "satisfied", src: "Das Außenministerium widersprach.", tgt: "The State Department disagreed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromGlossary(g.Check(tt.src, tt.tgt), tt.src, tt.tgt, Location{Document: "d", Segment: 3, Label: "d:3"})
			if len(got) != len(tt.want) {
				t.Fatalf("got %d violations %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				v := got[i]
				if v.Kind != w.Kind || v.Term != w.Term || v.Entry != w.Entry || v.Found != w.Found ||
					v.SourceStart != w.SourceStart || v.SourceEnd != w.SourceEnd || v.TargetStart != w.TargetStart || v.TargetEnd != w.TargetEnd {
					t.Errorf("violation %d = %s %q %q %q %+v, want %s %q %q %q %+v", i, v.Kind, v.Term, v.Entry, v.Found, v.Location, w.Kind, w.Term, w.Entry, w.Found, w.Location)
				}
				if v.Document != "d" || v.Segment != 3 || v.Label != "d:3" {
					t.Errorf("location lost: %+v", v.Location)
				}
				if v.TargetStart >= 0 && tt.tgt[v.TargetStart:v.TargetEnd] != v.Found {
					t.Errorf("target span %q, want %q", tt.tgt[v.TargetStart:v.TargetEnd], v.Found)
				}
				if tt.src[v.SourceStart:v.SourceEnd] != v.Term {
					t.Errorf("source span %q, want %q", tt.src[v.SourceStart:v.SourceEnd], v.Term)
				}
			}
		})
	}
}

func TestViolationText(t *testing.T) {
	tests := []struct {
		v             Violation
		str, feedback string
	}{
		{Violation{Kind: Forbidden, Term: "Außenministeriums", Expected: "Foreign Ministry", Found: "Foreign Office"},
			`forbidden: Außenministeriums → "Foreign Ministry" (found "Foreign Office")`,
			`The German term "Außenministeriums" must not be translated as "Foreign Office"; use "Foreign Ministry", inflected`},
		{Violation{Kind: Missing, Term: "Kreml", Expected: "Kremlin", Banned: []string{"Kreml"}},
			`missing: Kreml → "Kremlin"`, `must be translated as "Kremlin", inflected to fit the English sentence (plural or possessive as needed); do not use "Kreml".`},
		{Violation{Kind: Number, Message: `"2,5" missing`}, `number: "2,5" missing`, `Fix this problem (number): "2,5" missing.`},
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
		if got := tt.v.Feedback(); !strings.Contains(got, tt.feedback) {
			t.Errorf("Feedback() = %q, want it to contain %q", got, tt.feedback)
		}
	}
}

func TestCorpusRoundTrip(t *testing.T) {
	cv := corpus.Violation{Kind: Forbidden, SourceTerm: "Außenministerium", Expected: "Foreign Ministry", Found: "Outer Ministry"}
	v := FromCorpus(cv, "Das Außenministerium.", "The Outer Ministry.", Location{Segment: 1})
	if v.Corpus() != cv {
		t.Errorf("round trip: %+v, want %+v", v.Corpus(), cv)
	}
	if v.SourceStart != 4 || v.TargetStart != 4 || v.TargetEnd != 18 {
		t.Errorf("spans: %+v", v.Location)
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		text  string
		spans []Span
		want  []Piece
	}{
		{"abc", nil, []Piece{{"abc", ""}}},
		{"", nil, []Piece{{"", ""}}},
		{"the Outer Ministry said", []Span{{4, 18, "found"}}, []Piece{{"the ", ""}, {"Outer Ministry", "found"}, {" said", ""}}},
		{"abcdef", []Span{{3, 5, "y"}, {0, 2, "x"}}, []Piece{{"ab", "x"}, {"c", ""}, {"de", "y"}, {"f", ""}}},
		{"abcdef", []Span{{0, 4, "x"}, {2, 5, "y"}}, []Piece{{"abcd", "x"}, {"ef", ""}}}, // overlap dropped
		{"ab", []Span{{1, 9, "x"}, {-1, 1, "y"}}, []Piece{{"ab", ""}}},                   // out of range
		{"Straße", []Span{{4, 5, "x"}}, []Piece{{"Straße", ""}}},                         // inside ß
	}
	for _, tt := range tests {
		got := Highlight(tt.text, tt.spans)
		if len(got) != len(tt.want) {
			t.Errorf("Highlight(%q, %v) = %q, want %q", tt.text, tt.spans, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Highlight(%q, %v) = %q, want %q", tt.text, tt.spans, got, tt.want)
				break
			}
		}
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("Das Außenministerium", 4, 21, 0, 3)
	f.Fuzz(func(t *testing.T, s string, a, b, c, d int) {
		var sb strings.Builder
		for _, p := range Highlight(s, []Span{{a, b, "x"}, {c, d, "y"}}) {
			sb.WriteString(p.Text)
		}
		if sb.String() != s {
			t.Fatalf("pieces join to %q, want %q", sb.String(), s)
		}
	})
}

func testReport(t *testing.T) *Report {
	g := testGlossary(t)
	segs := []Segment{
		{Document: "a", Index: 1, Label: "a:1", Source: "Das Außenministerium <script>alert(1)</script> widersprach.", Target: "The Outer Ministry <script>alert(1)</script> disagreed."},
		{Document: "a", Index: 2, Label: "a:2", Source: "Der Generalsekretär sprach.", Target: "The Secretary General spoke."},
		{Document: "a", Index: 3, Label: "a:3", Source: "Der Generalsekretär und das Außenministerium.", Target: "The General Secretary and the Foreign Office."},
	}
	var vs []Violation
	var tc TermCounter
	for _, s := range segs {
		res := g.Review(s.Source, s.Target)
		tc.Add(res)
		got := FromGlossary(res.Violations, s.Source, s.Target, Location{Document: s.Document, Segment: s.Index, Label: s.Label})
		for _, v := range got {
			tc.AddViolation(v)
		}
		vs = append(vs, got...)
	}
	rep := NewReport(segs, vs, glossary.Summary{Segments: 3, TermsFound: 4, TermsSatisfied: 1, Violations: len(vs)})
	rep.Terms = tc.Stats()
	return rep
}

func TestReportGroupsPerSegment(t *testing.T) {
	rep := testReport(t)
	if len(rep.Segments) != 2 || rep.Segments[0].Index != 1 || rep.Segments[1].Index != 3 || len(rep.Segments[1].Violations) != 2 {
		t.Fatalf("segments: %+v", rep.Segments)
	}
	want := []TermStat{
		{Term: "Außenministerium", Expected: "Foreign Ministry", Found: 2, Violated: 2},
		{Term: "Generalsekretär", Expected: "Secretary General", Found: 2, Satisfied: 1, Violated: 1},
	}
	if len(rep.Terms) != len(want) || rep.Terms[0] != want[0] || rep.Terms[1] != want[1] {
		t.Errorf("terms = %+v, want %+v", rep.Terms, want)
	}
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 3 {
		t.Errorf("text has %d lines, want 3:\n%s", n, b.String())
	}
	if !strings.HasPrefix(b.String(), `a:1: forbidden: Außenministerium → "Foreign Ministry" (found "Outer Ministry"): Das Außenministerium`) {
		t.Errorf("text:\n%s", b.String())
	}
}

func TestReportJSON(t *testing.T) {
	var b bytes.Buffer
	if err := testReport(t).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Violations []map[string]any `json:"violations"`
		Summary    map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	v := got.Violations[0]
	for k, want := range map[string]any{"segment": 1.0, "location": "a:1", "kind": "forbidden", "source_term": "Außenministerium",
		"term": "Außenministerium", "expected": "Foreign Ministry", "found": "Outer Ministry", "target_start": 4.0, "target_end": 18.0} {
		if v[k] != want {
			t.Errorf("%s = %v, want %v", k, v[k], want)
		}
	}
	if !strings.Contains(v["source"].(string), "<script>") {
		t.Errorf("source not kept as is: %v", v["source"])
	}
	if got.Summary["success_rate"] != 0.25 {
		t.Errorf("summary: %v", got.Summary)
	}
}

func TestReportHTML(t *testing.T) {
	var b bytes.Buffer
	if err := testReport(t).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if strings.Contains(page, "<script>alert(1)") {
		t.Error("article text rendered as markup")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("article text not escaped as text")
	}
	// One block per segment, the wrong rendering highlighted, the term filter offered.
	if n := strings.Count(page, `<section class="seg"`); n != 2 {
		t.Errorf("%d segment blocks, want 2", n)
	}
	if !strings.Contains(page, `<mark class="found forbidden">Outer Ministry</mark>`) {
		t.Error("found rendering not highlighted")
	}
	if !strings.Contains(page, `<mark class="term forbidden">Außenministerium</mark>`) {
		t.Error("source term not highlighted")
	}
	if !strings.Contains(page, `<option value="Außenministerium">Außenministerium (2)</option>`) {
		t.Error("term filter missing")
	}
	// No external asset, and the CSP hashes match the inline style and script exactly.
	if regexp.MustCompile(`(?i)(src|href)=`).MatchString(page) {
		t.Error("page refers to an external asset")
	}
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	if csp == nil {
		t.Fatal("no CSP")
	}
	policy := html.UnescapeString(csp[1])
	script := regexp.MustCompile(`(?s)<script>(.*)</script>`).FindStringSubmatch(page)[1]
	style := regexp.MustCompile(`(?s)<style>(.*)</style>`).FindStringSubmatch(page)[1]
	if !strings.Contains(policy, "script-src "+CSPHash(script)) || !strings.Contains(policy, "style-src "+CSPHash(style)) {
		t.Errorf("CSP %q does not allow the page's own script and style", policy)
	}
	if !strings.Contains(policy, "default-src 'none'") {
		t.Errorf("CSP %q", policy)
	}
}

func TestReportHTMLEmpty(t *testing.T) {
	var b bytes.Buffer
	rep := NewReport(nil, nil, glossary.Summary{})
	if err := rep.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No violations.") {
		t.Error("empty report")
	}
}

func TestReportKeepsViolationsOfUnknownSegments(t *testing.T) {
	vs := []Violation{{Kind: Missing, Term: "Kreml", Expected: "Kremlin", Location: Location{Document: "d", Segment: 9, Label: "d:9"}}}
	rep := NewReport([]Segment{{Document: "d", Index: 1, Label: "d:1"}}, vs, glossary.Summary{Violations: 1})
	if got := rep.Violations(); len(got) != 1 || rep.Segments[0].Label != "d:9" {
		t.Errorf("violations %+v in segments %+v", got, rep.Segments)
	}
}

// TestFeedbackMatchesGlossary: a violation converted by FromGlossary asks for its repair in
// the glossary's own words (a name as a name, the entry's alternatives and forbidden
// renderings), so translate's repair rounds need no wording of their own.
func TestFeedbackMatchesGlossary(t *testing.T) {
	g, err := glossary.Parse(strings.NewReader(
		"de\ten\tvariants\tforbidden\tdnt\n"+
			"Außenministerium\tForeign Ministry\tState Department\tForeign Office|Outer Ministry\t\n"+
			"Generalsekretär\tSecretary General\t\tGeneral Secretary\t\n"+
			"Bundestag\tBundestag\t\t\tyes\n"+
			"Kreml\tKremlin\tthe Kremlin\tKreml\t\n"), "g.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, src, tgt string }{
		{"forbidden with variants", "Das Außenministerium widersprach.", "The Foreign Office disagreed."},
		{"missing with forbidden", "Der Generalsekretär sprach.", "The chief spoke."},
		{"name not to be translated", "Der Bundestag tagt.", "The Federal Diet meets."},
		{"several", "Der Kreml und das Außenministerium.", "The Kreml and the Outer Ministry."},
	}
	for _, tt := range tests {
		gv := g.Check(tt.src, tt.tgt)
		if len(gv) == 0 {
			t.Fatalf("%s: no violations", tt.name)
		}
		got := Feedback(FromGlossary(gv, tt.src, tt.tgt, Location{}))
		if want := glossary.Feedback(gv); got != want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, want)
		}
	}
	// Inconsistent renderings come from a document-wide check with no entry for the term.
	v := Violation{Kind: Inconsistent, Term: "Kreml", Expected: "Kremlin", Found: "Kreml", Variants: []string{"the Kremlin"}}
	gv := glossary.Violation{Kind: glossary.Inconsistent, SourceTerm: "Kreml", Expected: "Kremlin", Found: "Kreml"}
	if got, want := v.Feedback(), gv.Feedback(); got != want {
		t.Errorf("inconsistent:\n got %q\nwant %q", got, want)
	}
	if got := NewFlag(Suspect, "broken tags: the tag <g1> is missing", Location{}).Feedback(); got != "Fix this problem (suspect): broken tags: the tag <g1> is missing." {
		t.Errorf("suspect: %q", got)
	}
}

// TestLegendCoversKinds: the legend explains every kind, in the order of Kinds, so a filter
// built from Kinds and the legend agree.
func TestLegendCoversKinds(t *testing.T) {
	if len(Legend) != len(Kinds) {
		t.Fatalf("%d legend entries for %d kinds", len(Legend), len(Kinds))
	}
	for i, k := range Kinds {
		if Legend[i].Kind != k || Legend[i].Meaning == "" {
			t.Errorf("legend %d = %+v, want kind %q", i, Legend[i], k)
		}
	}
}
