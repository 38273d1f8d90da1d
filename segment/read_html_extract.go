package segment

import (
	"strings"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Main-text extraction. On a development set of 127 real German-language pages from 69 sites
// (BenchmarkExtract) go-trafilatura with its fallbacks (go-readability and DOM Distiller,
// compared and picked per page) finds the article text better than go-readability alone
// (F1 0.901 against 0.855), mostly by keeping teasers of other articles, captions and page
// furniture out; its precision focus beats balanced and recall (0.977, 0.975, 0.971 after
// bitext's own steps), and its fallbacks help (0.971 without). bitext uses it first and readability when trafilatura finds nothing
// convincing; title recovery, the debris rules and --explain work the same on either.

// trafilaturaExtract runs go-trafilatura (with its fallbacks) on doc, which it does not change.
// It returns false when trafilatura fails or keeps too little of the page, and then, when
// trafilatura found less than 250 characters, that short content (not flattened) for a last
// resort: short blog posts and notices are short, and when readability finds nothing either,
// trafilatura's few sentences are closer to the article than the whole page is. Likewise flat,
// the flattened rescue, for when readability fails: the article's text run together beats the
// whole page.
func trafilaturaExtract(doc *html.Node, removed *[]Removal) (blocks []rawBlock, ok bool, short, flat *html.Node) {
	defer func() {
		if recover() != nil { // an extractor bug must not take the reader down
			blocks, ok, short, flat = nil, false, nil, nil
		}
	}()
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,                 // readers' comments are not the article
		HtmlDateMode:    trafilatura.Disabled, // the date is not used: skip the search
		// Precision also turns off trafilatura's "baseline" rescue of pages where it finds
		// little, which runs the text of an <article> together without spaces between its
		// paragraphs; readability reads those pages instead. (On the development set,
		// precision, balanced and recall score the same after bitext's own rules.)
		Focus: trafilatura.FavorPrecision,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, false, nil, nil
	}
	// When its own extraction finds less than 250 characters, trafilatura rescues the page
	// with a "baseline" that flattens it (JSON-LD articleBody or the <article> text as one
	// paragraph): headings, lists and line breaks are lost. Readability keeps them; leave such
	// pages to it.
	if flattened(res.ContentNode) {
		return nil, false, nil, res.ContentNode
	}
	if utf8.RuneCountInString(res.ContentText) < 250 {
		return nil, false, res.ContentNode, nil
	}
	// trafilatura's title may be an <h1> that is the site's name; the title recovery wants the
	// page's own metadata title (og:title, else <title>) to choose from.
	title := ""
	if t := metaContents(doc, "og:title", "twitter:title"); len(t) > 0 {
		title = t[0]
	}
	repairLooseInline(res.ContentNode)
	blocks, ok = mainBlocksHint(doc, res.ContentNode, res.Metadata.Sitename, title, "trafilatura", res.ContentText, removed)
	return blocks, ok, nil, nil
}

// shortBlocks turns trafilatura's short content into blocks when it holds at least one
// sentence (a block of 40 characters or more that ends like one), with the title put back and
// the rest of the page reported as left out, as mainBlocks does but without its test of length
// against the page. It returns false when the content has no sentence.
func shortBlocks(doc, content *html.Node, how string, removed *[]Removal) ([]rawBlock, bool) {
	var mainRemoved []Removal
	main := htmlWalker{dropChrome: true, removed: &mainRemoved}
	main.walk(content)
	main.flush()
	sentence := false
	for _, b := range main.out {
		if b.Kind != Preformatted && len(b.Text) >= 40 && endsSentence(b.Text) {
			sentence = true
			break
		}
	}
	if !sentence {
		return nil, false
	}
	full := htmlWalker{removed: new([]Removal)}
	full.walk(doc)
	full.flush()
	main.out = withPageForms(main.out, full.out)
	title := ""
	if t := metaContents(doc, "og:title", "twitter:title"); len(t) > 0 {
		title = t[0]
	}
	main.out = withTitleMeta(doc, "", title, main.out, full.out)
	main.out = dropTeaserCards(doc, main.out, &mainRemoved)
	main.out = dropLinkRuns(doc, main.out, &mainRemoved)
	main.out = dropImageCaptions(doc, main.out, &mainRemoved)
	kept := make(map[string]bool, len(main.out)+len(mainRemoved))
	for _, b := range main.out {
		kept[normTitle(b.Text)] = true
	}
	for _, r := range mainRemoved {
		kept[normTitle(r.Text)] = true
	}
	for _, b := range full.out {
		if !kept[normTitle(b.Text)] && !(len(b.Text) >= 40 && containedIn(b.Text, main.out)) && !coveredBy(b.Text, main.out) {
			*removed = append(*removed, Removal{Text: b.Text, Reason: "outside the main article (trafilatura, " + how + ")"})
		}
	}
	*removed = append(*removed, mainRemoved...)
	return main.out, true
}

