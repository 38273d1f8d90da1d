package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSniffFormat: standard input has no name; its format comes from its content. The files
// are the committed seed glossary in each format bitext reads.
func TestSniffFormat(t *testing.T) {
	root := filepath.Join("..", "testdata", "glossary")
	for _, tc := range []struct {
		file string
		want Format
	}{
		{"seed.tsv", TSV}, {"seed.csv", CSV}, {"seed.tbx", TBX}, {"seed-v2.tbx", TBX},
	} {
		data, err := os.ReadFile(filepath.Join(root, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if got := SniffFormat(data); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.file, got, tc.want)
		}
	}
	// A TMX file, and a BOM before a semicolon CSV's header.
	for in, want := range map[string]Format{
		`<?xml version="1.0"?>` + "\n<tmx version=\"1.4\"><header/><body/></tmx>": TMX,
		"\ufeffde;en\nAußenministerium;State Department\n":                        CSV,
		"# comment, with a comma\nAußenministerium\tState Department\n":           TSV,
	} {
		if got := SniffFormat([]byte(in)); got != want {
			t.Errorf("%q: %s, want %s", in[:min(len(in), 30)], got, want)
		}
	}
}

// TestLoadStdin: "-" reads Options.Stdin, once, named "standard input" in errors.
func TestLoadStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "glossary", "seed.tbx"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := LoadWith(Options{Stdin: strings.NewReader(string(data)), EntriesOnly: true}, "-")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) < 40 || g.Entries[0].Source != "Außenministerium" {
		t.Errorf("%d entries, first %+v", len(g.Entries), g.Entries[0])
	}
	_, err = LoadWith(Options{Stdin: strings.NewReader("Außenministerium\n")}, "-")
	if err == nil || !strings.HasPrefix(err.Error(), "standard input:1: ") {
		t.Errorf("error %v, want one at standard input:1", err)
	}
}
