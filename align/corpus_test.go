package align

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
)

func TestReadPairList(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []DocPair
		err      string
	}{
		{"two columns", "a.de\ta.en\n", []DocPair{{"a.de", "d/a.de", "d/a.en", "list.tsv:1"}}, ""},
		{"id and comment", "# c\n\nx\ty\tdoc1\r\n", []DocPair{{"doc1", "d/x", "d/y", "list.tsv:3"}}, ""},
		{"absolute", "/p/x\t/p/y\n", []DocPair{{"/p/x", "/p/x", "/p/y", "list.tsv:1"}}, ""},
		{"one column", "a\tb\nonly\n", nil, "list.tsv:2: want SRC<TAB>TGT"},
		{"duplicate id", "a\tb\tx\nc\td\tx\n", nil, "list.tsv:2: document id \"x\" already on line 1"},
		{"binary", "a\x00\tb\n", nil, "list.tsv:1: NUL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadPairList(strings.NewReader(tc.in), "list.tsv", "d")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func FuzzReadPairList(f *testing.F) {
	f.Add("a\tb\n# x\nc\td\te\n")
	f.Add("\uFEFFa\tb\r\n\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ReadPairList(strings.NewReader(s), "f", "")
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) && !strings.HasPrefix(err.Error(), "f: ") {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, p := range ps {
			if p.ID == "" || p.Src == "" || p.Tgt == "" || seen[p.ID] {
				t.Fatalf("bad pair %+v", p)
			}
			seen[p.ID] = true
		}
	})
}

