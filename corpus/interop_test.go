package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/bitext/bitext/internal/fixtures"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The real TMX files of CAT-tool test suites listed in testdata/interop/tmx (MANIFEST.tsv,
// SOURCES.md). They are not committed; internal/fixtures finds them ($BITEXT_FIXTURES,
// testdata/interop/tmx, or shared/data/interop/tmx beside the repository).
const interopManifest = "../testdata/interop/tmx/MANIFEST.tsv"

type interopFile struct {
	name, src, tgt, sha256 string
}

func interopFiles(t *testing.T) (dir string, files []interopFile) {
	t.Helper()
	for _, c := range fixtures.Manifest(t, interopManifest, 4) {
		files = append(files, interopFile{c[0], c[1], c[2], c[3]})
	}
	return fixtures.Dir(t, "interop/tmx", files[0].name), files
}

// TestInteropTMX reads every real TMX file: the number of units read plus those skipped (not
// in both languages) equals xmllint's count(//tu); each segment's text equals its XPath string
// value when it has no markup, and otherwise has the same text outside native codes (plus <sub>
// text), white space aside; and writing the pairs as TMX (valid against the DTD) and reading
// them back gives every segment byte for byte.
func TestInteropTMX(t *testing.T) {
	dir, files := interopFiles(t)
	lint := ""
	if p, err := lookXmllint(); err == nil {
		lint = p
	} else {
		t.Log("xmllint not found (Debian: libxml2-utils): counts and text are not compared with it")
	}
	units, pairs := 0, 0
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			path := filepath.Join(dir, f.name)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != f.sha256 {
				t.Fatalf("%s is not the file in the manifest (sha256 differs)", path)
			}
			r, err := NewReader(TMX, bytes.NewReader(data), f.name, ReaderOptions{SourceLang: f.src, TargetLang: f.tgt})
			if err != nil {
				t.Fatal(err)
			}
			got, err := nextAll(r)
			if err != nil {
				t.Fatalf("after %d pairs: %v", len(got), err)
			}
			skipped := r.(interface{ Skipped() int }).Skipped()
			units += len(got) + skipped
			pairs += len(got)
			if len(got) == 0 {
				t.Errorf("no pairs %s→%s", f.src, f.tgt)
			}
			if lint != "" {
				compareWithXmllint(t, lint, path, f, got, skipped)
			}
			if f.name == "Paragraph_TM.tmx" { // the file of issue 15: line-break codes glued words
				if !strings.Contains(got[0].Target, "detector. 2. Touch Retry.") {
					t.Errorf("line-break codes still glue words: %q", got[0].Target)
				}
			}

			// Round trip through bitext's writer.
			var buf bytes.Buffer
			w, _ := NewWriter(TMX, &buf, WriterOptions{SourceLang: f.src, TargetLang: f.tgt})
			for _, p := range got {
				if err := w.Write(p); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if lint != "" {
				validateTMX(t, lint, buf.Bytes())
			}
			again, err := readAll(TMX, buf.Bytes(), nil, ReaderOptions{SourceLang: f.src, TargetLang: f.tgt})
			if err != nil {
				t.Fatalf("reading back: %v", err)
			}
			// readAll clears Line (where the reader found the pair, which no writer writes).
			if diff := cmp.Diff(got, again, cmpopts.IgnoreFields(Pair{}, "Line")); diff != "" {
				t.Errorf("round trip (-read +reread):\n%s", diff)
			}
		})
	}
	t.Logf("%d files, %d units, %d pairs", len(files), units, pairs)
	if len(files) < 12 {
		t.Errorf("only %d real TMX files; issue 15 asks for at least 12", len(files))
	}
}

var langAttrRE = regexp.MustCompile(`lang="([^"]*)"`)

// compareWithXmllint checks the pairs against what xmllint finds in the file.
func compareWithXmllint(t *testing.T, lint, path string, f interopFile, got []Pair, skipped int) {
	t.Helper()
	n, err := strconv.Atoi(xpath(t, lint, path, "count(//tu)"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got)+skipped != n {
		t.Errorf("read %d pairs and skipped %d units; xmllint counts %d <tu>", len(got), skipped, n)
	}
	var want [][2]int // (tu, tuv) of source and target, for units in both languages
	var tuvs [][2]int
	for i := 1; i <= n; i++ {
		langs := langAttrRE.FindAllStringSubmatch(xpath(t, lint, path, fmt.Sprintf("(//tu)[%d]/tuv/@*[local-name()='lang']", i)), -1)
		s, g := 0, 0
		for j, m := range langs {
			if s == 0 && strings.EqualFold(m[1], f.src) {
				s = j + 1
			}
			if g == 0 && strings.EqualFold(m[1], f.tgt) {
				g = j + 1
			}
		}
		if s > 0 && g > 0 {
			want = append(want, [2]int{i, s})
			tuvs = append(tuvs, [2]int{i, g})
		}
	}
	if len(want) != len(got) {
		t.Fatalf("xmllint finds %d units in %s and %s, the reader %d", len(want), f.src, f.tgt, len(got))
	}
	for k, p := range got {
		checkSeg(t, lint, path, want[k], p.Source)
		checkSeg(t, lint, path, tuvs[k], p.Target)
	}
}

// checkSeg compares the text read for one <seg> with xmllint's view of it.
func checkSeg(t *testing.T, lint, path string, at [2]int, text string) {
	t.Helper()
	seg := fmt.Sprintf("(//tu)[%d]/tuv[%d]/seg", at[0], at[1])
	if xpath(t, lint, path, "count("+seg+"/*)") == "0" {
		if want := xpath(t, lint, path, "string("+seg+")"); text != want {
			t.Errorf("%s: read %q, xmllint has %q", seg, text, want)
		}
		return
	}
	// Text nodes whose nearest code-or-sub ancestor (if any) is a <sub>. xmllint prints each
	// node escaped and followed by a newline; white space is compared apart.
	nodes := xpath(t, lint, path, seg+"//text()[not(ancestor::*[self::bpt or self::ept or self::ph or self::it or self::ut or self::sub][1][not(self::sub)])]")
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	if squeeze(text) != squeeze(html.UnescapeString(nodes)) {
		t.Errorf("%s: read %q, xmllint's text outside codes is %q", seg, text, nodes)
	}
}
