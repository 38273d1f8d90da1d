package openai_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
)

// newsSegments are eleven sentences of a German news article, as one batch.
var newsSegments = func() []providers.Segment {
	texts := []string{
		"Die Polizei ermittelt.",
		"Der NATO-Generalsekretär traf am 15. Dezember in Brüssel ein.",
		"Nach Angaben des Außenministeriums wurden 12 Diplomaten ausgewiesen.",
		"Die Inflation lag im November bei 2,5 Prozent.",
		"„Wir bleiben wachsam“, sagte er.",
		"Die Gespräche sollen am Montag fortgesetzt werden.",
		"Moskau wies die Vorwürfe zurück.",
		"Das Minsker Abkommen gilt seit 2015.",
		"Mehr als 300 Menschen nahmen an der Demonstration teil.",
		"Ein Sprecher der Regierung wollte sich nicht äußern.",
		"Die Entscheidung fällt im Januar.",
	}
	segs := make([]providers.Segment, len(texts))
	for i, t := range texts {
		segs[i] = providers.Segment{ID: fmt.Sprintf("p1.s%d", i+1), Text: t}
	}
	return segs
}()

// openWrapped opens the driver as the CLI does, through the registry and Wrap.
func openWrapped(t *testing.T, srv *providertest.Server) providers.Provider {
	t.Helper()
	p, err := providers.Open("openai", config(srv))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// sentChars is what the server received: the source characters of every request.
func sentChars(srv *providertest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		for _, s := range r.Info.Segments {
			n += utf8.RuneCountInString(s.Text)
		}
	}
	return n
}

// checkUsage asserts that usage counts every request the server saw and every character it
// received, whether the call failed or not.
func checkUsage(t *testing.T, srv *providertest.Server, resp *providers.Response) {
	t.Helper()
	if resp == nil {
		t.Fatalf("no usage: the server saw %d requests", srv.Count())
	}
	if resp.Usage.Requests != srv.Count() || resp.Usage.Characters != sentChars(srv) {
		t.Errorf("usage says %d requests, %d characters; the server saw %d, %d",
			resp.Usage.Requests, resp.Usage.Characters, srv.Count(), sentChars(srv))
	}
}

// TestCostOfBrokenAnswers counts the requests an 11-segment batch costs when every answer is
// broken the same way. Before, a missing ID threw the batch's other answers away, an extra ID
// discarded the whole answer, and an answer that was never usable was asked again in halves
// down to single segments, each three times: 43 requests for one batch, and as many again
// for every half the pipeline tried next.
func TestCostOfBrokenAnswers(t *testing.T) {
	tests := []struct {
		fault  providertest.Fault
		max    int  // requests at most
		gaveUp bool // the job ends: the failure does not depend on the segments
		failed []string
	}{
		{providertest.MissingID, 4, false, []string{"p1.s11"}}, // the batch, then the missing one alone 3 times
		{providertest.ExtraID, 1, false, nil},
		// The batch, its two halves, and two segments alone, which tell the server's failure
		// from two segments the model will not translate, one in each half.
		{providertest.Malformed, 5, true, nil},
		{providertest.NoIDs, 5, true, nil},
		{providertest.BadContent, 5, true, nil},
		{providertest.Refused, 5, true, nil},
		{providertest.Truncated, 14, true, nil}, // halving is the cure for a cut-off answer, until single segments are cut off too
	}
	for _, tt := range tests {
		t.Run(string(tt.fault), func(t *testing.T) {
			srv := providertest.NewOpenAI(t, providertest.Options{FaultIf: func(providertest.RequestInfo) providertest.Fault { return tt.fault }})
			p := openWrapped(t, srv)
			resp, err := p.Translate(context.Background(), &providers.Request{Segments: newsSegments, SourceLang: "de", TargetLang: "en"})
			t.Logf("%s: %d requests", tt.fault, srv.Count())
			if n := srv.Count(); n > tt.max {
				t.Errorf("%d requests, want at most %d", n, tt.max)
			}
			checkUsage(t, srv, resp)
			if st, _ := providers.StatsOf(p); st.Requests != int64(srv.Count()) || st.Characters != int64(sentChars(srv)) {
				t.Errorf("stats %+v; the server saw %d requests", st, srv.Count())
			}
			var gave *providers.GaveUpError
			switch {
			case tt.gaveUp:
				if !errors.As(err, &gave) || providers.FailedIDs(err) != nil {
					t.Fatalf("err %v, want a *GaveUpError for the whole batch", err)
				}
				var pe *providers.Error
				if !errors.As(err, &pe) {
					t.Errorf("err %T, want *providers.Error", err)
				}
			case tt.failed != nil:
				ids := providers.FailedIDs(err)
				if fmt.Sprint(ids) != fmt.Sprint(tt.failed) {
					t.Fatalf("failed %v (err %v), want %v", ids, err, tt.failed)
				}
				// The answers that validated are kept.
				if len(resp.Translations) != len(newsSegments)-len(ids) {
					t.Errorf("%d translations kept, want %d", len(resp.Translations), len(newsSegments)-len(ids))
				}
				for i, tr := range resp.Translations {
					if tr.ID != newsSegments[i].ID || tr.Text == "" {
						t.Errorf("translation %d: %+v", i, tr)
					}
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				if len(resp.Translations) != len(newsSegments) {
					t.Errorf("%d translations", len(resp.Translations))
				}
			}
		})
	}
}

// TestRefusalNamed: a segment the model declines (OpenAI's refusal field, content null) fails
// alone, named with what the model said, and the others are answered — two such segments in a
// batch too, which land in both halves as a broken server's failures do.
func TestRefusalNamed(t *testing.T) {
	bad := func(text string) bool { return text == newsSegments[1].Text || text == newsSegments[9].Text }
	srv := providertest.NewOpenAI(t, providertest.Options{FaultIf: func(info providertest.RequestInfo) providertest.Fault {
		for _, s := range info.Segments {
			if bad(s.Text) {
				return providertest.Refused
			}
		}
		return providertest.None
	}})
	p := openWrapped(t, srv)
	resp, err := p.Translate(context.Background(), &providers.Request{Segments: newsSegments, SourceLang: "de", TargetLang: "en"})
	want := []string{newsSegments[1].ID, newsSegments[9].ID}
	if ids := providers.FailedIDs(err); fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Fatalf("failed %v (err %v), want %v", ids, err, want)
	}
	if !strings.Contains(err.Error(), "the model refused: I'm sorry") {
		t.Errorf("err %v does not say what the model said", err)
	}
	if resp == nil || len(resp.Translations) != len(newsSegments)-2 {
		t.Fatalf("translations %+v", resp)
	}
}

