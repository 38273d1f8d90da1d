package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func seed(t testing.TB) *Glossary {
	t.Helper()
	g, err := Load("../testdata/glossary/seed.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// found lists the matches as "text as found=glossary source".
func found(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"="+m.Entry.Source)
	}
	return out
}

// checkMatches checks what g finds in source (want, as found gives it; every match's offsets
// pointing at its text) and the violations Check reports for target ("kind:term", each at its
// place in source).
func checkMatches(t *testing.T, g *Glossary, source, target string, want, violations []string) {
	t.Helper()
	ms := g.FindSource(source)
	if diff := cmp.Diff(want, found(ms)); diff != "" {
		t.Errorf("FindSource(%q) (-want +got):\n%s", source, diff)
	}
	for _, m := range ms {
		if source[m.Start:m.End] != m.Text {
			t.Errorf("%q: match %q at [%d,%d) is %q in the text", source, m.Text, m.Start, m.End, source[m.Start:m.End])
		}
	}
	var got []string
	for _, v := range g.Check(source, target) {
		got = append(got, v.Kind+":"+v.SourceTerm)
		if source[v.Start:v.End] != v.SourceTerm {
			t.Errorf("%q: violation at [%d,%d) is %q, want %q", source, v.Start, v.End, source[v.Start:v.End], v.SourceTerm)
		}
	}
	if diff := cmp.Diff(violations, got); diff != "" {
		t.Errorf("Check(%q, %q) (-want +got):\n%s", source, target, diff)
	}
}

