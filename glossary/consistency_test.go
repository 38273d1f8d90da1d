package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckerConsistency(t *testing.T) {
	g := New([]*Entry{{Source: "Außenministerium", Target: "Foreign Ministry", Variants: []string{"State Department", "Department of State"}}})
	segs := []Segment{
		{Index: 1, Doc: "a", Source: "Das Außenministerium und das Bündnis berieten.", Target: "The State Department and the alliance conferred."},
		{Index: 2, Doc: "a", Source: "Das Außenministerium sagte, das Bündnis sei einig.", Target: "The State Department said the alliance was united."},
		{Index: 3, Doc: "a", Source: "Das Bündnis wartet.", Target: "The alliance waits."},
		{Index: 4, Doc: "a", Source: "Ein Vertreter des Außenministeriums reiste ab.", Target: "A Department of State official left."},
		{Index: 5, Doc: "a", Source: "Das Bündnis schwieg.", Target: "The bloc kept silent."},
		{Index: 6, Doc: "b", Source: "Das Außenministerium berichtete.", Target: "The Department of State reported."},
		{Index: 7, Doc: "b", Source: "Das Bündnis wartet.", Target: "The bloc waits."},
	}
	for _, tc := range []struct{ consistency, free bool }{{false, false}, {true, false}, {true, true}} {
		consistency := tc.consistency
		c := NewChecker(g, CheckOptions{Consistency: tc.consistency, FreeTerms: tc.free})
		var got []string
		for _, s := range segs {
			for _, f := range c.Add(s) {
				got = append(got, f.Doc+":"+f.Kind+":"+f.SourceTerm+":"+f.Expected+":"+f.Found)
			}
		}
		for _, f := range c.Close() {
			got = append(got, f.Doc+":"+f.Kind+":"+f.SourceTerm+":"+f.Expected+":"+f.Found)
		}
		var want []string
		if consistency {
			// Only glossary terms, unless FreeTerms also looks at repeated words outside it.
			want = []string{"a:inconsistent:Außenministeriums:State Department:Department of State"}
		}
		if tc.free {
			want = append(want, "a:inconsistent:Bündnis:alliance:")
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", tc, diff)
		}
		s := c.Summary()
		if s.Segments != 7 || s.TermsFound != 4 || s.TermsSatisfied != 4 || s.SuccessRate() != 1 {
			t.Errorf("summary %+v", s)
		}
	}
}

func TestFreeConsistencyNeedsEvidence(t *testing.T) {
	g := New([]*Entry{{Source: "Kreml", Target: "Kremlin"}})
	c := NewConsistency(g, true)
	// Two occurrences are too few to call a rendering dominant.
	c.Add(1, "Das Bündnis wartet.", "The alliance waits.", g.Review("Das Bündnis wartet.", "The alliance waits."))
	c.Add(2, "Das Bündnis schwieg.", "The bloc kept silent.", Result{})
	if vs := c.Violations(); len(vs) != 0 {
		t.Errorf("got %v", vs)
	}
}

func TestFeedback(t *testing.T) {
	g := seed(t)
	tests := []struct{ source, target, want string }{
		{"Der Sprecher des Außenministeriums", "The spokesperson of the ministry", `The German term "Außenministeriums" must be translated as "Foreign Ministry", inflected to fit the English sentence (plural or possessive as needed); also accepted: "State Department", "Department of State", "Ministry of Foreign Affairs", "Foreign Office"; do not use "Outer Ministry", "External Ministry".`},
		{"Der Generalsekretär", "The General Secretary", `The German term "Generalsekretär" must not be translated as "General Secretary"; use "Secretary General", inflected to fit the English sentence (plural or possessive as needed); also accepted: "Secretary-General".`},
		{"Die NATO tagte.", "The alliance met.", `The name "NATO" must not be translated: write "NATO" (with a possessive where the English sentence needs one); also accepted: "Nato", "North Atlantic Alliance".`},
	}
	// A verb term's rendering is asked for in the sentence's tense, not its number.
	verb := New([]*Entry{{Source: "in Kraft treten", Target: "enter into force"}})
	for _, tc := range []struct{ source, target, want string }{
		{"Das Gesetz tritt morgen in Kraft.", "The law becomes valid tomorrow.", `The German term "in Kraft treten" must be translated as "enter into force", in the tense and form the English sentence needs.`},
	} {
		vs := verb.Check(tc.source, tc.target)
		if len(vs) != 1 || vs[0].Feedback() != tc.want {
			t.Errorf("Check(%q, %q) = %v, want one violation asking %s", tc.source, tc.target, vs, tc.want)
		}
	}
	for _, tc := range tests {
		vs := g.Check(tc.source, tc.target)
		if len(vs) != 1 {
			t.Fatalf("Check(%q, %q) = %v", tc.source, tc.target, vs)
		}
		if got := vs[0].Feedback(); got != tc.want {
			t.Errorf("Feedback:\n got %s\nwant %s", got, tc.want)
		}
	}
	if got := Feedback(nil); got != "" {
		t.Errorf("Feedback(nil) = %q", got)
	}
}

