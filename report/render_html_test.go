package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/qa"
)

// TestReadBitextRecordedFlags: violations recorded with a pair keep their own kind, their
// term and renderings, and point into the pair's source and target.
func TestReadBitextRecordedFlags(t *testing.T) {
	cases := []struct {
		name             string
		v                corpus.Violation
		source, target   string
		wantSrc, wantTgt string // the spans' text; "" for no span
	}{
		{"forbidden", corpus.Violation{Kind: "forbidden", SourceTerm: "Außenministeriums", Expected: "Foreign Ministry", Found: "Foreign Office"},
			"Ein Sprecher des Außenministeriums sagte das.", "A Foreign Office spokesman said so.", "Außenministeriums", "Foreign Office"},
		{"missing", corpus.Violation{Kind: "missing", SourceTerm: "Bundestag", Expected: "Bundestag"},
			"Der Bundestag stimmte zu.", "Parliament agreed.", "Bundestag", ""},
		{"inconsistent", corpus.Violation{Kind: "inconsistent", SourceTerm: "Kanzler", Expected: "chancellor", Found: "Chancellor"},
			"Der Kanzler reiste ab.", "The Chancellor left.", "Kanzler", "Chancellor"},
		{"term not in the pair", corpus.Violation{Kind: "forbidden", SourceTerm: "Kreml", Expected: "Kremlin", Found: "Kreml"},
			"Moskau schweigt.", "Moscow is silent.", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := corpus.Pair{Source: c.source, Target: c.target, Violations: []corpus.Violation{c.v}}
			var b bytes.Buffer
			w, err := corpus.NewWriter(corpus.JSONL, &b, corpus.WriterOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(p); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			side, err := ReadBitext(context.Background(), &b, "mt.jsonl", corpus.JSONL)
			if err != nil {
				t.Fatal(err)
			}
			if len(side.Flags) != 1 || len(side.Flags[0]) != 1 {
				t.Fatalf("flags = %+v, want one", side.Flags)
			}
			f := side.Flags[0][0]
			if f.Kind != c.v.Kind || f.Term != c.v.SourceTerm || f.Expected != c.v.Expected || f.Found != c.v.Found || f.Segment != 1 {
				t.Errorf("flag = %+v, want %+v in segment 1", f, c.v)
			}
			if !strings.HasSuffix(f.Message, "(recorded by translate)") || !strings.Contains(f.Message, c.v.SourceTerm) {
				t.Errorf("message %q", f.Message)
			}
			span := func(s string, start, end int) string {
				if start == qa.NoSpan {
					return ""
				}
				return s[start:end]
			}
			if got := span(c.source, f.SourceStart, f.SourceEnd); got != c.wantSrc {
				t.Errorf("source span %q, want %q", got, c.wantSrc)
			}
			if got := span(c.target, f.TargetStart, f.TargetEnd); got != c.wantTgt {
				t.Errorf("target span %q, want %q", got, c.wantTgt)
			}
		})
	}
}

