package glossary

import "testing"

// TestWordDashes: a hyphen (U+2010), non-breaking hyphen (U+2011), figure dash (U+2012) or en
// dash (U+2013) between two words, as typeset text and Wikipedia write "NATO–Russia Council",
// joins them like "-"; with spaces around it, a dash separates.
func TestWordDashes(t *testing.T) {
	g := seed(t)
	tests := []struct {
		source, target string
		want           []string // FindSource, as found=glossary source
		violations     []string
	}{
		{"Der NATO–Russland–Rat tagte am Mittwoch in Brüssel.", "The NATO–Russia Council met in Brussels on Wednesday.",
			[]string{"NATO–Russland–Rat=NATO-Russland-Rat"}, nil},
		{"Nach dem Treffen des Russland‒NATO‒Rates sprach Stoltenberg.", "After the meeting of the Russia‒NATO Council, Stoltenberg spoke.",
			[]string{"Russland‒NATO‒Rates=Russland-NATO-Rat"}, nil},
		{"Der NATO‑Generalsekretär Jens Stoltenberg sagte, das Bündnis sei bereit.", "NATO Secretary‐General Jens Stoltenberg said the alliance was ready.",
			[]string{"NATO=NATO", "Generalsekretär=Generalsekretär", "Bündnis=Bündnis"}, nil},
		{"Die Sprecherin der US‐Botschaft in Moskau bestätigte das.", "A spokeswoman for the US Embassy in Moscow confirmed this.",
			[]string{"Sprecherin=Sprecher", "US‐Botschaft=US-Botschaft"}, nil},
		// The dash joins in the translation too: "NATO–Russia Board" is the forbidden rendering.
		{"Der NATO–Russland–Rat tagte.", "The NATO–Russia Board met.",
			[]string{"NATO–Russland–Rat=NATO-Russland-Rat"}, []string{"forbidden:NATO–Russland–Rat"}},
		// With spaces around it, an en dash is a pause, not a compound.
		{"Die NATO – Russland lehnt das ab – verlangt Garantien.", "NATO – Russia rejects this – demands guarantees.",
			[]string{"NATO=NATO"}, nil},
	}
	for _, tc := range tests {
		checkMatches(t, g, tc.source, tc.target, tc.want, tc.violations)
	}
}
