package translate

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// inputsOf turns whole documents into Inputs, as a reader block by block would give them.
func inputsOf(docs []*segment.Document) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		for _, d := range docs {
			in := Input{Name: d.Name, Format: d.Format, Lang: d.Lang, Blocks: func(yield func(segment.Block, error) bool) {
				for _, b := range d.Blocks {
					if !yield(b, nil) {
						return
					}
				}
			}}
			if !yield(in, nil) {
				return
			}
		}
	}
}

// TestLargeDocumentsInPieces: a document larger than a piece is worked in pieces; Run still hands
// it over whole and identical to a run in one piece, and RunInputs hands over the pieces in order
// with their place in the document.
func TestLargeDocumentsInPieces(t *testing.T) {
	docs := append(corpusDocs(1, 2, 2), corpusDocs(1, 600, 3)...) // 1,800 units: several pieces
	docs = append(docs, corpusDocs(1, 1, 1)...)
	docs[1].Name, docs[2].Name = "big", "small"
	for _, window := range []int{0, 3, 5000} {
		t.Run(fmt.Sprintf("window=%d", window), func(t *testing.T) {
			fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 7, MaxChars: 2000, Context: true}}
			tr := &Translator{Provider: fp, Window: window}
			res, st, err := collect(context.Background(), tr, docs)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 3 || st.Documents != 3 || st.Segments != 4+1800+1 {
				t.Fatalf("%d results, stats %+v", len(res), st)
			}
			for i, r := range res {
				if r.Index != i || r.Source != docs[i] || !r.Final || r.Part != 0 || len(r.Blocks) != len(docs[i].Blocks) {
					t.Fatalf("result %d: index %d part %d final %v, %d blocks", i, r.Index, r.Part, r.Final, len(r.Blocks))
				}
				checkPairs(t, docs[i], 0, r)
			}

			var parts []*Result
			st2, err := tr.RunInputs(context.Background(), inputsOf(docs), func(r *Result) error {
				parts = append(parts, r)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if st2.Documents != 3 || st2.Segments != st.Segments {
				t.Errorf("stats %+v", st2)
			}
			doc, next, part := 0, 0, 0
			for _, r := range parts {
				if r.Index != doc || r.Part != part || r.FirstBlock != next {
					t.Fatalf("piece of doc %d part %d at block %d, want doc %d part %d block %d", r.Index, r.Part, r.FirstBlock, doc, part, next)
				}
				if r.Source.Name != docs[doc].Name || len(r.Source.Blocks) != len(r.Blocks) {
					t.Fatalf("piece source %q with %d blocks for %d", r.Source.Name, len(r.Source.Blocks), len(r.Blocks))
				}
				checkPairs(t, docs[doc], r.FirstBlock, r)
				next += len(r.Blocks)
				part++
				if r.Final {
					if next != len(docs[doc].Blocks) {
						t.Fatalf("doc %d ends at block %d of %d", doc, next, len(docs[doc].Blocks))
					}
					doc, next, part = doc+1, 0, 0
				}
			}
			if doc != 3 {
				t.Fatalf("%d documents finished", doc)
			}
			if n := len(parts); n < 4 {
				t.Errorf("the big document came in %d pieces", n-2)
			}
		})
	}
}

// checkPairs checks a result (or piece starting at block first) against its source document.
func checkPairs(t *testing.T, d *segment.Document, first int, r *Result) {
	t.Helper()
	k := 0
	for bi, b := range r.Blocks {
		sb := d.Blocks[first+bi]
		if b.Kind != sb.Kind || len(b.Sentences) != len(sb.Sentences) {
			t.Fatalf("%s block %d: %s with %d sentences", d.Name, first+bi, b.Kind, len(b.Sentences))
		}
		for si, s := range sb.Sentences {
			p := r.Pairs[k]
			k++
			if p.Source != s.Text || p.Target != "EN("+s.Text+")" || p.Paragraph != first+bi+1 || p.Sentence != si+1 {
				t.Fatalf("%s pair %+v for block %d sentence %d", d.Name, p, first+bi+1, si+1)
			}
			if b.Sentences[si].Text != p.Target || b.Text[b.Sentences[si].Start:b.Sentences[si].End] != p.Target {
				t.Fatalf("%s: span %+v in %q", d.Name, b.Sentences[si], b.Text)
			}
		}
	}
	if k != len(r.Pairs) {
		t.Fatalf("%s: %d pairs, want %d", d.Name, len(r.Pairs), k)
	}
}

