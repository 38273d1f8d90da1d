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
	"github.com/google/go-cmp/cmp"
)

// The real TMX files of CAT-tool test suites listed in testdata/interop/tmx/MANIFEST.tsv (not
// committed: internal/fixtures finds them in $BITEXT_FIXTURES, testdata or ../shared/data).
const interopManifest = "../testdata/interop/tmx/MANIFEST.tsv"

type pairCollector struct{ pairs []corpus.Pair }

func (c *pairCollector) Write(p corpus.Pair) error { c.pairs = append(c.pairs, p); return nil }
func (c *pairCollector) Close() error              { return nil }

// TestInteropImportExport imports every real TMX file into a fresh memory and exports it
// again. Every exported pair is one the file holds, byte for byte (after the reader's
// documented inline-code handling), or a unit of the file with codes: its tagged entry
// (documentForms) with the unit's words. Every source of the file with both sides non-blank
// comes back, as a plain or a tagged pair. The export is the memory's units, each once: its
// pairs imported again make the memory's entries, no more and no fewer, and each pair makes an
// entry no other one makes. (Stats counts every entry, a unit's words and its tagged forms
// apart, and an export writes a unit with codes once: the two counts differ by design.)
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
			// formsInFile: the tagged entries of the file's units, each with the words of the
			// units it is made of.
			formsInFile := map[[2]string]map[[2]string]bool{}
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
					k := [2]string{f.source, f.target}
					if formsInFile[k] == nil {
						formsInFile[k] = map[[2]string]bool{}
					}
					formsInFile[k][[2]string{p.Source, p.Target}] = true
				}
				if strings.TrimSpace(p.Source) != "" && strings.TrimSpace(p.Target) != "" {
					sources[p.Source] = true
				}
			}

			imp := ImportOptions{SourceLang: e.src, TargetLang: e.tgt}
			db := openTemp(t)
			r, err = corpus.NewReader(corpus.TMX, bytes.NewReader(data), e.name, opt)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.ImportPairs(ctx, r, imp); err != nil {
				t.Fatal(err)
			}
			var out pairCollector
			n, err := db.Export(ctx, &out, ExportOptions{SourceLang: e.src, TargetLang: e.tgt})
			if err != nil {
				t.Fatal(err)
			}
			if n != len(out.pairs) {
				t.Fatalf("export says %d pairs, wrote %d", n, len(out.pairs))
			}
			back := map[string]bool{}
			for _, p := range out.pairs {
				if p.SourceTagged != "" {
					words, ok := formsInFile[[2]string{p.SourceTagged, p.TargetTagged}]
					switch {
					case !ok:
						t.Errorf("exported tagged pair not made of a unit of the file:\n source %q\n target %q", p.SourceTagged, p.TargetTagged)
					case !words[[2]string{p.Source, p.Target}]:
						t.Errorf("exported tagged pair %q without its unit's words:\n source %q\n target %q", p.SourceTagged, p.Source, p.Target)
					}
				} else if !inFile[[2]string{p.Source, p.Target}] {
					t.Errorf("exported pair not in the file byte for byte:\n source %q\n target %q", p.Source, p.Target)
				}
				back[p.Source] = true
			}
			for s := range sources {
				if !back[s] {
					t.Errorf("source lost between import and export: %q", s)
				}
			}

			// The exported pairs imported again, one at a time, into two memories, in their
			// order and the other way round: each adds entries to both (a pair whose entries
			// others make is one unit written twice), and together they make the memory.
			forward, backward := openTemp(t), openTemp(t)
			for i := range out.pairs {
				for _, m := range []struct {
					db *DB
					p  corpus.Pair
				}{{forward, out.pairs[i]}, {backward, out.pairs[len(out.pairs)-1-i]}} {
					before, err := m.db.Stats(ctx)
					if err != nil {
						t.Fatal(err)
					}
					if _, err := m.db.ImportPairs(ctx, &sliceReader{pairs: []corpus.Pair{m.p}}, imp); err != nil {
						t.Fatal(err)
					}
					after, err := m.db.Stats(ctx)
					if err != nil {
						t.Fatal(err)
					}
					if after.Entries == before.Entries {
						t.Errorf("exported pair %q (%q) adds no entry to those the pairs before it make: a unit written twice", m.p.Source, m.p.SourceTagged)
					}
				}
			}
			if diff := cmp.Diff(entryRows(t, db), entryRows(t, forward)); diff != "" {
				t.Errorf("entries after export and import (-imported from the file +from the export):\n%s", diff)
			}
			total += n
		})
	}
	t.Logf("%d files, %d pairs through import and export", len(files), total)
}
