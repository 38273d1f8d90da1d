package tm

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/google/go-cmp/cmp"
)

// segmentsWithCodes reads a document of testdata/tagged as translate reads it (package
// document) and returns its segments that have inline codes, by their tagged text.
func segmentsWithCodes(t *testing.T, name, src, tgt string) map[string][]document.Code {
	t.Helper()
	d := readTagged(t, name, src, tgt)
	out := map[string][]document.Code{}
	for _, s := range d.Segments {
		if len(s.Codes) > 0 {
			out[s.Text] = s.Codes
		}
	}
	if len(out) < 2 {
		t.Fatalf("%s: %d segments with codes", name, len(out))
	}
	return out
}

// readTagged reads a document of testdata/tagged as translate reads it.
func readTagged(t *testing.T, name, src, tgt string) *document.Doc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tagged", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Read(bytes.NewReader(data), name, document.Options{SourceLang: src, TargetLang: tgt})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// exportedTMX writes pairs as tm export writes TMX, German to English.
func exportedTMX(t *testing.T, ps []corpus.Pair) string { return exportedTMXLangs(t, ps, "de", "en") }

// exportedTMXLangs writes pairs as tm export writes TMX of the languages src and tgt.
func exportedTMXLangs(t *testing.T, ps []corpus.Pair, src, tgt string) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := corpus.NewWriter(corpus.TMX, &buf, corpus.WriterOptions{SourceLang: src, TargetLang: tgt})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// The tagged heading of tropicana-startseite.html and of the XLIFF unit it was written from:
// one tagged text, one key, whose code is an HTML <b> in one and an XLIFF <g> in the other.
const taggedHeading = "<g1>tropicana</g1> - Das Reisebüro"

// TestStoreMachineCodes: a machine translation of a document's segment is stored with what its
// codes stand for (Key.Codes), and exported with that markup, in SQLite and PostgreSQL: TMX
// writes the page's <b> and its mailto link as the native code of <bpt>/<ept>, as the TMX 1.4b
// spec has it, where the export wrote <bpt i="1" x="1"></bpt> and a CAT tool importing it got
// no formatting back. The codes are no part of the key: the entry answers the tagged text
// whatever its codes stand for.
func TestStoreMachineCodes(t *testing.T) {
	page := segmentsWithCodes(t, "tropicana-startseite.html", "de", "en")
	xliff := segmentsWithCodes(t, "OnTramTest01-startseite.xlf", "de", "en")
	forEachBackend(t, func(t *testing.T, loc string) {
		db := openAt(t, loc, Options{})
		var ks []Key
		var targets []string
		for source, codes := range page {
			k := baseKey(source)
			k.Codes = codes
			ks = append(ks, k)
			targets = append(targets, "[en] "+source)
		}
		if err := db.StoreMany(ctx, ks, targets); err != nil {
			t.Fatal(err)
		}
		exported := exportAll(t, db)
		for source, codes := range page {
			found := false
			for _, p := range exported {
				if p.SourceTagged != source {
					continue
				}
				found = true
				if diff := cmp.Diff(codes, p.Codes); diff != "" || p.TargetCodes != nil {
					t.Errorf("%q exported with codes (-stored +exported):\n%s\ntarget's own: %+v", source, diff, p.TargetCodes)
				}
			}
			if !found {
				t.Errorf("%q not exported with its codes: %+v", source, exported)
			}
		}
		tmx := exportedTMX(t, exported)
		for _, want := range []string{
			`<seg><bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>tropicana<ept i="1">&lt;/b&gt;</ept> - Das Reisebüro</seg>`,
			`<seg>[en] <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>tropicana<ept i="1">&lt;/b&gt;</ept> - Das Reisebüro</seg>`,
			`Email: <bpt i="1" x="1" type="link">&lt;a href="mailto:fernweh@tropicana.travel"&gt;</bpt>fernweh@tropicana.travel<ept i="1">&lt;/a&gt;</ept>`,
		} {
			if !strings.Contains(tmx, want) {
				t.Errorf("the TMX export lacks %s:\n%s", want, tmx)
			}
		}
		validateTMX14(t, []byte(tmx))

		// Looked up as before: without codes, or with the XLIFF's for the same tagged text.
		plain := baseKey(taggedHeading)
		other := plain
		other.Codes = xliff[taggedHeading]
		if other.Codes == nil {
			t.Fatalf("the XLIFF has no segment %q", taggedHeading)
		}
		for _, k := range []Key{plain, other} {
			if got := mustLookup(t, db, k); got != "[en] "+taggedHeading {
				t.Errorf("Lookup(%q with codes %+v) = %q", k.Source, k.Codes, got)
			}
		}
	})
}

