package openai

import (
	"encoding/json"
	"errors"
	"fmt"

	goopenai "github.com/sashabaranov/go-openai"
)

// codeNoQuota is the error code of OpenAI's 429 for an account without credit: "You exceeded
// your current quota, please check your plan and billing details." Unlike a rate limit, no
// wait cures it, so it is not retried (as DeepL's 456 is not).
const codeNoQuota = "insufficient_quota"

// codeContentFilter is the error code of Azure OpenAI's 400 for a prompt its content filter
// refused.
const codeContentFilter = "content_filter"

// noQuota reports whether a response, given its status and body, is the 429 of codeNoQuota;
// the resilient transport returns it at once (providers.Transport.Final).
func noQuota(status int, body []byte) bool {
	if status != 429 {
		return false
	}
	var e struct {
		Error struct {
			Code any    `json:"code"`
			Type string `json:"type"`
		} `json:"error"`
	}
	return json.Unmarshal(body, &e) == nil && (fmt.Sprint(e.Error.Code) == codeNoQuota || e.Error.Type == codeNoQuota)
}

// errorCode is the code of the server's error in a go-openai error ("insufficient_quota",
// "content_filter"), or its type when it has no code; "" for other errors.
func errorCode(err error) string {
	var apiErr *goopenai.APIError
	if !errors.As(err, &apiErr) {
		return ""
	}
	if apiErr.Code != nil {
		// A "code": null comes out of go-openai's decoding as 0: no code, the type says it.
		if c := fmt.Sprint(apiErr.Code); c != "" && c != "0" && c != "<nil>" {
			return c
		}
	}
	return apiErr.Type
}
