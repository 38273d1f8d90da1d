package segment

import (
	"strings"
	"testing"
)

// A page's text marked translate="no" or class="notranslate", in another language than the
// source, or code alone is read as whole-page translation keeps it (package document): a block of
// it is Kept (shown, never sent, no sentences), and such text inside a sentence is one of the
// block's Code pieces, for translate to carry over. The marks go through the extractor
// (go-trafilatura drops attributes), the whole-body walker and the stream alike. Before, a
// reviewer's `bitext translate --main-only` of such a page sent and changed all of it.
func TestReadHTMLKeptText(t *testing.T) {
	const german = "Die Anträge können künftig über die App gestellt werden, teilte das Ministerium in Berlin mit."
	const english = "We are making government services simpler for everyone."
	// French React docs (testdata/SOURCES.md, as in clean_french_test.go).
	const french = "Si vous êtes bloqué, essayez nos ressources communautaires."
	tests := []struct {
		name, lang, block string
		root              string // the attributes of <html> and <body>, lang="de" and none when ""
		want              string // the block's text
		kept              bool
		code              []string // its Code pieces
		textLang          string   // its Lang: the language of a kept text, when not the source's
	}{
		{name: "translate=no", block: `<p translate="no">` + german + `</p>`, want: german, kept: true},
		{name: "class notranslate", block: `<p class="hinweis notranslate">` + german + `</p>`, want: german, kept: true},
		{name: "another language, inherited", block: `<blockquote lang="en"><p>` + english + `</p></blockquote>`, want: english, kept: true, textLang: "en"},
		{name: "xml:lang", block: `<p xml:lang="en-GB">` + english + `</p>`, want: english, kept: true, textLang: "en-GB"},
		{name: "the source language with a region", block: `<p lang="de-AT">` + german + `</p>`, want: german},
		{name: "a child's own language", block: `<div lang="en"><p lang="de">` + german + `</p></div>`, want: german},
		{name: "a child's translate=yes", block: `<div translate="no"><p translate="yes">` + german + `</p></div>`, want: german},
		{name: "notranslate undone on the element", block: `<p class="notranslate" translate="yes">` + german + `</p>`, want: german},
		{name: "the root's and the body's language are not asked", root: ` lang="en"`, block: `<p>` + german + `</p>`, want: german},
		{name: "code alone", block: `<p><code>GET /api/v2/antrag</code></p>`, want: "GET /api/v2/antrag", kept: true},
		// DW's short link under an article and heise's article id (fundus test pages): no words,
		// kept as a whole page keeps them (document.NotText); they were sent and came back
		// "translated".
		{name: "a bare address", block: `<p>https://p.dw.com/p/4boRv</p>`, want: "https://p.dw.com/p/4boRv", kept: true},
		{name: "a number alone", block: `<p>4575877</p>`, want: "4575877", kept: true},
		{name: "an address in a sentence", block: `<p>Mehr unter https://p.dw.com/p/4boRv im Netz.</p>`, want: "Mehr unter https://p.dw.com/p/4boRv im Netz."},
		{name: "translate=no with punctuation", block: `<p><span translate="no">AusweisApp</span>.</p>`, want: "AusweisApp.", kept: true},
		{name: "inline translate=no", block: `<p>Die Anträge können künftig über die App <span translate="no">AusweisApp</span> gestellt werden, teilte das Ministerium mit.</p>`,
			want: "Die Anträge können künftig über die App AusweisApp gestellt werden, teilte das Ministerium mit.", code: []string{"AusweisApp"}},
		{name: "inline notranslate and code", block: `<p>Der Dienst heißt <span class="notranslate">BundID <b>Konto</b></span> und steht unter <code>GET /api/v2/antrag</code> bereit.</p>`,
			want: "Der Dienst heißt BundID Konto und steht unter GET /api/v2/antrag bereit.", code: []string{"BundID", "Konto", "GET /api/v2/antrag"}},
		{name: "inline kbd", block: `<p>Mit <kbd>Strg</kbd>+<kbd>C</kbd> wird der markierte Text in die Zwischenablage kopiert.</p>`,
			want: "Mit Strg+C wird der markierte Text in die Zwischenablage kopiert.", code: []string{"Strg", "C"}},
		{name: "translate=no inside code", block: `<p>Aufgerufen wird <code>curl <span translate="no">https://example.org</span></code> im Terminal.</p>`,
			want: "Aufgerufen wird curl https://example.org im Terminal.", code: []string{"curl https://example.org"}},
		{name: "English source: German is another language", lang: "en", block: `<p lang="de">` + german + `</p>`, want: german, kept: true, textLang: "de"},
		{name: "another language on the text", block: `<p><span lang="en">` + english + `</span></p>`, want: english, kept: true, textLang: "en"},
		{name: "translate=no in another language", block: `<p translate="no" lang="fr">` + french + `</p>`, want: french, kept: true, textLang: "fr"},
		{name: "translate=no in the source language", block: `<p translate="no" lang="de">` + german + `</p>`, want: german, kept: true},
		{name: "kept texts in two languages", block: `<p><span lang="en">` + english + `</span> <span lang="fr">` + french + `</span></p>`, want: english + " " + french, kept: true},
		{name: "English source: English is not", lang: "en", block: `<blockquote lang="en"><p>` + english + `</p></blockquote>`, want: english},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := page("<title>Vertreter des US-Außenministeriums besuchten den Kreml</title>",
				`<article><h1>Vertreter des US-Außenministeriums besuchten den Kreml</h1>`+articleBody+tc.block+`</article>`)
			if tc.root != "" {
				in = strings.Replace(strings.Replace(in, `<html lang="de">`, "<html"+tc.root+">", 1), "<body>", "<body"+tc.root+">", 1)
			}
			opt := Options{Format: HTML, Lang: tc.lang}
			doc, err := Read(strings.NewReader(in), "page.html", opt)
			if err != nil {
				t.Fatal(err)
			}
			checkKeptBlock(t, "extracted", doc, tc.want, tc.kept, tc.code, tc.textLang)
			opt.KeepBoilerplate = true
			tree, stream, err1, err2 := readBoth(t, in, opt)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			checkKeptBlock(t, "walker", tree, tc.want, tc.kept, tc.code, tc.textLang)
			checkKeptBlock(t, "streamed", stream, tc.want, tc.kept, tc.code, tc.textLang)
		})
	}
}

