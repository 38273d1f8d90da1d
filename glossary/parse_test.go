package glossary

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// comparable strips what differs legitimately between formats: the file and line.
func comparable(es []*Entry) []Entry {
	out := make([]Entry, len(es))
	for i, e := range es {
		out[i] = *e
		out[i].File, out[i].Line = "", 0
	}
	return out
}

var entryOpts = cmp.Options{cmpopts.IgnoreUnexported(Entry{}), cmpopts.EquateEmpty()}

func TestSeedFormatsIdentical(t *testing.T) {
	files := []string{"seed.tsv", "seed.csv", "seed.tbx", "seed-v2.tbx"}
	var gs []*Glossary
	for _, f := range files {
		g, err := Load(filepath.Join("../testdata/glossary", f))
		if err != nil {
			t.Fatal(err)
		}
		if ps := g.Lint(); len(ps) > 0 {
			t.Errorf("%s: lint: %v", f, ps)
		}
		gs = append(gs, g)
	}
	for i := 1; i < len(gs); i++ {
		if diff := cmp.Diff(comparable(gs[0].Entries), comparable(gs[i].Entries), entryOpts); diff != "" {
			t.Errorf("%s differs from %s (-tsv +other):\n%s", files[i], files[0], diff)
		}
	}
	// Same findings on every German case and English case.
	for _, tc := range germanCases {
		want := found(gs[0].FindSource(tc.text))
		for i := 1; i < len(gs); i++ {
			if got := found(gs[i].FindSource(tc.text)); !cmp.Equal(want, got, cmpopts.EquateEmpty()) {
				t.Errorf("%s: FindSource(%q) = %v, tsv gives %v", files[i], tc.text, got, want)
			}
		}
	}
	for _, tc := range englishCases {
		want := violationKeys(gs[0].Check(tc.source, tc.target))
		for i := 1; i < len(gs); i++ {
			if got := violationKeys(gs[i].Check(tc.source, tc.target)); !cmp.Equal(want, got, cmpopts.EquateEmpty()) {
				t.Errorf("%s: Check(%q, %q) = %v, tsv gives %v", files[i], tc.source, tc.target, got, want)
			}
		}
	}
}

