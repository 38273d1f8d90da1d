package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/fixtures"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const xliff12Doc = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="nachricht.html" source-language="de-DE" target-language="en-US" datatype="html">
    <header><tool tool-id="t" tool-name="t"/></header>
    <body>
      <group id="g1">
        <trans-unit id="1">
          <source>Die <g id="1" ctype="bold">Regierung</g> hat am Montag getagt.</source>
          <target state="translated">The <g id="1" ctype="bold">government</g> met on Monday.</target>
          <note>Überschrift</note>
          <note>zweite Zeile</note>
        </trans-unit>
      </group>
      <trans-unit id="2">
        <source>Erste Zeile<x id="1" ctype="lb"/>zweite Zeile &amp; mehr</source>
        <seg-source><mrk mtype="seg" mid="1">ignored</mrk></seg-source>
        <target>First line<x id="1" ctype="lb"/>second line &amp; more</target>
        <alt-trans><target>ignored</target></alt-trans>
      </trans-unit>
      <trans-unit id="3" translate="no"><source>ID-4711</source><target>ID-4711</target></trans-unit>
      <trans-unit id="4"><source>Noch nicht übersetzt</source></trans-unit>
      <trans-unit id="5"><source>Leer</source><target state="new"/></trans-unit>
      <trans-unit id="6"><source>Siehe <bpt id="1">&lt;a href="x"&gt;</bpt>hier<ept id="1">&lt;/a&gt;</ept>.<ph id="2">&lt;br/&gt;</ph></source>
        <target>See <bpt id="1">&lt;a href="x"&gt;</bpt>here<ept id="1">&lt;/a&gt;</ept>.<ph id="2">&lt;br/&gt;</ph></target></trans-unit>
      <trans-unit id="7"><source><mrk mtype="protected">Bitext</mrk> ist <it id="1" pos="open">&lt;i&gt;</it>frei</source><target><mrk mtype="protected">Bitext</mrk> is <it id="1" pos="open">&lt;i&gt;</it>free</target></trans-unit>
    </body>
  </file>
</xliff>
`

const xliff2Doc = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de" trgLang="en">
  <file id="f1" original="hilfe.md">
    <notes><note>file note, not a unit's</note></notes>
    <unit id="u1">
      <notes><note category="context">Menü</note></notes>
      <originalData>
        <data id="d1">&lt;a href="/hilfe"&gt;</data>
        <data id="d2">&lt;/a&gt;</data>
        <data id="d3">&lt;br/&gt;</data>
      </originalData>
      <segment id="s1" state="translated">
        <source>Öffnen Sie die <pc id="1" dataRefStart="d1" dataRefEnd="d2">Hilfe</pc>.</source>
        <target>Open the <pc id="1" dataRefStart="d1" dataRefEnd="d2">help</pc>.</target>
      </segment>
      <ignorable><source> </source></ignorable>
      <segment id="s2">
        <source>Zeile<ph id="2" dataRef="d3"/>zwei<cp hex="0001"/></source>
        <target>Line<ph id="2" dataRef="d3"/>two</target>
      </segment>
    </unit>
    <unit id="u2" translate="no"><segment><source>Code</source><target>Code</target></segment></unit>
    <unit id="u3"><segment state="initial"><source>Offen</source></segment></unit>
    <unit id="u4"><segment><source><sc id="1"/>fett<ec startRef="1"/> und <mrk id="m1" translate="no">so</mrk></source><target><sc id="1"/>bold<ec startRef="1"/> and <mrk id="m1" translate="no">so</mrk></target></segment></unit>
  </file>
</xliff>
`

func readXLIFFString(t *testing.T, doc string, opt ReaderOptions) ([]Pair, int) {
	t.Helper()
	r, err := NewReader(XLIFF, strings.NewReader(doc), "test.xlf", opt)
	if err != nil {
		t.Fatal(err)
	}
	out, err := nextAll(r)
	if err != nil {
		t.Fatalf("pair %d: %v", len(out)+1, err)
	}
	return out, r.(interface{ Skipped() int }).Skipped()
}

