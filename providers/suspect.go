package providers

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/german"
)

// Reasons a translation is suspect, in Translation.Suspect.
const (
	SuspectEmpty     = "empty"              // no letters or digits where the source has some ("", ".")
	SuspectUnchanged = "unchanged source"   // the source came back as it was
	SuspectLanguage  = "source language"    // the answer reads as German, not English
	SuspectLength    = "length outlier"     // far shorter or longer than the source
	SuspectShifted   = "shifted or swapped" // fits a neighbour's source better than its own
	// SuspectChatter starts the reason of an answer holding more than the translation (a
	// preamble, a note, quotation marks the source lacks); ChatterSuspect says which.
	SuspectChatter = "chatter"
	// SuspectRefusal starts the reason of an answer that declines instead of translating
	// ("I'm sorry, but I can't help with that."); RefusalSuspect says which.
	SuspectRefusal = "refusal"
)

// Unusable says whether a reason marks an answer that holds no translation at all — empty,
// "." or a refusal — rather than a doubtful one: asked again and still so, it is no answer, and
// its segment fails (written untranslated, asked again by the next run) instead of being
// written with the flag, as "." and "I'm sorry, I can't help with that." were, exit 0.
func Unusable(reason string) bool {
	return reason == SuspectEmpty || strings.HasPrefix(reason, SuspectRefusal)
}

// SuspectReason says why translation looks obviously wrong for source, or "" when it does not.
// It is cheap and conservative: a name, a number or a one-word heading that stays the same is
// fine; a sentence of German that comes back unchanged is not. It includes the language check
// (LanguageSuspect); BasicSuspectReason leaves it out.
func SuspectReason(source, translation string) string {
	if r := BasicSuspectReason(source, translation); r != "" {
		return r
	}
	return LanguageSuspect(translation)
}

// LanguageSuspect is SuspectLanguage when translation reads as German (three German function
// words or more, no English one, six words or more), else "".
func LanguageSuspect(translation string) string {
	tw := words(translation)
	if de, en := stopwordCounts(tw); de >= 3 && en == 0 && len(tw) >= 6 {
		return SuspectLanguage
	}
	return ""
}

// BasicSuspectReason is SuspectReason without the language check: empty, unchanged, chatter
// around the translation (ChatterSuspect), a web or e-mail address lost (AddressSuspect), a tag
// written as text lost (MarkupSuspect) and length outliers.
func BasicSuspectReason(source, translation string) string {
	sw, tw := words(source), words(translation)
	if len(sw) == 0 {
		return ""
	}
	if len(tw) == 0 {
		return SuspectEmpty
	}
	if normalize(source) == normalize(translation) {
		// Four words or more that read as German came back as they were; so did a shorter
		// phrase with a German function word ("Zurück zur Liste"), which a name or a
		// one-word label ("Deutsche Bahn Navigator", "Filter") lacks.
		// A masthead in capitals stays as it is: an article and a name ("DER SPIEGEL", "DIE
		// ZEIT"), or a brand with its sign ("SPIEGEL+"). A label in capitals is German left
		// untranslated like any other ("ENTWURF", "JETZT KAUFEN", "ZURÜCK ZUR STARTSEITE"),
		// and so, alas, is "BILD" alone, which nothing tells from a watermark's "ENTWURF".
		masthead := len(sw) < 4 && !hasLower(source) && nameWords(sw) && (len(sw) > 1 || strings.ContainsAny(source, "+&"))
		if de, en := stopwordCounts(sw); len(sw) >= 4 && germanScore(sw) > 0 || len(sw) >= 2 && de > 0 && en == 0 && !masthead {
			return SuspectUnchanged
		}
		// So did a short text of words German uses and English does not (a PO file's "Öffnen",
		// an XLIFF's "Speichern", "Mehr lesen"); a name or a loan ("Berlin", "Filter", "Deutsche
		// Bahn Navigator") has a word that is no such word, and a date heading may stay ("15.
		// Dezember").
		if (len(sw) == 1 || len(sw) <= 3 && !strings.ContainsAny(source, "0123456789")) && allOnlyGerman(sw) && !masthead {
			return SuspectUnchanged
		}
	}
	if r := RefusalSuspect(source, translation); r != "" {
		return r
	}
	// Before the length: a note can make an answer too long, and "chatter" says why.
	if r := ChatterSuspect(source, translation); r != "" {
		return r
	}
	if r := AddressSuspect(source, translation); r != "" {
		return r
	}
	if r := MarkupSuspect(source, translation); r != "" {
		return r
	}
	sl, tl := utf8.RuneCountInString(source), utf8.RuneCountInString(translation)
	if sl >= 25 {
		if r := float64(tl) / float64(sl); r < 0.3 || r > 3.0 {
			return SuspectLength
		}
	}
	return ""
}