// TestCostOfBrokenAnswersLargeJob: 400 segments whose every answer is malformed cost a few
// requests and a clear error, not thousands (2,461 before).
func TestCostOfBrokenAnswersLargeJob(t *testing.T) {
	srv := providertest.NewOpenAI(t, providertest.Options{FaultIf: func(providertest.RequestInfo) providertest.Fault { return providertest.Malformed }})
	p := openWrapped(t, srv)
	var segs []providers.Segment
	for i := range 400 {
		s := newsSegments[i%len(newsSegments)]
		segs = append(segs, providers.Segment{ID: fmt.Sprint(i), Text: s.Text})
	}
	resp, err := p.Translate(context.Background(), &providers.Request{Segments: segs, SourceLang: "de", TargetLang: "en"})
	var gave *providers.GaveUpError
	if !errors.As(err, &gave) {
		t.Fatalf("err %v, want *GaveUpError", err)
	}
	if n := srv.Count(); n > 5 {
		t.Errorf("%d requests, want at most 5", n)
	}
	checkUsage(t, srv, resp)
}

// TestUsageCountsEveryRequest: requests retried by the transport (a 500, a 429) and requests
// whose answer was unusable all count, with their characters, also when the call fails.
func TestUsageCountsEveryRequest(t *testing.T) {
	srv := providertest.NewOpenAI(t, providertest.Options{RetryAfter: "0", Faults: []providertest.Fault{
		providertest.ServerError, providertest.TooMany, providertest.Malformed, providertest.MissingID,
	}})
	p := openWrapped(t, srv)
	resp, err := p.Translate(context.Background(), &providers.Request{Segments: newsSegments, SourceLang: "de", TargetLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	checkUsage(t, srv, resp)

	srv = providertest.NewOpenAI(t, providertest.Options{FaultIf: func(providertest.RequestInfo) providertest.Fault { return providertest.ServerError }})
	cfg := config(srv)
	cfg.Retry.MaxAttempts = 3
	p, err = providers.Open("openai", cfg)
	if err != nil {
		t.Fatal(err)
	}
	resp, err = p.Translate(context.Background(), &providers.Request{Segments: newsSegments[:2], SourceLang: "de", TargetLang: "en"})
	if err == nil {
		t.Fatal("no error")
	}
	checkUsage(t, srv, resp)
	if srv.Count() != 3 {
		t.Errorf("%d requests, want 3", srv.Count())
	}
}

// TestRotatedBatchReaskedWhole: a batch whose answers are rotated by one (IDs in order, each
// text the next segment's) is asked again segment by segment, all of it: none of the answers
// that did not show the shift themselves is kept.
func TestRotatedBatchReaskedWhole(t *testing.T) {
	srv := providertest.NewOpenAI(t, providertest.Options{FaultIf: func(r providertest.RequestInfo) providertest.Fault {
		if len(r.Segments) > 1 {
			return providertest.Rotated
		}
		return providertest.None
	}})
	p := openWrapped(t, srv)
	resp, err := p.Translate(context.Background(), &providers.Request{Segments: newsSegments, SourceLang: "de", TargetLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	for i, tr := range resp.Translations {
		want := providertest.DefaultTranslation(providertest.Segment{ID: newsSegments[i].ID, Text: newsSegments[i].Text}, providertest.RequestInfo{TargetLang: "en"})
		if tr.Text != want || tr.Suspect != "" {
			t.Errorf("segment %s: %q (suspect %q), want %q", tr.ID, tr.Text, tr.Suspect, want)
		}
	}
	if n := srv.Count(); n != 1+len(newsSegments) {
		t.Errorf("%d requests, want the batch and each segment alone", n)
	}
	checkUsage(t, srv, resp)
}
