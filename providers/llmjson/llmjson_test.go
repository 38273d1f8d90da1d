package llmjson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
)

func TestParseAnswer(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []providers.Translation
		invalid bool
	}{
		{"plain", `{"translations":[{"id":"1","text":"One."}]}`, []providers.Translation{{ID: "1", Text: "One."}}, false},
		{"fenced", "```json\n{\"translations\":[{\"id\":\"1\",\"text\":\"One.\"}]}\n```", []providers.Translation{{ID: "1", Text: "One."}}, false},
		{"chatty prefix", `Here you go: {"translations":[{"id":"a","text":"x"}]}`, []providers.Translation{{ID: "a", Text: "x"}}, false},
		{"numeric id", `{"translations":[{"id":7,"text":"x"}]}`, []providers.Translation{{ID: "7", Text: "x"}}, false},
		{"empty list", `{"translations":[]}`, []providers.Translation{}, false},
		{"duplicates kept for validation", `{"translations":[{"id":"1","text":"a"},{"id":"1","text":"b"}]}`, []providers.Translation{{ID: "1", Text: "a"}, {ID: "1", Text: "b"}}, false},
		{"prose", "I cannot help with that.", nil, true},
		{"cut off", `{"translations":[{"id":"1","te`, nil, true},
		{"no translations key", `{"result":[]}`, nil, true},
		{"missing text", `{"translations":[{"id":"1"}]}`, nil, true},
		{"object id", `{"translations":[{"id":{},"text":"x"}]}`, nil, true},

		// Reasoning models think aloud before the answer (the reviewer's findings: a draft in
		// the thought was taken for the translation; a brace in it failed every answer).
		{"think block", "<think>\nThe user wants these segments in English. Let me keep the ids.\n</think>\n\n" + `{"translations":[{"id":"1","text":"One."}]}`, []providers.Translation{{ID: "1", Text: "One."}}, false},
		{"draft in the thought", "<think>\nFirst attempt:\n" + `{"translations":[{"id":"1","text":"DRAFT One"}]}` + "\nHmm, let me polish that.\n</think>\n\n" + `{"translations":[{"id":"1","text":"One."}]}`, []providers.Translation{{ID: "1", Text: "One."}}, false},
		{"braces in the thought", "<think>The format is {id, text}; segment {1} is short.</think>" + `{"translations":[{"id":"1","text":"One."}]}`, []providers.Translation{{ID: "1", Text: "One."}}, false},
		{"thinking tag, spaces around", "  \n<thinking>\n{\"draft\": true}\n</thinking>\n  " + `{"translations":[{"id":"1","text":"One."}]}` + "\n ", []providers.Translation{{ID: "1", Text: "One."}}, false},
		{"two blocks, upper case", "<THINK>a {</THINK>\n<think>b }</think>" + "```json\n" + `{"translations":[{"id":"1","text":"One."}]}` + "\n```", []providers.Translation{{ID: "1", Text: "One."}}, false},
		{"only the end tag (the template opened it)", "Okay, the segment {1} says one.\n</think>\n\n" + `{"translations":[{"id":"1","text":"One."}]}`, []providers.Translation{{ID: "1", Text: "One."}}, false},
		{"a translation that says <think>", `{"translations":[{"id":"1","text":"Write <think> and </think> around it."}]}`, []providers.Translation{{ID: "1", Text: "Write <think> and </think> around it."}}, false},
		{"chatty prefix, </think> in a translation", `Here: {"translations":[{"id":"1","text":"a </think> b"}]}`, []providers.Translation{{ID: "1", Text: "a </think> b"}}, false},
		{"a thought without its end", "<think>\nLet me translate {1} first", nil, true},
		{"a thought and nothing after it", "<think>Nothing to add.</think>\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAnswer(tt.content)
			var inv *providers.InvalidAnswerError
			if tt.invalid {
				if !errors.As(err, &inv) {
					t.Fatalf("err %v, want InvalidAnswerError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{`{"translations":[{"id":"1","text":"One."}]}`, "```json\n{}\n```", `x{"translations":[{"id":1,"text":""}]}`, "",
		"<think>{}</think>{\"translations\":[]}", "a</thinking>{\"translations\":[]}", "<think>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		ts, err := ParseAnswer(content)
		var inv *providers.InvalidAnswerError
		if err != nil && !errors.As(err, &inv) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		if err == nil && ts == nil {
			t.Fatal("nil translations without an error")
		}
	})
}

// A do-not-translate item is written as its target value: in mask mode that value is the
// glossary's rendering, which differs from the source term, and the prompt must not say to
// keep the source as written (the instruction would contradict the item).
func TestDoNotTranslateMeansTargetValue(t *testing.T) {
	p := SystemPrompt("de", "en")
	if !strings.Contains(p, `an item with "do_not_translate" is written exactly as its target-language value`) {
		t.Errorf("the system prompt does not say a do-not-translate item is written as its target value:\n%s", p)
	}
	if strings.Contains(p, "stay exactly as written") {
		t.Error("the system prompt still says do-not-translate items stay as written")
	}
	req := &providers.Request{
		Segments: []providers.Segment{{ID: "1", Text: "Das Minsker Abkommen gilt."}},
		Terms:    []providers.Term{{Source: "Minsker Abkommen", Target: "Minsk agreements", DoNotTranslate: true}},
	}
	want := `"glossary":[{"de":"Minsker Abkommen","en":"Minsk agreements","do_not_translate":true}]`
	if msg := UserMessage(req, req.Segments); !strings.Contains(msg, want) {
		t.Errorf("message %s lacks %s", msg, want)
	}
}

// The prompt tells the model to keep the placeholder tags documents carry, and a tagged segment
// reaches the model as written (JSON-escaped only).
func TestTagsInPromptAndMessage(t *testing.T) {
	p := SystemPrompt("de", "en")
	for _, want := range []string{"<g1>…</g1>", "<x2/>", "exactly once", "nested", "never add, drop, renumber or translate a tag"} {
		if !strings.Contains(p, want) {
			t.Errorf("the system prompt does not say %q", want)
		}
	}
	req := &providers.Request{Segments: []providers.Segment{{ID: "1", Text: "Die <g1>neue Brücke</g1> &amp; mehr<x2/>"}}}
	msg := UserMessage(req, req.Segments)
	var got struct {
		Segments []struct{ ID, Text string }
	}
	if err := json.Unmarshal([]byte(msg), &got); err != nil || len(got.Segments) != 1 || got.Segments[0].Text != req.Segments[0].Text {
		t.Errorf("message %s: %v", msg, err)
	}
}

// TestNotes: a segment's note is sent beside its text, and the rule for notes joins the system
// prompt only for a batch that has one, so that every other batch's prompt is as it was.
func TestNotes(t *testing.T) {
	plain := []providers.Segment{{ID: "1", Text: "Öffnen"}}
	noted := []providers.Segment{{ID: "1", Text: "Öffnen", Note: "menu"}, {ID: "2", Text: "Öffnen"}}
	if got := SystemPromptFor("de", "en", plain); got != SystemPrompt("de", "en") {
		t.Errorf("a batch without notes got another prompt:\n%s", got)
	}
	if got := SystemPromptFor("de", "en", noted); !strings.HasPrefix(got, SystemPrompt("de", "en")) || !strings.Contains(got, `"note"`) {
		t.Errorf("a batch with a note lacks the rule:\n%s", got)
	}
	msg := UserMessage(&providers.Request{Segments: noted}, noted)
	if !strings.Contains(msg, `{"id":"1","text":"Öffnen","note":"menu"}`) || !strings.Contains(msg, `{"id":"2","text":"Öffnen"}`) {
		t.Errorf("message %s", msg)
	}
}
