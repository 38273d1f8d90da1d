package document

import (
	"slices"
	"strings"
	"testing"
)

// TestHTMLVisibleText: text a reader sees is translated wherever it stands — options of a
// <select>, the content of <noscript> and <template> (markup a script puts on the page), the
// titles, texts and labels of an inline <svg> — and the
// markup around it stays. want lists the segments; out is the page with every segment
// upper-cased (upper).
func TestHTMLVisibleText(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		out       string
	}{
		{"options",
			`<form><select name="w"><option value="1">Erste Wahl</option><option value="2" selected>Zweite Wahl<optgroup label="Weitere Wahlen"><option label="Kurz">Dritte</select></form>`,
			[]string{"Erste Wahl", "Zweite Wahl", "Weitere Wahlen", "Kurz", "Dritte"},
			`<form><select name="w"><option value="1">ERSTE WAHL</option><option value="2" selected>ZWEITE WAHL<optgroup label="WEITERE WAHLEN"><option label="KURZ">DRITTE</select></form>`},
		{"template",
			`<template id="zeile"><tr><td>Zeile hinzufügen</td><td><button title="Löschen">Entfernen</button></td></tr></template>`,
			[]string{"Zeile hinzufügen", "Löschen", "Entfernen"},
			`<template id="zeile"><tr><td>ZEILE HINZUFÜGEN</td><td><button title="LÖSCHEN">ENTFERNEN</button></td></tr></template>`},
		{"template placeholders",
			// heise.de's teaser templates: a script fills "${title}" in; alone they are no text
			// (sent, a model that changes them breaks the script), beside words they go along.
			`<template id="teaser"><h3><span class="kicker">${intro}</span> ${title}</h3><img alt="${title}" src="${image}"><p>{{ lead }}</p><a href="${url}">Weiterlesen</a> <span>Mehr zu ${thema}</span></template>`,
			[]string{"<g1>Weiterlesen</g1> <g2>Mehr zu ${thema}</g2>"},
			`<template id="teaser"><h3><span class="kicker">${intro}</span> ${title}</h3><img alt="${title}" src="${image}"><p>{{ lead }}</p><a href="${url}">WEITERLESEN</a> <span>MEHR ZU ${THEMA}</span></template>`},
		{"labelled svg in a link",
			`<p><a href="/"><svg aria-label="Startseite" role="img"><path d="M0"/></svg></a> <button><svg aria-label="Suche öffnen"><title>Suche</title></svg></button> und mehr</p>`,
			[]string{"Startseite", "Suche öffnen", "Suche", "und mehr"},
			`<p><a href="/"><svg aria-label="STARTSEITE" role="img"><path d="M0"/></svg></a> <button><svg aria-label="SUCHE ÖFFNEN"><title>SUCHE</title></svg></button> UND MEHR</p>`},
		{"labelled svg alone",
			`<a href="/"><svg aria-label="Startseite"></svg></a>`,
			[]string{"Startseite"},
			`<a href="/"><svg aria-label="STARTSEITE"></svg></a>`},
		{"noscript",
			"<body><noscript><p>Bitte aktivieren Sie <b>JavaScript</b>.</p></noscript><p>Danach.</p></body>",
			[]string{"Bitte aktivieren Sie <g1>JavaScript</g1>.", "Danach."},
			"<body><noscript><p>BITTE AKTIVIEREN SIE <b>JAVASCRIPT</b>.</p></noscript><p>DANACH.</p></body>"},
		{"noscript with an image",
			`<noscript><img src="p.gif" alt="Zählpixel"></noscript>`,
			[]string{"Zählpixel"},
			`<noscript><img src="p.gif" alt="ZÄHLPIXEL"></noscript>`},
		{"noscript not to translate",
			`<noscript translate="no"><p>Nicht übersetzen</p></noscript><p>Text hier.</p>`,
			[]string{"Text hier."},
			`<noscript translate="no"><p>Nicht übersetzen</p></noscript><p>TEXT HIER.</p>`},
		{"class notranslate",
			`<p>Der <span class="marke notranslate">Stadtanzeiger</span> berichtet.</p><div class="notranslate"><p>Bbabo NET</p></div><p class="notranslated">Nachrichten</p>`,
			[]string{"Der <x1/> berichtet.", "Nachrichten"},
			`<p>DER <span class="marke notranslate">Stadtanzeiger</span> BERICHTET.</p><div class="notranslate"><p>Bbabo NET</p></div><p class="notranslated">NACHRICHTEN</p>`},
		{"noscript in noscript",
			"<noscript><p>Außen</p><noscript><p>Innen</p></noscript><p>Danach hier</p>",
			[]string{"Außen", "Danach hier"},
			"<noscript><p>AUßEN</p><noscript><p>Innen</p></noscript><p>DANACH HIER</p>"},
		{"noscript in head",
			`<head><noscript><style>p{}</style><meta name="description" content="Eine Beschreibung"></noscript></head>`,
			[]string{"Eine Beschreibung"},
			`<head><noscript><style>p{}</style><meta name="description" content="EINE BESCHREIBUNG"></noscript></head>`},
		{"svg as a block",
			`<div><svg viewBox="0 0 10 10"><title>Eine Grafik</title><desc>Ein Kreis &amp; ein Pfad</desc><path d="M0 0"/><text x="1">Beschriftung der <tspan>Grafik</tspan></text><style>text{}</style></svg></div>`,
			[]string{"Eine Grafik", "Ein Kreis &amp; ein Pfad", "Beschriftung der", "Grafik"},
			`<div><svg viewBox="0 0 10 10"><title>EINE GRAFIK</title><desc>EIN KREIS &amp; EIN PFAD</desc><path d="M0 0"/><text x="1">BESCHRIFTUNG DER <tspan>GRAFIK</tspan></text><style>text{}</style></svg></div>`},
		{"svg in a sentence",
			`<p>Siehe <svg><title>Eine Grafik</title><text>Beschriftung der Grafik</text></svg> hier <a href="/x" title="Ein Link">und dort</a>.</p>`,
			[]string{"Eine Grafik", "Beschriftung der Grafik", "Ein Link", "Siehe <x1/> hier <g2>und dort</g2>."},
			`<p>SIEHE <svg><title>EINE GRAFIK</title><text>BESCHRIFTUNG DER GRAFIK</text></svg> HIER <a href="/x" title="EIN LINK">UND DORT</a>.</p>`},
		{"svg at the edge of a sentence",
			`<p><svg><title>Symbol</title></svg> Teilen</p>`,
			[]string{"Symbol", "Teilen"},
			`<p><svg><title>SYMBOL</title></svg> TEILEN</p>`},
		{"icon link without words",
			`<p><a href="/teilen"><svg class="icon"><title>Teilen</title><use href="#s"/></svg></a></p>`,
			[]string{"Teilen"},
			`<p><a href="/teilen"><svg class="icon"><title>TEILEN</title><use href="#s"/></svg></a></p>`},
		{"svg not to translate",
			`<p>Logo <svg translate="no"><text>Stadtanzeiger</text></svg> hier.</p>`,
			[]string{"Logo <x1/> hier."},
			`<p>LOGO <svg translate="no"><text>Stadtanzeiger</text></svg> HIER.</p>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Identity(); !slices.Equal(got, tc.want) {
				t.Errorf("segments %q, want %q", got, tc.want)
			}
			for _, s := range d.Segments {
				for _, c := range s.Codes {
					if strings.ContainsRune(c.Open+c.Close, 0) {
						t.Errorf("code %q of %q holds a NUL", c.Open, s.Text)
					}
				}
			}
			if out, _ := write(t, d, d.Identity(), ""); out != tc.src {
				t.Errorf("identity wrote %q, want the input", out)
			}
			out, probs := write(t, d, translateAll(d, upper), "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if out != tc.out {
				t.Errorf("wrote\n%s\nwant\n%s", out, tc.out)
			}
		})
	}
}
