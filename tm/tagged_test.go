package tm

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// taggedFixture is a real TMX file of testdata/tagged (see SOURCES.md) and the languages the
// tests read it in.
type taggedFixture struct{ name, src, tgt string }

var taggedFixtures = []taggedFixture{
	{"ExportTest2A.tmx", "en", "fr"},
	{"mytm.tmx", "en", "fr"},
	{"potest.po.normal.tmx", "en", "fr"},
	{"Paragraph_TM.tmx", "de", "en"},
}

// readFixture returns the pairs of a fixture as package corpus reads them.
func readFixture(t *testing.T, f taggedFixture) []corpus.Pair {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tagged", f.name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := corpus.NewReader(corpus.TMX, bytes.NewReader(data), f.name, corpus.ReaderOptions{SourceLang: f.src, TargetLang: f.tgt})
	if err != nil {
		t.Fatal(err)
	}
	var ps []corpus.Pair
	for {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			return ps
		}
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
}

// TestDocumentForms: the tagged entries of real translation units, as translate keys the
// document segment holding the same codes; none when source and target codes differ.
func TestDocumentForms(t *testing.T) {
	tests := []struct {
		file   string
		unit   int // 1-based, among the units read as pairs
		forms  []taggedForm
		markup bool
	}{
		// Codes reordered in the target, numbered by TMX x: kept as they are.
		{"ExportTest2A.tmx", 1, []taggedForm{{"The big <g1>black</g1> <g2>cat</g2> sleeps.", "Le gros <g2>chat</g2> <g1>noir</g1> dors.", nil}}, true},
		{"ExportTest2A.tmx", 2, []taggedForm{{"The <g1><g2>big</g2> <g3>black</g3></g1> cat sleeps.", "Le <g1><g2>gros</g2> chat <g3>noir</g3></g1> dors.", nil}}, true},
		// Markup characters inside codes: escaped as document escapes them.
		{"ExportTest2A.tmx", 3, []taggedForm{{`Test for special characters = <g1>&lt;</g1>=lt, <g2>></g2>=gt, <g3>&amp;</g3>=amp, <g4>"</g4>=quot.`, `Test pour caractères spéciaux = <g1>&lt;</g1>=lt, <g2>></g2>=gt, <g3>&amp;</g3>=amp, <g4>"</g4>=quot.`, nil}}, true},
		// An isolated <it> (a bold running into the next unit) is a standalone code.
		{"ExportTest2A.tmx", 5, []taggedForm{{"Sentence <x1/>one.", "Phrase <x1/>1.", nil}}, true},
		// OmegaT numbers from 0 (i='0' x='0'): renumbered from 1, as document numbers.
		{"mytm.tmx", 7, []taggedForm{{"Elephants <g1>cannot</g1> fly.", "Les éléphants <g1>ne peuvent pas</g1> voler.", nil}}, true},
		// A code opening the segment but not enclosing it stays (document moves only those
		// that enclose all the words or stand alone at an edge).
		{"mytm.tmx", 11, []taggedForm{{"<g1>Same as the folder where the project is saved</g1> -- Select this option to have the parameters files saved in the same folder as the project file.", "<g1>Même que le dossier dans lequel le projet est enregistré</g1> -- Sélectionnez cette option pour que les paramètres des fichiers soient enregistrés dans le même dossier que le dossier du projet.", nil}}, true},
		{"mytm.tmx", 1, nil, false}, // no markup
		// A standalone code at the source's edge that the target has inside: the whole unit
		// only (as a sentence inside a paragraph is keyed); a paragraph of it, which has the
		// code moved out, is the plain entry's.
		{"potest.po.normal.tmx", 8, []taggedForm{{"<x1/> file left to delete", "Encore <x1/> fichier à détruire", nil}}, true},
		// The target has a code the source lacks: words only.
		{"potest.po.normal.tmx", 4, nil, true},
		// Standalone codes at the edges of both: the whole unit, and the unit without them (as
		// a paragraph of it is keyed).
		{"Paragraph_TM.tmx", 1, []taggedForm{
			{"<x1/>1.<x2/>Sicherstellen, dass sich der AK-Schlauch im AK-Flüssigkeitsdetektor befindet.<x3/><x4/>2.<x5/>'Wiederholen' drücken.", "<x1/>1.<x2/>Confirm that the AC line is in the AC fluid detector.<x3/><x4/>2.<x5/>Touch Retry.", nil},
			{"1.<x1/>Sicherstellen, dass sich der AK-Schlauch im AK-Flüssigkeitsdetektor befindet.<x2/><x3/>2.<x4/>'Wiederholen' drücken.", "1.<x1/>Confirm that the AC line is in the AC fluid detector.<x2/><x3/>2.<x4/>Touch Retry.", nil},
		}, true},
		// 22 codes in the source, 23 in the target: words only.
		{"Paragraph_TM.tmx", 3, nil, true},
	}
	units := map[string][]corpus.Pair{}
	for _, f := range taggedFixtures {
		units[f.name] = readFixture(t, f)
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s#%d", tt.file, tt.unit), func(t *testing.T) {
			p := units[tt.file][tt.unit-1]
			forms, markup := documentForms(p)
			if markup != tt.markup {
				t.Errorf("markup = %v, want %v", markup, tt.markup)
			}
			if diff := cmp.Diff(tt.forms, forms, cmp.AllowUnexported(taggedForm{}), cmpopts.IgnoreFields(taggedForm{}, "num")); diff != "" {
				t.Errorf("forms of %q → %q (-want +got):\n%s", p.SourceTagged, p.TargetTagged, diff)
			}
		})
	}
}

