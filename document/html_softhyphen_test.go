package document

import (
	"testing"
)

// TestHTMLSoftHyphens: soft hyphens (&shy;, U+00AD) are line-breaking hints, not text: they are
// left out of what is sent, so the memory keys the word as it keys it without them, and a page
// whose words stay the same keeps them. The heading is LTO's (lto.de, 2025-10-20, in
// flairNLP/fundus's test pages), the paragraph taz's raw U+00AD (taz.de, 2024-10-23).
func TestHTMLSoftHyphens(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"entity in a heading",
			`<h1><span class="reader__topline">Paläs&shy;ti&shy;nenser legt Ver&shy;fas&shy;sungs&shy;be&shy;schwerde ein</span></h1>`,
			[]string{"Palästinenser legt Verfassungsbeschwerde ein"}},
		{"raw character",
			"<p>Es ist vorgesehen, dass der Geschlechts\u00adeintrag sowie der Vorname künftig auf dem Standesamt geändert werden kann.</p>",
			[]string{"Es ist vorgesehen, dass der Geschlechtseintrag sowie der Vorname künftig auf dem Standesamt geändert werden kann."}},
		{"title, attribute and structured data",
			`<head><title>Ver&shy;fas&shy;sungs&shy;be&shy;schwerde</title><script type="application/ld+json">{"headline":"Paläs\u00adti\u00adnenser"}</script></head><p><img alt="Ver&shy;fas&shy;sung" src="x.png"> Text</p>`,
			[]string{"Verfassungsbeschwerde", "Palästinenser", "Verfassung", "Text"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkHTMLSegments(t, tc.src, Options{}, tc.want, "") })
	}
}
