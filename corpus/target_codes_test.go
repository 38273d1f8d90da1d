package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/google/go-cmp/cmp"
)

// TestTargetKeepsItsOwnCodes: a unit whose target's code has other markup than the source's
// (the LISA compliance kit's image with its French ALT text) keeps both, read from TMX and
// written as TMX (valid TMX 1.4b), XLIFF 1.2, XLIFF 2.1 and JSONL and read back. A pair had one
// table of codes, the source's: the French side was written with the English image.
func TestTargetKeepsItsOwnCodes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "tmx", "ImportTest2C.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := readAll(TMX, data, nil, ReaderOptions{SourceLang: "en-us", TargetLang: "fr"})
	if err != nil || len(ps) != 1 {
		t.Fatalf("read %d pairs, %v", len(ps), err)
	}
	p := ps[0]
	srcImage := `<IMG SRC="here.png" ALT="Start Here!">`
	tgtImage := `<IMG SRC="here.png" ALT="Commencez ici !">`
	// side returns the markup of each code of one side, by number.
	side := func(p Pair, target bool) map[int]string {
		tagged, codes := p.SourceTagged, p.Codes
		if target {
			tagged, codes = p.TargetTagged, sideCodes(p.Codes, p.TargetCodes)
		}
		out := map[int]string{}
		for _, c := range document.CodesOf(tagged) {
			got, _ := codeByID(codes, c.ID)
			out[c.ID] = got.Open + "|" + got.Close
		}
		return out
	}
	wantSrc := map[int]string{1: "<I>|", 2: "<B>|</B>", 3: srcImage + "|"}
	wantTgt := map[int]string{1: "<I>|", 2: "<B>|</B>", 3: tgtImage + "|"}
	if diff := cmp.Diff(wantSrc, side(p, false)); diff != "" {
		t.Fatalf("source codes as read (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantTgt, side(p, true)); diff != "" {
		t.Fatalf("target codes as read (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		name   string
		format Format
		opt    WriterOptions
	}{
		{"tmx", TMX, WriterOptions{SourceLang: "en", TargetLang: "fr"}},
		{"xliff 1.2", XLIFF, WriterOptions{SourceLang: "en", TargetLang: "fr"}},
		{"xliff 2.1", XLIFF, WriterOptions{SourceLang: "en", TargetLang: "fr", XLIFFVersion: "2.1"}},
		{"jsonl", JSONL, WriterOptions{}},
		{"jsonl entries", JSONL, WriterOptions{Entries: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(tt.format, &buf, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(p); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if tt.format == TMX {
				if lint, err := lookXmllint(); err == nil {
					validateTMX(t, lint, buf.Bytes())
				}
			}
			got, err := readAll(tt.format, buf.Bytes(), nil, ReaderOptions{SourceLang: "en", TargetLang: "fr"})
			if err != nil || len(got) != 1 {
				t.Fatalf("read back %d pairs, %v\n%s", len(got), err, buf.Bytes())
			}
			if diff := cmp.Diff(wantSrc, side(got[0], false)); diff != "" {
				t.Errorf("source codes read back (-want +got):\n%s\n%s", diff, buf.Bytes())
			}
			if diff := cmp.Diff(wantTgt, side(got[0], true)); diff != "" {
				t.Errorf("target codes read back (-want +got):\n%s\n%s", diff, buf.Bytes())
			}
		})
	}
}

// TestReadJSONLTargetCodesChecked: target_codes describe the target's tagged text only; a
// number it does not hold is an error naming the list, as for codes.
func TestReadJSONLTargetCodesChecked(t *testing.T) {
	for _, tt := range []struct{ name, line, want string }{
		{"no target_tagged", `{"source":"a","target":"b","source_tagged":"<x1/>a","target_codes":[{"id":1,"kind":"standalone","open":"<br/>"}]}`, "target_codes without target_tagged"},
		{"a source-only code", `{"source":"a","target":"b","source_tagged":"<x1/>a<x2/>","target_tagged":"<x1/>b","target_codes":[{"id":2,"kind":"standalone","open":"<br/>"}]}`, "target_codes[0]: id 2 is no code"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(JSONL, []byte(tt.line+"\n"), nil, ReaderOptions{})
			if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tt.want)) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}