// TestPlanInputsMatchesPlan: reading block by block changes nothing in the plan.
func TestPlanInputsMatchesPlan(t *testing.T) {
	docs := append(corpusDocs(5, 4, 3), corpusDocs(1, 300, 2)...)
	mem := &memMemory{}
	if _, _, err := collect(context.Background(), &Translator{Provider: &fakeProvider{}, Memory: mem}, docs[:2]); err != nil {
		t.Fatal(err)
	}
	tr := &Translator{Provider: &fakeProvider{caps: providers.Capabilities{MaxSegments: 9, MaxChars: 700, Context: true}}, Memory: mem,
		Glossary: fakeGlossary{"Absatz 2": "paragraph 2"}}
	want, err := tr.Plan(context.Background(), seq(docs))
	if err != nil {
		t.Fatal(err)
	}
	got, err := tr.PlanInputs(context.Background(), inputsOf(docs))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || got.TMHits != 24 || got.Documents != 6 || got.Terms == 0 {
		t.Errorf("inputs %+v\nwhole  %+v", got, want)
	}
}

func TestScanInput(t *testing.T) {
	german := strings.Repeat("Die Vereinigten Staaten unterstützen die Wiedereröffnung der Mission Russlands bei der NATO. Das erklärte der Sprecher.\n\n", 40)
	english := strings.Repeat("The United States supports the reopening of Russia's mission to NATO, which will make the dialogue easier, the spokesman said.\n\n", 40)
	cases := []struct {
		name, text, lang string
		blocks           int
		notSource        bool
	}{
		{"german", german, "de", 40, false},
		{"english", english, "de", 0, true},
		{"english unchecked", english, "", 40, false},
		{"short", "Hello.", "de", 1, false},
		{"one German line", "Die Vereinigten Staaten unterstützen die Wiedereröffnung der Mission.", "de", 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := segment.NewScanner(strings.NewReader(c.text), "a.txt", segment.Options{})
			in, err := ScanInput(sc, "a.txt", c.lang)
			var ns *NotSourceError
			if c.notSource {
				if !errors.As(err, &ns) || ns.Doc != "a.txt" || ns.Detected != "en" {
					t.Fatalf("err = %v, want not German", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for b, err := range in.Blocks {
				if err != nil {
					t.Fatal(err)
				}
				if b.Text == "" {
					t.Errorf("empty block")
				}
				n++
			}
			if n != c.blocks || in.Format != segment.Text || in.Name != "a.txt" {
				t.Errorf("%d blocks, format %s, want %d", n, in.Format, c.blocks)
			}
		})
	}
	// A read error after the first blocks ends the document with the error, naming the file.
	bad := german + "Kaputt \xff hier.\n"
	in, err := ScanInput(segment.NewScanner(strings.NewReader(bad), "bad.txt", segment.Options{}), "bad.txt", "de")
	if err == nil {
		_, err = (&Translator{ProviderName: "x"}).PlanInputs(context.Background(), func(yield func(Input, error) bool) { yield(in, nil) })
	}
	if err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("err = %v, want one naming bad.txt", err)
	}
}

func TestLooksGerman(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Die Vereinigten Staaten unterstützen die Wiedereröffnung der diplomatischen Mission Russlands bei der NATO, was den Dialog erleichtern wird. Dies erklärte der Sprecher des Außenministeriums.", true},
		{"Bbabo NET\nNachrichten\nDie Vereinigten Staaten unterstützten die Wiederaufnahme der Missionen Russlands und der NATO\nDie Vereinigten Staaten unterstützen die Wiedereröffnung der Mission, was den Dialog erleichtern wird.", true},
		{"The United States supports the reopening of Russia's diplomatic mission to NATO, which will make the dialogue easier, the spokesman of the State Department said.", false},
		{"Der Spiegel, Die Zeit and the Frankfurter Allgemeine all reported that the talks in Berlin had failed, and the chancellor was said to be furious.", false},
		{"Les États-Unis soutiennent la réouverture de la mission diplomatique de la Russie auprès de l'OTAN, a déclaré le porte-parole.", false},
		{"NATO Russland USA", false},
	}
	for _, c := range cases {
		if got := looksGerman(c.text); got != c.want {
			t.Errorf("looksGerman(%.40q…) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestCancelStopsReading: a cancelled plan stops reading an endless document within a block,
// and a cancelled run stops within a block too; nothing waits for the document to end.
func TestCancelStopsReading(t *testing.T) {
	for _, mode := range []string{"plan", "run"} {
		t.Run(mode, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			read, after := 0, 0
			endless := Input{Name: "endless.txt", Format: segment.Text, Blocks: func(yield func(segment.Block, error) bool) {
				for i := 0; ; i++ {
					read++
					if read == 5000 {
						cancel()
					}
					if ctx.Err() != nil {
						after++
					}
					text := fmt.Sprintf("Satz %d ist hier. Und noch einer.", i)
					b := segment.Block{Kind: segment.Paragraph, Text: text, Sentences: segment.SplitSentences(text, "de")}
					if !yield(b, nil) {
						return
					}
				}
			}}
			one := func(yield func(Input, error) bool) { yield(endless, nil) }
			tr := &Translator{Provider: &fakeProvider{caps: providers.Capabilities{MaxSegments: 50, MaxChars: 10000}}, Memory: &memMemory{}}
			var err error
			if mode == "plan" {
				_, err = tr.PlanInputs(ctx, one)
			} else {
				_, err = tr.RunInputs(ctx, one, func(*Result) error { return nil })
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if after > 1 {
				t.Errorf("%d blocks read after the cancellation", after)
			}
		})
	}
}

// TestRepeatsArePaidOnce: identical sentences (after normalization) within a run are sent once
// and every occurrence gets the answer, in one run and across runs of the plan.
func TestRepeatsArePaidOnce(t *testing.T) {
	shared := "Das erklärte der Sprecher des Außenministeriums."
	var docs []*segment.Document
	for i := range 20 {
		docs = append(docs, doc(fmt.Sprintf("d%d", i),
			[]string{fmt.Sprintf("Meldung %d.", i)},
			[]string{shared, strings.ReplaceAll(shared, " ", "  ")}, // the same once normalized
			[]string{"- Punkt.", "- Punkt."}))
	}
	for _, window := range []int{0, 2} {
		fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 4, MaxChars: 1000}}
		mem := &memMemory{}
		tr := &Translator{Provider: fp, Memory: mem, Window: window}
		est, err := tr.Plan(context.Background(), seq(docs))
		if err != nil {
			t.Fatal(err)
		}
		res, st, err := collect(context.Background(), tr, docs)
		if err != nil {
			t.Fatal(err)
		}
		sent := map[string]int{}
		for _, r := range fp.requests() {
			for _, s := range r.Segments {
				sent[tm.NormalizeSource(s.Text)]++
			}
		}
		if sent[shared] != 1 || sent["- Punkt."] != 1 || len(sent) != 22 {
			t.Errorf("window %d: sent %v", window, sent)
		}
		if st.Segments != 100 || st.Repeats != 78 || st.Translated != 22 || est.Repeats != 78 || est.Misses != 22 {
			t.Errorf("window %d: stats %+v, plan %+v", window, st, est)
		}
		if window == 0 && est.Requests != st.Usage.Requests {
			t.Errorf("plan %d requests, run %d", est.Requests, st.Usage.Requests)
		}
		for _, r := range res {
			for _, p := range r.Pairs {
				if p.Target != "EN("+p.Source+")" && p.Target != "EN("+shared+")" {
					t.Fatalf("%s: pair %+v", r.Source.Name, p)
				}
			}
		}
	}
}

// TestPoisonedSegmentDoesNotEndTheRun: one segment that never gets a usable answer is reported
// with its document, paragraph and text; every other segment is translated, handed over and
// stored, and repeats of the poisoned segment fail with it.
func TestPoisonedSegmentDoesNotEndTheRun(t *testing.T) {
	docs := corpusDocs(4, 5, 3)
	poison := docs[2].Blocks[3].Sentences[1].Text
	docs[3].Blocks[0].Sentences[0].Text = poison // a repeat in a later document
	docs[3].Blocks[0].Text = strings.Join([]string{poison, docs[3].Blocks[0].Sentences[1].Text, docs[3].Blocks[0].Sentences[2].Text}, " ")
	fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 8, MaxChars: 10000}}
	p := &spoilingProvider{fakeProvider: fp, spoil: func(r *providers.Response) {
		for i := range r.Translations {
			if strings.Contains(r.Translations[i].Text, poison) {
				r.Translations[i].Text = "" // SplitRetry's "no usable translation"
			}
		}
	}}
	mem := &memMemory{}
	res, st, err := collect(context.Background(), &Translator{Provider: &emptyIsError{p}, Memory: mem, Concurrency: 2}, docs)
	var fe *FailedError
	if !errors.As(err, &fe) || len(fe.Segments) != 2 {
		t.Fatalf("err = %v", err)
	}
	if f := fe.Segments[0]; f.Doc != "doc3.txt" || f.Paragraph != 4 || f.Sentence != 2 || f.Source != poison {
		t.Errorf("failure %+v", f)
	}
	if !strings.Contains(err.Error(), "doc3.txt: paragraph 4, sentence 2") || !strings.Contains(err.Error(), poison) {
		t.Errorf("message %q", err)
	}
	if len(res) != 4 || st.Translated != 58 || st.Failed != 2 || st.Repeats != 1 || mem.len() != 58 {
		t.Errorf("%d results, stats %+v, memory %d", len(res), st, mem.len())
	}
	if p := res[2].Pairs[3*3+1]; p.Err == nil || p.Target != "" || !strings.Contains(res[2].Blocks[3].Text, poison) {
		t.Errorf("poisoned pair %+v in %q", p, res[2].Blocks[3].Text)
	}
	if p := res[3].Pairs[0]; p.Err == nil {
		t.Errorf("repeat of the poisoned segment %+v", p)
	}
	// A failure of the service itself still ends the run at once.
	down := &fakeProvider{fail: func(int) error { return &providers.Error{Provider: "fake", Status: 401, Message: "bad key"} }}
	if _, _, err := collect(context.Background(), &Translator{Provider: down}, docs); errors.As(err, &fe) || err == nil {
		t.Errorf("401: err = %v", err)
	}
}