// TestPairFolders: files pair by relative path, names compared composed (macOS writes
// "Übersicht" decomposed, U+0055 U+0308) and, where one name on each side is so, in any case;
// hidden files, editor backups and assets (the Rust book's src/img/*.svg and *.png beside its
// chapters) are neither paired nor missing; a missing file's near namesake is named.
func TestPairFolders(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"de/b.txt", "de/a/x.txt", "de/.hidden", "de/lonely.txt", "en/b.txt", "en/a/x.txt", "en/extra.txt", "de/img/a.svg", "en/img/a.svg", "de/img/b.PNG", "en/img/b.PNG", "de/style.css",
		"de/\u00dcbersicht.md", "en/U\u0308bersicht.md", "de/Contributing.md", "en/contributing.md", "de/b.txt~", "de/#b.txt#", "de/b.txt.orig",
		"de/guide.de.md", "en/guide.en.md", "de/Case.md", "de/case.md", "en/CASE.md"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "de", "b.txt"), filepath.Join(dir, "de", "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "en", "b.txt"), filepath.Join(dir, "en", "link.txt")); err != nil {
		t.Fatal(err)
	}
	fp, err := PairFolders(filepath.Join(dir, "de"), filepath.Join(dir, "en"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range fp.Pairs {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, " "); got != "Contributing.md a/x.txt b.txt link.txt \u00dcbersicht.md" {
		t.Errorf("ids %q", got)
	}
	if len(fp.CaseOnly) != 1 || filepath.Base(fp.CaseOnly[0].Tgt) != "contributing.md" {
		t.Errorf("case only %v", fp.CaseOnly)
	}
	base := func(paths []string) string {
		var b []string
		for _, p := range paths {
			b = append(b, filepath.Base(p))
		}
		return strings.Join(b, " ")
	}
	// Case.md and case.md are two documents: neither is CASE.md's.
	if got := base(fp.Missing); got != "Case.md case.md guide.de.md lonely.txt" {
		t.Errorf("missing %q", got)
	}
	if got := base(fp.Extra); got != "CASE.md extra.txt guide.en.md" {
		t.Errorf("extra %q", got)
	}
	// Named alike: another language code, another case where pairing is ambiguous.
	if near := fp.Near[filepath.Join(dir, "de", "guide.de.md")]; filepath.Base(near) != "guide.en.md" || filepath.Base(fp.Near[filepath.Join(dir, "de", "case.md")]) != "CASE.md" || len(fp.Near) != 3 {
		t.Errorf("near %v", fp.Near)
	}
	// Two source names of one composed form: one pairs, the other is named missing.
	nf := t.TempDir()
	for _, f := range []string{"de/\u00dcbersicht.md", "de/U\u0308bersicht.md", "en/\u00dcbersicht.md"} {
		p := filepath.Join(nf, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if fp, err := PairFolders(filepath.Join(nf, "de"), filepath.Join(nf, "en")); err != nil || len(fp.Pairs) != 1 || len(fp.Missing) != 1 {
		t.Errorf("two forms of one name: %+v, %v", fp, err)
	}
	if _, err := PairFolders(filepath.Join(dir, "de", "b.txt"), dir); err == nil {
		t.Error("a file as a folder: no error")
	}
}

// TestAlignAll checks that results come out in the pairs' order whatever the workers' timing,
// that every worker is used, and that the first error stops the run.
func TestAlignAll(t *testing.T) {
	var pairs []DocPair
	for k := range 20 {
		pairs = append(pairs, DocPair{ID: fmt.Sprint(k)})
	}
	var busy, peak atomic.Int32
	load := func(_ context.Context, p DocPair) (Loaded, error) {
		n := busy.Add(1)
		defer busy.Add(-1)
		for {
			old := peak.Load()
			if n <= old || peak.CompareAndSwap(old, n) {
				break
			}
		}
		s := []string{"Satz " + p.ID + ".", "Noch einer."}
		return Loaded{Src: &Document{Name: p.ID, Sentences: s}, Tgt: &Document{Sentences: s}}, nil
	}
	var got []string
	err := AlignAll(context.Background(), pairs, 4, load, func(p DocPair, l Loaded, beads []Bead) error {
		got = append(got, p.ID)
		if len(beads) != 2 || l.Src.Name != p.ID {
			t.Errorf("%s: %d beads", p.ID, len(beads))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(func() []string {
		var ids []string
		for _, p := range pairs {
			ids = append(ids, p.ID)
		}
		return ids
	}()) {
		t.Errorf("order %v", got)
	}
	boom := errors.New("boom")
	err = AlignAll(context.Background(), pairs, 3, func(ctx context.Context, p DocPair) (Loaded, error) {
		if p.ID == "5" {
			return Loaded{}, boom
		}
		return load(ctx, p)
	}, func(p DocPair, _ Loaded, _ []Bead) error {
		if p.ID >= "5" && len(p.ID) == 1 {
			t.Errorf("pair %s emitted after the failing one", p.ID)
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want boom", err)
	}
	// A load that wraps ErrSkip leaves its pair out, in the warm-up's sample (all of these short
	// pairs) and after it (without a second pass the warm-up loads one pair), and the run goes on.
	for _, tc := range []struct {
		bad       string
		noRealign bool
	}{{"0", false}, {"1", false}, {"17", false}, {"0", true}, {"17", true}} {
		bad := tc.bad
		got = nil
		err = AlignAll(context.Background(), pairs, 3, func(ctx context.Context, p DocPair) (Loaded, error) {
			if p.ID == bad {
				return Loaded{}, fmt.Errorf("%w: %s: unreadable", ErrSkip, p.ID)
			}
			l, err := load(ctx, p)
			l.Opt.NoRealign = tc.noRealign
			return l, err
		}, func(p DocPair, _ Loaded, _ []Bead) error {
			got = append(got, p.ID)
			return nil
		})
		if err != nil {
			t.Fatalf("skipping %s: %v", bad, err)
		}
		if len(got) != len(pairs)-1 || slices.Contains(got, bad) {
			t.Errorf("skipping %s: emitted %v", bad, got)
		}
	}
}

// TestExplain explains a merged bead of the test article: its lengths, the surface evidence
// with the dictionary's translations, and a confidence equal to the alignment's.
func TestExplain(t *testing.T) {
	src, tgt, _, sb, tb, _ := tramDoc(t)
	sd, td := &Document{Sentences: src, Breaks: sb, Lang: "de"}, &Document{Sentences: tgt, Breaks: tb, Lang: "en"}
	opt := Options{Dict: tramDict(t)}
	beads, err := Documents(context.Background(), sd, td, opt)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Explain(context.Background(), sd, td, opt, 4)
	if err != nil {
		t.Fatal(err)
	}
	if FormatBead(ex.Bead) != FormatBead(beads[4]) || len(ex.Bead.Src) != 2 {
		t.Fatalf("explained %s, aligned %s", FormatBead(ex.Bead), FormatBead(beads[4]))
	}
	if ex.SrcChars == 0 || ex.TgtChars == 0 || len(ex.Channels) == 0 || ex.Channels[0].Name != "surface" {
		t.Errorf("explanation %+v", ex)
	}
	var sb2 strings.Builder
	if err := WriteExplanation(&sb2, ex); err != nil {
		t.Fatal(err)
	}
	if ex.Boundaries[1][0] == "" || !strings.Contains(sb2.String(), "boundaries: start ") {
		t.Errorf("no boundaries in the explanation:\n%s", sb2.String())
	}
	if ex.CrossingAnchors[0] == nil || !strings.Contains(sb2.String(), "anchors crossing the cuts: start ") {
		t.Errorf("no crossing anchors in the explanation:\n%s", sb2.String())
	}
	if !strings.Contains(sb2.String(), "bead 5: [4, 5]:[4]") {
		t.Errorf("explanation text:\n%s", sb2.String())
	}
	if _, err := Explain(context.Background(), sd, td, opt, len(beads)); err == nil {
		t.Error("bead out of range: no error")
	}
}

// BenchmarkAlignAll aligns synthetic document pairs with AlignAll on GOMAXPROCS workers — 8 of
// 2,000 sentences a side ("long"), and 400 of 40 ("short": the shared word table's warm-up
// runs the first passes of the first 200 before any pair is aligned) — and reports the cores used (CPU
// seconds per wall second: close to GOMAXPROCS on an idle machine) and the pairs per second.
func BenchmarkAlignAll(b *testing.B) {
	for _, size := range []struct {
		name    string
		docs, n int
	}{{"long", 8, 2000}, {"short", 400, 40}} {
		b.Run(size.name, func(b *testing.B) {
			type doc struct{ src, tgt []string }
			var docs []doc
			var pairs []DocPair
			for k := range size.docs {
				src, tgt, _ := synthetic(size.n, uint64(k+1))
				docs = append(docs, doc{src, tgt})
				pairs = append(pairs, DocPair{ID: fmt.Sprint(k)})
			}
			load := func(_ context.Context, p DocPair) (Loaded, error) {
				var k int
				fmt.Sscan(p.ID, &k)
				return Loaded{Src: &Document{Sentences: docs[k].src}, Tgt: &Document{Sentences: docs[k].tgt}}, nil
			}
			cpu0 := cputime.Seconds()
			for b.Loop() {
				if err := AlignAll(context.Background(), pairs, 0, load, func(DocPair, Loaded, []Bead) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cputime.Seconds()-cpu0)/b.Elapsed().Seconds(), "cores-used")
			b.ReportMetric(float64(len(pairs)*b.N)/b.Elapsed().Seconds(), "pairs/s")
			b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "GOMAXPROCS")
		})
	}
}

// The surface channel's shared words leave out short ones, unless nothing else is shared: then
// the short word is what the similarity rests on, and the explanation must say so.
func TestSharedTermsShortWordsWhenAlone(t *testing.T) {
	src := &Document{Sentences: []string{"Außerdem befürchtet seine Fraktion Baustellen in der Innenstadt.", "Die Expedition erreichte 1956 den Gipfel in Nepal."}}
	tgt := &Document{Sentences: []string{"He pointed to the rise in prices.", "The expedition reached the summit in 1956 in Nepal."}}
	for _, tc := range []struct {
		bead Bead
		want []string
	}{
		{Bead{Src: []int{0}, Tgt: []int{0}}, []string{"in"}},
		{Bead{Src: []int{1}, Tgt: []int{1}}, []string{"expedition", "1956", "nepal"}},
	} {
		got := sharedTerms("surface", src, tgt, Options{}, nil, tc.bead)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: shared %q, want %q", tc.bead, got, tc.want)
		}
	}
}

// TestExplainInCorpus: a bead of a corpus is explained as the corpus aligned it, with the word
// table its leading pairs teach, not as its pair alone would be aligned (a short pair alone
// learns little: its confidences differ). The pairs are the Rust book's workspace chapter cut
// into five, some English sentences joined so that beads are not all 1-1.
func TestExplainInCorpus(t *testing.T) {
	de := readLines(t, "../testdata/align/rustbook/ch14-03.de")
	en := readLines(t, "../testdata/align/rustbook/ch14-03.mt.en")
	var pairs []DocPair
	docs := map[string][2][]string{}
	for k := 0; k+12 <= len(de); k += 12 {
		var tgt []string
		for i := k; i < k+12; i++ {
			if i%5 == 3 && i+1 < k+12 { // 3-4, 8-9: one English sentence for two German
				tgt = append(tgt, en[i]+" "+en[i+1])
				i++
				continue
			}
			tgt = append(tgt, en[i])
		}
		id := fmt.Sprintf("part%d", k/12)
		pairs = append(pairs, DocPair{ID: id, Src: id + ".de", Tgt: id + ".en"})
		docs[id] = [2][]string{de[k : k+12], tgt}
	}
	load := func(_ context.Context, p DocPair) (Loaded, error) {
		d := docs[p.ID]
		return Loaded{Src: &Document{Sentences: d[0], Lang: "de"}, Tgt: &Document{Sentences: d[1], Lang: "en"}}, nil
	}
	corpusBeads := map[string][]Bead{}
	if err := AlignAll(context.Background(), pairs, 2, load, func(p DocPair, _ Loaded, beads []Bead) error {
		corpusBeads[p.ID] = beads
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	differ := 0 // beads whose pair alone gets another bead or confidence
	for _, p := range pairs {
		l, _ := load(context.Background(), p)
		alone, err := Documents(context.Background(), l.Src, l.Tgt, l.Opt)
		if err != nil {
			t.Fatal(err)
		}
		for k, want := range corpusBeads[p.ID] {
			ex, err := ExplainInCorpus(context.Background(), pairs, 2, load, p.ID, k, 0, 1)
			if err != nil {
				t.Fatalf("%s bead %d: %v", p.ID, k+1, err)
			}
			if FormatBead(ex.Bead) != FormatBead(want) || ex.Doc != p {
				t.Errorf("%s bead %d: explained %s of %+v, the corpus has %s", p.ID, k+1, FormatBead(ex.Bead), ex.Doc, FormatBead(want))
			}
			if k >= len(alone) || FormatBead(alone[k]) != FormatBead(want) {
				differ++
			}
		}
	}
	if differ == 0 {
		t.Error("every pair aligned alone as in the corpus: the test shows nothing")
	}
	if _, err := ExplainInCorpus(context.Background(), pairs, 2, load, "part9", 0, 0, 1); !errors.Is(err, ErrNoDocument) {
		t.Errorf("unknown id: %v", err)
	}
	var re *BeadRangeError
	if _, err := ExplainInCorpus(context.Background(), pairs, 2, load, "part0", 99, 0, 1); !errors.As(err, &re) || re.Beads != len(corpusBeads["part0"]) {
		t.Errorf("bead 100 of part0: %v", err)
	}
}
