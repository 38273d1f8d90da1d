package segment

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences without final punctuation inside running text. Web text (reviews, e-mail,
// greetings, headlines run into the body) often ends a sentence with no punctuation at all:
// "Absolut zu empfehlen Seit 1964 ist mein Mann …", "Vielen Grüße aus Falkensee Leider kein
// Paradies …". A capital letter alone says nothing in German (nouns), so only words that are
// capitalised at the start of a sentence and practically nowhere else count as evidence:
// pronouns, finite verbs, adverbs and conjunctions that open sentences. Articles ("Die Zeit",
// "Die Linke"), the polite "Sie"/"Ihr" and the letter-writing "Du"/"Dir" are left out, since they
// are capitalised inside sentences too, and so are infinitives that serve as nouns ("das
// fachliche Können", "das Haben", "eine Bitte"), words that are nouns as well ("die Würde",
// "die Waren") and surnames ("sagte Kurz"). Nor does a sentence end with an article, a
// preposition or a conjunction ("im Hier und Jetzt", "viele Wenn und Aber").

// noPunctStartersDE open a German sentence and are not capitalised inside one.
var noPunctStartersDE = toSet(
	"Ich", "Wir", "Er", "Man", "Leider", "Seit", "Bin", "War", "Ist", "Sind", "Hat",
	"Habe", "Hatte", "Hatten", "Gibt", "Kann", "Konnte", "Wird", "Wurde", "Werde", "Dann", "Danach", "Aber", "Jedoch", "Allerdings", "Außerdem",
	"Zudem", "Trotzdem", "Dennoch", "Deshalb", "Deswegen", "Daher", "Heute", "Gestern", "Jetzt",
	"Nun", "Dabei", "Damit", "Denn", "Weil", "Obwohl", "Nachdem", "Manchmal", "Vielleicht",
	"Eigentlich", "Natürlich", "Insgesamt", "Bisher", "Inzwischen", "Zunächst", "Anschließend",
	"Einfach", "Immer", "Nie", "Wirklich", "Sehr", "Vielen", "Herzlichen", "Unser",
	"Unsere", "Mein", "Meine", "Meiner", "Dies", "Diese", "Dieser", "Dieses", "Über", "Es",
	"Uns", "Mir", "Mich", "Wieder", "Hier", "Dort", "Ansonsten", "Alles",
)

// maxNoPunctLen is the length in bytes of the longest word in noPunctStartersDE and EN.
var maxNoPunctLen = func() int {
	n := 0
	for _, set := range []map[string]struct{}{noPunctStartersDE, noPunctStartersEN} {
		for w := range set {
			n = max(n, len(w))
		}
	}
	return n
}()

// noPunctShapeDE and noPunctShapeEN rule out most capitalised words (nouns) without hashing
// them: no word of the list has their first byte and length.
var noPunctShapeDE, noPunctShapeEN = shapeOf(noPunctStartersDE), shapeOf(noPunctStartersEN)

// wordShape records, for each first and each last byte, the lengths in bytes of a set's words
// (31 stands for 31 and more).
type wordShape struct{ first, last [256]uint32 }

func shapeOf(set map[string]struct{}) (s wordShape) {
	for w := range set {
		if w != "" {
			bit := uint32(1) << min(len(w), 31)
			s.first[w[0]] |= bit
			s.last[w[len(w)-1]] |= bit
		}
	}
	return s
}

// may reports whether w could be in the set: false is certain, true needs the lookup.
func (s *wordShape) may(w string) bool {
	if w == "" {
		return false
	}
	bit := uint32(1) << min(len(w), 31)
	return s.first[w[0]]&bit != 0 && s.last[w[len(w)-1]]&bit != 0
}

// noPunctStartersEN open an English sentence and are not capitalised inside one ("I" is, after
// every word, so it does not count).
var noPunctStartersEN = toSet(
	"We", "They", "She", "He", "What", "How", "Why", "If", "Thanks", "Please", "Attached",
	"Our", "My", "Regards", "Hope", "Let", "Do", "Does", "Did", "Can", "Could", "Would",
	"Should", "Is", "Are", "Also",
)

// englishWordsDE are German sentence openers that are also English words, found capitalised
// in English titles and names inside German text ("Iron Man", "Civil War", "Die Hard"): they
// count only after a lower-case word.
// Possessives open titles too ("Hitlers Mein Kampf", "die Serie Unsere Mütter, unsere Väter").
var englishWordsDE = toSet("Man", "War", "Bin", "Hat", "Also", "Will", "Es", "Hier", "Mein", "Meine", "Unser", "Unsere")

// noPunctEnds decides whether the space at i, between two words with no punctuation, ends the
// sentence that began at start.
func (s *splitter) noPunctEnds(start, i int) bool {
	text := s.text
	j := i + 1
	k := j
	if text[i-1] == ')' && s.tagAfterEnd(start, i) {
		return true
	}
	if s.en && i-start >= 4 {
		if c := text[i-1]; c == 'M' || c == '/' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if tok := prevToken(text, start, i); isURL(tok) || (tok == "AM" || tok == "PM") && isClock(prevToken(text, start, i-len(tok)-1)) {
				// E-mail headers and link lists: "08/16/2000 12:05 PM I just wanted …",
				// "… 21big.html The pictures …"; not before a time zone ("5:00 PM Eastern").
				return !inSet(timeZonesEN, firstWord(text[j:]))
			}
		}
	}
	// Most capitalised words are nouns, many of them long compounds: scan no further than the
	// longest word of the lists (this runs before every capital in German text), or, unless
	// the text before is in capitals, than the longest word with this first byte.
	limit := maxNoPunctLen
	if c := text[i-1]; c < 'A' || c > 'Z' {
		shape := &noPunctShapeDE
		if s.en {
			shape = &noPunctShapeEN
		}
		lens := shape.first[text[j]]
		if lens == 0 {
			return false
		}
		limit = bits.Len32(lens) - 1
	}
	for k < len(text) && k-j <= limit {
		if c := text[k]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			k++
			continue
		} else if c < 0x80 {
			break
		}
		r, size := decodeRune(text, k)
		if !unicode.IsLetter(r) {
			break
		}
		k += size
	}
	// The word must be followed by a space: "Ich-Erzähler", "Wir-Gefühl" are nouns.
	if k-j > limit || k >= len(text) || text[k] != ' ' {
		return false
	}
	w := text[j:k]
	set, shape := noPunctStartersDE, &noPunctShapeDE
	if s.en {
		set, shape = noPunctStartersEN, &noPunctShapeEN
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if !shape.may(w) || !inSet(set, w) {
		return s.allCapsBefore(start, i, prev, w)
	}
	if !unicode.IsLetter(prev) && prev != ')' {
		return false // "… 5 Ich", "-- Ich", "„Ich": no evidence of a sentence end
	}
	pw := prevWord(text, i)
	if utf8.RuneCountInString(text[start:i]) < 8 || pw == text[start:i] {
		return false // at least two words before it
	}
	if s.inTitleCase(start, j, k) {
		return false // "Reference Cycles Can Leak Memory": a heading in Title Case
	}
	if s.en {
		// After a name too: e-mail signatures and greetings ("Thanks Nina We …").
		return unicode.IsLower(prev) && !inSet(noPunctContinuesEN, pw)
	}
	if inSet(noPunctContinuesDE, pw) {
		return false
	}
	return !inSet(englishWordsDE, w) || unicode.IsLower(firstRune(pw)) || prev == ')'
}