// germanCases are sentences (seed-article sentences first) with the terms FindSource must
// report, in text order. An empty want means nothing may be found.
var germanCases = []struct {
	text string
	want []string
}{
	// Seed article sentences.
	{"Dies erklärte der Sprecher des Außenministeriums, Ned Price, während eines Briefings.", []string{"Sprecher=Sprecher", "Außenministeriums=Außenministerium"}},
	{"Wir unterstützen die Erklärung von [NATO-]Generalsekretär Jens Stoltenberg", []string{"NATO=NATO", "Generalsekretär=Generalsekretär"}},
	{"12. NATO-Generalsekretär Jens Stoltenberg sagte nach einem Treffen des Russland-NATO-Rates, dass das Bündnis die Arbeit wiederherstellen werde.", []string{"NATO=NATO", "Generalsekretär=Generalsekretär", "Russland-NATO-Rates=Russland-NATO-Rat", "Bündnis=Bündnis"}},
	{"Das russische Außenministerium stellte klar, dass die NATO angeboten habe", []string{"Außenministerium=Außenministerium", "NATO=NATO"}},
	{"Das erste Treffen des Russland-NATO-Rates seit 2,5 Jahren dauerte etwa vier Stunden.", []string{"Russland-NATO-Rates=Russland-NATO-Rat"}},
	{"Der russischen interministeriellen Delegation gehörten Vertreter des Verteidigungsministeriums und des Außenministeriums der Russischen Föderation an.", []string{"interministeriellen Delegation=interministerielle Delegation", "Verteidigungsministeriums=Verteidigungsministerium", "Außenministeriums=Außenministerium", "Russischen Föderation=Russische Föderation"}},
	{"Vertreter des US-Außenministeriums besuchten den Kreml: Worauf waren sie sich einig?", []string{"US-Außenministeriums=US-Außenministerium", "Kreml=Kreml"}},
	{"Vertreter der US-Außenministerium besucht Kreml", []string{"US-Außenministerium=US-Außenministerium", "Kreml=Kreml"}},
	{"Thema des Gesprächs waren russische Truppen an den Grenzen der Ukraine und Garantien bezüglich der NATO in Osteuropa.", []string{"NATO=NATO"}},
	{"traf sich die stellvertretende US-Außenministerin Karen Donfried in Moskau", []string{"stellvertretende US-Außenministerin=stellvertretende US-Außenministerin"}},
	{"dem stellvertretenden Stabschef der Präsidialverwaltung Dmitry Kozak", []string{"stellvertretenden Stabschef=stellvertretender Stabschef", "Präsidialverwaltung=Präsidialverwaltung"}},
	{"und dem stellvertretenden russischen Außenminister Sergej Rjabkow", []string{"stellvertretenden russischen Außenminister=stellvertretender Außenminister"}},
	{"berichtet von der US-Botschaft in Russland.", []string{"US-Botschaft=US-Botschaft"}},
	{"bekräftigte das Engagement der Vereinigten Staaten für die Souveränität und territoriale Integrität der Ukraine", []string{"Vereinigten Staaten=Vereinigte Staaten", "Souveränität=Souveränität", "territoriale Integrität=territoriale Integrität"}},
	{"US-Außenminister Donfried betonte, dass mit der Umsetzung der Minsker Abkommen Fortschritte bei der Beendigung des Konflikts in der Ostukraine möglich sind", []string{"US-Außenminister=US-Außenminister", "Minsker Abkommen=Minsker Abkommen", "Ostukraine=Ostukraine"}},
	{"diplomatische Bemühungen zur Unterstützung des Normandie-Formats zu unterstützen", []string{"Normandie-Formats=Normandie-Format"}},
	{"einschließlich Garantien für die Osterweiterung der NATO.", []string{"Osterweiterung=Osterweiterung", "NATO=NATO"}},
	{"Der stellvertretende US-Außenminister Donfried wird diese übermitteln", []string{"stellvertretende US-Außenminister=stellvertretender US-Außenminister"}},
	{"Nach Angaben der russischen Nachrichtenagentur Interfax vereinbarten Kozak und Donfried auch", []string{"Interfax=Interfax"}},
	{"die Zusammenarbeit bei der Umsetzung der Minsker Vereinbarungen fortzusetzen", []string{"Minsker Vereinbarungen=Minsker Vereinbarungen"}},
	{"der Erklärung von US-Präsident Biden auf dem Genfer Gipfel zur Notwendigkeit", []string{"Genfer Gipfel=Genfer Gipfel"}},
	{"der obligatorischen Gewährung eines Sonderstatus an Donbass", []string{"Sonderstatus=Sonderstatus", "Donbass=Donbass"}},
	{"Beschränkungen für Raketenwaffen in Europa, das Niveau der Cybersicherheit und die Rüstungskontrolle", []string{"Raketenwaffen=Raketenwaffen", "Cybersicherheit=Cybersicherheit", "Rüstungskontrolle=Rüstungskontrolle"}},
	{"Die Vereinigten Staaten unterstützen die Wiedereröffnung der diplomatischen Mission Russlands bei der NATO", []string{"Vereinigten Staaten=Vereinigte Staaten", "Wiedereröffnung=Wiedereröffnung", "diplomatischen Mission=diplomatische Mission", "NATO=NATO"}},
	{"die Wiedererrichtung von NATO- und russischen Vertretungen in Moskau", []string{"NATO=NATO"}},

	// Inflection of single words.
	{"das Außenministerium", []string{"Außenministerium=Außenministerium"}},
	{"des Außenministeriums", []string{"Außenministeriums=Außenministerium"}},
	{"die Außenministerien", []string{"Außenministerien=Außenministerium"}},
	{"den Außenministerien der EU", []string{"Außenministerien=Außenministerium", "EU=EU"}},
	{"des Generalsekretärs", []string{"Generalsekretärs=Generalsekretär"}},
	{"die Generalsekretäre", []string{"Generalsekretäre=Generalsekretär"}},
	{"den Generalsekretären", []string{"Generalsekretären=Generalsekretär"}},
	{"des Bündnisses", []string{"Bündnisses=Bündnis"}},
	{"der Bündnisse", []string{"Bündnisse=Bündnis"}},
	{"des Stabschefs", []string{"Stabschefs=Stabschef"}},
	{"des Kremls", []string{"Kremls=Kreml"}},
	{"im Kreml", []string{"Kreml=Kreml"}},
	{"der Sprecherin", []string{"Sprecherin=Sprecher"}}, // the feminine: the glossary's own variant is spokeswoman
	{"der Präsidialverwaltungen", []string{"Präsidialverwaltungen=Präsidialverwaltung"}},
	{"des Sicherheitsrates", []string{"Sicherheitsrates=Sicherheitsrat"}},
	{"des Sicherheitsrats", []string{"Sicherheitsrats=Sicherheitsrat"}},
	{"die Souveränität", []string{"Souveränität=Souveränität"}},

	// Spelling variants that normalize the same.
	{"des Aussenministeriums", []string{"Aussenministeriums=Außenministerium"}},
	{"DES AUSSENMINISTERIUMS", []string{"AUSSENMINISTERIUMS=Außenministerium"}},
	{"das außenministerium", []string{"außenministerium=Außenministerium"}},
	{"Souvera\u0308nita\u0308t", []string{"Souvera\u0308nita\u0308t=Souveränität"}}, // NFD input, NFC glossary

	// Multi-word terms: token by token, inflected, not across punctuation.
	{"der Minsker Abkommens", []string{"Minsker Abkommens=Minsker Abkommen"}},
	{"die Minsker Abkommen", []string{"Minsker Abkommen=Minsker Abkommen"}},
	{"den Minsker Vereinbarungen", []string{"Minsker Vereinbarungen=Minsker Vereinbarungen"}},
	{"der Minsker Vereinbarung", []string{"Minsker Vereinbarung=Minsker Vereinbarungen"}},
	{"das Abkommen von Minsk", nil},
	{"Minsker, Abkommen", nil},
	{"Minsker Gipfel", nil},
	{"die Genfer Gipfel", []string{"Genfer Gipfel=Genfer Gipfel"}},
	{"des Genfer Gipfels", []string{"Genfer Gipfels=Genfer Gipfel"}},
	{"die territorialen Integrität", []string{"territorialen Integrität=territoriale Integrität"}},
	{"der territorialen Integrität und Souveränität", []string{"territorialen Integrität=territoriale Integrität", "Souveränität=Souveränität"}},
	{"der Russischen Föderation", []string{"Russischen Föderation=Russische Föderation"}},
	{"die Vereinigten Staaten", []string{"Vereinigten Staaten=Vereinigte Staaten"}},
	{"die Staaten", nil},
	{"der stellvertretenden Außenministerin", []string{"stellvertretenden Außenministerin=stellvertretende Außenministerin"}},
	{"die Außenministerin", []string{"Außenministerin=Außenminister"}}, // the masculine term, as its feminine
	{"ein stellvertretender Außenminister", []string{"stellvertretender Außenminister=stellvertretender Außenminister"}},
	{"eine interministerielle Delegation", []string{"interministerielle Delegation=interministerielle Delegation"}},

	// Hyphenated compounds: parts match, longest first.
	{"des US-Außenministeriums", []string{"US-Außenministeriums=US-Außenministerium"}},
	{"ein EU-Außenministerium", []string{"EU=EU", "Außenministerium=Außenministerium"}},
	{"das Außenministerium-Gebäude", []string{"Außenministerium=Außenministerium"}},
	{"der NATO-Generalsekretär", []string{"NATO=NATO", "Generalsekretär=Generalsekretär"}},
	{"des NATO-Generalsekretärs", []string{"NATO=NATO", "Generalsekretärs=Generalsekretär"}},
	{"der UN-Generalsekretär", []string{"Generalsekretär=Generalsekretär"}},
	{"der NATO-Russland-Rat", []string{"NATO-Russland-Rat=NATO-Russland-Rat"}},
	{"des NATO-Russland-Rates", []string{"NATO-Russland-Rates=NATO-Russland-Rat"}},
	{"im Russland-NATO-Rat", []string{"Russland-NATO-Rat=Russland-NATO-Rat"}},
	{"das Normandie-Format", []string{"Normandie-Format=Normandie-Format"}},
	{"im Normandie Format", []string{"Normandie Format=Normandie-Format"}},
	{"die US-Botschaft", []string{"US-Botschaft=US-Botschaft"}},
	{"der US-Botschafter", nil},
	{"die Ost-Ukraine", []string{"Ost-Ukraine=Ostukraine"}}, // a hyphen German may leave out (see hyphens.go)
	{"das Bündnis-Treffen", []string{"Bündnis=Bündnis"}},
	{"NATO-Staaten", []string{"NATO=NATO"}},
	{"Raketenwaffen-Beschränkungen", []string{"Raketenwaffen=Raketenwaffen"}},

	// Closed compounds only with match=compound (Ministerium), and whole words win.
	{"das Innenministerium", []string{"Innenministerium=Ministerium"}},
	{"des Finanzministeriums", []string{"Finanzministeriums=Ministerium"}},
	{"des Bundesaußenministeriums", []string{"Bundesaußenministeriums=Ministerium"}},
	{"das Ministerium", []string{"Ministerium=Ministerium"}},
	{"des Verteidigungsministeriums", []string{"Verteidigungsministeriums=Verteidigungsministerium"}},
	{"der Weltsicherheitsrat", nil},                        // Sicherheitsrat is not a compound entry
	{"die Cybersicherheitsstrategie", nil},                 // nor Cybersicherheit
	{"der Stabschefin", []string{"Stabschefin=Stabschef"}}, // the feminine of Stabschef
	{"Generalsekretärin", []string{"Generalsekretärin=Generalsekretär"}},

	// Case: acronyms are case-sensitive, other terms are not; one of four letters or more is
	// also found written as a word, as the German press writes it.
	{"die Nato", []string{"Nato=NATO"}},
	{"der Nato-Gipfel", []string{"Nato=NATO"}},
	{"die nato", nil},
	{"die NaTo", nil},
	{"der NATO", []string{"NATO=NATO"}},
	{"des NATOs", []string{"NATOs=NATO"}},
	{"die EU", []string{"EU=EU"}},
	{"die Eu", nil},
	{"INTERFAX berichtet", []string{"INTERFAX=Interfax"}}, // exact, but not case-sensitive
	{"Interfax berichtet", []string{"Interfax=Interfax"}},
	{"Interfaxs Bericht", nil},
	{"der kreml", []string{"kreml=Kreml"}},
	{"DER KREML", []string{"KREML=Kreml"}},

	// Nothing from unrelated words.
	{"Rat und Tat", nil},
	{"Die Staatsanwaltschaft ermittelt", nil},
	{"", nil},
	{"2,5 Jahre, 15. Dezember", nil},
}

