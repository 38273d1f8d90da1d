package segment

import (
	"strings"
	"testing"
)

// splitAccuracy runs the cases and returns how many pass, logging each failure.
func splitAccuracy(tb testing.TB, lang string, cases []splitCase) (passed int) {
	for _, c := range cases {
		var got []string
		for _, s := range SplitSentences(c.in, lang) {
			got = append(got, s.Text)
		}
		if strings.Join(got, " | ") == c.want {
			passed++
			continue
		}
		tb.Logf("%s %q:\n got: %s\nwant: %s", lang, c.name, strings.Join(got, " | "), c.want)
	}
	return passed
}

func TestSplitSentencesAccuracy(t *testing.T) {
	for _, set := range []struct {
		lang  string
		cases []splitCase
		min   int
	}{
		{"de", germanCases, 60},
		{"en", englishCases, 30},
	} {
		if len(set.cases) < set.min {
			t.Errorf("%s: only %d cases, want at least %d", set.lang, len(set.cases), set.min)
		}
		passed := splitAccuracy(t, set.lang, set.cases)
		rate := 100 * float64(passed) / float64(len(set.cases))
		t.Logf("%s sentence splitting: %d/%d cases pass (%.1f %%)", set.lang, passed, len(set.cases), rate)
		if rate < 97 {
			t.Errorf("%s accuracy %.1f %% < 97 %%", set.lang, rate)
		}
	}
}

// TestSplitSentencesSpans checks the invariants every result must keep: offsets match the text,
// spans are ordered and trimmed, and only spaces lie between them.
func TestSplitSentencesSpans(t *testing.T) {
	for _, c := range append(append([]splitCase{}, germanCases...), englishCases...) {
		checkSpans(t, c.in, SplitSentences(c.in, "de"))
		checkSpans(t, c.in, SplitSentences(c.in, "en"))
	}
}

func checkSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("%q: bad span %+v after %d", text, s, prev)
		}
		if text[s.Start:s.End] != s.Text {
			t.Fatalf("%q: span text %q != text[%d:%d] %q", text, s.Text, s.Start, s.End, text[s.Start:s.End])
		}
		if !allSpace(text[prev:s.Start]) {
			t.Fatalf("%q: non-space text %q dropped between spans", text, text[prev:s.Start])
		}
		if strings.TrimFunc(s.Text, isSpace) != s.Text {
			t.Fatalf("%q: span %q not trimmed", text, s.Text)
		}
		prev = s.End
	}
	if !allSpace(text[prev:]) {
		t.Fatalf("%q: trailing text %q dropped", text, text[prev:])
	}
}
