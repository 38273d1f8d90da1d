package tm

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/google/go-cmp/cmp"
)

// codeMarkup is the markup of a side's codes in the order its tagged text holds them.
func codeMarkup(p corpus.Pair, target bool) []string {
	tagged, codes := p.SourceTagged, p.Codes
	if target {
		tagged = p.TargetTagged
		codes = append(append([]document.Code(nil), p.TargetCodes...), p.Codes...) // the target's own first
	}
	var out []string
	for _, piece := range document.Pieces(tagged) {
		if piece.Kind == document.PieceText || piece.Kind == document.PieceClose {
			continue
		}
		for _, c := range codes {
			if c.ID == piece.ID {
				out = append(out, c.Open+"|"+c.Close)
				break
			}
		}
	}
	return out
}

// TestExportKeepsEachSidesCodes: a real CAT tool's units imported and exported again keep each
// side's own codes' markup, in their places, and each unit is exported once. A pair kept one
// table of codes, the source's: the French side came back with the English ALT text, Okapi's
// German <ut> with the English content; and the words entry of that unit, glued across the
// code ("Zur Fortsetzungdes Verfahrens"), was exported as a unit of its own.
func TestExportKeepsEachSidesCodes(t *testing.T) {
	for _, f := range []taggedFixture{
		{"ImportTest2C.tmx", "en", "fr"},
		{"Paragraph_TM.tmx", "de", "en"},
		{"ExportTest2A.tmx", "en", "fr"},
	} {
		t.Run(f.name, func(t *testing.T) {
			db := openTemp(t)
			importFixture(t, db, f)
			exported := exportAll(t, db)
			checked := 0
			for _, p := range readFixture(t, f) {
				if forms, _ := documentForms(p); len(forms) == 0 {
					continue
				}
				checked++
				found := false
				for _, e := range exported {
					if spaceless(e.Source) != spaceless(p.Source) || spaceless(e.Target) != spaceless(p.Target) {
						continue
					}
					if e.SourceTagged == "" {
						t.Errorf("%q: its words exported as a unit of their own: %q → %q", p.SourceTagged, e.Source, e.Target)
						continue
					}
					found = found || cmp.Equal(codeMarkup(p, false), codeMarkup(e, false)) && cmp.Equal(codeMarkup(p, true), codeMarkup(e, true))
				}
				if !found {
					t.Errorf("%q → %q: no unit exported with its codes' markup %q → %q", p.SourceTagged, p.TargetTagged, codeMarkup(p, false), codeMarkup(p, true))
				}
			}
			if checked == 0 {
				t.Fatal("no unit with codes checked")
			}
			validateTMX14(t, []byte(exportedTMXLangs(t, exported, f.src, f.tgt)))
		})
	}
}

// validateTMX14 checks TMX against the TMX 1.4b DTD with xmllint (Debian: libxml2-utils), as
// package corpus's tests do; without xmllint it checks nothing.
func validateTMX14(t *testing.T, doc []byte) {
	t.Helper()
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		return
	}
	dtd, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "dtd", "tmx14.dtd"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tmx14.dtd"), dtd, 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "out.tmx")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(lint, "--noout", "--valid", "--nonet", file).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("not valid TMX 1.4b (%v):\n%s", err, out)
	}
}

