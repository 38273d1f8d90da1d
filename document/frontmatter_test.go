package document

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// TestMarkdownFrontMatterBlockScalars: a chosen key's block scalar ("description: >" or "|"
// and indented lines) is translated; its indicator, its lines' indentation and its line
// structure stay, so that the translated front matter reads, as YAML, as the source's value
// with the words translated (checked with a YAML parser on every case).
func TestMarkdownFrontMatterBlockScalars(t *testing.T) {
	fm := func(lines string) string { return "---\n" + lines + "date: 2022-01-14\n---\n" }
	cases := []mdStructureCase{
		{"folded", fm("description: >\n  Die Vereinigten Staaten unterstützen die Wiedereröffnung\n  der Mission Russlands bei der NATO.\n"),
			[]string{"Die Vereinigten Staaten unterstützen die Wiedereröffnung der Mission Russlands bei der NATO."},
			fm("description: >\n  DIE VEREINIGTEN STAATEN UNTERSTÜTZEN DIE WIEDERERÖFFNUNG DER MISSION RUSSLANDS BEI DER NATO.\n")},
		{"literal", fm("description: |\n  Ned Price sprach.\n  Stoltenberg antwortete.\n"),
			[]string{"Ned Price sprach.<x1/>Stoltenberg antwortete."},
			fm("description: |\n  NED PRICE SPRACH.\n  STOLTENBERG ANTWORTETE.\n")},
		{"folded paragraphs, strip, trailing blank line", fm("summary: >-\n    Erster Absatz\n    über zwei Zeilen.\n\n    Zweiter Absatz.\n\n"),
			[]string{"Erster Absatz über zwei Zeilen.<x1/>Zweiter Absatz."},
			fm("summary: >-\n    ERSTER ABSATZ ÜBER ZWEI ZEILEN.\n\n    ZWEITER ABSATZ.\n\n")},
		{"keep chomping and leading blank line", fm("title: |+\n\n  Neue Brücke\n\n"),
			[]string{"Neue Brücke"}, fm("title: |+\n\n  NEUE BRÜCKE\n\n")},
		{"indentation indicator, comment, more-indented first line", fm("subtitle: |2 # zwei Leerzeichen\n    Eingerückte Zeile.\n  Normale Zeile.\n"),
			[]string{"Eingerückte Zeile.<x1/>Normale Zeile."},
			fm("subtitle: |2 # zwei Leerzeichen\n    EINGERÜCKTE ZEILE.\n  NORMALE ZEILE.\n")},
		{"folded with a more-indented line", fm("description: >\n  Die Liste:\n    - erster Punkt\n  Ende der Liste.\n"),
			[]string{"Die Liste:<x1/>- erster Punkt<x2/>Ende der Liste."},
			fm("description: >\n  DIE LISTE:\n    - ERSTER PUNKT\n  ENDE DER LISTE.\n")},
		{"trailing space before a more-indented line", fm("description: >\n  Punkte: \n    eins\n"),
			[]string{"Punkte: <x1/>eins"}, fm("description: >\n  PUNKTE: \n    EINS\n")},
		{"followed by a single-line key", fm("description: >\n  Text hier.\ntitle: Titel hier\n"),
			[]string{"Text hier.", "Titel hier"}, fm("description: >\n  TEXT HIER.\ntitle: TITEL HIER\n")},
		{"other keys stay", fm("tags: |\n  Nicht übersetzen.\n"), nil, fm("tags: |\n  Nicht übersetzen.\n")},
		{"less indented than the first line stays", fm("description: >\n    Zu tief.\n  Zu wenig.\n"), nil,
			fm("description: >\n    Zu tief.\n  Zu wenig.\n")},
		{"crlf", "---\r\ndescription: |\r\n  Erste Zeile.\r\n  Zweite Zeile.\r\n---\r\n",
			[]string{"Erste Zeile.<x1/>Zweite Zeile."},
			"---\r\ndescription: |\r\n  ERSTE ZEILE.\r\n  ZWEITE ZEILE.\r\n---\r\n"},
	}
	runMarkdownCases(t, cases)
	for _, tc := range cases {
		if tc.name == "less indented than the first line stays" {
			continue // not YAML
		}
		src, out := frontMatterValues(t, tc.src), frontMatterValues(t, tc.out)
		for k, v := range src {
			want := v
			if k != "tags" && k != "date" {
				want = strings.ToUpper(v)
			}
			if out[k] != want {
				t.Errorf("%s: %s reads %q, want %q", tc.name, k, out[k], want)
			}
		}
	}
}

