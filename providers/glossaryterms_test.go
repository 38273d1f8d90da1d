package providers

import (
	"slices"
	"strings"
	"testing"
)

func TestTermsIn(t *testing.T) {
	terms := []Term{{Source: "Außenministerium"}, {Source: "NATO"}, {Source: "Minsker Abkommen"}, {Source: "neue Brücke"}}
	for _, tc := range []struct {
		name string
		segs []Segment
		want []string
	}{
		{"inflected and case", []Segment{{Text: "des Außenministeriums"}, {Text: "Die Nato tagt."}}, []string{"Außenministerium", "NATO"}},
		{"across placeholder tags", []Segment{{Text: "Die <g1>neue</g1> Brücke steht."}}, []string{"neue Brücke"}},
		{"inside tags", []Segment{{Text: "Die <g1>neue Brücke</g1> steht."}}, []string{"neue Brücke"}},
		{"none", []Segment{{Text: "Kein Begriff hier."}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, term := range TermsIn(terms, tc.segs) {
				got = append(got, term.Source)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("TermsIn = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTermsInSeparatedVerbs: a verb term the glossary found apart or in another form (a
// re-asked segment must keep it) is kept by its core without particle and ending.
func TestTermsInSeparatedVerbs(t *testing.T) {
	terms := []Term{{Source: "in Kraft treten"}, {Source: "abschaffen"}, {Source: "vorlegen"}, {Source: "Außenministerium"}}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Das Gesetz tritt am 1. Januar in Kraft.", []string{"in Kraft treten"}},
		{"Die Regierung schafft die Steuer ab.", []string{"abschaffen"}},
		{"Die Steuer wurde abgeschafft.", []string{"abschaffen"}},
		{"Die Kommission legt einen Bericht vor.", []string{"vorlegen"}},
		{"Das Wetter ist schön.", nil},
	} {
		var got []string
		for _, term := range TermsIn(terms, []Segment{{Text: tc.text}}) {
			got = append(got, term.Source)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: TermsIn = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestProtected(t *testing.T) {
	for _, tc := range []struct {
		term    Term
		matched string
		want    string
	}{
		{Term{Source: "US-Außenministeriums", Target: "State Department", DoNotTranslate: true}, "US-Außenministeriums", "State Department"},
		{Term{Source: "Kreml", Target: "Kremlin"}, "kreml", "Kremlin"},
		{Term{Source: "NATO", Target: "NATO", DoNotTranslate: true}, "Nato", "Nato"},
		{Term{Source: "NATO", Target: "nato", DoNotTranslate: true}, "NATO", "NATO"},
		{Term{Source: "Bundestag", DoNotTranslate: true}, "Bundestages", "Bundestages"},
	} {
		if got := tc.term.Protected(tc.matched); got != tc.want {
			t.Errorf("%+v.Protected(%q) = %q, want %q", tc.term, tc.matched, got, tc.want)
		}
	}
}

func TestWordBoundary(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"Die NATO tagt", "NATO", true},
		{"NATO-Generalsekretär", "NATO", true},
		{"Der Kremlsprecher", "Kreml", false},
		{"des Außenministeriums", "Außenministerium", false},
		{"2024er", "2024", false},
		{"Kreml", "Kreml", true},
	} {
		i := strings.Index(tc.text, tc.word)
		if got := WordBoundary(tc.text, i, i+len(tc.word)); got != tc.want {
			t.Errorf("WordBoundary(%q, %q) = %v, want %v", tc.text, tc.word, got, tc.want)
		}
	}
}
