package corpus

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPatchXLIFFSegmented: the decisions on the sentences of units segmented by <seg-source>
// (Okapi Rainbow's .docx extraction, Okapi's quality-check test file) are written into the
// target's <mrk mtype="seg"> of each sentence, codes as the unit writes them: a unit whose
// sentences are all decided is signed off, one partly decided keeps its state; a sentence's
// <mrk> is found whatever its place in the target; a unit without a target gets one that
// mirrors <seg-source>. Every other byte stays, the file validates (where the original does)
// and reads back with the decisions. Before, no decision on such a unit was written at all
// (every patch came back unmatched, Stats.NotWritten in review).
func TestPatchXLIFFSegmented(t *testing.T) {
	tests := []struct {
		file, doc string
		patches   []XLIFFPatch
		replace   [][2]string
		valid     bool // the original validates against the XLIFF 1.2 strict schema
	}{
		{"../document/testdata/okapi-docxsegtest.xlf", "word/document.xml",
			[]XLIFFPatch{
				{ID: "tu10#0", Target: ptrTo("Il y a une phrase ici."), TargetTagged: "Il y a une <g1>phrase</g1> ici.", Reviewed: true},
				{ID: "tu10#1", Reviewed: true},
				{ID: "tu10#2", Target: ptrTo("Et une troisième ici (ligne suivante)."), TargetTagged: "Et une troisième <g4>ici (ligne suivante).</g4>", Reviewed: true},
				{ID: "tu9#1", Target: ptrTo("C'est la deuxième phrase de ce paragraphe & la dernière <non>."), Reviewed: true},
			},
			[][2]string{
				{`<mrk mid="1" mtype="seg">This is the second sentence in this paragraph.</mrk> <mrk mid="2" mtype="seg">This one is the third.</mrk></target>`,
					`<mrk mid="1" mtype="seg">C'est la deuxième phrase de ce paragraphe &amp; la dernière &lt;non&gt;.</mrk> <mrk mid="2" mtype="seg">This one is the third.</mrk></target>`},
				{`<target xml:lang="fr"><mrk mid="0" mtype="seg">There is one <g id="1">sentence</g> here.</mrk>`,
					`<target xml:lang="fr" state="signed-off"><mrk mid="0" mtype="seg">Il y a une <g id="1">phrase</g> ici.</mrk>`},
				{`<mrk mid="2" mtype="seg">And there is a third one<g id="4">here (next line).</g></mrk></target>`,
					`<mrk mid="2" mtype="seg">Et une troisième <g id="4">ici (ligne suivante).</g></mrk></target>`},
			}, false},
		{"testdata/xliffpatch/okapi-qualitycheck-Test01.xlf", "testForSegments",
			[]XLIFFPatch{
				{ID: "2#s2", Target: ptrTo("Phrase 2 p2."), Reviewed: true},
				{ID: "3#s1", Target: ptrTo("Phrase 1© du p3."), Reviewed: true},
				{ID: "3#s2", Reviewed: true},
				{ID: "5#s1", Target: ptrTo("Phrase 1© du p5."), Reviewed: true},
			},
			[][2]string{
				{"<mrk mtype=\"seg\" mid=\"s2\">Sentence 2 p2.</mrk></seg-source>\r\n",
					"<mrk mtype=\"seg\" mid=\"s2\">Sentence 2 p2.</mrk></seg-source>\r\n<target><mrk mtype=\"seg\" mid=\"s1\"></mrk> <mrk mtype=\"seg\" mid=\"s2\">Phrase 2 p2.</mrk></target>\r\n"},
				{`<target xml:lang="fr"><mrk mtype="seg" mid="s1">TrgSentence 1© of p3.</mrk>`,
					`<target xml:lang="fr" state="signed-off"><mrk mtype="seg" mid="s1">Phrase 1© du p3.</mrk>`},
				{`<mrk mtype="seg" mid="s1">Swapped TrgSentence 1© of p5.</mrk>`, `<mrk mtype="seg" mid="s1">Phrase 1© du p5.</mrk>`},
			}, true},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			src, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			for i := range tc.patches {
				tc.patches[i].Doc = tc.doc
			}
			var out bytes.Buffer
			unmatched, err := PatchXLIFF(&out, src, tc.patches)
			if err != nil || len(unmatched) > 0 {
				t.Fatalf("unmatched %+v, %v", unmatched, err)
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
			got := pairsByID(t, out.Bytes())
			for _, p := range tc.patches {
				if p.Target == nil {
					continue
				}
				g := got[p.ID]
				if g.Target != *p.Target || p.TargetTagged != "" && g.TargetTagged != p.TargetTagged {
					t.Errorf("%s reads back %q (%q), want %q (%q)", p.ID, g.Target, g.TargetTagged, *p.Target, p.TargetTagged)
				}
			}
			if tc.valid {
				validateXLIFFSchema(t, out.Bytes())
			}
			toolkitReadsTargets(t, out.Bytes(), tc.patches)
		})
	}
}

