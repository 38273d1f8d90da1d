package providers_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
)

// request8 is the eight sentences of cooldownSentences as one batch.
func request8() *providers.Request {
	req := &providers.Request{SourceLang: "de", TargetLang: "en"}
	for i, s := range cooldownSentences {
		req.Segments = append(req.Segments, providers.Segment{ID: fmt.Sprint(i + 1), Text: s})
	}
	return req
}

// TestWrongTypesAreUnusableAnswers: an answer of the right shape with the wrong types (Google:
// translatedText an object; the others: a number) is an unusable answer for every driver.
// Google's was a failure of "the network" that the job re-split batch after batch, each
// request billed (the reviewer counted ten times the characters); now, as with DeepL and
// OpenAI, the same failure in a row ends the job after a few requests, in JSON's words.
func TestWrongTypesAreUnusableAnswers(t *testing.T) {
	always := func(providertest.RequestInfo) providertest.Fault { return providertest.WrongTypes }
	for _, d := range testDrivers() {
		t.Run(d.name, func(t *testing.T) {
			srv := d.fake(t, providertest.Options{FaultIf: always})
			p, err := providers.Open(d.driver, d.config(srv.URL))
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.Translate(context.Background(), request8())
			var gave *providers.GaveUpError
			var invalid *providers.InvalidAnswerError
			if !errors.As(err, &gave) || !errors.As(err, &invalid) {
				t.Fatalf("err %v, want the unusable answers' *GaveUpError", err)
			}
			if n := srv.Count(); n > 5 {
				t.Errorf("%d requests, want at most 5", n)
			}
			for _, bad := range []string{"network", "Go struct", "Go value", "unmarshal"} {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("message %q says %q", err, bad)
				}
			}
			if !strings.Contains(err.Error(), "is not a string") && !strings.Contains(err.Error(), ", not a string") {
				t.Errorf("message %q does not say that the text is not a string", err)
			}
		})
	}
}

// TestWrongTypesOnceAreAskedAgain: one such answer is asked again, and the job goes on.
func TestWrongTypesOnceAreAskedAgain(t *testing.T) {
	for _, d := range testDrivers() {
		t.Run(d.name, func(t *testing.T) {
			srv := d.fake(t, providertest.Options{Faults: []providertest.Fault{providertest.WrongTypes}})
			p, err := providers.Open(d.driver, d.config(srv.URL))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := p.Translate(context.Background(), request8())
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Translations) != len(cooldownSentences) || srv.Count() < 2 {
				t.Errorf("%d translations after %d requests", len(resp.Translations), srv.Count())
			}
		})
	}
}

// TestBareArrayAnswer: a chat model that answers a bare JSON list of texts (no IDs) is told so
// in a user's words; before, the message quoted Go's struct types.
func TestBareArrayAnswer(t *testing.T) {
	srv := providertest.NewOpenAI(t, providertest.Options{FaultIf: func(providertest.RequestInfo) providertest.Fault { return providertest.NoIDs }})
	p, err := providers.Open("openai", testDrivers()[0].config(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Translate(context.Background(), request8())
	if err == nil || !strings.Contains(err.Error(), `the answer is a JSON array, not the object {"translations":[{"id":…,"text":…}]} asked for`) || strings.Contains(err.Error(), "Go ") {
		t.Errorf("err %v", err)
	}
}

// TestBadGzipIsRetried: a 200 labelled gzip whose body is not gzip ("gzip: invalid header") is a
// transient fault like a gzip body cut short, retried; before, it ended the job at the first try.
func TestBadGzipIsRetried(t *testing.T) {
	for _, d := range testDrivers() {
		t.Run(d.name, func(t *testing.T) {
			srv := d.fake(t, providertest.Options{Faults: []providertest.Fault{providertest.BadGzip}})
			p, err := providers.Open(d.driver, d.config(srv.URL))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := p.Translate(context.Background(), request8())
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Translations) != len(cooldownSentences) || srv.Count() != 2 || resp.Usage.Retries != 1 {
				t.Errorf("%d translations after %d requests (usage %+v), want all after 2", len(resp.Translations), srv.Count(), resp.Usage)
			}
		})
	}
}
