package corpus

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"
)

func ptrTo(s string) *string { return &s }

// TestPatchXLIFF: decisions are written into the XLIFF file itself, every other byte as it was:
// Okapi's OmegaT package (1.2, CRLF, xml:space="preserve"), an XLIFF 2.1 unit of several
// segments, and OnTram's export, whose units hold <alt-trans> proposals with targets of their
// own that must stay as they are (licences in the testdata SOURCES.md files).
func TestPatchXLIFF(t *testing.T) {
	tests := []struct {
		file    string
		patches []XLIFFPatch
		// replace are the changes expected in the file, each old string once, in order.
		replace [][2]string
	}{
		{"../document/testdata/windows/okapi-omegatpack-test01.properties.xlf",
			[]XLIFFPatch{
				{Doc: "/test01.properties", ID: "2", Target: ptrTo("texte pour ID200 & <plus>"), Reviewed: true},
				{Doc: "/test01.properties", ID: "1", Reviewed: true},
			},
			[][2]string{
				{"<target xml:lang=\"fr-fr\">Text for ID100", "<target xml:lang=\"fr-fr\" state=\"signed-off\">Text for ID100"},
				{"<target xml:lang=\"fr-fr\">text for ID200</target>", "<target xml:lang=\"fr-fr\" state=\"signed-off\">texte pour ID200 &amp; &lt;plus&gt;</target>"},
			}},
		{"../document/testdata/artikel-2.1.xlf",
			[]XLIFFPatch{
				{Doc: "artikel.md", ID: "u1/s2", Target: ptrTo("Done already."), Reviewed: true},
				{Doc: "artikel.md", ID: "u1/s3", Target: ptrTo("Traffic is moving again.")},
			},
			[][2]string{
				{`<segment id="s2" state="final">`, `<segment id="s2" state="reviewed">`},
				{`<target>Already done.</target>`, `<target>Done already.</target>`},
				{"wieder.</source>", "wieder.</source>\n        <target>Traffic is moving again.</target>"},
			}},
		{"../tm/testdata/tagged/OnTramTest01-startseite.xlf",
			[]XLIFFPatch{{Doc: "Offline-Bearbeitung", ID: "36099", Target: ptrTo("The travel agency"), Reviewed: true}},
			[][2]string{
				{`id="36099"><source><ph id="1"/>Das Reisebüro</source><target state="needs-translation"/>`, `id="36099"><source><ph id="1"/>Das Reisebüro</source><target state="signed-off">The travel agency</target>`},
			}},
	}
	for _, tc := range tests {
		src, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		unmatched, err := PatchXLIFF(&out, src, append(tc.patches, XLIFFPatch{Doc: "nowhere", ID: "9", Reviewed: true}))
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if len(unmatched) != 1 || unmatched[0].Doc != "nowhere" {
			t.Errorf("%s: unmatched %+v, want the one for a unit the file lacks", tc.file, unmatched)
		}
		want := string(src)
		for _, r := range tc.replace {
			if strings.Count(want, r[0]) != 1 {
				t.Fatalf("%s: %q is not in the file once", tc.file, r[0])
			}
			want = strings.Replace(want, r[0], r[1], 1)
		}
		if out.String() != want {
			t.Errorf("%s: patched file\n%s\nwant\n%s", tc.file, out.String(), want)
		}
		// What a reader takes from the patched file: the new targets.
		r, err := NewReader(XLIFF, bytes.NewReader(out.Bytes()), tc.file, ReaderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for {
			p, err := r.Next()
			if err != nil {
				break
			}
			got[p.ID] = p.Target
		}
		for _, p := range tc.patches {
			if p.Target != nil && got[p.ID] != *p.Target {
				t.Errorf("%s: unit %s reads %q after patching, want %q", tc.file, p.ID, got[p.ID], *p.Target)
			}
		}
	}
}

// FuzzPatchXLIFF: any input either fails to parse or is patched without a panic, and a file
// that parsed still parses (as XML) after patching: with words, with codes (written as the
// unit's own markup, which the fuzzer makes up), and into segmented units.
func FuzzPatchXLIFF(f *testing.F) {
	for _, file := range []string{"../document/testdata/artikel-1.2.xlf", "../document/testdata/artikel-2.1.xlf", "../tm/testdata/tagged/OnTramTest01-startseite.xlf",
		"../document/testdata/okapi-docxsegtest.xlf", "testdata/xliffpatch/okapi-qualitycheck-Test01.xlf", "testdata/xliffpatch/angular-messages.fr.xlf",
		"testdata/xliffpatch/matecat-sample-20.xlf"} {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var patches []XLIFFPatch
		for _, id := range []string{"1", "2", "4", "u1", "u1/s2", "36099", "7", "tu10#0", "tu10#2", "2#s1", "3#s2", "0"} {
			for _, doc := range []string{"artikel.html", "artikel.md", "Offline-Bearbeitung", "", "word/document.xml", "testForSegments", "ng2.template"} {
				patches = append(patches, XLIFFPatch{Doc: doc, ID: id, Target: ptrTo("a & b"), Reviewed: true},
					XLIFFPatch{Doc: doc, ID: id, Target: ptrTo("a b"), TargetTagged: "<x2/>a <g1>&amp; b</g1>", Reviewed: true})
			}
		}
		var out bytes.Buffer
		if _, err := PatchXLIFF(&out, src, patches); err != nil {
			return
		}
		d := xml.NewDecoder(&out)
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("patched file does not parse: %v\n%s", err, out.String())
			}
		}
	})
}