// toolkitReadsTargets checks with translate-toolkit's XLIFF reader (translate.storage.xliff,
// behind its xliff2po), when installed, that each edited sentence is in its unit's target.
func toolkitReadsTargets(t *testing.T, doc []byte, patches []XLIFFPatch) {
	t.Helper()
	py := needToolkit(t)
	file := filepath.Join(t.TempDir(), "patched.xlf")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	const prog = `
import json, sys
from translate.storage import xliff
with open(sys.argv[1], "rb") as f:
    store = xliff.xlifffile(f.read())
json.dump({u.getid().split("\x04")[-1]: u.target for u in store.units}, sys.stdout, ensure_ascii=False)
`
	b, err := exec.Command(py, "-c", prog, file).Output()
	if err != nil {
		t.Fatalf("translate-toolkit: %v", err)
	}
	var targets map[string]string
	if err := json.Unmarshal(b, &targets); err != nil {
		t.Fatal(err)
	}
	for _, p := range patches {
		unit, _, _ := strings.Cut(p.ID, "#")
		if p.Target != nil && !strings.Contains(targets[unit], *p.Target) {
			t.Errorf("translate-toolkit reads unit %s's target as %q, without %q", unit, targets[unit], *p.Target)
		}
	}
}

// TestPatchXLIFFSegmentMissing: a decision on a sentence whose <mrk> the target lacks (Okapi's
// quality-check file with unit 3's first sentence taken out of its target, as a tool that
// left it untranslated writes it) gets a <mrk> of its own, placed as in <seg-source>; with the
// other sentence accepted the unit is signed off.
func TestPatchXLIFFSegmentMissing(t *testing.T) {
	orig, err := os.ReadFile("testdata/xliffpatch/okapi-qualitycheck-Test01.xlf")
	if err != nil {
		t.Fatal(err)
	}
	const cut = `<mrk mtype="seg" mid="s1">TrgSentence 1© of p3.</mrk> `
	src := bytes.Replace(orig, []byte(cut), nil, 1)
	if bytes.Equal(src, orig) {
		t.Fatal("the test file changed")
	}
	var out bytes.Buffer
	unmatched, err := PatchXLIFF(&out, src, []XLIFFPatch{
		{Doc: "testForSegments", ID: "3#s1", Target: ptrTo("Phrase 1© du p3."), Reviewed: true},
		{Doc: "testForSegments", ID: "3#s2", Reviewed: true},
	})
	if err != nil || len(unmatched) > 0 {
		t.Fatalf("unmatched %+v, %v", unmatched, err)
	}
	want := strings.Replace(string(orig), `<target xml:lang="fr"><mrk mtype="seg" mid="s1">TrgSentence 1© of p3.</mrk>`,
		`<target xml:lang="fr" state="signed-off"><mrk mtype="seg" mid="s1">Phrase 1© du p3.</mrk>`, 1)
	if out.String() != want {
		t.Errorf("patched file:\n%s\nwant:\n%s", out.String(), want)
	}
	validateXLIFFSchema(t, out.Bytes())
}