// ShiftedPattern reports, for a batch answered in order, which answers fit a neighbour's
// source clearly better than their own: numbers that match the neighbour's and not their own,
// or a length ratio off for the own source but right for the neighbour's. This is the pattern
// of answers shifted by one or swapped, which IDs alone cannot catch.
func ShiftedPattern(sources, translations []string) []bool {
	out := make([]bool, len(sources))
	if len(sources) < 2 || len(translations) != len(sources) {
		return out
	}
	for i := range sources {
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(sources) {
				continue
			}
			// Lengths are compared only when both sources are long enough to judge: a short
			// source's answer would otherwise "fit" any neighbour of similar length better
			// than its own source, which scores nothing.
			judge := long(sources[i]) && long(sources[j])
			// Lengths alone (no number in either source) prove a shift only when the answer's
			// length is far off its own source's and right for the neighbour's: translations
			// of short sentences vary too much for less.
			margin := 1
			if len(numbers(placeholder.ReplaceAllString(sources[i]+" "+sources[j], " "))) == 0 {
				margin = 3
			}
			if fit(sources[j], translations[i], judge) > fit(sources[i], translations[i], judge)+margin {
				out[i] = true
			}
		}
	}
	return out
}

// long says whether a source is long enough for its answer's length to tell anything.
func long(source string) bool { return utf8.RuneCountInString(source) >= 25 }

// fit scores how well an answer matches a source: 2 for each number in common, minus 2 for
// each number the source has and the answer lacks (as often as each occurs); with judgeLength, 2 more when the lengths
// agree (ratio 0.7–1.5) and 2 fewer when they are far apart (below 0.4 or above 2.5).
// Placeholder tags (<g1>, </g1>, <x2/>) are not numbers.
func fit(source, translation string, judgeLength bool) int {
	sn, tn := numbers(placeholder.ReplaceAllString(source, " ")), numbers(placeholder.ReplaceAllString(translation, " "))
	// Each number of the answer matches one occurrence in the source: legal text cites
	// "Art. 6 Abs. 1" three times in one sentence, and an answer citing it once fitted that
	// sentence better than its own.
	left := map[string]int{}
	for _, n := range tn {
		left[n]++
	}
	score := 0
	for _, n := range sn {
		if left[n] > 0 {
			left[n]--
			score += 2
		} else {
			score -= 2
		}
	}
	sl, tl := utf8.RuneCountInString(source), utf8.RuneCountInString(translation)
	if judgeLength {
		switch r := float64(tl) / float64(sl); {
		case r >= 0.7 && r <= 1.5:
			score += 2
		case r < 0.4 || r > 2.5:
			score -= 2
		}
	}
	return score
}

// placeholder matches the inline codes of documents (<g1>, </g1>, <x2/>, <bx3/>, <ex3/>).
var placeholder = regexp.MustCompile(`</?(?:g|x|bx|ex)[0-9]+/?>`)

// numbers are the digit runs of s, with German decimal commas and English points alike
// reduced to their digits (2,5 and 2.5 are the same number; 15. Dezember and December 15 too).
func numbers(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case (r == ',' || r == '.') && b.Len() > 0 && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9':
			// a decimal or thousands separator inside a number
		default:
			flush()
		}
	}
	flush()
	return out
}

// allOnlyGerman says whether every word of words of four letters or more (and at least one)
// is one German uses and English does not (german.OnlyGerman).
func allOnlyGerman(words []string) bool {
	n := 0
	for _, w := range words {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		if !german.OnlyGerman(w) {
			return false
		}
		n++
	}
	return n > 0
}

// nameWords says whether words, lower-cased, read as a name: an article first at most, no other
// function word and no verb's infinitive (a word of five letters or more in -en, -ern, -eln).
func nameWords(words []string) bool {
	for i, w := range words {
		if i == 0 && (w == "der" || w == "die" || w == "das") {
			continue
		}
		if deStop[w] || utf8.RuneCountInString(w) >= 5 && (strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ern") || strings.HasSuffix(w, "eln")) {
			return false
		}
	}
	return true
}

// hasLower says whether s has a lower-case letter.
func hasLower(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) >= 0
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func normalize(s string) string {
	return strings.Join(words(s), " ")
}

