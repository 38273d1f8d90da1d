package tm

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/fixtures"
)

// The real TMX files of CAT-tool test suites listed in testdata/interop/tmx/MANIFEST.tsv (not
// committed: internal/fixtures finds them in $BITEXT_FIXTURES, testdata or ../shared/data).
const interopManifest = "../testdata/interop/tmx/MANIFEST.tsv"

type pairCollector struct{ pairs []corpus.Pair }

func (c *pairCollector) Write(p corpus.Pair) error { c.pairs = append(c.pairs, p); return nil }
func (c *pairCollector) Close() error              { return nil }

// TestInteropImportExport imports every real TMX file into a fresh memory and exports it
// again: every exported pair is one the file holds, byte for byte (after the reader's
// documented inline-code handling), or the tagged entry (documentForms) of a unit whose codes
// convert, every source of the file with both sides non-blank comes back, and the export
// writes every entry the memory holds.
func TestInteropImportExport(t *testing.T) {
	type entry struct{ name, src, tgt string }
	var files []entry
	for _, c := range fixtures.Manifest(t, interopManifest, 3) {
		files = append(files, entry{c[0], c[1], c[2]})
	}
	dir := fixtures.Dir(t, "interop/tmx", files[0].name)
	ctx := context.Background()
	total := 0
	for _, e := range files {
		t.Run(e.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, e.name))
			if err != nil {
				t.Fatal(err)
			}
			opt := corpus.ReaderOptions{SourceLang: e.src, TargetLang: e.tgt}
			// What the file holds, as the TMX reader gives it.
			r, err := corpus.NewReader(corpus.TMX, bytes.NewReader(data), e.name, opt)
			if err != nil {
				t.Fatal(err)
			}
			inFile := map[[2]string]bool{}
			formsInFile := map[[2]string]bool{}
			sources := map[string]bool{}
			for {
				p, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				inFile[[2]string{p.Source, p.Target}] = true
				forms, _ := documentForms(p)
				for _, f := range forms {
					formsInFile[[2]string{f.source, f.target}] = true
				}
				if strings.TrimSpace(p.Source) != "" && strings.TrimSpace(p.Target) != "" {
					sources[p.Source] = true
				}
			}

			db, err := Open(filepath.Join(t.TempDir(), "tm.sqlite"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			r, err = corpus.NewReader(corpus.TMX, bytes.NewReader(data), e.name, opt)
			if err != nil {
				t.Fatal(err)
			}
			res, err := db.ImportPairs(ctx, r, ImportOptions{SourceLang: e.src, TargetLang: e.tgt})
			if err != nil {
				t.Fatal(err)
			}
			var out pairCollector
			n, err := db.Export(ctx, &out, ExportOptions{SourceLang: e.src, TargetLang: e.tgt})
			if err != nil {
				t.Fatal(err)
			}
			st, err := db.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != st.Entries || n < res.Stored {
				t.Errorf("export wrote %d pairs; the memory holds %d entries, the import stored %d pairs (%s)", n, st.Entries, res.Stored, res)
			}
			back := map[string]bool{}
			for _, p := range out.pairs {
				if p.SourceTagged != "" {
					if !formsInFile[[2]string{p.SourceTagged, p.TargetTagged}] {
						t.Errorf("exported tagged pair not made of a unit of the file:\n source %q\n target %q", p.SourceTagged, p.TargetTagged)
					}
					continue
				}
				if !inFile[[2]string{p.Source, p.Target}] {
					t.Errorf("exported pair not in the file byte for byte:\n source %q\n target %q", p.Source, p.Target)
				}
				back[p.Source] = true
			}
			for s := range sources {
				if !back[s] {
					t.Errorf("source lost between import and export: %q", s)
				}
			}
			total += n
		})
	}
	t.Logf("%d files, %d pairs through import and export", len(files), total)
}