func TestReadXLIFF(t *testing.T) {
	tests := []struct {
		name     string
		doc      string
		want     []Pair
		wantSkip int
	}{
		{"1.2", xliff12Doc, []Pair{
			{Doc: "nachricht.html", ID: "1", Line: 7, Source: "Die Regierung hat am Montag getagt.", Target: "The government met on Monday.",
				SourceTagged: "Die <g1>Regierung</g1> hat am Montag getagt.", TargetTagged: "The <g1>government</g1> met on Monday.",
				Note: "Überschrift\nzweite Zeile"},
			// ctype="lb": a line break, so the words are apart in the plain text.
			{Doc: "nachricht.html", ID: "2", Line: 14, Source: "Erste Zeile zweite Zeile & mehr", Target: "First line second line & more",
				SourceTagged: "Erste Zeile<x1/>zweite Zeile &amp; mehr", TargetTagged: "First line<x1/>second line &amp; more"},
			{Doc: "nachricht.html", ID: "6", Line: 23, Source: "Siehe hier.", Target: "See here.",
				SourceTagged: "Siehe <g1>hier</g1>.<x2/>", TargetTagged: "See <g1>here</g1>.<x2/>"},
			{Doc: "nachricht.html", ID: "7", Line: 25, Source: "Bitext ist frei", Target: "Bitext is free",
				SourceTagged: "Bitext ist <x1/>frei", TargetTagged: "Bitext is <x1/>free"},
		}, 3},
		{"2.1", xliff2Doc, []Pair{
			{Doc: "hilfe.md", ID: "u1/s1", Line: 12, Source: "Öffnen Sie die Hilfe.", Target: "Open the help.", Note: "Menü",
				SourceTagged: "Öffnen Sie die <g1>Hilfe</g1>.", TargetTagged: "Open the <g1>help</g1>."},
			{Doc: "hilfe.md", ID: "u1/s2", Line: 17, Source: "Zeile zwei\x01", Target: "Line two", Note: "Menü",
				SourceTagged: "Zeile<x2/>zwei\x01", TargetTagged: "Line<x2/>two"},
			{Doc: "hilfe.md", ID: "u4", Line: 24, Source: "fett und so", Target: "bold and so",
				SourceTagged: "<g1>fett</g1> und so", TargetTagged: "<g1>bold</g1> and so"},
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, skipped := readXLIFFString(t, tt.doc, ReaderOptions{SourceLang: "de", TargetLang: "en"})
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Pair{}, "Codes")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if skipped != tt.wantSkip {
				t.Errorf("Skipped() = %d, want %d", skipped, tt.wantSkip)
			}
		})
	}
}

// TestReadXLIFFUntranslatedStates: a target whose state says the unit is not translated yet is
// no translation, even when a tool copied the source into it (tm import stored such copies, and
// translate then answered German with German as a TM hit).
func TestReadXLIFFUntranslatedStates(t *testing.T) {
	const v12 = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="de" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Der Kanzler reiste ab.</source><target state="new">Der Kanzler reiste ab.</target></trans-unit>
<trans-unit id="2"><source>Der Minister sprach.</source><target state="needs-translation">Der Minister sprach.</target></trans-unit>
<trans-unit id="3"><source>Die Ministerin schwieg.</source><target state="needs-review-translation">The minister kept silent.</target></trans-unit>
<trans-unit id="4"><source>Es regnet.</source><target>It is raining.</target></trans-unit>
</body></file></xliff>`
	const v2 = `<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f1" original="a.txt">
<unit id="u1"><segment state="initial"><source>Der Kanzler reiste ab.</source><target>Der Kanzler reiste ab.</target></segment></unit>
<unit id="u2"><segment state="translated"><source>Es regnet.</source><target>It is raining.</target></segment></unit>
<unit id="u3"><segment><source>Es schneit.</source><target>It is snowing.</target></segment></unit>
</file></xliff>`
	for _, tt := range []struct {
		name     string
		doc      string
		want     []string
		wantSkip int
	}{
		{"1.2", v12, []string{"3", "4"}, 2},
		{"2.0", v2, []string{"u2", "u3"}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) { checkXLIFFUnits(t, tt.doc, tt.want, tt.wantSkip) })
	}
}

// checkXLIFFUnits checks the ids of the pairs read from doc, and how many units were skipped.
func checkXLIFFUnits(t *testing.T, doc string, want []string, wantSkip int) {
	t.Helper()
	got, skipped := readXLIFFString(t, doc, ReaderOptions{SourceLang: "de", TargetLang: "en"})
	var ids []string
	for _, p := range got {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, want) || skipped != wantSkip {
		t.Errorf("pairs %v, %d skipped; want %v, %d skipped", ids, skipped, want, wantSkip)
	}
}

// TestReadXLIFFGroupNotTranslated: translate="no" on a <group> or <file> covers the units
// inside (the nearest value decides), as package document reads them for translate: such units
// were stored by tm import and checked by check although translate leaves them alone.
func TestReadXLIFFGroupNotTranslated(t *testing.T) {
	const v12 = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="de" target-language="en" datatype="plaintext"><body>
<group id="g" translate="no">
<trans-unit id="1"><source>SELECT *</source><target>SELECT *</target></trans-unit>
<trans-unit id="2" translate="yes"><source>Es regnet.</source><target>It is raining.</target></trans-unit>
</group>
<trans-unit id="3"><source>Es schneit.</source><target>It is snowing.</target></trans-unit>
</body></file></xliff>`
	const v2 = `<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f1" translate="no">
<unit id="u1"><segment><source>Code hier.</source><target>Code hier.</target></segment></unit>
<group id="g1" translate="yes"><unit id="u2"><segment><source>Es regnet.</source><target>It is raining.</target></segment></unit></group>
</file></xliff>`
	for _, tt := range []struct {
		name     string
		doc      string
		want     []string
		wantSkip int
	}{
		{"1.2", v12, []string{"2", "3"}, 1},
		{"2.0", v2, []string{"u2"}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) { checkXLIFFUnits(t, tt.doc, tt.want, tt.wantSkip) })
	}
}

