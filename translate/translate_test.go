package translate

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

func TestRunKeepsOrderAndStructure(t *testing.T) {
	docs := corpusDocs(7, 4, 3)
	rng := rand.New(rand.NewPCG(1, 2))
	var mu = make(chan struct{}, 1)
	fp := &fakeProvider{
		caps: providers.Capabilities{MaxSegments: 5, MaxChars: 1000, DefaultConcurrency: 4},
		answer: func(s providers.Segment, _ *providers.Request) string {
			mu <- struct{}{}
			d := time.Duration(rng.IntN(3)) * time.Millisecond
			<-mu
			time.Sleep(d) // answers arrive out of order
			return "EN(" + s.Text + ")"
		},
	}
	tr := &Translator{Provider: fp}
	res, st, err := collect(context.Background(), tr, docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(docs) {
		t.Fatalf("%d results, want %d", len(res), len(docs))
	}
	for i, r := range res {
		if r.Index != i || r.Source != docs[i] {
			t.Fatalf("result %d is document %d", i, r.Index)
		}
		if len(r.Blocks) != len(docs[i].Blocks) {
			t.Fatalf("doc %d: %d blocks, want %d", i, len(r.Blocks), len(docs[i].Blocks))
		}
		k := 0
		for bi, b := range r.Blocks {
			sb := docs[i].Blocks[bi]
			if b.Kind != sb.Kind || b.Level != sb.Level {
				t.Errorf("doc %d block %d: kind %s/%d, want %s/%d", i, bi, b.Kind, b.Level, sb.Kind, sb.Level)
			}
			var want []string
			for si, s := range sb.Sentences {
				want = append(want, "EN("+s.Text+")")
				p := r.Pairs[k]
				k++
				if p.Source != s.Text || p.Target != "EN("+s.Text+")" || p.Paragraph != bi+1 || p.Sentence != si+1 {
					t.Errorf("doc %d pair %d = %+v", i, k, p)
				}
				if got := b.Text[b.Sentences[si].Start:b.Sentences[si].End]; got != "EN("+s.Text+")" {
					t.Errorf("span %q", got)
				}
			}
			if b.Text != strings.Join(want, " ") {
				t.Errorf("doc %d block %d: %q", i, bi, b.Text)
			}
		}
		if k != len(r.Pairs) {
			t.Errorf("doc %d: %d pairs, want %d", i, len(r.Pairs), k)
		}
	}
	if st.Segments != 7*4*3 || st.Translated != st.Segments || st.Documents != 7 || st.TMHits != 0 {
		t.Errorf("stats %+v", st)
	}
	// Batches span documents: 84 segments at 5 per request is 17 requests.
	if n := len(fp.requests()); n != 17 {
		t.Errorf("%d requests, want 17", n)
	}
}

func TestBatchesStayWithinCapabilities(t *testing.T) {
	long := func(c string) string { return strings.Repeat("Ä", 299) + c + "." } // distinct: repeats are sent once
	docs := []*segment.Document{doc("a", []string{"Kurz."}, []string{long("a"), long("b"), "Kurz genug.", long("c")}, []string{"Eins.", "Zwei.", "Drei.", "Vier.", "Fünf."})}
	cases := []struct {
		name string
		caps providers.Capabilities
	}{
		{"segments", providers.Capabilities{MaxSegments: 2, MaxChars: 100000}},
		{"characters", providers.Capabilities{MaxSegments: 100, MaxChars: 650}},
		{"tokens", providers.Capabilities{MaxSegments: 100, MaxChars: 100000, MaxTokens: 250}},
		{"tokens with context", providers.Capabilities{MaxSegments: 100, MaxChars: 100000, MaxTokens: 700, Context: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fp := &fakeProvider{caps: c.caps}
			if _, _, err := collect(context.Background(), &Translator{Provider: fp, Concurrency: 1}, docs); err != nil {
				t.Fatal(err)
			}
			total := 0
			for _, r := range fp.requests() {
				chars, tokens := 0, EstimateTokens(r.Context)
				for _, s := range r.Segments {
					chars += utf8.RuneCountInString(s.Text)
					tokens += EstimateTokens(s.Text) + segmentOverheadTokens
				}
				total += len(r.Segments)
				overSingle := len(r.Segments) == 1 // one segment over a limit goes alone
				if len(r.Segments) > c.caps.MaxSegments || (!overSingle && chars > c.caps.MaxChars) ||
					(!overSingle && c.caps.MaxTokens > 0 && tokens > c.caps.MaxTokens) {
					t.Errorf("request with %d segments, %d chars, %d tokens exceeds %+v", len(r.Segments), chars, tokens, c.caps)
				}
				if !c.caps.Context && r.Context != "" {
					t.Errorf("context sent to a provider that takes none")
				}
			}
			if total != 10 {
				t.Errorf("%d segments sent, want 10", total)
			}
		})
	}
}

func TestContextIsTheParagraph(t *testing.T) {
	docs := []*segment.Document{doc("a", []string{"Titel."}, []string{"Er kam.", "Sie ging."})}
	fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 10, MaxChars: 1000, Context: true}}
	if _, _, err := collect(context.Background(), &Translator{Provider: fp}, docs); err != nil {
		t.Fatal(err)
	}
	reqs := fp.requests()
	if len(reqs) != 1 || reqs[0].Context != "Er kam. Sie ging." {
		t.Fatalf("context %q", reqs[0].Context)
	}
}

