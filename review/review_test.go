package review

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/tm"
	"golang.org/x/net/html"
)

const testGlossaryTSV = "de\ten\tvariants\tforbidden\n" +
	"Außenministerium\tForeign Ministry\tState Department\tForeign Office|Outer Ministry\n" +
	"Generalsekretär\tSecretary General\t\tGeneral Secretary\n"

func testGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Parse(strings.NewReader(testGlossaryTSV), "g.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

const testPairs = `{"source":"Der Sprecher des Außenministeriums sagte das.","target":"The spokesman of the Outer Ministry said that."}
{"source":"NATO-Generalsekretär Stoltenberg sprach <script>alert(1)</script>.","target":"NATO General Secretary Stoltenberg spoke <script>alert(1)</script>."}
{"source":"Der Kreml schwieg.","target":"The Kremlin kept silent."}
`

func readInput(t testing.TB, jsonl string) *Input {
	t.Helper()
	r, err := corpus.NewReader(corpus.JSONL, strings.NewReader(jsonl), "pairs.jsonl", corpus.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := ReadPairs(context.Background(), r, "pairs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// app is a review served on a loopback port, with a client that keeps cookies and does not
// follow redirects (so that tests see them).
type app struct {
	s      *Server
	base   string // http://127.0.0.1:PORT
	start  string // base + /?token=…
	client *http.Client
	stop   func() // shuts the server down and closes the review (once; also at the test's end)
}

func serve(t testing.TB, in *Input, opt Options) *app {
	t.Helper()
	s, err := New(context.Background(), in, opt)
	if err != nil {
		t.Fatal(err)
	}
	ln, start, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	stop := sync.OnceFunc(func() { cancel(); <-done; s.Close() })
	t.Cleanup(stop)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	u, _ := url.Parse(start)
	return &app{s: s, base: "http://" + u.Host, start: start, client: c, stop: stop}
}

func (a *app) do(t testing.TB, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := a.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (a *app) get(t testing.TB, path string) (*http.Response, string) {
	req, _ := http.NewRequest("GET", a.base+path, nil)
	return a.do(t, req)
}

// login opens the first URL, which sets the cookie and drops the token from the address.
func (a *app) login(t testing.TB) {
	t.Helper()
	resp, _ := a.get(t, strings.TrimPrefix(a.start, a.base))
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("first URL: %s to %q, want 303 to /", resp.Status, resp.Header.Get("Location"))
	}
}

var (
	csrfRe    = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)
	versionRe = regexp.MustCompile(`name="version" value="([0-9]+)"`)
)

// formOf is what the segment page's form sends besides the text: the CSRF token and the
// version of the segment shown.
func formOf(t testing.TB, page, target string) url.Values {
	t.Helper()
	c, v := csrfRe.FindStringSubmatch(page), versionRe.FindStringSubmatch(page)
	if c == nil || v == nil {
		t.Fatal("no CSRF token or version in the form")
	}
	return url.Values{"csrf": {c[1]}, "version": {v[1]}, "target": {target}}
}

func (a *app) post(t testing.TB, path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	req, _ := http.NewRequest("POST", a.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return a.do(t, req)
}

func TestTokenRequired(t *testing.T) {
	a := serve(t, readInput(t, testPairs), Options{Glossary: testGlossary(t)})
	for _, path := range []string{"/", "/seg/1", "/static/app.js", "/?token=wrong", "/nope"} {
		if resp, _ := a.get(t, path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s without the token: %s, want 403", path, resp.Status)
		}
	}
	if resp, _ := a.post(t, "/seg/1", url.Values{"target": {"x"}}, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST without the token: %s, want 403", resp.Status)
	}
	a.login(t)
	resp, body := a.get(t, "/")
	if resp.StatusCode != 200 || !strings.Contains(body, "pairs.jsonl:1") {
		t.Fatalf("queue with the cookie: %s", resp.Status)
	}
	for k, want := range map[string]string{
		"Content-Security-Policy": "default-src 'none'; script-src 'self'",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "same-origin",
	} {
		if !strings.HasPrefix(resp.Header.Get(k), want) {
			t.Errorf("%s: %q, want %q…", k, resp.Header.Get(k), want)
		}
	}
	// Another Host (DNS rebinding to 127.0.0.1) is refused even with the cookie.
	req, _ := http.NewRequest("GET", a.base+"/", nil)
	req.Host = "evil.example:80"
	if resp, _ := a.do(t, req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: %s, want 403", resp.Status)
	}
}

func TestCrossSiteWritesRefused(t *testing.T) {
	dir := t.TempDir()
	a := serve(t, readInput(t, testPairs), Options{Glossary: testGlossary(t), Output: filepath.Join(dir, "out.jsonl")})
	a.login(t)
	_, page := a.get(t, "/seg/1")
	m := csrfRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token in the form")
	}
	good := formOf(t, page, "The spokesman of the Foreign Ministry said that.")
	tests := []struct {
		name string
		form url.Values
		hdr  map[string]string
	}{
		{"no CSRF token", url.Values{"target": good["target"]}, nil},
		{"wrong CSRF token", url.Values{"csrf": {strings.Repeat("0", len(m[1]))}, "target": good["target"]}, nil},
		{"cross-site fetch metadata", good, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"same-site but other origin", good, map[string]string{"Sec-Fetch-Site": "same-site"}},
		{"foreign Origin", good, map[string]string{"Origin": "http://evil.example"}},
		{"other port Origin", good, map[string]string{"Origin": "http://127.0.0.1:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if resp, _ := a.post(t, "/seg/1", tt.form, tt.hdr); resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s: %s, want 403", tt.name, resp.Status)
			}
		})
	}
	if st := a.s.Stats(); st.Open != 3 {
		t.Fatalf("a refused write changed the review: %+v", st)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.jsonl")); err == nil {
		t.Error("a refused write wrote the output")
	}
	resp, _ := a.post(t, "/seg/1", good, map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": a.base})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("same-origin write: %s, want 303", resp.Status)
	}
	if st := a.s.Stats(); st.Edited != 1 {
		t.Errorf("after the write: %+v", st)
	}
}

// An empty translation posted from the form is the reviewer's mistake: 400, not a server error.
func TestDecideEmptyIsBadRequest(t *testing.T) {
	a := serve(t, readInput(t, testPairs), Options{Glossary: testGlossary(t)})
	a.login(t)
	_, page := a.get(t, "/seg/1")
	m := csrfRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token in the form")
	}
	resp, body := a.post(t, "/seg/1", formOf(t, page, " \r\n "), map[string]string{"Origin": a.base})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "empty translation") {
		t.Errorf("empty translation: %s %q, want 400", resp.Status, body)
	}
	if st := a.s.Stats(); st.Open != 3 {
		t.Errorf("an empty translation changed the review: %+v", st)
	}
}

