package document

import "testing"

// TestSniff: input without a name is recognised only when it is unmistakably markup.
func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Format
	}{
		{"<!DOCTYPE html><html lang=\"de\"><p>Text</p>", HTML},
		{"\ufeff  <html><body>x", HTML},
		{"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">", HTML},
		{"<!-- saved from url=(0041)https://www.heise.de/ -->\n<!DOCTYPE html>", HTML},
		{"<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">", XLIFF},
		{"WEBVTT\n\n00:01.000 --> 00:02.000\nHallo", VTT},
		{"1\n00:00:01,000 --> 00:00:03,500\nErster Satz.\n", SRT},
		{"# Kommentar\nmsgid \"\"\nmsgstr \"\"\n", PO},
		{"Ein Satz über <b>fett</b> gedruckte Wörter.", ""},
		{"1\nEin nummerierter Absatz.", ""},
		{"<?xml version=\"1.0\"?><tmx>", ""},
		// Markdown: two signs of its syntax, a fence or a table's rule counting as two.
		{"# Titel\n\nText mit [Link](https://example.org).\n", Markdown},
		{"Einleitung.\n\n```bash\necho hallo\n```\n", Markdown},
		{"| Land | Stadt |\n| --- | --- |\n| DE | Berlin |\n", Markdown},
		{"## Hintergrund\n\nDas ist **wichtig**.", Markdown},
		// One sign, or none, is text: a "#" line, a bracket, a lone "---" rule, asterisks.
		{"# Kommentar des Tages\n\nDie Regierung hat entschieden.", ""},
		{"Er sagte [sinngemäß], er komme (später).", ""},
		{"Titel\n---\nText", ""},
		{"Preis: 5 * 3 = 15, und 2 ** 8 = 256", ""},
		{"```\nnur ein Zaun ohne Ende", ""},
	} {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%.30q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