func TestConcurrencyBound(t *testing.T) {
	for _, n := range []int{1, 3} {
		fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 2, MaxChars: 1000}, latency: 5 * time.Millisecond}
		if _, _, err := collect(context.Background(), &Translator{Provider: fp, Concurrency: n}, corpusDocs(2, 3, 4)); err != nil {
			t.Fatal(err)
		}
		if fp.maxInflight > n {
			t.Errorf("concurrency %d: %d requests in flight", n, fp.maxInflight)
		}
		if n > 1 && fp.maxInflight < 2 {
			t.Errorf("concurrency %d: requests never overlapped", n)
		}
	}
}

func TestSmallWindowDoesNotDeadlock(t *testing.T) {
	fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 50, MaxChars: 100000}}
	tr := &Translator{Provider: fp, Window: 3, Concurrency: 2}
	res, _, err := collect(context.Background(), tr, corpusDocs(20, 2, 2))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 20 {
		t.Fatalf("%d results", len(res))
	}
}

func TestMemoryRerunSendsNothing(t *testing.T) {
	docs := corpusDocs(3, 3, 3)
	mem := &memMemory{}
	fp := &fakeProvider{}
	first, _, err := collect(context.Background(), &Translator{Provider: fp, Memory: mem}, docs)
	if err != nil {
		t.Fatal(err)
	}
	sent := len(fp.requests())
	second, st, err := collect(context.Background(), &Translator{Provider: fp, Memory: mem}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fp.requests()) - sent; n != 0 {
		t.Errorf("rerun sent %d requests", n)
	}
	if st.TMHits != 27 || st.Usage.Requests != 0 {
		t.Errorf("rerun stats %+v", st)
	}
	for i := range first {
		for k, p := range second[i].Pairs {
			if !p.TMHit || p.Target != first[i].Pairs[k].Target {
				t.Fatalf("rerun pair %+v, first %+v", p, first[i].Pairs[k])
			}
		}
	}
	// --refresh asks again and overwrites.
	fp2 := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string { return "NEW(" + s.Text + ")" }}
	if _, _, err := collect(context.Background(), &Translator{Provider: fp2, Memory: mem, Refresh: true}, docs); err != nil {
		t.Fatal(err)
	}
	if len(fp2.requests()) == 0 {
		t.Fatal("refresh sent nothing")
	}
	third, _, err := collect(context.Background(), &Translator{Memory: mem, ProviderName: "fake", ModelName: "fake-1"}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if p := third[0].Pairs[0]; !strings.HasPrefix(p.Target, "NEW(") {
		t.Errorf("after refresh the memory has %q", p.Target)
	}
}