func TestArticleTextStaysText(t *testing.T) {
	a := serve(t, readInput(t, testPairs), Options{Glossary: testGlossary(t)})
	a.login(t)
	for _, path := range []string{"/", "/seg/2", "/?kind=unreviewed&status=all"} {
		_, body := a.get(t, path)
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: article text rendered as markup", path)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: article text missing or not escaped", path)
		}
		if regexp.MustCompile(`(src|href)="(https?:)?//`).MatchString(body) {
			t.Errorf("%s: refers to an external asset", path)
		}
	}
}

func TestQueueFilters(t *testing.T) {
	a := serve(t, readInput(t, testPairs), Options{Glossary: testGlossary(t)})
	a.login(t)
	tests := []struct {
		query string
		want  []string // labels listed
	}{
		{"", []string{"pairs.jsonl:1", "pairs.jsonl:2"}},
		{"term=Generalsekret%C3%A4r", []string{"pairs.jsonl:2"}},
		{"kind=forbidden&term=Au%C3%9Fenministerium", []string{"pairs.jsonl:1"}},
		{"kind=missing", nil},
		{"kind=unreviewed", []string{"pairs.jsonl:1", "pairs.jsonl:2", "pairs.jsonl:3"}},
		{"status=done", nil},
	}
	for _, tt := range tests {
		_, body := a.get(t, "/?"+tt.query)
		got := regexp.MustCompile(`<a href="/seg/\d+[^"]*">([^<]+)</a>`).FindAllStringSubmatch(body, -1)
		var labels []string
		for _, m := range got {
			labels = append(labels, m[1])
		}
		if strings.Join(labels, ",") != strings.Join(tt.want, ",") {
			t.Errorf("?%s lists %v, want %v", tt.query, labels, tt.want)
		}
	}
	_, body := a.get(t, "/")
	if !strings.Contains(body, `<b id="n-open">3</b> open (<b id="n-look">2</b> need a look)`) {
		t.Error("counts missing")
	}
	if !regexp.MustCompile(`Außenministerium</a><br><small>Foreign Ministry</small></td><td class="n">1</td><td class="n">0</td><td class="n">1</td>`).MatchString(body) {
		t.Error("per-term summary missing")
	}
}

