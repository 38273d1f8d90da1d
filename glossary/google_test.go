package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func googleGlossary() *Glossary {
	return New([]*Entry{
		{Source: "Kreml", Target: "Kremlin", Variants: []string{"the Kremlin"}, Forbidden: []string{"Kreml"}, Note: "seat of government", Match: MatchStem},
		{Source: "NATO", DoNotTranslate: true, CaseSensitive: true, Match: MatchExact},
		{Source: `Minsker "Abkommen"`, Target: "Minsk agreements, 2015", Match: MatchStem},
		{Source: "Rat", Match: MatchStem},                          // no target: Google rejects empty cells
		{Source: "", Target: "orphan", Match: MatchStem},           // no source
		{Source: "Außenamt", Variants: []string{"Foreign Office"}}, // the variant is what Check requires
	})
}

func TestWriteGoogleCSV(t *testing.T) {
	tests := []struct {
		f    Format
		want string
	}{
		{GoogleCSV, "Kreml,Kremlin\nNATO,NATO\n\"Minsker \"\"Abkommen\"\"\",\"Minsk agreements, 2015\"\nAußenamt,Foreign Office\n"},
		{GoogleCSVSet, "de,en,pos,description\nKreml,Kremlin,,seat of government\nNATO,NATO,,\n\"Minsker \"\"Abkommen\"\"\",\"Minsk agreements, 2015\",,\nAußenamt,Foreign Office,,\n"},
	}
	for _, tc := range tests {
		t.Run(string(tc.f), func(t *testing.T) {
			var b strings.Builder
			if err := Write(&b, googleGlossary(), tc.f); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, b.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// What bitext writes for Google, bitext reads back.
			g, err := Parse(strings.NewReader(b.String()), "g.csv", tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Entries) != 4 || g.Entries[2].Source != `Minsker "Abkommen"` || g.Entries[2].Target != "Minsk agreements, 2015" {
				t.Errorf("read back %v", derefs(g.Entries))
			}
			if tc.f == GoogleCSVSet && g.Entries[0].Note != "seat of government" {
				t.Errorf("description not kept as the note: %q", g.Entries[0].Note)
			}
		})
	}
}

func TestReadGoogleCSV(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Entry
	}{
		{"backslash-escaped quotes", "de,en,description\n\"Minsker \\\"Abkommen\\\"\",\"Minsk \\\"agreements\\\"\",\"the \\\"2015\\\" ones\"\n", []Entry{
			{Source: `Minsker "Abkommen"`, Target: `Minsk "agreements"`, Note: `the "2015" ones`, Match: MatchStem, Line: 2},
		}},
		{"backslash ending a quoted field is a backslash", "\"C:\\temp\\\",\"said \\\"x\\\"\"\n", []Entry{
			{Source: `C:\temp\`, Target: `said "x"`, Match: MatchStem, Line: 1},
		}},
		{"RFC 4180 doubled quotes still read as such", "\"Minsker \"\"Abkommen\"\"\",x\\y\n", []Entry{
			{Source: `Minsker "Abkommen"`, Target: `x\y`, Match: MatchStem, Line: 1},
		}},
		{"description and bitext's note both kept", "de,en,note,description\nKreml,Kremlin,ours,Google's\n", []Entry{
			{Source: "Kreml", Target: "Kremlin", Note: "ours; Google's", Match: MatchStem, Line: 2},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Parse(strings.NewReader(tc.in), "", CSV)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, derefs(g.Entries), entryOpts); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestTMXGlossary(t *testing.T) {
	in := "\ufeff" + `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="phrase" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
<tu><tuv xml:lang="de-DE"><seg>Kreml</seg></tuv><tuv xml:lang="en-US"><seg>Kremlin</seg></tuv></tu>
<tu><tuv xml:lang="de-DE"><seg>Minsker  Abkommen</seg></tuv><tuv xml:lang="fr"><seg>accords de Minsk</seg></tuv></tu>
<tu><tuv xml:lang="de-DE"><seg>NATO</seg></tuv><tuv xml:lang="en-US"><seg>NATO</seg></tuv></tu>
</body></tmx>`
	if f := FormatFromName("glossary.TMX"); f != TMX {
		t.Fatalf("FormatFromName(.TMX) = %q", f)
	}
	g, err := Parse(strings.NewReader(in), "g.tmx", TMX)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Source: "Kreml", Target: "Kremlin", Match: MatchStem, File: "g.tmx"},
		{Source: "NATO", Target: "NATO", Match: MatchStem, CaseSensitive: true, File: "g.tmx"},
	}
	if diff := cmp.Diff(want, derefs(g.Entries), entryOpts); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if p := g.Entries[0].Position(); p != "g.tmx" {
		t.Errorf("position %q", p)
	}
	var b strings.Builder
	if err := Write(&b, g, TMX); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(strings.NewReader(b.String()), "back.tmx", TMX)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(comparable(g.Entries), comparable(back.Entries), entryOpts); diff != "" {
		t.Errorf("TMX round trip (-want +got):\n%s", diff)
	}
}

func TestUnescapeBackslashQuotes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"a \"b\" c",d`, `"a ""b"" c",d`},
		{`x\"y,"z"`, `x\"y,"z"`}, // not in quotes: left to the CSV reader
		{`"C:\dir\",x`, `"C:\dir\",x`},
		{"\"a\\\"\n", "\"a\\\"\n"},
		{`"a""b\"c"`, `"a""b""c"`},
	}
	for _, tc := range tests {
		got, _ := unescapeBackslashQuotes([]byte(tc.in))
		if string(got) != tc.want {
			t.Errorf("unescape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCSVHashFirstCell: a term starting with '#' is quoted, because the readers skip lines
// starting with '#' as comments.
func TestCSVHashFirstCell(t *testing.T) {
	g := New([]*Entry{{Source: "#Hashtag", Target: "hashtag", Match: MatchStem}, {Source: "Kreml", Target: "Kremlin, the", Match: MatchStem}})
	for _, f := range []Format{CSV, GoogleCSV, GoogleCSVSet} {
		var b strings.Builder
		if err := Write(&b, g, f); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "\n\"#Hashtag\",hashtag") && !strings.HasPrefix(b.String(), "\"#Hashtag\",hashtag") {
			t.Errorf("%s: %q", f, b.String())
		}
		back, err := Parse(strings.NewReader(b.String()), "h.csv", f)
		if err != nil {
			t.Fatal(err)
		}
		if len(back.Entries) != 2 || back.Entries[0].Source != "#Hashtag" || back.Entries[1].Target != "Kremlin, the" {
			t.Errorf("%s: read back %v", f, derefs(back.Entries))
		}
	}
}
