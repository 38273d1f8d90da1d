package glossary

import "testing"

// TestNumbersInTerms: a number in a term is part of it, on both sides, and matches only
// itself: Artikel 5 is not any Artikel, Article 6 is not Article 5, Nord Stream 1 is not Nord
// Stream 2.
func TestNumbersInTerms(t *testing.T) {
	g := New([]*Entry{
		{Source: "Artikel 5", Target: "Article 5"},
		{Source: "Nord Stream 2", Target: "Nord Stream 2", DoNotTranslate: true},
		{Source: "Agenda 2030", Target: "2030 Agenda"},
		{Source: "Paragraf 218", Target: "Section 218"},
	})
	tests := []struct {
		source, target string
		want           []string // FindSource, as found=glossary source
		violations     []string
	}{
		{"Der Artikel ist lang und schwer verständlich.", "The article is long and hard to follow.", nil, nil},
		{"Nach Artikel 5 des Nordatlantikvertrags gilt die Beistandspflicht.", "Under Article 5 of the North Atlantic Treaty, the duty of mutual assistance applies.",
			[]string{"Artikel 5=Artikel 5"}, nil},
		{"Nach Artikel 5 des Nordatlantikvertrags gilt die Beistandspflicht.", "Under Article 6 of the North Atlantic Treaty, the duty of mutual assistance applies.",
			[]string{"Artikel 5=Artikel 5"}, []string{"missing:Artikel 5"}},
		{"Großbritannien hat Artikel 50 des EU-Vertrags ausgelöst.", "Britain has triggered Article 50 of the EU Treaty.", nil, nil},
		{"Die Pipeline Nord Stream 2 ist fertiggestellt.", "The Nord Stream 2 pipeline has been completed.", []string{"Nord Stream 2=Nord Stream 2"}, nil},
		{"Die Pipeline Nord Stream 2 ist fertiggestellt.", "The Nord Stream 1 pipeline has been completed.", []string{"Nord Stream 2=Nord Stream 2"}, []string{"missing:Nord Stream 2"}},
		{"Gebaut wurde Nord Stream 2. Die Leitung ist fertig.", "Nord Stream 2 was built. The line is finished.", []string{"Nord Stream 2=Nord Stream 2"}, nil},
		{"Der Streit um Nord Stream geht weiter.", "The dispute over Nord Stream continues.", nil, nil},
		{"Die Agenda 2030 der Vereinten Nationen nennt 17 Ziele.", "The UN's 2030 Agenda sets 17 goals.", []string{"Agenda 2030=Agenda 2030"}, nil},
		{"Die Agenda 2030 der Vereinten Nationen nennt 17 Ziele.", "The UN's 2050 Agenda sets 17 goals.", []string{"Agenda 2030=Agenda 2030"}, []string{"missing:Agenda 2030"}},
		{"Der Bundestag stritt über Paragraf 218 und Paragraf 219a.", "The Bundestag argued about Section 218 and Section 219a.", []string{"Paragraf 218=Paragraf 218"}, nil},
	}
	for _, tc := range tests {
		checkMatches(t, g, tc.source, tc.target, tc.want, tc.violations)
	}
}