// withLead puts back the article's lead (the teaser paragraph under the headline) when the
// extractor left it out, as extractors often do because sites set it apart from the body (in the
// article header, in a <strong> box). The lead is recognised conservatively: a paragraph of the
// page near the content's first text block (at most 16 blocks before it or 2 after), not already
// in the content, of at least eight words ending like a sentence, that carries the page's meta
// description (which sites fill with the lead, sometimes reworded) or that the page marks as the
// lead by its class or id, or that stands just above the byline ("Von …"), where news sites put
// the lead (extract_lead.go); it goes after the title and headings. A heading
// counts too when it is so marked or carries the description and is a whole sentence or two
// (some sites set the lead as an <h2>).
func withLead(doc *html.Node, content, full []rawBlock) []rawBlock {
	desc := metaDescriptions(doc)
	if len(content) == 0 {
		return content
	}
	// The first block of the content after the title and any headings (a Dachzeile, a
	// subtitle).
	first := 0
	for first < len(content) && content[first].Kind == Heading {
		first++
	}
	if first >= len(content) {
		return content
	}
	start := contentStart(content[first:], full)
	if start < 0 {
		return content
	}
	inContent := make(map[string]bool, len(content))
	for _, b := range content {
		inContent[normTitle(b.Text)] = true
	}
	var marked []string
	markedDone := false
	// The lead stands just before the body, or just after a date line or byline the extractor
	// took for the body's start.
	from := max(start-16, 0)
	for i := range full[from:min(start+3, len(full))] {
		b := full[from+i]
		if b.Kind != Paragraph && b.Kind != Heading || inContent[normTitle(b.Text)] || containedIn(b.Text, content) {
			continue
		}
		ok := b.Kind == Paragraph && isLeadOf(b.Text, desc)
		if !ok && leadSized(b.Text) {
			if !markedDone {
				marked, markedDone = leadMarked(doc), true
			}
			// A lead the page marks as one may end without a full stop ("…, wie ein Besuch auf
			// dem Hamburger Großmarkt zeigt"); one found by its words or place must end as
			// a sentence does.
			ok = isMarkedLead(b.Text, marked) || leadShaped(b.Text) && (nearDescription(b.Text, desc) ||
				b.Kind == Paragraph && beforeByline(b.Text, full[from+i+1:min(from+i+3, len(full))]))
		}
		if !ok {
			continue
		}
		lead := b
		lead.Kind, lead.Level = Paragraph, 0
		lead.isTitle = false
		out := make([]rawBlock, 0, len(content)+1)
		out = append(out, content[:first]...)
		out = append(out, lead)
		return append(out, content[first:]...)
	}
	return content
}

// isLeadOf reports whether text is a paragraph carrying one of the descriptions: it contains the
// description's first 60 bytes (a dateline such as "Berlin. " may come before), or the
// description contains all of it; and it is at most a little longer than the description, so a
// body paragraph that merely quotes it does not count.
func isLeadOf(text string, descs []string) bool {
	t := normalizeSpace(text)
	if len(strings.Fields(t)) < 6 {
		return false
	}
	for _, d := range descs {
		head := d
		if len(head) > 60 {
			head = head[:60]
		}
		if strings.Contains(t, head) && len(t) <= len(d)+len(d)/2+40 || len(t) >= 40 && strings.Contains(d, t) {
			return true
		}
	}
	return false
}

