package glossary

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/fixtures"
)

// Real TBX files from public test suites (testdata/interop/tbx, sources and licences in
// SOURCES.md there) are read in the languages each one has, and what the reader saw is
// compared with an independent reading by libxml2: the number of concepts
// (xmllint --xpath count(termEntry|conceptEntry)), the number of terms, and every term's
// language and text (xsltproc listing them with normalize-space). The tools are Debian's
// libxml2-utils and xsltproc; the comparison is skipped with a message where they are missing,
// the reading itself is not.

func interopDir(tb testing.TB) string { return fixtures.Dir(tb, "interop/tbx", "okapi-test01.tbx") }

var interopFiles = []struct {
	file     string
	src, tgt string
	// entries the glossary gets: one per source-language term that is not deprecated,
	// superseded or obsolete (administrativeStatus, TBX-Min's usageStatus), one for a concept
	// without any; checked by hand with a separate Python xml.etree count.
	entries int
	first   string // the first entry's source and target, "source → target"
}{
	{"byutrg-TBX-basic-sample-v2.tbx", "en", "fr", 7, "e-mail → courriel"},
	{"byutrg-TBX-basic-sample-v3.tbx", "en", "fr", 7, "e-mail → courriel"},
	{"ltac-basic-Example_Astronomy_DCA_VALID.tbx", "en", "es", 59, "open cluster → cúmulo abierto"},
	{"ltac-basic-Example_Astronomy_DCT_VALID.tbx", "en", "es", 59, "open cluster → cúmulo abierto"},
	{"ltac-tests-core_structure_good.tbx", "en", "es", 61, "open cluster → cúmulo abierto"},
	{"ltac-tests-min_good.tbx", "en", "es", 59, "open cluster → cúmulo abierto"},
	{"okapi-ibm_tbx.tbx", "en", "fr", 6, ""},
	{"okapi-maryland.tbx", "fr", "it", 3, "copiste → scriba"},
	{"okapi-medtronic_TBX.tbx", "en", "fr", 4, ""},
	{"okapi-oracle_TBX.tbx", "en", "pt", 3, ""},
	{"okapi-test01.tbx", "en", "hu", 1, "alpha smoothing factor → Alfa simítási tényező"},
	{"okapi-test02_win1254.tbx", "en", "tr", 1, "term with: éá and İı → tr term with: éá and İı"},
	{"omegat-sampleTBXfile.tbx", "en", "hu", 1, "alpha smoothing factor → hu translation"},
	{"weblate-cs.tbx", "en", "cs", 4, "address bar → adresní řádek"},
	{"weblate-fr-extended-metadata.tbx", "en", "fr", 2, ""},
	{"tbxutils-ValidDTD.tbx", "en", "hu", 1, "alpha smoothing factor → Alfa sim$#x00ED;t$#x00E1;si t$#x00E9;nyez$#x00F5;"},
}

// termListXSL lists every term as language TAB text, the way an XPath 1.0 reader sees it.
const termListXSL = `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
<xsl:for-each select="//*[local-name()='term']"><xsl:value-of select="ancestor::*[local-name()='langSet' or local-name()='langSec'][1]/@xml:lang"/><xsl:text>&#9;</xsl:text><xsl:value-of select="normalize-space(.)"/><xsl:text>&#10;</xsl:text></xsl:for-each>
</xsl:template>
</xsl:stylesheet>
`

// stdout runs a tool without network access and returns what it printed on standard output.
func stdout(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

func xpathCount(t *testing.T, expr, file string) int {
	t.Helper()
	s := strings.TrimSpace(stdout(t, "xmllint", "--nonet", "--xpath", expr, file))
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("xmllint count %q on %s: %q", expr, file, s)
	}
	return n
}