// TestDocumentFormsRules: the rules on the units of the fixtures changed the way other files
// differ (codes at the target's edges only, a code missing, codes that do not nest).
func TestDocumentFormsRules(t *testing.T) {
	tests := []struct {
		name         string
		source       string
		targetTagged string // "" for none
		forms        []taggedForm
	}{
		{name: "a pair enclosing both sides: the whole, and the plain entry answers the paragraph",
			source: "<g1>Touch Retry.</g1>", targetTagged: "<g1>'Wiederholen' drücken.</g1>",
			forms: []taggedForm{{"<g1>Touch Retry.</g1>", "<g1>'Wiederholen' drücken.</g1>", nil}}},
		{name: "the target encloses less: no paragraph form",
			source: "<x1/>1.<x2/>Touch Retry.", targetTagged: "1.<x2/>'Wiederholen'<x1/> drücken.",
			forms: []taggedForm{{"<x1/>1.<x2/>Touch Retry.", "1.<x2/>'Wiederholen'<x1/> drücken.", nil}}},
		{name: "an edge code at the other edge in the target: the paragraph form too",
			source: "<x1/>Elephants <g2>cannot</g2> fly.", targetTagged: "Les éléphants <g2>ne peuvent pas</g2> voler.<x1/>",
			forms: []taggedForm{
				{"<x1/>Elephants <g2>cannot</g2> fly.", "Les éléphants <g2>ne peuvent pas</g2> voler.<x1/>", nil},
				{"Elephants <g1>cannot</g1> fly.", "Les éléphants <g1>ne peuvent pas</g1> voler.", nil},
			}},
		{name: "the target lost a code", source: "Elephants <g1>cannot</g1> fly.", targetTagged: "Les éléphants ne peuvent pas voler."},
		{name: "no tagged target", source: "Elephants <g1>cannot</g1> fly."},
		{name: "a paired code standalone in the target", source: "Elephants <g1>cannot</g1> fly.", targetTagged: "Les éléphants <x1/>ne peuvent pas voler."},
		{name: "codes only in the target", source: "Elephants cannot fly.", targetTagged: "Les éléphants <g1>ne peuvent pas</g1> voler."},
		{name: "target codes not nested", source: "The <g1><g2>big</g2> <g3>black</g3></g1> cat sleeps.", targetTagged: "Le <g1><g2>gros</g2> chat <g3>noir</g1></g3> dors."},
		{name: "a source code twice", source: "The <x1/>big<x1/> cat.", targetTagged: "Le <x1/>gros<x1/> chat."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := corpus.Pair{Source: document.Plain(tt.source), SourceTagged: tt.source, TargetTagged: tt.targetTagged}
			p.Target = document.Plain(tt.targetTagged)
			forms, markup := documentForms(p)
			if !markup {
				t.Error("markup = false")
			}
			if diff := cmp.Diff(tt.forms, forms, cmp.AllowUnexported(taggedForm{}), cmpopts.IgnoreFields(taggedForm{}, "num")); diff != "" {
				t.Errorf("forms (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDocumentFormsMatchDocument: each tagged entry made of a real unit is the text package
// document gives the segment holding the same codes (written as an XLIFF 1.2 unit, <g> and
// <x/>): the entries are keyed as document keys the segment, through document.EdgePieces.
func TestDocumentFormsMatchDocument(t *testing.T) {
	checked := 0
	for _, f := range taggedFixtures {
		for i, p := range readFixture(t, f) {
			forms, _ := documentForms(p)
			if len(forms) == 0 {
				continue
			}
			doc := xliffOf(forms[0].source)
			d, err := document.Read(strings.NewReader(doc), "unit.xlf", document.Options{})
			if err != nil {
				t.Fatalf("%s#%d: %v\n%s", f.name, i+1, err, doc)
			}
			if len(d.Segments) != 1 {
				t.Fatalf("%s#%d: %d segments in\n%s", f.name, i+1, len(d.Segments), doc)
			}
			got := NormalizeSource(d.Segments[0].Text)
			want := NormalizeSource(forms[len(forms)-1].source) // the segment's: edges moved out
			if !document.HasTags(got) {
				// No code left: the plain entry answers it.
				want = NormalizeSource(document.EscapeText(p.Source))
			}
			if got != want {
				t.Errorf("%s#%d: document reads the segment as\n %q\nthe import stores\n %q", f.name, i+1, got, want)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d units checked", checked)
	}
}

var tagRE = regexp.MustCompile(`<(/?)([gx])(\d+)(/?)>`)

// xliffOf writes a tagged text as the source of a one-unit XLIFF 1.2 document.
func xliffOf(tagged string) string {
	body := tagRE.ReplaceAllStringFunc(tagged, func(tag string) string {
		m := tagRE.FindStringSubmatch(tag)
		switch {
		case m[1] == "/":
			return "</g>"
		case m[2] == "x":
			return `<x id="` + m[3] + `"/>`
		default:
			return `<g id="` + m[3] + `">`
		}
	})
	return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="u" source-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>` + body + `</source></trans-unit>
</body></file></xliff>
`
}

// FuzzDocumentForms: whatever tagged texts a reader gives, each tagged entry has its codes
// numbered 1, 2, … in the order they open, passes document.CheckTags on both sides, and keeps
// the words of the unit (the whole unit's form exactly, the paragraph's without white space at
// the edges).
func FuzzDocumentForms(f *testing.F) {
	for _, fx := range taggedFixtures {
		data, err := os.ReadFile(filepath.Join("testdata", "tagged", fx.name))
		if err != nil {
			f.Fatal(err)
		}
		r, err := corpus.NewReader(corpus.TMX, bytes.NewReader(data), fx.name, corpus.ReaderOptions{SourceLang: fx.src, TargetLang: fx.tgt})
		if err != nil {
			f.Fatal(err)
		}
		for {
			p, err := r.Next()
			if err != nil {
				break
			}
			if p.SourceTagged != "" {
				f.Add(p.SourceTagged, p.TargetTagged)
			}
		}
	}
	f.Fuzz(func(t *testing.T, source, target string) {
		p := corpus.Pair{Source: document.Plain(source), Target: document.Plain(target), SourceTagged: source, TargetTagged: target}
		forms, markup := documentForms(p)
		if len(forms) > 0 && !markup {
			t.Fatal("forms without markup")
		}
		for i, fm := range forms {
			codes := document.CodesOf(fm.source)
			for k, c := range codes {
				if c.ID != k+1 {
					t.Fatalf("form %d %q: code %d numbered %d", i, fm.source, k+1, c.ID)
				}
			}
			if err := document.CheckTags(codes, fm.source); err != nil {
				t.Fatalf("form %d source %q: %v", i, fm.source, err)
			}
			if err := document.CheckTags(codes, fm.target); err != nil {
				t.Fatalf("form %d target %q: %v", i, fm.target, err)
			}
			wantSrc, wantTgt := document.Plain(source), document.Plain(target)
			gotSrc, gotTgt := document.Plain(fm.source), document.Plain(fm.target)
			if i > 0 {
				if !strings.Contains(wantSrc, gotSrc) || !strings.Contains(wantTgt, gotTgt) {
					t.Fatalf("paragraph form %q → %q is not made of the words of %q → %q", fm.source, fm.target, source, target)
				}
				continue
			}
			if gotSrc != wantSrc || gotTgt != wantTgt {
				t.Fatalf("form %q → %q has other words than %q → %q", fm.source, fm.target, source, target)
			}
		}
	})
}
