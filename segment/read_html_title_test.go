package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// articleBody is enough German prose for readability to pick the <article> as the content.
const articleBody = `<p>Am Mittwoch, dem 15. Dezember, traf sich die stellvertretende US-Außenministerin Karen Donfried in Moskau mit dem stellvertretenden russischen Außenminister Sergej Rjabkow, um über die Lage an der Grenze zu sprechen.</p>
<p>Thema des Gesprächs waren russische Truppen an den Grenzen der Ukraine und Garantien bezüglich der NATO in Osteuropa, wie das Ministerium am Abend in Washington mitteilte.</p>
<p>Nach Angaben der russischen Nachrichtenagentur Interfax vereinbarten beide Seiten weitere Kontakte auf der Ebene der stellvertretenden Minister, einen Termin nannten sie nicht.</p>`

const firstSentence = "paragraph: Am Mittwoch, dem 15. Dezember,"

// page wraps a body in a document with the given <head> content.
func page(head, body string) string {
	return "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">" + head + "</head><body>" + body + "</body></html>"
}

func TestReadHTMLTitle(t *testing.T) {
	const h1 = "Vertreter des US-Außenministeriums besuchten den Kreml"
	nav := `<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/welt">Welt</a></li></ul></nav></header>`
	footer := `<footer><p>© 2021 Bbabo NET. Alle Rechte vorbehalten.</p></footer>`
	tests := []struct {
		name string
		in   string
		want []string // the first blocks; a paragraph prefix for the article's first paragraph
	}{
		{
			"h1 outside the article",
			page("<title>"+h1+"</title>", nav+`<div class="headline"><h1>`+h1+`</h1><p class="date">15.12.2021</p></div><article>`+articleBody+`</article>`+footer),
			[]string{"heading/1: " + h1, firstSentence},
		},
		{
			"several h1: the last before the article is its title",
			page("<title>"+h1+"</title>", nav+`<div class="rubrik"><h1>Politik</h1></div><div class="headline"><h1>`+h1+`</h1></div><article>`+articleBody+`</article><div class="more"><h1>Eine ganz andere Meldung des Tages</h1></div>`+footer),
			[]string{"heading/1: " + h1, firstSentence},
		},
		{
			"h1 inside the article, equal to <title>",
			page("<title>"+h1+"</title>", nav+`<article><h1>`+h1+`</h1>`+articleBody+`<h2>Die Umsetzung der Minsker Abkommen</h2><p>Donfried betonte, dass Fortschritte möglich seien.</p></article>`+footer),
			[]string{"heading/1: " + h1, firstSentence},
		},
		{
			"h1 inside the article, kept by readability",
			page("<title>US-Diplomaten im Kreml – Bbabo NET</title>", nav+`<article><h1>`+h1+`: Worauf waren sie sich einig?</h1>`+articleBody+`</article>`+footer),
			[]string{"heading/1: " + h1 + ": Worauf waren sie sich einig?", firstSentence},
		},
		{
			"no h1, <title> with a site suffix",
			page("<title>"+h1+" | Bbabo NET</title>", nav+`<article>`+articleBody+`</article>`+footer),
			[]string{"heading/1: " + h1, firstSentence},
		},
		{
			"h1 is the site name, article title in <title>",
			page("<title>"+h1+" - Bbabo NET</title>", `<header><h1>Bbabo NET</h1></header><article>`+articleBody+`</article>`+footer),
			[]string{"heading/1: " + h1, firstSentence},
		},
		{
			"h1 is a logo and <title> only the site name",
			page("<title>Bbabo NET</title>", `<header><h1><a href="/">Bbabo NET</a></h1></header><article>`+articleBody+`</article>`+footer),
			[]string{firstSentence},
		},
		{
			"no h1, <title> is the site name and a slogan",
			page("<title>Bbabo NET - Nachrichten aus aller Welt</title>", `<header><div class="logo">Bbabo NET</div></header><article>`+articleBody+`</article>`+footer),
			[]string{firstSentence},
		},
		{
			"no h1, <title> without suffix names the logo in the page header",
			page("<title>Bbabo NET Nachrichten</title>", `<header><div class="logo">Bbabo NET Nachrichten</div>`+nav+`</header><article>`+articleBody+`</article>`+footer),
			[]string{firstSentence},
		},
		{
			"no h1, headline-like <title> without suffix",
			page("<title>"+h1+"</title>", nav+`<article>`+articleBody+`</article>`+footer),
			[]string{"heading/1: " + h1, firstSentence},
		},
		{
			"h1 equals og:site_name",
			page(`<title>Bbabo NET</title><meta property="og:site_name" content="Bbabo NET">`, `<div><h1>Bbabo NET</h1></div><article>`+articleBody+`</article>`+footer),
			[]string{firstSentence},
		},
		{
			"title as h2 in the article, dropped by readability, comes back once",
			page("<title>"+h1+" | Bbabo NET</title>", nav+`<article><h2>`+h1+`</h2>`+articleBody+`</article>`+footer),
			[]string{"heading/1: " + h1, firstSentence},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readString(t, tt.in, HTML, false)
			got := blockSummary(doc.Blocks)
			if len(got) < len(tt.want) {
				t.Fatalf("blocks:\n%s", strings.Join(got, "\n"))
			}
			got = got[:len(tt.want)]
			last := len(tt.want) - 1
			if strings.HasPrefix(got[last], tt.want[last]) {
				got[last] = tt.want[last] // compare the article's first paragraph by its prefix
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("first blocks (-want +got):\n%s\nall:\n%s", diff, strings.Join(blockSummary(doc.Blocks), "\n"))
			}
			var titles int
			for _, b := range doc.Blocks {
				if strings.Contains(b.Text, "besuchten den Kreml") {
					titles++
				}
			}
			if titles > 1 {
				t.Errorf("title appears %d times:\n%s", titles, strings.Join(blockSummary(doc.Blocks), "\n"))
			}
			for _, r := range doc.Removed {
				if strings.HasPrefix(r.Text, h1) {
					t.Errorf("title reported removed: %+v", r)
				}
			}
		})
	}
}

