package corpus

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// addVectors seeds a fuzz target with the test vectors of one extension.
func addVectors(f *testing.F, ext string) {
	names, _ := filepath.Glob(filepath.Join(vectors, "*"+ext))
	for _, n := range names {
		if data, err := os.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
}

// fuzzRead reads everything; every error must be an *InputError naming the file. When the
// input reads cleanly, writing the pairs and reading them back must give the same pairs.
func fuzzRead(t *testing.T, f Format, main, target []byte) {
	got, err := readAll(f, main, target, ReaderOptions{})
	if err != nil {
		var ie *InputError
		if !errors.As(err, &ie) || ie.File == "" {
			t.Fatalf("error %v (%T) is not an *InputError naming the file", err, err)
		}
		return
	}
	var want []Pair
	for i, p := range got {
		want = append(want, carried(f, p, i == 0))
	}
	var a, b bytes.Buffer
	w, err := NewWriter(f, &a, WriterOptions{Target: &b})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got {
		if err := w.Write(p); err != nil { // writers change text they cannot carry, never refuse it
			t.Fatalf("writing back %+v: %v", p, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if f != Moses {
		b.Reset()
	}
	var tgt []byte
	if f == Moses {
		tgt = b.Bytes()
	}
	again, err := readAll(f, a.Bytes(), tgt, ReaderOptions{})
	if errors.Is(err, ErrEmpty) && f != TMX && blank(want) {
		return // escapes (TSV \u0020) or replaced characters left only white space
	}
	if err != nil {
		t.Fatalf("reading back what was written: %v\n%s", err, a.Bytes())
	}
	if f == XLIFF {
		sameIDs(want, again) // a unit read without an id is numbered by the writer (carried)
	}
	if diff := cmp.Diff(want, again); diff != "" {
		t.Fatalf("round trip (-read +reread):\n%s", diff)
	}
}

func FuzzReadJSONL(f *testing.F) {
	addVectors(f, ".jsonl")
	f.Add([]byte(`{"source":"a\u0000b","target":"\ud800"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, JSONL, data, nil) })
}

func FuzzReadTSV(f *testing.F) {
	addVectors(f, ".tsv")
	f.Add([]byte("a\\\tb\\\\\t\\n\n"))
	f.Add([]byte(`\uFEFFa\u2028\u000C\u0000` + "\t" + `\u12 \uD800 \uZZZZ` + "\n"))
	f.Add([]byte("\xFF\xFEa\x00\t\x00b\x00\n\x00"))
	f.Add([]byte(" \t \n\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, TSV, data, nil) })
}

func FuzzReadTMX(f *testing.F) {
	addVectors(f, ".tmx")
	f.Add([]byte(`<tmx><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>a&#xD;b</seg></tuv><tuv xml:lang="en"><seg/></tuv></tu></body></tmx>`))
	f.Add([]byte(`<tmx><header srclang="de"/><body><tu><prop type="x-doc">ab</prop><prop type="x-bitext-controls">x-doc 1:U+0001</prop>` +
		`<tuv xml:lang="de"><prop type="x-bitext-controls">0:U+0001 2:U+FFFE</prop><seg>ab</seg></tuv><tuv xml:lang="en"><seg>a<ph>&lt;br/&gt;</ph>b<ph type="lb"/>c` +
		`<bpt i="1">&lt;a title="<sub>T</sub>"&gt;</bpt>d<ept i="1">\par</ept></seg></tuv></tu></body></tmx>`))
	f.Add([]byte("\xFF\xFE<\x00t\x00m\x00x\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, TMX, data, nil) })
}

func FuzzReadXLIFF(f *testing.F) {
	addVectors(f, ".xlf")
	f.Add([]byte(xliff12Doc))
	f.Add([]byte(xliff2Doc))
	f.Add([]byte(`<xliff version="1.2"><file original="d"><body><trans-unit id="1" xml:space="preserve"><source> a<ph id="1">&lt;img alt="<sub>Bild</sub>"&gt;</ph>b<bpt id="2">[</bpt>c<ept id="3">]</ept></source>` +
		`<target state="final"><ex id="9"/>x<g id="5">y</g><it id="1" pos="close">\n</it></target><note from="bitext">violation: {"kind":"missing"}</note></trans-unit></body></file></xliff>`))
	f.Add([]byte(`<xliff version="2.0" srcLang="de"><file id="f"><unit id="u"><originalData><data id="d">&lt;b&gt;<cp hex="1F"/></data></originalData>` +
		`<segment><source><sc id="1" dataRef="d"/>a<pc id="2">b<ec startRef="1"/></pc><ph id="3" subType="xlf:lb"/>c</source><target><ec id="7" isolated="yes"/>x</target></segment></unit></file></xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, XLIFF, data, nil)
		// The same pairs through the XLIFF 2.1 writer (ids become NMTOKENs; code names are
		// not written, but for line breaks).
		got, err := readAll(XLIFF, data, nil, ReaderOptions{})
		if err != nil {
			return
		}
		var buf bytes.Buffer
		w, _ := NewWriter(XLIFF, &buf, WriterOptions{XLIFFVersion: "2.1"})
		var want []Pair
		for _, p := range got {
			if err := w.Write(p); err != nil {
				t.Fatal(err)
			}
			c := carried(XLIFF, p, false)
			c.Doc, _, _ = splitControls(p.Doc)
			want = append(want, c)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		again, err := readAll(XLIFF, buf.Bytes(), nil, ReaderOptions{})
		if err != nil {
			t.Fatalf("reading back XLIFF 2.1: %v\n%s", err, buf.Bytes())
		}
		ignore := cmp.Options{cmpopts.IgnoreFields(Pair{}, "ID"), cmpopts.IgnoreFields(document.Code{}, "Name"), cmpopts.EquateEmpty()}
		if diff := cmp.Diff(want, again, ignore); diff != "" {
			t.Fatalf("XLIFF 2.1 round trip (-read +reread):\n%s\n%s", diff, buf.Bytes())
		}
	})
}

func FuzzReadMoses(f *testing.F) {
	f.Add([]byte("eins\nzwei\n"), []byte("one\ntwo\n"))
	f.Add([]byte("a\r\nb"), []byte("a\n\n"))
	f.Add([]byte(""), []byte("\n"))
	f.Fuzz(func(t *testing.T, src, tgt []byte) {
		fuzzRead(t, Moses, src, tgt)
		// Line counts decide success: the reader must fail exactly when they differ.
		_, err := readAll(Moses, src, tgt, ReaderOptions{})
		if err == nil && countLines(src) != countLines(tgt) {
			t.Fatalf("files of %d and %d lines read without error", countLines(src), countLines(tgt))
		}
	})
}

// countLines counts the lines of b as the reader sees them: UTF-16 with a byte-order mark
// decoded first (in "\xfe\xff\n0" the newline is half of U+0A30, not a line end).
func countLines(b []byte) int {
	in, _ := decodeBOM(bytes.NewReader(b))
	b, _ = io.ReadAll(in)
	n := bytes.Count(b, []byte("\n"))
	if len(b) > 0 && b[len(b)-1] != '\n' {
		n++
	}
	return n
}

// FuzzWriteRead: whatever a writer accepts, its reader returns unchanged (as far as the format
// carries it).
func FuzzWriteRead(f *testing.F) {
	for _, p := range trickyPairs {
		f.Add(p.Source, p.Target, p.Doc, p.Paragraph, 0.5)
	}
	f.Add("\uFEFFbom", "\uFEFF", "", 0, 0.0)
	f.Add("bell\x07 \x00 \uFFFE\r\n\v\f\u0085\u2028", "bad \xff\x1c", "doc\x01", 1, 0.25)
	f.Add(" ", "\t", "", 0, 0.0)
	f.Fuzz(func(t *testing.T, src, tgt, doc string, para int, conf float64) {
		p := Pair{Source: src, Target: tgt, Doc: doc, Paragraph: para, Sentence: para / 2, Provider: doc, Confidence: conf,
			Violations: []Violation{{Kind: "missing", SourceTerm: src, Expected: tgt}}}
		if !(conf >= 0 && conf <= 1) {
			p.Confidence = 0
		}
		for _, format := range Formats {
			var a, b bytes.Buffer
			w, err := NewWriter(format, &a, WriterOptions{Target: &b})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(p); err != nil {
				t.Fatalf("%s: Write(%+v): %v", format, p, err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			want := carried(format, p, true)
			got, err := readAll(format, a.Bytes(), b.Bytes(), ReaderOptions{})
			if errors.Is(err, ErrEmpty) && format != TMX && blank([]Pair{want}) {
				continue
			}
			if err != nil {
				t.Fatalf("%s: reading back what was written: %v\n%q", format, err, a.Bytes())
			}
			if len(got) == 1 && want.ID == "" {
				want.ID = got[0].ID
			}
			if len(got) != 1 || !cmp.Equal(want, got[0]) {
				t.Fatalf("%s: wrote %+v, read back %+v", format, want, got)
			}
		}
	})
}

// FuzzTaggedWriteRead: any tagged text (well-formed or not, as a provider may answer) written
// as TMX or XLIFF reads back as one pair whose tagged texts are well-formed and hold the same
// words, and whose plain texts are those words as document.Words writes them (translate's pair
// files, a memory's export).
func FuzzTaggedWriteRead(f *testing.F) {
	for _, p := range taggedPairs {
		f.Add(p.SourceTagged, p.TargetTagged)
	}
	f.Add("<g1>a<x2/></g1>", "</g1>b<g1><x3>c</x3>")
	f.Add("a &lt; b &amp;amp; <g7>c</g9>", "<G1/>&#39;x<g1 >")
	f.Fuzz(func(t *testing.T, src, tgt string) {
		if !utf8.ValidString(src) || !utf8.ValidString(tgt) {
			return
		}
		p := Pair{Source: document.Words(src), Target: document.Words(tgt), SourceTagged: src, TargetTagged: tgt}
		if _, _, c := splitControls(p.Source + p.Target); c.count > 0 || !document.HasTags(src+tgt) {
			return // controls: TMX writes the plain text; without codes the tagged texts are not written
		}
		for _, format := range []Format{TMX, XLIFF} {
			var a bytes.Buffer
			w, _ := NewWriter(format, &a, WriterOptions{})
			if err := w.Write(p); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := readAll(format, a.Bytes(), nil, ReaderOptions{})
			if err != nil || len(got) != 1 {
				t.Fatalf("%s: read back %d pairs, %v\n%s", format, len(got), err, a.Bytes())
			}
			g := got[0]
			for _, s := range []string{g.SourceTagged, g.TargetTagged} {
				if err := document.CheckTags(document.CodesOf(s), s); err != nil {
					t.Fatalf("%s: tagged text %q read back is not well-formed: %v\n%s", format, s, err, a.Bytes())
				}
			}
			// No tagged texts read back: neither side had a real code (HasTags is a quick test).
			words := func(tagged, plain string) string {
				if tagged == "" && g.SourceTagged == "" && g.TargetTagged == "" {
					return plain
				}
				return document.Words(tagged)
			}
			// A code the input leaves unpaired (<g1> without </g1>) is written as an isolated
			// one and read back as a placeholder, which keeps the words beside it apart: the
			// same words, perhaps a space between them where the input had none.
			same := func(a, b string) bool { return a == b }
			if document.CheckTags(document.CodesOf(src), src) != nil || document.CheckTags(document.CodesOf(tgt), tgt) != nil {
				same = func(a, b string) bool {
					return strings.Join(strings.Fields(a), "") == strings.Join(strings.Fields(b), "")
				}
			}
			if !same(words(g.SourceTagged, g.Source), p.Source) || !same(words(g.TargetTagged, g.Target), p.Target) {
				t.Fatalf("%s: words %q → %q read back as %q → %q\n%s", format, p.Source, p.Target,
					words(g.SourceTagged, g.Source), words(g.TargetTagged, g.Target), a.Bytes())
			}
			if !same(g.Source, p.Source) || !same(g.Target, p.Target) {
				t.Fatalf("%s: plain %q → %q read back as %q → %q", format, p.Source, p.Target, g.Source, g.Target)
			}
		}
	})
}
