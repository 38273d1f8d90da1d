package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

// smallCaps is a provider limit that a sentence of a few clauses exceeds.
var smallCaps = providers.Capabilities{MaxSegments: 10, MaxChars: 60, DefaultConcurrency: 1}

// clauses is a sentence of n distinct clauses of about 50 characters, each of which fits
// smallCaps alone and no two of which do.
func clauses(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "der Teilsatz Nummer %02d steht hier etwas länger", i+1)
	}
	return b.String() + "."
}

// sentSegments is the text of every segment a fake was asked for, in order.
func sentSegments(fp *fakeProvider) []string {
	var out []string
	for _, r := range fp.requests() {
		for _, s := range r.Segments {
			out = append(out, s.Text)
		}
	}
	return out
}

// joinedAnswer is what the fake's answers to the pieces of src read as once joined, as the
// provider's own split joined them.
func joinedAnswer(src string, caps providers.Capabilities) string {
	var parts []string
	for _, p := range providers.SplitOversize(src, caps.MaxChars, 0, nil) {
		parts = append(parts, strings.TrimSpace("EN("+p+")"))
	}
	return strings.Join(parts, " ")
}

// TestOversizeInterruptKeepsPaidPieces: a sentence over the provider's limit goes out as
// pieces, each stored in the memory when its answer comes. Stopped after 7 of 14 pieces, the
// memory holds those 7 and a rerun pays only for the other 7; a third run pays nothing.
func TestOversizeInterruptKeepsPaidPieces(t *testing.T) {
	long := clauses(14)
	if n := len(providers.SplitOversize(long, smallCaps.MaxChars, 0, nil)); n != 14 {
		t.Fatalf("the sentence splits into %d pieces, want 14", n)
	}
	docs := []*segment.Document{doc("a", []string{long})}
	mem := &memMemory{}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fp1 := &fakeProvider{caps: smallCaps, fail: func(n int) error {
		if n == 7 {
			cancel() // Ctrl-C while the 7th request is on its way: its answer is kept
		}
		return nil
	}}
	_, _, err := collect(ctx, &Translator{Provider: providers.Wrap(fp1, providers.WrapOptions{}), Memory: mem, Concurrency: 1}, docs)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	first := sentSegments(fp1)
	if len(first) != 7 {
		t.Fatalf("%d pieces sent before the stop, want 7", len(first))
	}
	if n := mem.len(); n != 7 {
		t.Errorf("after the stop the memory holds %d entries, want the 7 pieces paid for", n)
	}

	fp2 := &fakeProvider{caps: smallCaps}
	res, st, err := collect(context.Background(), &Translator{Provider: providers.Wrap(fp2, providers.WrapOptions{}), Memory: mem, Concurrency: 1}, docs)
	if err != nil {
		t.Fatal(err)
	}
	second := sentSegments(fp2)
	if len(second) != 7 {
		t.Errorf("the rerun sent %d pieces, want the 7 not paid yet", len(second))
	}
	paid := map[string]bool{}
	for _, s := range first {
		paid[s] = true
	}
	for _, s := range second {
		if paid[s] {
			t.Errorf("piece %q paid twice", s)
		}
	}
	if st.Segments != 1 || st.Translated != 1 || st.TMHits != 0 || st.Failed != 0 {
		t.Errorf("stats %+v, want 1 segment, 1 translated", st)
	}
	if len(res) != 1 || len(res[0].Pairs) != 1 {
		t.Fatalf("results %+v, want one pair", res)
	}
	p := res[0].Pairs[0]
	if p.Source != long || p.Target != joinedAnswer(long, smallCaps) || p.Err != nil {
		t.Errorf("pair %+v, want the whole sentence and its pieces' answers joined", p)
	}
	if got := res[0].Blocks[0].Text; got != p.Target || len(res[0].Blocks[0].Sentences) != 1 {
		t.Errorf("block %q with %d sentences, want the pair's target as one sentence", got, len(res[0].Blocks[0].Sentences))
	}
	if n := mem.len(); n != 14 {
		t.Errorf("memory holds %d entries, want the 14 pieces", n)
	}

	fp3 := &fakeProvider{caps: smallCaps}
	_, st, err = collect(context.Background(), &Translator{Provider: providers.Wrap(fp3, providers.WrapOptions{}), Memory: mem}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fp3.requests()); n != 0 || st.Segments != 1 || st.TMHits != 1 {
		t.Errorf("third run: %d requests, stats %+v; want none, 1 segment, 1 TM hit", n, st)
	}
}

