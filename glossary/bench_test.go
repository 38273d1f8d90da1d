package glossary

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/cputime"
)

// bigGlossary builds n distinct synthetic terms from German word parts: closed compounds
// (Grenzschutzbehörde), two-word terms (europäische Grenzschutzbehörde) and hyphenated ones,
// plus the seed glossary. The English targets are built the same way.
func bigGlossary(t testing.TB, n int) *Glossary {
	t.Helper()
	mods := []string{"Grenz", "Außen", "Innen", "Verteidigungs", "Finanz", "Wirtschafts", "Justiz", "Umwelt", "Verkehrs", "Bildungs", "Gesundheits", "Arbeits", "Sicherheits", "Energie", "Handels", "Friedens", "Rüstungs", "Kriegs", "Flüchtlings", "Menschenrechts"}
	mids := []string{"schutz", "politik", "recht", "plan", "fonds", "kontroll", "aufsichts", "sonder", "haupt", "krisen"}
	heads := []string{"behörde", "ministerium", "rat", "abkommen", "gesetz", "gipfel", "kommission", "verwaltung", "beauftragter", "ausschuss", "konferenz", "strategie", "bericht", "vertrag", "delegation"}
	adjs := []string{"europäische", "russische", "amerikanische", "ukrainische", "internationale", "nationale", "gemeinsame", "neue"}
	g := seed(t)
	entries := append([]*Entry(nil), g.Entries...)
	seen := map[string]bool{}
	r := rand.New(rand.NewPCG(1, 2))
	for len(entries) < n {
		word := mods[r.IntN(len(mods))] + mids[r.IntN(len(mids))] + heads[r.IntN(len(heads))]
		var src string
		switch r.IntN(3) {
		case 0:
			src = word
		case 1:
			src = adjs[r.IntN(len(adjs))] + " " + word
		default:
			src = "EU-" + word
		}
		if seen[src] {
			continue
		}
		seen[src] = true
		entries = append(entries, &Entry{Source: src, Target: fmt.Sprintf("term %d", len(entries)), Variants: []string{"variant " + src}, Forbidden: []string{"wrong " + src}, Match: MatchStem})
	}
	return New(entries)
}

// benchSegments are the news sentences of the evaluation set with their translations, correct
// and broken.
func benchSegments(b *testing.B) [][2]string {
	var segs [][2]string
	for _, c := range loadEval(b) {
		segs = append(segs, [2]string{c.source, c.target})
	}
	return segs
}

// BenchmarkCheck10k measures Check (finding the terms in the source and checking the
// translation) with a 10,000-term glossary on one core, in segments per second.
func BenchmarkCheck10k(b *testing.B) {
	g := bigGlossary(b, 10000)
	segs := benchSegments(b)
	if len(segs) == 0 {
		b.Fatal("no segments")
	}
	chars := 0
	for _, s := range segs {
		chars += len(s[0])
	}
	b.ResetTimer()
	cpu := cputime.Used()
	for i := 0; i < b.N; i++ {
		s := segs[i%len(segs)]
		g.Check(s[0], s[1])
	}
	reportRate(b, b.N, cputime.Used()-cpu)
	b.ReportMetric(float64(chars)/float64(len(segs)), "bytes/segment")
}

// BenchmarkCheck10kUncached is BenchmarkCheck10k with every word stemmed again, the worst
// case of a text whose vocabulary never repeats.
func BenchmarkCheck10kUncached(b *testing.B) {
	cacheStems = false
	defer func() { cacheStems = true }()
	BenchmarkCheck10k(b)
}

// BenchmarkFindSource10k is the source side alone.
func BenchmarkFindSource10k(b *testing.B) {
	g := bigGlossary(b, 10000)
	segs := benchSegments(b)
	b.ResetTimer()
	cpu := cputime.Used()
	for i := 0; i < b.N; i++ {
		g.FindSource(segs[i%len(segs)][0])
	}
	reportRate(b, b.N, cputime.Used()-cpu)
}

