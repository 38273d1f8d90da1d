package segment

import (
	"strings"
	"testing"
)

// A lead the page marks by class is the lead even when it ends without a full stop, as the
// Hamburger Abendblatt's do; but the photo caption that a marked intro element holds above the
// lead (as faz.net sets it) is still no lead. The text is the Abendblatt's article of
// 15.05.2020 in Postlight Parser's fixtures (see testdata/SOURCES.md), set in the page's own
// markup, cut to its header and first paragraphs.
func TestMarkedLeadWithoutFullStop(t *testing.T) {
	const (
		lead    = "Obst wird auch in Corona-Zeiten weltweit transportiert. Doch es gibt Probleme, wie ein Besuch auf dem Hamburger Großmarkt zeigt"
		caption = "Exotische Früchte sind weiter gefragt: Großmarkt-Chefin Eliane Steinmeyer mit Mangos"
	)
	body := `<div class="article__body"><p>Gabi Eutemüller und Eliane Steinmeyer stehen in einer Halle auf dem Gelände des <strong>Großmarktes</strong> und prüfen die Lieferungen. Bunte Kisten mit Obst stapeln sich in dem Lager der Ingmar Heuer GmbH meterhoch. Im Kühlraum nebenan warten violett schimmernde Artischocken auf Feinschmecker.</p>
<p>Gabi Eutemüller, die bei der Ingmar Heuer GmbH den Import von Früchten organisiert, nennt die Hürden für den globalen Handel mit Lebensmitteln: „Die Luftfrachtkosten sind um das drei- bis Fünffache gestiegen“, berichtet die Kauffrau, die Abnehmer wie Globus und Edeka beliefert. Das verteuere die Mangos aus Peru genauso wie Papayas aus Brasilien. Denn bei diesen Produkten mache der Aufwand für den Transport einen Großteil der Kosten aus. Die Exoten kosteten daher im Supermarkt derzeit rund 30 Prozent mehr als bisher.</p></div>`
	page := func(intro string) string {
		return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Warum Mangos und Papayas jetzt teurer sind - Hamburger Abendblatt</title></head><body><article class="article">
<div class="article__header"><div><span class="article__header__kicker">Corona</span> <h2 class="article__header__headline">Warum Mangos und Papayas jetzt teurer sind</h2></div>
` + intro + `</div>` + body + `</article></body></html>`
	}
	tests := []struct {
		name, page string
		lead, cap  bool // whether the lead and the caption are in the text
	}{
		{
			name: "lead marked by class, no full stop",
			page: page(`<div class="article__header__intro"><p class="article__header__intro__text"><span>` + lead + `</span></p></div>`),
			lead: true,
		},
		{
			name: "caption in the marked intro above the lead",
			page: page(`<div class="article__header__intro"><p class="image-description"><span>` + caption + `</span> <span>Foto: Michael Rauhe</span></p><p class="article__header__intro__text">` + lead + `</p></div>`),
			lead: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := spaceNorm(extractBitext([]byte(tc.page)))
			if !strings.Contains(text, "Gabi Eutemüller und Eliane Steinmeyer") {
				t.Fatalf("body not extracted:\n%s", text)
			}
			if got := strings.Count(text, lead); got != btoi(tc.lead) {
				t.Errorf("lead %d times, want %d:\n%s", got, btoi(tc.lead), text)
			}
			if got := strings.Contains(text, caption); got != tc.cap {
				t.Errorf("caption in the text = %v, want %v:\n%s", got, tc.cap, text)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
