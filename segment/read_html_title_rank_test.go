package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A page's <h1> over its <h2> sections is the page's title however short, not a site name or
// section label above a title: the reviewer's heise.de privacy statement lost its
// "Datenschutzerklärung" this way, and translate --main-only titled the page "Begriffe". The
// text is the Corona-Warn-App's privacy statement (cwa-app-android, see testdata/SOURCES.md),
// its <h1> and first two <h2> sections.
func TestShortTitleOverSections(t *testing.T) {
	const (
		h2a = "1. Wer ist Herausgeber der Corona-Warn-App?"
		pa  = "Diese App wird vom Robert Koch-Institut (RKI) für die deutsche Bundesregierung herausgegeben. Das RKI ist auch dafür verantwortlich, dass Ihre personenbezogenen Daten in Übereinstimmung mit den Vorschriften über den Datenschutz verarbeitet werden."
		h2b = "2. Ist die Nutzung der App freiwillig?"
		pb  = "Die Nutzung der App ist freiwillig. Es ist allein Ihre Entscheidung, ob Sie die App installieren, welche App-Funktionen Sie nutzen und ob Sie Daten mit anderen teilen."
	)
	sections := `<h2>` + h2a + `</h2><p>` + pa + `</p><h2>` + h2b + `</h2><p>` + pb + `</p>`
	tests := []struct {
		name, page string
		want       []string
	}{
		{
			name: "h1 over h2 sections",
			page: page("<title>Datenschutzerklärung</title>", `<article><h1>Datenschutzerklärung</h1>`+sections+`</article>`),
			want: []string{"heading/1: Datenschutzerklärung", "heading/2: " + h2a, "paragraph: " + pa, "heading/2: " + h2b, "paragraph: " + pb},
		},
		{
			name: "h1 over h2 sections, <title> with the site's name",
			page: page("<title>Datenschutzerklärung | Corona-Warn-App</title>", `<article><h1>Datenschutzerklärung</h1>`+sections+`</article>`),
			want: []string{"heading/1: Datenschutzerklärung", "heading/2: " + h2a, "paragraph: " + pa, "heading/2: " + h2b, "paragraph: " + pb},
		},
		{
			// The site's name in an <h1> of the page header is still no title.
			name: "site name in the header's h1",
			page: page("<title>"+h2a+" - Corona-Warn-App</title>", `<header><h1><a href="/">Corona-Warn-App</a></h1></header><article><h2>`+h2a+`</h2><p>`+pa+`</p><p>`+pb+`</p></article>`),
			want: []string{"heading/2: " + h2a, "paragraph: " + pa, "paragraph: " + pb},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := readString(t, tc.page, HTML, false)
			if diff := cmp.Diff(tc.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s\nremoved:\n%s", diff, strings.Join(explainLines(doc), "\n"))
			}
		})
	}
}