func TestAppliedAndKeys(t *testing.T) {
	g := seed(t)
	a := g.FindSource("Der Kreml und die NATO. Der Kreml schwieg.")
	b := g.FindSource("Die NATO und der Kreml.")
	ea, eb := Applied(a), Applied(b)
	if len(ea) != 2 || !cmp.Equal(Keys(ea), Keys(eb)) {
		t.Fatalf("Applied: %v vs %v", Keys(ea), Keys(eb))
	}
	want := []string{"Kreml\tKremlin", "NATO\tNATO"}
	if diff := cmp.Diff(want, Keys(Applied(a, b))); diff != "" {
		t.Error(diff)
	}
	if got := Keys(Applied(g.FindSource("nichts"))); len(got) != 0 {
		t.Errorf("got %v", got)
	}
}

func TestReviewMatchesReusesMatches(t *testing.T) {
	g := seed(t)
	src := "Vertreter des US-Außenministeriums besuchten den Kreml."
	ms := g.FindSource(src)
	for _, tgt := range []string{"US Foreign Ministry officials visited the Kremlin.", "State Department officials visited the Kremlin."} {
		if a, b := g.ReviewMatches(ms, tgt), g.Review(src, tgt); !cmp.Equal(violationKeys(a.Violations), violationKeys(b.Violations)) {
			t.Errorf("%q: ReviewMatches %v, Review %v", tgt, a.Violations, b.Violations)
		}
	}
}

// TestSummaryCleanTerms: a term rendered as required next to a forbidden rendering of the same
// entry (the source has it twice) is found, not satisfied: the summary read "1 term found, 1
// satisfied (100.0%), 1 violation".
func TestSummaryCleanTerms(t *testing.T) {
	g, err := Parse(strings.NewReader("de\ten\tvariants\tforbidden\nGeneralsekretär\tSecretary General\t\tGeneral Secretary\nKreml\tKremlin\n"), "g.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	c := NewChecker(g, CheckOptions{})
	c.Add(Segment{Index: 1, Source: "Der Generalsekretär sprach mit dem Generalsekretär.", Target: "The Secretary General spoke with the General Secretary."})
	c.Add(Segment{Index: 2, Source: "Der Kreml schwieg.", Target: "The Kremlin kept silent."})
	s := c.Summary()
	if s.TermsFound != 2 || s.TermsSatisfied != 1 || s.Violations != 1 {
		t.Errorf("found %d, satisfied %d, violations %d; want 2, 1, 1", s.TermsFound, s.TermsSatisfied, s.Violations)
	}
}

// TestConsistencyFollowsTheRequiredRendering: a document that uses an accepted variant more
// often than the required rendering is asked to follow the required one, not the other way
// round (the QA review's EU fisheries glossary: "Fishing" three times, "Fisheries" once).
func TestConsistencyFollowsTheRequiredRendering(t *testing.T) {
	g := New([]*Entry{{Source: "Fischerei", Target: "fisheries", Variants: []string{"fishing"}}})
	c := NewChecker(g, CheckOptions{Consistency: true})
	segs := []Segment{
		{Index: 1, Doc: "a", Source: "Die Fischerei ist wichtig.", Target: "Fishing is important."},
		{Index: 2, Doc: "a", Source: "Wir schützen die Fischerei.", Target: "We protect fishing."},
		{Index: 3, Doc: "a", Source: "Die Fischerei leidet.", Target: "Fishing suffers."},
		{Index: 4, Doc: "a", Source: "Die Generaldirektion Fischerei tagte.", Target: "The Directorate-General for Fisheries met."},
	}
	var got []string
	for _, s := range segs {
		for _, f := range c.Add(s) {
			got = append(got, f.Kind+":"+f.Expected+":"+f.Found)
		}
	}
	for _, f := range c.Close() {
		got = append(got, f.Kind+":"+f.Expected+":"+f.Found)
	}
	want := []string{"inconsistent:Fisheries:Fishing", "inconsistent:Fisheries:fishing", "inconsistent:Fisheries:Fishing"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