func TestInteropTBXCorpus(t *testing.T) {
	ents, err := os.ReadDir(interopDir(t))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, f := range interopFiles {
		listed[f.file] = true
	}
	n := 0
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tbx") {
			n++
			if !listed[e.Name()] {
				t.Errorf("%s is in %s but not in interopFiles", e.Name(), interopDir(t))
			}
		}
	}
	if n < 10 {
		t.Errorf("%d TBX files in the corpus, want at least 10", n)
	}
	_, errLint := exec.LookPath("xmllint")
	_, errXSLT := exec.LookPath("xsltproc")
	if errLint != nil || errXSLT != nil {
		t.Log("xmllint or xsltproc not installed (Debian: libxml2-utils, xsltproc): reading the corpus without the independent count")
	}
	xsl := filepath.Join(t.TempDir(), "terms.xsl")
	os.WriteFile(xsl, []byte(termListXSL), 0o644)

	for _, tc := range interopFiles {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(interopDir(t), tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			o := Options{Source: tc.src, Target: tc.tgt}
			utf8, err := decodeInput(data, path, TBX)
			if err != nil {
				t.Fatal(err)
			}
			var st tbxStats
			es, err := parseTBXStats(utf8, path, o, &st, Unread{})
			if err != nil {
				t.Fatal(err)
			}
			// The public API gives the same.
			g, err := LoadWith(o, path)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Entries) != len(es) || len(es) != tc.entries {
				t.Errorf("%d entries (Load: %d), want %d", len(es), len(g.Entries), tc.entries)
			}
			if tc.first != "" && len(es) > 0 {
				if got := es[0].Source + " → " + es[0].Target; got != tc.first {
					t.Errorf("first entry %q, want %q", got, tc.first)
				}
			}
			for _, e := range es {
				if e.Line < 1 || e.File != path {
					t.Errorf("entry %q at %s", e.Source, e.Position())
				}
			}
			if errLint != nil || errXSLT != nil {
				return
			}
			if want := xpathCount(t, `count(//*[local-name()="termEntry" or local-name()="conceptEntry"])`, path); st.concepts != want {
				t.Errorf("%d concepts, xmllint counts %d", st.concepts, want)
			}
			if want := xpathCount(t, `count(//*[local-name()="term"])`, path); len(st.terms) != want {
				t.Errorf("%d terms, xmllint counts %d", len(st.terms), want)
			}
			var got []string
			for _, tm := range st.terms {
				got = append(got, tm[0]+"\t"+tm[1])
			}
			var want []string
			for _, l := range strings.Split(strings.TrimSuffix(stdout(t, "xsltproc", "--nonet", xsl, path), "\n"), "\n") {
				lang, text, _ := strings.Cut(l, "\t")
				want = append(want, strings.ToLower(strings.TrimSpace(lang))+"\t"+text)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Errorf("term %d: %q, xsltproc reads %q", i+1, got[i], want[i])
						break
					}
				}
			}
		})
	}
}

// TestInteropWeblateStatuses: Weblate's obsolete status makes a forbidden rendering (and drops
// the obsolete source term), its concept-level "Translation needed: No" is do-not-translate,
// its definitions join the note.
func TestInteropWeblateStatuses(t *testing.T) {
	g, err := LoadWith(Options{Source: "en", Target: "fr"}, filepath.Join(interopDir(t), "weblate-fr-extended-metadata.tbx"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(g.Entries))
	}
	e0, e1 := g.Entries[0], g.Entries[1]
	if e0.Source != "" || e0.Target != "" || len(e0.Forbidden) != 1 || e0.Forbidden[0] != "bus de données" {
		t.Errorf("obsolete concept: %+v", *e0)
	}
	if e1.Source != "SYS_ERR_406" || e1.Target != "SYS_ERR_406" || !e1.DoNotTranslate || e1.Note != "An internal code identifier not to be localized.; Do not translate error codes." {
		t.Errorf("do-not-translate concept: %+v", *e1)
	}
	// The definitions are notes; Weblate's own "Usage note", the concept ids and the obsolete
	// source term are what a conversion leaves out.
	want := Unread{"Usage note": 1, "concept ids": 2, "deprecated source terms": 1}
	if g.Unread.String() != want.String() {
		t.Errorf("Unread = %v, want %v", g.Unread, want)
	}
}

// TestInteropMissingLanguages: a real file read in languages it does not have is an error
// naming the file and the languages it does have, not an empty glossary.
func TestInteropMissingLanguages(t *testing.T) {
	path := filepath.Join(interopDir(t), "okapi-medtronic_TBX.tbx")
	_, err := LoadWith(Options{}, path)
	if err == nil {
		t.Fatal("no error reading an English/French/… file as German → English")
	}
	for _, want := range []string{path, "no terms in de", "cs, da, el, en"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
