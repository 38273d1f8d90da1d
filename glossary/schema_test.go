package glossary

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/fixtures"
)

// The official schemas (testdata/schemas/tbx, see SOURCES.md there) validate what Write
// produces: TBX-Basic v3 against the TBX core RNG, the older integrated TBX-Basic RNG and the
// TBX-Basic DCA Schematron; TBX-Basic v2 against the DOCTYPE it declares (TBXcoreStructV02.dtd),
// the TBX-Basic core structure DTD and the TBX-Basic v2 RNG. The validators are Debian's
// xmllint (libxml2-utils) and xsltproc running the ISO Schematron skeleton; tests skip with a
// message where they are missing.

func schemaDir(tb testing.TB) string { return fixtures.Dir(tb, "schemas/tbx", "v3/TBX-Basic_DCA.sch") }

// needTools skips the test when a validator is not installed.
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian: apt-get install libxml2-utils xsltproc translate-toolkit); skipping the check by a TBX reader or validator nobody here wrote", tool)
		}
	}
}

// run runs a validator without network access and returns its combined output.
func run(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	return string(out), err
}

// schematronXSLT compiles the TBX-Basic DCA Schematron into an XSLT 1.0 validator with the ISO
// skeleton. The shipped schema declares queryBinding="xslt2" and uses three XPath 2.0 forms
// that xsltproc (XSLT 1.0) lacks; they are rewritten to XPath 1.0 equivalents first, and the
// test fails if the schema changes so that a rewrite no longer applies:
//
//   - queryBinding="xslt2" → "xslt";
//   - matches(@target,'https?://.+') → starts-with(@target,'http://') or starts-with(@target,'https://');
//   - ./local-name() (a function as a path step) → local-name(), the same node in context.
func schematronXSLT(t *testing.T) string {
	t.Helper()
	sch, err := os.ReadFile(filepath.Join(schemaDir(t), "v3", "TBX-Basic_DCA.sch"))
	if err != nil {
		t.Fatal(err)
	}
	sch = bytes.TrimPrefix(sch, []byte("\ufeff"))
	for _, r := range []struct{ old, new string }{
		{`queryBinding="xslt2"`, `queryBinding="xslt"`},
		{`matches(@target,'https?://.+')`, `(starts-with(@target,'http://') or starts-with(@target,'https://'))`},
		{`./local-name()`, `local-name()`},
	} {
		if !bytes.Contains(sch, []byte(r.old)) {
			t.Fatalf("TBX-Basic_DCA.sch no longer contains %s; update the XSLT 1.0 rewrite", r.old)
		}
		sch = bytes.ReplaceAll(sch, []byte(r.old), []byte(r.new))
	}
	if regexp.MustCompile(`\bmatches\(|\breplace\(|\btokenize\(`).Match(sch) {
		t.Fatal("TBX-Basic_DCA.sch uses XPath 2.0 functions the rewrite does not cover")
	}
	dir := t.TempDir()
	schFile := filepath.Join(dir, "dca-xslt1.sch")
	if err := os.WriteFile(schFile, sch, 0o644); err != nil {
		t.Fatal(err)
	}
	xsl := filepath.Join(dir, "dca.xsl")
	out, err := run(t, "xsltproc", "--nonet", "-o", xsl, filepath.Join(schemaDir(t), "schematron", "iso_svrl_for_xslt1.xsl"), schFile)
	if err != nil {
		t.Fatalf("compiling the Schematron: %v\n%s", err, out)
	}
	return xsl
}

var failedAssert = regexp.MustCompile(`(?s)<svrl:(failed-assert|successful-report)\b.*?<svrl:text>(.*?)</svrl:text>`)

// schematronFindings runs the compiled Schematron over file and returns its failed asserts.
func schematronFindings(t *testing.T, xsl, file string) []string {
	t.Helper()
	out, err := run(t, "xsltproc", "--nonet", xsl, file)
	if err != nil {
		t.Fatalf("schematron on %s: %v\n%s", file, err, out)
	}
	if !strings.Contains(out, "schematron-output") {
		t.Fatalf("schematron on %s produced no SVRL report:\n%s", file, out)
	}
	var fs []string
	for _, m := range failedAssert.FindAllStringSubmatch(out, -1) {
		fs = append(fs, strings.Join(strings.Fields(m[2]), " "))
	}
	return fs
}

