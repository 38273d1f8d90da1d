package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// v3Concept wraps English term sections (and a German term) in a TBX v3 document.
func v3Concept(deTerm, enTerms string) string {
	return `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
 xmlns:min="http://www.tbxinfo.net/ns/min"><text><body>
<conceptEntry id="c1">
<langSec xml:lang="de-DE">` + deTerm + `</langSec>
<langSec xml:lang="en-GB">` + enTerms + `</langSec>
</conceptEntry></body></text></tbx>`
}

func sec(term, notes string) string {
	return "<termSec><term>" + term + "</term>" + notes + "</termSec>"
}
func adm(v string) string { return `<termNote type="administrativeStatus">` + v + `</termNote>` }

func TestAdministrativeStatuses(t *testing.T) {
	de := sec("Außenministerium", "")
	type result struct {
		Target    string
		Variants  []string
		Forbidden []string
		DNT       bool
	}
	tests := []struct {
		name string
		en   string
		de   string
		want result
	}{
		{"TBX-Basic statuses", sec("Outer Ministry", adm("deprecatedTerm-admn-sts")) + sec("Foreign Office", adm("admittedTerm-admn-sts")) +
			sec("External Ministry", adm("supersededTerm-admn-sts")) + sec("Foreign Ministry", adm("preferredTerm-admn-sts")), de,
			result{Target: "Foreign Ministry", Variants: []string{"Foreign Office"}, Forbidden: []string{"Outer Ministry", "External Ministry"}}},
		{"plain words, any case (IATE, Weblate)", sec("Outer Ministry", adm("Obsolete")) + sec("Ministry Abroad", adm("forbidden")) +
			sec("Foreign Ministry", adm("Preferred")) + sec("Foreign Office", adm("Admitted")) + sec("Alien Office", adm("Deprecated")), de,
			result{Target: "Foreign Ministry", Variants: []string{"Foreign Office"}, Forbidden: []string{"Outer Ministry", "Ministry Abroad", "Alien Office"}}},
		{"a forbidden term never becomes the target", sec("Outer Ministry", adm("forbidden")) + sec("Foreign Ministry", ""), de,
			result{Target: "Foreign Ministry", Forbidden: []string{"Outer Ministry"}}},
		{"IATE reliability 1 is not required", sec("Ministry of Foreign Affairs", `<descrip type="reliabilityCode">1</descrip>`) +
			sec("Foreign Ministry", `<descrip type="reliabilityCode">3</descrip>`), de,
			result{Target: "Foreign Ministry", Variants: []string{"Ministry of Foreign Affairs"}}},
		{"IATE reliability 1 even when preferred", sec("Ministry of Foreign Affairs", adm("preferredTerm-admn-sts")+`<descrip type="reliabilityCode">1</descrip>`) +
			sec("Foreign Ministry", `<descrip type="reliabilityCode">9</descrip>`), de,
			result{Target: "Foreign Ministry", Variants: []string{"Ministry of Foreign Affairs"}}},
		{"only unverified terms: variants, no required target", sec("Foreign Ministry", `<descrip type="reliabilityCode">1</descrip>`), de,
			result{Variants: []string{"Foreign Ministry"}}},
		{"DCT style module elements", sec("Outer Ministry", "<min:administrativeStatus>supersededTerm-admn-sts</min:administrativeStatus>") +
			sec("Foreign Ministry", "<min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>"), de,
			result{Target: "Foreign Ministry", Forbidden: []string{"Outer Ministry"}}},
		{"TBX-Min usageStatus", sec("Outer Ministry", `<termNote type="usageStatus">notRecommended</termNote>`) + sec("Foreign Ministry", `<termNote type="usageStatus">preferred</termNote>`), de,
			result{Target: "Foreign Ministry", Forbidden: []string{"Outer Ministry"}}},
		{"Weblate translationNote no", sec("NATO", `<termNote type="translationNote">no</termNote>`), sec("NATO", ""),
			result{Target: "NATO", DNT: true}},
		{"bitext settings note", sec("NATO", ""), sec("NATO", "<note>bitext: dnt=yes; match=exact</note>"),
			result{Target: "NATO", DNT: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Parse(strings.NewReader(v3Concept(tc.de, tc.en)), "s.tbx", TBX)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Entries) != 1 {
				t.Fatalf("%d entries", len(g.Entries))
			}
			e := g.Entries[0]
			got := result{e.Target, e.Variants, e.Forbidden, e.DoNotTranslate}
			if diff := cmp.Diff(tc.want, got, entryOpts); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if e.Note != "" {
				t.Errorf("note %q: the settings note must not become the entry's note", e.Note)
			}
		})
	}
}

func TestDeprecatedSourceTermsSkipped(t *testing.T) {
	in := v3Concept(sec("Außenamt", adm("obsolete"))+sec("Außenministerium", ""), sec("Foreign Ministry", ""))
	g, err := Parse(strings.NewReader(in), "s.tbx", TBX)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 1 || g.Entries[0].Source != "Außenministerium" {
		t.Errorf("entries %v", derefs(g.Entries))
	}
}

