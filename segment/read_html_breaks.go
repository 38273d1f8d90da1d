package segment

import "strings"

// brMark is what the walker writes for a <br> outside code: the line break it is, decided on
// when the block ends (breakUnits). It is a Unicode noncharacter, as the code marks are, so no
// page's text holds it.
const brMark = "\uFDD2"

// breakUnits cuts the text of a block the walker ends at its <br> marks into the blocks the
// plain-text reader makes of the same lines: a paragraph's lines are joined, but a headline
// without final punctuation on the first line ("Hinweis zur Nutzung von KI<br>Einige der …"), a
// run of three or more short unpunctuated lines (an address: "Frankfurter Rundschau
// GmbH<br>Hedderichstraße 49<br>60594 Frankfurt am Main") and a short line in a paragraph of
// long ones end their sentence, and two <br> in a row end the paragraph, as a blank line does.
// A line break for layout in the middle of a sentence ("… wurden<br>anschließend …") is joined.
// Headings and list items keep their lines together. Each split is listed in removed.
func breakUnits(kind BlockKind, text string, removed *[]Removal) []string {
	if !strings.Contains(text, brMark) {
		return []string{text}
	}
	if kind != Paragraph {
		return []string{strings.ReplaceAll(text, brMark, " ")}
	}
	var units []string
	var para []textLine
	lines := strings.Split(text, brMark)
	for i, l := range lines {
		l = normalizeSpace(l)
		if l != "" {
			para = append(para, textLine{text: l})
		}
		if (l == "" || i == len(lines)-1) && len(para) > 0 {
			units = appendLineUnits(units, para, removed)
			para = para[:0]
		}
	}
	return units
}

// appendLineUnits appends the units of one paragraph's lines (see breakUnits) to units.
func appendLineUnits(units []string, para []textLine, removed *[]Removal) []string {
	bullets := countBullets(para)
	shape := newLineShape(para, bullets)
	start := 0
	for i := 1; i < len(para); i++ {
		reason := shape.endsBefore(para, i)
		if i == 1 && bullets == 0 && isHeadlineLine(para[0].text, para[1].text) {
			reason = headlineReason
		}
		if reason == "" {
			continue
		}
		units = append(units, joinLines(para[start:i]))
		start = i
		r := Removal{Kind: Split, Reason: reason + " (<br>)"}
		if len(*removed) < maxRemovals { // beyond, counted, not listed
			r.Text = lastRunes(para[i-1].text, 20) + "⏎" + firstRunes(para[i].text, 20)
		}
		*removed = append(*removed, r)
	}
	return append(units, joinLines(para[start:]))
}

func joinLines(para []textLine) string {
	if len(para) == 1 {
		return para[0].text
	}
	parts := make([]string, len(para))
	for i, l := range para {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}
