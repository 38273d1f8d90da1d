package glossary

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gapCases are German phrases where a multi-word term may or may not skip attributive
// adjectives (see gaps.go), with what FindSource must report against the seed glossary.
var gapCases = []struct {
	text string
	want []string
}{
	// Found: one or two inflected adjectives between a lower-case term word and the next.
	{"Am Mittwoch traf Donfried den stellvertretenden russischen Außenminister Sergej Rjabkow.", []string{"stellvertretenden russischen Außenminister=stellvertretender Außenminister"}},
	{"Sie achten die territoriale staatliche Integrität der Ukraine.", []string{"territoriale staatliche Integrität=territoriale Integrität"}},
	{"der stellvertretende amerikanische Außenminister", []string{"stellvertretende amerikanische Außenminister=stellvertretender Außenminister"}},
	{"des stellvertretenden US-amerikanischen Außenministers", []string{"stellvertretenden US-amerikanischen Außenministers=stellvertretender Außenminister"}},
	{"des stellvertretenden ehemaligen russischen Außenministers", []string{"stellvertretenden ehemaligen russischen Außenministers=stellvertretender Außenminister"}},
	{"Stellvertretender russischer Außenminister Rjabkow sagte", []string{"Stellvertretender russischer Außenminister=stellvertretender Außenminister"}},
	{"der stellvertretende amtierende US-Außenminister", []string{"stellvertretende amtierende US-Außenminister=stellvertretender US-Außenminister"}},
	{"der russischen hochrangigen interministeriellen Delegation", []string{"interministeriellen Delegation=interministerielle Delegation"}},
	{"eine interministerielle russische Delegation", []string{"interministerielle russische Delegation=interministerielle Delegation"}},
	{"der diplomatischen ständigen Mission Russlands", []string{"diplomatischen ständigen Mission=diplomatische Mission"}},
	{"stellvertretenden Außenminister", []string{"stellvertretenden Außenminister=stellvertretender Außenminister"}},
	{"des stellvertretenden ersten russischen Außenministers", []string{"stellvertretenden ersten russischen Außenministers=stellvertretender Außenminister"}}, // ordinals inflect as adjectives

	// Rejected: what stands between is not an attributive adjective, or too much of it.
	{"stellvertretender und ehemaliger Außenminister", []string{"Außenminister=Außenminister"}},
	{"der stellvertretende Sprecher Außenminister Lawrows", []string{"Sprecher=Sprecher", "Außenminister=Außenminister"}},
	{"des stellvertretenden ersten neuen russischen Außenministers", []string{"Außenministers=Außenminister"}}, // three words
	{"stellvertretende die Außenminister", []string{"Außenminister=Außenminister"}},
	{"stellvertretender seiner Außenminister", []string{"Außenminister=Außenminister"}},
	{"stellvertretende sieben Außenminister", []string{"Außenminister=Außenminister"}},
	{"die territoriale, staatliche Integrität", nil},
	{"die territoriale und staatliche Integrität", nil},
	{"die territoriale nicht Integrität", nil},
	{"der stellvertretende NATO-Außenminister", []string{"NATO=NATO", "Außenminister=Außenminister"}},
	{"der stellvertretende russische", nil},
	{"der stellvertretende 2. Außenminister", []string{"Außenminister=Außenminister"}},

	// Rejected: a capitalized first word is part of a name, which takes no adjectives inside.
	{"die Minsker neuen Abkommen", nil},
	{"die Vereinigten arabischen Staaten", nil},
	{"der Russischen neuen Föderation", nil},
	{"des Genfer großen Gipfels", nil},
}

func TestFindSourceSkipsAdjectives(t *testing.T) {
	g := seed(t)
	for _, tc := range gapCases {
		ms := g.FindSource(tc.text)
		if diff := cmp.Diff(tc.want, found(ms)); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
		for _, m := range ms {
			if tc.text[m.Start:m.End] != m.Text {
				t.Errorf("FindSource(%q): match %q at [%d,%d) is %q in the text", tc.text, m.Text, m.Start, m.End, tc.text[m.Start:m.End])
			}
		}
	}
}

// TestSkipOnlyForStemTerms: exact and case-sensitive entries mean exactly these words.
func TestSkipOnlyForStemTerms(t *testing.T) {
	tests := []struct {
		entry Entry
		text  string
		want  []string
	}{
		{Entry{Source: "stellvertretender Außenminister", Target: "x"}, "stellvertretender russischer Außenminister", []string{"stellvertretender russischer Außenminister=stellvertretender Außenminister"}},
		{Entry{Source: "stellvertretender Außenminister", Target: "x", Match: MatchExact}, "stellvertretender russischer Außenminister", nil},
		{Entry{Source: "stellvertretender Außenminister", Target: "x", Match: MatchExact}, "stellvertretender Außenminister", []string{"stellvertretender Außenminister=stellvertretender Außenminister"}},
		{Entry{Source: "territoriale Integrität", Target: "x", CaseSensitive: true}, "die territoriale staatliche Integrität", nil},
		{Entry{Source: "territoriale Integrität", Target: "x", CaseSensitive: true}, "die territoriale Integrität", []string{"territoriale Integrität=territoriale Integrität"}},
		// A lower-case first part of a hyphenated term word is not a word of its own.
		{Entry{Source: "anti-russische Politik", Target: "x"}, "die anti-russische neue Politik", []string{"anti-russische neue Politik=anti-russische Politik"}},
		{Entry{Source: "anti-russische Politik", Target: "x"}, "die anti-neue-russische Politik", nil},
		// Three-word terms may skip after each lower-case word.
		{Entry{Source: "ständiger stellvertretender Vertreter", Target: "x"}, "der ständige russische stellvertretende amtierende Vertreter", []string{"ständige russische stellvertretende amtierende Vertreter=ständiger stellvertretender Vertreter"}},
	}
	for _, tc := range tests {
		e := tc.entry
		g := New([]*Entry{&e})
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("%+v: FindSource(%q) (-want +got):\n%s", tc.entry, tc.text, diff)
		}
	}
}

// TestSkipLongestMatch: a term that skips words competes with others by its own words, and of
// terms with as many words the one spanning more text wins.
func TestSkipLongestMatch(t *testing.T) {
	g := New([]*Entry{
		{Source: "russischer Außenminister", Target: "Russian foreign minister"},
		{Source: "stellvertretender Außenminister", Target: "deputy foreign minister"},
	})
	got := found(g.FindSource("der stellvertretende russische Außenminister"))
	want := []string{"stellvertretende russische Außenminister=stellvertretender Außenminister"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	g = New([]*Entry{
		{Source: "neue russische Politik", Target: "new Russian policy"},
		{Source: "alte Politik", Target: "old policy"},
	})
	got = found(g.FindSource("die alte neue russische Politik"))
	want = []string{"neue russische Politik=neue russische Politik"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
