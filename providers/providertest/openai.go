package providertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// NewOpenAI starts a fake OpenAI chat-completions server. Clients use Server.URL + "/v1" as
// their base URL; Azure-style paths (/openai/deployments/D/chat/completions) work too.
func NewOpenAI(t testing.TB, opt Options) *Server {
	return newServer(t, opt, (*Server).serveOpenAI)
}

type chatRequest struct {
	Model          string `json:"model"`
	Messages       []struct{ Role, Content string }
	ResponseFormat *struct {
		Type       string          `json:"type"`
		JSONSchema json.RawMessage `json:"json_schema"`
	} `json:"response_format"`
	Temperature *float64 `json:"temperature"`
}

type userMessage struct {
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
	Segments   []struct {
		ID       string `json:"id"`
		Text     string `json:"text"`
		Feedback string `json:"feedback"`
	} `json:"segments"`
	Glossary []json.RawMessage `json:"glossary"`
	Context  string            `json:"context"`
}

type translationItem struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func openAIError(w http.ResponseWriter, status int, typ, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	body := map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": code}}
	json.NewEncoder(w).Encode(body)
}

// openAIFaults are OpenAI's own wordings of the injected faults.
var openAIFaults = wireFaults{
	write: openAIError,
	replies: map[Fault]faultReply{
		TooMany:      {429, "requests", "rate_limit_exceeded", "Rate limit reached for requests"},
		ServerError:  {500, "server_error", "", "The server had an error while processing your request"},
		Unavailable:  {503, "server_error", "", "The engine is currently overloaded"},
		Unauthorized: {401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided"},
		Forbidden:    {403, "insufficient_quota", "insufficient_quota", "You exceeded your current quota"},
		NotFound:     {404, "invalid_request_error", "model_not_found", "The model does not exist or you do not have access to it"},
		FilteredAsk:  {400, "", "content_filter", "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry."},
		NoQuota:      {429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors."},
	},
	contentType: "application/json",
	malformed:   `{"id":"chatcmpl-x","choices":[{"index":0,"message":{"role":"assistant","content":"{\"transl`,
}

func (s *Server) serveOpenAI(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		openAIError(w, http.StatusNotFound, "invalid_request_error", "unknown_url", "Unknown request URL: "+r.Method+" "+r.URL.Path)
		return
	}
	info := RequestInfo{API: "openai", APIKey: keyFrom(r)}
	var req chatRequest
	parseErr := json.Unmarshal(body, &req)
	var um userMessage
	if parseErr == nil {
		info.Model = req.Model
		if req.ResponseFormat != nil {
			info.Format = req.ResponseFormat.Type
		}
		parseErr = fmt.Errorf("no user message")
		for i := len(req.Messages) - 1; i >= 0; i-- {
			if req.Messages[i].Role == "user" {
				parseErr = json.Unmarshal([]byte(req.Messages[i].Content), &um)
				break
			}
		}
	}
	if parseErr == nil {
		info.SourceLang, info.TargetLang, info.Context = um.SourceLang, um.TargetLang, um.Context
		if info.TargetLang == "" {
			info.TargetLang = "en"
		}
		for _, sg := range um.Segments {
			info.Segments = append(info.Segments, Segment{ID: sg.ID, Text: sg.Text, Feedback: sg.Feedback})
			if sg.Feedback != "" {
				if info.Feedback == nil {
					info.Feedback = map[string]string{}
				}
				info.Feedback[sg.ID] = sg.Feedback
			}
		}
		for _, g := range um.Glossary {
			if term, err := parseGlossaryItem(g); err == nil {
				info.Terms = append(info.Terms, term)
			}
		}
	}
	i, fault := s.admit(r, body, &info)
	status := s.answerOpenAI(w, r, &info, fault, parseErr, req.Temperature)
	s.setStatus(i, status)
}

func (s *Server) answerOpenAI(w http.ResponseWriter, r *http.Request, info *RequestInfo, fault Fault, parseErr error, temperature *float64) int {
	if !s.wait(r.Context(), fault) {
		return 0
	}
	echo := ""
	if s.opt.EchoKey {
		echo = " (you sent " + s.echoed(info.APIKey) + ")"
	}
	if s.opt.APIKey != "" && info.APIKey != s.opt.APIKey {
		openAIError(w, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: "+info.APIKey+". You can find your API key at https://platform.openai.com/account/api-keys.")
		return 401
	}
	if status, done := s.answerFault(w, r, fault, echo, openAIFaults); done {
		return status
	}
	if parseErr != nil {
		openAIError(w, 400, "invalid_request_error", "", "providertest: the user message is not the bitext JSON: "+parseErr.Error())
		return 400
	}
	if s.opt.RejectTemperature && temperature != nil && *temperature != 1 {
		openAIError(w, 400, "invalid_request_error", "unsupported_value", fmt.Sprintf("Unsupported value: 'temperature' does not support %v with this model. Only the default (1) value is supported.", *temperature))
		return 400
	}
	if info.Format == "json_schema" && s.opt.RejectJSONSchema {
		openAIError(w, 400, "invalid_request_error", "", "invalid response_format: json_schema is not supported, use json_object")
		return 400
	}

	items := make([]translationItem, 0, len(info.Segments)+1)
	for _, sg := range info.Segments {
		items = append(items, translationItem{ID: sg.ID, Text: s.translate(sg, *info)})
	}
	finish := "stop"
	switch fault {
	case MissingID:
		if len(items) > 0 {
			items = items[:len(items)-1]
		}
	case DuplicateID:
		if len(items) > 1 {
			items[len(items)-1] = items[0]
		}
	case ExtraID:
		items = append(items, translationItem{ID: "extra-" + fmt.Sprint(info.N), Text: "An answer nobody asked for."})
	case Rotated:
		if len(items) > 1 {
			first := items[0].Text
			for i := 0; i+1 < len(items); i++ {
				items[i].Text = items[i+1].Text
			}
			items[len(items)-1].Text = first
		}
	case EmptyText:
		for i := range items {
			if info.Segments[i].Text != "" {
				items[i].Text = ""
				break
			}
		}
	}
	content, _ := json.Marshal(map[string]any{"translations": items})
	if fault == WrongTypes {
		wrong := make([]map[string]any, len(items))
		for i, it := range items {
			wrong[i] = map[string]any{"id": it.ID, "text": i + 1}
		}
		content, _ = json.Marshal(map[string]any{"translations": wrong})
	}
	if fault == NoIDs {
		texts := make([]string, len(items))
		for i, it := range items {
			texts[i] = it.Text
		}
		content, _ = json.Marshal(texts)
	}
	switch fault {
	case Truncated:
		content = content[:len(content)/2]
		finish = "length"
	case BadContent:
		content = []byte("Sure! Here are the translations you asked for:\n1. " + info.Segments[0].Text)
	}
	if s.opt.Reasoning != nil {
		content = append([]byte(s.opt.Reasoning(*info, string(content))), content...)
	}
	if info.Format == "" || info.Format == "text" {
		// Without a response format, models like to wrap JSON in a Markdown fence.
		content = append(append([]byte("```json\n"), content...), "\n```"...)
	}
	inTokens, outTokens := 0, len(content)/4+1
	for _, sg := range info.Segments {
		inTokens += len(sg.Text)/4 + 3
	}
	message := map[string]any{"role": "assistant", "content": string(content)}
	if s.opt.ContentParts {
		message["content"] = []any{map[string]any{"type": "text", "text": string(content)}}
	}
	if fault == Filtered {
		message, finish = map[string]any{"role": "assistant", "content": nil}, "content_filter"
	}
	if fault == Refused {
		message = map[string]any{"role": "assistant", "content": nil, "refusal": "I'm sorry, I can't help with that request."}
	}
	resp := map[string]any{
		"id": fmt.Sprintf("chatcmpl-fake-%d", info.N), "object": "chat.completion",
		"created": time.Now().Unix(), "model": info.Model,
		"choices": []any{map[string]any{
			"index": 0, "finish_reason": finish,
			"message": message,
		}},
		"usage": map[string]any{"prompt_tokens": inTokens + 60, "completion_tokens": outTokens, "total_tokens": inTokens + 60 + outTokens},
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
	return 200
}

// parseGlossaryItem reads {"<src>":"…","<tgt>":"…","do_not_translate":true} keeping key order:
// the first string member is the source term, the second the target.
func parseGlossaryItem(raw json.RawMessage) (Term, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return Term{}, fmt.Errorf("glossary item is not an object")
	}
	var t Term
	strs := 0
	for dec.More() {
		keyTok, err := dec.Token()
		if err != nil {
			return Term{}, err
		}
		key, _ := keyTok.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return Term{}, err
		}
		switch val := v.(type) {
		case bool:
			if key == "do_not_translate" {
				t.DoNotTranslate = val
			}
		case string:
			switch strs {
			case 0:
				t.Source = val
			case 1:
				t.Target = val
			}
			strs++
		}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return Term{}, fmt.Errorf("glossary item is not a complete object")
	}
	if strs < 2 || t.Source == "" {
		return Term{}, fmt.Errorf("glossary item needs a source and a target")
	}
	return t, nil
}
