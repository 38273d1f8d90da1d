package segment

// SplitSentences splits text into sentences for a language ("de" or "en"; anything else is
// treated like German). Spans do not include the spaces between sentences.
func SplitSentences(text, lang string) []Span {
	return splitSimple(text)
}

func splitSimple(text string) []Span {
	var out []Span
	start := -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		if start < 0 {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				continue
			}
			start = i
		}
		if (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ') {
			out = append(out, Span{Text: text[start : i+1], Start: start, End: i + 1})
			start = -1
		}
	}
	if start >= 0 {
		end := len(text)
		for end > start && (text[end-1] == ' ' || text[end-1] == '\n') {
			end--
		}
		out = append(out, Span{Text: text[start:end], Start: start, End: end})
	}
	return out
}
