package llmjson

import (
	"strings"

	"github.com/bitext/bitext/internal/textcheck"
)

// Reasoning models (DeepSeek-R1, Qwen3, QwQ and the servers that run them: Ollama, vLLM,
// llama.cpp) put their chain of thought into the message content, before the answer, as
// <think>…</think> (some as <thinking>…</thinking>). The thought holds drafts, braces and
// whole JSON attempts: read as the answer, a draft is taken for the translation, or a brace
// in it makes every answer unreadable. Only whole blocks at the start of the content are
// reasoning; a "<think>" anywhere else is text, such as a translation of a segment that holds
// the word, and stays.

// reasoningTags are the opening tags of reasoning blocks, lower-case, without "<" and ">".
var reasoningTags = []string{"think", "thinking", "reasoning"}

// harmonyFinal starts the answer of a model that writes OpenAI's "harmony" format into the
// content (gpt-oss on a server without its parser): "<|channel|>analysis<|message|>…<|end|>"
// and then "<|start|>assistant<|channel|>final<|message|>" before the answer.
const harmonyFinal = "<|channel|>final<|message|>"

// withoutReasoning returns content without the reasoning blocks at its start and the spaces
// around them. open is true when a block at the start has no end: the content is reasoning
// only (a model stopped mid-thought), and what follows the tag is no answer.
func withoutReasoning(content string) (answer string, open bool) {
	s := strings.TrimSpace(content)
	if strings.HasPrefix(s, "<|channel|>") || strings.HasPrefix(s, "<|start|>") {
		i := strings.Index(s, harmonyFinal)
		if i < 0 {
			return "", true // analysis only: no answer
		}
		s = strings.TrimSpace(s[i+len(harmonyFinal):])
		for _, end := range []string{"<|return|>", "<|end|>"} {
			s = strings.TrimSpace(strings.TrimSuffix(s, end))
		}
		return s, false
	}
	for {
		tag := leadingTag(s)
		if tag == "" {
			break
		}
		closing := "</" + tag + ">"
		end := strings.Index(textcheck.ASCIILower(s), closing)
		if end < 0 {
			return "", true
		}
		s = strings.TrimSpace(s[end+len(closing):])
	}
	// Templates that open the block in the prompt (DeepSeek-R1's adds "<think>\n" after the
	// assistant's turn) leave only its end in the content: reasoning, then "</think>", then
	// the answer. Content that starts as an answer (JSON, a code fence) is the answer whatever
	// it holds, and an end tag counts only when an answer starts right after it: elsewhere it
	// is a translation's own words.
	if s != "" && !startsAnswer(s) {
		lower := textcheck.ASCIILower(s)
		for _, tag := range reasoningTags {
			closing := "</" + tag + ">"
			i := strings.Index(lower, closing)
			if i < 0 || strings.Contains(lower[:i], "<"+tag+">") {
				continue
			}
			if rest := strings.TrimSpace(s[i+len(closing):]); startsAnswer(rest) {
				return rest, false
			}
		}
	}
	return s, false
}

// startsAnswer reports whether s starts as an answer does: a JSON object or list, or a code fence.
func startsAnswer(s string) bool {
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[") || strings.HasPrefix(s, "```")
}

// leadingTag is the reasoning tag s starts with ("think" for "<think>"), or "".
func leadingTag(s string) string {
	for _, tag := range reasoningTags {
		open := "<" + tag + ">"
		if len(s) >= len(open) && strings.EqualFold(s[:len(open)], open) {
			return tag
		}
	}
	return ""
}
