package segment

import (
	"strings"
	"testing"
)

// leadPage builds a news page: headline, then head (what sites put between headline and body),
// then a body of several paragraphs in an <article> the extractors find.
func leadPage(description, head string) string {
	var b strings.Builder
	b.WriteString(`<html><head><title>Stadtrat beschließt neuen Haushalt</title>`)
	if description != "" {
		b.WriteString(`<meta name="description" content="` + description + `">`)
	}
	b.WriteString(`</head><body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav><main><div class="top"><h1>Stadtrat beschließt neuen Haushalt</h1>`)
	b.WriteString(head)
	b.WriteString(`</div><article><div class="body">`)
	for _, p := range []string{
		"Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für das kommende Jahr mit großer Mehrheit beschlossen.",
		"Die Kämmerin sprach von einem Haushalt der Vernunft, der trotz steigender Kosten ohne neue Schulden auskomme und Spielräume lasse.",
		"Die Opposition kritisierte vor allem die Kürzungen bei den Bibliotheken und kündigte an, im Frühjahr einen eigenen Antrag einzubringen.",
		"Mehr als zwanzig Änderungsanträge lagen zur Abstimmung vor; angenommen wurden nach Angaben der Verwaltung nur drei davon.",
		"Der Haushalt muss nun noch von der Aufsichtsbehörde genehmigt werden, was nach Einschätzung der Verwaltung bis März dauern dürfte.",
	} {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</div></article></main><footer><p>Impressum Datenschutz Kontakt</p></footer></body></html>`)
	return b.String()
}

func TestWithLead(t *testing.T) {
	const lead = "Nach einer langen Sitzung steht der Haushalt: Die Stadt kommt ohne neue Schulden aus, doch bei den Bibliotheken wird gespart."
	tests := []struct {
		name, description, head string
		want                    bool // the lead is in the text
	}{
		{"marked by its class", "", `<p class="article-lead">` + lead + `</p>`, true},
		{"marked by its id", "", `<div id="intro"><p>` + lead + `</p></div>`, true},
		{"description reworded", "Nach langer Sitzung steht der Haushalt der Stadt: keine neuen Schulden, aber bei den Bibliotheken wird gespart.", `<p>` + lead + `</p>`, true},
		{"above the byline", "", `<p>` + lead + `</p><p>Von Anna Muster</p><p>12.03.2025, 18:00 Uhr</p>`, true},
		{"not a lead: no mark, no description, no byline", "", `<p>` + lead + `</p>`, false},
		{"not a lead: a caption above the byline", "", `<p>Der Sitzungssaal am Dienstagabend, kurz vor der entscheidenden Abstimmung über den Haushalt. Foto: Anna Muster</p><p>Von Anna Muster</p>`, false},
		{"not a lead: a teaser marked as such", "", `<p class="teaser-lead">` + lead + `</p>`, false},
		{"not a lead: too short", "", `<p class="lead">Der Haushalt steht.</p>`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := extractBitext([]byte(leadPage(tc.description, tc.head)))
			if !strings.Contains(text, "Der Stadtrat hat am Dienstagabend") {
				t.Fatalf("body not extracted:\n%s", text)
			}
			got := strings.Contains(text, "Nach einer langen Sitzung") || strings.Contains(text, "Der Sitzungssaal am Dienstagabend") || strings.Contains(text, "Der Haushalt steht.")
			if got != tc.want {
				t.Errorf("lead in text = %v, want %v:\n%s", got, tc.want, text)
			}
			if n := strings.Count(text, "Nach einer langen Sitzung"); n > 1 {
				t.Errorf("lead %d times in the text", n)
			}
		})
	}
}
