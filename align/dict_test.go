package align

import (
	"context"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

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
					key := strings.Join(strings.Fields(fold(s)), " ")
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
