package translate

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
)

// TestStoredCodes: the translations of a document read whole are stored in the memory with
// what their inline codes stand for (tm.Key.Codes), numbered as the stored source numbers
// them, so that an export writes the markup: a later sentence's codes shifted as its source,
// the other sentences' and pieces' codes left out, a subtitle cue's its own. Before, every
// entry was stored with its tagged text alone, and tm export wrote <bpt i="1"></bpt>: a CAT
// tool importing it got no <b>, no link. The documents are real ones of every format with
// codes (their origins and licences in the SOURCES.md beside them): a page, a CAT tool's
// XLIFF, Hugo Markdown, a DOCX's XLIFF (Okapi's), a Drupal PO and a SubRip file.
func TestStoredCodes(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		src, tgt   string
		maxChars   int // the provider's request limit: a small one cuts sentences into pieces
		minTagged  int // entries with codes the document gives at least
		// want is one entry's source read with its codes' markup: a later sentence of its
		// segment (its codes renumbered from 1), a piece of a sentence, a cue.
		want string
	}{
		{"html", "../tm/testdata/tagged/tropicana-startseite.html", "de", "en", 0, 5,
			"Mit Pünktlichkeit, Sorgfalt und Verlässlichkeit kümmern wir uns um <u>jedes</u> Detail."},
		{"xliff", "../tm/testdata/tagged/OnTramTest01-startseite.xlf", "de", "en", 0, 4,
			`Mit Pünktlichkeit, Sorgfalt und Verlässlichkeit kümmern wir uns um <g id="0" ctype="underlined">jedes</g> Detail.`},
		{"markdown", "../document/testdata/markdown/k8s-controller.md", "de", "en", 0, 19,
			"Die tatsächliche Raumtemperatur ist der *Istzustand*."},
		{"markdown pieces", "../document/testdata/markdown/k8s-controller.md", "de", "en", 60, 20,
			"[sample-controller](https://github.com/kubernetes/sample-controller) Repository."},
		{"docx xliff", "../document/testdata/okapi-docxsegtest.xlf", "en", "fr", 0, 5,
			`There is a <g id="2">second</g><g id="3"> sentence</g> here.`},
		{"po", "../document/testdata/po/drupal-cp1251.po", "en", "ru", 0, 10,
			"Also termed \"anonymous user\".</dd>\n  </dl>"},
		{"srt", "../document/testdata/windows/okapi-srttest.srt", "en", "de", 0, 1,
			"In connection with a dramatic increase in crime in <b>certain</b> neighbourhoods,"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := document.Read(bytes.NewReader(data), tc.path, document.Options{SourceLang: tc.src, TargetLang: tc.tgt})
			if err != nil {
				t.Fatal(err)
			}
			in, err := DocumentInput(d, tc.path, "")
			if err != nil {
				t.Fatal(err)
			}
			fake := &fakeProvider{}
			if tc.maxChars > 0 {
				fake.caps = providers.Capabilities{MaxSegments: 10, MaxChars: tc.maxChars, DefaultConcurrency: 2}
			}
			mem := &memMemory{}
			tr := &Translator{Provider: GuardTags(fake), Memory: mem, SourceLang: tc.src, TargetLang: tc.tgt}
			if _, err := tr.RunInputs(context.Background(), func(yield func(Input, error) bool) { yield(in, nil) }, func(*Result) error { return nil }); err != nil {
				t.Fatal(err)
			}
			// What the document's segments read as with their codes' markup: a stored source
			// with its codes' must read as part of one of them.
			var segments []string
			for _, s := range d.Segments {
				segments = append(segments, withMarkup(t, s.Text, s.Codes))
			}
			tagged, wanted := 0, false
			for _, k := range mem.stored {
				if !document.HasTags(k.Source) {
					if k.Codes != nil {
						t.Errorf("%q stored with codes %+v", k.Source, k.Codes)
					}
					continue
				}
				tagged++
				if len(k.Codes) != len(document.CodesOf(k.Source)) {
					t.Errorf("%q stored with codes %+v: one for each of its codes wanted", k.Source, k.Codes)
					continue
				}
				marked := withMarkup(t, k.Source, k.Codes)
				wanted = wanted || marked == tc.want
				found := false
				for _, s := range segments {
					found = found || strings.Contains(s, marked)
				}
				if !found {
					t.Errorf("%q stored with codes %+v, which read as %q: in no segment of the document", k.Source, k.Codes, marked)
				}
			}
			if tagged < tc.minTagged {
				t.Errorf("%d entries with codes stored, want at least %d", tagged, tc.minTagged)
			}
			if !wanted {
				t.Errorf("no entry stored that reads %q with its codes' markup", tc.want)
			}
		})
	}
}

// withMarkup is a tagged text with each code written as the markup codes give it.
func withMarkup(t *testing.T, tagged string, codes []document.Code) string {
	t.Helper()
	markup := map[int]document.Code{}
	for _, c := range codes {
		markup[c.ID] = c
	}
	var b strings.Builder
	for _, p := range document.Pieces(tagged) {
		c := markup[p.ID]
		switch p.Kind {
		case document.PieceText:
			b.WriteString(p.Text)
		case document.PieceOpen, document.PieceStandalone:
			b.WriteString(c.Open)
		case document.PieceClose:
			b.WriteString(c.Close)
		}
	}
	return b.String()
}