// TestDecisions: an edit goes to the journal, the TM (where it outranks machine translations)
// and the output; a new review of the same input resumes from the journal.
func TestDecisions(t *testing.T) {
	dir := t.TempDir()
	db, err := tm.Open(filepath.Join(dir, "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	src := "Der Sprecher des Außenministeriums sagte das."
	mtKey := tm.Key{Provider: "openai", Model: "m", SourceLang: "de", TargetLang: "en", Source: src}
	if err := db.Store(ctx, mtKey, "The spokesman of the Outer Ministry said that."); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	clock := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	opt := Options{Glossary: testGlossary(t), TM: db, Output: out, Reviewer: "erika", Now: func() time.Time { return clock }}
	s, err := New(ctx, readInput(t, testPairs), opt)
	if err != nil {
		t.Fatal(err)
	}
	if st := s.Stats(); st.Violations != 2 {
		t.Fatalf("before: %+v", st)
	}
	fixed := "The spokesman of the Foreign Ministry said that."
	if err := s.Decide(ctx, 0, fixed); err != nil {
		t.Fatal(err)
	}
	if err := s.Decide(ctx, 2, "The Kremlin kept silent."); err != nil {
		t.Fatal(err)
	}
	if st := s.Stats(); st.Violations != 1 || st.Edited != 1 || st.Accepted != 1 || st.Open != 1 {
		t.Fatalf("after: %+v", st)
	}
	// The TM answers the machine translation's own key with the reviewed text.
	if got, ok, err := db.Lookup(ctx, mtKey); err != nil || !ok || got != fixed {
		t.Errorf("TM lookup = %q, %v, %v; want the reviewed %q", got, ok, err, fixed)
	}
	// A later machine translation of the same source (translate --refresh stores one) does not
	// replace the reviewed entry: lookups still answer with the reviewed text.
	if err := db.Store(ctx, mtKey, "The spokesman of the Outer Ministry said so."); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := db.Lookup(ctx, mtKey); got != fixed {
		t.Errorf("after a new MT the TM answers %q, want the reviewed %q", got, fixed)
	}
	// The output holds every pair, the fix included, with its violations updated.
	pairs := readPairs(t, out)
	if len(pairs) != 3 || pairs[0].Target != fixed || len(pairs[0].Violations) != 0 || len(pairs[1].Violations) != 1 {
		t.Errorf("output: %+v", pairs)
	}
	// The journal says who did what and when.
	ds, err := ReadJournal(out + ".review.jsonl")
	if err != nil || len(ds) != 2 {
		t.Fatalf("journal: %v, %v", ds, err)
	}
	if d := ds[0]; d.Reviewer != "erika" || !d.Time.Equal(clock) || d.Action != Edited || d.Segment != 1 || d.After != fixed ||
		d.Before != "The spokesman of the Outer Ministry said that." {
		t.Errorf("journal line 1: %+v", d)
	}
	if ds[1].Action != Accepted {
		t.Errorf("journal line 2: %+v", ds[1])
	}
	s.Close() // one review of a journal at a time
	// An interrupted write leaves a partial line; resuming ignores and trims it.
	f, _ := os.OpenFile(out+".review.jsonl", os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"time":"2026-11-29T10:00:00Z","reviewer":"erika","segm`)
	f.Close()
	s2, err := New(ctx, readInput(t, testPairs), opt)
	if err != nil {
		t.Fatal(err)
	}
	if st := s2.Stats(); st.Edited != 1 || st.Accepted != 1 || st.Violations != 1 {
		t.Errorf("resumed: %+v", st)
	}
	if err := s2.Decide(ctx, 1, "NATO Secretary General Stoltenberg spoke."); err != nil {
		t.Fatal(err)
	}
	if ds, err := ReadJournal(out + ".review.jsonl"); err != nil || len(ds) != 3 {
		t.Errorf("journal after resuming: %d decisions, %v", len(ds), err)
	}
	s2.Close()
	// The TM's audit trail has each decision once (resuming wrote nothing the TM held), with
	// reviewer, time and the translation replaced; the entries are reviewed ones.
	rs, err := db.Reviews(ctx, tm.ReviewFilter{})
	if err != nil || len(rs) != 3 {
		t.Fatalf("TM audit trail: %+v, %v; want 3 decisions", rs, err)
	}
	if r := rs[0]; r.Reviewer != "erika" || !r.When.Equal(clock) || r.Source != src || r.After != fixed ||
		r.Before != "The spokesman of the Outer Ministry said that." {
		t.Errorf("TM audit trail, decision 1: %+v", r)
	}
	if st, err := db.Stats(ctx); err != nil || st.Reviewed != 3 || st.Imported != 0 {
		t.Errorf("TM stats: %+v, %v; want 3 reviewed entries", st, err)
	}
	// A journal the TM lost (another --tm, or a crash between journal and TM) is written
	// to the TM again on resume, once.
	db2, err := tm.Open(filepath.Join(dir, "tm2.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	opt2 := opt
	opt2.TM = db2
	for range 2 {
		s, err := New(ctx, readInput(t, testPairs), opt2)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if rs, err := db2.Reviews(ctx, tm.ReviewFilter{}); err != nil || len(rs) != 3 {
		t.Errorf("resumed into another TM: %d decisions, %v; want 3", len(rs), err)
	}
	if got, _, _ := db2.Lookup(ctx, mtKey); got != fixed {
		t.Errorf("resumed into another TM: lookup %q, want %q", got, fixed)
	}
	// A journal of another input is refused.
	other := readInput(t, `{"source":"Etwas anderes.","target":"Something else."}`+"\n")
	if _, err := New(ctx, other, opt); err == nil || !strings.Contains(err.Error(), "not in this input") {
		t.Errorf("foreign journal: %v", err)
	}
}

func readPairs(t testing.TB, name string) []corpus.Pair {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, _ := corpus.NewReader(corpus.JSONL, f, name, corpus.ReaderOptions{})
	var out []corpus.Pair
	for {
		p, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
}

// TestArticleOutput: a decision is written into the English article, sentences of a paragraph
// joined by a space, in the form the article had: a Windows user's CR LF line ends and
// byte-order mark come back (they came back LF without a mark, said to be written unchanged).
func TestArticleOutput(t *testing.T) {
	de := "Das Außenministerium schwieg.\n\nDer Generalsekretär sprach. Er blieb lange.\n"
	for _, tc := range []struct{ name, en, want string }{
		{"LF", "The Outer Ministry kept silent.\n\nThe Secretary General spoke. He stayed long.\n",
			"The Foreign Ministry kept silent.\n\nThe Secretary General spoke. He stayed long.\n"},
		{"CRLF and BOM", "\ufeffThe Outer Ministry kept silent.\r\n\r\nThe Secretary General spoke. He stayed long.\r\n",
			"\ufeffThe Foreign Ministry kept silent.\r\n\r\nThe Secretary General spoke. He stayed long.\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := ReadArticles(context.Background(), strings.NewReader(de), strings.NewReader(tc.en), "a.de.txt", "a.en.txt", testGlossary(t))
			if err != nil {
				t.Fatal(err)
			}
			if len(in.Items) != 3 || in.Items[0].Confidence < 0 {
				t.Fatalf("items: %+v", in.Items)
			}
			out := filepath.Join(t.TempDir(), "a.fixed.txt")
			s, err := New(context.Background(), in, Options{Glossary: testGlossary(t), Output: out})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Decide(context.Background(), 0, "The Foreign Ministry kept silent."); err != nil {
				t.Fatal(err)
			}
			if b, _ := os.ReadFile(out); string(b) != tc.want {
				t.Errorf("article = %q, want %q", b, tc.want)
			}
		})
	}
}

func TestDecideRefusesEmpty(t *testing.T) {
	s, err := New(context.Background(), readInput(t, testPairs), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Decide(context.Background(), 0, "  "); !errors.Is(err, ErrEmptyTranslation) {
		t.Errorf("an empty translation: %v", err)
	}
	if err := s.Decide(context.Background(), 7, "x"); err == nil {
		t.Error("a segment out of range was accepted")
	}
}

func TestRetranslate(t *testing.T) {
	var gotFeedback string
	a := serve(t, readInput(t, testPairs), Options{Glossary: testGlossary(t),
		Retranslate: func(_ context.Context, src, feedback string) (string, error) {
			gotFeedback = feedback
			return "The spokesman of the Foreign Ministry said so.", nil
		}})
	a.login(t)
	_, page := a.get(t, "/seg/1")
	csrf := csrfRe.FindStringSubmatch(page)[1]
	resp, _ := a.post(t, "/seg/1/retranslate", url.Values{"csrf": {csrf}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("retranslate: %s", resp.Status)
	}
	if !strings.Contains(gotFeedback, `must not be translated as "Outer Ministry"`) {
		t.Errorf("feedback %q does not name the violation", gotFeedback)
	}
	_, page = a.get(t, "/seg/1")
	if !strings.Contains(page, "Suggested by the provider") || textareaValue(t, page) != "The spokesman of the Foreign Ministry said so." {
		t.Error("suggestion not offered")
	}
}

func FuzzReadJournal(f *testing.F) {
	f.Add(`{"time":"2026-11-29T10:00:00Z","reviewer":"erika","segment":1,"action":"edited","source":"a","before":"b","after":"c"}` + "\n")
	f.Add("{}\n")
	f.Add("\n\n{\"segment\":")
	f.Fuzz(func(t *testing.T, s string) {
		ds, err := readJournal(strings.NewReader(s), "j")
		for _, d := range ds {
			if d.Segment < 1 {
				t.Fatalf("decision with segment %d", d.Segment)
			}
		}
		if err != nil && !strings.HasPrefix(err.Error(), "j:") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}

// TestOutputFormats: the reviewed pairs come out in the format -o names (Moses as two files).
func TestOutputFormats(t *testing.T) {
	fixed := "The spokesman of the Foreign Ministry said that."
	tests := []struct {
		name   string
		format corpus.Format
		files  []string // written, relative to the folder
		want   string   // in the target side
	}{
		{"out.jsonl", "", []string{"out.jsonl"}, `"target":"` + fixed + `"`},
		{"out.tsv", "", []string{"out.tsv"}, "\t" + fixed + "\n"},
		{"out.tmx", "", []string{"out.tmx"}, "<seg>" + fixed + "</seg>"},
		{"out", corpus.Moses, []string{"out.de", "out.en"}, fixed + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := New(context.Background(), readInput(t, testPairs), Options{Glossary: testGlossary(t), Output: filepath.Join(dir, tt.name), OutputFormat: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Decide(context.Background(), 0, fixed); err != nil {
				t.Fatal(err)
			}
			for _, f := range tt.files {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("%s not written: %v", f, err)
				}
			}
			if got := readFile(t, filepath.Join(dir, tt.files[len(tt.files)-1])); !strings.Contains(got, tt.want) {
				t.Errorf("%s lacks %q:\n%s", tt.files[len(tt.files)-1], tt.want, got)
			}
		})
	}
	if _, err := New(context.Background(), readInput(t, testPairs), Options{Output: "out.xyz"}); err == nil {
		t.Error("an output with an unknown extension was accepted")
	}
}

func TestReferences(t *testing.T) {
	tests := []struct {
		name, refs, err string
	}{
		{"same sources", `{"source":"Der Sprecher des Außenministeriums  sagte das.","target":"The Foreign Ministry's spokesman said so."}
{"source":"NATO-Generalsekretär Stoltenberg sprach <script>alert(1)</script>.","target":"ref 2"}
{"source":"Der Kreml schwieg.","target":"ref 3"}
`, ""},
		{"other source", `{"source":"Etwas anderes.","target":"x"}` + "\n", `ref.jsonl:1: source "Etwas anderes." is not segment 1's`},
		{"too few", `{"source":"Der Sprecher des Außenministeriums sagte das.","target":"x"}` + "\n", "ref.jsonl: 1 pairs for 3 segments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := readInput(t, testPairs)
			r, _ := corpus.NewReader(corpus.JSONL, strings.NewReader(tt.refs), "ref.jsonl", corpus.ReaderOptions{})
			err := in.SetReferences(context.Background(), r, "ref.jsonl")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			a := serve(t, in, Options{Glossary: testGlossary(t)})
			a.login(t)
			if _, page := a.get(t, "/seg/1"); !strings.Contains(page, `<p class="ref" lang="en" id="reference">The Foreign Ministry&#39;s spokesman said so.</p>`) {
				t.Error("reference not shown")
			}
		})
	}
}

// TestQueuePageOutOfRange: a page number past the end, however large (page*size used to
// overflow into a negative slice bound, panicking with the lock held), shows the last page; one
// that is not a page number is a 400; and the server keeps answering.
func TestQueuePageOutOfRange(t *testing.T) {
	a := serve(t, readInput(t, testPairs), Options{Glossary: testGlossary(t), PageSize: 2})
	a.client.Timeout = 10 * time.Second // a wedged server fails the test instead of hanging it
	a.login(t)
	// Three segments, two a page: page 1 (0-based) is the last one. 2^62 and MaxInt64 times 2
	// overflow.
	for _, page := range []string{"1", "2", "4611686018427387904", "9223372036854775807"} {
		resp, body := a.get(t, "/?kind=unreviewed&page="+page)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("page %s: %s, want 200 (the last page)", page, resp.Status)
			continue
		}
		if !strings.Contains(body, ">pairs.jsonl:3</a>") || strings.Contains(body, ">pairs.jsonl:1</a>") {
			t.Errorf("page %s does not show the last page", page)
		}
		if !strings.Contains(body, `id="prev-page"`) || strings.Contains(body, `id="next-page"`) {
			t.Errorf("page %s: links to other pages wrong", page)
		}
	}
	// The number the bug was found with: times 200 rows it overflows.
	if resp, body := a.get(t, "/?kind=unreviewed&per=200&page=46116860184273880"); resp.StatusCode != http.StatusOK ||
		!strings.Contains(body, ">pairs.jsonl:1</a>") || !strings.Contains(body, ">pairs.jsonl:3</a>") {
		t.Errorf("page 46116860184273880 of 200 rows: %s, want the only page", resp.Status)
	}
	for _, page := range []string{"-1", "x", "99999999999999999999"} {
		if resp, _ := a.get(t, "/?page="+page); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("page %s: %s, want 400", page, resp.Status)
		}
	}
	if resp, body := a.get(t, "/"); resp.StatusCode != http.StatusOK || !strings.Contains(body, ">pairs.jsonl:1</a>") {
		t.Errorf("first page afterwards: %s", resp.Status)
	}
}

// TestPanicAnswers500: a handler that panics gets a 500 answer, and the server goes on serving.
func TestPanicAnswers500(t *testing.T) {
	a := serve(t, readInput(t, testPairs), Options{Glossary: testGlossary(t),
		Retranslate: func(context.Context, string, string) (string, error) { panic("provider bug") }})
	a.client.Timeout = 10 * time.Second
	a.login(t)
	_, page := a.get(t, "/seg/1")
	csrf := csrfRe.FindStringSubmatch(page)[1]
	log.SetOutput(io.Discard) // the panic is logged with its stack; not in the test's output
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	req, _ := http.NewRequest("POST", a.base+"/seg/1/retranslate", strings.NewReader(url.Values{"csrf": {csrf}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := a.client.Do(req)
	if err != nil {
		t.Fatalf("a panicking handler dropped the connection: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("panicking handler: %s, want 500", resp.Status)
	}
	if resp, _ := a.get(t, "/seg/1"); resp.StatusCode != http.StatusOK {
		t.Errorf("after the panic: %s", resp.Status)
	}
}

// TestStaleTabConflict: two tabs on one segment. A decides; B's form, loaded before, would
// revert A's fix: it is refused with 409 and the current translation, and nothing changes.
func TestStaleTabConflict(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	opt := Options{Glossary: testGlossary(t), Output: out}
	a := serve(t, readInput(t, testPairs), opt)
	a.login(t)
	_, tabA := a.get(t, "/seg/1")
	_, tabB := a.get(t, "/seg/1")
	fixed := "The spokesman of the Foreign Ministry said that."
	if resp, body := a.post(t, "/seg/1", formOf(t, tabA, fixed), nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("tab A: %s %s", resp.Status, body)
	}
	stale := "The spokesman of the Outer Ministry said that." // B's accept of what it showed
	resp, body := a.post(t, "/seg/1", formOf(t, tabB, stale), nil)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("stale tab B: %s, want 409", resp.Status)
	}
	if textareaValue(t, body) != fixed {
		t.Errorf("the 409 page does not offer the current translation:\n%s", body)
	}
	if !strings.Contains(body, `id="unsaved">`+stale+"</p>") {
		t.Error("the 409 page does not show the text that was not saved")
	}
	// Its form is current: deciding from it works.
	if v := versionRe.FindStringSubmatch(body); v == nil || v[1] != "1" {
		t.Errorf("the 409 page's form carries version %v, want 1", v)
	}
	if st := a.s.Stats(); st.Edited != 1 || st.Accepted != 0 {
		t.Errorf("after the refused decision: %+v", st)
	}
	if ds, err := ReadJournal(out + ".review.jsonl"); err != nil || len(ds) != 1 {
		t.Errorf("journal: %d decisions, %v; want A's only", len(ds), err)
	}
	if pairs := readPairs(t, out); pairs[0].Target != fixed {
		t.Errorf("output: %q, want A's fix", pairs[0].Target)
	}
	// A form without the version cannot say what it overwrites.
	f := formOf(t, tabA, fixed)
	f.Del("version")
	if resp, _ := a.post(t, "/seg/1", f, nil); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("no version: %s, want 400", resp.Status)
	}
	// The version counts decisions, the replayed ones included: after a restart, the page B
	// loaded before A's decision is still stale.
	// (The session's CSRF token is new, the version the one B showed.)
	a.stop()
	b := serve(t, readInput(t, testPairs), opt)
	b.login(t)
	_, page := b.get(t, "/seg/1")
	f = formOf(t, page, stale)
	f.Set("version", versionRe.FindStringSubmatch(tabB)[1])
	if resp, _ := b.post(t, "/seg/1", f, nil); resp.StatusCode != http.StatusConflict {
		t.Errorf("stale tab after a restart: %s, want 409", resp.Status)
	}
	if resp, _ := b.post(t, "/seg/1", formOf(t, page, fixed), nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("current page after a restart: %s, want 303", resp.Status)
	}
}

// TestOutputFolder: a missing output folder is created at the start, as for every bitext
// output, so that decisions do not fail on it; one that cannot be made is an error before
// anything is served.
func TestOutputFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "new", "sub", "out.jsonl")
	s, err := New(context.Background(), readInput(t, testPairs), Options{Output: out})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Decide(context.Background(), 2, "The Kremlin kept silent."); err != nil {
		t.Fatalf("a decision in a folder that was missing: %v", err)
	}
	if ds, err := ReadJournal(out + ".review.jsonl"); err != nil || len(ds) != 1 {
		t.Errorf("journal: %d decisions, %v", len(ds), err)
	}
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := New(context.Background(), readInput(t, testPairs), Options{Output: filepath.Join(file, "out.jsonl")}); err == nil ||
		!strings.Contains(err.Error(), "cannot write "+filepath.Join(file, "out.jsonl")) {
		t.Errorf("an output inside a file: %v", err)
	}
}

// TestSecondReviewRefused: a second review of the same output is refused, naming the first,
// until the first is closed; a lock file left by a killed review does not block.
func TestSecondReviewRefused(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "out.jsonl")
	opt := Options{Output: out}
	first, err := New(ctx, readInput(t, testPairs), opt)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s.review.jsonl is in use by another bitext review (pid %d, since ", out, os.Getpid())
	if _, err := New(ctx, readInput(t, testPairs), opt); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("a second review of the same output: %v; want %q", err, want)
	}
	// The refused review changed nothing: the first one's decisions go on.
	if err := first.Decide(ctx, 2, "The Kremlin kept silent."); err != nil {
		t.Fatal(err)
	}
	first.Close()
	if _, err := os.Stat(out + ".review.jsonl.lock"); !os.IsNotExist(err) {
		t.Errorf("the lock file is left after Close: %v", err)
	}
	// A review killed with -9 leaves its lock file, but not its lock (the kernel drops it).
	os.WriteFile(out+".review.jsonl.lock", []byte("pid 999999999, since 2026-11-29T10:00:00Z\n"), 0o644)
	second, err := New(ctx, readInput(t, testPairs), opt)
	if err != nil {
		t.Fatalf("after the first review closed, with a stale lock file: %v", err)
	}
	defer second.Close()
	if st := second.Stats(); st.Accepted != 1 {
		t.Errorf("the second review did not resume the first's decision: %+v", st)
	}
}

// TestLongSegmentAccepted: a segment longer than the old fixed 1 MiB limit on forms can be
// decided: the limit follows the longest text loaded. A body over it is 413, naming the limit.
func TestLongSegmentAccepted(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("The Kremlin kept silent. ", 60_000)) // 1.5 MB
	in := readInput(t, `{"source":"Der Kreml schwieg.","target":"`+long+`"}`+"\n")
	a := serve(t, in, Options{Output: filepath.Join(t.TempDir(), "out.jsonl")})
	a.login(t)
	_, page := a.get(t, "/seg/1")
	if resp, body := a.post(t, "/seg/1", formOf(t, page, long), nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("accepting the long segment: %s %.200s", resp.Status, body)
	}
	if st := a.s.Stats(); st.Accepted != 1 {
		t.Errorf("after accepting: %+v", st)
	}
	limit := bodyLimit(len(long))
	f := formOf(t, page, strings.Repeat("x", int(limit)))
	resp, body := a.post(t, "/seg/1", f, nil)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, fmt.Sprintf("the limit is %d bytes", limit)) {
		t.Errorf("a body over the limit: %s %.200s, want 413 naming %d", resp.Status, body, limit)
	}
}

// textareaValue is what a browser puts in the segment page's text box: the parsed text of the
// textarea (the HTML parser drops one newline right after the start tag).
func textareaValue(t testing.TB, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "textarea" {
			var b strings.Builder
			for c := range n.ChildNodes() {
				b.WriteString(c.Data)
			}
			return b.String()
		}
	}
	t.Fatal("no textarea in the page")
	return ""
}

// TestTextareaKeepsLeadingNewline: the text box holds the translation exactly, a leading
// newline included.
func TestTextareaKeepsLeadingNewline(t *testing.T) {
	a := serve(t, readInput(t, `{"source":"Eins.","target":"\nOne."}`+"\n"+`{"source":"Zwei.","target":"Two."}`+"\n"), Options{})
	a.login(t)
	for path, want := range map[string]string{"/seg/1": "\nOne.", "/seg/2": "Two."} {
		if _, page := a.get(t, path); textareaValue(t, page) != want {
			t.Errorf("%s: text box %q, want %q", path, textareaValue(t, page), want)
		}
	}
}

// TestAcceptKeepsLeadingNewline: accepting a translation that starts with a newline, as the
// browser posts it (CRLF line ends), is an accept that keeps it exactly; an edit is trimmed.
func TestAcceptKeepsLeadingNewline(t *testing.T) {
	a := serve(t, readInput(t, `{"source":"Eins.","target":"\nOne."}`+"\n"+`{"source":"Zwei.","target":"Two."}`+"\n"), Options{})
	a.login(t)
	_, page := a.get(t, "/seg/1")
	if resp, _ := a.post(t, "/seg/1", formOf(t, page, "\r\nOne."), nil); resp.StatusCode >= 400 {
		t.Fatalf("accept: %s", resp.Status)
	}
	_, page = a.get(t, "/seg/2")
	if resp, _ := a.post(t, "/seg/2", formOf(t, page, "  Two, edited.\r\n"), nil); resp.StatusCode >= 400 {
		t.Fatalf("edit: %s", resp.Status)
	}
	e1, e2 := a.s.entries[0], a.s.entries[1]
	if e1.Status != Accepted || e1.Target != "\nOne." || e2.Status != Edited || e2.Target != "Two, edited." {
		t.Errorf("segment 1 %v %q, segment 2 %v %q; want accepted %q and edited %q", e1.Status, e1.Target, e2.Status, e2.Target, "\nOne.", "Two, edited.")
	}
}

// TestControlCharactersShown: control characters and bidi overrides in a segment are shown as
// markers, never sent raw to be obeyed ("\u202e001\u202c" would read as 100); the text box
// keeps the text exact, so that accepting it changes nothing.
func TestControlCharactersShown(t *testing.T) {
	target := "The price is \u202e001\u202c euros.\x1b[31m\a C:\\path"
	in := readInput(t, `{"source":"Der Preis ist 100 Euro.\u0007","target":"The price is \u202e001\u202c euros.\u001b[31m\u0007 C:\\path"}`+"\n")
	a := serve(t, in, Options{})
	a.login(t)
	for _, path := range []string{"/?kind=unreviewed", "/seg/1"} {
		_, page := a.get(t, path)
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type == html.TextNode && n.Parent.Data != "textarea" && strings.ContainsAny(n.Data, "\u202e\u202c\x1b\a") {
				t.Errorf("%s: raw control character in the page's text: %q", path, n.Data)
			}
		}
		for _, want := range []string{
			`<span class="ctl" title="U&#43;202E control character">\u202e</span>001<span class="ctl" title="U&#43;202C control character">\u202c</span>`,
			`<span class="ctl" title="U&#43;001B control character">\x1b</span>[31m<span class="ctl" title="U&#43;0007 control character">\a</span> C:\path`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no marker %s", path, want)
			}
		}
	}
	_, page := a.get(t, "/seg/1")
	if got := textareaValue(t, page); got != target {
		t.Errorf("text box %q, want the translation exactly, %q", got, target)
	}
	if resp, _ := a.post(t, "/seg/1", formOf(t, page, textareaValue(t, page)), nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept: %s", resp.Status)
	}
	if st := a.s.Stats(); st.Accepted != 1 {
		t.Errorf("accepting the text box as it was is not an accept: %+v", st)
	}
}

// TestMinConfidenceNone: a negative MinConfidence flags no aligned pair (the CLI's
// --min-confidence 0); 0 is the default, 0.5.
func TestMinConfidenceNone(t *testing.T) {
	for _, tt := range []struct {
		min  float64
		flag bool
	}{{0, true}, {0.2, false}, {-1, false}} {
		in := &Input{Items: []Item{{ID: 0, Doc: "a", Label: "a:1", Confidence: 0.3,
			Pair: corpus.Pair{Source: "Der Rat tagte.", Target: "The council met."}}}}
		s, err := New(context.Background(), in, Options{MinConfidence: tt.min})
		if err != nil {
			t.Fatal(err)
		}
		flagged := false
		for _, v := range s.entries[0].Violations {
			flagged = flagged || v.Kind == qa.Alignment
		}
		s.Close()
		if flagged != tt.flag {
			t.Errorf("MinConfidence %v: confidence 0.3 flagged %v, want %v", tt.min, flagged, tt.flag)
		}
	}
}

// TestOutputWarnings: what the output's format cannot hold (a line break in a Moses line) is
// replaced there but kept in the journal, so each change is reported through Options.Warn;
// once, although every decision rewrites the output, and again when an edit brings a new one.
func TestOutputWarnings(t *testing.T) {
	const pairs = `{"source":"Zeile mit\u2028Trenner.","target":"Line with separator."}
{"source":"Das Bündnis ist stark.","target":"The alliance is strong."}
{"source":"Der Kreml schwieg.","target":"The Kremlin kept silent."}
`
	type step struct {
		seg    int // 0-based
		target string
	}
	steps := []step{
		{1, "The alliance\nis strong."},  // a new line break in pair 2's target
		{2, "The Kremlin said nothing."}, // nothing to report; the earlier changes are not repeated
		{1, "The alliance\nis strong."},  // accepting the same text: reported already
		{1, "The alliance is\nstrong."},  // another edit with a line break: reported again
	}
	tests := []struct {
		name   string
		format corpus.Format
		want   [][]string // per step: "pair/field" of the warnings it brings
	}{
		{"out", corpus.Moses, [][]string{{"1/source", "2/target"}, nil, nil, {"2/target"}}},
		// TSV escapes a line feed as \n; U+2028 becomes \u2028 (some tools split lines there).
		{"out.tsv", "", [][]string{{"1/source"}, nil, nil, nil}},
		{"out.jsonl", "", [][]string{nil, nil, nil, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			opt := Options{Output: filepath.Join(t.TempDir(), tt.name), OutputFormat: tt.format,
				Warn: func(w corpus.Warning) { got = append(got, fmt.Sprintf("%d/%s", w.Index, w.Field)) }}
			s, err := New(context.Background(), readInput(t, pairs), opt)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for i, st := range steps {
				got = nil
				if err := s.Decide(context.Background(), st.seg, st.target); err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(got) != fmt.Sprint(tt.want[i]) {
					t.Errorf("decision %d (segment %d %q): warnings %v, want %v", i+1, st.seg+1, st.target, got, tt.want[i])
				}
			}
		})
	}
}

// TestStoppedSaysReview: Ctrl-C while a review loads is "review: stopped", not the word of the
// package that was working at the time ("report: stopped" from the QA checks), and still a
// context.Canceled for the command's exit code.
func TestStoppedSaysReview(t *testing.T) {
	var jsonl, de, en strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&jsonl, `{"source":"Der Kreml schwieg %d Tage lang.","target":"The Kremlin kept silent for %d days."}`+"\n", i, i)
		fmt.Fprintf(&de, "Der Kreml schwieg %d Tage lang. ", i)
		fmt.Fprintf(&en, "The Kremlin kept silent for %d days. ", i)
	}
	pairs := func() corpus.Reader {
		r, err := corpus.NewReader(corpus.JSONL, strings.NewReader(jsonl.String()), "pairs.jsonl", corpus.ReaderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		run  func() error
	}{
		{"ReadPairs", func() error { _, err := ReadPairs(ctx, pairs(), "pairs.jsonl"); return err }},
		{"ReadArticles", func() error {
			_, err := ReadArticles(ctx, strings.NewReader(de.String()), strings.NewReader(en.String()), "a.de.txt", "a.en.txt", nil)
			return err
		}},
		{"SetReferences", func() error { return readInput(t, jsonl.String()).SetReferences(ctx, pairs(), "ref.jsonl") }},
		{"New", func() error {
			_, err := New(ctx, readInput(t, jsonl.String()), Options{Output: filepath.Join(t.TempDir(), "out.jsonl")})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if err == nil || !strings.HasPrefix(err.Error(), "review: stopped: ") || !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want review: stopped: …, a context.Canceled", err)
			}
		})
	}
}