// frontMatterValues parses a document's YAML front matter.
func frontMatterValues(t *testing.T, doc string) map[string]string {
	t.Helper()
	doc = strings.ReplaceAll(doc, "\r\n", "\n")
	parts := strings.SplitN(doc, "---\n", 3)
	var m map[string]string
	if err := yaml.Unmarshal([]byte(parts[1]), &m); err != nil {
		t.Fatalf("%q: %v", parts[1], err)
	}
	return m
}

// TestMarkdownFrontMatterBlockWriting: a translation's line breaks and spaces at the start of a
// line are not written into a block scalar, where they would end it or change its indentation.
func TestMarkdownFrontMatterBlockWriting(t *testing.T) {
	tests := []struct{ src, tr, want string }{
		{"---\ndescription: |\n  Ned Price sprach.\n  Stoltenberg antwortete.\n---\n", "  Ned Price\nspoke.<x1/>   Stoltenberg answered.\n",
			"---\ndescription: |\n  Ned Price spoke.\n  Stoltenberg answered.\n---\n"},
		{"---\ndescription: >\n  Ein Satz.\n---\n", "\tA sentence\n---\nand more.",
			"---\ndescription: >\n  A sentence --- and more.\n---\n"},
	}
	for _, tc := range tests {
		d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, probs := write(t, d, []string{tc.tr}, "en")
		if out != tc.want || len(probs) > 0 {
			t.Errorf("%q translated %q wrote %q, want %q (%v)", tc.src, tc.tr, out, tc.want, probs)
		}
		frontMatterValues(t, out)
	}
}

// TestMarkdownFrontMatterTOML: a TOML front matter's chosen keys are translated whatever their
// strings' kind — basic, literal, multi-line basic with escapes and line continuations,
// multi-line literal — and the lines of another key's multi-line string are never read as keys;
// every output is parsed as TOML and reads as the source's values with the chosen ones' words
// upper-cased.
func TestMarkdownFrontMatterTOML(t *testing.T) {
	fm := func(lines string) string { return "+++\n" + lines + "date = 2022-01-14\n+++\n" }
	cases := []mdStructureCase{
		{"basic and literal, comment", fm("title = \"Die Vereinigten Staaten\"\nsubtitle = 'Russland und die NATO' # Untertitel\n"),
			[]string{"Die Vereinigten Staaten", "Russland und die NATO"},
			fm("title = \"DIE VEREINIGTEN STAATEN\"\nsubtitle = 'RUSSLAND UND DIE NATO' # Untertitel\n")},
		{"basic escapes", fm(`title = "Ned Price: \"Dialog\" \u00fcber Br\u00FCssel"` + "\n"),
			[]string{"Ned Price: \"Dialog\" über Brüssel"},
			fm(`title = "NED PRICE: \"DIALOG\" ÜBER BRÜSSEL"` + "\n")},
		{"multi-line basic", fm("description = \"\"\"\nDie Vereinigten Staaten unterstützen die Wiedereröffnung\nder diplomatischen Mission Russlands.\"\"\"\n"),
			[]string{"Die Vereinigten Staaten unterstützen die Wiedereröffnung<x1/>der diplomatischen Mission Russlands."},
			fm("description = \"\"\"\nDIE VEREINIGTEN STAATEN UNTERSTÜTZEN DIE WIEDERERÖFFNUNG\nDER DIPLOMATISCHEN MISSION RUSSLANDS.\"\"\"\n")},
		{"multi-line basic with continuations, a blank line and escapes", fm("summary = \"\"\"\\\n    Er betonte, dass die Vereinigten Staaten \\\n    hoffen.\n\n    Ned Price sprach von \\\"Dialog\\\".\n    \"\"\"\n"),
			[]string{"Er betonte, dass die Vereinigten Staaten hoffen.<x1/>Ned Price sprach von \"Dialog\"."},
			fm("summary = \"\"\"\\\n    ER BETONTE, DASS DIE VEREINIGTEN STAATEN HOFFEN.\n\n    NED PRICE SPRACH VON \\\"DIALOG\\\".\n    \"\"\"\n")},
		{"multi-line literal on one line and over lines", fm("title = '''Das erste Treffen'''\nexcerpt = '''\nDas Treffen dauerte\n  etwa vier Stunden.\n'''\n"),
			[]string{"Das erste Treffen", "Das Treffen dauerte<x1/>etwa vier Stunden."},
			fm("title = '''DAS ERSTE TREFFEN'''\nexcerpt = '''\nDAS TREFFEN DAUERTE\n  ETWA VIER STUNDEN.\n'''\n")},
		{"quotes inside the delimiters", fm("title = \"\"\"\"Dialog\" sagte er\"\"\"\"\n"),
			[]string{"\"Dialog\" sagte er\""}, fm("title = \"\"\"\\\"DIALOG\\\" SAGTE ER\\\"\"\"\"\n")},
		{"another key's multi-line string holds key lines", fm("body = \"\"\"\ntitle = \"Nicht übersetzen\"\n\"\"\"\nnotes = '''\ndescription = 'Auch nicht'\n'''\n"),
			nil, fm("body = \"\"\"\ntitle = \"Nicht übersetzen\"\n\"\"\"\nnotes = '''\ndescription = 'Auch nicht'\n'''\n")},
		{"crlf", "+++\r\ndescription = \"\"\"\r\nErste Zeile.\r\nZweite Zeile.\"\"\"\r\n+++\r\n",
			[]string{"Erste Zeile.<x1/>Zweite Zeile."},
			"+++\r\ndescription = \"\"\"\r\nERSTE ZEILE.\r\nZWEITE ZEILE.\"\"\"\r\n+++\r\n"},
	}
	runMarkdownCases(t, cases)
	for _, tc := range cases {
		src, out := tomlValues(t, tc.src), tomlValues(t, tc.out)
		for k, v := range src {
			want := v
			if k == "title" || k == "subtitle" || k == "description" || k == "summary" || k == "excerpt" {
				want = strings.ToUpper(v.(string))
			}
			if out[k] != want {
				t.Errorf("%s: %s reads %q, want %q", tc.name, k, out[k], want)
			}
		}
	}
}

