package review

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/heappeak"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/tm"
)

// The browser tests drive the app in a real headless Chromium (Debian's chromium package) with
// chromedp. They are skipped, with a message, where no Chromium is installed; BITEXT_CHROMIUM
// names another binary.

func findChromium() string {
	for _, name := range []string{os.Getenv("BITEXT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts one headless Chromium with a new, empty profile and no network services of
// its own, and returns a tab's context.
func newBrowser(tb testing.TB) context.Context {
	tb.Helper()
	path := findChromium()
	if path == "" {
		tb.Skip("no Chromium found (Debian: apt-get install chromium; or set BITEXT_CHROMIUM): browser tests skipped")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 860),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancel(); acancel() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		tb.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

func readFile(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// checkArticles counts glossary violations the way `bitext check ARTICLE TRANSLATION` does:
// align the two articles, then run a glossary Checker over the beads.
func checkArticles(tb testing.TB, de, en string, g *glossary.Glossary) int {
	tb.Helper()
	in, err := ReadArticles(context.Background(), strings.NewReader(de), strings.NewReader(en), "de.txt", "en.txt", g)
	if err != nil {
		tb.Fatal(err)
	}
	ch := glossary.NewChecker(g, glossary.CheckOptions{})
	n := 0
	for _, it := range in.Items {
		n += len(ch.Add(glossary.Segment{Index: it.ID + 1, Doc: it.Doc, Source: it.Pair.Source, Target: it.Pair.Target}))
	}
	return n + len(ch.Close())
}

// spoil puts two glossary violations into a correct translation of the seed article: the
// forbidden "Foreign Office" for US-Außenministerium in the title, "Minsk treaty" for Minsker
// Abkommen.
func spoil(en string) string {
	en = strings.Replace(en, "State Department officials visited the Kremlin", "Foreign Office officials visited the Kremlin", 1)
	return strings.Replace(en, "implementing the Minsk agreements", "implementing the Minsk treaty", 1)
}

// TestBrowser: browserReview opens the queue of the seed article's check in Chromium, filters it by term,
// fixes the violation with the keyboard alone and accepts it; the TM and the output then hold
// the fix, and checking the output finds one violation less. With BITEXT_REVIEW_SCREENSHOTS=DIR
// it saves review-queue.png and review-segment.png there (the README's screenshots).
func TestBrowser(t *testing.T) {
	browser := newBrowser(t) // one browser for every subtest, a tab each
	tab := func(t *testing.T) context.Context {
		ctx, cancel := chromedp.NewContext(browser)
		t.Cleanup(cancel)
		return ctx
	}
	t.Run("review", func(t *testing.T) { browserReview(tab(t), t) })
	t.Run("check page", func(t *testing.T) { browserCheckPage(tab(t), t) })
	t.Run("codes", func(t *testing.T) { browserCodes(tab(t), t) })
}

func browserReview(ctx context.Context, t *testing.T) {
	g, err := glossary.Load("../testdata/glossary/seed.tsv")
	if err != nil {
		t.Fatal(err)
	}
	de := readFile(t, "../testdata/articles/us-kreml.txt")
	en := spoil(readFile(t, "../testdata/articles-en/us-kreml.txt"))
	before := checkArticles(t, de, en, g)
	if before != 2 {
		t.Fatalf("the spoiled translation has %d violations, want 2", before)
	}
	in, err := ReadArticles(context.Background(), strings.NewReader(de), strings.NewReader(en), "us-kreml.txt", "us-kreml.en.txt", g)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db, err := tm.Open(filepath.Join(dir, "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := filepath.Join(dir, "us-kreml.reviewed.en.txt")
	a := serve(t, in, Options{Glossary: g, TM: db, Output: out, Reviewer: "tester"})
	shots := os.Getenv("BITEXT_REVIEW_SCREENSHOTS")

	tctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	screenshot := func(name string) {
		if shots == "" {
			return
		}
		png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// waitFor polls a condition; evaluation errors while a page is replaced are retried.
	waitFor := func(what, js string) {
		t.Helper()
		start := time.Now()
		for {
			ok, err := chromedp.Run(tctx, chromedp.Evaluate[bool](js))
			if err == nil && ok {
				return
			}
			if tctx.Err() != nil {
				t.Fatalf("waiting for %s: %v", what, tctx.Err())
			}
			if time.Since(start) > 20*time.Second {
				page, _ := chromedp.Run(tctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText`))
				t.Fatalf("waiting for %s: 20 s, the page is:\n%s", what, page)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	count := func(css string) int {
		n, err := chromedp.Run(tctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, css)))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	step("open the queue", chromedp.Navigate(a.start), chromedp.WaitVisible(chromedp.ID("rows")))
	if n := count(".rows .item"); n != 2 {
		t.Errorf("queue lists %d segments, want the 2 with violations", n)
	}
	screenshot("review-queue.png")

	step("filter by term", chromedp.Click(chromedp.Search(`//table[@id="terms"]//a[text()="US-Außenministerium"]`)))
	waitFor("the filtered queue", `location.search.includes("term=") && document.readyState === "complete"`)
	if n := count(".rows .item"); n != 1 {
		t.Fatalf("filtered queue lists %d segments, want 1", n)
	}

	step("open it with Enter", chromedp.KeyEvent("\r"))
	waitFor("the segment page", `!!document.getElementById("target") && document.readyState === "complete"`)
	step("apply the suggested term with t", chromedp.KeyEvent("t"))
	fixed, err := chromedp.Run(tctx, chromedp.Value(chromedp.ID("target")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(fixed, "State Department officials visited the Kremlin") {
		t.Fatalf("after t the translation is %q", fixed)
	}
	ins, err := chromedp.Run(tctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#diff ins")).map(e => e.textContent).join("|")`))
	if err != nil || !strings.Contains(ins, "State Department") {
		t.Errorf("word diff shows %q inserted (%v), want the new rendering", ins, err)
	}
	// Control and bidi characters typed into the box are marked in the live diff, never drawn
	// raw (the box itself is then put back as it was).
	marks, err := chromedp.Run(tctx, chromedp.Evaluate[string](`(() => {
		const a = document.getElementById("target"), d = document.getElementById("diff"), keep = a.value;
		a.value = keep + " ‮001‬ euros";
		a.dispatchEvent(new Event("input"));
		const r = Array.from(d.querySelectorAll(".ctl")).map(e => e.textContent).join("|") + (/[‮‬]/.test(d.textContent) ? " raw" : "");
		a.value = keep;
		a.dispatchEvent(new Event("input"));
		return r;
	})()`))
	if err != nil || marks != `\u202e|\u202c|\x1b` {
		t.Errorf("live diff marks %q (%v), want the three characters as escapes and none raw", marks, err)
	}
	screenshot("review-segment.png")

	step("accept with a", chromedp.KeyEvent("a"))
	waitFor("the emptied queue", `!!document.getElementById("shown") && document.getElementById("shown").textContent.includes("Nothing left")`)
	if open, err := chromedp.Run(tctx, chromedp.Text(chromedp.ID("n-open"))); err != nil || open != fmt.Sprint(len(in.Items)-1) {
		t.Errorf("open count on the page: %q (%v), want %d", open, err, len(in.Items)-1)
	}

	// The decision is in the journal, the TM and the output.
	ds, err := ReadJournal(out + ".review.jsonl")
	if err != nil || len(ds) != 1 {
		t.Fatalf("journal: %+v, %v", ds, err)
	}
	if d := ds[0]; d.Action != Edited || d.Reviewer != "tester" || d.After != fixed {
		t.Errorf("journal: %+v", d)
	}
	got, ok, err := db.Lookup(context.Background(), tm.Key{Provider: "any", SourceLang: "de", TargetLang: "en", Source: ds[0].Source})
	if err != nil || !ok || got != fixed {
		t.Errorf("TM has %q, %v, %v; want %q", got, ok, err, fixed)
	}
	reviewed := readFile(t, out)
	if !strings.HasPrefix(reviewed, "State Department officials visited the Kremlin") || !strings.Contains(reviewed, "Minsk treaty") {
		t.Errorf("output:\n%s", reviewed)
	}
	if after := checkArticles(t, de, reviewed, g); after != before-1 {
		t.Errorf("checking the output finds %d violations, want %d", after, before-1)
	}

	// The header's Finish button ends the review: the page says so and the server stops.
	step("finish", chromedp.Click(chromedp.ID("finish")))
	waitFor("the finish page", `!!document.getElementById("finished") && document.readyState === "complete"`)
	if !a.s.Finished() {
		t.Error("the Finish button did not finish the review")
	}
}

// browserCheckPage opens check's static HTML report (qa.Report.WriteHTML) from a file in
// Chromium: its inline script runs under its own Content-Security-Policy (the hashes match) and
// the term filter hides the other segments.
func browserCheckPage(ctx context.Context, t *testing.T) {
	g := testGlossary(t)
	in := readInput(t, testPairs)
	var segs []qa.Segment
	var vs []qa.Violation
	for _, it := range in.Items {
		loc := qa.Location{Document: it.Doc, Segment: it.ID + 1, Label: it.Label}
		segs = append(segs, qa.Segment{Document: it.Doc, Index: it.ID + 1, Label: it.Label, Source: it.Pair.Source, Target: it.Pair.Target})
		vs = append(vs, qa.FromGlossary(g.Check(it.Pair.Source, it.Pair.Target), it.Pair.Source, it.Pair.Target, loc)...)
	}
	var b strings.Builder
	if err := qa.NewReport(segs, vs, glossary.Summary{Segments: 3, Violations: len(vs)}).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "check.html")
	if err := os.WriteFile(page, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate("file://"+page), chromedp.WaitVisible(chromedp.ID("segs"))); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(tctx, chromedp.Text(chromedp.ID("shown")))
	if err != nil || shown != "2 violations in 2 of 2 segments shown" {
		t.Fatalf("the page's script did not run (CSP?): #shown = %q, %v", shown, err)
	}
	if err := chromedp.Do(tctx, chromedp.SetValue(chromedp.ID("f-term"), "Generalsekretär"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("f-term").dispatchEvent(new Event("change"))`)); err != nil {
		t.Fatal(err)
	}
	visible, err := chromedp.Run(tctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("section.seg")).filter(e => !e.hidden).length`))
	if err != nil || visible != 1 {
		t.Errorf("after filtering by term %d segments visible (%v), want 1", visible, err)
	}
	// The alert in the article text never ran: it is text.
	if n, _ := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("script").length`)); n != 1 {
		t.Errorf("%d script elements, want the page's own only", n)
	}
}

// synthetic returns n pairs built from the seed articles' aligned sentences, numbered so that
// no two are alike, a third of them with a glossary violation, 100 to a document.
func synthetic(tb testing.TB, n int, g *glossary.Glossary) *Input {
	tb.Helper()
	var base []corpus.Pair
	for _, name := range []string{"us-kreml.txt", "nato-russland.txt"} {
		in, err := ReadArticles(context.Background(), strings.NewReader(readFile(tb, "../testdata/articles/"+name)),
			strings.NewReader(readFile(tb, "../testdata/articles-en/"+name)), name, name, g)
		if err != nil {
			tb.Fatal(err)
		}
		for _, it := range in.Items {
			base = append(base, it.Pair)
		}
	}
	in := &Input{}
	for i := range n {
		p := base[i%len(base)]
		p.Doc = fmt.Sprintf("doc%03d", i/100)
		p.Source = fmt.Sprintf("%s [%d]", p.Source, i)
		p.Target = fmt.Sprintf("%s [%d]", p.Target, i)
		if i%3 == 0 {
			p.Target = strings.NewReplacer("State Department", "Foreign Office", "Minsk agreements", "Minsk treaty",
				"Foreign Ministry", "Outer Ministry", "Kremlin", "Kreml").Replace(p.Target)
		}
		p.Confidence = 0
		in.Items = append(in.Items, Item{ID: i, Doc: p.Doc, Label: fmt.Sprintf("%s:%d", p.Doc, i%100+1), Pair: p, Confidence: -1})
	}
	return in
}

// BenchmarkQueue10k serves a review of 10,000 segments and loads its queue in Chromium: the
// first page (load-ms), every unreviewed segment on one page (load-all-ms), and one segment
// (segment-ms), timed by the browser's Navigation Timing (start to load event); server-MB is the
// server's peak heap (preparing the review and serving the pages).
//
//	go test ./review -run '^$' -bench Queue10k -benchtime 3x
func BenchmarkQueue10k(b *testing.B) {
	ctx := newBrowser(b)
	g, err := glossary.Load("../testdata/glossary/seed.tsv")
	if err != nil {
		b.Fatal(err)
	}
	in := synthetic(b, 10_000, g)
	peak := heappeak.Start()
	a := serve(b, in, Options{Glossary: g})
	if err := chromedp.Do(ctx, chromedp.Navigate(a.start), chromedp.WaitVisible(chromedp.ID("rows"))); err != nil {
		b.Fatal(err)
	}
	load := func(path string) float64 {
		if err := chromedp.Do(ctx, chromedp.Navigate(a.base+path)); err != nil {
			b.Fatal(err)
		}
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(function(){var e=performance.getEntriesByType("navigation")[0];return e.loadEventEnd-e.startTime;})()`))
		if err != nil {
			b.Fatal(err)
		}
		return ms
	}
	var first, all, seg float64
	b.ResetTimer()
	for range b.N {
		first += load("/")
		all += load("/?kind=unreviewed&per=10000")
		seg += load("/seg/1")
	}
	b.StopTimer()
	p := peak.Stop()
	if rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("li.v").length`)); err != nil || rows == 0 {
		b.Fatalf("segment page shows no findings (%v)", err)
	}
	b.ReportMetric(first/float64(b.N), "load-ms")
	b.ReportMetric(all/float64(b.N), "load-all-ms")
	b.ReportMetric(seg/float64(b.N), "segment-ms")
	b.ReportMetric(float64(p.Objects)/(1<<20), "server-MB")
	if kb := peakRSSKiB(); kb > 0 {
		b.ReportMetric(float64(kb)/1024, "process-peak-RSS-MB") // the test process: server and test harness, not the browser
	}
}

// peakRSSKiB is the process's peak resident set (VmHWM) on Linux, 0 elsewhere.
func peakRSSKiB() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kb)
			return kb
		}
	}
	return 0
}

// BenchmarkQueuePage10k is the server's side of BenchmarkQueue10k, without a browser: the time
// to answer the queue's first page and every unreviewed segment on one page.
func BenchmarkQueuePage10k(b *testing.B) {
	g, err := glossary.Load("../testdata/glossary/seed.tsv")
	if err != nil {
		b.Fatal(err)
	}
	a := serve(b, synthetic(b, 10_000, g), Options{Glossary: g})
	a.login(b)
	for _, path := range []string{"/", "/?kind=unreviewed&per=10000", "/seg/1"} {
		b.Run(strings.NewReplacer("/", "_", "?", "_", "&", "_", "=", "-").Replace(path), func(b *testing.B) {
			for range b.N {
				if resp, _ := a.get(b, path); resp.StatusCode != 200 {
					b.Fatal(resp.Status)
				}
			}
		})
	}
}
