package google

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	translate3 "cloud.google.com/go/translate/apiv3"
	"cloud.google.com/go/translate/apiv3/translatepb"
	"github.com/googleapis/gax-go/v2/apierror"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"
	translate2 "google.golang.org/api/translate/v2"
	htransport "google.golang.org/api/transport/http"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
)

// Provider translates through Google Cloud Translation. It is safe for concurrent use.
type Provider struct {
	s  settings
	v2 *translate2.Service
	v3 *translate3.TranslationClient // set when a v3 glossary is used
}

// keyTransport sends the API key in the X-Goog-Api-Key header rather than the URL, so it
// cannot surface in the URL that net/http puts into transport errors.
type keyTransport struct {
	base http.RoundTripper
	key  string
}

func (t *keyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Goog-Api-Key", t.key)
	return t.base.RoundTrip(r)
}

func newProvider(cfg providers.Config, s settings) (*Provider, error) {
	ctx := context.Background()
	var rt http.RoundTripper = providers.NewTransport(cfg)
	if s.key != "" {
		rt = &keyTransport{base: rt, key: s.key}
	} else {
		// Application Default Credentials: the auth transport sits above the resilient one,
		// so every retry carries a fresh token.
		var err error
		rt, err = htransport.NewTransport(ctx, rt, option.WithScopes(translate2.CloudTranslationScope))
		if err != nil {
			return nil, fmt.Errorf("google: no credentials (set GOOGLE_API_KEY, or GOOGLE_APPLICATION_CREDENTIALS, or run gcloud auth application-default login): %v", err)
		}
	}
	opts := []option.ClientOption{option.WithHTTPClient(&http.Client{Transport: rt})}
	p := &Provider{s: s}
	if s.glossary != "" {
		if s.baseURL != "" {
			opts = append(opts, option.WithEndpoint(s.baseURL))
		}
		c, err := translate3.NewTranslationRESTClient(ctx, opts...)
		if err != nil {
			return nil, fmt.Errorf("google: v3 client: %v", err)
		}
		p.v3 = c
		return p, nil
	}
	if ep := s.v2Endpoint(); ep != "" {
		opts = append(opts, option.WithEndpoint(ep))
	}
	svc, err := translate2.NewService(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("google: v2 client: %v", err)
	}
	p.v2 = svc
	return p, nil
}

// Name is "google".
func (p *Provider) Name() string { return "google" }

// Model is the v2 model ("nmt" unless --model says "base"), or "glossary:G" with a v3 glossary
// (whose renderings differ from plain v2's, so translation memories must keep them apart).
func (p *Provider) Model() string {
	if p.s.glossary != "" {
		return p.s.model + "+glossary:" + p.s.glossary
	}
	return p.s.model
}

// PromptVersion changes when the request layout (term protection) changes.
func (p *Provider) PromptVersion() string { return "google-spans-1" }

// Capabilities: v2's limit of 128 segments per request, and 30,000 characters (the documented
// request size Google recommends staying under).
func (p *Provider) Capabilities() providers.Capabilities {
	return providers.Capabilities{
		MaxSegments:        128,
		MaxChars:           30000,
		NativeGlossary:     p.s.glossary != "",
		DefaultConcurrency: 4,
	}
}

// UsesFeedback is false: Google renders a text the same way whatever a repair round's feedback
// says (there is no instruction to carry it), so a repair round would pay for a byte-identical
// request. Callers skip it (providers.UsesFeedback).
func (p *Provider) UsesFeedback() bool { return false }

const maxTries = 3

// Translate translates one batch; translations come back by position, so a short answer is
// asked again whole (in halves), never matched up by guesswork.
func (p *Provider) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	var mu sync.Mutex
	alt := map[string]string{}
	out, usage, err := providers.TranslateBatch(ctx, "google", req.Segments, maxTries, p.s.key,
		func(ctx context.Context, segs []providers.Segment, counter *providers.Counter) ([]providers.Translation, providers.Usage, error) {
			ts, alts, _, err := p.call(ctx, req, segs, counter) // characters: counted by the transport
			mu.Lock()
			for i, a := range alts {
				alt[segs[i].ID] = a
			}
			mu.Unlock()
			return ts, providers.Usage{}, err
		})
	if err != nil && providers.FailedIDs(err) == nil {
		// The usage of every request sent, failed or not.
		return &providers.Response{Usage: usage}, err
	}
	if p.v3 != nil {
		for i := range out {
			out[i].WithoutGlossary = alt[out[i].ID]
		}
	}
	// With a *providers.SegmentsFailedError, the translations of the other segments.
	return &providers.Response{Translations: out, Usage: usage}, err
}

