package align

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/bitext/bitext/internal/cputime"
)

// dingFile is Debian's trans-de-en dictionary (GPL: never copied into the repository).
const dingFile = "/usr/share/trans/de-en"

func dingPath(tb testing.TB) string {
	tb.Helper()
	p := dingFile
	if e := os.Getenv("BITEXT_DING"); e != "" {
		p = e
	}
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("Ding dictionary not installed (apt-get install trans-de-en): %v", err)
	}
	return p
}

// refAnnotation is the regular expression the Ding reader used before it was written by hand;
// the hand-written one must drop exactly what it dropped.
var refAnnotation = regexp.MustCompile(`\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|/[^/]*/|<[^>]*>`)

func refTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(refAnnotation.ReplaceAllString(s, " "), ";") {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && strings.Count(t, " ") < 3 {
			out = append(out, t)
		}
	}
	return out
}

func TestDingTerms(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Baupreis {m}; Baukosten {pl}", "Baupreis|Baukosten"},
		{"city centre [Br.]; city center [Am.]; downtown (area)", "city centre|city center|downtown"},
		{"to fear", "to fear"},
		{"a (b; c) d", "a d"},
		{"unclosed (paren; x", "unclosed (paren|x"},
		{"/ˈhaʊs/ house <Häuser>", "house"},
		{"one two three four", ""},
		{"  ;  ; x\u00a0 y ", "x y"},
		{"{m}", ""},
	} {
		var p dingParser
		got := strings.Join(p.terms(nil, tc.in), "|")
		if got != tc.want {
			t.Errorf("terms(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if ref := strings.Join(refTerms(tc.in), "|"); ref != got {
			t.Errorf("terms(%q) = %q, the regular expression gives %q", tc.in, got, ref)
		}
	}
}

func FuzzDingTerms(f *testing.F) {
	for _, s := range []string{"a {m}; b", "x (y) [z] /w/ <v>", "((", "/a/b/c", "\u00a0x\u2003y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p dingParser
		got, ref := p.terms(nil, s), refTerms(s)
		if !slices.Equal(got, ref) {
			t.Fatalf("terms(%q) = %q, the regular expression gives %q", s, got, ref)
		}
	})
}

