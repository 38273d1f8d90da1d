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
