package align

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/bitext/bitext/internal/inputs"
)

// DocPair names the two files of a document pair and its id in an output corpus.
type DocPair struct {
	ID       string // the pairs' doc field: the relative path, or the list's third column
	Src, Tgt string
	// Where is the line of the list that names the pair ("pairs.tsv:3"), for errors about its
	// files; "" for pairs of two folders.
	Where string
}

// FolderPairing is how PairFolders paired two folders' files.
type FolderPairing struct {
	Pairs []DocPair // sorted by ID
	// Missing are the source files without a counterpart, Extra the target files without one,
	// both sorted paths (the caller decides whether either is an error).
	Missing, Extra []string
	// CaseOnly are the pairs (also in Pairs) whose two names differ in letter case only
	// (Contributing.md with contributing.md), the one such name on either side: a tool
	// should say it paired them.
	CaseOnly []DocPair
	// Near gives a missing source file the target file whose name differs from its own only in
	// its extension or a language code before it (index.de.md and index.en.md, guide.md and
	// guide.html): paired by nothing, and worth naming together.
	Near map[string]string
}

// PairFolders pairs the regular files of two folders by relative path (a/b.txt with a/b.txt),
// sorted by path; a symbolic link to a regular file counts as one. Names are compared in
// Unicode's composed form (NFC): macOS writes Übersicht.md decomposed, Linux tools composed,
// and the two names look alike everywhere. A name differing in case only pairs too when it
// is the only one so on both sides (FolderPairing.CaseOnly). Hidden files and folders, editor
// backups (name~, #name#, .bak, .orig, .swp), and images, styles, scripts and other assets
// beside the documents, are skipped.
func PairFolders(srcDir, tgtDir string) (FolderPairing, error) {
	var fp FolderPairing
	for _, d := range []string{srcDir, tgtDir} {
		st, err := os.Stat(d)
		if err != nil {
			return fp, err
		}
		if !st.IsDir() {
			return fp, fmt.Errorf("%s is not a folder", d)
		}
	}
	srcFiles, err := folderFiles(srcDir)
	if err != nil {
		return fp, err
	}
	tgtFiles, err := folderFiles(tgtDir)
	if err != nil {
		return fp, err
	}
	pair := func(src, tgt string) DocPair {
		return DocPair{ID: filepath.ToSlash(src), Src: filepath.Join(srcDir, src), Tgt: filepath.Join(tgtDir, tgt)}
	}
	var srcLeft, tgtLeft []string // keys
	for key, rel := range srcFiles {
		if t, ok := tgtFiles[key]; ok {
			fp.Pairs = append(fp.Pairs, pair(rel, t))
		} else {
			srcLeft = append(srcLeft, key)
		}
	}
	for key := range tgtFiles {
		if _, ok := srcFiles[key]; !ok {
			tgtLeft = append(tgtLeft, key)
		}
	}
	// Names unpaired on both sides that differ in case only, one such name per side.
	srcFold, tgtFold := foldCount(srcFiles), foldCount(tgtFiles)
	tgtByFold := map[string]string{}
	for _, key := range tgtLeft {
		tgtByFold[strings.ToLower(key)] = key
	}
	pairedTgt := map[string]bool{}
	var missing []string // keys
	for _, key := range srcLeft {
		f := strings.ToLower(key)
		if t, ok := tgtByFold[f]; ok && srcFold[f] == 1 && tgtFold[f] == 1 {
			p := pair(srcFiles[key], tgtFiles[t])
			fp.Pairs = append(fp.Pairs, p)
			fp.CaseOnly = append(fp.CaseOnly, p)
			pairedTgt[t] = true
			continue
		}
		missing = append(missing, key)
		fp.Missing = append(fp.Missing, filepath.Join(srcDir, srcFiles[key]))
	}
	tgtByLoose := map[string][]string{}
	for _, key := range tgtLeft {
		if !pairedTgt[key] {
			fp.Extra = append(fp.Extra, filepath.Join(tgtDir, tgtFiles[key]))
			tgtByLoose[looseName(key)] = append(tgtByLoose[looseName(key)], filepath.Join(tgtDir, tgtFiles[key]))
		}
	}
	for _, key := range missing {
		if near := tgtByLoose[looseName(key)]; len(near) == 1 {
			if fp.Near == nil {
				fp.Near = map[string]string{}
			}
			fp.Near[filepath.Join(srcDir, srcFiles[key])] = near[0]
		}
	}
	byID := func(a, b DocPair) int { return strings.Compare(a.ID, b.ID) }
	slices.SortFunc(fp.Pairs, byID)
	slices.SortFunc(fp.CaseOnly, byID)
	slices.Sort(fp.Missing)
	slices.Sort(fp.Extra)
	return fp, nil
}

