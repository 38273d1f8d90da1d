package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const xss = "<script>alert(1)</script>"

func sampleInput() Input {
	return Input{
		Sources: []string{
			"Der Hund biss den Mann.",
			"Es war nicht unerwartet.",
			"Die Haftstrafe beträgt 2,5 Jahre.",
			"Der Mann hatte ihn zuerst gebissen.",
		},
		References: [][]string{{
			"The dog bit the man.",
			"It was not unexpected.",
			"The prison sentence is 2.5 years.",
			"The man had bitten him first.",
		}},
		Systems: []System{
			{Name: "mt-a", Hypotheses: []string{
				"The dog bit the man.",
				"It wasn't surprising.",
				"The prison sentence is 25 years.",
				xss,
			}},
			{Name: "mt-b", Hypotheses: []string{
				"The dog bit the man.",
				"It was not unexpected.",
				"The prison sentence is 2.5 years.",
				"The man had bitten him first.",
			}},
		},
	}
}

func TestBuildSingleSystemJSON(t *testing.T) {
	in := sampleInput()
	in.Systems = in.Systems[:1]
	r, err := Build(in, Options{Version: "1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version string `json:"version"`
		Corpus  map[string]struct {
			Score     float64 `json:"score"`
			Signature string  `json:"signature"`
		} `json:"corpus"`
		Segments []Segment      `json:"segments"`
		QA       map[string]int `json:"qa"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for _, m := range []string{"BLEU", "chrF2", "chrF2++", "TER"} {
		c, ok := got.Corpus[m]
		if !ok || !strings.HasPrefix(c.Signature, m+"|nrefs:1|") || !strings.HasSuffix(c.Signature, "|version:bitext-1.2.3") {
			t.Errorf("corpus %s = %+v", m, c)
		}
	}
	// corpus BLEU comes from summed statistics, not from the mean of sentence scores
	want, _ := CorpusScore(BLEU{}, in.Systems[0].Hypotheses, in.References, "")
	if got.Corpus["BLEU"].Score != want.Score {
		t.Errorf("corpus BLEU %v, want %v", got.Corpus["BLEU"].Score, want.Score)
	}
	if len(got.Segments) != 4 || got.Segments[2].Flags[0].Kind != FlagNumber || got.QA[FlagNumber] != 2 {
		t.Errorf("segments %+v qa %v", got.Segments, got.QA)
	}
	if got.Segments[3].Hypothesis != xss {
		t.Errorf("hypothesis altered in JSON: %q", got.Segments[3].Hypothesis)
	}
	if !strings.Contains(buf.String(), `"corpus": {`+"\n"+`    "BLEU"`) {
		t.Errorf("corpus scores not in metric order:\n%s", buf.String()[:300])
	}
}

func TestBuildComparison(t *testing.T) {
	r, err := Build(sampleInput(), Options{Version: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Systems[1].Paired["BLEU"].PValue <= 0 || r.Systems[0].Baseline["chrF2"].Mean <= 0 {
		t.Errorf("comparison missing: %+v %+v", r.Systems[1].Paired, r.Systems[0].Baseline)
	}
	if len(r.MostDifferent) == 0 || r.MostDifferent[0].Segment != 3 {
		t.Errorf("most different = %+v, want segment 4 first", r.MostDifferent)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"baseline": "mt-a"`, `"p_value"`, `"most_different"`, `|bs:1000|seed:12345|`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	buf.Reset()
	if err := WriteText(&buf, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Baseline: mt-a", "p = ", "differ most", "#4"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestLineCountMismatch(t *testing.T) {
	in := sampleInput()
	in.References[0] = in.References[0][:3]
	_, err := Build(in, Options{})
	if err == nil || !strings.Contains(err.Error(), "reference 1 has 3 segments but hypotheses of mt-a has 4") {
		t.Errorf("err = %v", err)
	}
}

func TestTextAndMarkdown(t *testing.T) {
	in := sampleInput()
	in.Systems = in.Systems[:1]
	r, err := Build(in, Options{Version: "v"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, r, TextOptions{Worst: 2}); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, want := range []string{"BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:bitext-v = ", "Worst 2 segments by chrF2", "diff: ", "flag: number"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	buf.Reset()
	if err := WriteMarkdown(&buf, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if strings.Contains(md, "<script>") || !strings.Contains(md, "&lt;script&gt;") {
		t.Errorf("markdown does not escape HTML:\n%s", md)
	}
	if !strings.Contains(md, "~~2.5~~ **25**") {
		t.Errorf("markdown diff missing:\n%s", md)
	}
}

func TestQAOnlyReport(t *testing.T) {
	in := sampleInput()
	in.References = nil
	in.Systems = in.Systems[:1]
	r, err := Build(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Metrics) != 0 || r.Systems[0].Segments[2].Flags[0].Kind != FlagNumber {
		t.Fatalf("QA-only report: %+v", r.Systems[0].Segments[2])
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "only the QA checks ran") {
		t.Error("QA-only HTML does not say so")
	}
	// a single system with references shows no bootstrap estimate
	in = sampleInput()
	in.Systems = in.Systems[:1]
	if r, err = Build(in, Options{}); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := WriteHTML(&buf, r, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "μ ") {
		t.Error("single-system HTML shows a bootstrap mean")
	}
}

func writeHTMLFile(t *testing.T) (string, string) {
	t.Helper()
	r, err := Build(sampleInput(), Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.String()
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	_, page := writeHTMLFile(t)
	if strings.Count(page, "<script>") != 1 || strings.Contains(page, xss) {
		t.Errorf("hypothesis markup reached the page unescaped")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("escaped hypothesis not found")
	}
	for _, external := range []string{"src=", "href=", "@import", "url("} {
		if strings.Contains(page, external) {
			t.Errorf("page refers to an external asset (%s)", external)
		}
	}
	for _, want := range []string{`id="corpus"`, `id="differ"`, `id="segments-0"`, `id="segments-1"`, "<del>", "<ins>", "p = "} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestHTMLRendersInChromium opens the report in headless Chromium and inspects the DOM after
// scripts ran: the sort script prepared the tables, and the hypothesis "<script>alert(1)</script>"
// is a text node, not an element.
func TestHTMLRendersInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not on PATH")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	path, _ := writeHTMLFile(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	dom := string(out)
	if !strings.Contains(dom, `data-sortable="ready"`) {
		t.Errorf("the sort script did not run (CSP or syntax error?)\n%s", stderr.String())
	}
	if strings.Contains(dom, "<script>alert(1)") {
		t.Error("the hypothesis became a <script> element")
	}
	if !strings.Contains(dom, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hypothesis is not shown as text")
	}
	if n := strings.Count(dom, "<script>"); n != 1 {
		t.Errorf("%d script elements in the DOM, want 1", n)
	}
}

// TestWidth: TextOptions.Width is sacreBLEU's --width for every score text and Markdown print
// (corpus lines as Score.format prints them, BLEU's precisions, BP and ratio unchanged; the
// comparison table's means and intervals; sentence scores; spreads), p-values keep four
// decimals, and without a Width the output is as it always was.
func TestWidth(t *testing.T) {
	r, err := Build(sampleInput(), Options{Version: "t", Bootstrap: 100})
	if err != nil {
		t.Fatal(err)
	}
	one := sampleInput()
	one.Systems = one.Systems[:1]
	r1, err := Build(one, Options{Version: "t"})
	if err != nil {
		t.Fatal(err)
	}
	w := func(n int) *int { return &n }
	render := func(r *Report, md bool, opt TextOptions) string {
		var b bytes.Buffer
		write := WriteText
		if md {
			write = WriteMarkdown
		}
		if err := write(&b, r, opt); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	bleu := r1.Systems[0].Corpus[0]
	tests := []struct {
		name  string
		r     *Report
		md    bool
		width *int
		want  []string
		not   []string
	}{
		{"text default", r1, false, nil, []string{"= " + formatScore(bleu.Score, 2) + " " + bleu.Verbose + "\n", "\n#4  BLEU 0.0  chrF2 6.2  "}, nil},
		{"text 1", r1, false, w(1), []string{fmt.Sprintf("= %.1f %s\n", bleu.Score, bleu.Verbose), fmt.Sprintf("BLEU %.1f  ", r1.Systems[0].Segments[3].Scores["BLEU"])}, nil},
		{"text 0", r1, false, w(0), []string{fmt.Sprintf("= %.0f %s\n", bleu.Score, bleu.Verbose), "  TER 0\n"}, nil},
		{"text 4", r1, false, w(4), []string{fmt.Sprintf("= %.4f %s\n", bleu.Score, bleu.Verbose), "TER 0.0000\n"}, nil},
		{"text compare default", r, false, nil, []string{"Baseline: mt-a  " + formatScore(r.Systems[0].Corpus[0].Score, 1) + " (", "p = 0.", "spread " + formatScore(r.MostDifferent[0].Spread, 1) + "\n"}, nil},
		{"text compare 3", r, false, w(3), []string{
			fmt.Sprintf("Baseline: mt-a  %.3f (%.3f ± %.3f)", r.Systems[0].Corpus[0].Score, r.Systems[0].Baseline["BLEU"].Mean, r.Systems[0].Baseline["BLEU"].CI),
			fmt.Sprintf("(%.3f ± %.3f) p = %.4f", r.Systems[1].Paired["BLEU"].Confidence.Mean, r.Systems[1].Paired["BLEU"].Confidence.CI, r.Systems[1].Paired["BLEU"].PValue),
			fmt.Sprintf("spread %.3f\n", r.MostDifferent[0].Spread)}, nil},
		{"md default", r, true, nil, []string{fmt.Sprintf("| mt-a | %.2f (μ %.2f ± %.2f) |", r.Systems[0].Corpus[0].Score, r.Systems[0].Baseline["BLEU"].Mean, r.Systems[0].Baseline["BLEU"].CI),
			fmt.Sprintf("| %d | %.1f |", r.MostDifferent[0].Segment+1, r.MostDifferent[0].Spread)}, nil},
		{"md 1", r, true, w(1), []string{fmt.Sprintf("| mt-a | %.1f (μ %.1f ± %.1f) |", r.Systems[0].Corpus[0].Score, r.Systems[0].Baseline["BLEU"].Mean, r.Systems[0].Baseline["BLEU"].CI),
			fmt.Sprintf(" %.1f (p = %.4f", r.Systems[1].Corpus[0].Score, r.Systems[1].Paired["BLEU"].PValue)}, nil},
		{"md 3", r1, true, w(3), []string{fmt.Sprintf("| mt-a | %.3f |", bleu.Score), " 100.000 |"}, []string{" 100.0 |"}},
	}
	for _, tt := range tests {
		got := render(tt.r, tt.md, TextOptions{Width: tt.width})
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s: no %q in\n%s", tt.name, want, got)
			}
		}
		for _, not := range tt.not {
			if strings.Contains(got, not) {
				t.Errorf("%s: %q in\n%s", tt.name, not, got)
			}
		}
	}
	// Score.Format is sacreBLEU's: Python's f"{score:.{width}f}", ties of the binary value to even.
	for _, tc := range []struct {
		v     float64
		width int
		want  string
	}{{0.125, 2, "0.12"}, {0.375, 2, "0.38"}, {2.5, 0, "2"}, {3.5, 0, "4"}, {48.530827, 1, "48.5"}, {100, 3, "100.000"}} {
		if got := (Score{Signature: "S", Score: tc.v}).Format(tc.width); got != "S = "+tc.want {
			t.Errorf("Format(%v, %d) = %q, want %q", tc.v, tc.width, got, "S = "+tc.want)
		}
	}
}
