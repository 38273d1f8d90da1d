package openai

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"
	"sync/atomic"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/bitext/bitext/providers"
)

// Provider translates through one OpenAI-compatible chat model. It is safe for concurrent use.
type Provider struct {
	client *goopenai.Client
	s      settings
	// jsonMode is set once the server refused a JSON-schema response format; from then on
	// batches ask for plain JSON mode and rely on validation alone.
	jsonMode atomic.Bool
	// defaultTemperature is set once the model refused our temperature (reasoning models accept
	// only their default); from then on none is sent.
	defaultTemperature atomic.Bool
}

func newProvider(cfg providers.Config, s settings) *Provider {
	var cc goopenai.ClientConfig
	if s.azure {
		cc = goopenai.DefaultAzureConfig(s.key, s.baseURL)
		cc.APIVersion = s.apiVersion
		// The deployment is named exactly as the user wrote --model.
		cc.AzureModelMapperFunc = func(model string) string { return model }
	}
	var query url.Values
	if !s.azure {
		cc = goopenai.DefaultConfig(s.key)
		cc.BaseURL, query = splitQuery(s.baseURL)
	}
	// go-openai neither retries nor reads Retry-After: the resilient transport does both.
	hc := providers.NewHTTPClient(cfg)
	if t, ok := hc.Transport.(*providers.Transport); ok {
		t.Final = noQuota
	}
	// go-openai drops a zero temperature (omitempty), so the server would use its default of
	// 1; the hook writes the zero back into the body.
	hc.Transport = &zeroTemperature{base: hc.Transport}
	if query != nil {
		hc.Transport = &baseQuery{base: hc.Transport, query: query}
	}
	cc.HTTPClient = hc
	p := &Provider{client: goopenai.NewClientWithConfig(cc), s: s}
	p.jsonMode.Store(cfg.Options[OptJSONMode] == "true")
	return p
}

// Name is "openai".
func (p *Provider) Name() string { return "openai" }

// Model is the model (or Azure deployment) asked.
func (p *Provider) Model() string { return p.s.model }

// PromptVersion identifies the prompt, for translation-memory keys.
func (p *Provider) PromptVersion() string { return PromptVersion }

// Capabilities: batches of up to 80 segments, 12,000 characters and 6,000 input tokens (context
// included) — 50–80 news sentences, small enough that the answer (about as long as the
// input) stays far below the output limits of current models, large enough that the fixed
// prompt is a small share.
func (p *Provider) Capabilities() providers.Capabilities {
	return providers.Capabilities{
		MaxSegments:        80,
		MaxChars:           12000,
		MaxTokens:          6000,
		Context:            true,
		DefaultConcurrency: 4,
	}
}

// maxTries is how often a single segment is asked before the job fails.
const maxTries = 3

// Translate translates one batch. Every segment comes back exactly once, in request order, or
// the call fails with *providers.Error (or the context's error).
func (p *Provider) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	out, usage, err := providers.TranslateBatch(ctx, "openai", req.Segments, maxTries, p.s.key,
		func(ctx context.Context, segs []providers.Segment, counter *providers.Counter) ([]providers.Translation, providers.Usage, error) {
			return p.call(ctx, req, segs, counter)
		})
	// The usage of every request sent, failed or not; with a *providers.SegmentsFailedError,
	// the translations of the other segments too.
	return &providers.Response{Translations: out, Usage: usage}, err
}

