package segment

import (
	"strings"
	"unicode"
)

// rawBlock is a block as a reader found it, before document-level cleaning.
type rawBlock struct {
	Kind   BlockKind
	Level  int
	Marker string
	Text   string // inline-cleaned, spaces normalised
	// code holds the byte ranges of Text that are code (Markdown code spans, HTML <code>):
	// never cleaned, never split into sentences (code_spans.go).
	code []codeRange
	Line int // 1-based line where it starts; 0 if unknown

	isTitle bool // set by the cleaner on the block it took for the title

	// ownHeading marks a heading written in the document's own markup (a Markdown "#" or
	// setext heading), or the heading an HTML page's reader found to be the article's title
	// (withTitleMeta): the author's, so never a site name or section label above the title,
	// which only a page's template puts there.
	ownHeading bool
	// image marks a Markdown paragraph that is only images: its text is alt text, which
	// describes a picture and is never the title.
	image bool
	// kept marks a block shown but never sent (Block.Kept).
	kept bool
	// lang is the language the page says a kept block's text is in (the nearest lang
	// attribute around it), "" when it says none or its kept pieces differ; Block.Lang when
	// it is not the source's.
	lang string
}

// boilerplatePhrases are whole blocks that are page furniture, not article text. They are matched
// against the block with case, spacing and final punctuation ignored.
var boilerplatePhrases = toSet(
	"leave a reply", "leave a comment", "cancel reply", "post a comment", "comments", "reply",
	"kommentar schreiben", "kommentar verfassen", "kommentare", "antworten", "antwort abbrechen",
	"share", "share this", "share this article", "teilen", "artikel teilen", "diesen artikel teilen",
	"tweet", "drucken", "print", "weiterlesen", "read more", "mehr lesen", "mehr zum thema",
	"zum seitenanfang", "nach oben", "back to top", "related", "related posts", "related articles",
	"ähnliche artikel", "verwandte artikel", "ähnliche beiträge", "werbung", "anzeige",
	"advertisement", "newsletter abonnieren", "subscribe", "like this", "gefällt mir",
	"post navigation", "beitragsnavigation", "your email address will not be published",
	"ihre e-mail-adresse wird nicht veröffentlicht", "required fields are marked",
	"erforderliche felder sind mit * markiert", "loading", "wird geladen", "lädt", "zur startseite",
	"artikel anhören", "artikel vorlesen lassen",
)

// sectionLabels are single words that label a site section above an article's title.
var sectionLabels = toSet(
	"nachrichten", "news", "politik", "wirtschaft", "welt", "ausland", "inland", "sport", "kultur",
	"panorama", "meinung", "startseite", "home", "world", "politics", "business", "europa",
	"europe", "deutschland", "international", "regional", "lokales", "wissen", "technik", "digital",
	"gesellschaft", "feuilleton", "finanzen", "reise", "auto", "gesundheit", "aktuell", "top news",
	"breaking news", "eilmeldung", "latest", "opinion", "analysis", "analyse",
)

// blockCleaner removes page furniture around an article: site name and section label above the
// title, the title repeated at the end, and comment or sharing prompts. It works on a stream: it
// holds the first few blocks until it knows the title and the last few until the input ends.
type blockCleaner struct {
	keep    bool
	lang    string // language for sentence splitting ("de" when empty)
	removed *[]Removal

	head    []rawBlock // blocks before the title is decided
	decided bool
	// sinceCookie counts the blocks since a cookie notice was removed (-1: none yet), so that
	// the notice's buttons, which scraped text sets on lines of their own after it, go too.
	sinceCookie int
	title       string // normalised title, "" if none was found
	tail        []rawBlock
}

const (
	headWindow = 6 // blocks examined for the title
	tailWindow = 3 // blocks held back for end-of-document rules
)

// add takes the next block and returns the blocks that are now final.
func (c *blockCleaner) add(b rawBlock, out []rawBlock) []rawBlock {
	if c.sinceCookie >= 0 {
		c.sinceCookie++
	}
	if b.Kind == Preformatted {
		// Code and preformatted text are the page's as written: no rule about prose and
		// page furniture reads them.
		return c.hold(b, out)
	}
	if !c.keep && c.cookieButton(b) {
		return out
	}
	if !c.keep && isBoilerplate(b.Text) {
		*c.removed = append(*c.removed, Removal{Line: b.Line, Text: b.Text, Reason: "comment or sharing prompt, not article text"})
		return out
	}
	if !c.keep && !c.decided && isDateOnly(strings.Fields(strings.TrimLeft(b.Text, "-–—•· "))) {
		// A date alone among the first blocks, by the headline, is the page's dateline
		// ("12. März 2023", "- 18.05.2026"); further down, a date alone is as often article
		// text (a chronology's entry, a birth date), which newsDebris keeps.
		*c.removed = append(*c.removed, Removal{Line: b.Line, Text: b.Text, Reason: "dateline or timestamp"})
		return out
	}
	if !c.keep {
		if reason := newsDebris(b); reason != "" {
			*c.removed = append(*c.removed, Removal{Line: b.Line, Text: b.Text, Reason: reason})
			if reason == cookieReason {
				c.sinceCookie = 0
			}
			return out
		}
		if b.Kind != Heading {
			text := stripGluedDateline(stripInlineCredits(b.Text, b.Line, c.removed), c.lang, b.Line, c.removed)
			b.code = rebaseCode(b.code, b.Text, text)
			b.Text = text
		}
	}
	return c.hold(b, out)
}