// BenchmarkFindSourceMorphology is FindSource over the real sentences of the morphology
// development set with its glossary (verb terms, compound parts, elided coordinations,
// hyphenation variants), where the readings of clauses and words are at work.
func BenchmarkFindSourceMorphology(b *testing.B) {
	g, err := Load("testdata/morph/glossary.tsv")
	if err != nil {
		b.Fatal(err)
	}
	cs := append(loadMorph(b, "dev.tsv"), loadMorph(b, "heldout.tsv")...)
	b.ResetTimer()
	cpu := cputime.Used()
	for i := 0; i < b.N; i++ {
		g.FindSource(cs[i%len(cs)].source)
	}
	reportRate(b, b.N, cputime.Used()-cpu)
}

func TestBigGlossaryMatches(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-term glossary")
	}
	g := bigGlossary(t, 10000)
	if len(g.Entries) != 10000 {
		t.Fatalf("%d entries", len(g.Entries))
	}
	// Every synthetic term is found in a sentence, inflected where the stemmer can.
	for _, e := range g.Entries[len(g.Entries)-200:] {
		text := "Gestern sprach man über " + e.Source + " und anderes."
		ms := g.FindSource(text)
		if len(ms) != 1 || ms[0].Entry != e && ms[0].Entry.Source != e.Source {
			t.Errorf("FindSource(%q) = %v", text, found(ms))
		}
	}
}

// reportRate reports segments per wall-clock second and per CPU-second (the process's, so run
// with -cpu 1: garbage collection counts too).
func reportRate(b *testing.B, n int, cpu time.Duration) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "segments/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "segments/cpu-s")
	}
}

// BenchmarkParseTBX reads a real 175 KB TBX-Basic file (45 concepts, 113 terms) in English →
// Spanish; SetBytes makes the result a throughput.
func BenchmarkParseTBX(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(interopDir(b), "ltac-basic-Example_Astronomy_DCA_VALID.tbx"))
	if err != nil {
		b.Fatal(err)
	}
	o := Options{Source: "en", Target: "es"}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := cputime.Used()
	for b.Loop() {
		if _, err := ParseWith(bytes.NewReader(data), "astronomy.tbx", TBX, o); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time per file: wall time on a shared machine measures the neighbours.
	b.ReportMetric(float64((cputime.Used()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
}

// dingTSV turns Debian's Ding German–English dictionary (package trans-de-en, GPL-2+; read
// where it is installed, never copied) into a bitext TSV glossary: each headword pair of a
// line, grammar marks and comments removed; about 385,000 entries, 13 MB.
func dingTSV(b *testing.B) []byte {
	data, err := os.ReadFile("/usr/share/trans/de-en")
	if err != nil {
		b.Skip("Ding's dictionary is not installed (Debian package trans-de-en)")
	}
	marks := regexp.MustCompile(`\{[^}]*\}|\[[^\]]*\]|\([^)]*\)`)
	clean := func(s string) string {
		s, _, _ = strings.Cut(s, ";")
		return strings.Join(strings.Fields(marks.ReplaceAllString(s, "")), " ")
	}
	var out bytes.Buffer
	out.WriteString("source\ttarget\n")
	for line := range strings.Lines(string(data)) {
		de, en, ok := strings.Cut(line, "::")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		ds, es := strings.Split(de, "|"), strings.Split(en, "|")
		for i := range min(len(ds), len(es)) {
			d, e := clean(ds[i]), clean(es[i])
			if d != "" && e != "" && len(d) < 60 && !strings.ContainsRune(d+e, '\t') {
				fmt.Fprintf(&out, "%s\t%s\n", d, e)
			}
		}
	}
	return out.Bytes()
}

// BenchmarkLoadLargeGlossary reads the Ding dictionary as a glossary and finds the unchecked
// entries, as check and translate do before their first segment: entries per CPU-second and
// the heap the loaded glossary keeps (entries' renderings are compiled when first found).
func BenchmarkLoadLargeGlossary(b *testing.B) {
	data := dingTSV(b)
	b.SetBytes(int64(len(data)))
	var entries int
	var live uint64
	cpu := cputime.Used()
	for b.Loop() {
		g, err := Parse(bytes.NewReader(data), "ding.tsv", TSV)
		if err != nil {
			b.Fatal(err)
		}
		g.Unchecked()
		entries += len(g.Entries)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		live = max(live, ms.HeapAlloc)
		runtime.KeepAlive(g)
	}
	b.ReportMetric(float64(entries)/(cputime.Used()-cpu).Seconds(), "entries/cpu-s")
	b.ReportMetric(float64(live)/(1<<20), "heap-MB")
}
