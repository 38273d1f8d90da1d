package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

// The pages are excerpts of two pages of the extraction development set (markup cut down, text
// as the pages have it): sportschau.de (SportSchau_2024_04_25.html), whose captions stand in a
// <p> next to the image, and rp-online.de (RheinischePost_2024_04_21.html), whose caption the
// extractor kept from a <figcaption>.
func TestDropImageCaptions(t *testing.T) {
	const sportschau = `<html><head><meta name="description" content="Der FC Liverpool hat in der Premier League das Derby beim FC Everton verloren und im Titelkampf wichtige Punkte liegen gelassen."></head><body><article>
<p class="textabsatz">Jarrad Branthwaite erzielte in der 27. Minute die Führung für Everton.</p>
<div class="absatzbild"><div class="absatzbild__media"><picture><img src="everton-jubel-104.jpg" alt="Jarrad Branthwaite (FC Everton) jubelt nach seinem Treffer gegen den FC Liverpool" title="Jarrad Branthwaite (FC Everton) jubelt nach seinem Treffer gegen den FC Liverpool | Getty Images/Naomi Baker"></picture></div>
<div class="absatzbild__info"><p class="absatzbild__info__text">Jarrad Branthwaite (FC Everton) jubelt nach seinem Treffer gegen den FC Liverpool</p></div></div>
<p class="textabsatz">Everton erhöhte in der 58. Minute, als Dominic Calvert-Lewin eine Ecke ins Tor köpfte.</p>
<img src="x.jpg" alt="Everton"><img src="y.jpg" alt="Der FC Liverpool hat in der Premier League das Derby beim FC Everton verloren und im Titelkampf wichtige Punkte liegen gelassen.">
</article></body></html>`
	const rp = `<html><body><figure id="park-figure-811943742"><div><img alt="Jugendliche tauchen mit der VR-Brille in virtuelle Welten. Wenn das neue KI-Labor der Schule eingerichtet ist, sollen sie selbst welche entwerfen." width="950"></div>
<figcaption><p>Jugendliche tauchen mit der VR-Brille in virtuelle Welten. Wenn das neue KI-Labor der Schule eingerichtet ist, sollen sie selbst welche entwerfen.</p><span>Foto: Andreas Bretz</span></figcaption></figure>
<p>Neuss · Was kann Künstliche Intelligenz im Klassenzimmer – jenseits davon, dass Chat GPT Schülern beim Schummeln hilft?</p></body></html>`
	p := func(s string) rawBlock { return rawBlock{Kind: Paragraph, Text: s} }
	h := func(s string) rawBlock { return rawBlock{Kind: Heading, Level: 2, Text: s} }
	for _, tc := range []struct {
		name       string
		page       string
		blocks     []rawBlock
		want       []rawBlock
		wantReason string
	}{
		{
			name:   "caption in a <p> repeats the image's alt text",
			page:   sportschau,
			blocks: []rawBlock{p("Jarrad Branthwaite erzielte in der 27. Minute die Führung für Everton."), p("Jarrad Branthwaite (FC Everton) jubelt nach seinem Treffer gegen den FC Liverpool"), p("Everton erhöhte in der 58. Minute, als Dominic Calvert-Lewin eine Ecke ins Tor köpfte.")},
			want:   []rawBlock{p("Jarrad Branthwaite erzielte in der 27. Minute die Führung für Everton."), p("Everton erhöhte in der 58. Minute, als Dominic Calvert-Lewin eine Ecke ins Tor köpfte.")},
		},
		{
			// The lead is the description; an image whose alt text is the lead keeps it.
			name:   "the lead stays though an image's alt text repeats it",
			page:   sportschau,
			blocks: []rawBlock{p("Der FC Liverpool hat in der Premier League das Derby beim FC Everton verloren und im Titelkampf wichtige Punkte liegen gelassen.")},
			want:   []rawBlock{p("Der FC Liverpool hat in der Premier League das Derby beim FC Everton verloren und im Titelkampf wichtige Punkte liegen gelassen.")},
		},
		{
			name:   "a heading or a word or two is no caption",
			page:   sportschau,
			blocks: []rawBlock{h("Jarrad Branthwaite (FC Everton) jubelt nach seinem Treffer gegen den FC Liverpool"), p("Everton")},
			want:   []rawBlock{h("Jarrad Branthwaite (FC Everton) jubelt nach seinem Treffer gegen den FC Liverpool"), p("Everton")},
		},
		{
			name:   "figcaption kept by the extractor",
			page:   rp,
			blocks: []rawBlock{p("Jugendliche tauchen mit der VR-Brille in virtuelle Welten. Wenn das neue KI-Labor der Schule eingerichtet ist, sollen sie selbst welche entwerfen."), p("Neuss · Was kann Künstliche Intelligenz im Klassenzimmer – jenseits davon, dass Chat GPT Schülern beim Schummeln hilft?")},
			want:   []rawBlock{p("Neuss · Was kann Künstliche Intelligenz im Klassenzimmer – jenseits davon, dass Chat GPT Schülern beim Schummeln hilft?")},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			var removed []Removal
			got := dropImageCaptions(doc, tc.blocks, &removed)
			if d := cmp.Diff(tc.want, got, cmp.AllowUnexported(rawBlock{})); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			if len(removed) != len(tc.blocks)-len(tc.want) {
				t.Errorf("removed %v", removed)
			}
			for _, r := range removed {
				if !strings.HasPrefix(r.Reason, imageCaptionReason) {
					t.Errorf("reason %q", r.Reason)
				}
			}
		})
	}
}

// A <figcaption> the readers keep (readability, and bitext's own walker on pages too big for
// the extractors) is dropped as chrome, with its reason.
func TestFigcaptionIsChrome(t *testing.T) {
	const page = `<html><body><main><h1>Kinder werden „schneller und erfolgreicher“</h1><figure><img alt="" src="a.jpg"><figcaption>Jugendliche tauchen mit der VR-Brille in virtuelle Welten.</figcaption></figure>
<p>Neuss · Was kann Künstliche Intelligenz im Klassenzimmer – jenseits davon, dass Chat GPT Schülern beim Schummeln hilft?</p></main></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var removed []Removal
	w := htmlWalker{dropChrome: true, removed: &removed}
	w.walk(doc)
	w.flush()
	if got := textOf(w.out); strings.Contains(got, "VR-Brille") || !strings.Contains(got, "Neuss") {
		t.Errorf("read %q", got)
	}
	if len(removed) != 1 || removed[0].Reason != imageCaptionReason {
		t.Errorf("removed %v", removed)
	}
}
