package openai_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
)

// TestChatterIsReasked is the reviewer's case through the real client and the JSON protocol:
// a local model answers one segment of a batch with "Here is the translation: …" inside the
// JSON. Wrap flags it, asks that segment again alone with feedback naming the preamble, and
// uses the bare answer; a model that chats again leaves the segment flagged as chatter, so
// the user is told and the chatter is not taken for a translation.
func TestChatterIsReasked(t *testing.T) {
	const chatty = "s2"
	src := []providers.Segment{
		{ID: "s1", Text: "Die Linie 4 fährt ab Montag wieder."},
		{ID: chatty, Text: "Die Straßenbahn fährt alle zehn Minuten."},
		{ID: "s3", Text: "Ersatzbusse verkehren nicht mehr."},
	}
	for _, stubborn := range []bool{false, true} {
		srv := providertest.NewOpenAI(t, providertest.Options{Translate: func(seg providertest.Segment, req providertest.RequestInfo) string {
			if seg.ID == chatty && (seg.Feedback == "" || stubborn) {
				return "Here is the translation: The tram runs every ten minutes."
			}
			if seg.ID == chatty {
				return "The tram runs every ten minutes."
			}
			return providertest.DefaultTranslation(seg, req)
		}})
		p := openWrapped(t, srv)
		resp, err := p.Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en", Segments: src})
		if err != nil {
			t.Fatal(err)
		}
		reqs := srv.Requests()
		if len(reqs) != 2 {
			t.Fatalf("stubborn=%v: %d requests, want the batch and one re-ask", stubborn, len(reqs))
		}
		if again := reqs[1].Info.Segments; len(again) != 1 || again[0].ID != chatty || !strings.Contains(again[0].Feedback, "no preamble") || !strings.Contains(again[0].Feedback, `"Here is the translation:"`) {
			t.Errorf("stubborn=%v: re-ask %+v, want %s alone with feedback naming the preamble", stubborn, again, chatty)
		}
		got := resp.Translations[1]
		st, _ := providers.StatsOf(p)
		if stubborn {
			if !strings.HasPrefix(got.Suspect, providers.SuspectChatter) || st.Suspects != 1 {
				t.Errorf("stubborn: %+v, stats %+v; want it flagged as chatter", got, st)
			}
		} else if got.Text != "The tram runs every ten minutes." || got.Suspect != "" || st.Suspects != 0 || st.Reasked != 1 {
			t.Errorf("cured: %+v, stats %+v", got, st)
		}
		for _, i := range []int{0, 2} {
			if tr := resp.Translations[i]; tr.Suspect != "" || tr.Text != "EN("+src[i].Text+")" {
				t.Errorf("stubborn=%v: segment %d %+v", stubborn, i, tr)
			}
		}
	}
}
