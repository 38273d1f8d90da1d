package document

import (
	"slices"
	"strings"
	"testing"
)

// TestMarkdownInHTML: an HTML block element with a markdown attribute (Python-Markdown's
// md_in_html, which mkdocs sites enable) holds Markdown: its paragraphs, headings, lists and
// images are read as Markdown, its tags kept as they are. Before, the element was an HTML block
// to the next blank line: BeamMP's "<figure markdown="">![](…keymaster_homepage.png)</figure>"
// was sent as a sentence and written back "![](../../ASSETS/CONTENT/KEYMASTER_HOMEPAGE.PNG)",
// "*Markdown*" and "# A header." went out with their markup as words, and mkdocs-material's
// "<figcaption markdown>Our public [roadmap]…" came back "[ROADMAP]", a reference to no
// definition. The cases are the examples of Python-Markdown's md_in_html documentation and tests
// and lines of mkdocs-material's documentation (testdata/markdown/SOURCES.md); the one-line
// figure is BeamMP's structure with mkdocs-material's image address.
func TestMarkdownInHTML(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{`markdown="1" (md_in_html.md)`,
			"<div markdown=\"1\">\nThis is a *Markdown* Paragraph.\n</div>\n",
			[]string{"This is a <g1>Markdown</g1> Paragraph."},
			"<div markdown=\"1\">\nTHIS IS A *MARKDOWN* PARAGRAPH.\n</div>\n"},
		{`markdown="block": a heading, a paragraph, a list (md_in_html.md)`,
			"<section markdown=\"block\">\n# A header.\n\nA *Markdown* paragraph.\n\n* A list item.\n* A second list item.\n\n</section>\n",
			[]string{"A header.", "A <g1>Markdown</g1> paragraph.", "A list item.", "A second list item."},
			"<section markdown=\"block\">\n# A HEADER.\n\nA *MARKDOWN* PARAGRAPH.\n\n* A LIST ITEM.\n* A SECOND LIST ITEM.\n\n</section>\n"},
		{"nested elements, a raw paragraph among them (md_in_html.md, Nesting)",
			"<article id=\"my-article\" markdown=\"1\">\n# Article Title\n\nA Markdown paragraph.\n\n<section id=\"section-1\" markdown=\"1\">\n## Section 1 Title\n\n<p>Custom raw **HTML** which gets ignored.</p>\n\n</section>\n\n<section id=\"section-2\" markdown=\"1\">\n## Section 2 Title\n\n<p markdown=\"1\">**Markdown** content.</p>\n\n</section>\n\n</article>\n",
			[]string{"Article Title", "A Markdown paragraph.", "Section 1 Title", "Custom raw **HTML** which gets ignored.", "Section 2 Title", "<g1>Markdown</g1> content."},
			"<article id=\"my-article\" markdown=\"1\">\n# ARTICLE TITLE\n\nA MARKDOWN PARAGRAPH.\n\n<section id=\"section-1\" markdown=\"1\">\n## SECTION 1 TITLE\n\n<p>CUSTOM RAW **HTML** WHICH GETS IGNORED.</p>\n\n</section>\n\n<section id=\"section-2\" markdown=\"1\">\n## SECTION 2 TITLE\n\n<p markdown=\"1\">**MARKDOWN** CONTENT.</p>\n\n</section>\n\n</article>\n"},
		{"details: its summary HTML, the line under it Markdown (test_md_in_html.py)",
			"<details markdown=\"1\">\n<summary>Click to expand</summary>\n*foo*\n</details>\n",
			[]string{"Click to expand", "foo"},
			"<details markdown=\"1\">\n<summary>CLICK TO EXPAND</summary>\n*FOO*\n</details>\n"},
		{"a paragraph on its element's lines (test_md_in_html.py, test_md1_mix)",
			"<div markdown=\"1\">\nA _Markdown_ paragraph before a raw child.\n\n<p markdown=\"1\">A *raw* child.</p>\n\nA _Markdown_ tail to the raw child.\n</div>\n",
			[]string{"A <g1>Markdown</g1> paragraph before a raw child.", "A <g1>raw</g1> child.", "A <g1>Markdown</g1> tail to the raw child."},
			"<div markdown=\"1\">\nA _MARKDOWN_ PARAGRAPH BEFORE A RAW CHILD.\n\n<p markdown=\"1\">A *RAW* CHILD.</p>\n\nA _MARKDOWN_ TAIL TO THE RAW CHILD.\n</div>\n"},
		{"an image and its caption (mkdocs-material images.md)",
			"<figure markdown=\"span\">\n  ![Image title](https://dummyimage.com/600x400/){ width=\"300\" }\n  <figcaption>Image caption</figcaption>\n</figure>\n",
			[]string{"Image title", "Image caption"},
			"<figure markdown=\"span\">\n  ![IMAGE TITLE](https://dummyimage.com/600x400/){ width=\"300\" }\n  <figcaption>IMAGE CAPTION</figcaption>\n</figure>\n"},
		{"a caption on its tags' line, with a reference link (mkdocs-material blog/posts/zensical.md)",
			"<figure markdown>\n\n![Zensical](./zensical/screenshot.png#gh-light-mode-only)\n![Zensical](./zensical/screenshot-dark.png#gh-dark-mode-only)\n\n\n  <figcaption markdown>Our public [roadmap], built with Zensical</figcaption>\n</figure>\n\n  [roadmap]: https://zensical.org/about/roadmap/\n",
			[]string{"<g1>Zensical</g1> <g2>Zensical</g2>", "Our public <g1>roadmap</g1>, built with Zensical"},
			"<figure markdown>\n\n![ZENSICAL](./zensical/screenshot.png#gh-light-mode-only) ![ZENSICAL](./zensical/screenshot-dark.png#gh-dark-mode-only)\n\n\n  <figcaption markdown>OUR PUBLIC [ROADMAP][roadmap], BUILT WITH ZENSICAL</figcaption>\n</figure>\n\n  [roadmap]: https://zensical.org/about/roadmap/\n"},
		{`an image alone in a one-line figure, markdown="" (BeamMP's structure)`,
			"<figure markdown=\"\">![](https://dummyimage.com/600x400/)</figure>\n\n<figure class=\"image image_resized\" style=\"width:62%;\" markdown=\"\"> ![](https://dummyimage.com/600x400/) </figure>\n",
			nil,
			"<figure markdown=\"\">![](https://dummyimage.com/600x400/)</figure>\n\n<figure class=\"image image_resized\" style=\"width:62%;\" markdown=\"\"> ![](https://dummyimage.com/600x400/) </figure>\n"},
		{"grid cards: a list in a div (mkdocs-material contributing/index.md)",
			"<div class=\"grid cards\" markdown>\n\n-   :material-bug-outline: &nbsp;\n    __Something is not working?__\n\n    ---\n\n    Report a bug in Material for MkDocs by creating an issue with a\n    reproduction\n\n    ---\n\n    [:octicons-arrow-right-24: Report a bug][report a bug]\n\n</div>\n\n  [report a bug]: reporting-a-bug.md\n",
			[]string{"Something is not working?", "Report a bug in Material for MkDocs by creating an issue with a reproduction", "Report a bug"},
			"<div class=\"grid cards\" markdown>\n\n-   :material-bug-outline: &nbsp; __SOMETHING IS NOT WORKING?__\n\n    ---\n\n    REPORT A BUG IN MATERIAL FOR MKDOCS BY CREATING AN ISSUE WITH A REPRODUCTION\n\n    ---\n\n    [:octicons-arrow-right-24: REPORT A BUG][report a bug]\n\n</div>\n\n  [report a bug]: reporting-a-bug.md\n"},
		{`markdown="0" is HTML (the md_in_html.md example's words)`,
			"<div markdown=\"0\">\nThis is a *Markdown* Paragraph.\n</div>\n",
			[]string{"This is a *Markdown* Paragraph."},
			"<div markdown=\"0\">\nTHIS IS A *MARKDOWN* PARAGRAPH.\n</div>\n"},
		{`a lang of the source language says the target's (the md_in_html.md example's words)`,
			"<div lang=\"de\" markdown=\"1\">\nThis is a *Markdown* Paragraph.\n</div>\n",
			[]string{"This is a <g1>Markdown</g1> Paragraph."},
			"<div lang=\"en\" markdown=\"1\">\nTHIS IS A *MARKDOWN* PARAGRAPH.\n</div>\n"},
		{`another language's is kept whole (the md_in_html.md example's words)`,
			"<div lang=\"en\" markdown=\"1\">\nThis is a *Markdown* Paragraph.\n</div>\n",
			nil,
			"<div lang=\"en\" markdown=\"1\">\nThis is a *Markdown* Paragraph.\n</div>\n"},
		{"a start tag's title is words (images.md's words)",
			"<figure title=\"Image caption\" markdown=\"span\">\n  ![Image title](https://dummyimage.com/600x400/){ width=\"300\" }\n</figure>\n",
			[]string{"Image caption", "Image title"},
			"<figure title=\"IMAGE CAPTION\" markdown=\"span\">\n  ![IMAGE TITLE](https://dummyimage.com/600x400/){ width=\"300\" }\n</figure>\n"},
		{`translate="no" keeps it whole (the md_in_html.md example's words)`,
			"<div markdown=\"1\" translate=\"no\">\nThis is a *Markdown* Paragraph.\n</div>\n",
			nil,
			"<div markdown=\"1\" translate=\"no\">\nThis is a *Markdown* Paragraph.\n</div>\n"},
	})
}