// hold takes b into the head window, while the title is not decided, or the tail window, and
// returns the blocks that are now final.
func (c *blockCleaner) hold(b rawBlock, out []rawBlock) []rawBlock {
	if !c.decided {
		c.head = append(c.head, b)
		if len(c.head) < headWindow {
			return out
		}
		return c.pass(c.decideHead(), out)
	}
	c.tail = append(c.tail, b)
	return c.release(out)
}

// pass moves blocks through the tail window.
func (c *blockCleaner) pass(bs []rawBlock, out []rawBlock) []rawBlock {
	c.tail = append(c.tail, bs...)
	return c.release(out)
}

// release moves blocks beyond the tail window to out.
func (c *blockCleaner) release(out []rawBlock) []rawBlock {
	if n := len(c.tail) - tailWindow; n > 0 {
		out = append(out, c.tail[:n]...)
		c.tail = append(c.tail[:0], c.tail[n:]...)
	}
	return out
}

// finish applies the end-of-document rules and returns the remaining blocks.
func (c *blockCleaner) finish(out []rawBlock) []rawBlock {
	if !c.decided {
		c.tail = append(c.tail, c.decideHead()...)
	}
	if !c.keep && c.title != "" && len(c.tail) > 0 {
		last := c.tail[len(c.tail)-1]
		// (In a tiny document the last block may be the title itself.)
		if !last.isTitle && last.Kind != Preformatted && normTitle(last.Text) == c.title {
			*c.removed = append(*c.removed, Removal{Line: last.Line, Text: last.Text, Reason: "title repeated at the end"})
			c.tail = c.tail[:len(c.tail)-1]
		}
	}
	if !c.keep && len(c.tail) > 1 {
		// An author note among the last blocks ("Anna Beispiel ist Redakteurin im Ressort
		// Politik.", often before a pointer to more): not the article's text. The first
		// block of the tail is never taken, so something always stays.
		kept := c.tail[:1]
		for _, b := range c.tail[1:] {
			if !b.isTitle && b.Kind != Heading && b.Kind != Preformatted && isAuthorNote(b.Text) {
				*c.removed = append(*c.removed, Removal{Line: b.Line, Text: b.Text, Reason: "author note at the end"})
				continue
			}
			kept = append(kept, b)
		}
		c.tail = kept
	}
	out = append(out, c.tail...)
	c.tail = nil
	return out
}

// decideHead finds the title among the first blocks and drops the short labels above it.
func (c *blockCleaner) decideHead() []rawBlock {
	c.decided = true
	head := c.head
	c.head = nil
	t := findTitle(head)
	if t < 0 {
		return head
	}
	c.title = normTitle(head[t].Text)
	head[t].isTitle = true
	if c.keep {
		return head
	}
	for i := 0; i < t; i++ {
		*c.removed = append(*c.removed, Removal{Line: head[i].Line, Text: head[i].Text, Reason: labelReason(head[i].Text, i)})
	}
	rest := head[t:]
	// The same title twice in a row (a page heading and an article heading).
	if len(rest) > 1 && normTitle(rest[1].Text) == c.title {
		*c.removed = append(*c.removed, Removal{Line: rest[1].Line, Text: rest[1].Text, Reason: "title repeated"})
		rest = append(rest[:1], rest[2:]...)
	}
	return rest
}

// findTitle returns the index of the article title among the first blocks: the first headline
// (a heading, or a line without final punctuation that is long enough to be a title) that is
// preceded only by short labels and followed by text. It returns -1 when unsure.
func findTitle(head []rawBlock) int {
	for i, b := range head {
		if i+1 >= len(head) && len(head) > 1 {
			return -1
		}
		if b.ownHeading {
			return i
		}
		if isShortLabel(b) && i+1 < len(head) && !(b.Kind == Heading && head[i+1].Kind != Heading && i > 0) {
			continue // may be a site name or section label; look further
		}
		// (A short heading after a label and right before the text is the title: "Bachputz
		// 2019" under a blog's name.)
		if isHeadline(b) {
			return i
		}
		return -1
	}
	return -1
}