// TestReadXLIFFCodes: the codes' original markup comes from the native code (1.2 bpt/ept/ph)
// and from originalData (2.x).
func TestReadXLIFFCodes(t *testing.T) {
	got, _ := readXLIFFString(t, xliff12Doc, ReaderOptions{})
	want := []document.Code{
		{ID: 1, Kind: document.Paired, Open: `<a href="x">`, Close: `</a>`},
		{ID: 2, Kind: document.Standalone, Open: `<br/>`},
	}
	if diff := cmp.Diff(want, got[2].Codes); diff != "" {
		t.Errorf("1.2 codes (-want +got):\n%s", diff)
	}
	got, _ = readXLIFFString(t, xliff2Doc, ReaderOptions{})
	want = []document.Code{{ID: 1, Kind: document.Paired, Open: `<a href="/hilfe">`, Close: `</a>`}}
	if diff := cmp.Diff(want, got[0].Codes); diff != "" {
		t.Errorf("2.x codes (-want +got):\n%s", diff)
	}
}

// TestReadXLIFFBreakCodes: whether a code keeps the words around it apart in the plain texts
// is decided by the code as the pair keeps it (Codes), the same way for source and target: a
// target code with a source code's id is that code, line break or not, whatever its own
// element says. Each file also reads back the same after it is written as XLIFF 1.2 and 2.1.
func TestReadXLIFFBreakCodes(t *testing.T) {
	const (
		v12 = `<xliff version="1.2"><file original="d"><body><trans-unit id="1"><source>%s</source><target>%s</target></trans-unit></body></file></xliff>`
		v2  = `<xliff version="2.0"><file id="f"><unit id="u"><originalData><data id="br">&lt;br/&gt;</data><data>&lt;br/&gt;</data></originalData>` +
			`<segment><source>%s</source><target>%s</target></segment></unit></file></xliff>`
	)
	tests := []struct {
		name, doc, src, tgt string
		wantSrc, wantTgt    string
	}{
		{"1.2 ctype lb", v12, `a<x id="1" ctype="lb"/>b`, `c<x id="1" ctype="lb"/>d`, "a b", "c d"},
		{"1.2 ctype br is lb", v12, `a<x id="1" ctype="br"/>b`, `c<x id="1" ctype="br"/>d`, "a b", "c d"},
		{"1.2 ctype x-tab", v12, `a<x id="1" ctype="x-tab"/>b`, `c<x id="1"/>d`, "a b", "c d"},
		{"1.2 target ph is the source's br", v12, `a<ph id="1">&lt;br/&gt;</ph>b`, `c<ph id="1">x</ph>d`, "a b", "c d"},
		{"1.2 target ph is the source's non-break", v12, `a<ph id="1">x</ph>b,<ph id="2">x</ph>`, `c<ph id="1">&lt;br/&gt;</ph>d,<ph id="2">x</ph>`, "a b,", "c d,"},
		{"1.2 target's own br", v12, `ab`, `c<ph id="1">&lt;br/&gt;</ph>d`, "ab", "c d"},
		{"1.2 paired code by its markup, not ctype", v12, `a<bpt id="1" ctype="x-lb">[</bpt>b<ept id="1">]</ept>c`, `d<g id="1">e</g>f`, "abc", "def"},
		{"2.x subType xlf:lb", v2, `a<ph id="1" type="fmt" subType="xlf:lb"/>b`, `c<ph id="1"/>d`, "a b", "c d"},
		{"2.x subType xlf:lb over another type", v2, `a<ph id="1" type="image" subType="xlf:lb"/>b`, `c<ph id="1" type="image" subType="xlf:lb"/>d`, "a b", "c d"},
		{"2.x type x-lb", v2, `a<ph id="1" type="x-lb"/>b`, `c<ph id="1" type="x-lb"/>d`, "a b", "c d"},
		{"2.x target ph without dataRef is the source's br", v2, `a<ph id="1" dataRef="br"/>b`, `c<ph id="1"/>d`, "a b", "c d"},
		{"2.x target ph is the source's code without data", v2, `a<ph id="1"/>b`, `c<ph id="1" dataRef="br"/>d`, "a b", "c d"},
		// A code without dataRef has no original data: the <data> without an id (invalid) is
		// not its markup. testdata/fuzz/FuzzReadXLIFF/218b3b1a03fd90f3.
		{"2.x no dataRef is no data", v2, `a<ph id="2" dataRef="0"/>b`, `c<ph id="2"/>d`, "a b", "c d"},
		{"2.x no dataRef, target only", v2, `ab`, `c<ph id="2"/>d`, "ab", "c d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := fmt.Sprintf(tt.doc, tt.src, tt.tgt)
			got, _ := readXLIFFString(t, doc, ReaderOptions{})
			if len(got) != 1 || got[0].Source != tt.wantSrc || got[0].Target != tt.wantTgt {
				t.Fatalf("read %+v, want %q → %q", got, tt.wantSrc, tt.wantTgt)
			}
			for _, version := range []string{"", "2.1"} {
				var buf bytes.Buffer
				w, _ := NewWriter(XLIFF, &buf, WriterOptions{XLIFFVersion: version})
				if err := w.Write(got[0]); err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				again, _ := readXLIFFString(t, buf.String(), ReaderOptions{})
				if len(again) != 1 || again[0].Source != tt.wantSrc || again[0].Target != tt.wantTgt {
					t.Errorf("XLIFF %q: read back %+v, want %q → %q\n%s", version, again, tt.wantSrc, tt.wantTgt, buf.Bytes())
				}
			}
		})
	}
}