// TestDingFileMatchesReference reads the installed trans-de-en with the hand-written parser and
// with the regular-expression one and expects the same dictionary.
func TestDingFileMatchesReference(t *testing.T) {
	heavy(t)
	path := dingPath(t)
	if testing.Short() {
		t.Skip("reads the whole Ding dictionary twice")
	}
	d := NewDictionary()
	if err := d.ReadDictionaryContext(context.Background(), mustOpen(t, path), path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ref := map[string][]string{}
	for _, line := range strings.Split(string(data), "\n") {
		src, tgt, ok := strings.Cut(line, "::")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		ss, ts := strings.Split(src, "|"), strings.Split(tgt, "|")
		if len(ss) != len(ts) {
			t.Fatalf("unbalanced line %q", line)
		}
		for k := range ss {
			for _, s := range refTerms(ss[k]) {
				for _, x := range refTerms(ts[k]) {
					key := strings.Join(strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
					if key != "" {
						ref[key] = append(ref[key], x)
					}
				}
			}
		}
	}
	if len(ref) != d.Len() {
		t.Fatalf("%d entries, the reference has %d", d.Len(), len(ref))
	}
	for k, v := range ref {
		if !slices.Equal(d.m[k], v) {
			t.Fatalf("%q → %q, the reference has %q", k, d.m[k], v)
		}
	}
	t.Logf("%d entries", d.Len())
}

// countingCtx is a context whose Err turns to context.Canceled after a number of calls, so a
// test can cancel at an exact point of the work without timers.
type countingCtx struct {
	context.Context
	calls, after int
}

func (c *countingCtx) Err() error {
	c.calls++
	if c.calls > c.after {
		return context.Canceled
	}
	return nil
}

func TestReadDictionaryCancelled(t *testing.T) {
	var b strings.Builder
	for i := range 5 * pollEvery {
		b.WriteString("Haus {n} :: house\n")
		_ = i
	}
	for _, after := range []int{0, 1, 3} {
		ctx := &countingCtx{Context: context.Background(), after: after}
		err := NewDictionary().ReadDictionaryContext(ctx, strings.NewReader(b.String()), "d")
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled after %d looks: err = %v, want context.Canceled", after, err)
		}
	}
}

// BenchmarkReadDing reads the installed trans-de-en dictionary (skipped when absent) and
// reports CPU seconds per read and the number of entries.
func BenchmarkReadDing(b *testing.B) {
	path := dingPath(b)
	cpu0 := cputime.Seconds()
	var d *Dictionary
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		d = NewDictionary()
		if err := d.ReadDictionaryContext(context.Background(), f, path); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.ReportMetric((cputime.Seconds()-cpu0)/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(d.Len()), "entries")
}

// TestReadDictionaryFileCache reads dictionaries through an empty cache (parsed and stored),
// again (loaded from the cache), and through a damaged cache (parsed again and the cache
// rewritten), and expects the same renderings every time.
func TestReadDictionaryFileCache(t *testing.T) {
	for _, file := range []string{"../testdata/align/sample.ding", "../testdata/align/tram.dict.tsv"} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			want := NewDictionary()
			if err := want.ReadDictionary(mustOpen(t, file), file); err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "cache")
			check := func(stage string) {
				t.Helper()
				d := NewDictionary()
				if err := d.ReadDictionaryFile(context.Background(), file, dir); err != nil {
					t.Fatalf("%s: %v", stage, err)
				}
				if d.Len() != want.Len() || len(d.compacts) != 1 {
					t.Fatalf("%s: %d entries in %d compact parts, want %d", stage, d.Len(), len(d.compacts), want.Len())
				}
				for k, v := range want.m {
					if got := d.lookup(k); !slices.Equal(got, v) {
						t.Errorf("%s: %q → %q, want %q", stage, k, got, v)
					}
				}
				if got := d.lookup("no such word"); got != nil {
					t.Errorf("%s: unknown word → %q", stage, got)
				}
			}
			check("first read")
			caches, _ := filepath.Glob(filepath.Join(dir, "*"+dictCacheSuffix))
			if len(caches) != 1 {
				t.Fatalf("cache files %q, want one", caches)
			}
			check("cached")
			b, _ := os.ReadFile(caches[0])
			b[len(b)-1] ^= 0xff // damage the blob: the checksum must refuse it
			os.WriteFile(caches[0], b, 0o644)
			if _, err := loadCompact(caches[0]); err == nil {
				t.Fatal("damaged cache accepted")
			}
			check("damaged cache")
			if _, err := loadCompact(caches[0]); err != nil {
				t.Errorf("cache not rewritten: %v", err)
			}
			if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmp) > 0 {
				t.Errorf("temporary files left: %q", tmp)
			}
		})
	}
}

// TestCachedDictionaryAligns: the same beads with the dictionary read directly and through the
// cache, and with a glossary entry added on top of the cached part.
func TestCachedDictionaryAligns(t *testing.T) {
	src, tgt, _, sb, tb, _ := tramDoc(t)
	direct := tramDict(t)
	cached := NewDictionary()
	dir := t.TempDir()
	for range 2 {
		cached = NewDictionary()
		if err := cached.ReadDictionaryFile(context.Background(), "../testdata/align/tram.dict.tsv", dir); err != nil {
			t.Fatal(err)
		}
	}
	opt := Options{SrcBreaks: sb, TgtBreaks: tb}
	a, err := Align(src, tgt, withDict(opt, direct))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Align(src, tgt, withDict(opt, cached))
	if err != nil {
		t.Fatal(err)
	}
	if beadsString(a) != beadsString(b) {
		t.Errorf("cached dictionary aligns differently:\n%s\nvs\n%s", beadsString(a), beadsString(b))
	}
	cached.Add("Straßenbahn", "streetcar")
	if got := strings.Join(cached.lookup("strassenbahn"), "|"); !strings.HasSuffix(got, "streetcar") {
		t.Errorf("added rendering missing: %q", got)
	}
}

func withDict(o Options, d *Dictionary) Options { o.Dict = d; return o }

func TestDecodeCompactRefusesDamage(t *testing.T) {
	d := NewDictionary()
	d.Add("Haus", "house")
	d.Add("Haus", "home")
	d.Add("Stadt", "town")
	c, _ := buildCompact(context.Background(), d.m)
	good := c.encode()
	if _, err := decodeCompact(good); err != nil {
		t.Fatal(err)
	}
	for n := range len(good) {
		if _, err := decodeCompact(good[:n]); err == nil {
			t.Fatalf("truncated to %d bytes: accepted", n)
		}
	}
}