// checkKeptBlock checks the block of doc with text want.
func checkKeptBlock(t *testing.T, how string, doc *Document, want string, kept bool, code []string, lang string) {
	t.Helper()
	for _, b := range doc.Blocks {
		if b.Text != want {
			continue
		}
		if b.Kept != kept {
			t.Errorf("%s: %q: Kept = %v, want %v", how, want, b.Kept, kept)
		}
		if b.Lang != lang {
			t.Errorf("%s: %q: Lang = %q, want %q", how, want, b.Lang, lang)
		}
		if kept && (len(b.Sentences) > 0 || len(b.Code) > 0) {
			t.Errorf("%s: kept %q has sentences %v, code %v", how, want, b.Sentences, b.Code)
		}
		var got []string
		for _, c := range b.Code {
			got = append(got, c.Text)
			if b.Text[c.Start:c.End] != c.Text {
				t.Errorf("%s: code %q is not at %d-%d of %q", how, c.Text, c.Start, c.End, b.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(code, "|") {
			t.Errorf("%s: %q: code %q, want %q", how, want, got, code)
		}
		return
	}
	var texts []string
	for _, b := range doc.Blocks {
		texts = append(texts, b.Text)
	}
	t.Errorf("%s: no block %q in %q", how, want, texts)
}

// WDR's teaser of its news app (fundus test page WDR_2024_04_22, testdata/SOURCES.md) marks the
// word "App" as English inside a German sentence: the sentence is sent, the word is one of its
// Code pieces, as translating the page whole keeps it.
func TestReadHTMLKeptInlineReal(t *testing.T) {
	const teaser = `<h4 data-more-text="mehr"  class="headline">
Die App WDR aktuell begleitet Sie durch den Tag
</h4>
<p class="teasertext">
Sie möchten eine <span lang="en">App</span>, die Sie so durch den Tag in NRW begleitet, dass Sie jederzeit mitreden können? Die App WDR aktuell bietet Ihnen dafür immer die passenden Nachrichten.
&nbsp;|&nbsp;
<strong>mehr</strong>
</p>`
	tree, stream, err1, err2 := readBoth(t, page("", `<div class="teaser">`+teaser+`</div>`), Options{KeepBoilerplate: true})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	const want = "Sie möchten eine App, die Sie so durch den Tag in NRW begleitet, dass Sie jederzeit mitreden können? Die App WDR aktuell bietet Ihnen dafür immer die passenden Nachrichten. | mehr"
	checkKeptBlock(t, "walker", tree, want, false, []string{"App"}, "")
	checkKeptBlock(t, "streamed", stream, want, false, []string{"App"}, "")
}
