package document

import (
	"strings"
	"testing"

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