// TestFinish: the page's Finish button (every page has it) writes the output, also when nothing
// was decided, answers with what the review leaves, and ends Serve; Finished tells it from a
// review stopped by its context. A post without the CSRF token finishes nothing.
func TestFinish(t *testing.T) {
	tests := []struct {
		name   string
		format corpus.Format
		decide bool
		files  []string
	}{
		{"out.jsonl", "", false, []string{"out.jsonl"}},
		{"out.jsonl", "", true, []string{"out.jsonl"}},
		{"out", corpus.Moses, false, []string{"out.de", "out.en"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/decide=%v", tt.name, tt.decide), func(t *testing.T) {
			dir := t.TempDir()
			s, err := New(context.Background(), readInput(t, testPairs), Options{Output: filepath.Join(dir, tt.name), OutputFormat: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ln, start, err := s.Listen()
			if err != nil {
				t.Fatal(err)
			}
			served := make(chan error, 1)
			go func() { served <- s.Serve(context.Background(), ln) }()
			jar, _ := cookiejar.New(nil)
			u, _ := url.Parse(start)
			a := &app{s: s, base: "http://" + u.Host, start: start, client: &http.Client{Jar: jar,
				CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
			a.login(t)
			_, page := a.get(t, "/seg/1")
			if !strings.Contains(page, `action="/finish"`) {
				t.Fatal("the segment page has no Finish button")
			}
			if tt.decide {
				if resp, body := a.post(t, "/seg/1", formOf(t, page, "The spokesman of the Foreign Ministry said that."), nil); resp.StatusCode != http.StatusSeeOther {
					t.Fatalf("decision: %s %s", resp.Status, body)
				}
			}
			if resp, _ := a.post(t, "/finish", url.Values{}, nil); resp.StatusCode != http.StatusForbidden || s.Finished() {
				t.Fatalf("finish without the CSRF token: %s, finished %v", resp.Status, s.Finished())
			}
			resp, body := a.post(t, "/finish", url.Values{"csrf": {csrfRe.FindStringSubmatch(page)[1]}}, nil)
			if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Review finished") {
				t.Fatalf("finish: %s\n%s", resp.Status, body)
			}
			if err := <-served; err != nil {
				t.Fatalf("Serve: %v", err)
			}
			if !s.Finished() {
				t.Error("Finished is false after the Finish button")
			}
			for _, f := range tt.files {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("%s not written on finish: %v", f, err)
				}
				if !strings.Contains(body, filepath.Join(dir, f)) {
					t.Errorf("the finish page does not name %s:\n%s", f, body)
				}
			}
		})
	}
}

// TestEditDropsStaleCodes: an edit of a pair whose translation has inline codes (an XLIFF
// unit's <g>) reaches every output as its words; before, XLIFF and TMX wrote the tagged
// translation before the edit instead, and JSONL wrote it beside the edit. An accepted pair
// keeps its codes.
func TestEditDropsStaleCodes(t *testing.T) {
	const pairs = `{"doc":"a.xlf","paragraph":1,"sentence":1,"source":"Die Kommission hat eine Richtlinie vorgelegt.","target":"The Commission has presented a guideline.","source_tagged":"Die <g1>Kommission</g1> hat eine Richtlinie vorgelegt.","target_tagged":"The <g1>Commission</g1> has presented a guideline."}
{"doc":"a.xlf","paragraph":2,"sentence":1,"source":"Die <Tagesordnung> wurde angenommen.","target":"The agenda was adopted.","source_tagged":"Die <g1>Tagesordnung</g1> wurde angenommen.","target_tagged":"The <g1>agenda</g1> was adopted."}
`
	const edit = "The Commission has presented a directive."
	for _, name := range []string{"out.xlf", "out.tmx", "out.jsonl"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := New(context.Background(), readInput(t, pairs), Options{Output: filepath.Join(dir, name)})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Decide(context.Background(), 0, edit); err != nil {
				t.Fatal(err)
			}
			if err := s.Decide(context.Background(), 1, "The agenda was adopted."); err != nil {
				t.Fatal(err)
			}
			got := readFile(t, filepath.Join(dir, name))
			if !strings.Contains(got, "directive") || strings.Contains(got, "guideline") {
				t.Errorf("%s holds the translation before the edit, or not the edit:\n%s", name, got)
			}
			if name == "out.jsonl" && !strings.Contains(got, `"target_tagged":"The <g1>agenda</g1> was adopted."`) {
				t.Errorf("the accepted pair lost its codes:\n%s", got)
			}
			if st := s.Stats(); st.CodesDropped != 1 {
				t.Errorf("CodesDropped = %d, want 1", st.CodesDropped)
			}
		})
	}
}

