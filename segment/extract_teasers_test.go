package segment

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

// The page is an excerpt of berliner-zeitung.de (BerlinerZeitung_2026_05_18.html of the
// extraction development set; markup cut down, text as the page has it): two teaser cards in the
// article's body, each a link holding an image and the other article's headline as an <h3>.
func TestDropTeaserCards(t *testing.T) {
	const card = `<article class="pt-4 border-t border-gray-100"><a href="%s" class="flex gap-4 items-start group"><div><img src="a.jpg" alt="%s"></div><div class="flex-1 min-w-0 flex flex-col"><h3 class="text-black font-merriweather">%s</h3></div></a></article>`
	cardOf := func(href, headline string) string { return fmt.Sprintf(card, href, headline, headline) }
	const title = "Warum überhaupt Kinder? Eine islamische Perspektive auf Sinn und Nachkommenschaft"
	body := func(cards string) string {
		return `<html><body><article><h1>` + title + `</h1>
<p>Die Worte hängen im still gewordenen Raum. Nachdenklich verlasse ich die Cafeteria; das Thema meines nächsten Vortrags steht fest.</p>
<div class="flex flex-col gap-4">` + cards + `</div>
<p>Was bei diesem Gespräch geäußert wurde, sind keine zufälligen Einzelmeinungen.</p></article></body></html>`
	}
	teaser1 := "„Kinder? Für mich keine Option“ – Wie die GenZ in Berlin mit Zukunftsangst lebt"
	teaser2 := "Kinderlosigkeit: „Ich mag Kinder – aber ich will keines in diese Welt setzen“"
	h1 := rawBlock{Kind: Heading, Level: 1, Text: title}
	p1 := rawBlock{Kind: Paragraph, Text: "Die Worte hängen im still gewordenen Raum. Nachdenklich verlasse ich die Cafeteria; das Thema meines nächsten Vortrags steht fest."}
	p2 := rawBlock{Kind: Paragraph, Text: "Was bei diesem Gespräch geäußert wurde, sind keine zufälligen Einzelmeinungen."}
	h3 := func(s string) rawBlock { return rawBlock{Kind: Heading, Level: 3, Text: s} }
	read := []rawBlock{h1, p1, h3(teaser1), h3(teaser2), p2}
	for _, tc := range []struct {
		name string
		page string
		want []rawBlock
	}{
		{"two cards in the body", body(cardOf("/article/2350041", teaser1) + cardOf("/article/2336633", teaser2)), []rawBlock{h1, p1, p2}},
		{"one card", body(cardOf("/article/2350041", teaser1)), []rawBlock{h1, p1, h3(teaser2), p2}},
		// A link to a place on the page (a table of contents) is no card.
		{"link to an anchor", body(cardOf("#abschnitt", teaser1) + cardOf("#abschnitt2", teaser2)), read},
		// A card teasing the article itself ("Meistgelesen") holds its title and its lead:
		// the card is left alone.
		{"card of the article itself", body(`<a href="/article/1"><h3>` + title + `</h3><p>` + p1.Text + `</p></a>`), read},
		// An <a> left open wraps the rest of the page: more than a card holds.
		{"open link around the article", `<html><body><a href="/x"><h2>` + teaser1 + `</h2><p>` + strings.Repeat(p1.Text+" ", 10) + `</p></a></body></html>`, read},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			var removed []Removal
			got := dropTeaserCards(doc, slices.Clone(read), &removed)
			if d := cmp.Diff(tc.want, got, cmp.AllowUnexported(rawBlock{})); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			for _, r := range removed {
				if r.Reason != teaserCardReason {
					t.Errorf("reason %q", r.Reason)
				}
			}
		})
	}
}
