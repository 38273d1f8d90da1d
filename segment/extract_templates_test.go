package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Blog and small-site templates, written for this test (the text too), in the shapes
// WordPress, Blogger, page builders and static site generators give pages: each must come out
// with its post and without the furniture around it. The development set has few such pages;
// these keep the paths they take (short posts, div-only templates, comment sections) honest.
func TestExtractTemplates(t *testing.T) {
	post := []string{
		"Am Samstag haben wir mit zwölf Helferinnen und Helfern den Bachlauf hinter der Schule von Müll befreit.",
		"Gefunden haben wir vor allem Plastikflaschen, aber auch einen Einkaufswagen und zwei Fahrradreifen.",
		"Die Gemeinde hat den Container gestellt und am Montag abgeholt; die nächste Aktion ist für den Herbst geplant.",
	}
	paras := "<p>" + strings.Join(post, "</p><p>") + "</p>"
	wiki, err := os.ReadFile(filepath.Join("..", "testdata", "segment", "wiki-ralf-isau.html"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		page    string
		must    []string
		mustNot []string
	}{
		{
			name: "WordPress, semantic, short post",
			page: `<html lang="de-DE"><head><title>Öffnungszeiten – Bücherei Hinterdorf</title></head><body>
<header id="masthead"><p class="site-title">Bücherei Hinterdorf</p><nav><a href="/">Start</a> <a href="/kontakt">Kontakt</a></nav></header>
<main><article class="post"><header class="entry-header"><h1>Neue Öffnungszeiten</h1><div class="entry-meta">Veröffentlicht am 3. Mai 2021 von Erika</div></header>
<div class="entry-content"><p>Ab Juni hat die Bücherei auch am Samstagvormittag geöffnet, von 10 bis 12 Uhr. Wir freuen uns auf euren Besuch!</p></div></article>
<nav class="navigation post-navigation"><div class="nav-links"><a href="/x">Lesesommer 2021 beginnt</a></div></nav>
<div id="comments" class="comments-area"><h3 class="comment-reply-title">Schreibe einen Kommentar</h3><form><p>Deine E-Mail-Adresse wird nicht veröffentlicht.</p></form></div></main>
<aside class="widget-area"><h2>Neueste Beiträge</h2><ul><li>Bücherflohmarkt im Herbst</li></ul><h2>Meta</h2><ul><li>Anmelden</li><li>Feed der Einträge</li></ul></aside>
<footer><p>Stolz präsentiert von WordPress</p></footer></body></html>`,
			must:    []string{"Ab Juni hat die Bücherei auch am Samstagvormittag geöffnet"},
			mustNot: []string{"Schreibe einen Kommentar", "Bücherflohmarkt im Herbst", "Feed der Einträge", "Lesesommer 2021 beginnt", "Stolz präsentiert"},
		},
		{
			name: "div-only template, short post",
			page: `<html><head><title>Vereinsheim – SV Grünwiese</title></head><body><div id="wrapper">
<div id="header"><div class="logo">SV Grünwiese 1921</div><div class="menu"><a href="/">Start</a> | <a href="/termine">Termine</a> | <a href="/verein">Verein</a></div></div>
<div id="sidebar"><div class="box"><h3>Nächste Termine</h3><p>12.06. Sommerfest am Sportplatz</p><p>20.06. Jahreshauptversammlung</p></div></div>
<div id="main"><div class="post"><h2>Vereinsheim wieder geöffnet</h2><div class="entry"><p>Nach der Renovierung ist unser Vereinsheim ab sofort wieder jeden Freitag ab 18 Uhr geöffnet.</p></div></div></div>
<div id="footer">Impressum | Datenschutz | Kontakt</div></div></body></html>`,
			must:    []string{"Nach der Renovierung ist unser Vereinsheim ab sofort wieder"},
			mustNot: []string{"Sommerfest am Sportplatz", "Jahreshauptversammlung", "Impressum | Datenschutz"},
		},
		{
			name: "WordPress classic, div-only, with readers' comments",
			page: `<html><head><title>Müllsammeln am Bach | Bürgerverein Nordstadt</title></head><body><div id="page">
<div id="header"><h1 class="blog-title">Bürgerverein Nordstadt</h1><div class="description">Für ein lebenswertes Viertel</div></div>
<div id="content"><div class="post" id="post-88"><h2 class="post-title">Müllsammeln am Bach</h2><div class="postmeta">14. April 2019 · Kategorie: Aktionen</div>
<div class="entry">` + paras + `<p class="postmetadata">Schlagwörter: Bach, Müll, Umwelt</p></div></div>
<div id="comments"><h3>2 Kommentare</h3><ol class="commentlist"><li><p>Toll gemacht, beim nächsten Mal bin ich auch dabei!</p></li><li><p>Danke an alle, die mitgeholfen haben.</p></li></ol>
<div id="respond"><h3>Hinterlasse einen Kommentar</h3><p>Du musst angemeldet sein, um einen Kommentar abzugeben.</p></div></div></div>
<div id="sidebar"><h2>Archiv</h2><ul><li>April 2019</li><li>März 2019</li></ul><h2>Links</h2><ul><li>Stadtteilbüro Nordstadt</li></ul></div>
<div id="footer"><p>© 2019 Bürgerverein Nordstadt · Theme von Beispiel</p></div></div></body></html>`,
			must:    []string{post[0], post[1], post[2]},
			mustNot: []string{"Toll gemacht, beim nächsten Mal", "Hinterlasse einen Kommentar", "Du musst angemeldet sein", "Stadtteilbüro Nordstadt", "Schlagwörter: Bach"},
		},
		{
			name: "Blogger",
			page: `<html><head><title>Bachputz 2019</title></head><body><div class="content-outer"><div class="header-outer"><h1 class="title">Aus dem Garten</h1></div>
<div class="main-inner"><div class="column-center-inner"><div class="date-outer"><h2 class="date-header"><span>Sonntag, 14. April 2019</span></h2>
<div class="post-outer"><div class="post hentry"><h3 class="post-title entry-title">Bachputz 2019</h3><div class="post-body entry-content">` + strings.Join(post, "<br><br>") + `</div>
<div class="post-footer"><span class="post-author">Eingestellt von Gärtnerin um 18:12</span> <span class="post-comment-link">Keine Kommentare:</span> <span class="post-labels">Labels: Umwelt</span></div></div></div></div>
<div class="blog-pager" id="blog-pager"><a class="blog-pager-newer-link">Neuerer Post</a> <a class="blog-pager-older-link">Älterer Post</a> <a class="home-link">Startseite</a></div></div></div>
<div class="column-right-inner"><div class="widget BlogArchive"><h2>Blog-Archiv</h2><ul><li>April (3)</li><li>März (5)</li></ul></div><div class="widget Profile"><h2>Über mich</h2><p>Ich gärtnere seit zwanzig Jahren in einem Schrebergarten am Stadtrand.</p></div></div></div></body></html>`,
			must:    []string{post[0], post[1], post[2]},
			mustNot: []string{"Blog-Archiv", "Ich gärtnere seit zwanzig Jahren", "Älterer Post", "Sonntag, 14. April 2019", "Aus dem Garten"},
		},
		{
			name: "agency report inside an aside",
			page: `<html><head><title>Bachputz – Lokalzeitung</title></head><body><header><nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav></header>
<main><div class="content"><h1>Bachputz in der Nordstadt</h1><aside class="agency-report">` + paras + `<p>Die Gemeinde dankte allen Beteiligten und kündigte an, weitere Container bereitzustellen.</p></aside></div></main>
<aside class="sidebar"><h3>Meistgelesen</h3><ul><li><a href="/a">Brücke bleibt gesperrt</a></li></ul></aside><footer><p>Impressum · Datenschutz</p></footer></body></html>`,
			must:    []string{post[0], post[1], post[2]},
			mustNot: []string{"Brücke bleibt gesperrt", "Impressum · Datenschutz"},
		},
		{
			name: "script-rendered page, article only in JSON-LD",
			page: `<html><head><title>Bachputz – Stadtportal</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bachputz in der Nordstadt","articleBody":"` + strings.Join(post, " ") + ` Die Gemeinde dankte allen Beteiligten und kündigte an, weitere Container bereitzustellen. Wer mitmachen will, kann sich beim Bürgerverein melden."}</script></head>
<body><div id="app"><nav><a href="/">Start</a> <a href="/themen">Themen</a></nav><div class="loading">Inhalte werden geladen …</div><div class="footer-links">Impressum Datenschutz Barrierefreiheit</div></div></body></html>`,
			must:    []string{post[0], post[2]},
			mustNot: []string{"Impressum Datenschutz Barrierefreiheit"},
		},
		{
			name: "table layout with a link column",
			page: `<html><head><title>Bachputz - Bürgerverein</title></head><body><table width="100%"><tr><td colspan="2"><font size="5"><b>Bürgerverein Nordstadt e.V.</b></font></td></tr>
<tr><td width="150" valign="top"><a href="index.html">Startseite</a><br><a href="news.html">Neuigkeiten</a><br><a href="termine.html">Termine</a><br><a href="kontakt.html">Kontakt</a><br><a href="gb.html">Gästebuch</a></td>
<td valign="top"><font face="Arial"><b>Bachputz 2004</b><br><br>` + strings.Join(post, "<br><br>") + `<br><br><i>Der Vorstand</i></font></td></tr>
<tr><td colspan="2"><font size="1">Letzte Änderung: 02.05.2004 | <a href="impressum.html">Impressum</a></font></td></tr></table></body></html>`,
			must:    []string{post[0], post[1], post[2]},
			mustNot: []string{"Neuigkeiten", "Gästebuch", "Letzte Änderung"},
		},
		{
			name: "video page: a long footer is not the article",
			page: `<html><head><title>Video: Bachputz</title></head><body><nav><a href="/">Start</a></nav><main><h1>Video: Bachputz in der Nordstadt</h1><div class="player">Video wird geladen</div><p>Helferinnen und Helfer beim Bachputz.</p></main>
<footer><p>Der Bürgerverein Nordstadt wurde 1975 gegründet und setzt sich seitdem für ein lebenswertes Viertel ein, für saubere Bäche, sichere Schulwege und lebendige Nachbarschaften.</p><p>Alle Inhalte dieser Seite sind urheberrechtlich geschützt; jede Verwendung außerhalb der engen Grenzen des Urheberrechts bedarf unserer Zustimmung.</p><p>Für die Inhalte verlinkter Seiten sind ausschließlich deren Betreiber verantwortlich, wir übernehmen dafür keine Haftung.</p></footer></body></html>`,
			must:    []string{"Helferinnen und Helfer beim Bachputz."},
			mustNot: []string{"wurde 1975 gegründet", "urheberrechtlich geschützt"},
		},
		{
			name: "WordPress classic, post text separated by <br>",
			page: `<html><head><title>Bachputz | Bürgerverein</title></head><body><div id="wrap"><div id="head"><a href="/">Bürgerverein Nordstadt</a></div>
<div id="content"><div class="post"><h2>Bachputz 2019</h2><small>14. April 2019 von vorstand</small>
<div class="entry">` + post[0] + `<br>` + post[1] + `<br><br><strong>Wie es weitergeht</strong><br>` + post[2] + `
<p class="postmetadata">Abgelegt unter Aktionen | <a href="#respond">Kommentar schreiben</a></p></div></div></div>
<div id="sidebar"><ul><li><h2>Kategorien</h2><ul><li>Aktionen</li><li>Vereinsleben</li></ul></li></ul></div>
<div id="footer">Bürgerverein Nordstadt e.V. | Impressum</div></div></body></html>`,
			must:    []string{post[0], post[1], post[2]},
			mustNot: []string{"14. April 2019 von vorstand", "Abgelegt unter", "Vereinsleben"},
		},
		{
			name: "div paragraphs with bold labels, teaser list inside the body",
			page: `<html><head><title>Bachputz – Stadtanzeiger</title></head><body><div class="site"><div class="main"><div class="article"><h1>Bachputz in der Nordstadt</h1>
<div class="text"><b>Nordstadt.</b> ` + post[0] + `</div><div class="text"><b>Gefunden:</b> ` + post[1] + `</div>
<ul><li><strong>Stadtwerke:</strong> <a href="/a">Neue Preise für Strom und Gas ab Januar in der Region</a></li><li><strong>Verkehr:</strong> <a href="/b">Brücke am Hafen bleibt bis zum Sommer gesperrt</a></li></ul>
<div class="text">` + post[2] + `</div></div></div><div class="footer">© Stadtanzeiger | Impressum</div></div></body></html>`,
			must:    []string{"Nordstadt. " + post[0], "Gefunden: " + post[1], post[2]},
			mustNot: []string{"Neue Preise für Strom und Gas", "Brücke am Hafen bleibt"},
		},
		{
			name: "div paragraphs with inline markup",
			page: `<html><head><title>Bachputz – Stadtanzeiger</title></head><body><div class="main"><div class="article"><h1>Bachputz in der Nordstadt</h1>
<div class="text">Am Samstag haben <b>zwölf</b> Helferinnen und Helfer den Bachlauf hinter der <a href="/schule">Grundschule</a> von Müll befreit, <i>trotz</i> Regen.</div>
<div class="text">` + post[1] + `</div><div class="text">` + post[2] + `</div></div></div></body></html>`,
			must: []string{"Am Samstag haben zwölf Helferinnen und Helfer den Bachlauf hinter der Grundschule von Müll befreit, trotz Regen.", post[1], post[2]},
		},
		{
			name: "static site generator",
			page: `<html lang="de"><head><title>Bachputz | notizen.example</title></head><body><header><a href="/">notizen.example</a><nav><a href="/posts">Artikel</a> <a href="/about">Über</a></nav></header>
<main><article><h1>Bachputz</h1><time>2019-04-14</time>` + paras + `</article></main><footer>© 2019 · Gebaut mit Hugo</footer></body></html>`,
			must:    []string{post[0], post[1], post[2]},
			mustNot: []string{"Gebaut mit Hugo"},
		},
		{
			// MediaWiki's chrome inside the article (edit links, table of contents, Personendaten)
			// goes; the section headings, links to the works they name, stay.
			name:    "MediaWiki (Wikipedia 2010, excerpt)",
			page:    string(wiki),
			must:    []string{"Isau lebt mit seiner Frau in Asperg bei Ludwigsburg.", "Auszeichnungen", "Die Chroniken von Mirad", "Der Zirkel der Phantanauten"},
			mustNot: []string{"Bearbeiten", "Inhaltsverzeichnis", "3.1", "Personendaten", "KURZBESCHREIBUNG", "Kategorien", "Zufälliger Artikel"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := spaceNorm(extractBitext([]byte(tc.page)))
			for _, m := range tc.must {
				if n := strings.Count(text, m); n != 1 {
					t.Errorf("%q %d times in:\n%s", m, n, text)
				}
			}
			for _, m := range tc.mustNot {
				if strings.Contains(text, m) {
					t.Errorf("kept %q in:\n%s", m, text)
				}
			}
		})
	}
}

func TestLostSpace(t *testing.T) {
	elem := &html.Node{Type: html.ElementNode, Data: "b"}
	text := &html.Node{Type: html.TextNode, PrevSibling: elem}
	plain := &html.Node{Type: html.TextNode}
	tests := []struct {
		before, data string
		n            *html.Node
		want         bool
	}{
		{"Zutaten:", "500 g Mehl", text, true},
		{"Berlin.", "Der Senat", text, true},
		{"Wirklich?", "Ja", text, true},
		{"Bundes", "regierung", text, false}, // a word split by markup
		{"Version 2.", "5", text, false},     // a number split by markup
		{"Zutaten:", " 500 g Mehl", text, false},
		{"Zutaten:", "500 g Mehl", plain, false}, // not after an element
		{"befreit,", "trotz", &html.Node{Type: html.TextNode, Parent: &html.Node{Type: html.ElementNode, Data: "i"}}, true},
		{"Er sagte:", "„Wir kommen.“", text, true},
		{"um 10:", "30 Uhr", text, false},
		{"www.", "example.de", text, false},
		{"Preis 1,", "5 Millionen", text, false},
		{"„Guantánamo Syriens“:", "Hier sitzen", text, true},
		{"Zutaten:", "– Mehl", text, false},
	}
	for _, tt := range tests {
		if got := lostSpace(tt.before, tt.data, tt.n); got != tt.want {
			t.Errorf("lostSpace(%q, %q) = %v, want %v", tt.before, tt.data, got, tt.want)
		}
	}
}