// foldCount counts the keys of files by their lower case.
func foldCount(files map[string]string) map[string]int {
	n := map[string]int{}
	for key := range files {
		n[strings.ToLower(key)]++
	}
	return n
}

// looseName is a file's relative path as a near miss compares it: in lower case, without its
// extension and without a language code before it ("guide.de.md", "guide_de.md", "guide-de.md"
// and "guide.html" are all "guide").
func looseName(key string) string {
	n := strings.ToLower(key)
	n = strings.TrimSuffix(n, filepath.Ext(n))
	if i := strings.LastIndexAny(n, ".-_"); i >= 0 && len(n)-i == 3 && strings.IndexFunc(n[i+1:], func(r rune) bool { return r < 'a' || r > 'z' }) < 0 && !strings.ContainsRune(n[i+1:], '/') {
		n = n[:i]
	}
	return n
}

// assetExts are the extensions of files a documentation or website folder holds beside its
// documents (images, media, fonts, styles, scripts, archives): never aligned. The Rust book's
// src/img/*.svg went into the corpus as pairs of SVG markup, its PNGs failed the run.
var assetExts = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`.png .jpg .jpeg .gif .svg .webp .avif .ico .bmp .tif .tiff .eps .psd
		.mp3 .mp4 .m4a .ogg .wav .webm .mov .avi .woff .woff2 .ttf .otf .eot .css .scss .js .mjs .ts .tsx
		.jsx .map .json .yaml .yml .toml .lock .zip .gz .tgz .bz2 .xz .7z .tar .pdf .exe .dll .so .wasm`) {
		m[e] = true
	}
	return m
}()

// backup says whether name is an editor's backup or lock file (manual.md~, #manual.md#,
// manual.md.bak, .orig, .rej, .swp): a second copy of a document, never a document of its own.
func backup(name string) bool {
	base := filepath.Base(name)
	switch strings.ToLower(filepath.Ext(base)) {
	case ".bak", ".orig", ".rej", ".swp", ".swo", ".tmp":
		return true
	}
	return strings.HasSuffix(base, "~") || len(base) > 1 && strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#")
}

// folderFiles returns the relative paths of the regular files under dir (symbolic links to
// regular files included, dir itself may be a link to a folder), hidden ones, backups and
// assets (assetExts) left out, by their composed (NFC) form.
func folderFiles(dir string) (map[string]string, error) {
	files := map[string]string{}
	err := inputs.WalkFiles(dir, func(path, rel string) error {
		if !assetExts[strings.ToLower(filepath.Ext(path))] && !backup(rel) {
			key := norm.NFC.String(rel)
			if other, twice := files[key]; twice {
				// Two names of one composed form (Übersicht.md composed and decomposed side
				// by side): the one not written composed goes by its own bytes, paired only
				// with the very same name, so that neither is lost without a word.
				if rel != key {
					key = rel
				} else {
					files[other] = other
				}
			}
			files[key] = rel
		}
		return nil
	})
	return files, err
}

