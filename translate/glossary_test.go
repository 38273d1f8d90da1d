package translate

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

const seedGlossary = "de\ten\n" +
	"Außenministerium\tState Department\n" +
	"Generalsekretär\tSecretary General\n" +
	"NATO\tNATO\n"

// TestRealGlossaryRepair runs enforcement with the glossary package: inflected and compound
// forms are found, only the terms of each batch are sent, and one repair round that names the
// violation fixes it.
func TestRealGlossaryRepair(t *testing.T) {
	g, err := glossary.Parse(strings.NewReader(seedGlossary), "seed.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	docs := []*segment.Document{doc("a",
		[]string{"Dies erklärte der Sprecher des Außenministeriums."},
		[]string{"NATO-Generalsekretär Jens Stoltenberg sagte das."},
		[]string{"Beide Seiten werden keine Mühen scheuen."},
	)}
	fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 1, MaxChars: 1000}, answer: func(s providers.Segment, req *providers.Request) string {
		if req.Feedback[s.ID] == "" {
			return "The Foreign Ministry and the NATO chief said so."
		}
		var parts []string
		for _, term := range req.Terms {
			parts = append(parts, "the "+term.Target)
		}
		return strings.Join(parts, " and ") + " said so."
	}}
	res, st, err := collect(context.Background(), &Translator{Provider: fp, Glossary: FromGlossary(g), Repair: 1, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if st.Violations != 0 {
		t.Errorf("violations left: %+v", res[0].Pairs)
	}
	reqs := fp.requests()
	terms := func(r *providers.Request) string {
		var s []string
		for _, term := range r.Terms {
			s = append(s, term.Source)
			if term.DoNotTranslate != (term.Source == "NATO") {
				t.Errorf("term %+v: DoNotTranslate", term)
			}
		}
		return strings.Join(s, ",")
	}
	// Three first requests, then repairs of the two segments with terms.
	if len(reqs) != 5 {
		t.Fatalf("%d requests, want 5", len(reqs))
	}
	want := map[string]string{
		"Dies erklärte der Sprecher des Außenministeriums.": "Außenministeriums", // as found in the text
		"NATO-Generalsekretär Jens Stoltenberg sagte das.":  "NATO,Generalsekretär",
		"Beide Seiten werden keine Mühen scheuen.":          "",
	}
	for _, r := range reqs {
		if got := terms(r); got != want[r.Segments[0].Text] {
			t.Errorf("request for %q carried terms %q, want %q", r.Segments[0].Text, got, want[r.Segments[0].Text])
		}
		if fb := r.Feedback["1"]; fb != "" && !strings.Contains(fb, "must be translated as") {
			t.Errorf("feedback %q", fb)
		}
	}
}

// TestTermKeysAreEntries: inflected forms go to the provider as written, but the memory key
// holds the glossary entries, so both forms key the same terms.
func TestTermKeysAreEntries(t *testing.T) {
	g, err := glossary.Parse(strings.NewReader(seedGlossary), "seed.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	tr := &Translator{Glossary: FromGlossary(g)}
	terms1, _, keys1 := tr.findTerms("Das Außenministerium sprach.")
	terms2, _, keys2 := tr.findTerms("Der Sprecher des Außenministeriums sprach.")
	if terms1[0].Source != "Außenministerium" || terms2[0].Source != "Außenministeriums" {
		t.Errorf("terms %+v, %+v", terms1, terms2)
	}
	if len(keys1) != 1 || fmt.Sprint(keys1) != fmt.Sprint(keys2) || keys1[0] != "Außenministerium\tState Department" {
		t.Errorf("keys %q, %q", keys1, keys2)
	}
}

// TestDiscontinuousTermsGoAsWritten: a term whose words stand apart in the sentence (a separable
// verb, an elided coordination) goes to the provider as the glossary writes it, not as the span
// from its first part to its last, which holds other words ("am 1. Januar") that a mask would
// hide and a prompt would call the term.
func TestDiscontinuousTermsGoAsWritten(t *testing.T) {
	g, err := glossary.Parse(strings.NewReader("de\ten\nin Kraft treten\tenter into force\nAußenministerium\tForeign Ministry\n"), "g.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	tr := &Translator{Glossary: FromGlossary(g)}
	for _, tc := range []struct{ text, want string }{
		{"Das Gesetz tritt am 1. Januar in Kraft.", "in Kraft treten"},
		{"Das Außen- und Verteidigungsministerium lud ein.", "Außenministerium"},
		{"Das Gesetz ist in Kraft getreten.", "in Kraft treten"},
	} {
		terms, _, _ := tr.findTerms(tc.text)
		if len(terms) != 1 || terms[0].Source != tc.want {
			t.Errorf("%q: terms %+v, want one with source %q", tc.text, terms, tc.want)
		}
	}
}

// TestMaskShieldsOnlyTheTermItself: mask mode shields a term only where the text writes the
// term itself (with at most a genitive -s); a compound part, a verb form or a term with its
// words apart goes to the provider named as the glossary writes it and is not shielded, since
// shielding the text with the term's rendering would replace other words ("Der <keep>tax</keep>
// schläft." for "Der Steuermann schläft.", "<keep>abolish</keep>" for "abgeschafft").
func TestMaskShieldsOnlyTheTermItself(t *testing.T) {
	const tsv = "de\ten\tvariants\tforbidden\tcase\tmatch\n" +
		"Steuer\ttax\t\t\t\tcompound\n" +
		"Außenministerium\tForeign Ministry\t\t\t\tcompound\n" +
		"abschaffen\tabolish\n"
	g, err := glossary.Parse(strings.NewReader(tsv), "g.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	tr := &Translator{Glossary: FromGlossary(g), GlossaryMode: GlossaryMask}
	for _, tc := range []struct {
		text, source string
		shielded     bool
	}{
		{"Die Steuer wurde erhöht.", "Steuer", true},
		{"Der Sprecher des Außenministeriums sagte nichts.", "Außenministeriums", true},
		{"Das Einkommensteuergesetz wurde geändert.", "Steuer", false},
		{"Der Außenministeriumssprecher sagte nichts.", "Außenministerium", false},
		{"Die Regierung hat die Maut abgeschafft.", "abschaffen", false},
		{"Die Regierung schafft die Maut ab.", "abschaffen", false},
	} {
		terms, _, _ := tr.findTerms(tc.text)
		if len(terms) != 1 || terms[0].Source != tc.source || terms[0].DoNotTranslate != tc.shielded {
			t.Errorf("%q: terms %+v, want %q shielded=%v", tc.text, terms, tc.source, tc.shielded)
		}
	}
}
