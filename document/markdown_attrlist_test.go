package document

import (
	"slices"
	"strings"
	"testing"
)

// TestMarkdownInlineAttrs: an attribute list after an image or a link (attr_list) is the
// element's markup, never sent: before, "![Image title](…){ align=left width=300 }" was sent as
// "<g1>Image title</g1>{ align=left width=300 }" and came back "{ ALIGN=LEFT WIDTH=300 }", and a
// button's class ".md-button" as ".MD-BUTTON". Braces of words are text. The lines are
// mkdocs-material's images.md and buttons.md and Python-Markdown's attr_list.md
// (testdata/markdown/SOURCES.md).
func TestMarkdownInlineAttrs(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"an image's, in a paragraph (images.md)",
			"![Image title](https://dummyimage.com/600x400/f5f5f5/aaaaaa?text=–%20Image%20–){ align=left width=300 }\n",
			[]string{"Image title"},
			"![IMAGE TITLE](https://dummyimage.com/600x400/f5f5f5/aaaaaa?text=–%20Image%20–){ align=left width=300 }\n"},
		{"a button's, after an inline and a full reference link (buttons.md)",
			"[Subscribe to our newsletter](#){ .md-button .md-button--primary }\n\n[Subscribe to our newsletter][Demo]{ .md-button }\n\n  [Demo]: javascript:alert$.next(\"Demo\")\n",
			[]string{"Subscribe to our newsletter", "Subscribe to our newsletter"},
			"[SUBSCRIBE TO OUR NEWSLETTER](#){ .md-button .md-button--primary }\n\n[SUBSCRIBE TO OUR NEWSLETTER][Demo]{ .md-button }\n\n  [Demo]: javascript:alert$.next(\"Demo\")\n"},
		{"kramdown's colon and a bare key, in a sentence (attr_list.md)",
			"The [link](http://example.com){: class=\"foo bar\" checked } is here.\n",
			[]string{"The <g1>link</g1> is here."},
			"THE [LINK](http://example.com){: class=\"foo bar\" checked } IS HERE.\n"},
		{"braces of words are text (attr_list.md's escaped list, unescaped)",
			"The [link](http://example.com){ not an attribute list } is here.\n",
			[]string{"The <g1>link</g1>{ not an attribute list } is here."},
			"THE [LINK](http://example.com){ NOT AN ATTRIBUTE LIST } IS HERE.\n"},
	})
}

// TestMarkdownAttrListTitles: the title (and alt) of an attribute list is a tooltip a reader is
// given, sent as an inline HTML tag's title is, each its own segment; the rest of the list is
// kept byte for byte. Before, the whole list was markup and the English page kept the German
// tooltip (BeamMP's rules, ":material-information-outline:{ title="Dazu gehört …" }"). The
// lines are mkdocs-material's tooltips.md (line 92) and Python-Markdown's attr_list.md
// (line 129) (testdata/markdown/SOURCES.md).
func TestMarkdownAttrListTitles(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"an icon's tooltip, the icon alone in its paragraph (tooltips.md:92)",
			":material-information-outline:{ title=\"Important information\" }\n",
			[]string{"Important information"},
			":material-information-outline:{ title=\"IMPORTANT INFORMATION\" }\n"},
		{"an icon's tooltip after a list item's words (tooltips.md:92, in a list item)",
			"1. Keep it short :material-information-outline:{ title=\"Important information\" }\n",
			[]string{"Important information", "Keep it short"},
			"1. KEEP IT SHORT :material-information-outline:{ title=\"IMPORTANT INFORMATION\" }\n"},
		{"a link's title among its class and a bare key (attr_list.md:129)",
			"[link](http://example.com){: class=\"foo bar\" title=\"Some title!\" }\n",
			[]string{"Some title!", "link"},
			"[LINK](http://example.com){: class=\"foo bar\" title=\"SOME TITLE!\" }\n"},
		{"an image's alt and title, single-quoted and unquoted (attr_list.md:129's title, on an image)",
			"![link](x.png){ alt='Some title!' title=Some .foo }\n",
			[]string{"Some title!", "Some", "link"},
			"![LINK](x.png){ alt='SOME TITLE!' title=SOME .foo }\n"},
	})
}

// TestMarkdownAttrListTitleEscaped: a translated tooltip with quotes, braces, a "|" or, for an
// unquoted value, a space stays inside its value and its list, and the page written reads back
// with the same segments (the translations). The source is tooltips.md:92 as in
// TestMarkdownAttrListTitles.
func TestMarkdownAttrListTitleEscaped(t *testing.T) {
	for _, tc := range []struct{ name, src, tr, out string }{
		{"quoted", ":material-information-outline:{ title=\"Important information\" }\n",
			`Say "{x}" | or not`,
			":material-information-outline:{ title=\"Say &quot;&#123;x&#125;&quot; &#124; or not\" }\n"},
		{"single-quoted", ":material-information-outline:{ title='Important information' }\n",
			`It's {x}`,
			":material-information-outline:{ title='It&#39;s &#123;x&#125;' }\n"},
		{"unquoted, given quotes", ":material-information-outline:{ title=Important .lg }\n",
			`Very, very important`,
			":material-information-outline:{ title=\"Very, very important\" .lg }\n"},
		{"unquoted, one word", ":material-information-outline:{ title=Important .lg }\n",
			`Wichtig`,
			":material-information-outline:{ title=Wichtig .lg }\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			out, probs := write(t, d, []string{tc.tr}, "en")
			if out != tc.out || len(probs) > 0 {
				t.Fatalf("wrote %q, want %q (%v)", out, tc.out, probs)
			}
			back, err := Read(strings.NewReader(out), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := back.Identity(); !slices.Equal(got, []string{EscapeText(tc.tr)}) {
				t.Errorf("read back %q, want the translation %q", got, tc.tr)
			}
		})
	}
}
