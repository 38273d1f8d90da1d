package segment

import "testing"

// A spaced abbreviation typeset with a no-break space ("z.\u00a0B.", as the Astro docs' German
// translation writes it, or with a narrow one) is one abbreviation, as with a plain space.
// Before, translate (which splits the text as written) cut "Gib eine Commit-Nachricht ein
// (z.\u00a0B." from the rest of its sentence; bitext segment, which reads the space as a
// plain one, did not. The sentences are from withastro/docs (testdata/SOURCES.md), the last
// with U+202F put in the place of the no-break space.
var noBreakSpaceCases = []splitCase{
	{"z. B. before a quotation", "Gib eine Commit-Nachricht ein (z.\u00a0B. „Zwei neue Seiten hinzugefügt – About und Blog“) und drücke Strg + Enter (macOS: Cmd ⌘ + Return), um die Änderungen in deinem aktuellen Workspace zu committen.",
		"Gib eine Commit-Nachricht ein (z.\u00a0B. „Zwei neue Seiten hinzugefügt – About und Blog“) und drücke Strg + Enter (macOS: Cmd ⌘ + Return), um die Änderungen in deinem aktuellen Workspace zu committen."},
	{"z. B. before a noun", "Der Hauptinhalt deiner Seite kann sofort mit Platzhalterinhalten, wie z.\u00a0B. einem generischen Avatar, gerendert werden, bis der eigene Inhalt deines Islands verfügbar ist. Mit Server-Islands verzögert sich die Darstellung einer ansonsten statischen Seite nicht, wenn kleine Komponenten mit personalisierten Inhalten vorhanden sind.",
		"Der Hauptinhalt deiner Seite kann sofort mit Platzhalterinhalten, wie z.\u00a0B. einem generischen Avatar, gerendert werden, bis der eigene Inhalt deines Islands verfügbar ist. | Mit Server-Islands verzögert sich die Darstellung einer ansonsten statischen Seite nicht, wenn kleine Komponenten mit personalisierten Inhalten vorhanden sind."},
	{"z. B. with a narrow no-break space", "Gib eine Commit-Nachricht ein (z.\u202fB. „Zwei neue Seiten hinzugefügt – About und Blog“) und drücke Strg + Enter (macOS: Cmd ⌘ + Return), um die Änderungen in deinem aktuellen Workspace zu committen.",
		"Gib eine Commit-Nachricht ein (z.\u202fB. „Zwei neue Seiten hinzugefügt – About und Blog“) und drücke Strg + Enter (macOS: Cmd ⌘ + Return), um die Änderungen in deinem aktuellen Workspace zu committen."},
}

func TestSplitNoBreakSpaceAbbrev(t *testing.T) {
	if passed := splitAccuracy(t, "de", noBreakSpaceCases); passed != len(noBreakSpaceCases) {
		t.Errorf("%d of %d pass", passed, len(noBreakSpaceCases))
	}
}