// TestPatchXLIFFAmbiguousKeys: a key two units share names neither — two <file>s without an
// original each holding a unit u1 (valid XLIFF 2.0), 1.2 units without ids — so the decision is
// not written (the reviewer's edit of the second unit went into the first) and comes back
// unmatched.
func TestPatchXLIFFAmbiguousKeys(t *testing.T) {
	for _, src := range []string{
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">` +
			`<file id="f1"><unit id="u1"><segment><source>Der Zug fährt ab.</source><target>The train departs.</target></segment></unit></file>` +
			`<file id="f2"><unit id="u1"><segment><source>Das Schiff legt an.</source><target>The ship docks.</target></segment></unit></file></xliff>`,
		`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" datatype="plaintext"><body>` +
			`<trans-unit><source>Eins.</source><target>One.</target></trans-unit><trans-unit><source>Zwei.</source><target>Two.</target></trans-unit></body></file></xliff>`,
	} {
		doc, id := "", "u1"
		if strings.Contains(src, "1.2") {
			doc, id = "a", ""
		}
		var out bytes.Buffer
		unmatched, err := PatchXLIFF(&out, []byte(src), []XLIFFPatch{{Doc: doc, ID: id, Target: ptrTo("Changed."), Reviewed: true}})
		if err != nil {
			t.Fatal(err)
		}
		if len(unmatched) != 1 || out.String() != src {
			t.Errorf("%d unmatched, file changed %v:\n%s", len(unmatched), out.String() != src, out.String())
		}
	}
}

// TestPatchXLIFFKeepsFinal: accepting a final target leaves it final (1.2 and 2.x), rather than
// lowering it to signed-off or reviewed; an edit of it is a new, reviewed translation.
func TestPatchXLIFFKeepsFinal(t *testing.T) {
	for _, tc := range []struct{ src, id, doc string }{
		{`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" datatype="plaintext"><body><trans-unit id="1"><source>Eins.</source><target state="final">One.</target></trans-unit></body></file></xliff>`, "1", "a"},
		{`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en"><file id="f1" original="a"><unit id="u1"><segment state="final"><source>Eins.</source><target>One.</target></segment></unit></file></xliff>`, "u1", "a"},
	} {
		var out bytes.Buffer
		if _, err := PatchXLIFF(&out, []byte(tc.src), []XLIFFPatch{{Doc: tc.doc, ID: tc.id, Reviewed: true}}); err != nil {
			t.Fatal(err)
		}
		if out.String() != tc.src {
			t.Errorf("accepting a final target changed the file:\n%s", out.String())
		}
		out.Reset()
		if _, err := PatchXLIFF(&out, []byte(tc.src), []XLIFFPatch{{Doc: tc.doc, ID: tc.id, Target: ptrTo("Uno."), Reviewed: true}}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Uno.") || strings.Contains(out.String(), `state="final"`) {
			t.Errorf("an edit of a final target:\n%s", out.String())
		}
	}
}

// TestXLIFFUnfinished: with ReaderOptions.Unfinished an XLIFF target whose state says it is
// not finished (2.x initial, the state translate gives an answer it doubted) is read when it
// holds other words than its source — a review is for those — and a copy of the source is not.
func TestXLIFFUnfinished(t *testing.T) {
	const src = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en"><file id="f1">` +
		`<unit id="u1"><segment state="initial"><source>Der Zug fährt ab.</source><target>The train departs.</target></segment></unit>` +
		`<unit id="u2"><segment state="initial"><source>Das Schiff.</source><target>Das Schiff.</target></segment></unit></file></xliff>`
	for _, unfinished := range []bool{false, true} {
		pairs, err := readAll(XLIFF, []byte(src), nil, ReaderOptions{Unfinished: unfinished})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{false: 0, true: 1}[unfinished]; len(pairs) != want {
			t.Errorf("Unfinished %v: %d pairs, want %d", unfinished, len(pairs), want)
		}
	}
}

// TestXLIFFGettextHeader: translate-toolkit's po2xliff writes a PO file's header as a unit
// (restype x-gettext-domain-header): metadata, not a pair — it was offered for review and
// imported into the memory.
func TestXLIFFGettextHeader(t *testing.T) {
	const src = `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="grep.po" source-language="en-US" datatype="po"><body>` +
		`<trans-unit id="1" restype="x-gettext-domain-header" xml:space="preserve"><source>Project-Id-Version: grep 3.11&#10;</source><target>Project-Id-Version: grep 3.11&#10;</target></trans-unit>` +
		`<trans-unit id="2"><source>Usage: %s [OPTION]... PATTERNS [FILE]...</source><target>Aufruf: %s [OPTION]... MUSTER [DATEI]...</target></trans-unit></body></file></xliff>`
	pairs, err := readAll(XLIFF, []byte(src), nil, ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 1 || pairs[0].ID != "2" {
		t.Errorf("pairs %+v, want unit 2 alone", pairs)
	}
}