func TestOfflineTranslatesFromMemoryOnly(t *testing.T) {
	docs := corpusDocs(1, 2, 2)
	mem := &memMemory{}
	// Nothing stored: a plan, and Run refuses.
	tr := &Translator{Memory: mem, ProviderName: "openai"}
	est, err := tr.Plan(context.Background(), seq(docs))
	if err != nil {
		t.Fatal(err)
	}
	if est.Misses != 4 || est.Requests != 1 || est.TMHits != 0 {
		t.Errorf("plan %+v", est)
	}
	if _, _, err := collect(context.Background(), tr, docs); !errors.Is(err, ErrNoProvider) {
		t.Fatalf("err = %v, want ErrNoProvider", err)
	}
	// Filled by a real run with the same identity, the memory translates for real offline.
	fp := &fakeProvider{}
	if _, _, err := collect(context.Background(), &Translator{Provider: fp, Memory: mem}, docs); err != nil {
		t.Fatal(err)
	}
	off := &Translator{Memory: mem, ProviderName: "fake", ModelName: "fake-1"}
	res, st, err := collect(context.Background(), off, docs)
	if err != nil {
		t.Fatal(err)
	}
	if st.TMHits != 4 || res[0].Pairs[1].Target != "EN("+docs[0].Blocks[0].Sentences[1].Text+")" {
		t.Errorf("offline: %+v %+v", st, res[0].Pairs)
	}
}

func TestPlanMatchesRun(t *testing.T) {
	docs := corpusDocs(9, 5, 3)
	mem := &memMemory{}
	// Half of the documents are already in the memory.
	if _, _, err := collect(context.Background(), &Translator{Provider: &fakeProvider{}, Memory: mem}, docs[:4]); err != nil {
		t.Fatal(err)
	}
	for _, caps := range []providers.Capabilities{
		{MaxSegments: 7, MaxChars: 400},
		{MaxSegments: 128, MaxChars: 30000, MaxTokens: 900, Context: true},
	} {
		fp := &fakeProvider{caps: caps}
		tr := &Translator{Provider: fp, Memory: mem}
		est, err := tr.Plan(context.Background(), seq(docs))
		if err != nil {
			t.Fatal(err)
		}
		if len(fp.requests()) != 0 {
			t.Fatal("Plan sent requests")
		}
		_, st, err := collect(context.Background(), &Translator{Provider: fp, Memory: &copyMemory{mem}}, docs)
		if err != nil {
			t.Fatal(err)
		}
		if est.Requests != st.Usage.Requests || est.Characters != st.Usage.Characters || est.TMHits != st.TMHits || est.Segments != st.Segments {
			t.Errorf("caps %+v: plan %+v, run %+v", caps, est, st)
		}
	}
}

// copyMemory reads from a memory and writes nowhere, so that several runs see the same state.
type copyMemory struct{ *memMemory }

func (copyMemory) StoreMany(context.Context, []tm.Key, []string) error { return nil }

func TestProviderErrorStopsTheRun(t *testing.T) {
	perr := &providers.Error{Provider: "fake", Status: 500, Message: "down"}
	fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 2, MaxChars: 1000}, fail: func(n int) error {
		if n == 3 {
			return perr
		}
		return nil
	}}
	mem := &memMemory{}
	_, _, err := collect(context.Background(), &Translator{Provider: fp, Memory: mem, Concurrency: 1}, corpusDocs(2, 3, 3))
	var pe *providers.Error
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want *providers.Error", err)
	}
	if mem.len() != 4 {
		t.Errorf("memory holds %d segments, want the 4 answered before the failure", mem.len())
	}
}