// TestStoreMachineCodesReplaced: a newer translation of a key replaces the older with its
// codes' markup, and keeps the stored markup when it comes without any (it still describes the
// tagged source's codes), one store after another and within one batch alike: SQLite stores a
// batch row by row, PostgreSQL in one statement that keeps the last of a key given twice.
func TestStoreMachineCodesReplaced(t *testing.T) {
	page := segmentsWithCodes(t, "tropicana-startseite.html", "de", "en")[taggedHeading]
	xliff := segmentsWithCodes(t, "OnTramTest01-startseite.xlf", "de", "en")[taggedHeading]
	if page == nil || xliff == nil || cmp.Equal(page, xliff) {
		t.Fatalf("the page's and the XLIFF's codes of %q: %+v, %+v", taggedHeading, page, xliff)
	}
	withCodes := func(codes []document.Code) Key {
		k := baseKey(taggedHeading)
		k.Codes = codes
		return k
	}
	forEachBackend(t, func(t *testing.T, loc string) {
		db := openAt(t, loc, Options{})
		for _, step := range []struct {
			name      string
			ks        []Key
			targets   []string
			target    string          // looked up after the step
			wantCodes []document.Code // exported after the step
		}{
			{"the page's codes", []Key{withCodes(page)}, []string{"T1"}, "T1", page},
			{"no codes", []Key{withCodes(nil)}, []string{"T2"}, "T2", page},
			// Stored as an import of the unit stores them: a bold code, no XLIFF element.
			{"the XLIFF's codes", []Key{withCodes(xliff)}, []string{"T3"}, "T3", []document.Code{{ID: 1, Kind: document.Paired, Name: "bold"}}},
			{"the page's codes, then none, in one batch", []Key{withCodes(page), withCodes(nil)}, []string{"T4", "T5"}, "T5", page},
		} {
			if err := db.StoreMany(ctx, step.ks, step.targets); err != nil {
				t.Fatal(err)
			}
			if got := mustLookup(t, db, withCodes(nil)); got != step.target {
				t.Errorf("after storing with %s: Lookup = %q, want %q", step.name, got, step.target)
			}
			exported := exportAll(t, db)
			if len(exported) != 1 {
				t.Fatalf("after storing with %s: exported %+v", step.name, exported)
			}
			if diff := cmp.Diff(step.wantCodes, exported[0].Codes); diff != "" {
				t.Errorf("after storing with %s, exported codes (-want +got):\n%s", step.name, diff)
			}
		}
	})
}

// TestStoreMachineCodesOldMemory: a memory whose machine translations were stored without
// their codes' markup (by a bitext before Key.Codes, in a memory made before the column codes)
// still answers them, and exports them with empty codes, as before, once a bitext that knows
// the column has opened it; a translation stored again with its codes then has them.
func TestStoreMachineCodesOldMemory(t *testing.T) {
	page := segmentsWithCodes(t, "tropicana-startseite.html", "de", "en")[taggedHeading]
	forEachBackend(t, func(t *testing.T, loc string) {
		db := openAt(t, loc, Options{})
		mustStore(t, db, baseKey(taggedHeading), "[en] "+taggedHeading) // as a bitext before Key.Codes
		if _, err := db.sql.Exec("ALTER TABLE entries DROP COLUMN codes"); err != nil {
			t.Fatal(err)
		}
		db.Close()

		db = openAt(t, loc, Options{})
		if got := mustLookup(t, db, baseKey(taggedHeading)); got != "[en] "+taggedHeading {
			t.Errorf("Lookup = %q", got)
		}
		exported := exportAll(t, db)
		if len(exported) != 1 || exported[0].SourceTagged != taggedHeading || exported[0].Codes != nil {
			t.Fatalf("exported %+v", exported)
		}
		if tmx := exportedTMX(t, exported); !strings.Contains(tmx, `<seg><bpt i="1" x="1"></bpt>tropicana<ept i="1"></ept> - Das Reisebüro</seg>`) {
			t.Errorf("an entry stored without markup exported as\n%s", tmx)
		}
		k := baseKey(taggedHeading)
		k.Codes = page
		mustStore(t, db, k, "[en] "+taggedHeading)
		if exported := exportAll(t, db); len(exported) != 1 || !cmp.Equal(exported[0].Codes, page) {
			t.Errorf("stored again with its codes, exported %+v", exported)
		}
	})
}

