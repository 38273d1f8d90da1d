package review

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
	"github.com/bitext/bitext/translate"
)

// mtProvider is a machine translation that renders the glossary term wrongly, counting the
// segments it is asked for.
type mtProvider struct {
	mu    sync.Mutex
	asked []string
}

func (p *mtProvider) Name() string  { return "openai" }
func (p *mtProvider) Model() string { return "gpt-test" }
func (p *mtProvider) Capabilities() providers.Capabilities {
	return providers.Capabilities{MaxSegments: 10, MaxChars: 4000, DefaultConcurrency: 1}
}

func (p *mtProvider) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	resp := &providers.Response{Usage: providers.Usage{Requests: 1}}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range req.Segments {
		p.asked = append(p.asked, s.Text)
		text := "MT: " + s.Text
		if strings.Contains(s.Text, "Außenministeriums") {
			text = "The spokesman of the Outer Ministry said that."
		}
		resp.Translations = append(resp.Translations, providers.Translation{ID: s.ID, Text: text})
	}
	return resp, nil
}

func (p *mtProvider) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	a := p.asked
	p.asked = nil
	return a
}

// translateArticle runs the translate pipeline over one article with the memory, as bitext
// translate does, and returns its pairs.
func translateArticle(t *testing.T, p providers.Provider, db *tm.DB, refresh bool, text string) []translate.Pair {
	t.Helper()
	doc, err := segment.Read(strings.NewReader(text), "artikel.txt", segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr := &translate.Translator{Provider: p, Memory: db, Refresh: refresh}
	var pairs []translate.Pair
	_, err = tr.Run(context.Background(), func(yield func(*segment.Document, error) bool) { yield(doc, nil) }, func(r *translate.Result) error {
		pairs = append(pairs, r.Pairs...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pairs
}

// violations counts the glossary violations of the pairs, as bitext check finds them.
func violations(t *testing.T, pairs []translate.Pair) int {
	g := testGlossary(t)
	n := 0
	for _, p := range pairs {
		n += len(g.Review(p.Source, p.Target).Violations)
	}
	return n
}

// TestReviewedEntryOutlivesTranslate: a decision made in review is a reviewed TM entry that a
// later translate run takes instead of asking the provider (so check finds the fix), that a
// --refresh run still takes while it translates everything else again, and that the TM's
// audit trail records with reviewer and time.
func TestReviewedEntryOutlivesTranslate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := tm.Open(filepath.Join(dir, "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const article = "Der Sprecher des Außenministeriums sagte das. Der Kreml schwieg.\n"
	const fixed = "The spokesman of the Foreign Ministry said that."
	p := &mtProvider{}

	// 1. Machine translation: the term is rendered wrongly.
	first := translateArticle(t, p, db, false, article)
	if len(first) != 2 || len(p.take()) != 2 || violations(t, first) != 1 {
		t.Fatalf("first run: %+v", first)
	}

	// 2. Review of the output: the reviewer fixes the term.
	var in strings.Builder
	w, err := corpus.NewWriter(corpus.JSONL, &in, corpus.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range first {
		w.Write(corpus.Pair{Source: pr.Source, Target: pr.Target, Provider: p.Name(), Model: p.Model()})
	}
	w.Close()
	when := time.Date(2026, 11, 29, 11, 0, 0, 0, time.UTC)
	s, err := New(ctx, readInput(t, in.String()), Options{Glossary: testGlossary(t), TM: db, Output: filepath.Join(dir, "out.jsonl"),
		Reviewer: "erika", Now: func() time.Time { return when }})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Decide(ctx, 0, fixed); err != nil {
		t.Fatal(err)
	}

	// 3. translate again: the reviewed entry answers, the provider is not asked for it, and
	// check finds no violation.
	second := translateArticle(t, p, db, false, article)
	if asked := p.take(); len(asked) != 0 {
		t.Errorf("second run asked the provider for %q", asked)
	}
	if second[0].Target != fixed || !second[0].TMHit || violations(t, second) != 0 {
		t.Errorf("second run: %+v; want the reviewed %q from the TM and no violation", second, fixed)
	}

	// 4. translate --refresh: everything else is translated again, the reviewed entry stays.
	third := translateArticle(t, p, db, true, article)
	if asked := p.take(); len(asked) != 1 || asked[0] != "Der Kreml schwieg." {
		t.Errorf("refresh run asked the provider for %q; want only the unreviewed sentence", asked)
	}
	if third[0].Target != fixed || !third[0].TMHit || violations(t, third) != 0 {
		t.Errorf("refresh run: %+v; want the reviewed %q", third, fixed)
	}
	fourth := translateArticle(t, p, db, false, article)
	if fourth[0].Target != fixed {
		t.Errorf("after the refresh run: %q, want the reviewed %q", fourth[0].Target, fixed)
	}

	// 5. The audit trail in the TM: who, when, before, after.
	rs, err := db.Reviews(ctx, tm.ReviewFilter{})
	if err != nil || len(rs) != 1 {
		t.Fatalf("Reviews = %+v, %v", rs, err)
	}
	if r := rs[0]; r.Reviewer != "erika" || !r.When.Equal(when) || r.Before != first[0].Target || r.After != fixed ||
		r.Provider != "openai" || r.Model != "gpt-test" {
		t.Errorf("audit trail: %+v", r)
	}
	if st, err := db.Stats(ctx); err != nil || st.Reviewed != 1 || st.Reviews != 1 {
		t.Errorf("Stats = %+v, %v", st, err)
	}
}
