package glossary

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// fuzzParser checks what every parser must do with any input: return entries or an *Error
// naming the file, never panic; entries it returns can be written and matched.
func fuzzParser(f *testing.F, format Format, seeds ...string) {
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
	})
}

func seedFile(f *testing.F, name string) string {
	b, err := os.ReadFile("../testdata/glossary/" + name)
	if err != nil {
		f.Fatal(err)
	}
	return string(b)
}

func FuzzParseTSV(f *testing.F) {
	fuzzParser(f, TSV, seedFile(f, "seed.tsv"), "Kreml\tKremlin\n", "de\ten\tcase\nNATO\tNATO\tinsensitive\n", "a\tb\tc|d\te\t\tcompound\n", "\ufeff#x\n\n\t\n")
}

func FuzzParseCSV(f *testing.F) {
	fuzzParser(f, CSV, seedFile(f, "seed.csv"), "Kreml,Kremlin\n", "en,de,pos,description\nKremlin,Kreml,noun,x\n", "de,en\n\"a\"\"b\",c\n")
}

func FuzzParseTBX(f *testing.F) {
	fuzzParser(f, TBX, seedFile(f, "seed.tbx"), seedFile(f, "seed-v2.tbx"), "<martif><text><body><termEntry><langSet xml:lang=\"de\"><term>x</term></langSet></termEntry></body></text></martif>")
}

// FuzzFindSource checks that matches lie inside the text, in order, without overlap, and say
// what the text says there.
func FuzzFindSource(f *testing.F) {
	for _, c := range germanCases {
		f.Add(c.text)
	}
	g, err := Load("../testdata/glossary/seed.tsv")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range g.FindSource(text) {
			if m.Start < end || m.End <= m.Start || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad match %+v after %d in %q", m, end, text)
			}
			end = m.End
		}
		g.Check(text, text)
	})
}