// isShortLabel reports a block that could be a site name or section label: at most three
// words, 40 characters, no sentence punctuation.
func isShortLabel(b rawBlock) bool {
	if b.Kind == ListItem || b.Kind == Preformatted || len(b.Text) > 40 || strings.ContainsAny(b.Text, ".!?:,;") {
		return false
	}
	return len(strings.Fields(b.Text)) <= 3
}

// isHeadline reports a block that reads like an article title.
func isHeadline(b rawBlock) bool {
	if b.Kind == Heading {
		return true
	}
	if b.Kind != Paragraph || b.image {
		return false
	}
	n := len(strings.Fields(b.Text))
	if n < 4 || n > 30 {
		return false
	}
	last := lastRune(b.Text)
	return !strings.ContainsRune(".,;:", last)
}

func labelReason(text string, i int) string {
	t := strings.ToLower(strings.TrimSpace(text))
	switch {
	case inSet(sectionLabels, t):
		return "section label above the title"
	case i == 0 && looksLikeSiteName(text):
		return "site name above the title"
	}
	return "short line above the title (site name or section label)"
}

// looksLikeSiteName: a domain, or a name with an all-capitals word ("Bbabo NET", "SPIEGEL").
func looksLikeSiteName(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.Contains(w, ".") {
			return true
		}
		upper := 0
		for _, r := range w {
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLetter(r) {
				upper = -100
			}
		}
		if upper >= 2 {
			return true
		}
	}
	return false
}

// isBoilerplate matches a whole block against boilerplatePhrases.
func isBoilerplate(text string) bool {
	if len(text) > 60 {
		return false
	}
	// Block text is already single-spaced; compare without allocating, by length first.
	t := strings.TrimRight(text, ".:!…* ")
	for _, p := range boilerplateByLen[len(t)] {
		if strings.EqualFold(p, t) {
			return true
		}
	}
	return false
}

// boilerplateByLen indexes boilerplatePhrases by byte length.
var boilerplateByLen = func() map[int][]string {
	m := make(map[int][]string)
	for p := range boilerplatePhrases {
		m[len(p)] = append(m[len(p)], p)
	}
	return m
}()

// normTitle normalises a title for comparison: lower case, single spaces, no final punctuation.
func normTitle(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ".!?:;, ")
}

// cookieButtonWindow is how many blocks after a cookie notice its buttons may stand.
const cookieButtonWindow = 3

// cookieButton removes b when it is a consent button ("Alle akzeptieren", "Ablehnen") within a
// few blocks of a cookie notice, and the notice with it when the notice was kept so far: in
// scraped text the buttons are lines of their own, so the notice's paragraph ("Wir verwenden
// Cookies, um Ihnen … zu bieten.") has no request to accept in it, which newsDebris needs to
// tell a notice from an article about cookies. A button line without a notice nearby is kept.
func (c *blockCleaner) cookieButton(b rawBlock) bool {
	if !isConsentButton(b.Text) {
		return false
	}
	recent := &c.tail
	if !c.decided {
		recent = &c.head
	}
	for i := len(*recent) - 1; i >= 0 && i >= len(*recent)-cookieButtonWindow; i-- {
		if n := (*recent)[i]; n.Kind == Paragraph && !n.isTitle && opensCookieNotice(n.Text) {
			*c.removed = append(*c.removed, Removal{Line: n.Line, Text: n.Text, Reason: cookieReason})
			*recent = append((*recent)[:i], (*recent)[i+1:]...)
			c.sinceCookie = 0
			break
		}
	}
	if c.sinceCookie < 0 || c.sinceCookie > cookieButtonWindow {
		return false
	}
	*c.removed = append(*c.removed, Removal{Line: b.Line, Text: b.Text, Reason: "cookie notice button"})
	c.sinceCookie = 0
	return true
}

// consentButtons are the labels of a cookie notice's buttons, matched as whole blocks with case
// and final punctuation ignored.
var consentButtons = toSet(
	"alle akzeptieren", "akzeptieren", "alle ablehnen", "ablehnen", "zustimmen", "alle zustimmen",
	"einverstanden", "ok", "einstellungen", "cookie-einstellungen", "einstellungen verwalten",
	"nur notwendige cookies", "nur notwendige", "nur essenzielle cookies", "auswahl speichern",
	"auswahl bestätigen", "accept", "accept all", "reject", "reject all", "manage settings",
)

func isConsentButton(t string) bool {
	if len(t) > 40 {
		return false
	}
	_, ok := consentButtons[strings.ToLower(strings.TrimRight(strings.TrimSpace(t), ".!"))]
	return ok
}

// opensCookieNotice reports a paragraph that opens as a cookie notice does and is no longer
// than one, and does not report what someone said.
func opensCookieNotice(t string) bool {
	return len(strings.Fields(t)) <= 60 && cookieSet.match(t) && !strings.Contains(t, " sagte") && !strings.Contains(t, " sagt ")
}