// translatedXLIFF is XLIFF as bitext translate writes it (units of its output for the CAT
// reviewer's de12.xlf, a model that echoed its German sources): machine output is
// state-qualifier="leveraged-mt", an answer the checks doubted needs-review-translation; a
// segmented unit (<mrk mtype="seg">) says it of all its sentences. The final and signed-off
// units are people's.
const translatedXLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="ui.properties" source-language="de-DE" target-language="en-US" datatype="plaintext">
  <body>
   <trans-unit id="2">
    <source>Die <g id="1" ctype="bold">neue</g> Seite<x id="2" ctype="lb"/>.</source>
    <target state="needs-review-translation" state-qualifier="leveraged-mt">Die <g id="1" ctype="bold">neue</g> Seite<x id="2" ctype="lb"/>.</target>
   </trans-unit>
   <trans-unit id="6"><source>Die Seite</source><target state="final">The final page</target></trans-unit>
   <trans-unit id="7"><source>Die Datei</source><target state="signed-off">The signed file</target></trans-unit>
   <trans-unit id="8"><source>Die Seite</source><target state="needs-review-translation" state-qualifier="leveraged-mt">Die Seite</target></trans-unit>
   <trans-unit id="14"><source>Die Welt</source><seg-source><mrk mtype="seg" mid="1">Die Welt</mrk></seg-source><target state="needs-review-translation" state-qualifier="leveraged-mt"><mrk mtype="seg" mid="1">Die Welt</mrk></target></trans-unit>
   <trans-unit id="17"><source>Öffnen</source><target state="translated" state-qualifier="leveraged-mt">Öffnen</target></trans-unit>
   <trans-unit id="19"><source>Der Satz</source><target state="needs-review-translation">The sentence</target></trans-unit>
  </body>
 </file>
</xliff>
`

// TestImportLeavesOutMachineOutput: tm import of bitext's own translated XLIFF does not make
// its machine output, nor drafts awaiting review, people's translations: imported so, the
// echoed "Die Seite" answered every later request for "Die Seite" ahead of any provider. The
// final and signed-off units are imported; with a provider named (--provider-scoped) the
// machine output is that provider's, and --reviewed takes a needs-review draft as checked but
// never a machine's target, a segmented unit's sentences included.
func TestImportLeavesOutMachineOutput(t *testing.T) {
	read := func() corpus.Reader {
		r, err := corpus.NewReader(corpus.XLIFF, strings.NewReader(translatedXLIFF), "g.xlf", corpus.ReaderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	k := func(source string) Key {
		return Key{Provider: "openai", Model: "gpt-4o-mini", SourceLang: "de", TargetLang: "en", Source: source, PromptVersion: "1"}
	}

	db := openTemp(t)
	res, err := db.ImportPairs(ctx, read(), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Read != 7 || res.Stored != 2 || res.Unreviewed != 5 || !strings.Contains(res.String(), "5 not imported as people's translations") {
		t.Errorf("import: %s (%+v)", res, res)
	}
	for source, want := range map[string]string{"Die Seite": "The final page", "Die Datei": "The signed file"} {
		if got, ok, err := db.Lookup(ctx, k(source)); err != nil || !ok || got != want {
			t.Errorf("lookup %q = %q, %v, %v; want %q", source, got, ok, err, want)
		}
	}
	for _, source := range []string{"Die Welt", "Öffnen", "Der Satz", "Die neue Seite."} {
		if got, ok, err := db.Lookup(ctx, k(source)); err != nil || ok {
			t.Errorf("lookup %q = %q, %v, %v; want no entry", source, got, ok, err)
		}
	}

	scoped := openTemp(t)
	res, err = scoped.ImportPairs(ctx, read(), ImportOptions{ProviderScoped: true, Provider: "openai"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Unreviewed != 0 || res.Read-res.Skipped != 7 {
		t.Errorf("provider-scoped import: %s (%+v)", res, res)
	}

	reviewed := openTemp(t)
	res, err = reviewed.ImportReviewed(ctx, read(), ImportOptions{}, "anna")
	if err != nil {
		t.Fatal(err)
	}
	if res.Machine != 4 || res.Stored != 3 {
		t.Errorf("reviewed import: %s (%+v)", res, res)
	}
	_, found, err := reviewed.LookupReviewedMany(ctx, []Key{{SourceLang: "de", TargetLang: "en", Source: "Die Welt"}, {SourceLang: "de", TargetLang: "en", Source: "Der Satz"}})
	if err != nil || found[0] || !found[1] {
		t.Errorf("reviewed entries found %v (%v); want the needs-review draft's only", found, err)
	}
}
