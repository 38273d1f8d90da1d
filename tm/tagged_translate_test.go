package tm_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
	"github.com/bitext/bitext/translate"
)

// countingProvider answers every segment with "[en] " before its text, codes and all, and
// keeps the segments it was asked for.
type countingProvider struct {
	mu    sync.Mutex
	asked []string
}

func (p *countingProvider) Name() string  { return "fake" }
func (p *countingProvider) Model() string { return "fake-1" }
func (p *countingProvider) Capabilities() providers.Capabilities {
	return providers.Capabilities{MaxSegments: 50, MaxChars: 20000, DefaultConcurrency: 1}
}

func (p *countingProvider) Translate(_ context.Context, req *providers.Request) (*providers.Response, error) {
	resp := &providers.Response{Usage: providers.Usage{Requests: 1}}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range req.Segments {
		p.asked = append(p.asked, s.Text)
		resp.Translations = append(resp.Translations, providers.Translation{ID: s.ID, Text: "[" + req.TargetLang + "] " + s.Text})
	}
	return resp, nil
}

// translateDoc translates a document of testdata/tagged through translate's pipeline with
// memory and provider, as bitext translate does, and returns the document written and the
// run's counts.
func translateDoc(t *testing.T, name, src, tgt string, memory *tm.DB, p providers.Provider) (string, translate.Stats) {
	t.Helper()
	out, st, probs := translateDocProblems(t, name, src, tgt, memory, p)
	if len(probs) > 0 {
		t.Fatalf("writing %s: problems %v", name, probs)
	}
	return out, st
}

