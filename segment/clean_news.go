package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German (and English) news-page debris that main-text extraction lets through: photo credits,
// copyright and agency lines, bylines and timestamps standing as paragraphs, links to related
// articles, newsletter, feedback and sharing prompts. Each rule looks at a whole short block and
// needs a specific opening or shape, so an article sentence is never taken: a block that reads
// like a sentence (a lower-case word that is not a connective, a verb) is left alone by the
// byline and timestamp rules, and the prompt rules need both a fixed phrase and a short block.

// newsDebris returns why block b is news-page debris, or "".
func newsDebris(b rawBlock) string {
	t := b.Text
	if len(t) > 400 || t == "" {
		return ""
	}
	// Most blocks are article text: decide on the cheap checks before splitting into words.
	n := countWords(t)
	if !mayBeDebris(t, n) {
		return ""
	}
	switch {
	case n <= 12 && shareSet.match(t) && !endsSentence(t):
		return "sharing prompt"
	case n <= 12 && b.Kind == Heading && (commentSet.match(t) || isCommentCount(t)):
		return "comment section prompt" // the comment form's or list's heading
	case n <= 12 && b.Kind == Heading && followSet.match(t) && namesPlatform(t):
		return "social media or app prompt"
	case n <= 16 && strings.Contains(t, "; ") && !endsSentence(t) && isCreditLine(t):
		return "photo credit"
	case n <= 6 && b.Kind == Heading && hasDigit(t) && hasWeekday(t) && isDateOnly(strings.Fields(t)):
		return "dateline or timestamp" // a blog's date header ("Sonntag, 14. April 2019"); a
		// date alone ("3. Oktober 1990") may head a chronology
	case n <= 20 && isCopyrightLine(t):
		return "copyright or agency line"
	case n <= 16 && creditSet.match(t) && !endsSentence(t):
		return "photo credit"
	}
	if b.Kind == Heading {
		return ""
	}
	switch {
	case n <= 25 && relatedSet.match(t):
		return "link to a related article"
	case n <= 16 && endsHereOrEntlang(t) && hasAnySuffixFold(strings.TrimRight(t, ".!: "), moreHereSuffixes):
		return "link to more articles"
	case n <= 16 && pointsToOwnCoverage(t):
		return "link to more articles"
	case n <= 45 && isNewsletterPrompt(t):
		return "newsletter prompt"
	case n <= 35 && isFeedbackPrompt(t):
		return "feedback prompt"
	case n <= 10 && isShareLine(t):
		return "sharing prompt"
	case n <= 60 && (consentSet.match(t) || isEmbedPlaceholder(t)):
		return "consent prompt for embedded content"
	case n <= 25 && originSet.match(t):
		return "note on where the article first appeared"
	case n <= 25 && isEditorialDisclaimer(t):
		return "disclaimer on guest or readers' contributions"
	case n <= 25 && commentSet.match(t) && !commentSentence(t):
		return "comment section prompt"
	case n <= 20 && followSet.match(t) && namesPlatform(t):
		return "social media or app prompt"
	case n <= 40 && postMetaSet.match(t) && (!endsSentence(t) || hasPrefixFold(t, "Dieser ") || strings.Contains(t, "Permalink") || strings.Contains(t, "permalink")):
		return "post metadata (categories, tags, permalink)"
	case n <= 16 && postNavSet.match(t) && !endsSentence(t):
		return "link to the previous or next post"
	}
	if n <= 4 && isAgencyCredit(t) {
		return "agency credit"
	}
	if n <= 2 {
		if inSet(adLabels, strings.TrimRight(t, ":*")) {
			return "advertisement label"
		}
		if inSet(toolButtons, t) {
			return "sharing or print button"
		}
	}
	switch {
	case n <= 8 && isCommentCount(t):
		return "comment section prompt"
	case n <= 20 && isBreadcrumb(t):
		return "breadcrumbs"
	case n <= 60 && strings.Contains(t, "Cookie") && cookieSet.match(t) && isCookieNotice(t):
		return cookieReason
	}
	if b.Kind == Heading || n > 16 {
		return ""
	}
	// Bylines open with one of a few words; timestamps carry a digit.
	first := t
	if i := strings.IndexByte(t, ' '); i >= 0 {
		first = t[:i]
	}
	byline := n <= 12 && b.Kind == Paragraph && inSet(bylineFirstWords, first)
	dateline := hasDigit(t)
	// Blogs sign posts with a user name, often in lower case ("… am 3. Mai 2021 von admin"):
	// a last word after "von" counts as a name in a timestamp line.
	check := t
	if dateline && (inSet(publishLabels, first) || isDayOrdinal(first) || isDateToken(first)) {
		check = withoutUserName(t)
	}
	if !byline && !dateline || hasPlainLowerWord(check[min(len(first), len(check)):]) {
		return "" // a sentence: it has a lower-case word that is no connective or label
	}
	words := strings.Fields(check)
	switch {
	case byline && isByline(words):
		return "byline (author)"
	case dateline:
		// A user name after "von" (cut from check) marks a bare date as a post's timestamp.
		if ok, marked := datelineShape(words); ok && (marked || len(check) < len(t)) {
			return "dateline or timestamp"
		}
	}
	return ""
}