// TestReadXLIFF2CodeNames: a 2.x code is named by the ctype the 1.2 writer gives its type, as a
// 1.2 code is, so that it reads back with the same name (testdata/fuzz/FuzzReadXLIFF/68e3fbe6e14eea47).
func TestReadXLIFF2CodeNames(t *testing.T) {
	tests := []struct{ source, want string }{
		{`<ph id="1" type="fmt"/>`, "x-fmt"},
		{`<ph id="1" type="image"/>`, "image"},
		{`<ph id="1" type="fmt" subType="xlf:lb"/>`, "lb"},
		{`<pc id="1" type="link">a</pc>`, "link"},
		{`<pc id="1" subType="xlf:lb">a</pc>`, "x-lb"},
		{`<sc id="1" type="ui" isolated="yes"/>`, "x-ui"},
	}
	for _, tt := range tests {
		doc := `<xliff version="2.0"><file id="f"><unit id="u"><segment><source>` + tt.source + `b</source><target>c</target></segment></unit></file></xliff>`
		got, _ := readXLIFFString(t, doc, ReaderOptions{})
		if len(got) != 1 || len(got[0].Codes) != 1 || got[0].Codes[0].Name != tt.want {
			t.Errorf("%s: read %+v, want one code named %q", tt.source, got, tt.want)
		}
	}
}

func TestReadXLIFFErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		opt       ReaderOptions
		want      string // in the message
		line      int
		empty     bool
	}{
		{name: "empty", doc: " \n", want: "empty file", empty: true},
		{name: "root", doc: "<tmx/>", want: "root element is <tmx>, want <xliff>", line: 1},
		{name: "declaration only", doc: `<?xml version="1.0"?>`, want: "no root element"},
		{name: "unclosed", doc: "<xliff version=\"1.2\">\n<file>\n<body>\n<trans-unit id=\"1\"><source>a</source>", want: "unexpected EOF", line: 4},
		{name: "no source", doc: "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"9\"><target>a</target></trans-unit></body></file></xliff>", want: `<trans-unit id="9"> without <source>`, line: 2},
		{name: "languages", doc: `<xliff version="1.2"><file source-language="en" target-language="de"><body/></file></xliff>`,
			opt: ReaderOptions{SourceLang: "de", TargetLang: "en"}, want: `source language is "en", want "de"`, line: 1},
		{name: "bad note", doc: `<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>b</target><note from="bitext">confidence: 7</note></trans-unit></body></file></xliff>`,
			want: "confidence: bad value", line: 1},
		{name: "text", doc: `<xliff version="1.2"><file><body>stray</body></file></xliff>`, want: "unexpected text", line: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(XLIFF, []byte(tt.doc), nil, tt.opt)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T), want *InputError", err, err)
			}
			if ie.File != "test.xliff" || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to name test.xliff and contain %q", err, tt.want)
			}
			if tt.line > 0 && ie.Line != tt.line {
				t.Errorf("line %d, want %d", ie.Line, tt.line)
			}
			if errors.Is(err, ErrEmpty) != tt.empty {
				t.Errorf("errors.Is(err, ErrEmpty) = %v", !tt.empty)
			}
		})
	}
}

// taggedPairs carry inline codes, with and without their markup.
var taggedPairs = []Pair{
	{Doc: "seite.html", Paragraph: 1, Sentence: 1, ID: "p1",
		Source: "Die Regierung hat am Montag getagt.", Target: "The government met on Monday.",
		SourceTagged: "Die <g1>Regierung</g1> hat am <g2>Montag</g2> getagt.", TargetTagged: "The <g1>government</g1> met on <g2>Monday</g2>.",
		Codes:    []document.Code{{ID: 1, Kind: document.Paired, Name: "a", Open: `<a href="/r?a=1&b=2">`, Close: "</a>"}, {ID: 2, Kind: document.Paired, Name: "em", Open: "<em>", Close: "</em>"}},
		Provider: "deepl", Note: "Überschrift"},
	// Codes without their markup (document.CodesOf), reordered in the target, and "<" and "&"
	// among the words.
	{Doc: "seite.html", Paragraph: 1, Sentence: 2,
		Source: "A < B & C, Bild", Target: "Picture, A < B & C",
		SourceTagged: "A &lt; B &amp; C,<x1/> <g2>Bild</g2>", TargetTagged: "<g2>Picture</g2>, A &lt; B &amp; C<x1/>"},
	// A code only the target has, and a pair split across (broken) tags.
	{Doc: "seite.html", Paragraph: 2, Sentence: 1,
		Source: "Nur Text", Target: "Only text",
		SourceTagged: "Nur Text", TargetTagged: "Only <g1>text",
		Codes: []document.Code{{ID: 1, Kind: document.Paired, Name: "strong", Open: "<strong>", Close: "</strong>"}}},
}

