package document

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"github.com/bitext/bitext/internal/fixtures"
)

// The fake translators: what a provider might answer.

// reorder answers each segment with its top-level words and tag groups in reverse order and the
// words upper-cased: every code kept, legally nested, in another place.
func reorder(seg string) string {
	ps := parseTagged(seg)
	var items []string
	var cur strings.Builder
	depth := 0
	for _, p := range ps {
		switch p.kind {
		case pText:
			if depth > 0 {
				cur.WriteString(EscapeText(strings.ToUpper(p.text)))
				continue
			}
			for _, w := range strings.Fields(p.text) {
				items = append(items, EscapeText(strings.ToUpper(w)))
			}
		case pOpen:
			depth++
			cur.WriteString("<g" + itoa(p.id) + ">")
		case pClose:
			depth--
			cur.WriteString("</g" + itoa(p.id) + ">")
			if depth == 0 {
				items = append(items, cur.String())
				cur.Reset()
			}
		case pAlone:
			if depth > 0 {
				cur.WriteString("<x" + itoa(p.id) + "/>")
			} else {
				items = append(items, "<x"+itoa(p.id)+"/>")
			}
		}
	}
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return strings.Join(items, " ")
}

// breakTags answers with the first closing tag dropped and the last tag doubled: what a chat
// model does on a bad day.
func breakTags(seg string) string {
	out := seg
	if i := strings.Index(out, "</g"); i >= 0 {
		j := strings.IndexByte(out[i:], '>')
		out = out[:i] + out[i+j+1:]
	}
	if i := strings.LastIndex(out, "<x"); i >= 0 {
		j := strings.IndexByte(out[i:], '>')
		out += out[i : i+j+1]
	}
	return strings.ToUpper(out)
}

func itoa(n int) string { return strconv.Itoa(n) }

func translateAll(d *Doc, f func(string) string) []string {
	out := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		out[i] = f(s.Text)
	}
	return out
}

func readFile(t *testing.T, path string, opt Options) (*Doc, []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(bytes.NewReader(data), path, opt)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d, data
}

