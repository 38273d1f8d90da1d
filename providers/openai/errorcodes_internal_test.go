package openai

import (
	"encoding/json"
	"testing"

	goopenai "github.com/sashabaranov/go-openai"
)

// TestErrorCodeNull: an error whose "code" is null (OpenAI's 429 for an account without
// credit, as some servers send it) is known by its type; it read as a rate limit.
func TestErrorCodeNull(t *testing.T) {
	for _, body := range []string{
		`{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":null}}`,
		`{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`,
	} {
		var resp goopenai.ErrorResponse
		if err := json.Unmarshal([]byte(body), &resp); err != nil {
			t.Fatal(err)
		}
		resp.Error.HTTPStatusCode = 429
		if got := errorCode(resp.Error); got != codeNoQuota {
			t.Errorf("%s: errorCode = %q, want %q", body, got, codeNoQuota)
		}
		if !noQuota(429, []byte(body)) {
			t.Errorf("%s: noQuota = false", body)
		}
	}
}
