package translate

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/segment"
)

func TestViolationQA(t *testing.T) {
	loc := qa.Location{Document: "a.txt", Segment: 3, Label: "a.txt ¶2.1"}
	for _, tc := range []struct {
		name           string
		v              Violation
		source, target string
		want           qa.Violation
	}{
		{"missing, term found in another case", Violation{Kind: "missing", SourceTerm: "nato", Expected: "NATO"}, "Die NATO tagt.", "The alliance meets.",
			qa.Violation{Kind: qa.Missing, Term: "nato", Entry: "nato", Expected: "NATO", Location: withSpans(loc, 4, 8, -1, -1)}},
		{"forbidden, both spans", Violation{Kind: "forbidden", SourceTerm: "Außenministerium", Expected: "State Department", Found: "Foreign Office"}, "Das Außenministerium sagt.", "The Foreign Office says.",
			qa.Violation{Kind: qa.Forbidden, Term: "Außenministerium", Entry: "Außenministerium", Expected: "State Department", Found: "Foreign Office", Location: withSpans(loc, 4, 21, 4, 18)}},
		{"nothing found", Violation{Kind: "inconsistent", SourceTerm: "Kreml", Expected: "Kremlin", Found: "Kreml"}, "", "",
			qa.Violation{Kind: qa.Inconsistent, Term: "Kreml", Entry: "Kreml", Expected: "Kremlin", Found: "Kreml", Location: withSpans(loc, -1, -1, -1, -1)}},
		{"suspect answer", Violation{Kind: Suspect, Found: "tags broken: the tag <g2> is missing"}, "a", "b",
			qa.Violation{Kind: Suspect, Message: "tags broken: the tag <g2> is missing", Location: withSpans(loc, -1, -1, -1, -1)}},
	} {
		got := tc.v.QA(tc.source, tc.target, loc)
		if !sameViolation(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
		if back := FromQA(got); back.Kind != tc.v.Kind || back.SourceTerm != tc.v.SourceTerm || back.Expected != tc.v.Expected || back.Found != tc.v.Found {
			t.Errorf("%s: FromQA(QA(v)) = %+v, want %+v", tc.name, back, tc.v)
		}
	}
}

func withSpans(loc qa.Location, ss, se, ts, te int) qa.Location {
	loc.SourceStart, loc.SourceEnd, loc.TargetStart, loc.TargetEnd = ss, se, ts, te
	return loc
}

func sameViolation(a, b qa.Violation) bool {
	return a.Kind == b.Kind && a.Term == b.Term && a.Entry == b.Entry && a.Expected == b.Expected && a.Found == b.Found &&
		a.Message == b.Message && a.Note == b.Note && a.Location == b.Location &&
		strings.Join(a.Variants, "|") == strings.Join(b.Variants, "|") && strings.Join(a.Banned, "|") == strings.Join(b.Banned, "|")
}

// TestFeedbackPhrasing: a violation's own instruction is sent as it is; one without is phrased
// the way qa phrases it for check and review.
func TestFeedbackPhrasing(t *testing.T) {
	vs := []Violation{
		{Kind: "missing", SourceTerm: "Bündnis", Expected: "Alliance", Feedback: "own words"},
		{Kind: "forbidden", SourceTerm: "Kreml", Expected: "Kremlin", Found: "Kreml"},
	}
	want := "own words\n" + qa.Violation{Kind: qa.Forbidden, Term: "Kreml", Expected: "Kremlin", Found: "Kreml"}.Feedback()
	if got := Feedback(vs); got != want {
		t.Errorf("Feedback:\n got %q\nwant %q", got, want)
	}
}

// TestPairFindings: with a real glossary, the pairs' findings are qa.Violations carrying the
// entry behind an inflected form, its variants and forbidden renderings, the offsets of the
// term and of the wrong rendering, and the pair's place; for sentence and paragraph units.
func TestPairFindings(t *testing.T) {
	const terms = "de\ten\tvariants\tforbidden\n" +
		"Außenministerium\tState Department\tForeign Ministry\tForeign Office\n" +
		"Kreml\tKremlin\t\t\n"
	g, err := glossary.Parse(strings.NewReader(terms), "terms.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	answers := map[string]string{
		"Der Sprecher des Außenministeriums sagte das.": "The spokesman of the Foreign Office said so.",
		"Der Kreml schweigt.":                           "The Kremlin is silent.",
		"Ein Satz ohne Begriff.":                        "A sentence without a term.",
	}
	for _, unit := range []Unit{Sentence, Paragraph} {
		docs := []*segment.Document{doc("a.txt",
			[]string{"Der Kreml schweigt."},
			[]string{"Ein Satz ohne Begriff.", "Der Sprecher des Außenministeriums sagte das."},
		)}
		fp := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string {
			var out []string
			for _, sent := range segment.SplitSentences(s.Text, "de") {
				out = append(out, answers[sent.Text])
			}
			return strings.Join(out, " ")
		}}
		res, st, err := collect(context.Background(), &Translator{Provider: fp, Glossary: FromGlossary(g), Unit: unit, Concurrency: 1}, docs)
		if err != nil {
			t.Fatal(err)
		}
		if st.Violations != 1 {
			t.Fatalf("%s: %d violations, want 1", unit, st.Violations)
		}
		var found []qa.Violation
		for _, p := range res[0].Pairs {
			if len(p.Findings) != len(p.Violations) {
				t.Errorf("%s: pair %d.%d: %d findings for %d violations", unit, p.Paragraph, p.Sentence, len(p.Findings), len(p.Violations))
			}
			found = append(found, p.Findings...)
		}
		if len(found) != 1 {
			t.Fatalf("%s: findings %+v", unit, found)
		}
		v := found[0]
		src, tgt := "Der Sprecher des Außenministeriums sagte das.", "The spokesman of the Foreign Office said so."
		want := qa.Violation{Kind: qa.Forbidden, Term: "Außenministeriums", Entry: "Außenministerium", Expected: "State Department", Found: "Foreign Office",
			Variants: []string{"Foreign Ministry"}, Banned: []string{"Foreign Office"},
			Location: qa.Location{Document: "a.txt", Segment: 3, Label: "a.txt ¶2.2",
				SourceStart: strings.Index(src, "Außenministeriums"), SourceEnd: strings.Index(src, "Außenministeriums") + len("Außenministeriums"),
				TargetStart: strings.Index(tgt, "Foreign Office"), TargetEnd: strings.Index(tgt, "Foreign Office") + len("Foreign Office")}}
		if !sameViolation(v, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", unit, v, want)
		}
		if !strings.Contains(v.Feedback(), `"Foreign Ministry"`) {
			t.Errorf("%s: feedback %q lacks the variant", unit, v.Feedback())
		}
	}
}