func TestLanguageOptions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		f    Format
		o    Options
		want []string // "source → target"
	}{
		{"tbx en→fr", `<martif><text><body><termEntry><langSet xml:lang="fr_FR"><tig><term>ministère</term></tig></langSet>
<langSet xml:lang="EN"><tig><term>ministry</term></tig></langSet><langSet xml:lang="de"><tig><term>Ministerium</term></tig></langSet></termEntry></body></text></martif>`,
			TBX, Options{Source: "en", Target: "fr"}, []string{"ministry → ministère"}},
		{"tbx region requested, bare tag in file", `<martif><text><body><termEntry><langSet xml:lang="pt"><tig><term>ministério</term></tig></langSet>
<langSet xml:lang="en"><tig><term>ministry</term></tig></langSet></termEntry></body></text></martif>`,
			TBX, Options{Source: "en", Target: "pt-BR"}, []string{"ministry → ministério"}},
		{"google csv equivalent term sets", "en-US,fr,pos,description\nministry,ministère,noun,the institution\n",
			CSV, Options{Source: "en", Target: "fr"}, []string{"ministry → ministère"}},
		{"tsv language header", "fr\ten\nministère\tministry\n", TSV, Options{Source: "fr", Target: "en"}, []string{"ministère → ministry"}},
		{"headerless csv is source,target whatever the languages", "ministère,ministry\n", CSV, Options{Source: "fr", Target: "en"}, []string{"ministère → ministry"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ParseWith(strings.NewReader(tc.in), "l", tc.f, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range g.Entries {
				got = append(got, e.Source+" → "+e.Target)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if g.SourceLang != tc.o.Source || g.TargetLang != tc.o.Target {
				t.Errorf("languages %s→%s, want %s→%s", g.SourceLang, g.TargetLang, tc.o.Source, tc.o.Target)
			}
		})
	}
}

func TestMissingLanguagesAreErrors(t *testing.T) {
	tests := []struct {
		name, in string
		f        Format
		want     string
	}{
		{"tbx without German", `<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>ministry</term></tig></langSet>
<langSet xml:lang="fr"><tig><term>ministère</term></tig></langSet></termEntry></body></text></martif>`, TBX,
			"m.tbx: no terms in de (the file has en, fr)"},
		{"tbx without English", `<martif><text><body><termEntry><langSet xml:lang="de"><tig><term>Ministerium</term></tig></langSet>
<langSet xml:lang="fr"><tig><term>ministère</term></tig></langSet></termEntry></body></text></martif>`, TBX,
			"m.tbx: no terms in en (the file has de, fr)"},
		{"google csv header without German", "en-US,fr,pos,description\nministry,ministère,noun,x\n", CSV,
			"m.tbx:1: header names the languages en-US, fr but not both de and en"},
		{"csv header of codes without German", "en,fr\ncouncil,conseil\n", CSV,
			"m.tbx:1: header names the languages en, fr but not both de and en"},
		{"tsv header of codes without English", "de\tfr\nRat\tconseil\n", TSV,
			"m.tbx:1: header names the languages de, fr but not both de and en"},
		{"tmx without German", `<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en"><seg>ministry</seg></tuv><tuv xml:lang="fr"><seg>ministère</seg></tuv></tu></body></tmx>`, TMX,
			"m.tbx: no translation units in de and en (1 without both languages)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in), "m.tbx", tc.f)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestSameSourceAndTargetLanguage(t *testing.T) {
	_, err := ParseWith(strings.NewReader("a\tb\n"), "s.tsv", TSV, Options{Source: "en", Target: "en-GB"})
	if err == nil || err.Error() != "s.tsv: source and target language are both en" {
		t.Errorf("error %v", err)
	}
}

func TestWriteInTheGlossarysLanguages(t *testing.T) {
	g, err := ParseWith(strings.NewReader("en\tfr\tnote\nministry\tministère\tn\n"), "l", TSV, Options{Source: "en", Target: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{TSV, CSV, TBX, TBX2, GoogleCSVSet, TMX} {
		var b strings.Builder
		if err := Write(&b, g, f); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, `"de"`) || strings.HasPrefix(out, "de") || strings.Contains(out, `lang="de"`) {
			t.Errorf("%s output names German:\n%s", f, out)
		}
		back, err := ParseWith(strings.NewReader(out), "back", f, Options{Source: "en", Target: "fr"})
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, out)
		}
		if e := back.Entries[0]; e.Source != "ministry" || e.Target != "ministère" {
			t.Errorf("%s: back %q → %q", f, e.Source, e.Target)
		}
	}
}

// TestShortTermsAreNoHeader: a first row of short words that look like language codes but name
// no language of the pair is an entry (Eis → ice), not a header.
func TestShortTermsAreNoHeader(t *testing.T) {
	g, err := Parse(strings.NewReader("Eis,ice\nAmt,office\n"), "g.csv", CSV)
	if err != nil || len(g.Entries) != 2 || g.Entries[0].Source != "Eis" || g.Entries[0].Target != "ice" {
		t.Fatalf("got %+v, %v; want the entries Eis → ice and Amt → office", g, err)
	}
}

// TestSourcelessConcepts: a concept the termbase has in English only (SDL's export of
// Okapi's test termbase holds 44 of 267) is no row of a TSV or CSV, whose empty first cell
// Lint takes for an error; Sourceless counts it, and a TBX keeps it.
func TestSourcelessConcepts(t *testing.T) {
	tbx := strings.Replace(v3Concept(sec("Zickzackfalz", ""), sec("accordion fold", "")), "</body>",
		`<conceptEntry id="c2"><langSec xml:lang="en-GB">`+sec("backslant", "")+`</langSec></conceptEntry></body>`, 1)
	g, err := ParseWith(strings.NewReader(tbx), "sdl.tbx", TBX, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{TSV, CSV, TBX} {
		var b strings.Builder
		if err := Write(&b, g, f); err != nil {
			t.Fatal(err)
		}
		kept := strings.Contains(b.String(), "backslant")
		if want := f == TBX; kept != want || (Sourceless(g, f) == 1) == want {
			t.Errorf("%s: concept written %v, Sourceless %d:\n%s", f, kept, Sourceless(g, f), b.String())
		}
	}
}