func TestFindSourceGerman(t *testing.T) {
	g := seed(t)
	if len(germanCases) < 80 {
		t.Fatalf("only %d German cases", len(germanCases))
	}
	for _, tc := range germanCases {
		got := found(g.FindSource(tc.text))
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestFindSourceOffsets(t *testing.T) {
	g := seed(t)
	text := "Vertreter des US-Außenministeriums und der NATO-Generalsekretär"
	for _, m := range g.FindSource(text) {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("match %q at [%d,%d) is %q in the text", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
}

func TestLongestMatchNoOverlap(t *testing.T) {
	g := New([]*Entry{
		{Source: "Minsker Abkommen", Target: "Minsk agreements"},
		{Source: "Abkommen", Target: "agreement"},
		{Source: "Abkommen von Minsk", Target: "Minsk agreement"},
		{Source: "Minsker", Target: "Minsk"},
	})
	got := found(g.FindSource("Die Minsker Abkommen von Minsk und das Abkommen"))
	want := []string{"Minsker=Minsker", "Abkommen von Minsk=Abkommen von Minsk", "Abkommen=Abkommen"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Of two overlapping terms of the same length, the leftmost wins.
	g = New([]*Entry{{Source: "Minsker Abkommen", Target: "Minsk agreements"}, {Source: "Abkommen von", Target: "agreement of"}})
	got = found(g.FindSource("die Minsker Abkommen von Minsk"))
	want = []string{"Minsker Abkommen=Minsker Abkommen"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLaterEntryWins(t *testing.T) {
	g := New([]*Entry{{Source: "Kreml", Target: "Kremlin"}, {Source: "Kreml", Target: "the Kremlin"}})
	ms := g.FindSource("im Kreml")
	if len(ms) != 1 || ms[0].Entry.Target != "the Kremlin" {
		t.Fatalf("got %v", found(ms))
	}
}

func TestCaseColumnOverridesAcronymDefault(t *testing.T) {
	g, err := Parse(strings.NewReader("de\ten\tcase\nNATO\tNATO\tinsensitive\nKreml\tKremlin\tsensitive\n"), "t.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	got := found(g.FindSource("die Nato und der kreml und der Kreml"))
	want := []string{"Nato=NATO", "Kreml=Kreml"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestConcurrentUse runs FindSource and Check from several goroutines; with -race it checks
// that a loaded Glossary (and the shared stem cache) can be used concurrently.
func TestConcurrentUse(t *testing.T) {
	g := seed(t)
	done := make(chan []string)
	for w := 0; w < 4; w++ {
		go func() {
			var out []string
			for _, tc := range germanCases {
				out = append(out, found(g.FindSource(tc.text))...)
				g.Check(tc.text, tc.text)
			}
			done <- out
		}()
	}
	first := <-done
	for w := 1; w < 4; w++ {
		if got := <-done; !cmp.Equal(first, got) {
			t.Errorf("goroutines disagree")
		}
	}
}

// TestDerivedWordsNotInflections: words the stemmer joins to a term but which are other words —
// agent nouns in -er (Verbraucher of Verbrauch: 32 of 33 hits of Verbrauch in a Europarl sample),
// and a noun in -ung/-keit/-heit against one without — are no forms of it; real inflections (the
// -er plural of a short noun, -en of a noun in -ung, the genitive) still are.
func TestDerivedWordsNotInflections(t *testing.T) {
	g := New([]*Entry{
		{Source: "Verbrauch", Target: "consumption"}, {Source: "Arbeit", Target: "work"},
		{Source: "Druck", Target: "pressure"}, {Source: "Wettbewerb", Target: "competition"},
		{Source: "Berichterstattung", Target: "reporting"}, {Source: "Arbeitslosigkeit", Target: "unemployment"},
		{Source: "Benutzer", Target: "user"}, {Source: "Kind", Target: "child"},
		{Source: "Vereinbarung", Target: "agreement"}, {Source: "Verbraucher", Target: "consumer"},
	})
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Die Verbraucher zahlen mehr.", []string{"Verbraucher=Verbraucher"}},
		{"Der Verbrauch des Verbrauchers steigt.", []string{"Verbrauch=Verbrauch", "Verbrauchers=Verbraucher"}},
		{"Die Arbeiter streiken.", nil},
		{"Der Drucker ist kaputt.", nil},
		{"Die Wettbewerber klagen.", nil},
		{"Der Berichterstatter sprach.", nil},
		{"Die Arbeitslosen protestieren.", nil},
		{"Die Benutzung ist frei.", nil},
		{"Die Kinder spielen mit den Kindern.", []string{"Kinder=Kind", "Kindern=Kind"}},
		{"Die Vereinbarungen gelten.", []string{"Vereinbarungen=Vereinbarung"}},
		{"Die Arbeit des Wettbewerbs", []string{"Arbeit=Arbeit", "Wettbewerbs=Wettbewerb"}},
	} {
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

// TestAcronymAsWord: an acronym's entry finds the acronym written as a word (Nato) unless the
// file says case=sensitive; a short acronym never does (Spd is no SPD).
func TestAcronymAsWord(t *testing.T) {
	g, err := Parse(strings.NewReader("de\ten\tvariants\tforbidden\tcase\nUNESCO\tUNESCO\nOPEC\tOPEC\t\t\tsensitive\nSPD\tSPD\nZEIT\tZEIT\nBILD\tBILD\n"), "t.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"Die Unesco tagt.":   "UNESCO",
		"Die UNESCO tagt.":   "UNESCO",
		"Die Opec tagt.":     "",
		"Die OPEC tagt.":     "OPEC",
		"Die Spd tagt.":      "",
		"Der Unesco-Bericht": "UNESCO",
		// A masthead that is a German word is not found in the word.
		"Die Zeit drängt.":           "",
		"Das Bild zeigt einen Hund.": "",
		"Das sagte die ZEIT.":        "ZEIT",
	} {
		got := ""
		for _, m := range g.FindSource(text) {
			got = m.Entry.Source
		}
		if got != want {
			t.Errorf("FindSource(%q) found %q, want %q", text, got, want)
		}
	}
}