// noPunctContinuesEN are English words after which a capitalised word is a name or a title,
// not a new sentence ("said We", "called Why").
var noPunctContinuesEN = toSet("the", "a", "an", "of", "called", "named", "titled", "said", "says",
	"song", "album", "film", "movie", "book", "show", "and", "or", "to", "in", "on", "at", "by",
	"with", "for", "from", "into", "than", "as", "about", "his", "her", "their", "its", "our", "my",
	"your", "this", "these", "those", "that", "which", "who", "whose", "but", "nor", "if", "because")

// noPunctContinuesDE are German words a sentence does not end with: articles, prepositions,
// conjunctions, possessives.
var noPunctContinuesDE = toSet("und", "oder", "aber", "sowie", "sondern", "denn", "weil", "dass",
	"daß", "ob", "wenn", "als", "wie", "im", "am", "vom", "zum", "zur", "beim", "ins", "das",
	"die", "der", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein",
	"keine", "keinen", "viele", "ohne", "mit", "für", "von", "zu", "bei", "nach", "auf", "in",
	"an", "aus", "über", "unter", "vor", "durch", "gegen", "um", "meine", "seine", "ihre",
	"unsere", "deine", "eure", "meinen", "seinen", "ihren", "unseren", "jede", "jeder", "jedes",
	"alle", "diese", "dieser", "dieses", "sehr", "so", "nur", "auch", "noch",
	// Determiners, prepositions and relatives: of their 806 occurrences in German treebank and
	// news text (UD GSD dev and the extraction dev pages' bodies) one ended a sentence ("aufs
	// Weitere!").
	"einige", "einigen", "manche", "manchen", "mehrere", "weitere", "weiteren", "solche",
	"solchen", "jene", "jenen", "dessen", "deren", "zwischen", "seit", "bis", "trotz", "während",
	"mein", "dein", "unser", "euer", "seinem", "ihrem", "meinem", "unserem")