func write(t *testing.T, d *Doc, targets []string, lang string) (string, []Problem) {
	t.Helper()
	var b bytes.Buffer
	probs, err := d.Write(&b, targets, WriteOptions{TargetLang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return b.String(), probs
}

// writeUntranslated writes d with no segment translated, as a run whose every request failed
// writes it: each segment's text in its place, of Origin Untranslated.
func writeUntranslated(t *testing.T, d *Doc, lang string) string {
	t.Helper()
	origins := make([]Origin, len(d.Segments))
	for i := range origins {
		origins[i] = Untranslated
	}
	var b bytes.Buffer
	if _, err := d.Write(&b, d.Identity(), WriteOptions{TargetLang: lang, Origins: origins}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// startTags counts the start tags of each element of an HTML page.
func startTags(page string) map[string]int {
	n := map[string]int{}
	z := xhtml.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return n
		}
		if tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken {
			name, _ := z.TagName()
			n[string(name)]++
		}
	}
}

var hrefRe = regexp.MustCompile(`href="[^"]*"`)

func TestIdentityRoundTrip(t *testing.T) {
	for _, f := range []string{"artikel.html", "artikel.md", "folge.srt", "folge.vtt"} {
		d, data := readFile(t, filepath.Join("testdata", f), Options{})
		if len(d.Segments) == 0 {
			t.Errorf("%s: no segments", f)
		}
		out, probs := write(t, d, d.Identity(), "")
		if out != string(data) || len(probs) > 0 {
			t.Errorf("%s: identity round trip differs (%d problems):\n%s", f, len(probs), out)
		}
	}
}

func TestHTMLPage(t *testing.T) {
	d, data := readFile(t, "testdata/artikel.html", Options{})
	out, _ := write(t, d, d.Identity(), "en")
	want := strings.Replace(string(data), `<html lang="de">`, `<html lang="en">`, 1)
	if out != want {
		t.Errorf("identity with lang en:\n%s", out)
	}
	texts := map[string]bool{}
	for _, s := range d.Segments {
		texts[s.Text] = true
		for _, bad := range []string{"Nicht übersetzen", "body {", "Code bleibt", "make", "Kopfzeile", "Stadtanzeiger GmbH"} {
			if strings.Contains(s.Text, bad) {
				t.Errorf("segment %q holds %q, which is never sent", s.Text, bad)
			}
		}
	}
	for _, want := range []string{
		"Neue Brücke &amp; alte Straße | Stadtanzeiger",      // <title>
		"Die Stadt eröffnet die neue Brücke über den Fluss.", // meta description
		"Die neue Brücke im Abendlicht",                      // alt
		"Suchbegriff eingeben",                               // placeholder
		"Hauptnavigation",                                    // aria-label
		"Der Befehl <x1/> baut alles; <x2/> berichtete.",     // code and translate="no"
		"Die <g1>neue Brücke</g1> über den Rhein wurde am Montag eröffnet. Laut <g2>Bericht</g2> kostete sie 2,5 Millionen Euro.",
	} {
		if !texts[want] {
			t.Errorf("no segment %q", want)
		}
	}
	if !texts["Bericht der Stadt"] {
		t.Error("the title of a link inside a paragraph is no segment")
	}
	// Translated: the words change, the markup stays.
	out, probs := write(t, d, translateAll(d, reorder), "en")
	if len(probs) > 0 {
		t.Errorf("legal reordering reported problems: %v", probs)
	}
	for _, keep := range []string{`<a href="https://example.org/bericht?id=1&amp;x=2" title="STADT DER BERICHT">BERICHT</a>`, "<strong>NEUE BRÜCKE</strong>", "<code>make &lt;ziel&gt;</code>", `<span translate="no">Stadtanzeiger GmbH</span>`, "<script>var t = \"<p>Nicht übersetzen</p>\""} {
		if !strings.Contains(out, keep) {
			t.Errorf("translated page lacks %q:\n%s", keep, out)
		}
	}
	if !equalCounts(startTags(string(data)), startTags(out)) {
		t.Errorf("elements changed: %v → %v", startTags(string(data)), startTags(out))
	}
	out, _ = write(t, d, translateAll(d, upper), "en")
	for _, keep := range []string{`content="DIE STADT ERÖFFNET DIE NEUE BRÜCKE ÜBER DEN FLUSS."`, `alt="DIE NEUE BRÜCKE IM ABENDLICHT"`, "<title>NEUE BRÜCKE &amp; ALTE STRAßE | STADTANZEIGER</title>", `<nav aria-label="HAUPTNAVIGATION">`, `placeholder="SUCHBEGRIFF EINGEBEN"`} {
		if !strings.Contains(out, keep) {
			t.Errorf("translated page lacks %q:\n%s", keep, out)
		}
	}
}

// upper upper-cases the words of a tagged text and keeps its tags.
func upper(seg string) string {
	var b strings.Builder
	for _, p := range parseTagged(seg) {
		switch p.kind {
		case pText:
			b.WriteString(EscapeText(strings.ToUpper(p.text)))
		case pOpen:
			b.WriteString("<g" + itoa(p.id) + ">")
		case pClose:
			b.WriteString("</g" + itoa(p.id) + ">")
		case pAlone:
			b.WriteString("<x" + itoa(p.id) + "/>")
		}
	}
	return b.String()
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestBrokenTagsStayValid(t *testing.T) {
	for _, f := range []string{"artikel.html", "artikel.md", "folge.srt", "artikel-1.2.xlf"} {
		d, data := readFile(t, filepath.Join("testdata", f), Options{})
		out, probs := write(t, d, translateAll(d, breakTags), "en")
		withCodes := 0
		for _, s := range d.Segments {
			if len(s.Codes) > 0 {
				withCodes++
			}
		}
		if len(probs) != withCodes {
			t.Errorf("%s: %d problems reported, %d segments have codes", f, len(probs), withCodes)
		}
		for _, p := range probs {
			if CheckTags(d.Segments[p.Segment].Codes, p.Written) != nil || p.Line == 0 {
				t.Errorf("%s: problem %v written as %q", f, p, p.Written)
			}
		}
		switch d.Format {
		case HTML:
			if !equalCounts(startTags(string(data)), startTags(out)) {
				t.Errorf("%s: elements changed", f)
			}
			if got, want := len(hrefRe.FindAllString(out, -1)), len(hrefRe.FindAllString(string(data), -1)); got != want {
				t.Errorf("%s: %d links, want %d", f, got, want)
			}
		case Markdown:
			for _, mark := range []string{"](", "**", "`"} {
				if strings.Count(out, mark) != strings.Count(string(data), mark) {
					t.Errorf("%s: %q %d times, want %d:\n%s", f, mark, strings.Count(out, mark), strings.Count(string(data), mark), out)
				}
			}
		}
	}
}

func TestMarkdown(t *testing.T) {
	d, data := readFile(t, "testdata/artikel.md", Options{})
	for _, s := range d.Segments {
		for _, bad := range []string{"Println", "eingerückter Code", "hinweis", "inline code", "example.org", "bruecke.jpg", "2024-03-04"} {
			if strings.Contains(s.Text, bad) {
				t.Errorf("segment %q holds %q, which is never sent", s.Text, bad)
			}
		}
	}
	out, probs := write(t, d, translateAll(d, reorder), "en")
	if len(probs) > 0 {
		t.Errorf("problems: %v", probs)
	}
	for _, keep := range []string{`title: "ALTSTADT DIE FÜR BRÜCKE NEUE"`, "description: BRÜCKE. NEUE DIE ERÖFFNET STADT DIE\n", "date: 2024-03-04", "[BERICHT DER STADT](https://example.org/bericht \"BERICHT\")", "**NEUE BRÜCKE**", "*2,5 MILLIONEN*", "`inline code`", "![BRÜCKE DER FOTO](bruecke.jpg)", "[VERWEIS][ref]", "[ref]: https://example.org/verweis", "```go\n// Code bleibt unverändert\n", "    eingerückter Code\n", "| KÖLN  |", "<div class=\"hinweis\">\nÜBERSETZT. WIRD HTML-BLOCK DIESER\n</div>", "> BÜRGERMEISTERS. DES", "# ALTSTADT"} {
		if !strings.Contains(out, keep) {
			t.Errorf("translated Markdown lacks %q:\n%s", keep, out)
		}
	}
	_ = data
}

func TestSubtitles(t *testing.T) {
	// 100 cues: no timing line and no cue number is ever sent; cues and timings come back.
	var src strings.Builder
	for i := 1; i <= 100; i++ {
		src.WriteString(itoa3(i) + "\n00:00:" + pad2(i%60) + ",000 --> 00:00:" + pad2(i%60) + ",900\nDas ist Untertitel Nummer " + itoa3(i) + ", mit <i>Betonung</i>\nund einem recht langen Satz danach.\n\n")
	}
	d, err := Read(strings.NewReader(src.String()), "folge.srt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Segments) != 100 {
		t.Fatalf("%d segments, want 100", len(d.Segments))
	}
	timing := 0
	for _, s := range d.Segments {
		if strings.Contains(s.Text, "-->") || regexp.MustCompile(`^\d+$`).MatchString(s.Text) {
			timing++
		}
	}
	if timing != 0 {
		t.Errorf("%d timing lines sent", timing)
	}
	out, probs := write(t, d, translateAll(d, strings.ToUpper), "")
	if len(probs) > 0 {
		t.Error(probs)
	}
	timings := func(s string) []string {
		return regexp.MustCompile(`(?m)^\d+\n[0-9:,]+ --> [0-9:,]+$`).FindAllString(s, -1)
	}
	if a, b := timings(src.String()), timings(out); strings.Join(a, "|") != strings.Join(b, "|") || len(a) != 100 {
		t.Errorf("cues or timings changed: %d → %d", len(a), len(b))
	}
	for _, line := range strings.Split(out, "\n") {
		if len([]rune(strings.NewReplacer("<i>", "", "</i>", "").Replace(line))) > MaxLine+1 { // cue 100's source line is 43 characters: the measure then
			t.Errorf("line of %d characters: %q", len([]rune(line)), line)
		}
	}
	if !strings.Contains(out, "<I>BETONUNG</I>") && !strings.Contains(out, "<i>BETONUNG</i>") {
		t.Errorf("tags lost:\n%s", out[:400])
	}
}

func itoa3(n int) string {
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func pad2(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

func TestPO(t *testing.T) {
	d, _ := readFile(t, "testdata/app.po", Options{})
	if len(d.Segments) != 5 {
		t.Fatalf("%d segments, want 5: %+v", len(d.Segments), d.Segments)
	}
	tr := map[string]string{
		"Willkommen, <x1/>!":             "Welcome, <x1/>!",
		"Datei öffnen":                   "Open file",
		"Eine Datei wurde gelöscht.":     "One file was deleted.",
		"<x1/> Dateien wurden gelöscht.": "<x1/> files were deleted.",
		"Zeile eins<x1/>Zeile zwei":      "Line one<x1/>Line two", // the trailing "\n" is not sent (poEdges)
	}
	out, probs := write(t, d, translateAll(d, func(s string) string { return tr[s] }), "en")
	if len(probs) > 0 {
		t.Error(probs)
	}
	for _, want := range []string{
		"msgid \"Willkommen, %s!\"\nmsgstr \"Welcome, %s!\"\n",
		"msgctxt \"menu\"\nmsgid \"Datei öffnen\"\nmsgstr \"Open file\"\n",
		"msgstr[0] \"One file was deleted.\"\nmsgstr[1] \"%d files were deleted.\"\n",
		"msgstr \"\"\n\"Line one\\n\"\n\"Line two\\n\"\n",
		"msgid \"Schon übersetzt\"\nmsgstr \"Already translated\"\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("PO output lacks %q:\n%s", want, out)
		}
	}
	// A placeholder the translation loses is put back.
	out, probs = write(t, d, translateAll(d, func(s string) string { return Plain(tr[s]) }), "en")
	if len(probs) != 3 || !strings.Contains(out, `%s`) {
		t.Errorf("%d problems, output:\n%s", len(probs), out)
	}
}

func TestXLIFF(t *testing.T) {
	for _, f := range []string{"artikel-1.2.xlf", "artikel-2.0.xlf", "artikel-2.1.xlf"} {
		d, _ := readFile(t, filepath.Join("testdata", f), Options{})
		if len(d.Segments) == 0 {
			t.Fatalf("%s: no segments", f)
		}
		for _, s := range d.Segments {
			if strings.Contains(s.Text, "Stadtanzeiger") || strings.Contains(s.Text, "Schon") {
				t.Errorf("%s: %q should not be translated", f, s.Text)
			}
		}
		out, probs := write(t, d, translateAll(d, reorder), "en")
		if len(probs) > 0 {
			t.Error(probs)
		}
		d2, err := Read(strings.NewReader(out), f, Options{})
		if err != nil {
			t.Fatalf("%s: output does not read back: %v\n%s", f, err, out)
		}
		if len(d2.Segments) != 0 {
			t.Errorf("%s: %d units still to translate after filling", f, len(d2.Segments))
		}
		keeps := []string{"<note>Überschrift", "translate=\"no\""}
		if f == "artikel-2.1.xlf" {
			keeps = []string{`<target>Already done.</target>`, `<ignorable>`, `<pc id="1" dataRefStart="d1" dataRefEnd="d2">BERICHT</pc>`, `<sc id="3"/>`}
		}
		for _, keep := range keeps {
			if !strings.Contains(out, keep) {
				t.Errorf("%s lost %q", f, keep)
			}
		}
		if !strings.Contains(out, `target-language="en"`) && !strings.Contains(out, `trgLang="en"`) {
			t.Errorf("%s: no target language:\n%s", f, out)
		}
		validateXLIFF(t, f, out)
	}
}

// validateXLIFF validates an XLIFF file with xmllint against the official schema, when xmllint
// and the schemas (testdata/schemas/xliff/SOURCES.md) are there.
func validateXLIFF(t *testing.T, name, content string) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Log("xmllint not installed: schema validation skipped")
		return
	}
	dir := fixtures.Dir(t, "schemas/xliff", "xliff-core-1.2-strict.xsd")
	tmp := t.TempDir()
	schema := "xliff-core-1.2-strict.xsd"
	if strings.Contains(content, "urn:oasis:names:tc:xliff:document:2.0") {
		schema = "xliff_core_2.0.xsd"
	}
	for _, f := range []string{schema, "xml.xsd"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		// The schemas import xml.xsd from the W3C's site; tests never touch the network.
		b = bytes.ReplaceAll(b, []byte("http://www.w3.org/2001/xml.xsd"), []byte("xml.xsd"))
		os.WriteFile(filepath.Join(tmp, f), b, 0o644)
	}
	file := filepath.Join(tmp, "out.xlf")
	os.WriteFile(file, []byte(content), 0o644)
	cmd := exec.Command("xmllint", "--noout", "--nonet", "--schema", filepath.Join(tmp, schema), file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%s: the written XLIFF does not validate: %v\n%s", name, err, out)
	}
}

// TestReadMaxSize: a document larger than the limit is refused before it is held, naming the
// file and the limit; one at the limit is read.
func TestReadMaxSize(t *testing.T) {
	const po = "msgid \"Der Rat tagt.\"\nmsgstr \"\"\n"
	if _, err := Read(strings.NewReader(po), "a.po", Options{MaxSize: int64(len(po))}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	_, err := Read(strings.NewReader(po), "a.po", Options{MaxSize: int64(len(po)) - 1})
	var ie *InputError
	if !errors.As(err, &ie) || ie.File != "a.po" || !strings.Contains(err.Error(), fmt.Sprintf("larger than %d bytes: bitext reads po documents whole", len(po)-1)) {
		t.Errorf("over the limit: %v", err)
	}
}

// sizedReader is a file that says its size and counts the bytes read from it.
type sizedReader struct {
	*strings.Reader
	size int64
	read int
}

func (s *sizedReader) Read(p []byte) (int, error) {
	n, err := s.Reader.Read(p)
	s.read += n
	return n, err
}

func (s *sizedReader) Stat() (fs.FileInfo, error) { return sizedInfo(s.size), nil }

type sizedInfo int64

func (i sizedInfo) Name() string       { return "a.po" }
func (i sizedInfo) Size() int64        { return int64(i) }
func (i sizedInfo) Mode() fs.FileMode  { return 0o644 }
func (i sizedInfo) ModTime() time.Time { return time.Time{} }
func (i sizedInfo) IsDir() bool        { return false }
func (i sizedInfo) Sys() any           { return nil }

// TestReadMaxSizeStat: a file whose size is over the limit is refused without reading it (a
// 150 MB page was read, 313 MB held, before it was refused); a file that fits is read whole.
func TestReadMaxSizeStat(t *testing.T) {
	const po = "msgid \"Der Rat tagt.\"\nmsgstr \"\"\n"
	r := &sizedReader{Reader: strings.NewReader(po), size: int64(len(po))}
	_, err := Read(r, "a.po", Options{MaxSize: int64(len(po)) - 1})
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("over the limit: %v", err)
	}
	if r.read != 0 {
		t.Errorf("over the limit: %d bytes read before refusing", r.read)
	}
	r = &sizedReader{Reader: strings.NewReader(po), size: int64(len(po))}
	if _, err := Read(r, "a.po", Options{MaxSize: int64(len(po))}); err != nil || r.read != len(po) {
		t.Errorf("at the limit: %v after %d bytes", err, r.read)
	}
}
