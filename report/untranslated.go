package report

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/bitext/bitext/internal/german"
)

// Untranslated output is output that reads as German. Being identical to the source says
// nothing by itself: software strings keep identifiers ("FLOW_INTERVIEW_RESUMED",
// "blng__BilledTax__c", "data/bestdeals/fr.html") and English product names ("Adobe Experience
// Manager") in both languages, while a German UI string copied unchanged ("Lieferung",
// "Datensatz löschen") is short enough to have no function words at all. So identifiers are set
// aside, and the words left are weighed: German function words, German inflections and
// derivations (-ung, -keit, -iert), letters English does not write (ä, ö, ü, ß); against them
// English function words. A copy of one or two plain German words ("Datei", "Neues Fenster")
// has none of these, so in a copy a word of dewords.txt (German words English does not use)
// counts as a mark too.

var (
	// German function words that are not also common English words ("die", "war", "hat",
	// "will", "also", "an", "in", "so", "was", "man" are left out on purpose).
	deStopwords = setOf("der das und ist nicht mit von zu den dem des ein eine einen einem einer eines auf für sich im " +
		"auch es sie er wir ich nach bei aus wie als oder aber wird wurde werden haben sind noch nur über vor durch " +
		"gegen seit sowie dass daß wenn kann soll muss diese dieser dieses zum zur am vom beim ins sei seien hatte " +
		"wurden keine kein unter zwischen jedoch bereits sagte laut heute ihre ihren seine seinen ihr ihrer ihrem ihnen " +
		"können müssen sollen alle alles jede jeden jeder jedes dann ihres deren dessen anhand bzw usw ggf")
	enStopwords = setOf("the and of to is that for with on as was by at from it this be are have has had not but or " +
		"an which who will would said their they he she we its been were there than into about after over " +
		"you your can if when all new more")

	// German derivation and inflection endings no English word of that length has
	// ("Lieferung", "Einstellungen", "Benutzerdefinierte", "Möglichkeit", "Gesellschaft").
	deSuffixRe = regexp.MustCompile(`(?:ung|ungen|keit|keiten|heit|heiten|schaft|schaften|lich|liche|lichen|licher|liches|isch|ische|ischen|ischer|ieren|iert|ierte|ierten|ierter|iertes)$`)

	// Tokens that are identifiers, code or addresses, never prose: snake_case, camelCase, words
	// glued to digits, paths, dotted names, URLs, merge fields and placeholders.
	urlRe         = regexp.MustCompile(`(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\S+@\S+\.\S+`)
	placeholderRe = regexp.MustCompile(`#[A-Za-z]+\d*#|\{![^{}]*\}|\{\{[^{}]*\}\}|\$\{[^{}]*\}|&[a-zA-Z]+;|&#\d+;`)
)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// markupRe matches an XML or HTML tag (<cmd>, </gui>, <x1/>, <link xref="top"/>).
var markupRe = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<>]*)?/?>`)

func norm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// proseWords returns the words of t that are prose: markup, addresses, placeholders and
// identifier tokens removed.
func proseWords(t string) []string {
	t = markupRe.ReplaceAllString(t, "")
	t = placeholderRe.ReplaceAllString(t, "") // "&lt;date_column_name&gt;_day_epoch" stays one token
	t = urlRe.ReplaceAllString(t, " ")
	var words []string
	for _, tok := range strings.Fields(t) {
		if identifier(tok) {
			continue
		}
		words = append(words, wordRe.FindAllString(tok, -1)...)
	}
	return words
}

// identifier says whether a whitespace-delimited token is code rather than a word: it has an
// underscore, a path or namespace separator, letters glued to digits, a lower-case letter
// followed by a capital (camelCase), or a dot between letters ("post.ReplyTo").
func identifier(tok string) bool {
	tok = strings.Trim(tok, `.,;!?()[]"'“”„‘’«»`)
	if tok == "" {
		return false
	}
	if strings.ContainsAny(tok, "_/\\$=<>[]{}|") || strings.Contains(tok, "::") {
		return true
	}
	var prev rune
	digit, letter := false, false
	for i, r := range tok {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsLetter(r):
			letter = true
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				return true // camelCase
			}
		case (r == '.' || r == ':') && unicode.IsLetter(prev) && i+1 < len(tok):
			if next, _ := utf8.DecodeRuneInString(tok[i+1:]); unicode.IsLetter(next) {
				return true // "post.ReplyTo", "lightning:path"
			}
		}
		prev = r
	}
	return digit && letter
}