// schemaGlossary has every construct the writers know, including the awkward ones: markup
// characters, an entry without a source, one without any rendering, settings on entries of
// every kind.
func schemaGlossary(t *testing.T) *Glossary {
	t.Helper()
	g := seed(t)
	extra := []*Entry{
		{Source: "AT&T <Konzern>", Target: `"AT&T" group`, Note: `a < b & "c"`, Match: MatchExact, CaseSensitive: true},
		{Source: "nato", Target: "NATO", CaseSensitive: true},
		{Source: "EU", Target: "EU", DoNotTranslate: true, CaseSensitive: false, Match: MatchCompound},
		{Source: "", Target: "orphan target", Variants: []string{"orphan variant"}},
		{Source: "Kreml", Match: MatchStem},
	}
	all := append(append([]*Entry{}, g.Entries...), extra...)
	return New(all)
}

func writeTemp(t *testing.T, dir, name string, g *Glossary, f Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, g, f); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWrittenTBXv3IsValidTBXBasic(t *testing.T) {
	needTools(t, "xmllint", "xsltproc")
	dir := t.TempDir()
	files := []string{
		writeTemp(t, dir, "written.tbx", schemaGlossary(t), TBX),
		"../testdata/glossary/seed.tbx",
	}
	xsl := schematronXSLT(t)
	for _, f := range files {
		for _, rng := range []string{"TBXcoreStructV03.rng", "TBXcoreStructV03_TBX-Basic_integrated.rng"} {
			if out, err := run(t, "xmllint", "--noout", "--nonet", "--relaxng", filepath.Join(schemaDir(t), "v3", rng), f); err != nil {
				t.Errorf("%s fails %s: %v\n%s", f, rng, err, out)
			}
		}
		if fs := schematronFindings(t, xsl, f); len(fs) > 0 {
			t.Errorf("%s fails the TBX-Basic Schematron (%d asserts): %q", f, len(fs), fs)
		}
	}
}

// TestSchematronRunnerCatchesCustomTermNotes is the control for the test above: the rewritten
// Schematron still rejects what bitext used to write (termNote type="x-match"), so a silent
// runner cannot make the written files pass.
func TestSchematronRunnerCatchesCustomTermNotes(t *testing.T) {
	needTools(t, "xmllint", "xsltproc")
	old := `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>old bitext</p></sourceDesc></fileDesc></tbxHeader>
  <text><body><conceptEntry id="c1">
    <langSec xml:lang="de"><termSec><term>Ministerium</term><termNote type="x-match">compound</termNote></termSec></langSec>
    <langSec xml:lang="en"><termSec><term>ministry</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
  </conceptEntry></body></text>
</tbx>
`
	f := filepath.Join(t.TempDir(), "old.tbx")
	os.WriteFile(f, []byte(old), 0o644)
	fs := schematronFindings(t, schematronXSLT(t), f)
	if len(fs) != 1 || !strings.Contains(fs[0], "Permitted type value(s): administrativeStatus") {
		t.Errorf("findings %q, want the one termNote type assert", fs)
	}
}

