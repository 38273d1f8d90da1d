package providers_test

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
)

const tram = "Die Straßenbahn fährt alle zehn Minuten."

// TestChatterSuspectFlags: answers that wrap the translation in the model's own words, as
// small local models send them (the reviewer's cases first).
func TestChatterSuspectFlags(t *testing.T) {
	tests := []struct {
		src, answer string
		want        string // the reason
	}{
		{tram, "Here is the translation: The tram runs every ten minutes.", `chatter: preamble "Here is the translation:"`},
		{tram, "Sure! Here's the English translation:\n\nThe tram runs every ten minutes.", `chatter: preamble "Sure! Here's the English translation:"`},
		{tram, "Translation: The tram runs every ten minutes.", `chatter: preamble "Translation:"`},
		{tram, "English translation: The tram runs every ten minutes.", `chatter: preamble "English translation:"`},
		{tram, "Hier ist die Übersetzung: The tram runs every ten minutes.", `chatter: preamble "Hier ist die Übersetzung:"`},
		{tram, `"The tram runs every ten minutes."`, "chatter: quotation marks around the whole answer"},
		{tram, "“The tram runs every ten minutes.”", "chatter: quotation marks around the whole answer"},
		{tram, `"The tram runs every ten minutes".`, "chatter: quotation marks around the whole answer"},
		{tram, `The tram runs every ten minutes. (Note: "Straßenbahn" is rendered as "tram".)`, `chatter: note "(Note: \"Straßenbahn\" is rendered as \"tra…"`},
		{tram, "The tram runs every ten minutes.\n\nNote: I kept the name of the line as it is.", `chatter: note "Note: I kept the name of the line as it …"`},
		{tram, "The tram runs every ten minutes. Note: I kept the name …", `chatter: note "Note: I kept the name …"`},
		{tram, "The tram runs every ten minutes. Hinweis: Ich habe „Straßenbahn“ mit tram übersetzt.", `chatter: note "Hinweis: Ich habe „Straßenbahn“ mit tram…"`},
		{tram, "The tram runs every ten minutes.\n[Translator's note: literally \"street railway\"]", `chatter: note "[Translator's note: literally \"street ra…"`},
		{tram, "The tram runs every ten minutes.\n\nI hope this helps!", `chatter: a paragraph the source does not have "I hope this helps!"`},
		{"Bürgermeister Müller eröffnete am Montag die neue Linie.", "**Translation:** Mayor Müller opened the new line on Monday.", `chatter: preamble "Translation:"`},
		{"Bürgermeister Müller eröffnete am Montag die neue Linie.", "Certainly! Below is the English translation of the sentence:\nMayor Müller opened the new line on Monday.", `chatter: preamble "Certainly! Below is the English translat…"`},
		{"Bürgermeister Müller eröffnete am Montag die neue Linie.", "The translation is: Mayor Müller opened the new line on Monday.", `chatter: preamble "The translation is:"`},
		{"Bürgermeister Müller eröffnete am Montag die neue Linie.", "English: Mayor Müller opened the new line on Monday.", `chatter: preamble "English:"`},
		// The source speaks of translators, the answer once more than it.
		{"Übersetzer fordern mehr Geld.", "Here is the translation: Translators demand more money.", `chatter: preamble "Here is the translation:"`},
		// A colon of the source's own does not hide the note's.
		{"Er sagte: „Wir kommen.“", `He said: "We are coming." Note: I rendered the German quotation marks as English ones.`, `chatter: note "Note: I rendered the German quotation ma…"`},
	}
	for _, tt := range tests {
		if got := providers.ChatterSuspect(tt.src, tt.answer); got != tt.want {
			t.Errorf("ChatterSuspect(%q, %q)\n = %q\nwant %q", tt.src, tt.answer, got, tt.want)
		}
		// And through the checks Wrap applies, whichever --answer-check.
		if got := providers.BasicSuspectReason(tt.src, tt.answer); !strings.HasPrefix(got, providers.SuspectChatter) {
			t.Errorf("BasicSuspectReason(%q, %q) = %q, want chatter", tt.src, tt.answer, got)
		}
	}
}