// glossaryInput is the sample input with a glossary check that finds a forbidden rendering
// in segment 2 of mt-a and the number flag in segment 3.
func glossaryInput(t testing.TB) (Input, Options) {
	t.Helper()
	g, err := glossary.Parse(strings.NewReader("de\ten\tforbidden\nAußenministerium\tForeign Ministry\tForeign Office\n"), "g.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	in := sampleInput()
	in.Sources[1] = "Das Außenministeriums war nicht überrascht."
	in.References[0][1] = "The Foreign Ministry was not surprised."
	in.Systems[0].Hypotheses[1] = "The Foreign Office wasn't surprised."
	in.Systems[1].Hypotheses[1] = "The Foreign Ministry was not surprised."
	return in, Options{Version: "test", QA: QAOptions{Glossary: GlossaryQA(g)}}
}

func TestGlossaryFlagsLocateTermAndRendering(t *testing.T) {
	in, opt := glossaryInput(t)
	r, err := Build(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	seg := r.Systems[0].Segments[1]
	vs := seg.Flags
	if len(vs) != 1 {
		t.Fatalf("flags = %+v, want one", vs)
	}
	v := vs[0]
	if v.Kind != qa.Forbidden || v.Segment != 2 || v.Document != "mt-a" || v.Label != "mt-a:2" || v.Expected != "Foreign Ministry" || v.Found != "Foreign Office" || v.Message == "" {
		t.Errorf("violation = %+v", v)
	}
	if got := seg.Source[v.SourceStart:v.SourceEnd]; got != "Außenministeriums" {
		t.Errorf("source span %q", got)
	}
	// A system read from a bitext holds segments, not lines: its flag says "segment N", not a
	// "NAME:N" that reads like a line of the file.
	in.Systems[0].Unit = "segments"
	if r, err = Build(in, opt); err != nil {
		t.Fatal(err)
	}
	if l := r.Systems[0].Segments[1].Flags[0].Label; l != "mt-a: segment 2" {
		t.Errorf("bitext system: label %q, want %q", l, "mt-a: segment 2")
	}
	if got := seg.Hypothesis[v.TargetStart:v.TargetEnd]; got != "Foreign Office" {
		t.Errorf("target span %q", got)
	}
	if r.Systems[0].QA[qa.Forbidden] != 1 {
		t.Errorf("qa counts %v, want forbidden 1", r.Systems[0].QA)
	}
	num := r.Systems[0].Segments[2].Flags
	if len(num) == 0 || num[0].Kind != qa.Number || num[0].Message == "" || num[0].Segment != 3 || num[0].SourceStart != qa.NoSpan || num[0].TargetStart != qa.NoSpan {
		t.Errorf("number flag = %+v", num)
	}
}

// TestPlaceLiteralFlag: a Flag{Kind, Message} literal from a custom hook has no span rather
// than one at byte 0, and gets the segment's place.
func TestPlaceLiteralFlag(t *testing.T) {
	fs := []Flag{{Kind: "custom", Message: "m"}, {Kind: qa.Forbidden, Location: qa.Location{Document: "d", Segment: 7, SourceStart: 2, SourceEnd: 5, TargetStart: 0, TargetEnd: 3}}}
	place(fs, qa.Location{Document: "sys", Segment: 4, Label: "sys:4"})
	if f := fs[0]; f.Document != "sys" || f.Segment != 4 || f.Label != "sys:4" || f.SourceStart != qa.NoSpan || f.SourceEnd != qa.NoSpan || f.TargetStart != qa.NoSpan || f.TargetEnd != qa.NoSpan {
		t.Errorf("literal flag placed as %+v", f)
	}
	if f := fs[1]; f.Document != "d" || f.Segment != 7 || f.SourceStart != 2 || f.SourceEnd != 5 || f.TargetStart != 0 || f.TargetEnd != 3 {
		t.Errorf("located flag changed to %+v", f)
	}
}

// page is a parsed report page.
type page struct {
	root *html.Node
	byID map[string]*html.Node
}

func parsePage(t *testing.T, src string) page {
	t.Helper()
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	p := page{root, map[string]*html.Node{}}
	for n := range root.Descendants() {
		if id := attr(n, "id"); id != "" {
			if p.byID[id] != nil {
				t.Errorf("duplicate id %q", id)
			}
			p.byID[id] = n
		}
	}
	return p
}

func attr(n *html.Node, key string) string {
	if n.Type != html.ElementNode {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// find returns the elements under n with tag (any if "") and class (any if "").
func find(n *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && (tag == "" || d.Data == tag) && (class == "" || hasClass(d, class)) {
			out = append(out, d)
		}
	}
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func renderPage(t *testing.T, in Input, opt Options) (*Report, string) {
	t.Helper()
	r, err := Build(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	return r, buf.String()
}

func TestHTMLPageStructure(t *testing.T) {
	in, opt := glossaryInput(t)
	r, src := renderPage(t, in, opt)
	p := parsePage(t, src)

	// One style and one script, both allowed by their hash and nothing else.
	var csp string
	for _, m := range find(p.root, "meta", "") {
		if attr(m, "http-equiv") == "Content-Security-Policy" {
			csp = attr(m, "content")
		}
	}
	styles, scripts := find(p.root, "style", ""), find(p.root, "script", "")
	if len(styles) != 1 || len(scripts) != 1 {
		t.Fatalf("%d style and %d script elements, want one each", len(styles), len(scripts))
	}
	for _, want := range []string{
		"default-src 'none'",
		"style-src " + qa.CSPHash(text(styles[0])),
		"script-src " + qa.CSPHash(text(scripts[0])),
	} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows any inline code: %q", csp)
	}
	for n := range p.root.Descendants() {
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "href" || a.Key == "style" || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>: external asset or inline code outside the hashed script", n.Data, a.Key, a.Val)
			}
		}
	}

	// The controls.
	for id, tag := range map[string]string{"t-diff": "input", "f-flagged": "input", "f-kind": "select", "jump-worst": "button", "shown": "span"} {
		if n := p.byID[id]; n == nil || n.Data != tag {
			t.Errorf("no <%s id=%q>", tag, id)
		}
	}
	if attr(p.byID["t-diff"], "type") != "checkbox" || attr(p.byID["f-flagged"], "type") != "checkbox" {
		t.Error("the diff toggle and the flagged filter are not checkboxes")
	}
	var kinds []string
	for _, o := range find(p.byID["f-kind"], "option", "") {
		kinds = append(kinds, attr(o, "value"))
	}
	if got := strings.Join(kinds, ","); got != ",forbidden,number" {
		t.Errorf("kind filter options %q", got)
	}

	// One row per segment and system, with plain output and diff.
	for si, s := range r.Systems {
		table := p.byID[fmt.Sprintf("segments-%d", si)]
		if table == nil {
			t.Fatalf("no table for system %d", si)
		}
		rows := find(table, "tr", "seg")
		if len(rows) != len(s.Segments) {
			t.Fatalf("system %d: %d rows, want %d", si, len(rows), len(s.Segments))
		}
		worst := r.Worst(si, len(s.Segments))
		for i, row := range rows {
			seg := s.Segments[i]
			if attr(row, "id") != fmt.Sprintf("s%d-%d", si, i) || attr(row, "data-flags") != fmt.Sprint(len(seg.Flags)) {
				t.Errorf("row %d: id %q data-flags %q", i, attr(row, "id"), attr(row, "data-flags"))
			}
			hyp := find(row, "td", "hyp")
			if len(hyp) != 1 {
				t.Fatalf("row %d: no hypothesis cell", i)
			}
			plain, wdiff := find(hyp[0], "div", "plain"), find(hyp[0], "div", "wdiff")
			if len(plain) != 1 || len(wdiff) != 1 {
				t.Fatalf("row %d: plain %d, diff %d", i, len(plain), len(wdiff))
			}
			if got := text(plain[0]); got != seg.Hypothesis {
				t.Errorf("row %d: plain output %q, want %q", i, got, seg.Hypothesis)
			}
			if len(find(plain[0], "del", "")) != 0 {
				t.Errorf("row %d: the plain output carries deleted reference words", i)
			}
			if got := text(find(row, "td", "ref")[0]); got != seg.References[0] {
				t.Errorf("row %d: reference %q", i, got)
			}
			if got := text(find(row, "td", "src")[0]); got != seg.Source {
				t.Errorf("row %d: source %q", i, got)
			}
		}
		// Ranks follow Report.Worst; the jump list names existing rows, worst first.
		for rank, i := range worst {
			if got := attr(rows[i], "data-rank"); got != fmt.Sprint(rank+1) {
				t.Errorf("system %d segment %d: rank %s, want %d", si, i, got, rank+1)
			}
		}
		sec := p.byID[fmt.Sprintf("system-%d", si)]
		gotos := find(sec, "button", "goto")
		if len(gotos) != min(worstLinks, len(s.Segments)) {
			t.Errorf("system %d: %d worst buttons", si, len(gotos))
		}
		for k, b := range gotos {
			if want := fmt.Sprintf("s%d-%d", si, worst[k]); attr(b, "data-target") != want {
				t.Errorf("system %d: worst button %d targets %q, want %q", si, k, attr(b, "data-target"), want)
			}
		}
	}

	// The article text "<script>…" is a text node of its row, not an element.
	row := p.byID["s0-3"]
	if got := text(find(row, "div", "plain")[0]); got != xss {
		t.Errorf("plain output %q, want the script tag as text", got)
	}
	if len(find(row, "script", "")) != 0 {
		t.Error("the hypothesis became a <script> element")
	}

	// The glossary finding: term marked in the source, the wrong rendering in the output.
	row = p.byID["s0-1"]
	terms := find(find(row, "td", "src")[0], "mark", "term")
	found := find(find(row, "div", "plain")[0], "mark", "found")
	if len(terms) != 1 || text(terms[0]) != "Außenministeriums" || !hasClass(terms[0], "forbidden") {
		t.Errorf("source marks: %d", len(terms))
	}
	if len(found) != 1 || text(found[0]) != "Foreign Office" {
		t.Errorf("output marks: %d", len(found))
	}
	lis := find(row, "li", "v")
	if len(lis) != 1 || attr(lis[0], "data-kind") != "forbidden" || !strings.Contains(text(lis[0]), "Foreign Ministry") {
		t.Errorf("findings list: %d", len(lis))
	}
	if attr(row, "data-kinds") != "forbidden" {
		t.Errorf("data-kinds %q", attr(row, "data-kinds"))
	}
	if n := len(find(p.byID["s1-1"], "mark", "")); n != 0 {
		t.Errorf("mt-b has %d marks in a segment without findings", n)
	}
}

// TestHTMLQAOnlyRanksByFindings: without references there is no diff (the toggle is
// disabled) and segments rank by their number of findings.
func TestHTMLQAOnlyRanksByFindings(t *testing.T) {
	in, opt := glossaryInput(t)
	in.References = nil
	r, src := renderPage(t, in, opt)
	p := parsePage(t, src)
	if _, ok := attrOK(p.byID["t-diff"], "disabled"); !ok {
		t.Error("the diff toggle is enabled without a reference")
	}
	if len(find(p.root, "div", "wdiff")) != 0 {
		t.Error("diffs without a reference")
	}
	flagged := 0
	for i, seg := range r.Systems[0].Segments {
		rank := attr(p.byID[fmt.Sprintf("s0-%d", i)], "data-rank")
		if len(seg.Flags) > 0 {
			flagged++
			if rank == "0" {
				t.Errorf("flagged segment %d unranked", i)
			}
		} else if rank != "0" {
			t.Errorf("segment %d without findings ranked %s", i, rank)
		}
	}
	if flagged == 0 || len(find(p.byID["system-0"], "button", "goto")) != flagged {
		t.Errorf("%d flagged, worst list %d", flagged, len(find(p.byID["system-0"], "button", "goto")))
	}
}

func attrOK(n *html.Node, key string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// TestHTMLControlsInChromium opens the page in headless Chromium and uses its controls: the
// script runs under the page's own CSP, the diff toggle swaps plain output for the word diff,
// "flagged only" hides the unflagged rows, jump-to-worst focuses the worst segment and then
// the next worse, and the "<script>" hypothesis stays text.
func TestHTMLControlsInChromium(t *testing.T) {
	bin := "/usr/bin/chromium"
	if p := os.Getenv("BITEXT_CHROMIUM"); p != "" {
		bin = p
	}
	if _, err := exec.LookPath(bin); err != nil {
		t.Skip("no Chromium at " + bin + " (set BITEXT_CHROMIUM): browser test skipped")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	in, opt := glossaryInput(t)
	r, src := renderPage(t, in, opt)
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	defer acancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, tcancel := context.WithTimeout(ctx, 60*time.Second)
	defer tcancel()

	const state = `(function () {
	  var vis = function (sel) { var e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== "none"; };
	  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.seg"));
	  return {
	    ready: document.querySelector("table.sortable").getAttribute("data-sortable") === "ready",
	    plain: vis("#s0-2 .plain"), diff: vis("#s0-2 .wdiff"),
	    shown: rows.filter(function (r) { return !r.hidden; }).length,
	    active: document.activeElement ? document.activeElement.id : "",
	    scripts: document.querySelectorAll("script").length,
	    xss: document.querySelector("#s0-3 .plain").textContent
	  };
	})()`
	type pageState struct {
		Ready, Plain, Diff bool
		Shown, Scripts     int
		Active, XSS        string
	}
	do := func(what string, a chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, a); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	get := func() pageState {
		t.Helper()
		st, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](state))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	do("open", chromedp.Navigate("file://"+path))
	do("wait", chromedp.WaitReady(chromedp.ID("jump-worst")))
	before := get()
	do("toggle the diff", chromedp.Click(chromedp.ID("t-diff")))
	diffed := get()
	do("flagged only", chromedp.Click(chromedp.ID("f-flagged")))
	filtered := get()
	do("all rows again", chromedp.Click(chromedp.ID("f-flagged")))
	do("jump to worst", chromedp.Click(chromedp.ID("jump-worst")))
	jumped := get()
	do("next worse", chromedp.KeyEvent("w"))
	next := get()
	do("next segment", chromedp.KeyEvent("j"))
	stepped := get()
	kindShown, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(function () {
	  var s = document.getElementById("f-kind"); s.value = "forbidden"; s.dispatchEvent(new Event("change"));
	  return Array.prototype.filter.call(document.querySelectorAll("tr.seg"), function (r) { return !r.hidden; }).length;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	total, flagged := 0, 0
	for _, s := range r.Systems {
		total += len(s.Segments)
		flagged += countFlagged(s)
	}
	if !before.Ready {
		t.Fatal("the page's script did not run (CSP or syntax error?)")
	}
	if !before.Plain || before.Diff || before.Shown != total {
		t.Errorf("initial view: %+v", before)
	}
	if diffed.Plain || !diffed.Diff {
		t.Errorf("after the diff toggle: %+v", diffed)
	}
	if filtered.Shown != flagged {
		t.Errorf("flagged only shows %d rows, want %d", filtered.Shown, flagged)
	}
	worst := r.Worst(0, 2)
	if want := fmt.Sprintf("s0-%d", worst[0]); jumped.Active != want {
		t.Errorf("jump to worst focused %q, want %q", jumped.Active, want)
	}
	if want := fmt.Sprintf("s0-%d", worst[1]); next.Active != want {
		t.Errorf("w focused %q, want the next worse %q", next.Active, want)
	}
	var ids []string
	forbidden := 0
	for si, s := range r.Systems {
		for i, seg := range s.Segments {
			ids = append(ids, fmt.Sprintf("s%d-%d", si, i))
			for _, f := range seg.Flags {
				if f.Kind == qa.Forbidden {
					forbidden++
					break
				}
			}
		}
	}
	if want := ids[slices.Index(ids, next.Active)+1]; stepped.Active != want {
		t.Errorf("j went from %q to %q, want %q", next.Active, stepped.Active, want)
	}
	if forbidden == 0 || kindShown != forbidden {
		t.Errorf("the kind filter shows %d rows, want %d", kindShown, forbidden)
	}
	if before.Scripts != 1 || before.XSS != xss {
		t.Errorf("%d scripts, hypothesis text %q", before.Scripts, before.XSS)
	}
}

// countingWriter counts the bytes of a page without keeping them.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkWriteHTML10k renders the page of a 10,000-segment report of two systems (every
// segment with its plain output, word diff and findings): page size, peak heap above the
// built report, CPU per page. The report is built once, outside the measurement.
func BenchmarkWriteHTML10k(b *testing.B) {
	src, ref, hyp := newsCorpus(b, 10000)
	_, _, hyp2 := newsCorpus(b, 10000)
	hyp2 = append(hyp2[1:], hyp2[0])
	r, err := Build(Input{Sources: src, References: [][]string{ref},
		Systems: []System{{Name: "a", Hypotheses: hyp}, {Name: "b", Hypotheses: hyp2}}}, Options{Bootstrap: 10})
	if err != nil {
		b.Fatal(err)
	}
	var peak uint64
	var cpu float64
	var size int64
	for b.Loop() {
		p, c := heapPeak(func() {
			w := &countingWriter{}
			if err := WriteHTML(w, r, HTMLOptions{}); err != nil {
				b.Fatal(err)
			}
			size = w.n
		})
		peak, cpu = max(peak, p), cpu+c
	}
	b.ReportMetric(float64(size)/(1<<20), "page-MiB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// TestHTMLMaxSegments: past HTMLOptions.MaxSegments the page shows each system's worst
// segments (and those where the systems differ most) in document order, with their scores and
// ranks, and says so; the reviewer's 100,386 segments made a 101 MB page Chromium took over two
// minutes to open.
func TestHTMLMaxSegments(t *testing.T) {
	src, ref, hyp := newsCorpus(t, 60)
	_, _, hyp2 := newsCorpus(t, 60)
	hyp2[7] = "completely different words here"
	r, err := Build(Input{Sources: src, References: [][]string{ref}, Systems: []System{{Name: "a", Hypotheses: hyp}, {Name: "b", Hypotheses: hyp2}}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, HTMLOptions{MaxSegments: 5}); err != nil {
		t.Fatal(err)
	}
	p := parsePage(t, buf.String())
	if !strings.Contains(buf.String(), "this page shows the 5 worst of 60 segments") {
		t.Error("the page does not say it leaves segments out")
	}
	diff := map[int]bool{}
	for _, d := range r.MostDifferent {
		diff[d.Segment] = true
	}
	for si := range r.Systems {
		rows := find(p.byID[fmt.Sprintf("segments-%d", si)], "tr", "seg")
		want := map[string]bool{}
		for _, i := range r.Worst(si, 5) {
			want[fmt.Sprintf("s%d-%d", si, i)] = true
		}
		for i := range diff {
			want[fmt.Sprintf("s%d-%d", si, i)] = true
		}
		if len(rows) != len(want) {
			t.Errorf("system %d: %d rows, want %d", si, len(rows), len(want))
		}
		prev := -1
		for _, row := range rows {
			id := attr(row, "id")
			var pos int
			fmt.Sscanf(id, fmt.Sprintf("s%d-%%d", si), &pos)
			if !want[id] || pos <= prev {
				t.Errorf("system %d: row %s shown out of place", si, id)
			}
			prev = pos
			cells := find(row, "td", "num")
			if got, want := attr(cells[1], "data-sort"), fmt.Sprint(r.segScore(si, pos, r.Metrics[0])); got != want {
				t.Errorf("system %d row %s: %s %s, want %s", si, id, r.Metrics[0], got, want)
			}
		}
	}
}
