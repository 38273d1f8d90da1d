package document

import (
	"strings"
	"testing"
)

// TestHTMLFrontMatter: a page that starts with Jekyll's front matter (opensource.guide's
// _articles/de/index.html, CC BY 4.0, is only that) keeps it line for line, its title and
// description translated as in Markdown; the page after it is read as HTML. Before, the front
// matter was one sentence "--- layout: index title: …", written back on one line, and the site
// lost the page.
func TestHTMLFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		segs      []string
		want      string
	}{
		{"front matter only", "---\nlayout: index\ntitle: Open Source Guides\nlang: de\npermalink: /de/\n---\n",
			[]string{"Open Source Guides"},
			"---\nlayout: index\ntitle: OPEN SOURCE GUIDES\nlang: de\npermalink: /de/\n---\n"},
		{"and a page", "---\r\ntitle: Wie man zu Open Source beiträgt\r\nlayout: article\r\n---\r\n<p>Der Rat tagt am <b>Montag</b>.</p>\r\n",
			[]string{"Wie man zu Open Source beiträgt", "Der Rat tagt am <g1>Montag</g1>."},
			"---\r\ntitle: WIE MAN ZU OPEN SOURCE BEITRÄGT\r\nlayout: article\r\n---\r\n<p>DER RAT TAGT AM <b>MONTAG</b>.</p>\r\n"},
		{"no closing line: HTML", "---\n<p>Der Rat tagt.</p>\n", []string{"Der Rat tagt."}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "index.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Identity(); strings.Join(got, "|") != strings.Join(tc.segs, "|") {
				t.Errorf("segments %q, want %q", got, tc.segs)
			}
			if tc.want == "" {
				return
			}
			out, probs := write(t, d, translateAll(d, upper), "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if out != tc.want {
				t.Errorf("written\n%q\nwant\n%q", out, tc.want)
			}
			if same, _ := write(t, d, d.Identity(), ""); same != tc.src {
				t.Errorf("untranslated written\n%q\nwant the input", same)
			}
		})
	}
}

// TestHTMLLanguages: an element that says it is in another language (<p lang="en">, <q
// lang="fr">) is not sent; an inline element of the source language inside a translated run says
// the target language, as block elements do, and so does the Content-Language meta; a run not
// translated keeps its bytes. The markup is the review's t-lang.html, after DW's
// <a … lang="de"> inside a paragraph.
func TestHTMLLanguages(t *testing.T) {
	const page = `<html lang="de"><head><meta http-equiv="content-language" content="de"></head><body>` +
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
	for _, w := range []string{`<html lang="en">`, `<meta http-equiv="content-language" content="en">`,
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
