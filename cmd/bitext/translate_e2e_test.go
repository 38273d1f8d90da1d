package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
	"github.com/bitext/bitext/segment"
)

// End-to-end tests of bitext translate: run() against providertest fakes on loopback.

// fakeProvider starts a fake of the named provider and points the environment at it; it
// returns the server and the flags that select it.
func startFake(t *testing.T, name string, opt providertest.Options) (*providertest.Server, []string) {
	t.Helper()
	if _, ok := providers.Lookup(name); !ok {
		t.Skipf("provider %s is not registered yet", name)
	}
	for _, k := range append(providers.EnvNames(), "GOOGLE_APPLICATION_CREDENTIALS", "BITEXT_CONFIG") {
		t.Setenv(k, "")
	}
	// The user's own memory and config file (retries, rate, model) must not change the outcome.
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if opt.RetryAfter == "" {
		opt.RetryAfter = "0"
	}
	switch name {
	case "openai":
		srv := providertest.NewOpenAI(t, opt)
		t.Setenv("OPENAI_API_KEY", "sk-test-fake")
		return srv, []string{"--provider", "openai", "--base-url", srv.URL + "/v1"}
	case "google":
		srv := providertest.NewGoogle(t, opt)
		t.Setenv("GOOGLE_API_KEY", "fake-google-key")
		return srv, []string{"--provider", "google", "--base-url", srv.URL}
	}
	t.Fatalf("unknown provider %s", name)
	return nil, nil
}

var bothProviders = []string{"openai", "google"}