// metaDescriptions returns the page's descriptions (<meta name="description">, og: and twitter:),
// white space normalised, each cut at a trailing ellipsis sites add when they shorten it.
func metaDescriptions(doc *html.Node) []string {
	var out []string
	for _, c := range metaContents(doc, "description", "og:description", "twitter:description") {
		c = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(c, "..."), "…"))
		if len(c) >= 40 {
			out = append(out, c)
		}
	}
	return out
}

// metaContents returns the content of the <meta> elements with one of the names or properties
// (in the page's order), white space normalised.
func metaContents(doc *html.Node, keys ...string) []string {
	var out []string
	walkNodes(doc, 4, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Body:
				return false
			case atom.Meta:
				var key, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property":
						key = strings.ToLower(a.Val)
					case "content":
						content = a.Val
					}
				}
				for _, k := range keys {
					if key == k {
						if c := normalizeSpace(content); c != "" {
							out = append(out, c)
						}
						break
					}
				}
			}
		}
		return true
	})
	return out
}

// flattened reports content that is trafilatura's baseline rescue: a paragraph of more than
// 2,500 bytes of bare text, a whole article run together.
func flattened(content *html.Node) bool {
	for c := content.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.P && c.FirstChild != nil &&
			c.FirstChild == c.LastChild && c.FirstChild.Type == html.TextNode && len(c.FirstChild.Data) > 2500 {
			return true
		}
	}
	return false
}

// prose is the length of the blocks that read as sentences (six words or more, ending like a
// sentence): what an extractor found of the article rather than of the page's furniture.
func prose(bs []rawBlock) int {
	n := 0
	for _, b := range bs {
		if b.Kind != Heading && b.Kind != Preformatted && endsSentence(b.Text) && countWords(b.Text) >= 6 {
			n += len(b.Text)
		}
	}
	return n
}

// withInnerHeadings puts back the headings the extractor dropped from inside the article: a
// heading of the page (full) that stands between two blocks the content keeps next to each
// other. Extractors drop headings by their share of link text (trafilatura's link density), and
// wikis set a section's heading as a link to the work it names ("Neschan-Trilogie" above the
// list of its volumes); such a heading between two kept blocks is the article's own, while the
// linked headlines of teaser lists stand among blocks the extractor dropped too.
func withInnerHeadings(content, full []rawBlock) []rawBlock {
	if len(content) < 2 {
		return content
	}
	at := make(map[string]int, len(content)) // a block's text: its index in content, -1 when repeated
	for i, b := range content {
		k := normTitle(b.Text)
		if _, seen := at[k]; seen {
			at[k] = -1
		} else {
			at[k] = i
		}
	}
	var insert map[int]rawBlock // content index: the heading to put before it
	for i := 1; i+1 < len(full); i++ {
		h := full[i]
		if h.Kind != Heading || full[i+1].Kind == Heading {
			continue
		}
		if _, kept := at[normTitle(h.Text)]; kept || normTitle(h.Text) == "" {
			continue
		}
		// The page's headline in another wording (an <h1> under the title withTitleMeta put
		// in front: "Bei Protesten 2022: Bericht: …" and "Bei Protesten 2022 Bericht: …")
		// would say the headline twice.
		if hasTitle(content, h.Text) || headlineVariant(content, h.Text) {
			continue
		}
		prev, okPrev := at[normTitle(full[i-1].Text)]
		next, okNext := at[normTitle(full[i+1].Text)]
		if !okPrev || !okNext || prev < 0 || next != prev+1 {
			continue
		}
		if insert == nil {
			insert = map[int]rawBlock{}
		}
		insert[next] = h
	}
	if insert == nil {
		return content
	}
	out := make([]rawBlock, 0, len(content)+len(insert))
	for i, b := range content {
		if h, ok := insert[i]; ok {
			out = append(out, h)
		}
		out = append(out, b)
	}
	return out
}
