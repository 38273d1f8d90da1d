package segment

import (
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
