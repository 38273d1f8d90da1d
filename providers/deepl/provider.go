package deepl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
)

// Provider translates through DeepL. It is safe for concurrent use.
type Provider struct {
	hc *http.Client
	s  settings
}

func newProvider(cfg providers.Config, s settings) *Provider {
	return &Provider{hc: providers.NewHTTPClient(cfg), s: s}
}

// Name is "deepl".
func (p *Provider) Name() string { return "deepl" }

// Model is the model_type asked for, or "default".
func (p *Provider) Model() string { return p.s.model }

// MaxTexts is DeepL's limit of texts per request.
const MaxTexts = 50

// Capabilities: 50 texts per request (DeepL's limit) and 30,000 characters, well under the
// 128 KiB request limit even for text that is all umlauts and JSON escapes.
func (p *Provider) Capabilities() providers.Capabilities {
	return providers.Capabilities{
		MaxSegments:        MaxTexts,
		MaxChars:           30000,
		NativeGlossary:     p.s.glossary != "",
		Context:            true,
		OneNote:            true,
		DefaultConcurrency: 4,
	}
}

// UsesFeedback is false: DeepL has no instructions to carry it, so a repair round would pay for
// the identical request again.
func (p *Provider) UsesFeedback() bool { return false }

// Close releases idle connections.
func (p *Provider) Close() error {
	p.hc.CloseIdleConnections()
	return nil
}

const maxTries = 3

// Translate translates one batch: one request per note its segments carry (see groupByNote),
// each with its note as DeepL's context, and the translations back in batch order.
func (p *Provider) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	groups := groupByNote(req.Segments)
	if len(groups) <= 1 {
		note := ""
		if len(groups) == 1 {
			note = groups[0].note
		}
		return p.translate(ctx, req, note, req.Segments)
	}
	resp := &providers.Response{}
	got := make(map[string]providers.Translation, len(req.Segments))
	var failures []error
	for _, g := range groups {
		part, err := p.translate(ctx, req, g.note, g.segs)
		resp.Usage.Add(part.Usage)
		if err != nil && providers.FailedIDs(err) == nil {
			// A failure of the request, not of some segments (quota, key, cancellation): the
			// batch fails, with the usage of every request sent.
			return &providers.Response{Usage: resp.Usage}, err
		}
		for _, t := range part.Translations {
			got[t.ID] = t
		}
		if err != nil {
			failures = append(failures, err)
		}
	}
	for _, s := range req.Segments {
		if t, ok := got[s.ID]; ok {
			resp.Translations = append(resp.Translations, t)
		}
	}
	if len(failures) > 0 {
		return resp, joinFailures(req.Segments, failures)
	}
	return resp, nil
}

// translate sends segs, which share note, in as many requests as SplitRetry needs.
func (p *Provider) translate(ctx context.Context, req *providers.Request, note string, segs []providers.Segment) (*providers.Response, error) {
	out, usage, err := providers.TranslateBatch(ctx, "deepl", segs, maxTries, p.s.key,
		func(ctx context.Context, segs []providers.Segment, counter *providers.Counter) ([]providers.Translation, providers.Usage, error) {
			return p.call(ctx, req, note, segs, counter)
		})
	// The usage of every request sent, failed or not; with a *providers.SegmentsFailedError,
	// the translations of the other segments too.
	return &providers.Response{Translations: out, Usage: usage}, err
}

// translateRequest is the JSON body of /v2/translate.
type translateRequest struct {
	Text        []string `json:"text"`
	SourceLang  string   `json:"source_lang,omitempty"`
	TargetLang  string   `json:"target_lang"`
	Context     string   `json:"context,omitempty"`
	Formality   string   `json:"formality,omitempty"`
	ModelType   string   `json:"model_type,omitempty"`
	GlossaryID  string   `json:"glossary_id,omitempty"`
	TagHandling string   `json:"tag_handling,omitempty"`
	IgnoreTags  []string `json:"ignore_tags,omitempty"`
	// NonSplittingTags are elements that never split a sentence: a document's inline codes.
	NonSplittingTags []string `json:"non_splitting_tags,omitempty"`
}

type translateResponse struct {
	Translations []struct {
		DetectedSourceLanguage string `json:"detected_source_language"`
		Text                   string `json:"text"`
	} `json:"translations"`
}

