package segment

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Image captions the extractors keep as paragraphs of the article. A caption describes a
// picture and is page furniture, not the article's text: on the extraction development set,
// <figcaption> elements (211 on 84 pages) hold must-not snippets on 71 and a must snippet on one
// (a caption quoting a sentence the article has too; only a paragraph that is the whole caption
// goes). Pages mark captions in two ways: by the element (<figcaption>,
// dropped by the walker as chrome) or not at all, a <p> next to the image in a <div> of the
// template's own classes; such a caption repeats the image's alt or title text word for word,
// which an article paragraph does not.

// imageCaptionReason is the reason a caption is listed as removed under.
const imageCaptionReason = "image caption"

// dropImageCaptions removes the paragraphs whose whole text is a caption of the page: the text
// of a <figcaption> (which the extractors keep as a paragraph when they rebuild the figure), or
// the alt or title text of an image (a title's credit after " | " cut off), which a caption set
// under the image repeats.
// A paragraph of fewer than three words is left (a name under a portrait may also stand in the
// text), and so is a paragraph that carries the page's description: a page whose lead is also
// its first image's alt text keeps its lead.
func dropImageCaptions(doc *html.Node, blocks []rawBlock, removed *[]Removal) []rawBlock {
	alts := captionTexts(doc)
	if len(alts) == 0 {
		return blocks
	}
	var desc []string
	descDone := false
	drop := make([]bool, len(blocks))
	found := false
	for i, b := range blocks {
		if b.Kind != Paragraph || countWords(b.Text) < 3 || !alts[captionKey(b.Text)] {
			continue
		}
		if !descDone {
			desc, descDone = metaDescriptions(doc), true
		}
		if isLeadOf(b.Text, desc) {
			continue
		}
		drop[i], found = true, true
	}
	if !found {
		return blocks
	}
	return dropBlocks(blocks, drop, removed, func(int) string { return imageCaptionReason + " (the image's alt text)" })
}

// captionTexts returns the texts of the <figcaption> elements of doc's body (block by block, as
// the walker reads them) and the alt and title texts of its images, as captionKey keys.
func captionTexts(doc *html.Node) map[string]bool {
	out := map[string]bool{}
	walkShownElements(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Figcaption:
			sub := htmlWalker{removed: new([]Removal)}
			sub.children(n)
			sub.flush()
			for _, b := range sub.out {
				out[captionKey(b.Text)] = true
			}
			return false
		case atom.Img:
			for _, a := range n.Attr {
				if a.Key != "alt" && a.Key != "title" || len(a.Val) < 10 {
					continue
				}
				out[captionKey(a.Val)] = true
				if i := strings.Index(a.Val, " | "); i > 0 {
					out[captionKey(a.Val[:i])] = true // "Caption | Agency/Photographer"
				}
			}
			return false
		}
		return true
	})
	return out
}

// captionKey is the form in which a caption and an alt text are compared: spaces normalised,
// a final full stop ignored.
func captionKey(s string) string {
	return strings.TrimRight(normalizeSpace(s), ". ")
}