func violationKeys(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Kind+":"+v.SourceTerm+":"+v.Expected+":"+v.Found)
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		f        Format
		want     []Entry
	}{
		{"tsv two columns", "Kreml\tKremlin\n# comment\n\nNATO\tNATO\n", TSV, []Entry{
			{Source: "Kreml", Target: "Kremlin", Match: MatchStem, Line: 1},
			{Source: "NATO", Target: "NATO", Match: MatchStem, CaseSensitive: true, Line: 4},
		}},
		{"tsv positional columns", "Außenministerium\tForeign Ministry\tState Department|Foreign Office\tOuter Ministry\t\tcompound\tnote here\r\n", TSV, []Entry{
			{Source: "Außenministerium", Target: "Foreign Ministry", Variants: []string{"State Department", "Foreign Office"}, Forbidden: []string{"Outer Ministry"}, Match: MatchCompound, Note: "note here", Line: 1},
		}},
		{"tsv header reordered", "\ufeffen\tnote\tde\tcase\tdnt\nKremlin\tx\tKreml\tsensitive\tyes\n", TSV, []Entry{
			{Source: "Kreml", Target: "Kremlin", Note: "x", CaseSensitive: true, DoNotTranslate: true, Match: MatchStem, Line: 2},
		}},
		{"tsv empty target kept for lint", "Kreml\t\n", TSV, []Entry{{Source: "Kreml", Match: MatchStem, Line: 1}}},
		{"csv unidirectional", "Kreml,Kremlin\n\"Minsker Abkommen\",\"Minsk agreements\"\n", CSV, []Entry{
			{Source: "Kreml", Target: "Kremlin", Match: MatchStem, Line: 1},
			{Source: "Minsker Abkommen", Target: "Minsk agreements", Match: MatchStem, Line: 2},
		}},
		{"csv equivalent term sets", "en-US,de-DE,fr,pos,description\nKremlin,Kreml,Kremlin,noun,the seat\n\"Secretary General\",Generalsekretär,,noun,\n", CSV, []Entry{
			{Source: "Kreml", Target: "Kremlin", Note: "the seat", Match: MatchStem, Line: 2},
			{Source: "Generalsekretär", Target: "Secretary General", Match: MatchStem, Line: 3},
		}},
		{"csv multiline quoted note", "de,en,note\nKreml,Kremlin,\"two\nlines\"\nNATO,NATO\n", CSV, []Entry{
			{Source: "Kreml", Target: "Kremlin", Note: "two\nlines", Match: MatchStem, Line: 2},
			{Source: "NATO", Target: "NATO", CaseSensitive: true, Match: MatchStem, Line: 4},
		}},
		{"tbx v2 with ntig and normativeAuthorization", `<?xml version="1.0"?>
<martif type="TBX"><text><body>
<termEntry id="1">
 <langSet xml:lang="de-DE"><ntig><termGrp><term>Außenministerium</term></termGrp></ntig></langSet>
 <langSet xml:lang="en-GB">
  <tig><term>Foreign Office</term><termNote type="normativeAuthorization">admittedTerm</termNote></tig>
  <tig><term>Foreign Ministry</term><termNote type="normativeAuthorization">preferredTerm</termNote></tig>
  <tig><term>Outer Ministry</term><termNote type="normativeAuthorization">supersededTerm</termNote></tig>
 </langSet>
</termEntry>
</body></text></martif>`, TBX, []Entry{
			{Source: "Außenministerium", Target: "Foreign Ministry", Variants: []string{"Foreign Office"}, Forbidden: []string{"Outer Ministry"}, Match: MatchStem, Line: 4},
		}},
		{"tbx v3 with bitext notes", `<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><note>a note</note>
 <langSec xml:lang="en"><termSec><term>ministry</term></termSec><termSec><term>department</term></termSec></langSec>
 <langSec xml:lang="de">
  <termSec><term>Ministerium</term><termNote type="x-match">compound</termNote></termSec>
  <termSec><term>Ministerien</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
 </langSec>
</conceptEntry>
</body></text></tbx>`, TBX, []Entry{
			{Source: "Ministerium", Target: "ministry", Variants: []string{"department"}, Match: MatchCompound, Note: "a note", Line: 5},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Parse(strings.NewReader(tc.in), "", tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, derefs(g.Entries), entryOpts); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func derefs(es []*Entry) []Entry {
	out := make([]Entry, len(es))
	for i, e := range es {
		out[i] = *e
	}
	return out
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		f        Format
		want     string // the error message, file:line included
	}{
		{"tsv one column", "Kreml\tKremlin\nNATO\n", TSV, "g.tsv:2: want at least two tab-separated columns"},
		{"tsv too many columns", "de\ten\nKreml\tKremlin\tx\n", TSV, "g.tsv:2: 3 columns, want at most 2"},
		{"tsv header typo", "de\ten\tvarients\nKreml\tKremlin\tthe Kremlin\n", TSV, `g.tsv:1: header: unknown column "varients"`},
		{"tsv bad match", "Kreml\tKremlin\t\t\t\tfuzzy\n", TSV, `g.tsv:1: unknown match mode "fuzzy"`},
		{"tsv bad case", "# c\nKreml\tKremlin\t\t\tsometimes\n", TSV, `g.tsv:2: unknown case value "sometimes"`},
		{"tsv invalid utf-8", "Kreml\tKremlin\nA\xffB\tx\n", TSV, "g.tsv:2: invalid UTF-8 at byte 15"},
		{"tsv binary", "Kreml\tKremlin\n\x00\n", TSV, "g.tsv:2: binary data"},
		{"tsv empty", "# nothing\n", TSV, "g.tsv: no glossary entries"},
		{"csv bare quote", "de,en\nKreml,Krem\"lin\n", CSV, `g.tsv:2: bare " in non-quoted-field`},
		{"csv unterminated quote", "de,en\nKreml,\"Kremlin\nNATO,NATO\n", CSV, `g.tsv:2: extraneous or missing " in quoted-field`},
		{"csv one column", "Kreml,Kremlin\nNATO\n", CSV, "g.tsv:2: want at least two comma-separated columns"},
		{"csv bad dnt", "de,en,dnt\nKreml,Kremlin,perhaps\n", CSV, `g.tsv:2: dnt: unknown value "perhaps"`},
		{"tbx unclosed", "<martif>\n<text><body>\n<termEntry>\n</body></text></martif>\n", TBX, "g.tsv:4: element <termEntry> closed by </body>"},
		{"tbx wrong root", "<?xml version=\"1.0\"?>\n<html></html>", TBX, "g.tsv:2: root element <html>"},
		{"tbx langSet without lang", "<martif><text><body><termEntry>\n<langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>", TBX, "g.tsv:2: <langSet> without xml:lang"},
		{"tbx bad x-match", "<tbx><text><body><conceptEntry><langSec xml:lang=\"de\">\n<termSec><term>x</term><termNote type=\"x-match\">fuzzy</termNote></termSec></langSec></conceptEntry></body></text></tbx>", TBX, `g.tsv:2: x-match: unknown match mode "fuzzy"`},
		{"tbx tig without term", "<martif><text><body><termEntry><langSet xml:lang=\"de\">\n<tig><termNote type=\"x\">y</termNote></tig></langSet></termEntry></body></text></martif>", TBX, "g.tsv:2: term section without <term>"},
		{"tbx not xml", "Kreml\tKremlin\n", TBX, "g.tsv:1: "},
		{"tbx that is a tmx", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body/></tmx>", TBX, "g.tsv:2: this is a TMX file, not TBX"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in), "g.tsv", tc.f)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			var ge *Error
			if !errors.As(err, &ge) {
				t.Errorf("error %T, want *Error", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %q, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestLoadMergesAndNamesFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.tsv")
	b := filepath.Join(dir, "b.csv")
	os.WriteFile(a, []byte("Kreml\tKremlin\n"), 0o644)
	os.WriteFile(b, []byte("de,en\nKreml,the Kremlin\n"), 0o644)
	g, err := Load(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 2 || g.Entries[1].Position() != b+":2" {
		t.Fatalf("entries %v", derefs(g.Entries))
	}
	if ms := g.FindSource("im Kreml"); len(ms) != 1 || ms[0].Entry.Target != "the Kremlin" {
		t.Errorf("the later file should win: %v", found(ms))
	}
	ps := g.Lint()
	if len(ps) != 1 || ps[0].Kind != "conflict" || ps[0].Line != 2 {
		t.Errorf("lint: %v", ps)
	}
}

// TestWriteRefusesBarInList: a variant holding "|", the separator of the variants cell, cannot
// be written as TSV or CSV (it came back as two variants); TBX keeps it.
func TestWriteRefusesBarInList(t *testing.T) {
	g := &Glossary{Entries: []*Entry{{Source: "Forschung & Entwicklung", Target: "R&D", Variants: []string{"research|development"}, File: "t.tbx", Line: 6}}}
	for _, f := range []Format{TSV, CSV} {
		var b strings.Builder
		if err := Write(&b, g, f); err == nil || !strings.Contains(err.Error(), `t.tbx:6: "research|development" holds "|"`) {
			t.Errorf("%s: err = %v", f, err)
		}
	}
	var b strings.Builder
	if err := Write(&b, g, TBX); err != nil {
		t.Errorf("TBX: %v", err)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	g := seed(t)
	for _, f := range []Format{TSV, CSV, TBX, TBX2} {
		var b strings.Builder
		if err := Write(&b, g, f); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(strings.NewReader(b.String()), "x", f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if diff := cmp.Diff(comparable(g.Entries), comparable(back.Entries), entryOpts); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", f, diff)
		}
	}
}

func TestLint(t *testing.T) {
	in := "de\ten\tvariants\tforbidden\tmatch\n" +
		"Außenministerium\tForeign Ministry\n" + // 2
		"Außenministeriums\tforeign ministry\n" + // 3 duplicate (same stem, same target)
		"Außenministerium\tState Department\n" + // 4 conflict
		"\tempty source\n" + // 5
		"Kreml\t\n" + // 6 empty target
		"Minsker, Abkommen\tMinsk agreements\n" + // 7 punctuation inside
		"Generalsekretär\tSecretary General\t\tSecretaries General\n" + // 8 forbidden = accepted
		"Rat\tCouncil\t\t\tcompound\n" + // 9 head too short
		"...\tdots\n" + // 10 no words
		"Sprecher\tspokesperson\tspokesman\tspokesmen\n" // 11 forbidden = an irregular plural of accepted
	g, err := Parse(strings.NewReader(in), "l.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range g.Lint() {
		got = append(got, fmt.Sprintf("%s:%d:%s", p.File, p.Line, p.Kind))
	}
	want := []string{"l.tsv:3:duplicate", "l.tsv:4:conflict", "l.tsv:5:empty", "l.tsv:6:empty", "l.tsv:7:unmatchable", "l.tsv:8:forbidden-accepted", "l.tsv:9:short-head", "l.tsv:10:unmatchable", "l.tsv:11:forbidden-accepted"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
