package providertest

import (
	"regexp"
)

// GlossaryAfterFeedback is an Options.Translate for testing glossary repair rounds: it behaves
// like a model that ignores the glossary at first and follows it once told. Without feedback
// for the segment it returns DefaultTranslation; with feedback (OpenAI: the segment's
// "feedback") it first replaces, case-insensitively, every glossary term's source by its
// target, then translates as DefaultTranslation does.
func GlossaryAfterFeedback(seg Segment, req RequestInfo) string {
	if seg.Feedback == "" && req.Feedback[seg.ID] == "" {
		return DefaultTranslation(seg, req)
	}
	for _, t := range req.Terms {
		if t.Source == "" {
			continue
		}
		target := t.Target
		if target == "" {
			target = t.Source
		}
		re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(t.Source))
		seg.Text = re.ReplaceAllLiteralString(seg.Text, target)
	}
	return DefaultTranslation(seg, req)
}