// emptyIsError turns an empty translation into the error SplitRetry gives after its tries.
type emptyIsError struct{ *spoilingProvider }

func (p *emptyIsError) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	r, err := p.spoilingProvider.Translate(ctx, req)
	if err != nil {
		return r, err
	}
	for _, tr := range r.Translations {
		if tr.Text == "" {
			return r, &providers.Error{Provider: "fake", Message: "segment " + tr.ID + ": no usable translation after 3 tries"}
		}
	}
	return r, nil
}

// TestReadsMainText: a page is read whole only when it is written back in its own format.
func TestReadsMainText(t *testing.T) {
	tests := []struct {
		df       document.Format
		mainOnly bool
		out      string
		want     bool
	}{
		{document.HTML, false, "", false},        // each document keeps its own format
		{document.HTML, false, "html", false},    // -o x.html
		{document.HTML, true, "", true},          // --main-only
		{document.HTML, false, "markdown", true}, // converted
		{document.HTML, false, "jsonl", true},    // into pairs
		{document.Markdown, false, "markdown", false},
		{document.Markdown, false, "tmx", true},
		{document.XLIFF, true, "tmx", false}, // no main text to read
		{"", false, "html", false},           // text files
	}
	for _, tc := range tests {
		if got := ReadsMainText(tc.df, tc.mainOnly, tc.out); got != tc.want {
			t.Errorf("ReadsMainText(%q, %v, %q) = %v, want %v", tc.df, tc.mainOnly, tc.out, got, tc.want)
		}
	}
}
