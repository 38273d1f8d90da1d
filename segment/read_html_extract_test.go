package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWithInnerHeadings(t *testing.T) {
	h := func(s string) rawBlock { return rawBlock{Kind: Heading, Level: 3, Text: s} }
	p := func(s string) rawBlock { return rawBlock{Kind: Paragraph, Text: s} }
	full := []rawBlock{h("Teaser"), p("Anriss."), h("Titel"), p("Eins."), h("Abschnitt"), p("Zwei."), h("Mehr zum Thema"), p("Fremder Artikel."), p("Drei.")}
	for _, tc := range []struct {
		name          string
		content, want []rawBlock
	}{
		{"between kept blocks", []rawBlock{h("Titel"), p("Eins."), p("Zwei.")}, []rawBlock{h("Titel"), p("Eins."), h("Abschnitt"), p("Zwei.")}},
		{"already kept", []rawBlock{p("Eins."), h("Abschnitt"), p("Zwei.")}, []rawBlock{p("Eins."), h("Abschnitt"), p("Zwei.")}},
		// Its next block was dropped too: a teaser's headline, not the article's.
		{"next block dropped", []rawBlock{p("Zwei."), p("Drei.")}, []rawBlock{p("Zwei."), p("Drei.")}},
		// At the edge of the content: nothing says it belongs to the article.
		{"before the content", []rawBlock{p("Eins."), p("Zwei.")}, []rawBlock{p("Eins."), h("Abschnitt"), p("Zwei.")}},
		{"not adjacent in the content", []rawBlock{p("Eins."), p("Drei."), p("Zwei.")}, []rawBlock{p("Eins."), p("Drei."), p("Zwei.")}},
	} {
		got := withInnerHeadings(tc.content, full)
		if d := cmp.Diff(tc.want, got, cmp.AllowUnexported(rawBlock{})); d != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, d)
		}
	}
}

// TestDateAndLabelApart: a date set in bold at the start of the lead, and the section label
// beside it, do not open the lead's first sentence (vogue.de's article header).
func TestDateAndLabelApart(t *testing.T) {
	lead := "Sie können ironisch-unschön, lustig und überraschend sein, doch das Wichtigste ist, dass sie gemütlich sind."
	body := "<p>" + strings.Repeat("Die Tradition des Weihnachtspullovers ist eine recht junge, erst in den 80er-Jahren entstandene. ", 4) + "</p>"
	for _, tc := range []struct {
		name, html string
		first      string // the first sentence after the title
		label      bool   // a section label is listed as removed
	}{
		{"date and label", `<div><strong>24. Dezember 2014</strong>
<span class="gold">
Weihnachten</span>
` + lead + `</div>`, "Sie können", true},
		{"date only", `<p><b>12. März 2024</b> ` + lead + `</p>`, "Sie können", false},
		{"bold word, no date", `<p><strong>Achtung</strong> ` + lead + `</p>`, "Achtung Sie können", false},
		{"label without a date", `<p><span>Weihnachten</span> ` + lead + `</p>`, "Weihnachten Sie können", false},
		{"date inside the text", `<p>Am <b>24. Dezember 2014</b> war es kalt. ` + lead + `</p>`, "Am 24. Dezember 2014 war es kalt.", false},
	} {
		page := "<html><head><title>Die Redaktion zeigt ihre Christmas Sweater</title></head><body><article><h1>Die Redaktion zeigt ihre Christmas Sweater</h1>" + tc.html + body + "</article></body></html>"
		doc, err := Read(strings.NewReader(page), "p.html", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) < 2 || !strings.HasPrefix(doc.Blocks[1].Sentences[0].Text, tc.first) {
			t.Errorf("%s: blocks %v, want the first after the title to start %q", tc.name, blockSummary(doc.Blocks), tc.first)
		}
		label := false
		for _, r := range doc.Removed {
			label = label || r.Reason == "section label beside the date"
		}
		if label != tc.label {
			t.Errorf("%s: section label removed %v, want %v", tc.name, label, tc.label)
		}
	}
}