// tomlValues parses a document's TOML front matter.
func tomlValues(t *testing.T, doc string) map[string]any {
	t.Helper()
	parts := strings.SplitN(strings.ReplaceAll(doc, "\r\n", "\n"), "+++\n", 3)
	m := map[string]any{}
	if _, err := toml.Decode(parts[1], &m); err != nil {
		t.Fatalf("%q: %v", parts[1], err)
	}
	return m
}

// TestMarkdownFrontMatterTOMLWriting: a translation a string of the source's kind cannot hold
// (an apostrophe in a literal string, three in a multi-line one, control characters, line
// breaks in a one-line string) is written as a basic string of the same width; it reads as
// the translation.
func TestMarkdownFrontMatterTOMLWriting(t *testing.T) {
	tests := []struct{ src, tr, want, value string }{
		{"+++\ntitle = 'Die Brücke'\n+++\n", "The town's bridge", "+++\ntitle = \"The town's bridge\"\n+++\n", "The town's bridge"},
		{"+++\ntitle = 'Die Brücke'\n+++\n", "The bridge", "+++\ntitle = 'The bridge'\n+++\n", "The bridge"},
		{"+++\ntitle = \"Die Brücke\"\n+++\n", "C:\\Pfad \"x\"\r\nline\x01", "+++\ntitle = \"C:\\\\Pfad \\\"x\\\"\\r\\nline\\u0001\"\n+++\n", "C:\\Pfad \"x\"\r\nline\x01"},
		{"+++\ndescription = '''\nErste Zeile.\nZweite Zeile.\n'''\n+++\n", "It's '''quoted'''.<x1/>Second line.",
			"+++\ndescription = \"\"\"\nIt's '''quoted'''.\nSecond line.\n\"\"\"\n+++\n", "It's '''quoted'''.\nSecond line.\n"},
		{"+++\ndescription = '''\nErste Zeile.\nZweite Zeile.\n'''\n+++\n", "It's one.\nStill one.<x1/>Second 'line'.",
			"+++\ndescription = '''\nIt's one. Still one.\nSecond 'line'.\n'''\n+++\n", "It's one. Still one.\nSecond 'line'.\n"},
		{"+++\nsummary = \"\"\"Ein Satz.\"\"\"\n+++\n", "A \"\"\"quoted\"\"\" \\ sentence.",
			"+++\nsummary = \"\"\"A \\\"\\\"\\\"quoted\\\"\\\"\\\" \\\\ sentence.\"\"\"\n+++\n", "A \"\"\"quoted\"\"\" \\ sentence."},
	}
	for _, tc := range tests {
		d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, probs := write(t, d, []string{tc.tr}, "en") // tagged text: no "&" or "<" but the codes'
		if out != tc.want || len(probs) > 0 {
			t.Errorf("%q translated %q wrote %q, want %q (%v)", tc.src, tc.tr, out, tc.want, probs)
		}
		for k, v := range tomlValues(t, out) {
			if k != "date" && v != tc.value {
				t.Errorf("%q: %s reads %q, want %q", out, k, v, tc.value)
			}
		}
	}
}