// call sends one chat completion for segs and returns the translations as given.
func (p *Provider) call(ctx context.Context, req *providers.Request, segs []providers.Segment, counter *providers.Counter) ([]providers.Translation, providers.Usage, error) {
	system := systemPrompt(orDefault(req.SourceLang, "de"), orDefault(req.TargetLang, "en"), segs)
	user := userMessage(req, segs)
	var u providers.Usage // characters are counted by the transport, per request sent
	chars := 0
	for _, s := range segs {
		chars += len([]rune(s.Text))
	}
	ctx = providers.WithCost(ctx, providers.Cost{Chars: chars, Tokens: providers.EstimateTokens(system) + providers.EstimateTokens(user)})
	for {
		jsonMode := p.jsonMode.Load()
		creq := goopenai.ChatCompletionRequest{
			Model: p.s.model,
			Messages: []goopenai.ChatCompletionMessage{
				{Role: goopenai.ChatMessageRoleSystem, Content: system},
				{Role: goopenai.ChatMessageRoleUser, Content: user},
			},
		}
		callCtx := ctx
		if !p.defaultTemperature.Load() {
			creq.Temperature = p.s.temperature
			if p.s.temperature == 0 {
				callCtx = context.WithValue(ctx, zeroTemperatureKey{}, true)
			}
		}
		if jsonMode {
			creq.ResponseFormat = &goopenai.ChatCompletionResponseFormat{Type: goopenai.ChatCompletionResponseFormatTypeJSONObject}
		} else {
			creq.ResponseFormat = &goopenai.ChatCompletionResponseFormat{
				Type:       goopenai.ChatCompletionResponseFormatTypeJSONSchema,
				JSONSchema: &goopenai.ChatCompletionResponseFormatJSONSchema{Name: "translations", Schema: answerSchema, Strict: true},
			}
		}
		before := counter.Requests()
		resp, err := p.client.CreateChatCompletion(callCtx, creq)
		if err != nil {
			if ctx.Err() != nil {
				return nil, u, ctx.Err()
			}
			status, detail := errorStatus(err)
			if status == 400 && !jsonMode && rejectsSchema(detail) {
				// Older Ollama and llama.cpp: fall back to JSON mode, once for everyone.
				p.jsonMode.Store(true)
				continue
			}
			if status == 400 && !p.defaultTemperature.Load() && strings.Contains(strings.ToLower(detail), "temperature") {
				p.defaultTemperature.Store(true)
				continue
			}
			if status == 400 && errorCode(err) == codeContentFilter {
				// Azure's filter refused the prompt: about the segments of this batch, like a
				// refusal, so the batch is asked again in parts and only the segment at
				// fault fails (not "check --model and the language codes").
				return nil, u, &providers.InvalidAnswerError{Reason: "the provider's content filter refused the request (HTTP 400 content_filter)"}
			}
			if status == 0 && isDecodeError(err) {
				// A 200 whose body is not the JSON of a chat completion.
				return nil, u, &providers.InvalidAnswerError{Reason: "the response body is not a chat completion: " + providers.Scrub(providers.JSONProblem(err), p.s.key)}
			}
			return nil, u, p.failure(status, detail, err, counter.Requests()-before)
		}
		u.InputTokens += resp.Usage.PromptTokens
		u.OutputTokens += resp.Usage.CompletionTokens
		if len(resp.Choices) == 0 {
			return nil, u, &providers.InvalidAnswerError{Reason: "the answer has no choices"}
		}
		choice := resp.Choices[0]
		if choice.FinishReason == goopenai.FinishReasonLength {
			return nil, u, &providers.InvalidAnswerError{Reason: "the answer was cut off (finish_reason length)", CutOff: true}
		}
		if choice.FinishReason == goopenai.FinishReasonContentFilter {
			// The content filter withheld the answer (content null, or cut where it struck):
			// like a refusal, about the segments of this batch.
			return nil, u, &providers.InvalidAnswerError{Reason: "the provider's content filter withheld the answer (finish_reason content_filter)"}
		}
		content := messageText(choice.Message)
		if r := strings.TrimSpace(choice.Message.Refusal); r != "" && strings.TrimSpace(content) == "" {
			// The model declined (OpenAI's refusal field): say what it said, not that the
			// empty content is no JSON.
			if rs := []rune(r); len(rs) > 200 {
				r = string(rs[:200]) + "…"
			}
			return nil, u, &providers.InvalidAnswerError{Reason: "the model refused: " + providers.Scrub(r, p.s.key)}
		}
		ts, err := parseAnswer(content)
		return ts, u, err
	}
}

// messageText is the text of an answer's message: its content, or, from servers that send
// the content as a list of parts ([{"type":"text","text":"…"}]), the text parts joined.
func messageText(m goopenai.ChatCompletionMessage) string {
	if m.Content != "" || len(m.MultiContent) == 0 {
		return m.Content
	}
	var b strings.Builder
	for _, part := range m.MultiContent {
		if part.Type == goopenai.ChatMessagePartTypeText {
			b.WriteString(part.Text)
		}
	}
	return b.String()
}

// failure builds the *providers.Error for an HTTP or transport failure.
func (p *Provider) failure(status int, detail string, err error, attempts int) error {
	// Name where the key actually came from (an environment variable or the config file),
	// never the key: that is the one place the user has to look.
	hint := "the key from " + p.s.keySource
	if p.s.keySource == "" {
		hint = "OPENAI_API_KEY or api_key in the config file: no key was sent"
		if p.s.azure {
			hint = "AZURE_OPENAI_API_KEY or api_key in the config file: no key was sent"
		}
	}
	e := providers.NewError("openai", status, detail, err, hint, p.s.key)
	if status == 429 && errorCode(err) == codeNoQuota {
		// Not a rate limit: the message for 429 would have the user wait and lower --rate.
		e.Message = "the account has no quota left (insufficient_quota, not retried): add credit or raise the limit in the billing settings of platform.openai.com, or use another key"
	}
	e.CountAttempts(attempts)
	return e
}

// errorStatus digs the HTTP status and the server's message out of a go-openai error.
func errorStatus(err error) (int, string) {
	var apiErr *goopenai.APIError
	var reqErr *goopenai.RequestError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.HTTPStatusCode, apiErr.Message
	case errors.As(err, &reqErr):
		// The whole body: NewError scrubs secrets first and shortens second. Cutting here would
		// cut a key in half and leave its head where Scrub no longer recognises it.
		return reqErr.HTTPStatusCode, string(reqErr.Body)
	}
	return 0, ""
}

func rejectsSchema(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "json_schema") || strings.Contains(m, "response_format") || strings.Contains(m, "schema")
}

func isDecodeError(err error) bool {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return false // the transport failed, the body was never decoded
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	return errors.As(err, &syn) || errors.As(err, &typ) || errors.Is(err, io.ErrUnexpectedEOF) ||
		strings.Contains(err.Error(), "unexpected end of JSON input")
}
