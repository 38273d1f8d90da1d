package translate

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// fakeProvider answers "EN(" + text + ")" unless answer says otherwise, records every request
// and the most requests it saw in flight at once.
type fakeProvider struct {
	caps    providers.Capabilities
	latency time.Duration
	answer  func(seg providers.Segment, req *providers.Request) string
	suspect func(seg providers.Segment) string // the Translation.Suspect of an answer
	fail    func(n int) error                  // called with the 1-based request number
	// giveUp names the segments the provider gives up on (a *providers.SegmentsFailedError
	// with the other segments answered), as the resilience layer does for an answer that
	// always lacks them.
	giveUp func(seg providers.Segment) bool
	// noRecord keeps no requests (benchmarks of memory use), only their count.
	noRecord bool
	count    int

	mu          sync.Mutex
	reqs        []*providers.Request
	inflight    int
	maxInflight int
}

func (f *fakeProvider) Name() string  { return "fake" }
func (f *fakeProvider) Model() string { return "fake-1" }
func (f *fakeProvider) Capabilities() providers.Capabilities {
	if f.caps.MaxSegments == 0 {
		return providers.Capabilities{MaxSegments: 10, MaxChars: 2000, DefaultConcurrency: 2}
	}
	return f.caps
}

func (f *fakeProvider) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	f.mu.Lock()
	f.count++
	n := f.count
	if !f.noRecord {
		f.reqs = append(f.reqs, req)
	}
	f.inflight++
	f.maxInflight = max(f.maxInflight, f.inflight)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inflight--
		f.mu.Unlock()
	}()
	if f.latency > 0 {
		select {
		case <-time.After(f.latency):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if f.fail != nil {
		if err := f.fail(n); err != nil {
			return nil, err
		}
	}
	resp := &providers.Response{Usage: providers.Usage{Requests: 1}}
	var gaveUp []string
	for _, s := range req.Segments {
		if f.giveUp != nil && f.giveUp(s) {
			gaveUp = append(gaveUp, s.ID)
			continue
		}
		text := "EN(" + s.Text + ")"
		if f.answer != nil {
			text = f.answer(s, req)
		}
		tr := providers.Translation{ID: s.ID, Text: text}
		if f.suspect != nil {
			tr.Suspect = f.suspect(s)
		}
		resp.Translations = append(resp.Translations, tr)
		resp.Usage.Characters += utf8.RuneCountInString(s.Text)
	}
	if gaveUp != nil {
		return resp, &providers.Error{Provider: "fake", Err: &providers.SegmentsFailedError{IDs: gaveUp, Reason: "answer lacks it", Tries: 3}}
	}
	return resp, nil
}

func (f *fakeProvider) requests() []*providers.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*providers.Request(nil), f.reqs...)
}

// memMemory is an in-memory translation memory.
type memMemory struct {
	mu      sync.Mutex
	m       map[string]string
	stored  map[string]tm.Key // the key each entry was last stored with, its Codes included
	lookups int
}

func memKey(k tm.Key) string {
	return strings.Join([]string{k.Provider, k.Model, k.SourceLang, k.TargetLang, k.Source, strings.Join(k.Terms, "|"), k.PromptVersion, k.Note}, "\x00")
}

func (m *memMemory) LookupMany(_ context.Context, ks []tm.Key) ([]string, []bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lookups += len(ks)
	out, ok := make([]string, len(ks)), make([]bool, len(ks))
	for i, k := range ks {
		out[i], ok[i] = m.m[memKey(k)]
	}
	return out, ok, nil
}

func (m *memMemory) StoreMany(_ context.Context, ks []tm.Key, targets []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m, m.stored = map[string]string{}, map[string]tm.Key{}
	}
	for i, k := range ks {
		m.m[memKey(k)] = targets[i]
		m.stored[memKey(k)] = k
	}
	return nil
}

func (m *memMemory) len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}

// fakeGlossary knows a few terms by exact substring.
type fakeGlossary map[string]string

func (g fakeGlossary) Terms(source string) []Term {
	var out []Term
	for de, en := range g {
		if strings.Contains(source, de) {
			out = append(out, Term{Term: providers.Term{Source: de, Target: en}, Entry: de + "\t" + en, Shieldable: true})
		}
	}
	return out
}

func (g fakeGlossary) Check(source, target string) []Violation {
	var out []Violation
	for de, en := range g {
		if strings.Contains(source, de) && !strings.Contains(target, en) {
			out = append(out, Violation{Kind: "missing", Term: de, Expected: en})
		}
	}
	return out
}

// doc builds a document from paragraphs given as sentences.
func doc(name string, paras ...[]string) *segment.Document {
	d := &segment.Document{Name: name, Format: segment.Text, Lang: "de"}
	for i, sents := range paras {
		b := segment.Block{Kind: segment.Paragraph}
		if i == 0 {
			b.Kind, b.Level = segment.Heading, 1
		}
		for k, s := range sents {
			if k > 0 {
				b.Text += " "
			}
			start := len(b.Text)
			b.Text += s
			b.Sentences = append(b.Sentences, segment.Span{Text: s, Start: start, End: len(b.Text)})
		}
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

// corpusDocs makes n documents of p paragraphs of s numbered sentences.
func corpusDocs(n, p, s int) []*segment.Document {
	var docs []*segment.Document
	for di := range n {
		var paras [][]string
		for pi := range p {
			var sents []string
			for si := range s {
				sents = append(sents, fmt.Sprintf("Satz %d in Absatz %d von Dokument %d.", si+1, pi+1, di+1))
			}
			paras = append(paras, sents)
		}
		docs = append(docs, doc(fmt.Sprintf("doc%d.txt", di+1), paras...))
	}
	return docs
}

func seq(docs []*segment.Document) iter.Seq2[*segment.Document, error] {
	return func(yield func(*segment.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

// collect runs t and returns the results in the order the sink saw them.
func collect(ctx context.Context, t *Translator, docs []*segment.Document) ([]*Result, Stats, error) {
	var out []*Result
	st, err := t.Run(ctx, seq(docs), func(r *Result) error {
		out = append(out, r)
		return nil
	})
	return out, st, err
}

// feedbackBlind is a provider that declares it cannot use repair feedback (as Google v2 and
// DeepL do).
type feedbackBlind struct{ *fakeProvider }

func (feedbackBlind) UsesFeedback() bool { return false }