// TestMarkdownFrontMatterYAMLEscapes: a double-quoted YAML value's escapes are read as YAML
// reads them ("\u00fc" is ü, not "u00fc"), and the written value reads back, as YAML, as the
// translation; a value YAML cannot read is left alone.
func TestMarkdownFrontMatterYAMLEscapes(t *testing.T) {
	fm := func(lines string) string { return "---\n" + lines + "---\n" }
	cases := []mdStructureCase{
		{"unicode escapes", fm("title: \"Gr\\u00fc\\u00dfe aus K\\xf6ln\"\n"),
			[]string{"Grüße aus Köln"}, fm("title: \"GRÜßE AUS KÖLN\"\n")},
		{"quote and backslash", fm("title: \"Er sagte \\\"Ja\\\" \\\\ dann\"\n"),
			[]string{"Er sagte \"Ja\" \\ dann"}, fm("title: \"ER SAGTE \\\"JA\\\" \\\\ DANN\"\n")},
		{"no-break space and line break", fm("title: \"Zwei\\_Wörter\\nneue Zeile\"\n"),
			[]string{"Zwei\u00a0Wörter\nneue Zeile"}, fm("title: \"ZWEI\u00a0WÖRTER\\nNEUE ZEILE\"\n")},
		{"unreadable escape stays", fm("title: \"Kaputt \\q hier\"\n"), nil, fm("title: \"Kaputt \\q hier\"\n")},
	}
	runMarkdownCases(t, cases)
	for _, tc := range cases[:3] {
		if got, want := frontMatterValues(t, tc.out)["title"], strings.ToUpper(frontMatterValues(t, tc.src)["title"]); got != want {
			t.Errorf("%s: title reads %q, want %q", tc.name, got, want)
		}
	}
}

// TestMarkdownFrontMatterAfterBlankLine: Hugo's page lexer skips the white space a file starts
// with, so front matter after a blank line is front matter. CorrelAid's
// events/2021-08/tidytuesday-challenge.md (MIT) starts so; before, its "---" was read as a
// thematic break and its fields as a paragraph, sent and written back on one line.
func TestMarkdownFrontMatterAfterBlankLine(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"blank line above (events/2021-08/tidytuesday-challenge.md)",
			"\n---\ntitle: \"CorrelAid TidyTuesday Challenge: Visualisiere Wählerpotenziale von migrantischen Communities\"\ndate: 2020-05-11T22:01:56+02:00\ncorrelaidx: false\ntags: [\"dataviz\", \"rstats\", \"python\"]\n---\n",
			[]string{"CorrelAid TidyTuesday Challenge: Visualisiere Wählerpotenziale von migrantischen Communities"},
			"\n---\ntitle: \"CORRELAID TIDYTUESDAY CHALLENGE: VISUALISIERE WÄHLERPOTENZIALE VON MIGRANTISCHEN COMMUNITIES\"\ndate: 2020-05-11T22:01:56+02:00\ncorrelaidx: false\ntags: [\"dataviz\", \"rstats\", \"python\"]\n---\n"},
		{"TOML after blank lines (the same fields as TOML: the case's)",
			"\n\n+++\ntitle = \"CorrelAid TidyTuesday Challenge\"\ncorrelaidx = false\n+++\n",
			[]string{"CorrelAid TidyTuesday Challenge"},
			"\n\n+++\ntitle = \"CORRELAID TIDYTUESDAY CHALLENGE\"\ncorrelaidx = false\n+++\n"},
	})
}