// TestChatterSuspectPasses: translations that look like chatter and are not, because the
// source has the same: a label, a note, quotation marks, a second paragraph, or English prose
// that merely begins like a note.
func TestChatterSuspectPasses(t *testing.T) {
	tests := []struct{ src, answer string }{
		{"Übersetzung: die Geschichte eines Handwerks", "Translation: the history of a craft"},
		{"Übersetzen – die Geschichte eines Handwerks", "Translation: the history of a craft"},
		{"Die Kunst der Übersetzung: Geschichte eines Handwerks", "The art of translation: history of a craft"},
		{"Hier ist die Übersetzung des Briefes: „Liebe Anna, …“", `Here is the translation of the letter: "Dear Anna, …"`},
		{"Die englische Übersetzung lautet: „Tram“.", `The English translation is: "tram".`},
		{"Die Übersetzung des Romans ins Englische erschien 2019.", "The English translation of the novel appeared in 2019."},
		{"Englisch: eine Weltsprache", "English: a world language"},
		{"Hinweis: Die Haltestelle Rathaus entfällt.", "Note: The Rathaus stop is cancelled."},
		{"Die Linie 4 fährt nicht. Hinweis: Ersatzbusse sind eingerichtet.", "Line 4 is not running. Note: replacement buses have been arranged."},
		{"Die Linie 4 fährt nicht. Wichtig – Ersatzbusse sind eingerichtet.", "Line 4 is not running. Note: replacement buses have been arranged."},
		{"Der Artikel wurde aktualisiert. (Anm. d. Red.: Die Zahlen stammen vom Montag.)", "The article has been updated. (Editor's note: the figures are from Monday.)"},
		{"Anm. d. Red.: Der Artikel wurde aktualisiert.", "Editor's note: the article has been updated."},
		{"Beachten Sie, dass die Bahn nur werktags fährt.", "Note that the tram only runs on weekdays."},
		{"Die Bahn fährt. Dabei gilt: Sie fährt nur werktags.", "The tram runs. Note that it only runs on weekdays."},
		{"Die Zahlen (siehe unten) sind vorläufig.", "The figures (see note below) are provisional."},
		{"Die Preise (Stand: Montag) steigen.", "Prices (as of Monday) are rising."},
		{"„Wir schaffen das“, sagte die Kanzlerin.", `"We can do this," said the chancellor.`},
		{"„Wir schaffen das.“", `"We can do this."`},
		{"Sie sagte: „Nein.“ Er sagte: „Ja.“", `She said: "No." He said: "Yes."`},
		{"Ein ‚Schwarzer Schwan‘", `A "black swan"`},
		{"'Nie wieder'", `"Never again"`},
		{"Natürlich! Wir kommen morgen.", "Of course! We are coming tomorrow."},
		{"Klar, hier ist der Plan: Wir fahren um acht.", "Sure, here is the plan: we leave at eight."},
		{"Okay, das war's.", "Okay, that's it."},
		{"Erster Absatz.\n\nZweiter Absatz.", "First paragraph.\n\nSecond paragraph."},
		{"Dolmetscher übersetzten die Rede ins Englische.", "Interpreters translated the speech into English."},
		{"Die Polizei meldete einen Unfall auf der A7.", "Police reported an accident on the A7."},
		{"EU-Kommission", "EU Commission"},
	}
	for _, tt := range tests {
		if got := providers.ChatterSuspect(tt.src, tt.answer); got != "" {
			t.Errorf("ChatterSuspect(%q, %q) = %q, want \"\"", tt.src, tt.answer, got)
		}
	}
}

// FuzzChatterSuspect: no panic; an answer equal to its source is never chatter (every rule
// gives way to what the source has); a conversational preamble before any source is.
func FuzzChatterSuspect(f *testing.F) {
	f.Add(tram, "Here is the translation: The tram runs every ten minutes.")
	f.Add("Übersetzung: Hinweis (Anm.)", "Translation: Note (ed.)\n\n“x”")
	f.Add("„a“", "“a”")
	f.Fuzz(func(t *testing.T, src, answer string) {
		providers.ChatterSuspect(src, answer)
		if r := providers.ChatterSuspect(src, src); r != "" {
			t.Errorf("the source as its own answer is %q", r)
		}
		if providers.ChatterSuspect(src, "Here is the translation: "+src) == "" {
			t.Errorf("a preamble before %q passed", src)
		}
	})
}
