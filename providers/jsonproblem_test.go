package providers

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestJSONProblem decodes real answers of the wrong shape into the structs that read them and
// checks that the problem is said in JSON's words, never Go's.
func TestJSONProblem(t *testing.T) {
	type googleV2 struct {
		Data struct {
			Translations []struct {
				TranslatedText string `json:"translatedText"`
			} `json:"translations"`
		} `json:"data"`
	}
	type chat struct {
		Translations *[]struct {
			ID   json.RawMessage `json:"id"`
			Text *string         `json:"text"`
		} `json:"translations"`
	}
	tests := []struct {
		name, body string
		into       any
		want       string
	}{
		{"an object for a string", `{"data":{"translations":[{"translatedText":{"x":1}}]}}`, &googleV2{}, "data.translations.translatedText is an object, not a string"},
		{"a number for a string", `{"translations":[{"id":"1","text":42}]}`, &chat{}, "translations.text is a number, not a string"},
		{"a bare array", `["One.","Two."]`, &chat{}, "the answer is an array, not an object"},
		{"true for a list", `{"translations":true}`, &chat{}, "translations is true or false, not an array"},
		{"cut off", `{"translations":[{"id":"1","te`, &chat{}, "the JSON ends before it is complete"},
		{"not JSON", `Sure! Here you go.`, &chat{}, "not valid JSON at byte 1 (invalid character 'S' looking for beginning of value)"},
	}
	for _, tt := range tests {
		err := json.Unmarshal([]byte(tt.body), tt.into)
		if err == nil {
			t.Fatalf("%s: no error", tt.name)
		}
		got := JSONProblem(err)
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if strings.Contains(got, "Go ") || strings.Contains(got, "struct") {
			t.Errorf("%s: %q names Go's types", tt.name, got)
		}
	}
	proto := errors.New("proto:\u00a0(line 1:44): invalid value for string field translatedText: {")
	if got, want := JSONProblem(proto), "translatedText is not a string (it starts with {)"; got != want {
		t.Errorf("protojson: %q, want %q", got, want)
	}
	if got := JSONProblem(errors.New("something else")); got != "something else" {
		t.Errorf("another error: %q", got)
	}
}