func TestWrittenTBXv2IsValid(t *testing.T) {
	needTools(t, "xmllint")
	dir := t.TempDir()
	f := writeTemp(t, dir, "written.tbx", schemaGlossary(t), TBX2)
	seedCopy := filepath.Join(dir, "seed-v2.tbx")
	b, err := os.ReadFile("../testdata/glossary/seed-v2.tbx")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(seedCopy, b, 0o644)
	// The DOCTYPE names TBXcoreStructV02.dtd as a relative system identifier, as the TBX
	// Checker and TBX-Basic's samples do: next to the file, --valid resolves it.
	dtd, err := os.ReadFile(filepath.Join(schemaDir(t), "v2", "TBXcoreStructV02.dtd"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "TBXcoreStructV02.dtd"), dtd, 0o644)
	for _, p := range []string{f, seedCopy} {
		head, _ := os.ReadFile(p)
		for _, want := range []string{`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`, `<p type="XCSURI">TBXBasicXCSV02.xcs</p>`, `<martif type="TBX-Basic"`} {
			if !bytes.Contains(head, []byte(want)) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
		checks := [][]string{
			{"--noout", "--nonet", "--valid", p},
			{"--noout", "--nonet", "--dtdvalid", filepath.Join(schemaDir(t), "v2", "TBXBasiccoreStructV02.dtd"), p},
			{"--noout", "--nonet", "--relaxng", filepath.Join(schemaDir(t), "v2", "TBXBasicRNGV02.rng"), p},
		}
		for _, args := range checks {
			if out, err := run(t, "xmllint", args...); err != nil {
				t.Errorf("xmllint %s: %v\n%s", strings.Join(args, " "), err, out)
			}
		}
	}
}

// TestTBXSettingsRoundTrip checks that what TBX-Basic has no data category for (match mode,
// case, do-not-translate) comes back from both TBX versions as it went in.
func TestTBXSettingsRoundTrip(t *testing.T) {
	g := schemaGlossary(t)
	for _, f := range []Format{TBX, TBX2} {
		var b strings.Builder
		if err := Write(&b, g, f); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), `type="x-`) {
			t.Errorf("%s: custom termNote types in the output", f)
		}
		back, err := Parse(strings.NewReader(b.String()), "x", f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want := comparable(g.Entries)
		got := comparable(back.Entries)
		if len(want) != len(got) {
			t.Fatalf("%s: %d entries back, want %d", f, len(got), len(want))
		}
		for i := range want {
			w, g := want[i], got[i]
			if w.Source != g.Source || w.Target != g.Target || w.Match != g.Match || w.CaseSensitive != g.CaseSensitive ||
				w.DoNotTranslate != g.DoNotTranslate || w.Note != g.Note ||
				strings.Join(w.Variants, "|") != strings.Join(g.Variants, "|") || strings.Join(w.Forbidden, "|") != strings.Join(g.Forbidden, "|") {
				t.Errorf("%s entry %d:\n got %+v\nwant %+v", f, i, g, w)
			}
		}
	}
}

// TestTranslateToolkitReadsTBXv2: translate-toolkit's tbx2po (Debian translate-toolkit), a
// TBX reader nobody here wrote, reads the v2 file Write produces with every entry as source →
// required target.
func TestTranslateToolkitReadsTBXv2(t *testing.T) {
	needTools(t, "tbx2po")
	g := seed(t)
	dir := t.TempDir()
	in := writeTemp(t, dir, "seed.tbx", g, TBX2)
	po := filepath.Join(dir, "seed.po")
	if out, err := run(t, "tbx2po", "--progress=none", in, po); err != nil {
		t.Fatalf("tbx2po: %v\n%s", err, out)
	}
	data, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	got := poPairs(string(data))
	var want [][2]string
	for _, e := range g.Entries {
		want = append(want, [2]string{e.Source, e.Target})
	}
	if len(got) != len(want) {
		t.Fatalf("tbx2po read %d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: tbx2po reads %q, want %q", i+1, got[i], want[i])
		}
	}
}

// poPairs returns the msgid/msgstr pairs of a PO file, without the header entry. It reads what
// tbx2po writes: one quoted string per line, continued on following quoted lines.
func poPairs(po string) [][2]string {
	unquote := func(s string) string {
		s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), `"`), `"`)
		return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n", `\t`, "\t").Replace(s)
	}
	var out [][2]string
	var id, str *strings.Builder
	var cur *strings.Builder
	flush := func() {
		if id != nil && str != nil && id.Len() > 0 {
			out = append(out, [2]string{id.String(), str.String()})
		}
		id, str, cur = nil, nil, nil
	}
	for _, line := range strings.Split(po, "\n") {
		switch {
		case strings.HasPrefix(line, "msgid "):
			flush()
			id = &strings.Builder{}
			cur = id
			cur.WriteString(unquote(strings.TrimPrefix(line, "msgid ")))
		case strings.HasPrefix(line, "msgstr "):
			str = &strings.Builder{}
			cur = str
			cur.WriteString(unquote(strings.TrimPrefix(line, "msgstr ")))
		case strings.HasPrefix(line, `"`) && cur != nil:
			cur.WriteString(unquote(line))
		}
	}
	flush()
	return out
}