// ReadPairList reads a list of document pairs: "SRC<TAB>TGT" or "SRC<TAB>TGT<TAB>ID" lines
// (the id defaults to SRC); relative paths are relative to the list's folder (dir). Blank lines
// and lines starting with # are skipped. Errors are *SyntaxError.
func ReadPairList(r io.Reader, name, dir string) ([]DocPair, error) {
	sc := newLineScanner(r, name, 1024*1024)
	var out []DocPair
	ids := map[string]int{}
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if err := CheckText(b); err != nil {
			return nil, &SyntaxError{name, line, err.Error()}
		}
		text := strings.TrimRight(strings.TrimPrefix(string(b), "\uFEFF"), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || len(f) > 3 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, &SyntaxError{name, line, "want SRC<TAB>TGT or SRC<TAB>TGT<TAB>ID"}
		}
		p := DocPair{Src: strings.TrimSpace(f[0]), Tgt: strings.TrimSpace(f[1]), Where: fmt.Sprintf("%s:%d", name, line)}
		p.ID = p.Src
		if len(f) == 3 && strings.TrimSpace(f[2]) != "" {
			p.ID = strings.TrimSpace(f[2])
		}
		if prev, dup := ids[p.ID]; dup {
			return nil, &SyntaxError{name, line, fmt.Sprintf("document id %q already on line %d", p.ID, prev)}
		}
		ids[p.ID] = line
		for _, s := range []*string{&p.Src, &p.Tgt} {
			if !filepath.IsAbs(*s) {
				*s = filepath.Join(dir, *s)
			}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Loaded is one document pair ready to align.
type Loaded struct {
	Src, Tgt *Document
	Opt      Options
}

// ErrSkip, wrapped by an error of AlignAll's load, leaves that pair out and goes on with the
// others (a file that cannot be read in a corpus of thousands); any other error stops the run.
// The load reports what it skipped and why; AlignAll only leaves the pair out.
var ErrSkip = errors.New("pair left out")

// AlignAll aligns many document pairs on workers goroutines (GOMAXPROCS when workers ≤ 0):
// load reads a pair, Documents aligns it, and emit receives the results in the order of pairs,
// one at a time, so it can write one corpus. At most twice as many pairs as workers are read
// ahead. The first error (from load, the aligner or emit) stops the run and is returned, but
// for a load's error that wraps ErrSkip, whose pair is left out.
//
// First, unless the pairs' options skip the second pass, the leading pairs (up to
// sharedSentences sentences, at most sharedDocs pairs) teach one word table (LearnLexicon) that
// every pair's second pass may use (Options.Lexicon): a short article learns little from its
// own first pass. Those pairs are held, loaded, until they are aligned: the read-ahead bound
// above holds for the others.
func AlignAll(ctx context.Context, pairs []DocPair, workers int,
	load func(context.Context, DocPair) (Loaded, error),
	emit func(DocPair, Loaded, []Bead) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(pairs)))
	shared, sample, skipped, firsts, err := warmUp(ctx, pairs, workers, load)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	type result struct {
		l     Loaded
		beads []Bead
		err   error
		done  chan struct{}
	}
	results := make([]*result, len(pairs))
	for k := range results {
		results[k] = &result{done: make(chan struct{})}
	}
	sem := make(chan struct{}, 2*workers) // pairs started but not yet emitted
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				r := results[k]
				if k < len(sample) {
					r.l, sample[k] = sample[k], Loaded{} // loaded by the warm-up already
					r.err = skipped[k]
					if k < len(firsts) {
						r.l.Opt.first = firsts[k] // and its first pass run
					}
				} else {
					r.l, r.err = load(ctx, pairs[k])
				}
				if r.err == nil {
					if r.l.Opt.Lexicon == nil {
						r.l.Opt.Lexicon = shared
					}
					r.beads, r.err = Documents(ctx, r.l.Src, r.l.Tgt, r.l.Opt)
					if r.err != nil {
						r.err = fmt.Errorf("aligning %s with %s: %w", pairs[k].Src, pairs[k].Tgt, r.err)
					}
				}
				close(r.done)
			}
		}()
	}
	go func() {
		defer close(next)
		for k := range pairs {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- k:
			case <-ctx.Done():
				return
			}
		}
	}()
	for k, r := range results {
		select {
		case <-r.done:
		case <-ctx.Done():
		}
		if err = context.Cause(ctx); err != nil {
			break
		}
		if errors.Is(r.err, ErrSkip) {
			results[k] = nil // left out: the load said why
			<-sem
			continue
		}
		if r.err != nil {
			err = r.err
			break
		}
		if err = emit(pairs[k], r.l, r.beads); err != nil {
			break
		}
		results[k] = nil // emitted: let the collector have it
		<-sem
	}
	cancel(err)
	wg.Wait()
	return err
}

