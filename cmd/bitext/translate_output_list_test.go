package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/translate"
)

// TestViolationList: the lines --strict prints after the summary, from the pairs' findings, and
// the count beyond the listed ones.
func TestViolationList(t *testing.T) {
	loc := qa.Location{Label: "a.txt ¶1.1"}
	pairs := []translate.Pair{
		{Paragraph: 1, Sentence: 1, Source: "Das Bündnis tagte.", Target: "The alliance met.",
			Findings: []qa.Violation{{Kind: qa.Missing, Term: "Bündnis", Entry: "Bündnis", Expected: "Alliance", Location: loc}}},
		{Paragraph: 2, Sentence: 1, Source: "Des Außenministeriums Sprecher.", Target: "The Foreign Office's spokesman.",
			Findings: []qa.Violation{{Kind: qa.Forbidden, Term: "Außenministeriums", Entry: "Außenministerium", Expected: "State Department", Found: "Foreign Office", Location: loc}}},
		{Paragraph: 2, Sentence: 2, Source: "Die <g1>Stadt</g1> baut.", Target: "The city builds.",
			Findings: []qa.Violation{qa.NewFlag(translate.Suspect, translate.SuspectTags+": the tag <g1> is missing", loc)}},
		{Paragraph: 3, Sentence: 1, Source: "Ohne.", Target: "Without."},
	}
	var l violationList
	l.add("a.txt", pairs)
	var b bytes.Buffer
	l.write(&b)
	want := `bitext:   a.txt ¶1.1: missing: "Bündnis" → want "Alliance"
bitext:   a.txt ¶2.1: forbidden: "Außenministeriums" (entry "Außenministerium") → want "State Department", found "Foreign Office"
bitext:   a.txt ¶2.2: suspect answer (broken tags: the tag <g1> is missing): "Die <g1>Stadt</g1> baut."
`
	if b.String() != want {
		t.Errorf("list\n got %s\nwant %s", b.String(), want)
	}
	for range maxListed {
		l.add("b.txt", pairs[:1])
	}
	b.Reset()
	l.write(&b)
	if n := strings.Count(b.String(), "\n"); n != maxListed+1 || !strings.Contains(b.String(), "… and 3 more") {
		t.Errorf("%d lines:\n%s", n, b.String())
	}
	// Pair files keep a suspect answer's reason in "found".
	cv := corpusViolation(pairs[2].Findings[0])
	if cv.Kind != translate.Suspect || !strings.HasPrefix(cv.Found, translate.SuspectTags) {
		t.Errorf("corpus violation %+v", cv)
	}
}