// hasDigit reports an ASCII digit in t (strings.ContainsAny is slower for a set of ten).
func hasDigit(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i]-'0' < 10 {
			return true
		}
	}
	return false
}

// hasPlainLowerWord reports a word in t that starts with a lower-case letter and is neither a
// name connective nor a timestamp label: the mark of a sentence rather than a byline or a
// timestamp. It does not allocate.
func hasPlainLowerWord(t string) bool {
	for i := 0; i < len(t); {
		for i < len(t) && t[i] == ' ' {
			i++
		}
		j := i
		for j < len(t) && t[j] != ' ' {
			j++
		}
		if j > i {
			r, _ := utf8.DecodeRuneInString(t[i:j])
			if unicode.IsLower(r) {
				w := strings.TrimRight(t[i:j], ",;")
				if !inSet(nameConnectives, w) && !inSet(dateLabels, w) && !inSet(dateLabels, t[i:j]) {
					return true
				}
			}
		}
		i = j
	}
	return false
}

// agencies are news agencies whose name alone, as a block, credits a photo or a text.
var agencies = toSet("dpa", "AP", "AFP", "Reuters", "KNA", "epd", "SID", "dts", "APA", "Keystone",
	"Getty", "Images", "imago", "IMAGO", "picture", "alliance", "ANP", "EFE", "Xinhua", "ddp", "AA", "sda", "SDA")

// isAgencyCredit: "AP", "dpa/AFP", "Reuters | AP", "picture alliance / dpa".
func isAgencyCredit(t string) bool {
	words := 0
	for i := 0; i < len(t); {
		for i < len(t) && isCreditSep(t[i]) {
			i++
		}
		j := i
		for j < len(t) && !isCreditSep(t[j]) {
			j++
		}
		if j > i {
			if !inSet(agencies, t[i:j]) {
				return false
			}
			words++
		}
		i = j
	}
	return words > 0
}

func isCreditSep(c byte) bool { return c == ' ' || c == '/' || c == '|' || c == ',' }