// TestTaggedRoundTrip: TMX, XLIFF and JSONL give back the tagged texts they were given, and TMX
// and XLIFF the codes' markup; the plain texts stay the words.
func TestTaggedRoundTrip(t *testing.T) {
	for _, f := range []Format{TMX, XLIFF, JSONL} {
		t.Run(string(f), func(t *testing.T) {
			main, _ := writeAll(t, f, taggedPairs)
			got, err := readAll(f, main, nil, ReaderOptions{})
			if err != nil {
				t.Fatalf("%v\n%s", err, main)
			}
			if len(got) != len(taggedPairs) {
				t.Fatalf("%d pairs, want %d", len(got), len(taggedPairs))
			}
			for i, want := range taggedPairs {
				g := got[i]
				if g.Source != want.Source || g.Target != want.Target {
					t.Errorf("pair %d plain = %q → %q, want %q → %q\n%s", i, g.Source, g.Target, want.Source, want.Target, main)
				}
				wantTgt := want.TargetTagged
				if i == 2 && f != JSONL {
					wantTgt = "Only <x1/>text" // an open code without its end is a standalone code
				}
				if g.SourceTagged != want.SourceTagged || g.TargetTagged != wantTgt {
					t.Errorf("pair %d tagged = %q → %q, want %q → %q\n%s", i, g.SourceTagged, g.TargetTagged, want.SourceTagged, wantTgt, main)
				}
				if f == JSONL {
					continue
				}
				for _, c := range want.Codes {
					gc, ok := codeByID(g.Codes, c.ID)
					if i < 2 && (!ok || gc.Open != c.Open || gc.Close != c.Close || gc.Kind != c.Kind) {
						t.Errorf("pair %d code %d = %+v, want %+v", i, c.ID, gc, c)
					}
				}
			}
			if f == TMX {
				s := string(main)
				for _, want := range []string{
					`<bpt i="1" x="1" type="link">&lt;a href="/r?a=1&amp;b=2"&gt;</bpt>Regierung<ept i="1">&lt;/a&gt;</ept>`,
					`<ph x="1"></ph>`, `<it pos="begin" x="1" type="bold">&lt;strong&gt;</it>`,
				} {
					if !strings.Contains(s, want) {
						t.Errorf("TMX output lacks %s:\n%s", want, s)
					}
				}
			}
		})
	}
}

// TestTaggedTMXPlainReaders: a tool that ignores inline codes (here: the text of each <seg>
// without its elements, as xmllint's string() gives it) reads the words.
func TestTaggedTMXPlainReaders(t *testing.T) {
	lint := needXmllint(t)
	main, _ := writeAll(t, TMX, taggedPairs[:1])
	file := filepath.Join(t.TempDir(), "t.tmx")
	if err := os.WriteFile(file, main, 0o644); err != nil {
		t.Fatal(err)
	}
	// The native code is text too, so count the words between the codes.
	got := xpath(t, lint, file, `concat(//tuv[1]/seg/text()[1], //tuv[1]/seg/text()[2], //tuv[1]/seg/text()[3], //tuv[1]/seg/text()[4], //tuv[1]/seg/text()[5])`)
	if got != taggedPairs[0].Source {
		t.Errorf("seg text = %q, want %q", got, taggedPairs[0].Source)
	}
	validateTMX(t, lint, main)
}