// TargetLang maps a BCP-47 target to DeepL's code: English needs a variant (EN-US unless
// variant says EN-GB), Portuguese too; others are upper-cased.
func TargetLang(lang, variant string) string {
	l := strings.ToUpper(strings.ReplaceAll(lang, "_", "-"))
	switch l {
	case "", "EN":
		if variant != "" {
			return variant
		}
		return "EN-US"
	case "PT":
		return "PT-PT"
	}
	return l
}

// call sends one request for segs, which share note.
func (p *Provider) call(ctx context.Context, req *providers.Request, note string, segs []providers.Segment, counter *providers.Counter) ([]providers.Translation, providers.Usage, error) {
	var u providers.Usage
	body := translateRequest{
		SourceLang: strings.ToUpper(orDefault(req.SourceLang, "de")),
		TargetLang: TargetLang(req.TargetLang, p.s.target),
		Context:    requestContext(note, req.Context),
		GlossaryID: p.s.glossary,
		Formality:  p.s.formality,
	}
	if p.s.model != DefaultModel {
		body.ModelType = p.s.model
	}
	if body.GlossaryID != "" && strings.Contains(body.SourceLang, "-") {
		body.SourceLang = body.SourceLang[:strings.Index(body.SourceLang, "-")]
	}
	// Terms to keep as they are travel in <keep> tags, which DeepL leaves untranslated
	// (tag_handling xml with ignore_tags); then every text is XML and is unescaped after. A
	// document's tagged segment goes as XML too, its codes as elements (see encodeTagged).
	mode := p.s.tagHandling // markup the user's segments carry, sent as it is
	xml := mode != ""
	kept := false
	tagged := make([]bool, len(segs))
	var codes []string
	seen := map[string]bool{}
	body.Text = make([]string, len(segs))
	// Counted in Usage by the transport, per request sent: the texts only, as DeepL bills them;
	// the context (note and paragraph) is free.
	chars := 0
	for i, s := range segs {
		chars += len([]rune(s.Text))
		if document.HasTags(s.Text) {
			h, names, k := encodeTagged(s.Text, req.Terms, mode == "html")
			body.Text[i], tagged[i], xml, kept = h, true, true, kept || k
			for _, n := range names {
				if !seen[n] {
					seen[n] = true
					codes = append(codes, n)
				}
			}
			continue
		}
		if h, ok := protect(s.Text, req.Terms); ok {
			body.Text[i], xml, kept = h, true, true
		}
	}
	for i, s := range segs {
		switch {
		case tagged[i] || body.Text[i] != "":
		case xml && mode == "":
			body.Text[i] = escape(s.Text)
		default:
			body.Text[i] = s.Text
		}
	}
	switch {
	case xml && mode == "":
		body.TagHandling, body.IgnoreTags = "xml", []string{keepTag}
	case mode != "":
		body.TagHandling = mode
		if kept {
			body.IgnoreTags = []string{keepTag}
		}
	}
	if len(codes) > 0 && body.TagHandling == "xml" {
		// Inline codes never split a sentence (see encodeTagged).
		sort.Slice(codes, func(i, j int) bool { return codeLess(codes[i], codes[j]) })
		body.NonSplittingTags = codes
	}
	ctx = providers.WithCost(ctx, providers.Cost{Chars: chars, Tokens: providers.EstimateTokens(strings.Join(body.Text, ""))})
	before := counter.Requests()
	var resp translateResponse
	if err := p.do(ctx, http.MethodPost, "/v2/translate", body, &resp); err != nil {
		var inv *providers.InvalidAnswerError
		if errors.As(err, &inv) {
			return nil, u, err
		}
		return nil, u, p.failure(ctx, err, counter.Requests()-before)
	}
	if len(resp.Translations) != len(segs) {
		return nil, u, &providers.InvalidAnswerError{Reason: fmt.Sprintf("%d translations for %d texts", len(resp.Translations), len(segs))}
	}
	ts := make([]providers.Translation, len(segs))
	for i, s := range segs {
		t := resp.Translations[i].Text
		switch {
		case tagged[i]:
			t = decodeTagged(t)
		case body.TagHandling == "xml" && mode == "":
			t = unprotect(t)
		case len(body.IgnoreTags) > 0:
			t = unkeep(t)
		}
		ts[i] = providers.Translation{ID: s.ID, Text: t}
	}
	return ts, u, nil
}