// countWords counts the words of t (runs of non-space bytes) without allocating.
func countWords(t string) int {
	if t != "" && t[0] != ' ' && t[len(t)-1] != ' ' && !strings.Contains(t, "  ") {
		return strings.Count(t, " ") + 1 // single-spaced, as blocks are: count by SIMD
	}
	n, in := 0, false
	for i := 0; i < len(t); i++ {
		if t[i] == ' ' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// mayBeDebris is a fast filter: only short blocks, or blocks with one of the phrases the
// prompt rules need, go through the rules.
func mayBeDebris(t string, n int) bool {
	if n <= 25 {
		return true
	}
	return n <= 40 && postMetaSet.match(t) || n <= 60 && (strings.Contains(t, "wsletter") || strings.Contains(t, "Cookie") || strings.Contains(t, "Feedback") || strings.Contains(t, "Meinung ist uns") || consentSet.match(t) || isEmbedPlaceholder(t))
}

// creditPrefixes open a photo credit standing as its own block.
var creditPrefixes = []string{
	"Foto:", "Fotos:", "Foto/", "Foto ©", "Bild:", "Bilder:", "Bildrechte:", "Bildquelle:",
	"Bildnachweis:", "Bildquellen:", "Fotocredit:", "Fotonachweis:", "Archivbild:", "Symbolbild:",
	"Titelbild:", "Titelfoto:", "Photo:", "Photos:", "Image:", "Credit:", "Picture:",
}

// relatedPrefixes open a link to another article or a block of such links.
var relatedPrefixes = []string{
	"Lesen Sie auch", "Lesen Sie mehr", "Lesen Sie hier", "Lesen Sie dazu", "Lest auch", "Lies auch",
	"Mehr zum Thema", "Mehr zu diesem Thema", "Mehr zu dem Thema", "Mehr:", "Mehr dazu:",
	"Auch interessant:", "Ebenfalls interessant:", "Das könnte Sie auch interessieren",
	"Das könnte dich auch interessieren", "Weitere Artikel", "Weitere Nachrichten",
	"Weiterlesen:", "Zum Thema:", "Empfehlungen der Redaktion", "Mehr Artikel aus",
	"Mehr Nachrichten aus", "Hier finden Sie außerdem", ">>", "» Lesen", "Read more:",
	"Read also:", "Related:", "See also:", "More on this story", "Also read:",
	"Ähnliche Beiträge", "Ähnliche Artikel", "Verwandte Beiträge", "Verwandte Artikel",
	"Weitere Beiträge", "Auch lesenswert:", "Passend zum Thema:", "You may also like",
	"Zum Artikel:", // a link's label (br.de's lists, ndr.de's link titles)
}

// endsHereOrEntlang is a fast filter for moreHereSuffixes, which all end in "hier" or
// "entlang" (before any ".!: ").
func endsHereOrEntlang(t string) bool {
	i := len(t)
	for i > 0 && (t[i-1] == '.' || t[i-1] == '!' || t[i-1] == ':' || t[i-1] == ' ') {
		i--
	}
	return i >= 4 && (t[i-1] == 'r' || t[i-1] == 'R' || t[i-1] == 'g' || t[i-1] == 'G')
}

// moreHereSuffixes end a short pointer to more articles ("Mehr über die Füchse lesen Sie hier").
var moreHereSuffixes = []string{
	"lesen Sie hier", "finden Sie hier", "gibt's hier", "gibt es hier", "hier entlang",
	"lest ihr hier", "findet ihr hier",
}

// ownCoverageVerbs point the reader to the site's own coverage elsewhere: "Mehr zur Lage im
// Nahen Osten lesen Sie in unserem Liveblog:", "Alle Hintergründe finden Sie in unserem
// Dossier."; the link follows or is the block.
var ownCoverageVerbs = []string{"lesen Sie", "finden Sie", "erfahren Sie", "lest ihr", "findet ihr", "erfahrt ihr"}

// pointsToOwnCoverage reports a block that sends the reader to "unserem"/"unserer" coverage
// (a live blog, an overview, a dossier) with one of ownCoverageVerbs, and ends with the colon
// that introduces the link or with a full stop.
func pointsToOwnCoverage(t string) bool {
	i := strings.Index(t, " in unsere")
	if i < 0 || !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, ".") {
		return false
	}
	if rest := t[i+len(" in unsere"):]; !strings.HasPrefix(rest, "m ") && !strings.HasPrefix(rest, "r ") {
		return false
	}
	before := t[:i]
	for _, v := range ownCoverageVerbs {
		if strings.HasSuffix(before, " "+v) {
			return true
		}
	}
	return false
}

// isEmbedPlaceholder reports the text that stands in for an embedded post, video or chart until
// the reader agrees to load it, which every site words its own way but opens with where it
// stands and names as external content: "An dieser Stelle finden Sie einen von unseren
// Redakteuren ausgewählten, externen Inhalt, …", "An dieser Stelle findest du einen externen
// Inhalt von YouTube, …", "An dieser Stelle befindet sich ein externer Inhalt von Instagram, …"
// (the development set's pages of five sites word it so: Tagesspiegel, Zeit, GameStar,
// Tages-Anzeiger, Braunschweiger Zeitung).
func isEmbedPlaceholder(t string) bool {
	return hasPrefixFold(t, "An dieser Stelle ") &&
		(strings.Contains(t, "externen Inhalt") || strings.Contains(t, "externer Inhalt") || strings.Contains(t, "externe Inhalte"))
}

// isEditorialDisclaimer reports the note that a guest's or the readers' texts are not the
// newsroom's view: "Gastkommentare und Beiträge von externen Autorinnen und Autoren wie dieser
// hier müssen nicht der Meinung der Redaktion entsprechen." (diepresse.com), "Die Kommentare im
// Forum geben nicht notwendigerweise die Meinung der Redaktion wieder." (derstandard.at). A
// sentence reporting such a note (a quotation, "sagte") is article text.
func isEditorialDisclaimer(t string) bool {
	i := strings.Index(t, "Meinung der Redaktion")
	if i < 0 || !strings.Contains(t[:i], " nicht ") {
		return false
	}
	return !strings.Contains(t, " sagt") && !strings.ContainsAny(t, "„“\"«»")
}

// isCopyrightLine: "© dpa-infocom, dpa:…", "Copyright © AFP 2017-2026.", "(c) 2024 …".
func isCopyrightLine(t string) bool {
	switch {
	case strings.HasPrefix(t, "©"), strings.HasPrefix(t, "(c) "), strings.HasPrefix(t, "(C) "):
		return true
	case hasPrefixFold(t, "Copyright "):
		rest := strings.TrimSpace(t[len("Copyright "):])
		r, _ := utf8.DecodeRuneInString(rest)
		return r == '©' || strings.HasPrefix(rest, "(c)") || unicode.IsDigit(r)
	}
	return false
}

func isNewsletterPrompt(t string) bool {
	if c := t[0]; (c == 'V' || c == 'N' || c == 'K') && hasAnyPrefixFold(t, []string{"Verpasse keine", "Verpassen Sie keine", "Nichts mehr verpassen", "Keine News mehr verpassen", "Never miss"}) {
		return true
	}
	if !strings.Contains(t, "wsletter") { // "Newsletter", "newsletter"; 'w' is a rare first byte to look for
		return false
	}
	for _, w := range []string{"abonnieren", "Abonnieren", "anmelden", "Anmelden", "informiert Sie", "hier entlang", "Postfach", "kostenlos", "registrieren", "Jetzt ", "sign up", "Sign up", "subscribe", "Subscribe", "Anmeldung"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func isFeedbackPrompt(t string) bool {
	if strings.Contains(t, "Ihre Meinung ist uns wichtig") {
		return true
	}
	if !strings.Contains(t, "Feedback") {
		return false
	}
	for _, w := range []string{"Senden Sie", "Schicken Sie", "freuen uns", "Schreiben Sie uns", "Geben Sie uns", "Ihr Feedback!", "Send us"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func isShareLine(t string) bool {
	if endsSentence(t) || strings.Contains(t, ",") {
		return false // a sentence about sharing, not a button
	}
	if !strings.Contains(t, "eilen") && !strings.Contains(t, "hare") {
		return false
	}
	lower := strings.ToLower(t)
	if !strings.Contains(lower, "teilen") && !strings.Contains(lower, "share") {
		return false
	}
	for _, w := range []string{"facebook", "twitter", "whatsapp", "e-mail", "linkedin", "artikel", "beitrag", "link", "this"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

func endsSentence(t string) bool {
	for t != "" {
		r, size := utf8.DecodeLastRuneInString(t)
		switch r {
		case ' ', '"', '“', '”', '«', '»', '\'', '’', ')':
			t = t[:len(t)-size] // closing quotes and brackets after the end
			continue
		case '.', '!', '?':
			return true
		}
		return false
	}
	return false
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// prefixSet matches case-insensitive prefixes, indexed by their lower-cased first byte so that
// most texts are rejected with one lookup.
// (An array, not a map: this runs on every short block.)
type prefixSet struct{ by [256][]string }

// newPrefixSet indexes the prefixes ps.
func newPrefixSet(ps []string) *prefixSet {
	set := &prefixSet{}
	for _, p := range ps {
		c := lowerByte(p[0])
		set.by[c] = append(set.by[c], p)
	}
	return set
}

var (
	creditSet  = newPrefixSet(creditPrefixes)
	relatedSet = newPrefixSet(relatedPrefixes)
	consentSet = newPrefixSet([]string{
		"Ich bin damit einverstanden, dass mir", "Ich bin einverstanden, dass mir",
		"Wir benötigen Ihre Zustimmung", "Um diesen Inhalt zu sehen", "Um externe Inhalte anzuzeigen",
		"Externer Inhalt", "Empfohlener externer Inhalt", "An dieser Stelle finden Sie einen externen Inhalt",
		"An dieser Stelle befindet sich ein externer Inhalt", "Hier steht ein externer Inhalt",
		"I agree to the display of external content", "To view this content",
	})
	originSet = newPrefixSet([]string{
		"Dieser Artikel erschien zuerst", "Dieser Beitrag erschien zuerst", "Dieser Text erschien zuerst",
		"Dieser Artikel ist zuerst", "Dieser Beitrag ist zuerst", "Dieser Artikel ist eine Übersetzung",
		"Dieser Text ist eine Übersetzung", "Lest den Originalartikel", "Lesen Sie den Originalartikel",
		"Hier geht es zum Originalartikel", "Zum Originalartikel", "Read the original article",
		"This article first appeared", "This article was originally published",
		"Original-Content von:", // press releases distributed by news aktuell (ots)
	})
	// commentSet opens the furniture of a comment section: its heading, the form's labels and
	// notes, the link to it.
	commentSet = newPrefixSet([]string{
		"Schreibe einen Kommentar", "Schreiben Sie einen Kommentar", "Hinterlasse einen Kommentar",
		"Hinterlassen Sie einen Kommentar", "Kommentar verfassen", "Kommentar schreiben",
		"Kommentar hinterlassen", "Antwort abbrechen", "Antworten abbrechen",
		"Deine E-Mail-Adresse wird nicht veröffentlicht", "Ihre E-Mail-Adresse wird nicht veröffentlicht",
		"Du musst angemeldet sein, um", "Du musst dich einloggen", "Sie müssen angemeldet sein, um",
		"Sie müssen sich anmelden, um", "Melden Sie sich an, um zu kommentieren",
		"Klicke auf den Button um die Kommentare", "Kommentare anzeigen", "Kommentare lesen",
		"Zu den Kommentaren", "Zum Kommentarbereich", "Die Kommentarfunktion", "Kommentarfunktion",
		"Sie wollen diesen Kommentar melden", "Es gibt noch keine Kommentare", "Noch keine Kommentare",
		"Leave a Reply", "Leave a comment", "You must be logged in to post a comment", "Cancel reply",
		"Your email address will not be published",
	})
	// followSet opens a prompt to follow the site elsewhere or to install its app.
	followSet = newPrefixSet([]string{
		"Folgst du schon", "Folgen Sie uns", "Folge uns", "Folgt uns", "Folgen Sie", "Folge",
		"Abonnieren Sie unseren WhatsApp", "Abonniere unseren WhatsApp", "Hol dir die", "Holen Sie sich die",
		"Laden Sie sich die", "Laden Sie jetzt die", "Jetzt die App", "Follow us",
	})
	// shareSet opens a label of the sharing buttons (WordPress and its plugins).
	shareSet = newPrefixSet([]string{
		"Teilen mit:", "Teile dies:", "Teile diesen Beitrag", "Diesen Beitrag teilen", "Artikel teilen",
		"Beitrag teilen", "Gefällt mir:", "Gefällt mir Wird geladen", "Gefällt mir Lädt", "Share this:",
		"Like this:", "Like Loading",
	})
	// postMetaSet opens a blog post's metadata line: categories, tags, the permalink.
	postMetaSet = newPrefixSet([]string{
		"Dieser Eintrag wurde veröffentlicht", "Dieser Beitrag wurde veröffentlicht", "Veröffentlicht in ",
		"Veröffentlicht unter ", "Abgelegt unter ", "Kategorie: ", "Kategorien: ", "Schlagwörter: ",
		"Schlagworte: ", "Schlüsselwörter: ", "Tags: ", "Verschlagwortet mit", "Lesezeichen für den Permalink",
		"Setze ein Lesezeichen", "Posted in ", "Filed under ", "Tagged ", "Bookmark the permalink",
	})
	// postNavSet opens a link to the previous or the next post.
	postNavSet = newPrefixSet([]string{
		"← Vorheriger", "Vorheriger Beitrag", "Vorheriger Artikel", "Nächster Beitrag", "Nächster Artikel",
		"Älterer Beitrag", "Neuerer Beitrag", "Ältere Beiträge", "Neuere Beiträge", "Beitragsnavigation",
		"Beitrags-Navigation", "« Vorheriger", "Previous post", "Next post", "Post navigation",
	})
)

// namesPlatform reports whether t names a social network, a messenger channel or an app: what a
// follow prompt asks to follow.
func namesPlatform(t string) bool {
	lower := strings.ToLower(t)
	for _, w := range []string{"whatsapp", "instagram", "facebook", "twitter", " x ", "tiktok", "telegram", "youtube", "linkedin", "mastodon", "bluesky", "threads", "google news", "app", "kanal", "channel"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// creditLineMarks name the photo in a credit line of initials and sources ("ssi, dan; Foto [M]:
// Agentur; Erstveröffentlichung: 4.4.18").
var creditLineMarks = []string{"; Foto:", "; Fotos:", "; Foto [M]:", "; Fotos [M]:", "; Bild:", "; Bilder:", "; Bildquelle:", "; Titelbild:"}

// isCreditLine reports a credit line: a photo mark, and after it only names, labels and dates.
func isCreditLine(t string) bool {
	for _, m := range creditLineMarks {
		if i := strings.Index(t, m); i >= 0 {
			return !hasPlainLowerWord(t[i+len(m):])
		}
	}
	return false
}

// authorRoles are the jobs an author note names.
var authorRoles = []string{"Reporter", "Redakteur", "Korrespondent", "Journalist", "Autor", "Kolumnist",
	"Volontär", "Moderator", "Chefredakteur", "Ressortleiter", "Redaktionsleiter", "Filmkritiker",
	"Wissenschaftsjournalist", "Politikwissenschaftler", "reporter", "redakteur", "korrespondent",
	"journalist", "autor", "kolumnist"}

// isAuthorNote: "Anna Beispiel ist Redakteurin im Ressort Politik.", "Ben Muster arbeitet als
// Korrespondent in Kiew.": a paragraph of one sentence (at most 30 words) that opens with a name (two or three capitalised
// words) and a verb of being or working, and names an author's job.
func isAuthorNote(t string) bool {
	words := strings.Fields(t)
	if len(words) < 4 || len(words) > 30 || strings.Count(strings.TrimRight(t, ". "), ". ") > 0 {
		return false // a note is one sentence; a portrait in the article has more
	}
	verb := -1
	for i := 2; i <= 3 && i < len(words); i++ {
		switch words[i] {
		case "ist", "war", "arbeitet", "schreibt", "berichtet", "lebt":
			verb = i
		}
		if verb >= 0 {
			break
		}
	}
	if verb < 0 || inSet(notNames, words[0]) {
		return false
	}
	for _, w := range words[:verb] {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "von" && w != "van" && w != "de" {
			return false
		}
	}
	rest := strings.Join(words[verb+1:], " ")
	for _, role := range authorRoles {
		if strings.Contains(rest, role) {
			return true
		}
	}
	return false
}

// notNames open a noun phrase, not a person's name.
var notNames = toSet("Die", "Der", "Das", "Ein", "Eine", "Unser", "Unsere", "Mein", "Meine", "Dieser", "Diese", "Dieses", "Jeder", "Jede", "Kein", "Keine", "Ihr", "Ihre", "Sein", "Seine", "The", "A", "Our", "This")

// adLabels mark an advertisement or sponsored content; alone in a block they are no text.
var adLabels = toSet("Anzeige", "ANZEIGE", "Werbung", "WERBUNG", "Advertisement", "Sponsored", "Gesponsert", "Promotion", "Affiliate-Link", "Affiliate-Links")

// toolButtons are the labels of sharing, printing and bookmarking buttons.
var toolButtons = toSet("Teilen", "Drucken", "Merken", "Tweet", "Tweeten", "Pin", "Pinnen", "Mailen", "Versenden", "Share", "Print", "Teilen:", "Artikel drucken", "Artikel merken", "Seite drucken", "Link kopieren", "Pin it")

// cookieReason is the removal reason of a cookie notice.
const cookieReason = "cookie notice"

// cookieSet opens a cookie notice.
var cookieSet = newPrefixSet([]string{
	"Diese Website verwendet Cookies", "Diese Webseite verwendet Cookies", "Diese Seite verwendet Cookies",
	"Wir verwenden Cookies", "Wir nutzen Cookies", "Wir setzen Cookies", "Unsere Website verwendet Cookies",
	"Um unsere Webseite für Sie optimal", "Cookie-Einstellungen", "This website uses cookies", "We use cookies",
})

// isCookieNotice reports a cookie notice's request or link (to accept, to change the settings,
// to read the privacy policy), which an article quoting a site's cookie policy has not.
func isCookieNotice(t string) bool {
	if strings.Contains(t, " sagte") || strings.Contains(t, " sagt ") || strings.Contains(t, " sagen ") {
		return false
	}
	for _, w := range []string{"akzeptieren", "Akzeptieren", "Einverständnis", "zustimmen", "Zustimmung", "Einstellungen", "Datenschutzerklärung", "weiter nutzt", "weiter nutzen", "weitere Nutzung", "Mehr erfahren", "Mehr Informationen", "accept", "Accept", "settings", "OK"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// isCommentCount: "3 Kommentare", "Ein Kommentar", "Keine Kommentare", "Kommentare (3)",
// "2 Gedanken zu „Titel“", "12 Antworten".
func isCommentCount(t string) bool {
	words := strings.Fields(t)
	if len(words) < 1 {
		return false
	}
	head := words[0]
	rest := words[1:]
	if len(rest) == 0 {
		return false
	}
	switch head {
	case "Ein", "Eine", "Keine", "Kein":
	default:
		if !isNumberToken(head) {
			return head == "Kommentare" && strings.HasPrefix(rest[0], "(") && len(rest) == 1
		}
	}
	switch strings.TrimRight(rest[0], ":") {
	case "Kommentar", "Kommentare", "Antwort", "Antworten", "Reaktion", "Reaktionen", "Comments", "Comment", "Responses":
		return len(rest) == 1 || len(rest) >= 2 && (rest[1] == "zu" || rest[1] == "on" || rest[1] == "to")
	case "Gedanke", "Gedanken":
		return len(rest) >= 2 && rest[1] == "zu"
	}
	return false
}

// isBreadcrumb: "Sie sind hier: Startseite » Aktuelles", "Startseite » Blog » Titel",
// "Home > Politik > Ausland": a trail of at least three steps from the home page.
func isBreadcrumb(t string) bool {
	if hasAnyPrefixFold(t, []string{"Sie sind hier:", "Du bist hier:", "Sie befinden sich hier:", "You are here:"}) {
		return true
	}
	if !hasAnyPrefixFold(t, []string{"Startseite", "Start ", "Home ", "Übersicht"}) {
		return false
	}
	for _, sep := range []string{" » ", " › ", " > ", " / ", " | "} {
		if strings.Count(t, sep) >= 2 {
			return true
		}
	}
	return false
}

// withoutUserName returns t without a last "von name" or "by name" when name is one word
// (a user name, which may be lower case), for the timestamp test.
func withoutUserName(t string) string {
	i := strings.LastIndexByte(t, ' ')
	if i < 0 {
		return t
	}
	before := t[:i]
	for _, c := range []string{" von", " by"} {
		if strings.HasSuffix(before, c) {
			return strings.TrimSuffix(before, c)
		}
	}
	return t
}

// commentSentence reports a block opening like a comment prompt that is a sentence of the
// article ("Kommentare lesen viele Nutzer nicht."): a prompt is a label or a short request; it
// has no second sentence and no verb after the phrase. Only the shapes the prompts take are let
// through: ending without a full stop, or a single sentence of at most twelve words.
func commentSentence(t string) bool {
	if !endsSentence(t) {
		return false
	}
	return countWords(t) > 12 || strings.Count(t, ". ") > 0
}

func (set *prefixSet) match(s string) bool {
	if s == "" {
		return false
	}
	return hasAnyPrefixFold(s, set.by[lowerByte(s[0])])
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func hasAnyPrefixFold(s string, ps []string) bool {
	for _, p := range ps {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffixFold(s string, ps []string) bool {
	for _, p := range ps {
		if len(s) >= len(p) && strings.EqualFold(s[len(s)-len(p):], p) {
			return true
		}
	}
	return false
}
