package glossary

import "testing"

// TestIrregularPlurals: a rendering matches in the singular or the plural, also when English
// makes the plural irregularly (children, mice, analyses, spokesmen, criteria), and no other
// word becomes a plural on the way (omen is not Oman, basis is not bases of base).
func TestIrregularPlurals(t *testing.T) {
	seedG := seed(t) // Sprecher: spokesperson, variants spokesman|spokeswoman
	g := Merge(seedG, New([]*Entry{
		{Source: "Kind", Target: "child"},
		{Source: "Maus", Target: "mouse"},
		{Source: "Analyse", Target: "analysis"},
		{Source: "Kriterium", Target: "criterion"},
		{Source: "Phänomen", Target: "phenomenon"},
		{Source: "Person", Target: "person"},
		{Source: "Vorsitzender", Target: "chairman", Variants: []string{"chairwoman", "chair"}},
		{Source: "Index", Target: "index"},
		{Source: "Stimulus", Target: "stimulus"},
		{Source: "Krise", Target: "crisis"},
		{Source: "Angaben", Target: "data"},
		{Source: "Oman", Target: "Oman"},
		{Source: "Stützpunkt", Target: "base"},
		{Source: "Status", Target: "status"},
	}))
	tests := []struct {
		source, target string
		satisfied      bool
	}{
		{"Die Kinder spielten im Hof der Schule.", "The children played in the school yard.", true},
		{"Das Kind des Ministers wurde entführt.", "The minister's child was kidnapped.", true},
		{"Die Kinder des Dorfes wurden evakuiert.", "The village's children's homes were evacuated.", true},
		{"Das Kind wurde gefunden.", "The children were found.", true}, // the number may change
		{"Die Kinder spielten im Hof.", "The kids played in the yard.", false},
		{"Im Labor wurden Mäuse gezüchtet.", "Mice were bred in the laboratory.", true},
		{"Die Analysen der Forscher widersprechen sich.", "The researchers' analyses contradict each other.", true},
		{"Die Analyse zeigt einen Rückgang.", "The analyses show a decline.", true},
		{"Die Sprecher beider Parteien äußerten sich nicht.", "The spokesmen for both parties did not comment.", true},
		{"Die Sprecher der Fraktionen trafen sich.", "The parliamentary groups' spokeswomen met.", true},
		{"Die Sprecher der Parteien widersprachen.", "The parties' spokespeople disagreed.", true},
		{"Die Sprecher der Parteien widersprachen.", "The parties' speakers disagreed.", false},
		{"Die Kriterien für den Beitritt sind streng.", "The criteria for accession are strict.", true},
		{"Solche Phänomene sind selten.", "Such phenomena are rare.", true},
		{"Drei Personen wurden verletzt.", "Three people were injured.", true},
		{"Die Vorsitzenden der Ausschüsse tagten.", "The committee chairmen met.", true},
		{"Der Index stieg in beiden Ländern.", "The indices rose in both countries.", true},
		{"Die Reize wirken als Stimulus.", "The stimuli work.", true},
		{"Die Krisen der letzten Jahre haben Spuren hinterlassen.", "The crises of recent years have left their mark.", true},
		{"Die Angaben der Behörde werden einzeln geprüft.", "Each datum from the authority is checked individually.", true},
		// No over-matching.
		{"Der Sultan von Oman reiste ab.", "The sultan took it as an omen.", false},
		{"Der Stützpunkt wurde geschlossen.", "It was closed on the basis of a decision.", false},
		{"Der Status der Region ist ungeklärt.", "The stati of the region are unclear.", false},
	}
	for _, tc := range tests {
		res := g.Review(tc.source, tc.target)
		if len(res.Terms) != 1 {
			t.Errorf("Review(%q): %d terms found in the source, want 1", tc.source, len(res.Terms))
			continue
		}
		if got := res.Terms[0].Satisfied(); got != tc.satisfied {
			t.Errorf("Review(%q, %q): satisfied = %v, want %v", tc.source, tc.target, got, tc.satisfied)
		}
	}
}
