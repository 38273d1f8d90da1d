package translate

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/segment"
)

// TestLocate: a pair's findings get its location; spans that still point at the term and at
// the found rendering are kept (the k-th of repeated renderings stays at its occurrence), the
// others are searched, and flags have none.
func TestLocate(t *testing.T) {
	loc := qa.Location{Document: "a.txt", Segment: 3, Label: "a.txt ¶2.1"}
	for _, tc := range []struct {
		name           string
		vs             []Violation
		source, target string
		want           []qa.Violation
	}{
		{"missing, term found in another case, entry defaults to the term",
			[]Violation{{Kind: qa.Missing, Term: "nato", Expected: "NATO"}}, "Die NATO tagt.", "The alliance meets.",
			[]qa.Violation{{Kind: qa.Missing, Term: "nato", Entry: "nato", Expected: "NATO", Location: withSpans(loc, 4, 8, -1, -1)}}},
		{"forbidden, both spans searched",
			[]Violation{{Kind: qa.Forbidden, Term: "Außenministerium", Entry: "Außenministerium", Expected: "State Department", Found: "Foreign Office", Location: withSpans(qa.Location{}, 30, 46, 40, 54)}},
			"Das Außenministerium sagt.", "The Foreign Office says.",
			[]qa.Violation{{Kind: qa.Forbidden, Term: "Außenministerium", Entry: "Außenministerium", Expected: "State Department", Found: "Foreign Office", Location: withSpans(loc, 4, 21, 4, 18)}}},
		{"spans still right are kept",
			[]Violation{{Kind: qa.Forbidden, Term: "Kreml", Entry: "Kreml", Expected: "Kremlin", Found: "Kreml", Location: withSpans(qa.Location{}, 14, 19, 14, 19)}},
			"Kreml und der Kreml.", "Kreml and the Kreml.",
			[]qa.Violation{{Kind: qa.Forbidden, Term: "Kreml", Entry: "Kreml", Expected: "Kremlin", Found: "Kreml", Location: withSpans(loc, 14, 19, 14, 19)}}},
		{"repeated rendering searched: k-th at its k-th occurrence",
			[]Violation{
				{Kind: qa.Forbidden, Term: "Kreml", Entry: "Kreml", Expected: "Kremlin", Found: "Kreml", Location: withSpans(qa.Location{}, qa.NoSpan, qa.NoSpan, qa.NoSpan, qa.NoSpan)},
				{Kind: qa.Forbidden, Term: "Kreml", Entry: "Kreml", Expected: "Kremlin", Found: "Kreml", Location: withSpans(qa.Location{}, qa.NoSpan, qa.NoSpan, qa.NoSpan, qa.NoSpan)},
			},
			"Kreml, Kreml.", "The Kreml, the Kreml.",
			[]qa.Violation{
				{Kind: qa.Forbidden, Term: "Kreml", Entry: "Kreml", Expected: "Kremlin", Found: "Kreml", Location: withSpans(loc, 0, 5, 4, 9)},
				{Kind: qa.Forbidden, Term: "Kreml", Entry: "Kreml", Expected: "Kremlin", Found: "Kreml", Location: withSpans(loc, 0, 5, 15, 20)},
			}},
		{"nothing found",
			[]Violation{{Kind: qa.Inconsistent, Term: "Kreml", Expected: "Kremlin", Found: "Kreml"}}, "", "",
			[]qa.Violation{{Kind: qa.Inconsistent, Term: "Kreml", Entry: "Kreml", Expected: "Kremlin", Found: "Kreml", Location: withSpans(loc, -1, -1, -1, -1)}}},
		{"suspect answer has no span",
			[]Violation{qa.NewFlag(Suspect, "broken tags: the tag <g2> is missing", qa.Location{})}, "a", "b",
			[]qa.Violation{{Kind: Suspect, Message: "broken tags: the tag <g2> is missing", Location: withSpans(loc, -1, -1, -1, -1)}}},
	} {
		in := append([]Violation(nil), tc.vs...)
		got := qa.Locate(tc.vs, tc.source, tc.target, loc)
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %d findings, want %d", tc.name, len(got), len(tc.want))
		}
		for i := range got {
			if !sameViolation(got[i], tc.want[i]) {
				t.Errorf("%s %d:\n got %+v\nwant %+v", tc.name, i, got[i], tc.want[i])
			}
			if !sameViolation(tc.vs[i], in[i]) {
				t.Errorf("%s %d: the unit's violation was changed: %+v", tc.name, i, tc.vs[i])
			}
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

// TestRepairFeedback: a repair round names the violation in the glossary's own words, through
// qa.Violation.Feedback: a name that must not be translated is asked for as a name, an entry's
// alternatives and forbidden renderings are listed.
func TestRepairFeedback(t *testing.T) {
	g, err := glossary.Parse(strings.NewReader("de\ten\tvariants\tforbidden\tdnt\n"+
		"Bundestag\tBundestag\t\t\tyes\n"+
		"Außenministerium\tState Department\tForeign Ministry\tForeign Office\t\n"), "t.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	answers := map[string]string{
		"Der Bundestag tagt.":        "The Federal Diet meets.",
		"Das Außenministerium sagt.": "The Foreign Office says.",
	}
	var mu sync.Mutex
	asked := map[string]string{}
	fp := &fakeProvider{answer: func(s providers.Segment, req *providers.Request) string {
		if fb := req.Feedback[s.ID]; fb != "" {
			mu.Lock()
			asked[s.Text] = fb
			mu.Unlock()
		}
		return answers[s.Text]
	}}
	docs := []*segment.Document{doc("r.txt", []string{"Der Bundestag tagt."}, []string{"Das Außenministerium sagt."})}
	if _, _, err := collect(context.Background(), &Translator{Provider: fp, Glossary: FromGlossary(g), Repair: 1, Concurrency: 1}, docs); err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]string{
		"Der Bundestag tagt.":        `The name "Bundestag" must not be translated: write "Bundestag" (with a possessive`,
		"Das Außenministerium sagt.": `The German term "Außenministerium" must not be translated as "Foreign Office"; use "State Department", inflected to fit the English sentence (plural or possessive as needed); also accepted: "Foreign Ministry".`,
	} {
		if got := asked[src]; !strings.Contains(got, want) {
			t.Errorf("repair of %q asked %q, want %q", src, got, want)
		}
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

// TestFindingsUnlocated: a Glossary that does not locate its violations still gives Findings,
// located by search.
func TestFindingsUnlocated(t *testing.T) {
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

// FuzzLocate: whatever spans a violation brings, its finding's spans are NoSpan or a range of
// the pair's text holding the term (ignoring case) or the found rendering.
func FuzzLocate(f *testing.F) {
	f.Add("Das Außenministerium sagt.", "The Foreign Office says.", "außenministerium", "Foreign Office", 4, 21, 4, 18)
	f.Add("Kreml, Kreml.", "Kreml, Kreml.", "Kreml", "Kreml", 40, -3, 7, 12)
	f.Add("ẞ", "ß", "ß", "ß", 0, 3, 0, 2)
	f.Fuzz(func(t *testing.T, source, target, term, found string, ss, se, ts, te int) {
		vs := []Violation{
			{Kind: qa.Forbidden, Term: term, Found: found, Location: withSpans(qa.Location{}, ss, se, ts, te)},
			{Kind: qa.Forbidden, Term: term, Found: found, Location: withSpans(qa.Location{}, qa.NoSpan, qa.NoSpan, qa.NoSpan, qa.NoSpan)},
			qa.NewFlag(Suspect, found, qa.Location{}),
		}
		for _, v := range qa.Locate(vs, source, target, qa.Location{Segment: 1}) {
			if v.Segment != 1 {
				t.Fatalf("location lost: %+v", v.Location)
			}
			if v.SourceStart != qa.NoSpan && !(0 <= v.SourceStart && v.SourceStart < v.SourceEnd && v.SourceEnd <= len(source) && strings.EqualFold(source[v.SourceStart:v.SourceEnd], term)) {
				t.Fatalf("source span %d:%d of %q for %q", v.SourceStart, v.SourceEnd, source, term)
			}
			if v.TargetStart != qa.NoSpan && !(0 <= v.TargetStart && v.TargetStart < v.TargetEnd && v.TargetEnd <= len(target) && target[v.TargetStart:v.TargetEnd] == found) {
				t.Fatalf("target span %d:%d of %q for %q", v.TargetStart, v.TargetEnd, target, found)
			}
			if v.Kind == Suspect && (v.SourceStart != qa.NoSpan || v.TargetStart != qa.NoSpan) {
				t.Fatalf("flag with a span: %+v", v)
			}
		}
	})
}