// TestOversizeRepeatedPiecesPaidOnce: a sentence of the same clause again and again pays for
// each distinct piece once.
func TestOversizeRepeatedPiecesPaidOnce(t *testing.T) {
	clause := "und wieder derselbe lange Teilsatz steht hier geschrieben"
	long := strings.Repeat(clause+", ", 30) + "Ende."
	pieces := providers.SplitOversize(long, smallCaps.MaxChars, 0, nil)
	distinct := map[string]bool{}
	for _, p := range pieces {
		distinct[p] = true
	}
	if len(pieces) < 30 || len(distinct) > 3 {
		t.Fatalf("%d pieces, %d distinct: the test needs many repeated pieces", len(pieces), len(distinct))
	}
	fp := &fakeProvider{caps: smallCaps}
	mem := &memMemory{}
	res, st, err := collect(context.Background(), &Translator{Provider: providers.Wrap(fp, providers.WrapOptions{}), Memory: mem}, []*segment.Document{doc("a", []string{long})})
	if err != nil {
		t.Fatal(err)
	}
	sent := sentSegments(fp)
	if len(sent) != len(distinct) {
		t.Errorf("%d pieces sent, want the %d distinct ones", len(sent), len(distinct))
	}
	if n := mem.len(); n != len(distinct) {
		t.Errorf("memory holds %d entries, want %d", n, len(distinct))
	}
	if st.Segments != 1 || st.Translated != 1 || st.Repeats != 0 {
		t.Errorf("stats %+v, want 1 segment translated", st)
	}
	if got, want := res[0].Pairs[0].Target, joinedAnswer(long, smallCaps); got != want {
		t.Errorf("target %q, want %q", got, want)
	}
}

// TestOversizeCountsAndOutput: a document with sentences that fit and one that does not reads
// and counts as before: one pair and one segment per sentence, the fitting sentences'
// answers as with no limit, the long one's pieces joined as the provider's split joined them,
// and the plan (--dry-run) tells the segments and requests the run then pays for.
func TestOversizeCountsAndOutput(t *testing.T) {
	long := clauses(5)
	docs := []*segment.Document{doc("a", []string{"Der Kreml schweigt.", long, "Die NATO warnt."}, []string{"Ein Satz."})}

	big := &fakeProvider{}
	want, wantSt, err := collect(context.Background(), &Translator{Provider: providers.Wrap(big, providers.WrapOptions{})}, docs)
	if err != nil {
		t.Fatal(err)
	}

	fp := &fakeProvider{caps: smallCaps}
	tr := &Translator{Provider: providers.Wrap(fp, providers.WrapOptions{}), Memory: &memMemory{}}
	est, err := tr.Plan(context.Background(), seq(docs))
	if err != nil {
		t.Fatal(err)
	}
	got, st, err := collect(context.Background(), tr, docs)
	if err != nil {
		t.Fatal(err)
	}
	if st.Segments != wantSt.Segments || st.Translated != wantSt.Translated || st.Segments != 4 {
		t.Errorf("stats %+v, want the %d segments of a run without limit", st, wantSt.Segments)
	}
	if est.Segments != 4 || est.Misses != 4 || est.Requests != len(fp.requests()) {
		t.Errorf("plan %+v, want 4 segments, 4 misses and the %d requests the run sent", est, len(fp.requests()))
	}
	if len(got[0].Pairs) != len(want[0].Pairs) {
		t.Fatalf("%d pairs, want %d", len(got[0].Pairs), len(want[0].Pairs))
	}
	for i, p := range got[0].Pairs {
		w := want[0].Pairs[i]
		if p.Source == long {
			w.Target = joinedAnswer(long, smallCaps)
		}
		if p.Paragraph != w.Paragraph || p.Sentence != w.Sentence || p.Source != w.Source || p.Target != w.Target || p.TMHit || len(p.Findings) != 0 {
			t.Errorf("pair %d: %+v, want %+v", i, p, w)
		}
	}
	if got[0].Blocks[1].Text != want[0].Blocks[1].Text {
		t.Errorf("block 2 %q, want %q", got[0].Blocks[1].Text, want[0].Blocks[1].Text)
	}
	if g, w := got[0].Blocks[0].Text, strings.Replace(want[0].Blocks[0].Text, "EN("+long+")", joinedAnswer(long, smallCaps), 1); g != w {
		t.Errorf("block 1 %q, want %q", g, w)
	}
}

