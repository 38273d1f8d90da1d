package providers

import (
	"slices"
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