// germanMarks says whether a word carries marks of German: an ending of German derivation or
// inflection, or (in a lower-case word, as a capitalised one may be a name like "Zürich") a
// letter English does not write. strong is false for the capitalised word with such a letter
// only: it counts alongside other German words, not alone.
func germanMarks(w string) (marked, strong bool) {
	lw := strings.ToLower(w)
	if utf8.RuneCountInString(lw) >= 7 && deSuffixRe.MatchString(lw) {
		return true, true
	}
	if strings.ContainsAny(lw, "äöüß") {
		r, _ := utf8.DecodeRuneInString(w)
		return true, !unicode.IsUpper(r)
	}
	return false, false
}

// untranslated explains why t reads as German (an untranslated copy of s, or German output),
// or returns "".
func untranslated(s, t string) string {
	words := proseWords(t)
	if len(words) == 0 {
		return ""
	}
	// listed and enListed count words of the word lists (wordlists.go) that carry no other mark.
	de, en, marked, strong, listed, enListed := 0, 0, 0, 0, 0, 0
	for _, w := range words {
		lw := strings.ToLower(w)
		switch {
		case deStopwords[lw]:
			de++
		case enStopwords[lw]:
			en++
		default:
			if m, st := germanMarks(w); m {
				marked++
				if st {
					strong++
				}
			} else if german.OnlyEnglish(lw) {
				enListed++
			} else if german.OnlyGerman(lw) {
				listed++
			}
		}
	}
	identical := norm(s) == norm(t)
	// A copy of a German word English does not use ("Fehler", "Datei", "Neues Fenster") is German
	// however short. Only in a copy, and one with no word only English uses: the list is of
	// film dialogue, and an English label may carry a loan it holds ("Danish Krone").
	if identical && enListed == 0 {
		marked += listed
		strong += listed
	}
	// A copy is said to be one (check's and review's readers, and scripts, know the message);
	// that it reads as German is why it is flagged at all.
	reason := func(why string) string {
		if identical {
			return "output is identical to the source"
		}
		return why
	}
	if len(words) >= 4 && de >= 2 && de > 2*en {
		return reason(fmt.Sprintf("reads as German (%d German and %d English function words)", de, en))
	}
	// A short string with no English function word: a UI label ("Datensatz löschen",
	// "Benutzerdefinierte Felder") is German when at least half its words are.
	if en == 0 && de+strong > 0 && 2*(de+marked) >= len(words) {
		return reason(fmt.Sprintf("reads as German (German words: %d of %d)", de+marked, len(words)))
	}
	if en > 0 {
		return ""
	}
	// A copy of the source with a German word in it and no English one is German: names
	// ("Zürich") alone do not make it so.
	if identical && de+strong > 0 {
		return reason(fmt.Sprintf("reads as German (German words: %d of %d)", de+marked, len(words)))
	}
	// Few function words either way: ask a trigram language model, restricted to the pair.
	// On a short text it is sure of German for English labels ("Click Open.", "Publish site
	// changes"), so it decides only a copy, or a text of six words or more with a German one;
	// and of a copy, only one that is more than capitalised words ("Angela Merkel" is a name
	// in any language).
	if (identical && (marked > 0 || hasLowerWord(words))) || (len(words) >= 6 && de >= 1) {
		info := whatlanggo.DetectWithOptions(strings.Join(words, " "), whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{whatlanggo.Deu: true, whatlanggo.Eng: true}})
		sure := 0.5
		if identical {
			sure = 0.95
		}
		if info.Lang == whatlanggo.Deu && info.Confidence >= sure {
			return reason(fmt.Sprintf("reads as German (language detection, confidence %.2f)", info.Confidence))
		}
	}
	return ""
}

// hasLowerWord says whether a word of words starts with a lower-case letter.
func hasLowerWord(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return true
		}
	}
	return false
}
