package openai_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
)

// filterSentences are from UD German GSD dev (providers/testdata/SOURCES.md); the filter of
// the test objects to the third.
var filterSentences = []string{
	"Die Frankfurter Rundschau machte mit dieser Nachricht die Ausgabe vom 13. November 1945 auf.",
	"Baumbestandene Straßen mit Kopfsteinpflaster und pastellfarbene Gipsfassaden aus dem 18. Jahrhundert machen das Boheme-Viertel interessant.",
	"Das Wissen um Elend und Not wirft plötzlich Schatten auf Gold und Himmelblau.",
	"4. Die gängige Auffassung, Wohlstand und Arbeitsplätze seien um so sicherer, je größer der Export sei, muß eingeschränkt werden.",
	"Blickfang ist der offene Küchenblock mitten im Restaurant, das in angenehmen Farben erstrahlt.",
	"Seit 1964 ist mein Mann rund 1 mal pro Jahr Gast in diesem Hotel.",
}

// TestContentFilter: the provider's content filter withholds the answer (finish_reason
// content_filter, content null) or, on Azure, refuses the request (400 content_filter) of
// every batch that holds one segment. Like a refusal, it costs that segment only: the batch is
// asked again in parts, the others are translated, and the failure names the content filter
// (before: "the answer is not the JSON asked for: EOF", and "check --model and the language
// codes" for Azure's 400).
func TestContentFilter(t *testing.T) {
	for _, fault := range []providertest.Fault{providertest.Filtered, providertest.FilteredAsk} {
		t.Run(string(fault), func(t *testing.T) {
			srv := providertest.NewOpenAI(t, providertest.Options{FaultIf: func(req providertest.RequestInfo) providertest.Fault {
				for _, s := range req.Segments {
					if strings.Contains(s.Text, "Elend und Not") {
						return fault
					}
				}
				return providertest.None
			}})
			p := mustOpen(t, config(srv))
			req := &providers.Request{SourceLang: "de", TargetLang: "en"}
			for i, s := range filterSentences {
				req.Segments = append(req.Segments, providers.Segment{ID: fmt.Sprint(i + 1), Text: s})
			}
			resp, err := p.Translate(context.Background(), req)
			if ids := providers.FailedIDs(err); len(ids) != 1 || ids[0] != "3" {
				t.Fatalf("err %v, want segment 3 failed alone", err)
			}
			if !strings.Contains(err.Error(), "content filter") {
				t.Errorf("message %q does not name the content filter", err)
			}
			for _, bad := range []string{"EOF", "--model"} {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("message %q says %q", err, bad)
				}
			}
			var pe *providers.Error
			if !errors.As(err, &pe) || resp == nil || len(resp.Translations) != len(filterSentences)-1 {
				t.Errorf("err %v, %d translations; want the other %d", err, len(resp.Translations), len(filterSentences)-1)
			}
		})
	}
}

// TestContentAsParts: some OpenAI-compatible servers send the message content as a list of
// parts, [{"type":"text","text":"…"}]; the text of the parts is the answer (before: "the
// answer is not the JSON asked for", every request).
func TestContentAsParts(t *testing.T) {
	srv := providertest.NewOpenAI(t, providertest.Options{ContentParts: true})
	p := mustOpen(t, config(srv))
	req := &providers.Request{SourceLang: "de", TargetLang: "en"}
	for i, s := range filterSentences {
		req.Segments = append(req.Segments, providers.Segment{ID: fmt.Sprint(i + 1), Text: s})
	}
	resp, err := p.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	for i, tr := range resp.Translations {
		if want := "EN(" + filterSentences[i] + ")"; tr.Text != want {
			t.Errorf("segment %s: %q, want %q", tr.ID, tr.Text, want)
		}
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}