func TestSplitSiteSuffix(t *testing.T) {
	tests := []struct {
		in, head, site string
		ok             bool
	}{
		{"Titel | Bbabo NET", "Titel", "Bbabo NET", true},
		{"Ein Titel - mit Strich - Seite", "Ein Titel - mit Strich", "Seite", true},
		{"US-Diplomaten im Kreml – Bbabo NET", "US-Diplomaten im Kreml", "Bbabo NET", true},
		{"US-Außenministerium", "US-Außenministerium", "", false},
		{"Titel - ein langer Untertitel mit vielen Wörtern", "Titel - ein langer Untertitel mit vielen Wörtern", "", false},
		{" | Seite", " | Seite", "", false},
	}
	for _, tt := range tests {
		head, site, ok := splitSiteSuffix(tt.in)
		if head != tt.head || site != tt.site || ok != tt.ok {
			t.Errorf("splitSiteSuffix(%q) = %q, %q, %v; want %q, %q, %v", tt.in, head, site, ok, tt.head, tt.site, tt.ok)
		}
	}
}

func TestHasTitle(t *testing.T) {
	p := func(s string) rawBlock { return rawBlock{Kind: Paragraph, Text: s} }
	h := func(level int, s string) rawBlock { return rawBlock{Kind: Heading, Level: level, Text: s} }
	tests := []struct {
		name    string
		content []rawBlock
		title   string
		want    bool
	}{
		{"starts with it", []rawBlock{h(1, "Der Titel"), p("Text.")}, "Der Titel", true},
		{"starts with it as a paragraph", []rawBlock{p("Der Titel."), p("Text.")}, "Der Titel", true},
		{"heading with subtitle", []rawBlock{p("Politik"), h(2, "Der Titel: Worum es geht"), p("Text.")}, "Der Titel", true},
		{"shorter heading", []rawBlock{h(1, "Der Titel")}, "Der Titel: Worum es geht", true},
		{"other heading second", []rawBlock{p("Text."), h(2, "Zwischentitel")}, "Der Titel", false},
		{"only inside a paragraph", []rawBlock{p("Der Titel steht hier im Satz.")}, "Der Titel", false},
		{"empty", nil, "Der Titel", false},
	}
	for _, tt := range tests {
		if got := hasTitle(tt.content, tt.title); got != tt.want {
			t.Errorf("%s: hasTitle = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestHTMLFrontMatterBlanked: a page starting with Jekyll's front matter (opensource.guide's
// German pages) is read for its text without it, its lines kept so positions stay the page's;
// a page that only starts with a rule of dashes is read as it is.
func TestHTMLFrontMatterBlanked(t *testing.T) {
	for _, tc := range []struct {
		page string
		want []string
	}{
		{"---\nlayout: article\ntitle: Wie man zu Open Source beiträgt\n---\n<p>Der Rat tagt am Montag.</p>\n", []string{"Der Rat tagt am Montag."}},
		{"---\n<p>Der Rat tagt am Montag.</p>\n", []string{"---", "Der Rat tagt am Montag."}},
	} {
		doc, err := Read(strings.NewReader(tc.page), "index.html", Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, b.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q read as %q, want %q", tc.page, got, tc.want)
		}
	}
	if got := blankFrontMatter("---\ntitle: Grüße\n---\nx"); got != "   \n"+strings.Repeat(" ", len("title: Grüße"))+"\n   \nx" {
		t.Errorf("blanked %q", got)
	}
}
