package document

import (
	"bytes"
	"strings"
	"testing"
)

// TestMarkdownHeadingAttributes: a heading's explicit id ("{#desired-vs-current}", as Hugo,
// kramdown and Pandoc write it; react.dev's "{/*…*/}") names the target of in-page links: it is
// kept after the translation and never sent. Before, it was sent with the words and came back
// translated ("{#DESIRED-VS-CURRENT}").
func TestMarkdownHeadingAttributes(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"explicit id (controller.md)", "## Wunschzustand gegen Istzustand {#desired-vs-current}\n",
			[]string{"Wunschzustand gegen Istzustand"}, "## WUNSCHZUSTAND GEGEN ISTZUSTAND {#desired-vs-current}\n"},
		{"id in an MDX comment (add-react-to-an-existing-project.md)",
			"## React für eine ganze Subroute einer bestehenden Webseite verwenden {/*using-react-for-an-entire-subroute-of-your-existing-website*/}\n",
			[]string{"React für eine ganze Subroute einer bestehenden Webseite verwenden"},
			"## REACT FÜR EINE GANZE SUBROUTE EINER BESTEHENDEN WEBSEITE VERWENDEN {/*using-react-for-an-entire-subroute-of-your-existing-website*/}\n"},
		{"id and closing sequence", "## Wege um Controller auszuführen {#running-controllers} ##\n",
			[]string{"Wege um Controller auszuführen"}, "## WEGE UM CONTROLLER AUSZUFÜHREN {#running-controllers} ##\n"},
		{"id of a heading in a list item", "- ### Kontrolle via API Server {#api-server}\n",
			[]string{"Kontrolle via API Server"}, "- ### KONTROLLE VIA API SERVER {#api-server}\n"},
		{"id of a setext heading", "Direkte Kontrolle {#direkt}\n---\n",
			[]string{"Direkte Kontrolle"}, "DIREKTE KONTROLLE {#direkt}\n---\n"},
		{"braces in a heading's words are words", "## Objekte {und} Controller\n",
			[]string{"Objekte {und} Controller"}, "## OBJEKTE {UND} CONTROLLER\n"},
	})
	// A translation that ends as an attribute list would is written so that it is none.
	d, err := Read(strings.NewReader("## Wunschzustand gegen Istzustand {#desired-vs-current}\n"), "x.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := write(t, d, []string{"Desired versus current state {#state}"}, "en")
	if want := "## Desired versus current state \\{#state} {#desired-vs-current}\n"; out != want {
		t.Errorf("wrote %q, want %q", out, want)
	}
}

// TestMarkdownToHTMLHeadingIDs: a converted page gives its headings ids, the explicit ones
// kept, so that in-page links lead to them: the Kubernetes pages' "[Adressen](#adressen)" and
// "[Kapazität](#kapazität)" (nodes.md) and controller.md's "{#desired-vs-current}".
func TestMarkdownToHTMLHeadingIDs(t *testing.T) {
	md := "* [Adressen](#adressen)\n* [Kapazität](#kapazität)\n\n### Adressen\n\nDie Verwendung dieser Felder hängt von Ihrem Cloud-Anbieter ab.\n\n### Kapazität\n\nBeschreibt die auf dem Node verfügbaren Ressourcen.\n\n## Wunschzustand gegen Istzustand {#desired-vs-current}\n\n## Design\n\n## Design\n"
	var b bytes.Buffer
	if err := MarkdownToHTML(&b, []byte(md), "de"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{`<a href="#adressen">`, `<h3 id="adressen">Adressen</h3>`, `<a href="#kapazit%C3%A4t">` /* browsers read the fragment decoded */, `<h3 id="kapazität">Kapazität</h3>`,
		`<h2 id="desired-vs-current">Wunschzustand gegen Istzustand</h2>`, `<h2 id="design">Design</h2>`, `<h2 id="design-1">Design</h2>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	// The translated page keeps the explicit id: written back after the translation, the
	// converter reads it again.
	d, data := readFile(t, "testdata/markdown/k8s-controller.md", Options{})
	out, _ := write(t, d, translateAll(d, upper), "en")
	b.Reset()
	if err := MarkdownToHTML(&b, []byte(out), "en"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h2 id="desired-vs-current">WUNSCHZUSTAND GEGEN ISTZUSTAND</h2>`, `<h2 id="running-controllers">WEGE UM CONTROLLER AUSZUFÜHREN</h2>`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("translated page lacks %q", want)
		}
	}
	if !bytes.Contains(data, []byte("{#desired-vs-current}")) {
		t.Fatal("testdata changed")
	}
}