// bitext runs the CLI in-process and returns its exit code, stdout and stderr.
func bitext(ctx context.Context, stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(ctx, append([]string{"bitext"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func mustBitext(t *testing.T, args ...string) (string, string) {
	t.Helper()
	code, out, errs := bitext(context.Background(), "", args...)
	if code != 0 {
		t.Fatalf("bitext %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out, errs
}

// sourceSentences is what bitext sees in a file: its sentences in order.
func sourceSentences(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := segment.Read(f, path, segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range doc.Blocks {
		for _, s := range b.Sentences {
			out = append(out, s.Text)
		}
	}
	return out
}

func readPairs(t *testing.T, f corpus.Format, path string) []corpus.Pair {
	t.Helper()
	opt := corpus.ReaderOptions{}
	name := path
	if f == corpus.Moses {
		name = path + ".de"
		tgt, err := os.Open(path + ".en")
		if err != nil {
			t.Fatal(err)
		}
		defer tgt.Close()
		opt.Target, opt.TargetName = tgt, path+".en"
	}
	src, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	r, err := corpus.NewReader(f, src, name, opt)
	if err != nil {
		t.Fatal(err)
	}
	var out []corpus.Pair
	for {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
}

func articles(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestTranslatePairFormats: a folder of seed articles to jsonl, tmx, moses and tsv gives every
// sentence once, in order, with exactly the fake's answer.
func TestTranslatePairFormats(t *testing.T) {
	dir := articles(t)
	var want []string
	for _, name := range []string{"nato-russland.txt", "us-kreml.txt"} {
		want = append(want, sourceSentences(t, filepath.Join(dir, name))...)
	}
	for _, prov := range bothProviders {
		for _, f := range corpus.Formats {
			t.Run(prov+"/"+string(f), func(t *testing.T) {
				_, flags := startFake(t, prov, providertest.Options{})
				out := filepath.Join(t.TempDir(), "pairs")
				// Flags after the argument, as users type them.
				mustBitext(t, append([]string{"translate", dir, "--format", string(f), "-o", out}, flags...)...)
				pairs := readPairs(t, f, out)
				if len(pairs) != len(want) {
					t.Fatalf("%d pairs, want %d", len(pairs), len(want))
				}
				for i, p := range pairs {
					if p.Source != want[i] || p.Target != "EN("+want[i]+")" {
						t.Fatalf("pair %d = %q → %q, want %q", i, p.Source, p.Target, want[i])
					}
				}
				if f == corpus.JSONL && (pairs[0].Doc != "nato-russland.txt" || pairs[0].Provider != prov || pairs[0].Paragraph != 1 || pairs[0].Sentence != 1) {
					t.Errorf("first pair %+v", pairs[0])
				}
			})
		}
	}
}

// TestTranslateDocumentStructure: Markdown and HTML come back with the same blocks (kind,
// level), each sentence translated, in the same format or converted.
func TestTranslateDocumentStructure(t *testing.T) {
	in, _ := filepath.Abs("../../testdata/translate")
	for _, prov := range bothProviders {
		for _, c := range []struct{ input, format string }{
			{"nato-russland.md", ""}, {"us-kreml.html", ""},
			{"nato-russland.md", "html"}, {"us-kreml.html", "markdown"}, {"us-kreml.html", "text"},
		} {
			t.Run(prov+"/"+c.input+"/"+c.format, func(t *testing.T) {
				_, flags := startFake(t, prov, providertest.Options{})
				src := readDoc(t, filepath.Join(in, c.input), "")
				args := append([]string{"translate", filepath.Join(in, c.input), "--no-tm"}, flags...)
				if c.format != "" {
					args = append(args, "--format", c.format)
				}
				out, _ := mustBitext(t, args...)
				f := segment.Format(c.format)
				if f == "" {
					f = src.Format
				}
				got := readDocString(t, out, f)
				if len(got.Blocks) != len(src.Blocks) {
					t.Fatalf("%d blocks, want %d:\n%s", len(got.Blocks), len(src.Blocks), out)
				}
				for i, b := range got.Blocks {
					sb := src.Blocks[i]
					var sents []string
					for _, s := range sb.Sentences {
						sents = append(sents, "EN("+s.Text+")")
					}
					wantKind, wantLevel := sb.Kind, sb.Level
					if f == segment.Text && wantKind == segment.Heading { // plain text has no headings
						wantKind, wantLevel = segment.Paragraph, 0
					}
					if b.Kind != wantKind || b.Level != wantLevel || b.Text != strings.Join(sents, " ") {
						t.Errorf("block %d = %s/%d %q, want %s/%d %q", i, b.Kind, b.Level, b.Text, wantKind, wantLevel, strings.Join(sents, " "))
					}
				}
			})
		}
	}
}

func readDoc(t *testing.T, path string, f segment.Format) *segment.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f == "" {
		f = segment.FormatFromName(path)
	}
	doc, err := segment.Read(bytes.NewReader(b), path, segment.Options{Format: f})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// readDocString reads an English output back, keeping everything.
func readDocString(t *testing.T, s string, f segment.Format) *segment.Document {
	t.Helper()
	doc, err := segment.Read(strings.NewReader(s), "out", segment.Options{Format: f, Lang: "en", KeepBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestTranslateFolderToFolder mirrors the input tree.
func TestTranslateFolderToFolder(t *testing.T) {
	_, flags := startFake(t, "openai", providertest.Options{})
	in := t.TempDir()
	for _, p := range []string{"a/eins.txt", "a/b/zwei.md", "drei.html", "skip.csv"} {
		os.MkdirAll(filepath.Join(in, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(in, p), []byte("Die Vereinigten Staaten unterstützen den Dialog mit Russland.\n"), 0o644)
	}
	out := filepath.Join(t.TempDir(), "en")
	mustBitext(t, append([]string{"translate", in, "-o", out}, flags...)...)
	for _, p := range []string{"a/eins.txt", "a/b/zwei.md", "drei.html"} {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "EN(Die Vereinigten Staaten unterstützen den Dialog mit Russland.)") {
			t.Errorf("%s: %s", p, b)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "skip.csv")); err == nil {
		t.Error("skip.csv translated")
	}
	// Pairs into a folder: one file per document (Moses: two), mirrored.
	pairsDir := filepath.Join(t.TempDir(), "pairs") + string(filepath.Separator)
	mustBitext(t, append([]string{"translate", in, "-o", pairsDir, "--format", "moses"}, flags...)...)
	for _, p := range []string{"a/eins.de", "a/eins.en", "a/b/zwei.de", "a/b/zwei.en", "drei.de", "drei.en"} {
		if _, err := os.Stat(filepath.Join(pairsDir, p)); err != nil {
			t.Error(err)
		}
	}
	// No temporary files are left behind.
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if strings.HasSuffix(p, ".tmp") {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
}

// TestTranslateCorpusWithFaults: 429s and 500s change nothing in the output. 10 % 429s: each
// pauses every request of the provider for at least a quarter second, and 20 % made the test
// take half a minute.
func TestTranslateCorpusWithFaults(t *testing.T) {
	corpusDE, _ := filepath.Abs("../../testdata/translate/corpus-de.txt")
	want, err := os.ReadFile("../../testdata/translate/corpus-en.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, prov := range bothProviders {
		t.Run(prov, func(t *testing.T) {
			faultIf, mostFaults := faultsByRequest(3, []faultRate{{providertest.TooMany, 0.1}, {providertest.ServerError, 0.15}})
			srv, flags := startFake(t, prov, providertest.Options{FaultIf: faultIf})
			out, errs := mustBitext(t, append([]string{"translate", corpusDE, "--concurrency", "2"}, flags...)...)
			if out != string(want) {
				t.Fatalf("output differs from the fake's answers:\n%s", firstDiff(out, string(want)))
			}
			faults := 0
			for _, r := range srv.Requests() {
				if r.Fault != providertest.None {
					faults++
				}
			}
			t.Logf("%d requests, %d with faults; %s", srv.Count(), faults, strings.TrimSpace(errs))
			if faults == 0 {
				t.Fatal("no fault was injected; pick another seed")
			}

			// More requests, more faults: 1,000 sentences in small batches, pairs still exact.
			path := filepath.Join(t.TempDir(), "big.txt")
			if err := writeCorpus(path, 1000); err != nil {
				t.Fatal(err)
			}
			before := srv.Count()
			out, _ = mustBitext(t, append([]string{"translate", path, "--format", "tsv", "--no-tm", "--concurrency", "4"}, flags...)...)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != 1000 {
				t.Fatalf("%d pairs, want 1000", len(lines))
			}
			for i, l := range lines {
				src, tgt, _ := strings.Cut(l, "\t")
				if tgt != "EN("+src+")" || !strings.Contains(src, fmt.Sprintf("Nummer %d ", i+1)) {
					t.Fatalf("pair %d: %q", i+1, l)
				}
			}
			faults = 0
			for _, r := range srv.Requests()[before:] {
				if r.Fault != providertest.None {
					faults++
				}
			}
			t.Logf("1,000 sentences: %d requests, %d with faults; at most %d faults in a row for one request", srv.Count()-before, faults, mostFaults())
		})
	}
}

type faultRate struct {
	fault providertest.Fault
	p     float64
}

// faultsByRequest injects faults at the given rates like the fake's Rates, but draws each
// attempt's fault from the request's segments and how often the same request came before,
// not from arrival order. With Rates, the seeded draws are dealt out in arrival order, so under
// concurrency scheduling decides which request collects them: a request answered 429 with
// Retry-After 0 is back at once while the others are still being translated, and on a loaded
// machine it took six faults of the sequence in a row and ran out of attempts (exit 3, "HTTP
// 429 … (6 attempts)"). Keyed by request, every request meets the same faults in every run.
// mostFaults reports the longest run of faults one request met, for the log.
func faultsByRequest(seed uint64, rates []faultRate) (faultIf func(providertest.RequestInfo) providertest.Fault, mostFaults func() int) {
	var mu sync.Mutex
	seen := map[uint64]int{}   // attempts so far, by request
	streak := map[uint64]int{} // faults in a row, by request
	most := 0
	faultIf = func(req providertest.RequestInfo) providertest.Fault {
		h := fnv.New64a()
		for _, s := range req.Segments {
			fmt.Fprintf(h, "%s\x00%s\x00", s.ID, s.Text)
		}
		key := h.Sum64()
		mu.Lock()
		defer mu.Unlock()
		attempt := seen[key]
		seen[key]++
		x := rand.New(rand.NewPCG(seed, key+uint64(attempt))).Float64()
		fault := providertest.None
		for _, r := range rates {
			if x < r.p {
				fault = r.fault
				break
			}
			x -= r.p
		}
		if fault == providertest.None {
			streak[key] = 0
		} else {
			streak[key]++
			most = max(most, streak[key])
		}
		return fault
	}
	mostFaults = func() int {
		mu.Lock()
		defer mu.Unlock()
		return most
	}
	return faultIf, mostFaults
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(al), len(bl))
}

// writeCorpus writes n distinct German sentences, one per paragraph.
func writeCorpus(path string, n int) error {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Im Jahr %d berichtete die Zeitung über die Sitzung Nummer %d des Ausschusses in Berlin.\n\n", 1000+i, i+1)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

var summaryRE = regexp.MustCompile(`(\d[\d,]*) segments \((\d[\d,]*) TM hits(?:, \d[\d,]* repeated)?\), (\d[\d,]*) requests?(?: \(\d[\d,]* retr\w+\))?, (\d[\d,]*) characters`)
var planRE = regexp.MustCompile(`plan: .*?(\d[\d,]*) segments, (\d[\d,]*) TM hits?, (\d[\d,]*) to translate: (\d[\d,]*) characters, ~(\d[\d,]*) tokens, (\d[\d,]*) requests?`)

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	return n
}

// TestTranslateDryRunEstimate: --dry-run sends nothing and its estimate is within 10 % of the
// real run's requests and characters.
func TestTranslateDryRunEstimate(t *testing.T) {
	for _, prov := range bothProviders {
		t.Run(prov, func(t *testing.T) {
			srv, flags := startFake(t, prov, providertest.Options{})
			dir := t.TempDir()
			path := filepath.Join(dir, "big.txt")
			if err := writeCorpus(path, 900); err != nil {
				t.Fatal(err)
			}
			tmPath := filepath.Join(dir, "tm.sqlite")
			plan, _ := mustBitext(t, append([]string{"translate", "--dry-run", "--tm", tmPath, path}, flags...)...)
			if srv.Count() != 0 {
				t.Fatalf("--dry-run sent %d requests", srv.Count())
			}
			m := planRE.FindStringSubmatch(plan)
			if m == nil {
				t.Fatalf("no plan in %q", plan)
			}
			_, errs := mustBitext(t, append([]string{"translate", "--tm", tmPath, path}, flags...)...)
			s := summaryRE.FindStringSubmatch(errs)
			if s == nil {
				t.Fatalf("no summary in %q", errs)
			}
			estReq, estChars := atoi(m[6]), atoi(m[4])
			realReq, realChars := atoi(s[3]), atoi(s[4])
			t.Logf("estimate %d requests, %d characters; real %d requests, %d characters", estReq, estChars, realReq, realChars)
			if !within(estReq, realReq, 0.10) || !within(estChars, realChars, 0.10) {
				t.Errorf("estimate %d requests / %d characters, real %d / %d", estReq, estChars, realReq, realChars)
			}
			// Once everything is in the memory, the plan says so and the rerun sends nothing.
			plan, _ = mustBitext(t, append([]string{"translate", "--dry-run", "--tm", tmPath, path}, flags...)...)
			if m := planRE.FindStringSubmatch(plan); m == nil || atoi(m[2]) != 900 || atoi(m[6]) != 0 {
				t.Errorf("plan after the run: %q", plan)
			}
			before := srv.Count()
			mustBitext(t, append([]string{"translate", "--tm", tmPath, path}, flags...)...)
			if n := srv.Count() - before; n != 0 {
				t.Errorf("rerun sent %d requests", n)
			}
		})
	}
}

func within(est, real int, frac float64) bool {
	d := float64(est - real)
	if d < 0 {
		d = -d
	}
	return d <= frac*float64(real)
}

// TestTranslateInterruptAndResume: cancelling halfway exits 130 and keeps what was translated;
// the rerun sends at most what was missing plus the batches that were in flight.
func TestTranslateInterruptAndResume(t *testing.T) {
	for _, prov := range bothProviders {
		t.Run(prov, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "big.txt")
			if err := writeCorpus(path, 1000); err != nil {
				t.Fatal(err)
			}
			const conc = 3

			// The single-run count.
			single, flags := startFake(t, prov, providertest.Options{})
			mustBitext(t, append([]string{"translate", "--no-tm", "--concurrency", strconv.Itoa(conc), path}, flags...)...)
			singleRun := single.Count()

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var seen atomic.Int64
			srv, flags := startFake(t, prov, providertest.Options{FaultIf: func(providertest.RequestInfo) providertest.Fault {
				if seen.Add(1) == int64(singleRun/2) {
					cancel()
				}
				return providertest.None
			}})
			tmPath := filepath.Join(dir, "tm.sqlite")
			out := filepath.Join(dir, "out.jsonl")
			code, _, errs := bitext(ctx, "", append([]string{"translate", "--tm", tmPath, "--concurrency", strconv.Itoa(conc), path, "-o", out}, flags...)...)
			if code != 130 {
				t.Fatalf("interrupted run: exit %d, want 130\n%s", code, errs)
			}
			if _, err := os.Stat(out); err == nil {
				t.Fatal("an interrupted run left its output")
			}
			first := srv.Count()
			mustBitext(t, append([]string{"translate", "--tm", tmPath, "--concurrency", strconv.Itoa(conc), path, "-o", out}, flags...)...)
			second := srv.Count() - first
			t.Logf("single run %d requests; interrupted %d + resumed %d", singleRun, first, second)
			if first+second > singleRun+conc {
				t.Errorf("%d + %d requests > single run %d + %d in flight", first, second, singleRun, conc)
			}
			if pairs := readPairs(t, corpus.JSONL, out); len(pairs) != 1000 {
				t.Errorf("%d pairs after resume", len(pairs))
			}
		})
	}
}

// TestTranslateParagraphUnit: --unit paragraph sends one segment per paragraph, splits the
// answer into sentences and aligns them with the German ones, so pairs still come out: 1-1 when
// the counts match, through the aligner when the translation merged sentences.
func TestTranslateParagraphUnit(t *testing.T) {
	merge := func(seg providertest.Segment, req providertest.RequestInfo) string {
		if strings.HasPrefix(seg.Text, "Die Gespräche") { // merge this paragraph's sentences
			return "The talks will continue in January, both sides were satisfied, and no date is fixed yet."
		}
		return providertest.DefaultTranslation(seg, req)
	}
	for _, prov := range bothProviders {
		t.Run(prov, func(t *testing.T) {
			srv, flags := startFake(t, prov, providertest.Options{Translate: merge})
			in := filepath.Join(t.TempDir(), "artikel.txt")
			os.WriteFile(in, []byte("Die Vereinigten Staaten unterstützen den Dialog. Das erklärte der Sprecher des Ministeriums.\n\n"+
				"Die Gespräche sollen im Januar fortgesetzt werden. Beide Seiten zeigten sich zufrieden. Ein Termin steht noch nicht fest.\n"), 0o644)
			out := filepath.Join(t.TempDir(), "pairs.jsonl")
			mustBitext(t, append([]string{"translate", in, "--unit", "paragraph", "-o", out, "--no-tm"}, flags...)...)
			if n := len(srv.Requests()[0].Info.Segments); n != 2 {
				t.Errorf("%d segments sent, want 2 paragraphs", n)
			}
			pairs := readPairs(t, corpus.JSONL, out)
			src := sourceSentences(t, in)
			var joined []string
			for _, p := range pairs {
				if p.Source != "" {
					joined = append(joined, p.Source)
				}
				if p.Confidence <= 0 || p.Confidence > 1 {
					t.Errorf("pair %+v: confidence", p)
				}
			}
			if strings.Join(joined, " ") != strings.Join(src, " ") {
				t.Errorf("sources %q, want %q", joined, src)
			}
			if pairs[0].Target != "EN(Die Vereinigten Staaten unterstützen den Dialog." || pairs[0].Confidence != 1 {
				t.Errorf("first pair %+v", pairs[0])
			}
			last := pairs[len(pairs)-1]
			if last.Paragraph != 2 || !strings.Contains(strings.Join([]string{pairs[len(pairs)-1].Target, pairs[len(pairs)-2].Target}, " "), "no date is fixed yet") {
				t.Errorf("merged paragraph pairs %+v", pairs[2:])
			}
		})
	}
}
