package providertest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	gtranslate "cloud.google.com/go/translate"
	"golang.org/x/text/language"
	"google.golang.org/api/option"
)

// keyQuery adds ?key= as google.golang.org/api does for API keys (WithHTTPClient bypasses it).
type keyQuery struct{ key string }

func (k keyQuery) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	q := r.URL.Query()
	q.Set("key", k.key)
	r.URL.RawQuery = q.Encode()
	return http.DefaultTransport.RoundTrip(r)
}

// TestGoogleGETClient: the fake also speaks the GET form that cloud.google.com/go/translate
// sends, with the key in the query string.
func TestGoogleGETClient(t *testing.T) {
	srv := NewGoogle(t, Options{APIKey: "k-123456"})
	ctx := context.Background()
	newClient := func(key string) *gtranslate.Client {
		c, err := gtranslate.NewClient(ctx, option.WithEndpoint(srv.URL+"/language/translate/"), option.WithHTTPClient(&http.Client{Transport: keyQuery{key}}))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	got, err := newClient("k-123456").Translate(ctx, []string{"Hallo.", "Welt."}, language.English, &gtranslate.Options{Source: language.German, Format: gtranslate.Text})
	if err != nil || len(got) != 2 || got[1].Text != "EN(Welt.)" {
		t.Fatalf("%v %v", got, err)
	}
	if r := srv.Requests()[0]; r.Method != "GET" || r.Info.SourceLang != "de" || r.Info.Format != "text" {
		t.Errorf("request %+v", r)
	}
	_, err = newClient("wrong-key").Translate(ctx, []string{"x"}, language.English, nil)
	if err == nil || !strings.Contains(err.Error(), "API key not valid") {
		t.Fatalf("a wrong key: %v", err)
	}
}

func TestGoogleBodies(t *testing.T) {
	srv := NewGoogle(t, Options{})
	tests := []struct{ ctype, body string }{
		{"application/json", `{"q":["Eins."],"target":"en","format":"text"}`},
		{"application/json", `{"data": {"q":["Eins."],"target":"en","format":"text"}}`},
		{"application/json", `{"q":"Eins.","target":"en","format":"text"}`},
		{"application/x-www-form-urlencoded", `q=Eins.&target=en&format=text`},
	}
	for _, tt := range tests {
		resp, err := http.Post(srv.URL+"/language/translate/v2", tt.ctype, strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Data struct {
				Translations []struct{ TranslatedText string }
			}
		}
		json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if len(body.Data.Translations) != 1 || body.Data.Translations[0].TranslatedText != "EN(Eins.)" {
			t.Errorf("%s %s: %d %+v", tt.ctype, tt.body, resp.StatusCode, body)
		}
	}
	if n := len(srv.Requests()); n != len(tests) {
		t.Errorf("recorded %d requests", n)
	}
}

func TestRateLimitAnswers429(t *testing.T) {
	srv := NewOpenAI(t, Options{RateLimit: 1, RateBurst: 1, RetryAfter: "7"})
	body := `{"model":"m","messages":[{"role":"user","content":"{\"segments\":[{\"id\":\"1\",\"text\":\"a\"}]}"}]}`
	var codes []int
	for range 2 {
		resp, err := http.Post(srv.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") != "7" {
			t.Errorf("Retry-After %q", resp.Header.Get("Retry-After"))
		}
	}
	if codes[0] != 200 || codes[1] != 429 {
		t.Errorf("codes %v, want 200 then 429", codes)
	}
}

func TestDefaultTranslation(t *testing.T) {
	tests := []struct {
		seg  Segment
		req  RequestInfo
		want string
	}{
		{Segment{Text: "Hallo."}, RequestInfo{TargetLang: "en"}, "EN(Hallo.)"},
		{Segment{Text: "Hallo."}, RequestInfo{}, "EN(Hallo.)"},
		{Segment{Text: "It's"}, RequestInfo{TargetLang: "fr", Format: "html"}, "FR(It&#39;s)"},
		{Segment{Text: ""}, RequestInfo{TargetLang: "en"}, ""},
	}
	for _, tt := range tests {
		if got := DefaultTranslation(tt.seg, tt.req); got != tt.want {
			t.Errorf("DefaultTranslation(%q, %+v) = %q, want %q", tt.seg.Text, tt.req, got, tt.want)
		}
	}
}

func TestParseGlossaryItem(t *testing.T) {
	tests := []struct {
		in   string
		want Term
		ok   bool
	}{
		{`{"de":"Außenministerium","en":"State Department"}`, Term{Source: "Außenministerium", Target: "State Department"}, true},
		{`{"en":"x","de":"y"}`, Term{Source: "x", Target: "y"}, true}, // order, not names, decides
		{`{"de":"NATO","en":"NATO","do_not_translate":true}`, Term{Source: "NATO", Target: "NATO", DoNotTranslate: true}, true},
		{`{"de":"x"}`, Term{}, false},
		{`[1]`, Term{}, false},
	}
	for _, tt := range tests {
		got, err := parseGlossaryItem(json.RawMessage(tt.in))
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseGlossaryItem(%s) = %+v, %v", tt.in, got, err)
		}
	}
}

func FuzzParseGlossaryItem(f *testing.F) {
	f.Add(`{"de":"a","en":"b","do_not_translate":true}`)
	f.Add(`{"a":1,"b":"x","c":"y"}`)
	f.Fuzz(func(t *testing.T, s string) {
		term, err := parseGlossaryItem(json.RawMessage(s))
		if err == nil && !json.Valid([]byte(s)) && term.Source == "" && term.Target == "" {
			t.Fatalf("accepted %q without terms", s)
		}
	})
}

func FuzzV2Params(f *testing.F) {
	f.Add(`{"q":["a","b"],"target":"en"}`)
	f.Add(`{"data":{"q":"a","target":"en"}}`)
	f.Fuzz(func(t *testing.T, s string) {
		var p v2Params
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			return
		}
		for _, q := range p.Q {
			_ = q
		}
	})
}

func TestGlossaryAfterFeedback(t *testing.T) {
	req := RequestInfo{TargetLang: "en", Terms: []Term{{Source: "Außenministerium", Target: "State Department"}}}
	seg := Segment{ID: "1", Text: "Das AUßENMINISTERIUM sagte."}
	if got := GlossaryAfterFeedback(seg, req); got != "EN(Das AUßENMINISTERIUM sagte.)" {
		t.Errorf("first answer %q", got)
	}
	seg.Feedback = "use State Department"
	if got := GlossaryAfterFeedback(seg, req); got != "EN(Das State Department sagte.)" {
		t.Errorf("after feedback %q", got)
	}
	seg.Feedback = ""
	req.Feedback = map[string]string{"1": "use State Department"}
	if got := GlossaryAfterFeedback(seg, req); got != "EN(Das State Department sagte.)" {
		t.Errorf("after request feedback %q", got)
	}
}
