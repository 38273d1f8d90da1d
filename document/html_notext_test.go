package document

import (
	"testing"
)

// TestHTMLNotText: texts that are no words (a link's text that is its address, a bare number,
// an identifier or file name in an attribute, a CamelCase name in structured data) are not
// sent and stay as they are; words beside them, and words that only look alike, are sent.
// The markup is from pages in flairNLP/fundus's tests: DW (2024-01-30), heise (2024-04-19),
// junge Welt (2024-04-26).
func TestHTMLNotText(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"link text that is its address",
			`<p><a href="https://p.dw.com/p/4boRv">https://p.dw.com/p/4boRv</a></p><li><a href="https://de.wikipedia.org/wiki/Feminismus">https://de.wikipedia.org/wiki/Feminismus</a></li><p>Mehr unter <a href="https://www.dw.com">www.dw.com</a> lesen</p>`,
			[]string{"Mehr unter <g1>www.dw.com</g1> lesen"}},
		{"a number alone",
			"<span class=\"footer__text\">\n  <span class=\"js-red-bookmarklet\">\n    4575877\n  </span>\n</span><p>Seite 2</p><p>04.03.2024</p>",
			[]string{"Seite 2", "04.03.2024"}},
		{"identifiers in attributes",
			`<noscript><iframe title="GTM-PZGTJJ2" src="https://www.googletagmanager.com/ns.html?id=GTM-PZGTJJ2"></iframe></noscript><img id="img194191" src="/img/450/194191.jpg" class="img-fluid" alt="1.JPG"><img alt="comments_outline_white"><img alt="Gruppenfoto"><a title="SPD-Fraktion" href="/">x</a><abbr title="EU">EU</abbr>`,
			[]string{"Gruppenfoto", "SPD-Fraktion", "EU", "<g1>x</g1><g2>EU</g2>"}},
		{"names in structured data",
			`<script type="application/ld+json">{"@context":"https://schema.org","@id":"4556350","@type":"Thing","description":"TileModule","additionalType":"TileModule"}</script><script type="application/ld+json">{"headline":"WhatsApp","description":"Neue Funktion"}</script>`,
			[]string{"Neue Funktion"}},
		{"words that only look alike",
			`<p>WhatsApp</p><p>netzpolitik.org</p><p>B2B</p><p>Die Seite https://x.de lesen</p><p>Bundesliga-Highlights</p><img alt="Abschicken">`,
			[]string{"WhatsApp", "netzpolitik.org", "B2B", "Die Seite https://x.de lesen", "Bundesliga-Highlights", "Abschicken"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkHTMLSegments(t, tc.src, Options{}, tc.want, "") })
	}
}

// TestNotText: the rules, one text each.
func TestNotText(t *testing.T) {
	tests := []struct {
		s           string
		names, want bool
	}{
		{"https://de.wikipedia.org/wiki/Korsett", false, true},
		{"www.dw.com", false, true},
		{"4575877", false, true},
		{"1.JPG", true, true},
		{"GTM-PZGTJJ2", true, true},
		{"__proto_headline__", true, true},
		{"TileModule", true, true},
		{"TileModule", false, false},
		{"04.01.2023", false, false},
		{"1.000", false, false},
		{"Abschicken", true, false},
		{"SPD-Fraktion", true, false},
		{"EU", true, false},
		{"Bild.de", true, false},
		{"https://", false, false},
		{"Mehr https://x.de", false, false},
		{"Nordrhein-Westfalen", true, false},
		{"eBay", true, false},
	}
	for _, tc := range tests {
		if got := notText(tc.s, tc.names); got != tc.want {
			t.Errorf("notText(%q, %v) = %v, want %v", tc.s, tc.names, got, tc.want)
		}
	}
}