// FuzzDecodeCompact: any bytes are refused or give a dictionary whose lookups stay in bounds.
func FuzzDecodeCompact(f *testing.F) {
	d := NewDictionary()
	d.Add("Haus", "house")
	d.Add("Stadt", "town")
	c, _ := buildCompact(context.Background(), d.m)
	f.Add(c.encode())
	f.Add([]byte("BTXDICT\x02"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := decodeCompact(b)
		if err != nil {
			return
		}
		for i := 0; i < c.nkeys; i++ {
			if c.find(c.s(uint32(i))) < 0 {
				t.Fatalf("key %d not found", i)
			}
			c.targets(i, nil)
		}
	})
}

// BenchmarkReadDingCached reads the installed trans-de-en through the cache (the first read,
// outside the timing, fills it), and aligns two 1,000-sentence German–English documents with it:
// the work of `bitext align --dict` on small documents, without process start and segmenting.
func BenchmarkReadDingCached(b *testing.B) {
	path := dingPath(b)
	dir := b.TempDir()
	if err := NewDictionary().ReadDictionaryFile(context.Background(), path, dir); err != nil {
		b.Fatal(err)
	}
	src, tgt, _, _, _, _ := tramDoc(b)
	var s, g []string
	for len(s) < 1000 {
		s, g = append(s, src...), append(g, tgt...)
	}
	s, g = s[:1000], g[:1000]
	b.Run("parse+store", func(b *testing.B) {
		cpu0 := cputime.Seconds()
		for b.Loop() {
			if err := NewDictionary().ReadDictionaryFile(context.Background(), path, b.TempDir()); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric((cputime.Seconds()-cpu0)/float64(b.N), "cpu-s/op")
	})
	b.Run("load", func(b *testing.B) {
		cpu0 := cputime.Seconds()
		for b.Loop() {
			if err := NewDictionary().ReadDictionaryFile(context.Background(), path, dir); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric((cputime.Seconds()-cpu0)/float64(b.N), "cpu-s/op")
	})
	b.Run("load+align-1k", func(b *testing.B) {
		cpu0 := cputime.Seconds()
		for b.Loop() {
			d := NewDictionary()
			if err := d.ReadDictionaryFile(context.Background(), path, dir); err != nil {
				b.Fatal(err)
			}
			if _, err := Align(s, g, Options{Dict: d}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric((cputime.Seconds()-cpu0)/float64(b.N), "cpu-s/op")
	})
}

// freeDict reads FreeDict's dictd dictionary of a pair ("deu-fra") from Debian's
// dict-freedict-* package, skipping without it.
func freeDict(tb testing.TB, pair string) *Dictionary {
	tb.Helper()
	src, tgt, _ := strings.Cut(pair, "-")
	return freeDictFor(tb, pair, src, tgt)
}

// freeDictFor is freeDict for documents in src and tgt: reversed when the pair goes the other way.
func freeDictFor(tb testing.TB, pair, src, tgt string) *Dictionary {
	tb.Helper()
	return installedDict(tb, "/usr/share/dictd/freedict-"+pair+".index", "dict-freedict-"+pair, src, tgt)
}

// installedDict reads an installed dictionary (from Debian's package pkg) for documents in src
// and tgt, through a fresh cache, skipping without it.
func installedDict(tb testing.TB, path, pkg, src, tgt string) *Dictionary {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("%s not installed (apt-get install %s): %v", path, pkg, err)
	}
	d := NewDictionary()
	if err := d.ReadDictionaryFileFor(context.Background(), path, tb.TempDir(), src, tgt); err != nil {
		tb.Fatal(err)
	}
	return d
}

// A dictionary file without entries (empty, or only comments) is an error naming it: aligning
// as if no dictionary were given would hide the mistake.
func TestReadDictionaryEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "# a comment\n  \n"} {
		err := NewDictionary().ReadDictionary(strings.NewReader(in), "words.tsv")
		if err == nil || !strings.Contains(err.Error(), "words.tsv: no dictionary entries") {
			t.Errorf("%q: err = %v", in, err)
		}
	}
	if err := NewDictionary().ReadDictionary(strings.NewReader("# c\nHaus\thouse\n"), "words.tsv"); err != nil {
		t.Fatal(err)
	}
}