func TestBadAnswersAreErrors(t *testing.T) {
	cases := map[string]func(*providers.Response){
		"missing": func(r *providers.Response) { r.Translations = r.Translations[1:] },
		"duplicate": func(r *providers.Response) {
			if len(r.Translations) > 1 {
				r.Translations[1].ID = r.Translations[0].ID
			} else {
				r.Translations = append(r.Translations, r.Translations[0])
			}
		},
		"extra": func(r *providers.Response) {
			r.Translations = append(r.Translations, providers.Translation{ID: "99", Text: "x"})
		},
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			p := &spoilingProvider{fakeProvider: &fakeProvider{}, spoil: spoil}
			// Every answer is bad, so every segment fails alone in the end: reported with its
			// place, never padded or misaligned.
			res, st, err := collect(context.Background(), &Translator{Provider: p}, corpusDocs(1, 1, 3))
			var fe *FailedError
			if !errors.As(err, &fe) || len(fe.Segments) != 3 || st.Failed != 3 {
				t.Fatalf("err = %v, stats %+v", err, st)
			}
			if f := fe.Segments[1]; f.Doc != "doc1.txt" || f.Paragraph != 1 || f.Sentence != 2 || f.Source != "Satz 2 in Absatz 1 von Dokument 1." {
				t.Errorf("failure %+v", f)
			}
			if len(res) != 1 || res[0].Pairs[0].Err == nil || res[0].Pairs[0].Target != "" {
				t.Errorf("results %+v", res)
			}
		})
	}
}

type spoilingProvider struct {
	*fakeProvider
	spoil func(*providers.Response)
}

func (p *spoilingProvider) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	r, err := p.fakeProvider.Translate(ctx, req)
	if err == nil {
		p.spoil(r)
	}
	return r, err
}

func TestSinkErrorStops(t *testing.T) {
	boom := errors.New("disk full")
	_, err := (&Translator{Provider: &fakeProvider{}}).Run(context.Background(), seq(corpusDocs(5, 2, 2)), func(*Result) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
}

func TestDocumentErrorStops(t *testing.T) {
	bad := errors.New("x.txt:3: invalid UTF-8")
	docs := func(yield func(*segment.Document, error) bool) {
		if !yield(doc("a", []string{"Eins."}), nil) {
			return
		}
		yield(nil, bad)
	}
	_, err := (&Translator{Provider: &fakeProvider{}}).Run(context.Background(), docs, func(*Result) error { return nil })
	if !errors.Is(err, bad) {
		t.Fatalf("err = %v", err)
	}
}

func TestParagraphUnit(t *testing.T) {
	docs := []*segment.Document{doc("a", []string{"Titel."}, []string{"Er kam.", "Sie ging."}, []string{"Eins.", "Zwei.", "Drei."})}
	fp := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string {
		switch s.Text {
		case "Titel.":
			return "Title."
		case "Er kam. Sie ging.":
			return "He came. She left."
		}
		return "One, two and three." // fewer sentences: the aligner decides
	}}
	var aligned [][]string
	tr := &Translator{Provider: fp, Unit: Paragraph, Align: func(src, tgt []string) ([]Bead, error) {
		aligned = append(aligned, src, tgt)
		return []Bead{{Src: []int{0, 1}, Tgt: []int{0}, Confidence: 0.8}, {Src: []int{2}, Tgt: nil, Confidence: 0.3}}, nil
	}}
	res, _, err := collect(context.Background(), tr, docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fp.requests()[0].Segments); n != 3 {
		t.Errorf("%d segments sent, want 3 paragraphs", n)
	}
	want := []Pair{
		{Paragraph: 1, Sentence: 1, Source: "Titel.", Target: "Title.", Confidence: 1},
		{Paragraph: 2, Sentence: 1, Source: "Er kam.", Target: "He came.", Confidence: 1},
		{Paragraph: 2, Sentence: 2, Source: "Sie ging.", Target: "She left.", Confidence: 1},
		{Paragraph: 3, Sentence: 1, Source: "Eins. Zwei.", Target: "One, two and three.", Confidence: 0.8},
		{Paragraph: 3, Sentence: 3, Source: "Drei.", Target: "", Confidence: 0.3},
	}
	got := res[0].Pairs
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pairs\n got %+v\nwant %+v", got, want)
	}
	if len(aligned) != 2 {
		t.Errorf("aligner called %d times, want once", len(aligned)/2)
	}
	if res[0].Blocks[1].Text != "He came. She left." {
		t.Errorf("block %q", res[0].Blocks[1].Text)
	}
}

