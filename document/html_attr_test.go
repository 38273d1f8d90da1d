package document

import (
	"strings"
	"testing"
)

// TestHTMLAttributeEscapes: a translated attribute value is escaped for its quoting, so that
// it stays one value of its tag and reads back as the translation's words.
func TestHTMLAttributeEscapes(t *testing.T) {
	tests := []struct {
		name, src, tr, want string
	}{
		{"double quotes", `<p><img alt="Bild" src="x.png"> Text hier.</p>`, `The "NATO" & <Russia>`,
			`<img alt="The &quot;NATO&quot; &amp; &lt;Russia&gt;" src="x.png">`},
		{"single quotes", `<p><img alt='Bild' src='x.png'> Text hier.</p>`, `Stoltenberg's "view"`,
			`<img alt='Stoltenberg&#39;s "view"' src='x.png'>`},
		{"unquoted", `<p><img alt=Bild src=x.png> Text hier.</p>`, "A picture\tof\nthe =`'NATO'`",
			"<img alt=A&#32;picture&#9;of&#10;the&#32;&#61;&#96;&#39;NATO&#39;&#96; src=x.png>"},
		{"unquoted, line ends", `<p title=Titel>Text hier.</p>`, "Line one\r\nline two\fthree",
			"<p title=Line&#32;one&#13;&#10;line&#32;two&#12;three>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			targets := d.Identity()
			targets[0] = EscapeText(tc.tr)
			out, probs := write(t, d, targets, "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("wrote %q, want it to hold %q", out, tc.want)
			}
			d2, err := Read(strings.NewReader(out), "x.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d2.Segments) != len(d.Segments) {
				t.Fatalf("read back %q", d2.Identity())
			}
			if got, want := Plain(d2.Segments[0].Text), strings.TrimSpace(collapse(tc.tr)); got != want {
				t.Errorf("read back %q, want %q", got, want)
			}
		})
	}
}

// TestHTMLLanguages: an element that says it is in another language (<p lang="en">, <q
// lang="fr">) is not sent; an inline element of the source language inside a translated run says
// the target language, as block elements do, and so do the Content-Language meta and Open
// Graph's locale (language_TERRITORY, so en_US for en); a run not
// translated keeps its bytes. The markup is the review's t-lang.html, after DW's
// <a … lang="de"> inside a paragraph.
func TestHTMLLanguages(t *testing.T) {
	const page = `<html lang="de"><head><meta http-equiv="content-language" content="de"><meta property="og:locale" content="de_DE"></head><body>` +
		`<p>Ein Satz mit <span lang="de">eingebettetem Wort</span>.</p>` +
		`<p lang="en">An English sentence.</p><p>Er sagte <q lang="fr">c'est la vie</q> und ging.</p></body></html>`
	d, err := Read(strings.NewReader(page), "a.html", Options{TargetLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Ein Satz mit <g1>eingebettetem Wort</g1>.", "Er sagte <x1/> und ging."}
	if got := d.Identity(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("segments %q, want %q", got, want)
	}
	out, _ := write(t, d, translateAll(d, upper), "en")
	for _, w := range []string{`<html lang="en">`, `<meta http-equiv="content-language" content="en">`, `<meta property="og:locale" content="en_US">`,
		`<p>EIN SATZ MIT <span lang="en">EINGEBETTETEM WORT</span>.</p>`, `<p lang="en">An English sentence.</p>`, `<q lang="fr">c'est la vie</q>`} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %s:\n%s", w, out)
		}
	}
	if same, _ := write(t, d, d.Identity(), ""); same != page {
		t.Errorf("untranslated written\n%s\nwant the input", same)
	}
}

// TestHTMLButtonCaptions: the caption of a submit, reset or button input is translated, as a
// <button>'s text and a placeholder are; a text input's value (what the user typed) is not.
func TestHTMLButtonCaptions(t *testing.T) {
	const page = `<form><p><input type="text" value="Suchbegriff"> <input type="submit" value="Absenden"> <input type="RESET" value="Zurücksetzen"></p></form>`
	d, err := Read(strings.NewReader(page), "a.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Absenden", "Zurücksetzen"}
	if got := d.Identity(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("segments %q, want %q", got, want)
	}
	out, _ := write(t, d, translateAll(d, upper), "")
	if !strings.Contains(out, `value="ABSENDEN"`) || !strings.Contains(out, `value="Suchbegriff"`) {
		t.Errorf("written %s", out)
	}
}