// loneDeterminersDE head no line on their own: a line that is only "Andere" or "Viele", capitalised
// because a sentence starts there, is the first word of a sentence a hard wrap broke ("Andere" /
// "Fischsorten weisen …"), not a headline. "andere" and "viele" may end a sentence ("… wie viele
// andere."), so they are not in noPunctContinuesDE.
var loneDeterminersDE = toSet("andere", "anderen", "viele", "vielen", "wenige", "beide", "beiden",
	"alle", "einige", "manche", "mehrere", "weitere", "solche")

// needsContinuationDE reports whether a line without final punctuation ends in a word after which
// German text goes on (an article, a preposition, a conjunction, a determiner), so the line ends no
// sentence, headline or list item. A line of one capitalised word is read in lower case.
func needsContinuationDE(line string) bool {
	w := lastWord(line)
	if inSet(noPunctContinuesDE, w) {
		return true
	}
	if w == "" || w != strings.TrimSpace(line) {
		return false
	}
	lw := strings.ToLower(w)
	return inSet(noPunctContinuesDE, lw) || inSet(loneDeterminersDE, lw)
}

// allCapsBefore reports a shouted sentence ("STELLT DIE VERANSTALTER ZUR REDE Die Pizzeria …"):
// at least three words in capitals before i, then a word in ordinary case.
func (s *splitter) allCapsBefore(start, i int, prev rune, w string) bool {
	if !unicode.IsUpper(prev) || len(w) < 2 {
		return false
	}
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if r2, _ := utf8.DecodeRuneInString(w[size:]); !unicode.IsLower(r2) {
		return false
	}
	words, letters := 1, 0
	for _, c := range s.text[start:i] {
		switch {
		case c == ' ':
			words++
		case unicode.IsLower(c):
			return false
		case unicode.IsUpper(c):
			letters++
		}
	}
	return words >= 3 && letters >= 8
}

// prevToken returns the run of non-space bytes that ends at i (not before start).
func prevToken(text string, start, i int) string {
	if i <= start || i > len(text) {
		return ""
	}
	j := strings.LastIndexByte(text[start:i], ' ') + start + 1
	return text[j:i]
}

// isURL reports a link: "http://…", "https://…" or "www.…".
func isURL(tok string) bool {
	return len(tok) > 8 && (strings.HasPrefix(tok, "http://") || strings.HasPrefix(tok, "https://") || strings.HasPrefix(tok, "www."))
}

// isClock reports a time of day written with colons: "12:05", "03:14:14".
func isClock(tok string) bool {
	if len(tok) < 4 || len(tok) > 8 || strings.Count(tok, ":") == 0 {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c != ':' && !isDigit(c) {
			return false
		}
	}
	return isDigit(tok[0]) && isDigit(tok[len(tok)-1])
}

// timeZonesEN follow a time inside a sentence ("at 5:00 PM Eastern").
var timeZonesEN = toSet("Eastern", "Central", "Pacific", "Mountain", "EST", "EDT", "CST", "CDT", "PST",
	"PDT", "MST", "MDT", "ET", "CT", "PT", "GMT", "UTC", "BST", "CET", "CEST", "Houston", "London",
	"New", "Time", "time")

// tagAfterEnd reports an author's or agency's tag in brackets after the last sentence of an
// article or paragraph, followed by the next one: "… veröffentlicht. (jk) Der Konzern …",
// "… sagte er. (dpa) Die Polizei …". The tag ends at i and belongs to the sentence before it.
func (s *splitter) tagAfterEnd(start, i int) bool {
	tok := prevToken(s.text, start, i)
	if len(tok) < 3 || len(tok) > 16 || tok[0] != '(' {
		return false
	}
	for _, r := range tok[1 : len(tok)-1] {
		if !unicode.IsLetter(r) && r != '/' && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	j := i - len(tok)
	for j > start && s.text[j-1] == ' ' {
		j--
	}
	return j > start && j < i-len(tok) && strings.ContainsRune(".!?…\"“”»«", lastRune(s.text[start:j]))
}
