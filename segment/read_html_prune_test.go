package segment

import (
	"strings"
	"testing"
)

func TestHTMLContentBytes(t *testing.T) {
	for _, tc := range []struct {
		page string
		want int
	}{
		{"<p>Text</p>", 11},
		{"<style>p{color:red}</style><p>Text</p>", 11},
		{"<SCRIPT type=x>var a = '<p>';</script ><p>Text</p>", 11},
		{`<img src="data:image/png;base64,AAAA"><p>Text</p>`, len(`<img src="">`) + 11},
		{`<div style="background:url(data:image/png;base64,AAAA)">x</div>`, len(`<div style="background:url()">x</div>`)},
		{"<svg><path d='M0 0'/></svg>x", 1},
		{"<scripts>x</scripts>", 20}, // another element
		{"<style>never closed", 0},
		{"Metadata: keine", 15},
		{"", 0},
	} {
		if got := htmlContentBytes([]byte(tc.page)); got != tc.want {
			t.Errorf("htmlContentBytes(%q) = %d, want %d", tc.page, got, tc.want)
		}
	}
}

// TestHTMLLimitsCountContent: a page over the extractors' limits only by what never carries its
// text — inline images and style sheets (a page saved whole), thousands of reader comments — is
// still read by the extractors, not whole with its sidebar; a page over them by its text is read
// whole, and says so.
func TestHTMLLimitsCountContent(t *testing.T) {
	if testing.Short() {
		t.Skip("reads pages of several MB")
	}
	article := `<article><h1>Die Schlagzeile</h1><p>` + strings.Repeat("Der Rat hat am Dienstag einen neuen Haushalt beschlossen. ", 12) + `</p></article>`
	sidebar := `<div class="box"><p>Meistgelesen: Ein ganz anderer Artikel über etwas anderes.</p></div>`
	var comments strings.Builder
	comments.WriteString(`<section id="comments">`)
	for range 12000 {
		comments.WriteString(`<div class="comment"><span>leser</span><p>Ein Kommentar.</p></div>`)
	}
	comments.WriteString(`</section>`)
	for _, tc := range []struct {
		name, page string
		whole      bool
	}{
		{"inline image", `<html><head><style>body{background:url(data:image/png;base64,` + strings.Repeat("QUJD", 5<<20) + `)}</style></head><body>` + sidebar + article + `</body></html>`, false},
		{"comments", `<html><body>` + sidebar + article + comments.String() + `</body></html>`, false},
		{"many paragraphs", `<html><body>` + sidebar + article + strings.Repeat(`<div><p>Zeile.</p></div>`, 15000) + `</body></html>`, true},
	} {
		doc, err := Read(strings.NewReader(tc.page), "p.html", Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var text strings.Builder
		for _, b := range doc.Blocks {
			text.WriteString(b.Text + "\n")
		}
		if !strings.Contains(text.String(), "Haushalt") {
			t.Errorf("%s: the article is missing", tc.name)
		}
		if got := strings.Contains(text.String(), "Meistgelesen"); got != tc.whole {
			t.Errorf("%s: sidebar kept %v, want %v (read whole)", tc.name, got, tc.whole)
		}
		warned := false
		for _, r := range doc.Removed {
			warned = warned || r.Warn
		}
		if warned != tc.whole {
			t.Errorf("%s: warning %v, want %v", tc.name, warned, tc.whole)
		}
	}
}

// TestChromeClassOnTheArticle: a class or id that names page furniture (toc, comments,
// metadata) set on the article itself — its <article> or <main>, or an element holding its <h1>
// — does not take the article away: it did, silently, leaving nothing (black-box verification).
func TestChromeClassOnTheArticle(t *testing.T) {
	body := `<h1>Kommentar: Waffenexporte</h1><p>Die Bundesregierung hat am Mittwoch neue Regeln für den Export von Waffen beschlossen, die ab dem kommenden Jahr gelten sollen.</p><p>Der Kanzler sagte, die Regeln seien notwendig, um die Glaubwürdigkeit der Außenpolitik zu sichern.</p>`
	for _, wrap := range []string{
		`<article class="toc">%s</article>`,
		`<main id="comments">%s</main>`,
		`<div class="metadata">%s</div>`,
		`<div id="disqus_thread">%s</div>`,
	} {
		page := "<!DOCTYPE html><html><head><title>Kommentar: Waffenexporte</title></head><body><nav><a href=\"/\">Start</a></nav>" +
			strings.Replace(wrap, "%s", body, 1) + "</body></html>"
		doc, err := Read(strings.NewReader(page), "a.html", Options{})
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, b := range doc.Blocks {
			text = append(text, b.Text)
		}
		if got := strings.Join(text, "\n"); !strings.Contains(got, "Der Kanzler sagte") {
			t.Errorf("%s: the article is gone:\n%s", wrap, got)
		}
	}
	// Furniture without the headline still goes: a table of contents inside the article.
	page := `<!DOCTYPE html><html><body><article>` + body + `<div class="toc"><p>Inhaltsverzeichnis</p><p>1 Leben</p></div><p>Die Opposition kündigte eine eigene Initiative im Bundestag an.</p></article></body></html>`
	doc, err := Read(strings.NewReader(page), "b.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "Inhaltsverzeichnis") {
			t.Errorf("the table of contents stayed: %q", b.Text)
		}
	}
}