// translateDocProblems is translateDoc returning the translations the document could not
// write as given.
func translateDocProblems(t *testing.T, name, src, tgt string, memory *tm.DB, p providers.Provider) (string, translate.Stats, []document.Problem) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tagged", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Read(bytes.NewReader(data), name, document.Options{SourceLang: src, TargetLang: tgt})
	if err != nil {
		t.Fatal(err)
	}
	in, err := translate.DocumentInput(d, name, "")
	if err != nil {
		t.Fatal(err)
	}
	tr := &translate.Translator{Provider: translate.GuardTags(p), Memory: memory, SourceLang: src, TargetLang: tgt}
	var blocks []segment.Block
	st, err := tr.RunInputs(context.Background(), func(yield func(translate.Input, error) bool) { yield(in, nil) }, func(r *translate.Result) error {
		blocks = append(blocks, r.Blocks...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	probs, err := d.Write(&out, translate.DocumentTargets(d, blocks), document.WriteOptions{TargetLang: tgt})
	if err != nil {
		t.Fatalf("writing %s: %v", name, err)
	}
	return out.String(), st, probs
}

func openMemory(t *testing.T) *tm.DB {
	t.Helper()
	db, err := tm.Open(filepath.Join(t.TempDir(), "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// exportTMX writes a memory's entries as TMX, as bitext tm export does.
func exportTMX(t *testing.T, db *tm.DB, src, tgt string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := corpus.NewWriter(corpus.TMX, &buf, corpus.WriterOptions{SourceLang: src, TargetLang: tgt})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Export(context.Background(), w, tm.ExportOptions{SourceLang: src, TargetLang: tgt}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// importTMX imports a TMX into db, as bitext tm import does.
func importTMX(t *testing.T, db *tm.DB, name string, data []byte, src, tgt string) tm.ImportResult {
	t.Helper()
	r, err := corpus.NewReader(corpus.TMX, bytes.NewReader(data), name, corpus.ReaderOptions{SourceLang: src, TargetLang: tgt})
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.ImportPairs(context.Background(), r, tm.ImportOptions{SourceLang: src, TargetLang: tgt})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestTaggedThroughExport: a real XLIFF 1.2 file of a CAT tool and a page of the same text,
// with bold, italic, underlined words and a link, translated into memory A, A exported as
// TMX and imported into memory B: translating again with B asks the provider nothing and
// writes the same document, codes in place. Both exports write what the codes stand for as
// their native code (before, A's wrote <bpt i="1" x="1"></bpt>: the markup was lost).
func TestTaggedThroughExport(t *testing.T) {
	for _, tc := range []struct {
		doc    string
		want   []string // in the document written
		markup []string // in the TMX exports of A and B
	}{
		{"OnTramTest01-startseite.xlf", []string{
			`<target state="translated" state-qualifier="leveraged-mt">[en] <g id="0" ctype="bold">tropicana</g> - Das Reisebüro</target>`,
			`[en] Mit Pünktlichkeit, Sorgfalt und Verlässlichkeit kümmern wir uns um <g id="0" ctype="underlined">jedes</g> Detail.`,
		}, []string{
			`<tuv xml:lang="en"><seg>[en] Mit Pünktlichkeit, Sorgfalt und Verlässlichkeit kümmern wir uns um <bpt i="1" x="1" type="x-underlined"></bpt>jedes<ept i="1"></ept> Detail.</seg></tuv>`,
		}},
		{"tropicana-startseite.html", []string{
			`<h1>[en] <b>tropicana</b> - Das Reisebüro</h1>`,
			`[en] Darum gibt es unser <i>Location Scout Programm</i>, das`,
			`[en] Mit Pünktlichkeit, Sorgfalt und Verlässlichkeit kümmern wir uns um <u>jedes</u> Detail.`,
			`<p>[en] Email: <a href="mailto:fernweh@tropicana.travel">fernweh@tropicana.travel</a></p>`,
		}, []string{
			`<tuv xml:lang="en"><seg>[en] Mit Pünktlichkeit, Sorgfalt und Verlässlichkeit kümmern wir uns um <bpt i="1" x="1" type="ulined">&lt;u&gt;</bpt>jedes<ept i="1">&lt;/u&gt;</ept> Detail.</seg></tuv>`,
			`<tuv xml:lang="de"><seg>Email: <bpt i="1" x="1" type="link">&lt;a href="mailto:fernweh@tropicana.travel"&gt;</bpt>fernweh@tropicana.travel<ept i="1">&lt;/a&gt;</ept></seg></tuv>`,
		}},
	} {
		t.Run(tc.doc, func(t *testing.T) {
			a, fake := openMemory(t), &countingProvider{}
			first, st := translateDoc(t, tc.doc, "de", "en", a, fake)
			tagged := 0
			for _, s := range fake.asked {
				if document.HasTags(s) {
					tagged++
				}
			}
			if st.Translated == 0 || tagged < 2 {
				t.Fatalf("first run: %d translated, %d of them with codes; want some", st.Translated, tagged)
			}
			for _, w := range tc.want {
				if !strings.Contains(first, w) {
					t.Errorf("first run: %q missing from\n%s", w, first)
				}
			}

			tmx := exportTMX(t, a, "de", "en")
			for _, w := range tc.markup {
				if !bytes.Contains(tmx, []byte(w)) {
					t.Errorf("A's export lacks %s:\n%s", w, tmx)
				}
			}
			b := openMemory(t)
			res := importTMX(t, b, "a.tmx", tmx, "de", "en")
			if res.Tagged != tagged || res.Markup != 0 {
				t.Errorf("import of A's export: %s; want %d kept with their codes", res, tagged)
			}

			again := &countingProvider{}
			second, st2 := translateDoc(t, tc.doc, "de", "en", b, again)
			if len(again.asked) != 0 || st2.Usage.Requests != 0 {
				t.Errorf("with memory B: %d requests for %q", st2.Usage.Requests, again.asked)
			}
			if st2.TMHits != st.Segments {
				t.Errorf("with memory B: %d TM hits of %d segments", st2.TMHits, st.Segments)
			}
			if second != first {
				t.Errorf("with memory B the document differs:\n%s\nwant\n%s", second, first)
			}
			tmxB := exportTMX(t, b, "de", "en")
			for _, w := range tc.markup {
				if !bytes.Contains(tmxB, []byte(w)) {
					t.Errorf("B's export lacks %s:\n%s", w, tmxB)
				}
			}

			// B holds A's translations under the same sources, and their plain words.
			entriesOf := func(db *tm.DB) map[[2]string]bool {
				var c pairs
				if _, err := db.Export(context.Background(), &c, tm.ExportOptions{}); err != nil {
					t.Fatal(err)
				}
				m := map[[2]string]bool{}
				for _, p := range c {
					src, tgt := p.Source, p.Target
					if p.SourceTagged != "" {
						src, tgt = p.SourceTagged, p.TargetTagged
					}
					m[[2]string{src, tgt}] = true
				}
				return m
			}
			inA, inB := entriesOf(a), entriesOf(b)
			for e := range inA {
				if !inB[e] {
					t.Errorf("A's entry %q is not in B", e)
				}
				if document.HasTags(e[0]) {
					delete(inB, [2]string{document.Plain(e[0]), document.Plain(e[1])})
				}
				delete(inB, e)
			}
			if len(inB) > 0 {
				t.Errorf("B has entries A does not, other than the plain words of A's: %v", inB)
			}
		})
	}
}

// TestCATMemoryAnswersPage: a CAT tool's TMX (the LISA TMX Compliance Kit's HTML units)
// imported, a page holding the same sentences with the same markup is answered from the
// memory with the translator's formatting, codes reordered as they reordered them; only the
// paragraph whose bold runs across two units (TMX <it>, isolated codes) is asked for.
func TestCATMemoryAnswersPage(t *testing.T) {
	db := openMemory(t)
	data, err := os.ReadFile(filepath.Join("testdata", "tagged", "ExportTest2A.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	if res := importTMX(t, db, "ExportTest2A.tmx", data, "en", "fr"); res.Tagged != 6 {
		t.Errorf("import: %s", res)
	}
	fake := &countingProvider{}
	out, st := translateDoc(t, "exporttest2a.html", "en", "fr", db, fake)
	for _, w := range []string{
		`<p>Le gros <u>chat</u> <b>noir</b> dors.</p>`,
		`<p>Le <u><b>gros</b> chat <i>noir</i></u> dors.</p>`,
		`<p>Test pour caractères spéciaux = <b>&lt;</b>=lt, <b>&gt;</b>=gt, <b>&amp;</b>=amp, <b>"</b>=quot.</p>`,
		`<p>Format en gigogne = <b><i><u>gras+italique+souligné</u>, gras+italique</i>, gras</b>.</p>`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("%q missing from\n%s", w, out)
		}
	}
	if want := []string{"Sentence <g1>one. And</g1> two."}; strings.Join(fake.asked, "|") != strings.Join(want, "|") {
		t.Errorf("asked %q, want %q", fake.asked, want)
	}
	if st.TMHits != 4 {
		t.Errorf("%d TM hits, want 4", st.TMHits)
	}
}

// pairs collects what Export writes.
type pairs []corpus.Pair

func (c *pairs) Write(p corpus.Pair) error { *c = append(*c, p); return nil }
func (c *pairs) Close() error              { return nil }

// TestReviewedWordsAnswerFormattedSegment: a reviewer's decision typed as words (the page's
// underline dropped) answers the formatted sentence when the page is translated again, with
// the underline placed around its words and the rest of the paragraph's formatting as it was;
// before, the sentence was still answered with the machine translation the reviewer had
// replaced (and answered from the memory without its codes, the writer put every code of the
// paragraph around all its words).
func TestReviewedWordsAnswerFormattedSegment(t *testing.T) {
	ctx := context.Background()
	const doc = "tropicana-startseite.html"
	db := openMemory(t)
	translateDoc(t, doc, "de", "en", db, &countingProvider{})
	var stored pairs
	if _, err := db.Export(ctx, &stored, tm.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	var mt corpus.Pair
	for _, p := range stored {
		if strings.Contains(p.SourceTagged, "jedes") {
			mt = p
		}
	}
	if mt.SourceTagged == "" {
		t.Fatalf("no tagged entry for the underlined sentence in %+v", stored)
	}
	const reviewed = "We take care of every detail with punctuality, diligence and reliability."
	r := tm.ReviewedEntry{Key: tm.Key{Provider: mt.Provider, Model: mt.Model, SourceLang: "de", TargetLang: "en", Source: mt.Source},
		Target: reviewed, Reviewer: "erika", SourceTagged: mt.SourceTagged, TargetTagged: document.EscapeText(reviewed)}
	if err := db.StoreReviewedMany(ctx, []tm.ReviewedEntry{r}); err != nil {
		t.Fatal(err)
	}
	again := &countingProvider{}
	out, st, probs := translateDocProblems(t, doc, "de", "en", db, again)
	if st.Suspects != 1 {
		// The underline is bitext's guess, not the reviewer's: flagged for review.
		t.Errorf("%d suspect answers, want the one whose codes were placed", st.Suspects)
	}
	for _, s := range again.asked {
		if strings.Contains(s, "jedes") {
			t.Errorf("the provider was asked for the reviewed sentence: %q", s)
		}
	}
	if want := "<u>" + reviewed + "</u>"; !strings.Contains(out, want) {
		t.Errorf("the page does not hold %q:\n%s", want, out)
	}
	if want := "[en] Darum gibt es unser <i>Location Scout Programm</i>, das"; !strings.Contains(out, want) || len(probs) > 0 {
		t.Errorf("the rest of the paragraph lost its formatting (problems %v):\n%s", probs, out)
	}
}