// call sends one request for segs. alts are v3's renderings without the glossary.
func (p *Provider) call(ctx context.Context, req *providers.Request, segs []providers.Segment, counter *providers.Counter) (ts []providers.Translation, alts []string, chars int, err error) {
	q := make([]string, len(segs))
	format := "text"
	tagged := make([]bool, len(segs))
	for i, s := range segs {
		chars += len([]rune(s.Text))
		tagged[i] = document.HasTags(s.Text)
		if h, ok := protect(s.Text, req.Terms, p.s.onlyDNT); ok || tagged[i] {
			// A term to protect, or a document's inline codes: both travel as HTML.
			q[i], format = h, "html"
		}
	}
	if format == "html" {
		// One format per request: escape the segments that had no term too.
		for i, s := range segs {
			if q[i] == "" {
				q[i], _ = protect(s.Text, nil, true)
			}
		}
	} else {
		for i, s := range segs {
			q[i] = s.Text
		}
	}
	ctx = providers.WithCost(ctx, providers.Cost{Chars: chars, Tokens: providers.EstimateTokens(strings.Join(q, ""))})
	src, tgt := req.SourceLang, req.TargetLang
	if tgt == "" {
		tgt = "en"
	}
	before := counter.Requests()
	var texts []string
	if p.v3 != nil {
		mime := "text/plain"
		if format == "html" {
			mime = "text/html"
		}
		resp, err := p.v3.TranslateText(ctx, &translatepb.TranslateTextRequest{
			Parent: p.s.parent, Contents: q, MimeType: mime, SourceLanguageCode: src, TargetLanguageCode: tgt,
			GlossaryConfig: &translatepb.TranslateTextGlossaryConfig{Glossary: p.s.glossary},
		})
		if err != nil {
			return nil, nil, chars, p.failure(ctx, err, counter.Requests()-before)
		}
		for _, t := range resp.GetGlossaryTranslations() {
			texts = append(texts, t.GetTranslatedText())
		}
		for _, t := range resp.GetTranslations() {
			alts = append(alts, finish(t.GetTranslatedText(), format, tagged[len(alts)%len(tagged)]))
		}
		if len(alts) != len(q) {
			alts = nil
		}
	} else {
		call := p.v2.Translations.Translate(&translate2.TranslateTextRequest{Q: q, Source: src, Target: tgt, Format: format, Model: p.s.model}).Context(ctx)
		resp, err := call.Do()
		if err != nil {
			return nil, nil, chars, p.failure(ctx, err, counter.Requests()-before)
		}
		for _, t := range resp.Translations {
			texts = append(texts, t.TranslatedText)
		}
	}
	if len(texts) != len(q) {
		return nil, nil, chars, &providers.InvalidAnswerError{Reason: fmt.Sprintf("%d translations for %d segments", len(texts), len(q))}
	}
	ts = make([]providers.Translation, len(segs))
	for i, s := range segs {
		ts[i] = providers.Translation{ID: s.ID, Text: finish(texts[i], format, tagged[i])}
	}
	return ts, alts, chars, nil
}

func finish(s, format string, tagged bool) string {
	switch {
	case format == "html" && tagged:
		return unprotectTagged(s)
	case format == "html":
		return unprotect(s)
	}
	return s
}

// failure turns a client-library error into *providers.Error, an *InvalidAnswerError for a
// body that is not JSON, or the context's error.
func (p *Provider) failure(ctx context.Context, err error, attempts int) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	// Name where the credentials actually came from, never the key itself.
	hint := "GOOGLE_API_KEY (or GOOGLE_APPLICATION_CREDENTIALS) and that the Cloud Translation API is enabled"
	if p.s.keySource != "" {
		hint = "the key from " + p.s.keySource + " and that the Cloud Translation API is enabled"
	} else if p.s.adcSource != "" {
		hint = "the credentials from " + p.s.adcSource + " and that the Cloud Translation API is enabled"
	}
	status, detail := 0, ""
	var gerr *googleapi.Error
	var aerr *apierror.APIError
	var urlErr *url.Error
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &gerr):
		status, detail = gerr.Code, gerr.Message
	case errors.As(err, &aerr):
		status, detail = aerr.HTTPCode(), aerr.Reason()
		if detail == "" {
			detail = aerr.Error()
		}
	case errors.As(err, &urlErr):
		// the transport gave up; no status
	case errors.As(err, &syn), errors.As(err, &typ), errors.Is(err, io.ErrUnexpectedEOF),
		strings.Contains(err.Error(), "unexpected end of JSON input"), strings.HasPrefix(err.Error(), "proto:"):
		// A 200 whose body is not Cloud Translation's JSON: broken off, or the right shape
		// with the wrong types (v2's JSON decoder, v3's protojson). An unusable answer, like
		// DeepL's and OpenAI's: asked again in halves, and the same failure in a row ends the
		// job as the server's (SplitRetry), rather than failing batch after batch as "the
		// network" while every request is billed.
		return &providers.InvalidAnswerError{Reason: "the response body is not Cloud Translation's JSON: " + providers.Scrub(providers.JSONProblem(err), p.s.key)}
	}
	var e *providers.Error
	if status == 400 && strings.Contains(strings.ToLower(detail), "api key") {
		// Google answers an invalid key with 400, not 401.
		e = providers.NewError("google", 401, detail, err, hint, p.s.key)
		e.Status = 400
	} else {
		e = providers.NewError("google", status, detail, err, hint, p.s.key)
	}
	e.CountAttempts(attempts)
	return e
}
