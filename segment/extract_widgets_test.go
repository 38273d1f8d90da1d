package segment

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The widgets are excerpts of pages of the extraction development set (markup cut down, text as
// the pages have it): tagesanzeiger.ch (TagesAnzeiger_2024_09_04.html), waz.de
// (WAZ_2025_11_06.html), wort.lu (LuxemburgerWort_2026_07_12.html) and 20min.ch
// (ZwanzigMinuten_2024_12_17.html), each between two paragraphs of its article.
func TestReaderWidgets(t *testing.T) {
	const before = `<p>Das schmälerte den Schweizer Frust aber nicht, den Granit Xhaka zusammenfasste: „Der Platzverweis hat uns getötet.“</p>`
	const after = `<p>Der Oberste Verteidigungsrat (CSAT) in Rumänien hatte Tiktok nach dem Erfolg des prorussischen Rechtsradikalen Calin Georgescu bei der Präsidentenwahl schwere Vorwürfe gemacht.</p>`
	page := func(widget string) string {
		return `<html><body><main><article><h1>Titel</h1>` + before + widget + after + `</article></main></body></html>`
	}
	article := strings.Repeat(`<p>Der Oberste Verteidigungsrat (CSAT) in Rumänien hatte Tiktok nach dem Erfolg des prorussischen Rechtsradikalen Calin Georgescu schwere Vorwürfe gemacht.</p>`, 3)
	for _, tc := range []struct {
		name   string
		page   string
		widget string // the text taken out, "" for none
	}{
		{
			name:   "box named by its class",
			page:   page(`<section class="NewsletterBox_root__rh9I2"><span class="NewsletterBox_nlindicator__S3yny">Newsletter</span><span class="NewsletterBox_wrapper__nlGop"><span class="NewsletterBox_description__fG0Kr"><div class="NewsletterBox_title__wxPRJ">Der Morgen</div><span class="NewsletterBox_lead__MvkdZ">Der perfekte Start in den Tag mit News und Geschichten aus der Schweiz und der Welt.</span><p><a href="/newsletter-uebersicht">Weitere Newsletter</a></p></span><span><button>Einloggen</button></span></span></section>`),
			widget: "Der perfekte Start in den Tag",
		},
		{
			name:   "box named by its aria-label",
			page:   page(`<div class="article-body"><section aria-label="Newsletter Anmeldung" class="col-span-3 w-full"><p class="text-h4">Ein FUNKE Liebe</p><p class="text-body2 mt-2">Alle zwei Wochen sonntags: Antworten auf Beziehungsfragen – ehrlich, nah und alltagstauglich.</p></section></div>`),
			widget: "Alle zwei Wochen sonntags",
		},
		{
			name:   "box around a subscribe button",
			page:   page(`<div><div class="Paper_paper__WIDGS"><div class="_content_ga5c9_9"><h2 class="Heading_heading__T8HZu">Newsletter: Sport inside</h2><p class="Paragraph_paragraph__NsBq9">Jeden Montag die Topstorys der Woche aus der Sportredaktion</p><button class="Button_button__z_ZbF"><span>Jetzt abonnieren</span></button><span class="Caption_caption__8dmsO">Sie können sich jederzeit wieder abmelden, wenn Sie das möchten. Weitere Informationen finden Sie in unserer <a href="/datenschutz">Datenschutzrichtlinie</a>.</span></div></div></div>`),
			widget: "Jeden Montag die Topstorys",
		},
		{
			name:   "poll",
			page:   page(`<div class="Article_elementPoll__0I_DP"><div class="sc-c7badfe-0"><div><p>Sollten Plattformen wie Tiktok strenger reguliert werden, um ausländische Einmischung zu verhindern?</p></div><div><label><input name="103241818" type="radio"><span><span>Ja, unbedingt.</span></span></label><label><input name="103241818" type="radio"><span><span>Nein, das wäre Zensur.</span></span></label></div></div></div>`),
			widget: "Sollten Plattformen wie Tiktok",
		},
		{
			// The button stands in the article's own container: the box would hold the article.
			name: "subscribe button next to the article's paragraphs",
			page: `<html><body><div class="text">` + article + `<button>Jetzt abonnieren</button></div></body></html>`,
		},
		{
			name: "element named newsletter holding the article's headline",
			page: `<html><body><div class="newsletter-webversion"><h1>Der Morgen</h1>` + before + `</div></body></html>`,
		},
		{
			name: "element named newsletter holding more than a box",
			page: `<html><body><div class="newsletter-content">` + strings.Repeat(article, 3) + `</div></body></html>`,
		},
		{
			name: "a button that asks nothing",
			page: page(`<div class="more"><button>Mehr anzeigen</button><span>Weitere Bilder</span></div>`),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			var removed []Removal
			pruneNeverText(doc, &removed)
			var got []string
			for _, r := range removed {
				if r.Reason == widgetReason {
					got = append(got, r.Text)
				}
			}
			text := spaceNorm(extractBitext([]byte(tc.page)))
			if tc.widget == "" {
				if len(got) > 0 {
					t.Errorf("removed %q", got)
				}
				return
			}
			if !strings.Contains(strings.Join(got, "\n"), tc.widget) {
				t.Errorf("removed %q, not %q", got, tc.widget)
			}
			if strings.Contains(text, tc.widget) || !strings.Contains(text, "Granit Xhaka") || !strings.Contains(text, "Calin Georgescu") {
				t.Errorf("read %q", text)
			}
		})
	}
}
