package segment

import "testing"

func TestArticleBodyIn(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"plain", `{"@type":"NewsArticle","articleBody":"Der Rat hat entschieden."}`, "Der Rat hat entschieden."},
		{"in @graph", `{"@graph":[{"@type":"WebPage"},{"@type":"Article","articleBody":"Erster Satz. Zweiter Satz."}]}`, "Erster Satz. Zweiter Satz."},
		{"longest of several", `[{"articleBody":"kurz"},{"articleBody":"ein längerer Text"}]`, "ein längerer Text"},
		{"HTML inside", `{"articleBody":"<p>Erster Absatz.</p><p>Zweiter <b>Absatz</b>.</p>"}`, "Erster Absatz.\nZweiter Absatz.\n"},
		{"not JSON", `{"articleBody": "offen`, ""},
		{"none", `{"@type":"Organization","name":"Verlag"}`, ""},
	}
	for _, tt := range tests {
		if got := articleBodyIn(tt.src); got != tt.want {
			t.Errorf("%s: articleBodyIn = %q, want %q", tt.name, got, tt.want)
		}
	}
}
