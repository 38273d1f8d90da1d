package openai

import (
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/llmjson"
)

// The JSON segment protocol lives in providers/llmjson, shared with any other chat-model
// driver; these names keep the driver's code and tests reading as before.

// PromptVersion changes whenever the prompt or the message layout changes.
const PromptVersion = llmjson.Version

var answerSchema = llmjson.Schema

func systemPrompt(src, tgt string, segs []providers.Segment) string {
	return llmjson.SystemPromptFor(src, tgt, segs)
}

func userMessage(req *providers.Request, segs []providers.Segment) string {
	return llmjson.UserMessage(req, segs)
}

func orDefault(s, d string) string { return llmjson.OrDefault(s, d) }

func parseAnswer(content string) ([]providers.Translation, error) {
	return llmjson.ParseAnswer(content)
}
