package align

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/bitext/bitext/internal/fixtures"
)

// TestFolderMispairedChapters: in a folder of a book's chapters, a German chapter paired with
// another chapter's English is a guess (Guessed), though the word table the whole corpus
// shares (Options.Lexicon) makes two chapters of one book look alike in the second pass: of the
// Rust book's chapters 3 to 12 with two pairs of English files swapped, folder mode called only
// three of the four mispaired documents unrelated, and another reviewer's six swaps over the
// whole book only seven of twelve. The first pass's own evidence decides now. The chapters are
// not in the repository; testdata/align/rustbook/SOURCES.md says how to stage them.
func TestFolderMispairedChapters(t *testing.T) {
	heavy(t)
	dir := fixtures.Dir(t, "align/rustbook-chapters", "de/ch03-01-variables-and-mutability.md")
	fp, err := PairFolders(filepath.Join(dir, "de"), filepath.Join(dir, "en"))
	if err != nil {
		t.Fatal(err)
	}
	swaps := [][2]string{{"ch05-02-example-structs.md", "ch06-01-defining-an-enum.md"}, {"ch09-03-to-panic-or-not-to-panic.md", "ch10-02-traits.md"}}
	index := func(id string) int {
		k := slices.IndexFunc(fp.Pairs, func(p DocPair) bool { return p.ID == id })
		if k < 0 {
			t.Fatalf("no pair %s", id)
		}
		return k
	}
	mispaired := map[string]bool{}
	for _, s := range swaps {
		a, b := index(s[0]), index(s[1])
		fp.Pairs[a].Tgt, fp.Pairs[b].Tgt = fp.Pairs[b].Tgt, fp.Pairs[a].Tgt
		mispaired[s[0]], mispaired[s[1]] = true, true
	}
	read := func(ctx context.Context, name, lang string) (*Document, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return ReadDocument(ctx, f, name, lang, ReadOptions{})
	}
	load := func(ctx context.Context, p DocPair) (Loaded, error) {
		src, err := read(ctx, p.Src, "de")
		if err != nil {
			return Loaded{}, err
		}
		tgt, err := read(ctx, p.Tgt, "en")
		return Loaded{Src: src, Tgt: tgt}, err
	}
	var mu sync.Mutex
	guessed := map[string]bool{}
	err = AlignAll(context.Background(), fp.Pairs, 2, load, func(p DocPair, _ Loaded, beads []Bead) error {
		mu.Lock()
		defer mu.Unlock()
		guessed[p.ID] = Guessed(beads)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range fp.Pairs {
		if guessed[p.ID] != mispaired[p.ID] {
			t.Errorf("%s: Guessed %v, mispaired %v", p.ID, guessed[p.ID], mispaired[p.ID])
		}
	}
}