// TestOversizeWholeEntryStillUsed: a memory entry of the whole sentence (an older run's,
// before sentences were split) is used as before: nothing is sent.
func TestOversizeWholeEntryStillUsed(t *testing.T) {
	long := clauses(4)
	docs := []*segment.Document{doc("a", []string{long})}
	mem := &memMemory{}
	if _, _, err := collect(context.Background(), &Translator{Provider: &fakeProvider{}, Memory: mem}, docs); err != nil {
		t.Fatal(err)
	}
	fp := &fakeProvider{caps: smallCaps}
	res, st, err := collect(context.Background(), &Translator{Provider: providers.Wrap(fp, providers.WrapOptions{}), Memory: mem}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fp.requests()); n != 0 || st.TMHits != 1 || st.Segments != 1 {
		t.Errorf("%d requests, stats %+v; want the whole sentence from the memory", n, st)
	}
	if p := res[0].Pairs[0]; p.Target != "EN("+long+")" || !p.TMHit {
		t.Errorf("pair %+v, want the stored whole translation", p)
	}
}

// failPieces fails every request holding a segment with one of the marks.
type failPieces struct {
	*fakeProvider
	marks []string
}

func (f failPieces) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	for _, s := range req.Segments {
		for _, m := range f.marks {
			if strings.Contains(s.Text, m) {
				return nil, fmt.Errorf("refused: %s", m)
			}
		}
	}
	return f.fakeProvider.Translate(ctx, req)
}

// TestOversizeFailedPiecesOneFailure: two failed pieces of a sentence are one failed segment,
// whose pair has the error and whose block keeps the source; the other pieces are stored.
func TestOversizeFailedPiecesOneFailure(t *testing.T) {
	long := clauses(6)
	docs := []*segment.Document{doc("a", []string{"Der Kreml schweigt.", long})}
	fp := &fakeProvider{caps: smallCaps}
	mem := &memMemory{}
	res, st, err := collect(context.Background(), &Translator{Provider: providers.Wrap(failPieces{fp, []string{"Nummer 02", "Nummer 05"}}, providers.WrapOptions{}), Memory: mem}, docs)
	var fe *FailedError
	if !errors.As(err, &fe) || len(fe.Segments) != 1 || fe.Segments[0].Source != long || fe.Segments[0].Sentence != 2 {
		t.Fatalf("err = %v, want one failed segment: the long sentence", err)
	}
	if st.Segments != 2 || st.Failed != 1 || st.Translated != 2 {
		t.Errorf("stats %+v, want 2 segments, 1 failed", st)
	}
	p := res[0].Pairs[1]
	if p.Err == nil || p.Target != "" || p.Source != long {
		t.Errorf("pair %+v, want the failed sentence", p)
	}
	if b := res[0].Blocks[0].Text; !strings.HasSuffix(b, " "+long) {
		t.Errorf("block %q does not keep the failed sentence's source", b)
	}
	if n := mem.len(); n != 1+4 {
		t.Errorf("memory holds %d entries, want the short sentence and the 4 pieces answered", n)
	}
}

// TestOversizeKeepsCodePairs: a long tagged sentence is not cut inside a paired code, so the
// tag guard flags nothing and the codes come back whole.
func TestOversizeKeepsCodePairs(t *testing.T) {
	long := "<g1>" + clauses(2) + "</g1> und <x2/> " + clauses(3)
	docs := []*segment.Document{doc("a", []string{long})}
	fp := &fakeProvider{caps: smallCaps}
	res, _, err := collect(context.Background(), &Translator{Provider: GuardTags(providers.Wrap(fp, providers.WrapOptions{}))}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := suspects(res[0].Pairs); n != 0 {
		t.Errorf("%d answers flagged for broken tags", n)
	}
	p := res[0].Pairs[0]
	if p.Source != long || strings.Count(p.Target, "<g1>") != 1 || strings.Count(p.Target, "</g1>") != 1 || strings.Count(p.Target, "<x2/>") != 1 {
		t.Errorf("pair %+v, want each code once", p)
	}
	if n := len(sentSegments(fp)); n < 2 {
		t.Errorf("%d segments sent, want the sentence in pieces", n)
	}
}