// xliffSchemaDir prepares the XLIFF 1.2 strict schema (fixtures kind schemas/xliff) for xmllint
// in a temporary folder of t, its xml.xsd import pointed at the local copy. It returns "" (and
// says why in a skipped subtest) without xmllint or the schema.
func xliffSchemaDir(t *testing.T) string {
	t.Helper()
	var dir string
	t.Run("schema", func(t *testing.T) {
		if _, err := exec.LookPath("xmllint"); err != nil {
			t.Skip("xmllint not found (Debian package libxml2-utils): skipping schema validation")
		}
		dir = fixtures.Dir(t, "schemas/xliff", "xliff-core-1.2-strict.xsd")
	})
	if dir == "" {
		return ""
	}
	tmp := t.TempDir()
	for _, f := range []string{"xliff-core-1.2-strict.xsd", "xml.xsd"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		// The schema imports xml.xsd from the W3C's site; tests never touch the network.
		b = bytes.ReplaceAll(b, []byte("http://www.w3.org/2001/xml.xsd"), []byte("xml.xsd"))
		if err := os.WriteFile(filepath.Join(tmp, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tmp
}

// validateXLIFF12 validates doc against the XLIFF 1.2 strict schema when xmllint and the
// schema are there.
func validateXLIFF12(t *testing.T, doc []byte) {
	t.Helper()
	dir := xliffSchemaDir(t)
	if dir == "" {
		return
	}
	file := filepath.Join(t.TempDir(), "out.xlf")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", filepath.Join(dir, "xliff-core-1.2-strict.xsd"), file).CombinedOutput()
	if err != nil {
		t.Errorf("not valid XLIFF 1.2 strict: %v\n%s\n%s", err, out, clip(string(doc), 4000))
	}
}

// TestXLIFFSchema: what the XLIFF writer writes validates against the OASIS XLIFF 1.2 strict
// schema (fixtures kind schemas/xliff), with and without codes, metadata and notes.
func TestXLIFFSchema(t *testing.T) {
	cases := map[string][]Pair{
		"tricky": trickyPairs, "tagged": taggedPairs, "empty": nil,
		"same id twice": {{ID: "a", Source: "x", Target: "y"}, {ID: "a", Source: "x", Target: "y"}, {ID: "2", Source: "x", Target: "y"}},
	}
	for name, pairs := range cases {
		t.Run(name, func(t *testing.T) {
			main, _ := writeAll(t, XLIFF, pairs)
			validateXLIFF12(t, main)
		})
	}
}

// TestReadRealXLIFF reads real XLIFF files from Okapi's test suite (fixtures kind
// interop/xliff) and compares the number of pairs with an independent count by xmllint: the
// trans-units, not translate="no", whose <target> has words outside native codes or a state
// saying it is translated.
func TestReadRealXLIFF(t *testing.T) {
	lint := needXmllint(t)
	dir := fixtures.Dir(t, "interop/xliff", "okapi-test01.xlf")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlf"))
	if len(files) == 0 {
		t.Skip("no XLIFF files in " + dir)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte("xliff:document:2")) {
				t.Skip("XLIFF 2: counted differently")
			}
			r, err := NewReader(XLIFF, bytes.NewReader(data), file, ReaderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			pairs, err := nextAll(r)
			if err != nil {
				t.Fatal(err)
			}
			for n, p := range pairs {
				if p.Source == "" && p.SourceTagged == "" && p.Target == "" {
					t.Errorf("pair %d is empty", n+1)
				}
			}
			// Written back as XLIFF 1.2 and as TMX, the pairs validate and read back the same.
			for _, f := range []Format{XLIFF, TMX} {
				out, _ := writeAll(t, f, pairs)
				if f == XLIFF {
					validateXLIFF12(t, out)
				} else {
					validateTMX(t, lint, out)
				}
				again, err := readAll(f, out, nil, ReaderOptions{})
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				var want []Pair
				for _, p := range pairs {
					want = append(want, carried(f, p, false))
				}
				sameIDs(want, again)
				if f == XLIFF { // a unit id used twice in a <file> is made unique
					seen := map[[2]string]bool{}
					for i := range want {
						k := [2]string{want[i].Doc, want[i].ID}
						if seen[k] && i < len(again) {
							want[i].ID = again[i].ID
						}
						seen[k] = true
					}
				}
				// readAll clears Line (where the reader found the pair, which no writer writes).
				if diff := cmp.Diff(want, again, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(Pair{}, "Line")); diff != "" {
					t.Errorf("%s round trip (-read +reread):\n%s", f, diff)
				}
			}
			want := xpath(t, lint, file, `count(//*[local-name()="trans-unit"][not(@translate="no")][*[local-name()="target"][`+
				// words outside the native codes, or a state that says an empty target is translated
				`.//text()[normalize-space(.)!=""][not(ancestor::*[local-name()="ph" or local-name()="bpt" or local-name()="ept" or local-name()="it"])]`+
				` or @state="translated" or @state="final" or @state="signed-off" or starts-with(@state,"needs-review")]])`)
			if want != strconv.Itoa(len(pairs)) {
				t.Errorf("%d pairs read, xmllint counts %s", len(pairs), want)
			}
		})
	}
}

// TestXLIFF21: the XLIFF 2.1 writer's output reads back as the pairs written (codes and their
// markup included) and validates against the OASIS XLIFF 2.0 core schema.
func TestXLIFF21(t *testing.T) {
	pairs := append(append([]Pair{}, trickyPairs...), taggedPairs...)
	pairs = append(pairs, Pair{ID: "id with spaces", Source: "Zeile<x1/>zwei", Target: "line<x1/>two",
		SourceTagged: "Zeile<x1/>zwei", TargetTagged: "line<x1/>two",
		Codes: []document.Code{{ID: 1, Kind: document.Standalone, Name: "br", Open: "<br>"}}})
	pairs[len(pairs)-1].Source, pairs[len(pairs)-1].Target = "Zeile zwei", "line two" // a line break keeps words apart
	var buf bytes.Buffer
	w, err := NewWriter(XLIFF, &buf, WriterOptions{XLIFFVersion: "2.1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pairs {
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := readAll(XLIFF, buf.Bytes(), nil, ReaderOptions{SourceLang: "de", TargetLang: "en"})
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	var want []Pair
	for _, p := range pairs {
		c := carried(XLIFF, p, false)
		if p.Doc == "" {
			c.Doc = "" // XLIFF 2 needs no original
		}
		want = append(want, c)
	}
	want[len(want)-1].ID = "id_with_spaces" // an NMTOKEN
	want[len(want)-1].Codes[0].Name = "lb"
	want[len(want)-2].TargetTagged = "Only <x1/>text" // a pair without its end: a standalone code
	sameIDs(want, got)
	opts := []cmp.Option{cmpopts.EquateEmpty()}
	if diff := cmp.Diff(want, got, append(opts, cmpopts.IgnoreFields(Pair{}, "Codes"))...); diff != "" {
		t.Errorf("(-want +got):\n%s\n%s", diff, buf.Bytes())
	}
	for i := range 1 { // the first tagged pair's codes have markup
		if diff := cmp.Diff(taggedPairs[i].Codes, got[len(trickyPairs)+i].Codes, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(document.Code{}, "Name")); diff != "" {
			t.Errorf("tagged pair %d codes (-want +got):\n%s", i, diff)
		}
	}

	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not found: schema validation skipped")
	}
	dir := fixtures.Dir(t, "schemas/xliff", "xliff_core_2.0.xsd")
	tmp := t.TempDir()
	for _, f := range []string{"xliff_core_2.0.xsd", "xml.xsd"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.ReplaceAll(b, []byte("http://www.w3.org/2001/xml.xsd"), []byte("xml.xsd"))
		os.WriteFile(filepath.Join(tmp, f), b, 0o644)
	}
	file := filepath.Join(tmp, "out.xlf")
	os.WriteFile(file, buf.Bytes(), 0o644)
	if out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", filepath.Join(tmp, "xliff_core_2.0.xsd"), file).CombinedOutput(); err != nil {
		t.Errorf("not valid XLIFF 2 core: %v\n%s\n%s", err, out, buf.Bytes())
	}
}

// TestTrimTagged: white space around the words goes, across the paired codes at either end
// but not past a placeholder, whose space is the sentence's (Angular's "L'auteur est <x1/>"),
// and nothing else.
func TestTrimTagged(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{" a ", "a"},
		{"0 <g1></g1>", "0<g1></g1>"},
		{" <g2> a b </g2>\t", "<g2>a b</g2>"},
		{"<x1/> \n<g2> a b </g2>\t<x3/> ", "<x1/> \n<g2> a b </g2>\t<x3/>"},
		{"L'auteur est <x1/>", "L'auteur est <x1/>"},
		{" <x1/> Minuten ", "<x1/> Minuten"},
		{"<x1/>", "<x1/>"},
		{"b <x2/>a>", "b <x2/>a>"},
		{"b <x2/>a> <x3/> ", "b <x2/>a> <x3/>"},
		{" &lt;x1/&gt; ", "&lt;x1/&gt;"},
	} {
		if got := trimTagged(tt.in); got != tt.want {
			t.Errorf("trimTagged(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestXLIFFStateQualifier: a memory hit of a provider's answer is a machine translation
// (leveraged-mt); only a hit people made (no provider) is leveraged-tm; a reviewed entry is
// signed off, with no qualifier (it was leveraged-mt, for its marker provider).
func TestXLIFFStateQualifier(t *testing.T) {
	for _, tc := range []struct {
		p    Pair
		want string
	}{
		{Pair{Source: "Satz.", Target: "Sentence.", Provider: "openai", Model: "m", TMHit: true}, `state-qualifier="leveraged-mt"`},
		{Pair{Source: "Satz.", Target: "Sentence.", Provider: "openai", Model: "m"}, `state-qualifier="leveraged-mt"`},
		{Pair{Source: "Satz.", Target: "Sentence.", TMHit: true}, `state-qualifier="leveraged-tm"`},
		// A memory's reviewed entry (its marker provider "reviewed") is a person's decision.
		{Pair{Source: "Satz.", Target: "Sentence.", Provider: "reviewed", Reviewer: "anna"}, `<target state="signed-off">`},
	} {
		var b strings.Builder
		w, err := NewWriter(XLIFF, &b, WriterOptions{SourceLang: "de", TargetLang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(tc.p); err != nil {
			t.Fatal(err)
		}
		w.Close()
		if !strings.Contains(b.String(), tc.want) {
			t.Errorf("%+v: want %s in\n%s", tc.p, tc.want, b.String())
		}
	}
}