var (
	deStop = set("der", "die", "das", "und", "ist", "nicht", "mit", "sich", "dem", "den", "des", "ein", "eine", "einer", "auch", "auf", "für", "wird", "wurde", "sind", "werden", "von", "bei", "nach", "aus", "zum", "zur", "im", "über", "sagte", "hat", "haben", "noch", "wie", "dass", "oder", "aber",
		// pronouns and adverbs of short sentences ("Ich bleibe hier.", "Er kommt morgen.")
		"ich", "er", "wir", "ihr", "sie", "es", "du", "mich", "mir", "dich", "dir", "uns", "euch", "ihm", "ihn", "ihnen",
		"hier", "jetzt", "heute", "morgen", "nur", "sehr", "schon", "kein", "keine", "nichts", "immer", "wieder", "dann", "doch")
	enStop = set("the", "and", "is", "not", "with", "of", "to", "a", "for", "were", "are", "be", "has", "have", "on", "at", "by", "from", "that", "this", "it", "said", "as", "or", "but") // not "in", "an", "was", "will": German words too
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func stopwordCounts(ws []string) (de, en int) {
	for _, w := range ws {
		if deStop[w] {
			de++
		}
		if enStop[w] {
			en++
		}
	}
	return de, en
}

// germanScore is positive when words look German: German function words or letters English
// lacks.
func germanScore(ws []string) int {
	de, en := stopwordCounts(ws)
	n := de - en
	for _, w := range ws {
		if strings.ContainsAny(w, "äöüß") {
			n++
		}
	}
	return n
}

// RefusalSuspect is a SuspectRefusal reason when translation declines to translate source
// instead of translating it — "I'm sorry, but I can't help with that.", "I cannot translate
// this text as it may contain harmful content.", "As an AI language model, I …" — which local
// OpenAI-compatible models answer in plain content (they have no "refusal" field), and which
// went into the output and the memory as the translation. An answer counts when it starts as a
// refusal (an apology, "I can't", "I'm unable", "I'm afraid", …) and speaks of the task
// (translating, helping, assisting, the request, the content), unless the source has words
// that such an answer could translate: an apology or regret of its own ("Es tut mir leid",
// "Leider", "Tschuldigung"), or the task's words ("übersetzen", "helfen", "Anfrage") — so
// that "Ihre Anfrage müssen wir ablehnen." may be "We must decline your request.". "As an AI
// (language model)" counts when the source does not speak of AI. Otherwise "" is returned.
func RefusalSuspect(source, translation string) string {
	// Curly apostrophes are how chat models write "I’m sorry, but I can’t assist with that."
	answer := strings.NewReplacer("’", "'", "‘", "'").Replace(strings.TrimLeft(translation, decoration))
	if refusalStart.MatchString(answer) && refusalTask.MatchString(answer) && !apologyInSource.MatchString(source) {
		return SuspectRefusal + ": " + clipWords(answer, 12)
	}
	if asAnAI.MatchString(answer) && !aiInSource.MatchString(source) {
		return SuspectRefusal + ": " + clipWords(answer, 12)
	}
	return ""
}

var (
	refusalStart = regexp.MustCompile(`(?i)^(?:(?:i'm|i am|we're|we are)\s+(?:so\s+|very\s+|truly\s+|really\s+)?(?:sorry|afraid|unable|not\s+able|not\s+comfortable|not\s+allowed)|sorry\b|(?:my\s+)?apologies\b|i\s+apologi[sz]e|unfortunately,?\s+(?:i|we)\b|(?:i|we)\s+(?:cannot|can't|can\s+not|won't|will\s+not|must\s+decline|refuse|do\s+not\s+feel\s+comfortable|don't\s+feel\s+comfortable|am\s+not\s+able)|(?:unable|not\s+able)\s+to\s+(?:translate|help|assist|comply)|cannot\s+translate|can't\s+translate)`)
	refusalTask  = regexp.MustCompile(`(?i)\b(?:translat\w*|help|assist\w*|request\w*|provide|comply|content|fulfil+)\b`)
	// apologyInSource: an apology, regret or refusal of the source's own, or the task's words,
	// which a translation could render as a refusal's words.
	apologyInSource = regexp.MustCompile(`(?i)\b(?:leid|entschuldig\w*|tschuldigung|verzeih\w*|bedauer\w*|sorry|pardon|leider|schade|dummerweise|ärgerlicherweise|unglücklicherweise|unmöglich|ausserstande|außerstande|ablehn\w*|abgelehnt|weiger\w*|nicht\s+in\s+der\s+lage)\b|(?:übersetz|hilf|helf|anfrage|antrag|unterstütz|inhalt|erfüll|bereitstell|anliegen)|\b(?:ki|ai)\b`)
	asAnAI          = regexp.MustCompile(`(?i)\bas\s+an\s+ai\b(?:\s+(?:language\s+)?model|\s+assistant)?\s*,|\bas\s+a\s+language\s+model\b|\bi'm\s+(?:just\s+|only\s+)?an\s+ai\b|\bi\s+am\s+(?:just\s+|only\s+)?an\s+ai\b|\bai\s+language\s+model\b`)
	aiInSource      = regexp.MustCompile(`(?i)\b(?:ki|ai|sprachmodell\w*|künstliche\w*\s+intelligenz)\b`)
)

// clipWords is the first n words of s, and "…" when there were more.
func clipWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + " …"
}