// TestMachineCodesJSON: the column codes of a machine translation holds the markup of the
// codes its tagged source holds, each once and of its kind, numbered as the source numbers
// them; nothing for a plain source or codes whose markup is unknown.
func TestMachineCodesJSON(t *testing.T) {
	// The page's paragraph of two codes (<i>, <u>) and its heading's <b>.
	page := segmentsWithCodes(t, "tropicana-startseite.html", "de", "en")
	var paragraph []document.Code
	for source, codes := range page {
		if strings.Contains(source, "Location Scout") {
			paragraph = codes
		}
	}
	if len(paragraph) != 2 {
		t.Fatalf("the paragraph's codes: %+v", paragraph)
	}
	italic, underline, bold := paragraph[0], paragraph[1], page[taggedHeading][0]
	renumbered := underline
	renumbered.ID = 1
	standalone := bold
	standalone.Kind = document.Standalone
	bare := document.Code{ID: 1, Kind: document.Paired}
	for _, tc := range []struct {
		name, source string
		codes        []document.Code
		want         []document.Code // nil: the column stays empty
	}{
		{"every code held", "Darum gibt es unser <g1>Location Scout Programm</g1>, das … um <g2>jedes</g2> Detail.", paragraph, paragraph},
		{"a sentence holding one of the paragraph's codes", "Darum gibt es unser <g1>Location Scout Programm</g1>, das alle angebotenen Reiseziele sorgfältig unter die Lupe nimmt.", paragraph, []document.Code{italic}},
		{"a later sentence, its code renumbered", "Mit Pünktlichkeit, Sorgfalt und Verlässlichkeit kümmern wir uns um <g1>jedes</g1> Detail.", []document.Code{renumbered}, []document.Code{renumbered}},
		{"a plain source", "Die tropische Welt ist unser Zuhause.", []document.Code{bold}, nil},
		{"a standalone code for a paired one", taggedHeading, []document.Code{standalone}, nil},
		{"a code given twice", taggedHeading, []document.Code{bold, bold}, []document.Code{bold}},
		{"no markup known", taggedHeading, []document.Code{bare}, nil},
		{"no codes", taggedHeading, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := baseKey(tc.source)
			k.Codes = tc.codes
			got := k.codesJSON()
			want := ""
			if tc.want != nil {
				b, err := json.Marshal(tc.want)
				if err != nil {
					t.Fatal(err)
				}
				want = string(b)
			}
			if got != want {
				t.Errorf("codesJSON() = %s, want %s", got, want)
			}
		})
	}
}

// TestMachineCodesFromXLIFF: a machine translation of an XLIFF file's unit stores its codes as
// an import of the unit stores them (corpus reads <g ctype="bold"> as a bold code and a <bpt>'s
// content as its markup), not as the XLIFF elements document keeps to write the file back: an
// export wrote <bpt> around an escaped <g id="1" ctype="bold">, formatting a CAT tool takes
// literally. OnTram's real file (Okapi's test data) has <ph>, bold, italic and underlined codes.
func TestMachineCodesFromXLIFF(t *testing.T) {
	const name = "OnTramTest01-startseite.xlf"
	segs := segmentsWithCodes(t, name, "de", "en")
	data, err := os.ReadFile(filepath.Join("testdata", "tagged", name))
	if err != nil {
		t.Fatal(err)
	}
	// Import reads units with a target: each unit's, as a translator would have filled it,
	// holds the source's codes.
	const empty = `<target state="needs-translation"/>`
	units := strings.Split(string(data), "<trans-unit ")
	for k, u := range units[1:] {
		i, j := strings.Index(u, "<source>"), strings.Index(u, "</source>")
		if i >= 0 && j > i && strings.HasPrefix(u[j+len("</source>"):], empty) {
			units[k+1] = u[:j+len("</source>")] + "<target>" + u[i+len("<source>"):j] + "</target>" + u[j+len("</source>")+len(empty):]
		}
	}
	filled := strings.Join(units, "<trans-unit ")
	r, err := corpus.NewReader(corpus.XLIFF, strings.NewReader(filled), name, corpus.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	imported := map[string][]document.Code{}
	for {
		p, err := r.Next()
		if err != nil {
			break
		}
		imported[p.SourceTagged] = p.Codes
	}
	n := 0
	for source, codes := range segs {
		want, ok := imported[source]
		if !ok {
			continue
		}
		n++
		k := baseKey(source)
		k.Codes = codes
		if got, w := k.codesJSON(), codesJSON(want, nil); got != w {
			t.Errorf("%q: codes %s, want as imported %s", source, got, w)
		}
	}
	if n < 2 {
		t.Fatalf("%d units compared", n)
	}
}