// TestJournalLastLineWithoutNewline: a last journal line that is a whole decision and lacks
// only its line end (an editor dropped it) is kept and ended on resuming; one cut inside its
// JSON is an unfinished write and trimmed. Before, the whole decision was dropped and the output
// no longer had an edit the memory still held.
func TestJournalLastLineWithoutNewline(t *testing.T) {
	for _, tc := range []struct {
		name string
		tail string
		want int
	}{
		{"whole decision", `{"time":"2026-11-29T10:00:00Z","reviewer":"erika","segment":2,"source":"S","action":"accepted","before":"B","after":"B"}`, 2},
		{"cut inside", `{"time":"2026-11-29T10:00:00Z","reviewer":"erika","segm`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := filepath.Join(t.TempDir(), "o.review.jsonl")
			first := `{"time":"2026-11-29T09:00:00Z","reviewer":"erika","segment":1,"source":"S","action":"edited","before":"B","after":"A"}` + "\n"
			if err := os.WriteFile(name, []byte(first+tc.tail), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := trimJournal(name); err != nil {
				t.Fatal(err)
			}
			ds, err := ReadJournal(name)
			if err != nil || len(ds) != tc.want {
				t.Fatalf("%d decisions, %v; want %d", len(ds), err, tc.want)
			}
			if b, _ := os.ReadFile(name); b[len(b)-1] != '\n' {
				t.Errorf("journal not ended by a newline: %q", b)
			}
		})
	}
}
