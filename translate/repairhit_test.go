package translate

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// TestRepairStoredViolations: an answer that still violated the glossary after its repair
// rounds is in the memory; a rerun with repairs does not take it as it is forever (0 requests,
// the same violations on every run, only --refresh re-paying everything to get out) but puts
// it through the repair rounds once more: one request for those segments only, none of the
// good answers paid twice. The better answer replaces it, so the next run pays nothing. An
// entry a person reviewed is kept as it is.
func TestRepairStoredViolations(t *testing.T) {
	g := fakeGlossary{"Außenministerium": "State Department", "Bündnis": "Alliance"}
	docs := []*segment.Document{doc("a",
		[]string{"Das Außenministerium sprach."},
		[]string{"Das Bündnis tagte.", "Niemand kam."},
		[]string{"Das Außenministerium sprach."}, // a repeat: repaired once
		[]string{"Im Bündnis und im Außenministerium."},
	)}
	// stubborn never renders Außenministerium; fixing renders every term it is asked to fix.
	stubborn := func(s providers.Segment, req *providers.Request) string {
		out := "EN(" + s.Text + ")"
		if req.Feedback[s.ID] != "" && strings.Contains(s.Text, "Bündnis") {
			out += " Alliance"
		}
		return out
	}
	fixing := func(s providers.Segment, req *providers.Request) string {
		out := "EN(" + s.Text + ")"
		if req.Feedback[s.ID] != "" {
			for _, term := range req.Terms {
				out += " " + term.Target
			}
		}
		return out
	}
	ctx := context.Background()
	db, err := tm.Open(filepath.Join(t.TempDir(), "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	caps := providers.Capabilities{MaxSegments: 10, MaxChars: 1000}

	fp := &fakeProvider{caps: caps, answer: stubborn}
	_, st, err := collect(ctx, &Translator{Provider: fp, Memory: db, Glossary: g, Repair: 1, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fp.requests()); n != 2 || st.Violations != 3 {
		t.Fatalf("first run: %d requests, stats %+v", n, st)
	}

	// The rerun: the two sentences whose stored answers violate go through one repair round,
	// in one request, with their feedback and their own terms only.
	fp = &fakeProvider{caps: caps, answer: fixing}
	res, st, err := collect(ctx, &Translator{Provider: fp, Memory: db, Glossary: g, Repair: 1, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	reqs := fp.requests()
	if len(reqs) != 1 {
		t.Fatalf("rerun: %d requests, want 1", len(reqs))
	}
	var sent []string
	for _, s := range reqs[0].Segments {
		sent = append(sent, s.Text)
		if reqs[0].Feedback[s.ID] == "" {
			t.Errorf("rerun: %q re-asked without feedback", s.Text)
		}
	}
	if got := strings.Join(sent, "|"); got != "Das Außenministerium sprach.|Im Bündnis und im Außenministerium." {
		t.Errorf("rerun asked for %s", got)
	}
	if st.Violations != 0 || st.Repairs != 2 || st.TMHits != 2 || st.Translated != 2 || st.Repeats != 1 {
		t.Errorf("rerun stats %+v", st)
	}
	for _, p := range res[0].Pairs {
		if len(p.Findings) != 0 {
			t.Errorf("rerun: violations left in %+v", p)
		}
		if want := !strings.Contains(p.Source, "Außenministerium"); p.TMHit != want {
			t.Errorf("rerun: %q tm_hit %v", p.Source, p.TMHit)
		}
	}

	// The repaired answers were stored: nothing is paid any more.
	fp = &fakeProvider{caps: caps, answer: fixing}
	_, st, err = collect(ctx, &Translator{Provider: fp, Memory: db, Glossary: g, Repair: 1, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fp.requests()); n != 0 || st.TMHits != 5 || st.Violations != 0 {
		t.Errorf("third run: %d requests, stats %+v", n, st)
	}

	// A reviewed translation that violates the glossary is a person's decision: taken as it is,
	// reported, never re-asked.
	d2 := []*segment.Document{doc("b", []string{"Das Außenministerium schwieg."})}
	k := tm.Key{SourceLang: "de", TargetLang: "en", Source: "Das Außenministerium schwieg."}
	if err := db.StoreReviewed(ctx, k, "The Foreign Office was silent.", "tester", time.Now()); err != nil {
		t.Fatal(err)
	}
	fp = &fakeProvider{caps: caps, answer: fixing}
	res, st, err = collect(ctx, &Translator{Provider: fp, Memory: db, Glossary: g, Repair: 2}, d2)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fp.requests()); n != 0 || st.TMHits != 1 || st.Violations != 1 || res[0].Pairs[0].Target != "The Foreign Office was silent." {
		t.Errorf("reviewed entry: %d requests, stats %+v, pair %+v", n, st, res[0].Pairs[0])
	}

	// Without repair rounds a stored violation is reported as before, at no cost.
	fp = &fakeProvider{caps: caps, answer: stubborn}
	d3 := []*segment.Document{doc("c", []string{"Das Außenministerium tagte."})}
	if _, _, err := collect(ctx, &Translator{Provider: fp, Memory: db, Glossary: g, Repair: 1}, d3); err != nil {
		t.Fatal(err)
	}
	fp = &fakeProvider{caps: caps, answer: fixing}
	_, st, err = collect(ctx, &Translator{Provider: fp, Memory: db, Glossary: g}, d3)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fp.requests()); n != 0 || st.Violations != 1 {
		t.Errorf("without repair: %d requests, stats %+v", n, st)
	}
}

// TestMemoryHitsByPeople: a memory hit says whether people made it (an imported or reviewed
// entry) or a provider did, so that a pair file names no provider for it and an XLIFF target of
// such answers says leveraged-tm; a translation the provider makes in this run is not theirs.
func TestMemoryHitsByPeople(t *testing.T) {
	ctx := context.Background()
	db, err := tm.Open(filepath.Join(t.TempDir(), "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 10, MaxChars: 1000}}
	docs := []*segment.Document{doc("a", []string{"Der Kreml schwieg.", "Die NATO tagt."})}
	if _, _, err := collect(ctx, &Translator{Provider: fp, Memory: db, Concurrency: 1}, docs); err != nil {
		t.Fatal(err)
	}
	imported := []corpus.Pair{{Source: "Die NATO tagt.", Target: "NATO is meeting."}, {Source: "Neu hier.", Target: "New here."}}
	if _, err := db.Import(ctx, &pairList{pairs: imported}, tm.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	docs = []*segment.Document{doc("a", []string{"Der Kreml schwieg.", "Die NATO tagt."}), doc("b", []string{"Neu hier."})}
	res, _, err := collect(ctx, &Translator{Provider: fp, Memory: db, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"Der Kreml schwieg.": false, "Die NATO tagt.": true, "Neu hier.": true}
	for _, r := range res {
		for _, p := range r.Pairs {
			if !p.TMHit || p.People != want[p.Source] {
				t.Errorf("%q: tm hit %v, people %v; want a hit, people %v", p.Source, p.TMHit, p.People, want[p.Source])
			}
		}
	}
	if got := BlockOrigins(res[1]); len(got) != 1 || got[0] != document.TranslationMemory {
		t.Errorf("origins of a block people translated: %v", got)
	}
	if got := BlockOrigins(res[0]); len(got) != 1 || got[0] != document.MachineTranslation {
		t.Errorf("origins of a block with a provider's answer: %v", got)
	}
}

// pairList is a corpus.Reader of pairs in memory.
type pairList struct{ pairs []corpus.Pair }

func (r *pairList) Next() (corpus.Pair, error) {
	if len(r.pairs) == 0 {
		return corpus.Pair{}, io.EOF
	}
	p := r.pairs[0]
	r.pairs = r.pairs[1:]
	return p, nil
}