// contextText is the paragraph sent as context: a document's tagged paragraph as its words
// only, since the context is a hint in plain text that DeepL neither translates nor parses for
// markup, and codes and entities in it would read as words.
func contextText(s string) string {
	if document.HasTags(s) {
		return document.Plain(s)
	}
	return s
}

// codeLess orders code element names by number ("g2" before "x10"), then by letter.
func codeLess(a, b string) bool {
	na, _ := strconv.Atoi(a[1:])
	nb, _ := strconv.Atoi(b[1:])
	if na != nb {
		return na < nb
	}
	return a < b
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// statusError is a non-2xx answer with DeepL's message.
type statusError struct {
	status  int
	message string
}

// Error is the server's message: the *providers.Error it ends up in says the status already
// ("deepl: HTTP 404: not found: …: HTTP 404: " said it twice, and an empty body as nothing).
func (e *statusError) Error() string {
	if strings.TrimSpace(e.message) == "" {
		return "the answer gave no reason"
	}
	return e.message
}

// do sends one API call with the key in the Authorization header and decodes a JSON answer into
// out (nil: none expected).
func (p *Provider) do(ctx context.Context, method, path string, in, out any) error {
	var rd io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	r, err := http.NewRequestWithContext(ctx, method, p.s.baseURL+path, rd)
	if err != nil {
		return errors.New(providers.Scrub(err.Error(), p.s.key))
	}
	r.Header.Set("Authorization", "DeepL-Auth-Key "+p.s.key)
	r.Header.Set("User-Agent", "bitext")
	if in != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	resp, err := p.hc.Do(r)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	// The transport has bounded the body already; the ceiling here keeps that true should
	// the client ever be built without it.
	data, err := providers.ReadBody(resp.Body, providers.MaxResponseBytes)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		var e struct {
			Message string `json:"message"`
			Detail  string `json:"detail"`
		}
		msg := string(data)
		if json.Unmarshal(data, &e) == nil && e.Message != "" {
			msg = e.Message
			if e.Detail != "" {
				msg += ": " + e.Detail
			}
		}
		return &statusError{status: resp.StatusCode, message: msg}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return &providers.InvalidAnswerError{Reason: "the response body is not DeepL's JSON: " + providers.Scrub(providers.JSONProblem(err), p.s.key)}
	}
	return nil
}

// failure turns an error of do into *providers.Error, or the context's error.
func (p *Provider) failure(ctx context.Context, err error, attempts int) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	hint := "the key from " + p.s.keySource + " (" + p.s.plan() + ")"
	status, detail := 0, ""
	var se *statusError
	if errors.As(err, &se) {
		status, detail = se.status, se.message
	}
	e := providers.NewError("deepl", status, detail, err, hint, p.s.key)
	switch status {
	case 456:
		e.Message = "the character quota of the DeepL account is used up (not retried): see bitext providers for the usage, wait for the next billing period or upgrade the plan"
	case 403:
		e.Message = "the key was refused (not retried): check " + hint + "; Free keys end in :fx and work only on api-free.deepl.com"
	case 429:
		e.Message = "too many requests even after retrying: lower --rate or --concurrency"
	case 413, 414:
		e.Message = "the request is too large for DeepL: shorten the segment"
	case 404:
		if strings.TrimSpace(detail) == "" {
			// DeepL has no models to choose, and its server may come from DEEPL_SERVER_URL.
			e.Message = "not found: check the server's address (--base-url, or " + EnvServerURL + ")"
		} else {
			e.Message = "not found" // the server says what ("Glossary not found": the glossary id)
		}
	}
	e.CountAttempts(attempts)
	return e
}

// Quota reads /v2/usage.
func (p *Provider) Quota(ctx context.Context) (providers.Quota, error) {
	var u struct {
		CharacterCount int64 `json:"character_count"`
		CharacterLimit int64 `json:"character_limit"`
	}
	if err := p.do(ctx, http.MethodGet, "/v2/usage", nil, &u); err != nil {
		return providers.Quota{}, p.failure(ctx, err, 1)
	}
	return providers.Quota{CharactersUsed: u.CharacterCount, CharactersLimit: u.CharacterLimit}, nil
}