func TestCancelKeepsMemoryAndRerunResumes(t *testing.T) {
	docs := corpusDocs(10, 4, 5) // 200 segments
	caps := providers.Capabilities{MaxSegments: 10, MaxChars: 10000}
	single := &fakeProvider{caps: caps}
	if _, _, err := collect(context.Background(), &Translator{Provider: single}, docs); err != nil {
		t.Fatal(err)
	}
	singleRun := len(single.requests())

	mem := &memMemory{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	conc := 3
	fp := &fakeProvider{caps: caps, latency: 2 * time.Millisecond, fail: func(n int) error {
		if n == singleRun/2 {
			cancel()
		}
		return nil
	}}
	_, _, err := collect(ctx, &Translator{Provider: fp, Memory: mem, Concurrency: conc}, docs)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	firstRun := len(fp.requests())
	if mem.len() == 0 {
		t.Fatal("nothing stored before the interruption")
	}
	fp2 := &fakeProvider{caps: caps}
	res, _, err := collect(context.Background(), &Translator{Provider: fp2, Memory: mem, Concurrency: conc}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(docs) {
		t.Fatalf("%d documents after resume", len(res))
	}
	if total := firstRun + len(fp2.requests()); total > singleRun+conc {
		t.Errorf("requests over both runs %d > single run %d + %d in flight", total, singleRun, conc)
	}
}

func TestGlossaryRepair(t *testing.T) {
	g := fakeGlossary{"Außenministerium": "State Department", "Bündnis": "Alliance"}
	docs := []*segment.Document{doc("a",
		[]string{"Das Außenministerium sprach."},
		[]string{"Das Bündnis tagte.", "Niemand kam."},
		[]string{"Im Außenministerium und im Bündnis."},
	)}
	// Ignores the glossary unless the violation is named.
	fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 2, MaxChars: 1000}, answer: func(s providers.Segment, req *providers.Request) string {
		out := "EN(" + s.Text + ")"
		if req.Feedback[s.ID] != "" {
			for _, term := range req.Terms {
				if strings.Contains(s.Text, term.Source) {
					out += " " + term.Target
				}
			}
		}
		return out
	}}
	mem := &memMemory{}
	res, st, err := collect(context.Background(), &Translator{Provider: fp, Memory: mem, Glossary: g, Repair: 1, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res[0].Pairs {
		if len(p.Findings) != 0 {
			t.Errorf("violations left: %+v", p)
		}
	}
	if st.Violations != 0 || st.Repairs != 3 {
		t.Errorf("stats %+v", st)
	}
	// Every request carried exactly the terms of its segments.
	for _, r := range fp.requests() {
		want := map[string]bool{}
		for _, s := range r.Segments {
			for de := range g {
				if strings.Contains(s.Text, de) {
					want[de] = true
				}
			}
		}
		got := map[string]bool{}
		for _, term := range r.Terms {
			got[term.Source] = true
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("request terms %v, segments need %v", got, want)
		}
		for id := range r.Feedback {
			if !strings.Contains(r.Feedback[id], "must be translated as") {
				t.Errorf("feedback %q", r.Feedback[id])
			}
		}
	}
	// Without repair, the violations stay and are reported.
	fp2 := &fakeProvider{answer: fp.answer}
	res, st, err = collect(context.Background(), &Translator{Provider: fp2, Glossary: g, Repair: 0}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if st.Violations != 4 || len(res[0].Pairs[0].Findings) != 1 {
		t.Errorf("without repair: stats %+v, first pair %+v", st, res[0].Pairs[0])
	}
	// The terms that applied are part of the key: a run without the glossary misses the memory.
	fp3 := &fakeProvider{}
	_, st, err = collect(context.Background(), &Translator{Provider: fp3, Memory: mem}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if st.TMHits != 1 { // only "Niemand kam." has no terms
		t.Errorf("TM hits without glossary %d, want 1", st.TMHits)
	}
}

func TestGlossaryModes(t *testing.T) {
	g := fakeGlossary{"Bündnis": "Alliance"}
	docs := []*segment.Document{doc("a", []string{"Das Bündnis tagte."})}
	for _, c := range []struct {
		mode       GlossaryMode
		terms      int
		dnt        bool
		violations int
	}{
		{GlossaryPrompt, 1, false, 1},
		{GlossaryMask, 1, true, 1},
		{GlossaryCheck, 0, false, 1},
		{GlossaryOff, 0, false, 0},
	} {
		fp := &fakeProvider{}
		_, st, err := collect(context.Background(), &Translator{Provider: fp, Glossary: g, GlossaryMode: c.mode, Repair: 2}, docs)
		if err != nil {
			t.Fatal(err)
		}
		r := fp.requests()[0]
		if len(r.Terms) != c.terms || (c.terms > 0 && r.Terms[0].DoNotTranslate != c.dnt) {
			t.Errorf("%s: terms %+v", c.mode, r.Terms)
		}
		if st.Violations != c.violations {
			t.Errorf("%s: %d violations, want %d", c.mode, st.Violations, c.violations)
		}
		wantReqs := 1
		if c.mode == GlossaryPrompt || c.mode == GlossaryMask {
			wantReqs = 3 // two repair rounds that do not help
		}
		if len(fp.requests()) != wantReqs {
			t.Errorf("%s: %d requests, want %d", c.mode, len(fp.requests()), wantReqs)
		}
	}
}

func TestProgressIsReported(t *testing.T) {
	var last Stats
	calls := 0
	tr := &Translator{Provider: &fakeProvider{}, Progress: func(s Stats) { last = s; calls++ }}
	if _, _, err := collect(context.Background(), tr, corpusDocs(3, 2, 2)); err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last.Documents != 3 || last.Segments != 12 {
		t.Errorf("%d calls, last %+v", calls, last)
	}
}

func TestParseFlags(t *testing.T) {
	for _, s := range []string{"", "sentence", "paragraph"} {
		if _, err := ParseUnit(s); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseUnit("word"); err == nil {
		t.Error("ParseUnit(word) succeeded")
	}
	for _, s := range []string{"", "prompt", "mask", "check", "off"} {
		if _, err := ParseGlossaryMode(s); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseGlossaryMode("strict"); err == nil {
		t.Error("ParseGlossaryMode(strict) succeeded")
	}
}

func TestEstimateString(t *testing.T) {
	e := Estimate{Documents: 1, Segments: 12, TMHits: 3, Misses: 9, Characters: 1204, Tokens: 530, Requests: 1,
		Terms: 4, TermsFound: map[string]int{"a": 3, "b": 1}}
	want := "1 document, 12 segments, 3 TM hits, 9 to translate: 1,204 characters, ~530 tokens, 1 request; 4 glossary terms found (2 distinct terms)"
	if got := e.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCheckLanguage(t *testing.T) {
	de := doc("de.txt", []string{"Die Vereinigten Staaten unterstützen die Wiedereröffnung der diplomatischen Mission Russlands bei der NATO, was den Dialog erleichtern wird."})
	en := doc("en.txt", []string{"The United States supports the reopening of Russia's diplomatic mission to NATO, which will make the dialogue easier, the spokesman said."})
	short := doc("s.txt", []string{"Hallo."})
	if err := CheckLanguage(de, "de"); err != nil {
		t.Errorf("German: %v", err)
	}
	var ns *NotSourceError
	if err := CheckLanguage(en, "de"); !errors.As(err, &ns) || ns.Detected != "en" {
		t.Errorf("English: %v", err)
	}
	if err := CheckLanguage(short, "de"); err != nil {
		t.Errorf("short: %v", err)
	}
	// A regional tag is its language: German is German for de-DE and de-CH, English is not.
	for _, tag := range []string{"de-DE", "de_CH", "DE"} {
		if err := CheckLanguage(de, tag); err != nil {
			t.Errorf("German as %s: %v", tag, err)
		}
		if err := CheckLanguage(en, tag); !errors.As(err, &ns) {
			t.Errorf("English as %s: %v", tag, err)
		}
	}
}