// TestFindingsWithoutQAChecker: a Glossary that only returns Violations still gives Findings,
// converted and located by search.
func TestFindingsWithoutQAChecker(t *testing.T) {
	docs := []*segment.Document{doc("b.txt", []string{"Das Bündnis tagte."})}
	fp := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string { return "The alliance met." }}
	res, _, err := collect(context.Background(), &Translator{Provider: fp, Glossary: fakeGlossary{"Bündnis": "Alliance"}, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	p := res[0].Pairs[0]
	if len(p.Findings) != 1 {
		t.Fatalf("findings %+v", p.Findings)
	}
	v := p.Findings[0]
	if v.Kind != qa.Missing || v.Term != "Bündnis" || v.Label != "b.txt ¶1.1" || v.SourceStart != 4 || v.SourceEnd != 4+len("Bündnis") || v.TargetStart != qa.NoSpan {
		t.Errorf("finding %+v", v)
	}
}

// TestTaggedFindings: a document's tagged segment is checked by its words — a rendering the
// markup cuts is there — and its findings point into those words.
func TestTaggedFindings(t *testing.T) {
	g, err := glossary.Parse(strings.NewReader("de\ten\tvariants\tforbidden\nAußenministerium\tState Department\t\tForeign Office\n"), "t.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	d := doc("t.html", []string{"Das <g1>Außenministerium</g1> &amp; mehr.", "Laut <g1>Außenministerium</g1> nicht."})
	fp := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string {
		if strings.HasPrefix(s.Text, "Das") {
			return "The <g1>State</g1> Department &amp; more."
		}
		return "According to the <g1>Foreign Office</g1>, no."
	}}
	res, st, err := collect(context.Background(), &Translator{Provider: fp, Glossary: FromGlossary(g), Concurrency: 1}, []*segment.Document{d})
	if err != nil {
		t.Fatal(err)
	}
	if st.Violations != 1 || len(res[0].Pairs[0].Findings) != 0 || len(res[0].Pairs[1].Findings) != 1 {
		t.Fatalf("%d violations; pairs %+v", st.Violations, res[0].Pairs)
	}
	v := res[0].Pairs[1].Findings[0]
	src, tgt := "Laut Außenministerium nicht.", "According to the Foreign Office, no."
	if v.Kind != qa.Forbidden || src[v.SourceStart:v.SourceEnd] != "Außenministerium" || tgt[v.TargetStart:v.TargetEnd] != "Foreign Office" {
		t.Errorf("finding %+v", v)
	}
}