// TestMarkdownInHTMLShown: the blocks segment shows of such an element are its Markdown's
// words: an image's alt text, a caption; an image without alt text is no block of words (a
// kept one, as a paragraph of such an image is). Before, both images and the caption were
// shown as their Markdown.
func TestMarkdownInHTMLShown(t *testing.T) {
	in := "<figure markdown>\n  ![Image title](https://dummyimage.com/600x400/){ width=\"300\" }\n</figure>\n\n<figure markdown=\"\">![](https://dummyimage.com/600x400/)</figure>\n\n  <figcaption markdown>Our public [roadmap], built with Zensical</figcaption>\n\n[roadmap]: https://zensical.org/about/roadmap/\n"
	want := []string{"block: Image title", "block: Our public <g1>roadmap</g1>, built with Zensical"}
	got := slices.DeleteFunc(mdTexts(t, in, "x.md", Options{Shown: true}), func(s string) bool {
		return strings.HasPrefix(s, "kept ")
	})
	if !slices.Equal(got, want) {
		t.Errorf("shown %q, want %q", got, want)
	}
}

// TestMarkdownInHTMLDeep: a file of nothing but such start tags, then end tags of another
// element, is read in linear time: an end tag looks for its element among at most
// mdInHTMLDepth open ones. Before the bound, 100,000 "<div markdown>" lines took minutes (each
// copied the list of the open ones). The bound is checked by the list's length, not by time.
func TestMarkdownInHTMLDeep(t *testing.T) {
	src := strings.Repeat("<div markdown>\n\n", 1000) + strings.Repeat("</p>\n\n", 1000)
	r := &mdReader{d: &Doc{}, src: src, name: "x.md", lines: splitLines(src)}
	deepest := 0
	for _, l := range r.lines {
		if n, open, _ := r.inHTMLTagsScan(l.text); n > 0 {
			r.inHTML = open
		}
		deepest = max(deepest, len(r.inHTML))
	}
	if deepest != mdInHTMLDepth {
		t.Errorf("%d elements open at most, want %d", deepest, mdInHTMLDepth)
	}
	if _, err := Read(strings.NewReader(src), "x.md", Options{}); err != nil {
		t.Fatal(err)
	}
}
