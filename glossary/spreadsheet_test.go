package glossary

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func seedEntries(t *testing.T, file string, f Format) []*Entry {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "glossary", file))
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseWith(bytes.NewReader(data), "seed", f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return g.Entries
}

func sameEntries(t *testing.T, name string, got, want []*Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d entries, want %d", name, len(got), len(want))
	}
	for i := range want {
		g, w := *got[i], *want[i]
		g.Line, w.Line = 0, 0
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s: entry %d\n got %+v\nwant %+v", name, i+1, g, w)
		}
	}
}

// TestTSVSpreadsheetQuotes: the seed glossary saved from a spreadsheet as tab-delimited text
// with every text cell quoted (LibreOffice's "quote all text cells"; Excel quotes the cells
// holding a quote the same way) reads as the seed glossary: the quotes were never the terms'.
func TestTSVSpreadsheetQuotes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "glossary", "seed.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var quoted strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		for i, c := range cells {
			if c != "" {
				cells[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
		}
		quoted.WriteString(strings.Join(cells, "\t") + "\n")
	}
	g, err := ParseWith(strings.NewReader(quoted.String()), "seed", TSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, "quoted TSV", g.Entries, seedEntries(t, "seed.tsv", TSV))

	for _, tc := range []struct{ cell, want string }{
		{`"Minsker Abkommen"`, "Minsker Abkommen"},
		{`"US context: ""State Department"""`, `US context: "State Department"`},
		{`"Nord Stream" or "Nord Stream 2"`, `"Nord Stream" or "Nord Stream 2"`}, // not quoting
		{`"`, `"`},
		{`Kreml`, `Kreml`},
	} {
		if got := unquoteTSVCell(tc.cell); got != tc.want {
			t.Errorf("unquoteTSVCell(%s) = %s, want %s", tc.cell, got, tc.want)
		}
	}
}

// TestTSVQuotedValueRoundTrip: a value in quotes of its own survives writing and reading TSV.
func TestTSVQuotedValueRoundTrip(t *testing.T) {
	es := seedEntries(t, "seed.tsv", TSV)
	es[0].Note = `"Außenministerium" in US context`
	es[1].Note = `"State Department"`
	var b bytes.Buffer
	if err := Write(&b, &Glossary{Entries: es}, TSV); err != nil {
		t.Fatal(err)
	}
	g, err := ParseWith(&b, "seed", TSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Entries[0].Note != es[0].Note || g.Entries[1].Note != es[1].Note {
		t.Errorf("notes came back as %q and %q", g.Entries[0].Note, g.Entries[1].Note)
	}
}

// TestCSVSemicolons: the seed CSV as Excel saves it where the decimal separator is a comma
// (cells separated by ';') reads as the seed CSV when its header names the languages; without
// a header the error says what is probably wrong.
func TestCSVSemicolons(t *testing.T) {
	want := seedEntries(t, "seed.csv", CSV)
	data, err := os.ReadFile(filepath.Join("..", "testdata", "glossary", "seed.csv"))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = ';'
	w.WriteAll(recs)
	g, err := ParseWith(bytes.NewReader(b.Bytes()), "seed", CSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, "semicolon CSV", g.Entries, want)

	headerless := b.String()[strings.Index(b.String(), "\n")+1:]
	_, err = ParseWith(strings.NewReader(headerless), "seed.csv", CSV, Options{})
	if err == nil || !strings.Contains(err.Error(), "separated by semicolons? give the file a first line naming the languages, de;en") {
		t.Errorf("headerless semicolon CSV: %v", err)
	}
}