// ExplainInCorpus explains bead k of the pair whose ID is id as AlignAll aligns it among pairs:
// with the word table the leading pairs teach (a pair's alignment in a corpus can differ from
// its alignment alone), so the explanation is of the bead the corpus shows. k counts the beads
// whose confidence lies in [lo, hi], as ExplainShown does. Only the leading pairs and the pair
// itself are loaded, and no pair but the one explained is aligned after the first pass.
func ExplainInCorpus(ctx context.Context, pairs []DocPair, workers int,
	load func(context.Context, DocPair) (Loaded, error), id string, k int, lo, hi float64) (*Explanation, error) {
	at := slices.IndexFunc(pairs, func(p DocPair) bool { return p.ID == id })
	if at < 0 {
		return nil, fmt.Errorf("%w: %q", ErrNoDocument, id)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	shared, sample, skipped, firsts, err := warmUp(ctx, pairs, workers, load)
	if err != nil {
		return nil, err
	}
	var l Loaded
	if at < len(sample) {
		l, err = sample[at], skipped[at]
		if at < len(firsts) {
			l.Opt.first = firsts[at]
		}
	} else {
		l, err = load(ctx, pairs[at])
	}
	if err != nil {
		return nil, err
	}
	if l.Opt.Lexicon == nil {
		l.Opt.Lexicon = shared
	}
	ex, err := ExplainShown(ctx, l.Src, l.Tgt, l.Opt, k, lo, hi)
	if ex != nil {
		ex.Doc = pairs[at]
	}
	return ex, err
}

// ErrNoDocument is ExplainInCorpus's error for an id no pair has.
var ErrNoDocument = errors.New("no document pair has the id")

// The sample of a corpus that teaches its shared word table: enough sentences for lexMaxPairs
// sure beads and more, from at most sharedDocs pairs, so that the warm-up stays a small part of
// a large run.
const (
	sharedSentences = 4 * lexMaxPairs
	sharedDocs      = 500
	// longDoc is the length from which a first document marks a corpus of long documents.
	longDoc = lexMaxPairs / 2
)

// warmUp loads the leading pairs and learns the corpus's shared word table from them. It returns
// the pairs it loaded and their first passes, for AlignAll to align them without loading them
// (a load may translate) or running their first passes again, and no table when there is a
// single pair, the options skip the second pass or bring their own table, the first document
// is a long one (longDoc), or nothing could be learned.
//
// A pair whose load fails with ErrSkip is in sample as its error (skipped[k]), and teaches
// nothing.
func warmUp(ctx context.Context, pairs []DocPair, workers int, load func(context.Context, DocPair) (Loaded, error)) (lx *Lexicon, sample []Loaded, skipped []error, firsts []*firstPass, err error) {
	if len(pairs) < 2 {
		return nil, nil, nil, nil, nil
	}
	var learn []int // the indexes of sample that teach the table
	n := 0
	for _, p := range pairs[:min(len(pairs), sharedDocs)] {
		l, err := load(ctx, p)
		if err != nil && !errors.Is(err, ErrSkip) {
			return nil, nil, nil, nil, err
		}
		sample = append(sample, l)
		skipped = append(skipped, err)
		if err != nil {
			continue
		}
		opt := l.Src.options(l.Tgt, l.Opt)
		if opt.NoRealign || opt.Lexicon != nil {
			return nil, sample, skipped, nil, nil
		}
		if len(learn) == 0 && min(len(l.Src.Sentences), len(l.Tgt.Sentences)) >= longDoc {
			// A corpus of long documents: each teaches itself a table of many hundred beads,
			// and a shared one adds the warm-up's cost and little else (on pairs of 2,000
			// sentences a third of the throughput: BenchmarkAlignAll 2.7 → 1.8 pairs/s).
			return nil, sample, skipped, nil, nil
		}
		learn = append(learn, len(sample)-1)
		if n += min(len(l.Src.Sentences), len(l.Tgt.Sentences)); n >= sharedSentences {
			break
		}
	}
	if len(learn) == 0 {
		return nil, sample, skipped, nil, nil
	}
	from := make([]Loaded, len(learn))
	for i, k := range learn {
		from[i] = sample[k]
	}
	lx, passes, err := learnShared(ctx, from, workers)
	if passes != nil {
		firsts = make([]*firstPass, len(sample))
		for i, k := range learn {
			firsts[k] = passes[i]
		}
	}
	return lx, sample, skipped, firsts, err
}
