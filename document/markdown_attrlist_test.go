package document

import "testing"

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
