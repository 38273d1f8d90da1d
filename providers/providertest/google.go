package providertest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// NewGoogle starts a fake Google Cloud Translation server (v2 REST, and v3 translateText).
// Clients use Server.URL as the endpoint; the v2 path is /language/translate/v2.
func NewGoogle(t testing.TB, opt Options) *Server {
	return newServer(t, opt, (*Server).serveGoogle)
}

// v2Params are the parameters of a v2 translate call, wherever they came from.
type v2Params struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
	Model  string   `json:"model"`
}

// UnmarshalJSON accepts q as a string or a list, as the API does.
func (p *v2Params) UnmarshalJSON(b []byte) error {
	var raw struct {
		Q                             json.RawMessage `json:"q"`
		Source, Target, Format, Model string
		Data                          *v2Params `json:"data"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw.Data != nil {
		*p = *raw.Data
		return nil
	}
	p.Source, p.Target, p.Format, p.Model = raw.Source, raw.Target, raw.Format, raw.Model
	if len(raw.Q) == 0 {
		return nil
	}
	if raw.Q[0] == '"' {
		var one string
		if err := json.Unmarshal(raw.Q, &one); err != nil {
			return err
		}
		p.Q = []string{one}
		return nil
	}
	return json.Unmarshal(raw.Q, &p.Q)
}

func googleError(w http.ResponseWriter, status int, reason, grpcStatus, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
		"code": status, "message": msg, "status": grpcStatus,
		"errors": []any{map[string]any{"message": msg, "domain": "global", "reason": reason}},
	}})
}

// googleFaults are Google's own wordings of the injected faults.
var googleFaults = wireFaults{
	write: googleError,
	replies: map[Fault]faultReply{
		TooMany:      {429, "rateLimitExceeded", "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'v2 and v3 general model characters' and limit 'per minute per user'"},
		ServerError:  {500, "backendError", "INTERNAL", "Internal error encountered."},
		Unavailable:  {503, "backendError", "UNAVAILABLE", "The service is currently unavailable."},
		Unauthorized: {401, "authError", "UNAUTHENTICATED", "Request had invalid authentication credentials."},
		Forbidden:    {403, "forbidden", "PERMISSION_DENIED", "Cloud Translation API has not been used in project 0 before or it is disabled."},
		NotFound:     {404, "notFound", "NOT_FOUND", "Requested entity was not found."},
	},
	contentType: "application/json; charset=UTF-8",
	malformed:   `{"data": {"translations": [{"translatedText": "EN(`,
}

var (
	v3Path      = regexp.MustCompile(`/v3/(projects/[^/]+/locations/[^/:]+):translateText$`) // under any prefix, as v2's path is
	noTranslate = regexp.MustCompile(`(?s)<span translate="no">(.*?)</span>`)
)

func (s *Server) serveGoogle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	info := RequestInfo{APIKey: keyFrom(r)}
	var parseErr error
	switch {
	case strings.HasSuffix(r.URL.Path, "/language/translate/v2"):
		info.API = "google-v2"
		parseErr = parseV2(r, body, &info)
	case v3Path.MatchString(r.URL.Path) && r.Method == http.MethodPost:
		info.API = "google-v3"
		parseErr = parseV3(body, &info)
	default:
		googleError(w, 404, "notFound", "NOT_FOUND", "providertest: no such method "+r.Method+" "+r.URL.Path)
		return
	}
	for i := range info.Segments {
		for _, m := range noTranslate.FindAllStringSubmatch(info.Segments[i].Text, -1) {
			info.Terms = append(info.Terms, Term{Source: m[1], Target: m[1], DoNotTranslate: true})
		}
	}
	i, fault := s.admit(r, body, &info)
	status := s.answerGoogle(w, r, &info, fault, parseErr)
	s.setStatus(i, status)
}

func parseV2(r *http.Request, body []byte, info *RequestInfo) error {
	var p v2Params
	q := r.URL.Query()
	p.Q, p.Source, p.Target, p.Format, p.Model = q["q"], q.Get("source"), q.Get("target"), q.Get("format"), q.Get("model")
	if len(body) > 0 {
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
			f, err := url.ParseQuery(string(body))
			if err != nil {
				return err
			}
			p.Q = append(p.Q, f["q"]...)
			p.Source, p.Target, p.Format = first(f.Get("source"), p.Source), first(f.Get("target"), p.Target), first(f.Get("format"), p.Format)
		} else {
			var b v2Params
			if err := json.Unmarshal(body, &b); err != nil {
				return err
			}
			p.Q = append(p.Q, b.Q...)
			p.Source, p.Target, p.Format, p.Model = first(b.Source, p.Source), first(b.Target, p.Target), first(b.Format, p.Format), first(b.Model, p.Model)
		}
	}
	if p.Target == "" {
		return fmt.Errorf("Required Text: target")
	}
	if len(p.Q) == 0 {
		return fmt.Errorf("Required Text: q")
	}
	if len(p.Q) > 128 {
		return fmt.Errorf("Too many text segments")
	}
	if p.Format == "" {
		p.Format = "html" // the API's default, which surprises people
	}
	info.SourceLang, info.TargetLang, info.Format, info.Model = p.Source, p.Target, p.Format, p.Model
	for i, text := range p.Q {
		info.Segments = append(info.Segments, Segment{ID: strconv.Itoa(i), Text: text})
	}
	return nil
}

func parseV3(body []byte, info *RequestInfo) error {
	var p struct {
		Contents           []string `json:"contents"`
		MimeType           string   `json:"mimeType"`
		SourceLanguageCode string   `json:"sourceLanguageCode"`
		TargetLanguageCode string   `json:"targetLanguageCode"`
		Model              string   `json:"model"`
		GlossaryConfig     *struct {
			Glossary string `json:"glossary"`
		} `json:"glossaryConfig"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return err
	}
	if p.TargetLanguageCode == "" || len(p.Contents) == 0 {
		return fmt.Errorf("target language and contents are required")
	}
	info.SourceLang, info.TargetLang, info.Model = p.SourceLanguageCode, p.TargetLanguageCode, p.Model
	info.Format = "html"
	if p.MimeType == "text/plain" {
		info.Format = "text"
	}
	if p.GlossaryConfig != nil {
		info.Glossary = p.GlossaryConfig.Glossary
	}
	for i, text := range p.Contents {
		info.Segments = append(info.Segments, Segment{ID: strconv.Itoa(i), Text: text})
	}
	return nil
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (s *Server) answerGoogle(w http.ResponseWriter, r *http.Request, info *RequestInfo, fault Fault, parseErr error) int {
	if !s.wait(r.Context(), fault) {
		return 0
	}
	echo := ""
	if s.opt.EchoKey {
		echo = " key=" + s.echoed(info.APIKey)
	}
	if s.opt.APIKey != "" && info.APIKey != s.opt.APIKey {
		googleError(w, 400, "badRequest", "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key."+echo)
		return 400
	}
	if status, done := s.answerFault(w, r, fault, echo, googleFaults); done {
		return status
	}
	if parseErr != nil {
		googleError(w, 400, "invalid", "INVALID_ARGUMENT", parseErr.Error())
		return 400
	}
	var glossaryTerms []Term
	if info.Glossary != "" {
		terms, ok := s.opt.Glossaries[info.Glossary]
		if !ok {
			googleError(w, 404, "notFound", "NOT_FOUND", "Glossary not found: "+info.Glossary)
			return 404
		}
		glossaryTerms = terms
	}
	render := func(withGlossary bool) []map[string]any {
		req := *info
		if withGlossary {
			req.Terms = append(append([]Term(nil), req.Terms...), glossaryTerms...)
		} else {
			req.Glossary = ""
		}
		out := make([]map[string]any, 0, len(info.Segments))
		for _, sg := range info.Segments {
			if withGlossary && s.opt.Translate == nil {
				// The default glossary rendering: each glossary term replaced by its target.
				for _, t := range glossaryTerms {
					sg.Text = strings.ReplaceAll(sg.Text, t.Source, t.Target)
				}
			}
			out = append(out, map[string]any{"translatedText": s.translate(sg, req)})
		}
		switch fault {
		case MissingID:
			out = out[:len(out)-1]
		case ExtraID:
			out = append(out, map[string]any{"translatedText": "An answer nobody asked for."})
		case EmptyText:
			for i := range out {
				if info.Segments[i].Text != "" {
					out[i]["translatedText"] = ""
					break
				}
			}
		case WrongTypes:
			for i := range out {
				out[i]["translatedText"] = map[string]any{"text": out[i]["translatedText"]}
			}
		}
		return out
	}
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	if info.API == "google-v3" {
		resp := map[string]any{"translations": render(false)}
		if info.Glossary != "" {
			resp["glossaryTranslations"] = render(true)
		}
		json.NewEncoder(w).Encode(resp)
		return 200
	}
	json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"translations": render(false)}})
	return 200
}
