package glossary

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// fuzzParser checks what every parser must do with any input: return entries or an *Error
// naming the file, never panic; entries it returns can be written and matched.
func fuzzParser(f *testing.F, format Format, seeds ...string) {
	noStemCache(f)
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		g, err := Parse(strings.NewReader(in), "fuzz", format)
		if err != nil {
			var ge *Error
			if !errors.As(err, &ge) || ge.File != "fuzz" {
				t.Fatalf("error %v (%T) does not name the file", err, err)
			}
			return
		}
		for _, e := range g.Entries {
			if e.Line < 1 {
				t.Fatalf("entry %q without a line", e.Source)
			}
			g.FindSource(e.Source)
			g.Check(e.Source, e.Target)
		}
		g.Lint()
		var b strings.Builder
		if err := Write(&b, g, format); err != nil {
			t.Fatal(err)
		}
		if format != TBX && format != TBX2 {
			return
		}
		// Every entry is its own concept in the written TBX, so reading it back gives as many
		// entries, whenever the file has terms in both languages at all.
		var hasSrc, hasTgt bool
		for _, e := range g.Entries {
			hasSrc = hasSrc || strings.TrimSpace(e.Source) != ""
			hasTgt = hasTgt || strings.TrimSpace(e.Target) != "" || len(e.Variants) > 0 || len(e.Forbidden) > 0
		}
		if !hasSrc || !hasTgt {
			return
		}
		back, err := Parse(strings.NewReader(b.String()), "back", format)
		if err != nil {
			t.Fatalf("written TBX does not read back: %v\n%s", err, b.String())
		}
		if len(back.Entries) != len(g.Entries) {
			t.Fatalf("%d entries written, %d read back:\n%s", len(g.Entries), len(back.Entries), b.String())
		}
	})
}

// seedFile returns the start of a seed glossary: large inputs slow the mutator down, and a
// few entries exercise every construct.
func seedFile(f *testing.F, name string, n int) string {
	b, err := os.ReadFile("../testdata/glossary/" + name)
	if err != nil {
		f.Fatal(err)
	}
	return string(b[:min(n, len(b))])
}

// noStemCache turns the stem cache off while fuzzing: a cache hit takes a different path than
// a miss, which makes coverage depend on earlier inputs and sends the fuzzer minimizing
// inputs that are not new at all.
func noStemCache(f *testing.F) {
	cacheStems = false
	f.Cleanup(func() { cacheStems = true })
}

func FuzzParseTSV(f *testing.F) {
	fuzzParser(f, TSV, seedFile(f, "seed.tsv", 1500), "Kreml\tKremlin\n", "de\ten\tcase\nNATO\tNATO\tinsensitive\n", "a\tb\tc|d\te\t\tcompound\n", "\ufeff#x\n\n\t\n")
}

func FuzzParseCSV(f *testing.F) {
	fuzzParser(f, CSV, seedFile(f, "seed.csv", 1000), "Kreml,Kremlin\n", "en,de,pos,description\nKremlin,Kreml,noun,x\n", "de,en\n\"a\"\"b\",c\n",
		"de,en,description\n\"a \\\"b\\\"\",\"C:\\x\\\",d\n", "en-US,fr,pos,description\nx,y,,\n", "\xff\xfeK\x00,\x00K\x00\n\x00")
}

func FuzzParseTBX(f *testing.F) {
	win1254 := "<?xml version='1.0' encoding=\"windows-1254\"?><martif><text><body><termEntry><langSet xml:lang=\"de\"><tig><term>\xfd\xf0</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>y</term></tig></langSet></termEntry></body></text></martif>"
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(tbxSample(2)[:600])
	dct := v3Concept(sec("Amt", "<note>bitext: match=exact; case=sensitive</note>"), sec("office", "<min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus><descrip type=\"reliabilityCode\">1</descrip>"))
	fuzzParser(f, TBX, tbxSample(3), tbxSample(2), "<martif><text><body><termEntry><langSet xml:lang=\"de\"><term>x</term></langSet></termEntry></body></text></martif>", win1254, utf16, dct)
}

// FuzzFindSource checks that matches lie inside the text, in order, without overlap (but for
// discontinuous ones, which may hold others), and say what the text says there.
func FuzzFindSource(f *testing.F) {
	for _, c := range germanCases {
		f.Add(c.text)
	}
	for _, c := range gapCases {
		f.Add(c.text)
	}
	noStemCache(f)
	g, err := Load("../testdata/glossary/seed.tsv")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkFound(t, text, g.FindSource(text))
		g.Check(text, text)
	})
}

// FuzzFindSourceMorphology is FuzzFindSource with the terms that exercise the readers of
// German clauses and words: separable verbs found over a clause, elided coordinations,
// compounds taken apart and hyphens left out.
func FuzzFindSourceMorphology(f *testing.F) {
	for _, c := range morphCases {
		f.Add(c.text)
	}
	f.Add("Er tritt in Kraft- und -Kraft ab, ab und zu ab; Ein-, -aus- und -Ausfuhr- -")
	f.Add("Tritt­ in Kraft–Kraft ab. „ab“ Cyber-Sicherheit-E-Mail-Adresse-")
	noStemCache(f)
	g := morphGlossary(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkFound(t, text, g.FindSource(text))
		g.Check(text, text)
	})
}

// checkFound checks the invariants of FindSource's matches in text. Terms that are parts of
// one closed compound (Einkommensteuergesetz: Steuer, Gesetz) each match the whole word: such
// matches share their span exactly, and are of different terms.
func checkFound(t *testing.T, text string, ms []Match) {
	t.Helper()
	start, end := 0, 0 // end of the last match that is not discontinuous
	var last *Match    // that match
	for k, m := range ms {
		if m.Start < start || m.End <= m.Start || m.End > len(text) || text[m.Start:m.End] != m.Text {
			t.Fatalf("bad match %+v after %d in %q", m, start, text)
		}
		start = m.Start
		if !m.Discontinuous {
			sameWord := last != nil && last.Start == m.Start && last.End == m.End
			if sameWord && last.Entry == m.Entry {
				t.Fatalf("match %+v twice in %q", m, text)
			}
			if m.Start < end && !sameWord {
				t.Fatalf("match %+v overlaps one that ends at %d in %q", m, end, text)
			}
			end, last = m.End, &ms[k]
		}
	}
}

// tbxSample is a small TBX file of the given version with every construct the reader knows.
func tbxSample(version int) string {
	g := New([]*Entry{
		{Source: "Außenministerium", Target: "Foreign Ministry", Variants: []string{"State Department"}, Forbidden: []string{"Outer Ministry"}, Note: "n", Match: MatchStem},
		{Source: "NATO", Target: "NATO", DoNotTranslate: true, CaseSensitive: true, Match: MatchExact},
		{Source: "Ministerium", Target: "ministry", Match: MatchCompound},
	})
	var b strings.Builder
	f := TBX
	if version == 2 {
		f = TBX2
	}
	Write(&b, g, f)
	return b.String()
}
