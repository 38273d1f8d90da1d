package corpus

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/fixtures"
)

// validateXLIFFSchema validates an XLIFF 1.2 or 2.0 document against the OASIS schema with
// xmllint, when xmllint and the schemas (testdata/schemas/xliff) are there.
func validateXLIFFSchema(t *testing.T, doc []byte) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Log("xmllint not found (Debian package libxml2-utils): schema validation skipped")
		return
	}
	schema := "xliff-core-1.2-strict.xsd"
	if bytes.Contains(doc, []byte("urn:oasis:names:tc:xliff:document:2.0")) {
		schema = "xliff_core_2.0.xsd"
	}
	var dir string
	t.Run("schema", func(t *testing.T) { dir = fixtures.Dir(t, "schemas/xliff", schema) })
	if dir == "" {
		return
	}
	tmp := t.TempDir()
	for _, f := range []string{schema, "xml.xsd"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		// The schemas import xml.xsd from the W3C's site; tests never touch the network.
		b = bytes.ReplaceAll(b, []byte("http://www.w3.org/2001/xml.xsd"), []byte("xml.xsd"))
		if err := os.WriteFile(filepath.Join(tmp, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(tmp, "patched.xlf")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", filepath.Join(tmp, schema), file).CombinedOutput(); err != nil {
		t.Errorf("the patched file does not validate against %s: %v\n%s", schema, err, out)
	}
}

// pairsByID reads an XLIFF document's pairs by id, unfinished ones too (as review reads).
func pairsByID(t *testing.T, doc []byte) map[string]Pair {
	t.Helper()
	pairs, err := readAll(XLIFF, doc, nil, ReaderOptions{Unfinished: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Pair{}
	for _, p := range pairs {
		out[p.ID] = p
	}
	return out
}

// TestPatchXLIFFKeepsCodes: an edit with inline codes is written back with each code as the
// unit's own markup — Angular's <x id="INTERPOLATION" equiv-text="{{minutes}}"/>, Okapi's
// <bpt>/<ept> and <ph> with their content (the target's <ph>, &lt;BR>, not the source's &lt;br/>),
// a 2.0 <pc> and <ph dataRef> — wherever the reviewer moved it; the file reads back with the
// edit and its codes, and still validates. Before, an edit was written as words: the catalogue
// lost its placeholders.
func TestPatchXLIFFKeepsCodes(t *testing.T) {
	tests := []struct {
		name, file, doc, id string
		before              string // the pair's TargetTagged as read, to be sure of the numbers
		tagged, words       string // the edit
		replace             [][2]string
	}{
		{"Angular placeholder moved", "testdata/xliffpatch/angular-messages.fr.xlf", "ng2.template", "5a134dee893586d02bffc9611056b9cadf9abfad",
			"{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {il y a <x1/> minutes} }",
			"{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {depuis <x1/> minutes} }",
			"{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {depuis  minutes} }",
			[][2]string{{`<target>{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {il y a <x id="INTERPOLATION" equiv-text="{{minutes}}"/> minutes} }</target>`,
				`<target state="signed-off">{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {depuis <x id="INTERPOLATION" equiv-text="{{minutes}}"/> minutes} }</target>`}}},
		{"Angular ICU placeholder first", "testdata/xliffpatch/angular-messages.fr.xlf", "ng2.template", "f99f34ac9bd4606345071bd813858dec29f3b7d1",
			"L'auteur est <x1/>", "<x1/> &amp; co. sont les auteurs", " & co. sont les auteurs",
			[][2]string{{`<target>L'auteur est <x id="ICU" equiv-text="{gender, select, male {...} female {...} other {...}}"/></target>`,
				`<target state="signed-off"><x id="ICU" equiv-text="{gender, select, male {...} female {...} other {...}}"/> &amp; co. sont les auteurs</target>`}}},
		{"Okapi bpt/ept and ph", "testdata/xliffpatch/okapi-qualitycheck-Test01.xlf", "testForSegments", "7",
			"<g1>TrgSentence</g1> of p7 <x2/>.", "<x2/> <g1>Phrase</g1> 1 du p7.", " Phrase 1 du p7.",
			[][2]string{{`<target xml:lang="fr"><bpt id='1'>&lt;b></bpt>TrgSentence<ept id='1'>&lt;/b></ept> of p7 <ph id="1">&lt;BR></ph>.</target>`,
				`<target xml:lang="fr" state="signed-off"><ph id="1">&lt;BR></ph> <bpt id='1'>&lt;b></bpt>Phrase<ept id='1'>&lt;/b></ept> 1 du p7.</target>`}}},
		{"XLIFF 2.0 pc", "testdata/xliffpatch/matecat-sample-20.xlf", "389108a4-rtapi.xml", "u1",
			"<g1>Bonjour le Monde !</g1>", "<g1>Salut</g1> le monde !", "Salut le monde !",
			[][2]string{{`<segment id="s1">`, `<segment id="s1" state="reviewed">`},
				{"<target>\n                    <pc id=\"1\">Bonjour le <mrk id=\"m1\" type=\"term\">Monde</mrk> !</pc>\n                </target>",
					`<target><pc id="1">Salut</pc> le monde !</target>`}}},
		{"XLIFF 2.0 ph dataRef into an empty target", "testdata/xliffpatch/matecat-rtapi-en_us-bn_bd.xlf", "7cf155ce-rtapi.xml", "0",
			"", "আপনি কি <x2/> থেকে <x1/> সংগ্রহ করেছেন?", "আপনি কি  থেকে  সংগ্রহ করেছেন?",
			[][2]string{{`<segment id="0" state="initial">`, `<segment id="0" state="reviewed">`},
				{`<target></target>`, `<target>আপনি কি <ph id="source2" dataRef="source2"/> থেকে <ph id="source1" dataRef="source1"/> সংগ্রহ করেছেন?</target>`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if tc.before != "" {
				if got := pairsByID(t, src)[tc.id].TargetTagged; got != tc.before {
					t.Fatalf("the pair reads %q before, want %q", got, tc.before)
				}
			}
			var out bytes.Buffer
			unmatched, err := PatchXLIFF(&out, src, []XLIFFPatch{{Doc: tc.doc, ID: tc.id, Target: ptrTo(tc.words), TargetTagged: tc.tagged, Reviewed: true}})
			if err != nil || len(unmatched) > 0 {
				t.Fatalf("unmatched %v, %v", unmatched, err)
			}
			want := string(src)
			for _, r := range tc.replace {
				if strings.Count(want, r[0]) != 1 {
					t.Fatalf("%q is not in the file once", r[0])
				}
				want = strings.Replace(want, r[0], r[1], 1)
			}
			if out.String() != want {
				t.Errorf("patched file:\n%s\nwant:\n%s", out.String(), want)
			}
			// (The reader drops white space at the edges across codes: "<x2/> <g1>…" reads
			// "<x2/><g1>…"; the file keeps it.)
			if got := pairsByID(t, out.Bytes())[tc.id]; got.TargetTagged != trimTagged(tc.tagged) {
				t.Errorf("reads back %q, want %q", got.TargetTagged, trimTagged(tc.tagged))
			}
			validateXLIFFSchema(t, out.Bytes())
		})
	}
}

// TestPatchXLIFFRefusesForeignCodes: an edit whose codes the unit does not have (a number it
// lacks, a paired code written standalone or the other way round, pairs that do not nest,
// a pair opened twice) cannot be written with the unit's markup: it comes back unmatched and
// the file is unchanged, rather than written with codes made up or without them. An edit
// without codes is written as its words.
func TestPatchXLIFFRefusesForeignCodes(t *testing.T) {
	src, err := os.ReadFile("testdata/xliffpatch/okapi-qualitycheck-Test01.xlf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tagged := range []string{
		"<x9/> Phrase 1 du p7.",          // not a code of the unit
		"<g2>Phrase</g2> 1 du p7.",       // 2 is the standalone <ph>
		"<x1/>Phrase 1 du p7.",           // 1 is the <bpt>/<ept> pair
		"<g1>Phrase 1 du p7. <x2/>",      // never closed
		"Phrase</g1> 1 <g1>du</g1> p7.",  // closed before opened
		"<g1>Ph</g1><g1>rase</g1> 1 du.", // opened twice
	} {
		var out bytes.Buffer
		unmatched, err := PatchXLIFF(&out, src, []XLIFFPatch{{Doc: "testForSegments", ID: "7", Target: ptrTo("Phrase 1 du p7."), TargetTagged: tagged, Reviewed: true}})
		if err != nil {
			t.Fatal(err)
		}
		if len(unmatched) != 1 || !bytes.Equal(out.Bytes(), src) {
			t.Errorf("%q: %d unmatched, file changed %v", tagged, len(unmatched), !bytes.Equal(out.Bytes(), src))
		}
	}
	var out bytes.Buffer
	if _, err := PatchXLIFF(&out, src, []XLIFFPatch{{Doc: "testForSegments", ID: "7", Target: ptrTo("Phrase 1 du p7 <sans codes>."), TargetTagged: "Phrase 1 du p7 &lt;sans codes>.", Reviewed: true}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `<target xml:lang="fr" state="signed-off">Phrase 1 du p7 &lt;sans codes&gt;.</target>`) {
		t.Errorf("an edit without codes:\n%s", out.String())
	}
}

// TestCodeMarkupEmptyWrap: a paired code written as an empty element (<g id="1"/>, which
// Okapi writes for formatting around nothing) is written around the words an edit puts in
// it, as a start and an end tag.
func TestCodeMarkupEmptyWrap(t *testing.T) {
	codes, err := unitCodes([]byte(`<source xml:lang="en">Text <g id="1" ctype="bold"/> here.</source>`), nil, false)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := codes.content("Texte <g1>ici</g1>.")
	if want := `Texte <g id="1" ctype="bold">ici</g>.`; !ok || got != want {
		t.Errorf("content = %q, %v; want %q", got, ok, want)
	}
}

// TestXLIFFCodes: the markup of each pair's codes by number, as the file writes them — for a
// reviewer to tell placeholders apart.
func TestXLIFFCodes(t *testing.T) {
	src, err := os.ReadFile("testdata/xliffpatch/okapi-qualitycheck-Test01.xlf")
	if err != nil {
		t.Fatal(err)
	}
	got, err := XLIFFCodes(src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{1: "<bpt id='1'>&lt;b></bpt>", 2: `<ph id="1">&lt;BR></ph>`}
	if m := got[XLIFFKey{"testForSegments", "7"}]; len(m) != 2 || m[1] != want[1] || m[2] != want[2] {
		t.Errorf("unit 7's codes %v, want %v", m, want)
	}
	if _, ok := got[XLIFFKey{"testForSegments", "3#s1"}]; ok || len(got) != 2 {
		t.Errorf("pairs with codes: %v, want units 6 and 7", got)
	}
}

// TestPatchXLIFFRoundTrip: every pair of real files written back as the reader gave it (its
// words and tagged text, as a review that edits nothing but the codes' places would) is taken
// and reads back the same, codes and all — whole units, 2.0 segments and the sentences of
// segmented units.
func TestPatchXLIFFRoundTrip(t *testing.T) {
	for _, file := range []string{"testdata/xliffpatch/angular-messages.fr.xlf", "testdata/xliffpatch/okapi-qualitycheck-Test01.xlf",
		"testdata/xliffpatch/matecat-sample-20.xlf", "../document/testdata/okapi-docxsegtest.xlf", "../tm/testdata/tagged/OnTramTest01-startseite.xlf",
		"../document/testdata/windows/okapi-omegatpack-test01.properties.xlf", "../document/testdata/artikel-2.1.xlf"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		before := pairsByID(t, src)
		var patches []XLIFFPatch
		for _, p := range before {
			patches = append(patches, XLIFFPatch{Doc: p.Doc, ID: p.ID, Target: ptrTo(p.Target), TargetTagged: p.TargetTagged, Reviewed: true})
		}
		var out bytes.Buffer
		unmatched, err := PatchXLIFF(&out, src, patches)
		if err != nil || len(unmatched) > 0 {
			t.Fatalf("%s: unmatched %+v, %v", file, unmatched, err)
		}
		after := pairsByID(t, out.Bytes())
		for id, p := range before {
			if a := after[id]; a.Target != p.Target || a.TargetTagged != p.TargetTagged {
				t.Errorf("%s: %s reads back %q (%q), was %q (%q)", file, id, a.Target, a.TargetTagged, p.Target, p.TargetTagged)
			}
		}
	}
}
