package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/segment"
)

// unit is one word of a text as the matcher sees it: a simple word, or one part of a hyphenated
// compound (US-Außenministeriums gives US and Außenministeriums).
type unit struct {
	surface    string // NFC, as written, without a trailing hyphen
	fold       string // lower case
	key        string // stem of fold
	start, end int    // byte offsets into the original text
	// joined says the unit directly continues the previous one: the next part of the same
	// compound, or the next word with only spaces between. Multi-word terms match only over
	// joined units, never across punctuation or numbers.
	joined bool
	// glue is the one punctuation mark or symbol between this unit and the previous word when
	// nothing else is (St. Petersburg, H&M, AT&T, Procter & Gamble): such a unit is not joined,
	// but a term written with the same mark continues over it (see linked). "" otherwise.
	glue string
	// part says the unit is a later part of the same hyphenated word (amerikanischen in
	// US-amerikanischen), so that a whole word can be told from a piece of one.
	part bool
	// caseless says the whole text has no upper-case letter (a lower-cased corpus, a chat
	// message): its capitalization says nothing, so nounCase does not apply to it.
	caseless bool
	// num says the unit is a number (5, 2,5, 1.000); its key is the number as written.
	num bool
	// trunc says the word was written with a hyphen at its end and nothing after it: the first
	// part of a compound whose head comes with the next word ("Außen- und
	// Verteidigungsministerium").
	trunc bool
	// lead says the word was written after a hyphen that starts it: the head of a compound
	// whose first part came with an earlier word ("Energiewirtschaft und -politik").
	lead bool
	// opens says the word may open a sentence: the text's first, or the first after a full
	// stop, question or exclamation mark or colon (quotation marks between do not count), so
	// that a capital letter there says nothing about it being a noun.
	opens bool
	// afterDem says the German word directly follows zum, beim, im, vom or am, which hold a
	// singular "dem": a word there in -n is no dative plural ("zum Speichern" is a verb made a
	// noun, not the plural of Speicher).
	afterDem bool
}

// stemFunc turns a folded word into its matching key.
type stemFunc func(string) string

// textUnits splits text into units with segment.Words. Numbers are units too (num), matched
// as written, so that a term with a number (Artikel 5, Nord Stream 2) needs that number and
// no other; punctuation and symbols are not units, they only break the chain of joined units.
//
// Invisible characters inside words (a soft hyphen, zero-width spaces and joiners) are dropped
// and dashes between two word characters (NATO–Russland–Rat) read as hyphens before splitting
// (see cleanText); the units' offsets still point into text.
func textUnits(text, lang string, stem stemFunc) []unit {
	clean, starts, ends := cleanText(text)
	toks := segment.Words(clean, lang)
	us := make([]unit, 0, len(toks))
	caseless := !hasUpper(clean)
	joined := false
	// glue is the punctuation or symbol token since the previous word, when it is the only
	// one and a mark that names are written with; gap counts the tokens since that word.
	glue, gap, afterWord := "", 0, false
	// leadAt is where a word starting with a hyphen would start: just after a "-" token that
	// follows a space or starts the text.
	leadAt := -1
	opens := true
	for _, t := range toks {
		if t.Kind == segment.Number {
			us = append(us, numberUnit(t.Text, t.Start, joined, caseless))
			joined = true
			afterWord = false
			opens = false
			continue
		}
		if t.Kind != segment.Word {
			joined = false
			gap++
			glue = ""
			if gap == 1 && afterWord && glueMark(t.Text) {
				glue = t.Text
			}
			leadAt = -1
			if t.Text == "-" && (t.Start == 0 || clean[t.Start-1] == ' ') {
				leadAt = t.End
			}
			switch {
			case sentenceMark(t.Text):
				opens = true
			case !quoteMark(t.Text):
				opens = false
			}
			continue
		}
		lead := t.Start == leadAt
		trunc := strings.HasSuffix(t.Text, "-")
		if gap != 1 {
			glue = ""
		}
		gap = 0
		afterWord = true
		if t.Parts == nil {
			if u, ok := makeUnit(t.Text, t.Start, stem); ok {
				u.joined = joined
				if !joined {
					u.glue = glue
				}
				u.caseless = caseless
				u.lead, u.trunc, u.opens = lead, trunc, opens
				us = append(us, u)
			}
			joined = true
			opens = false
			continue
		}
		inWord := false
		for k, p := range t.Parts {
			u, ok := makeUnit(p.Text, p.Start, stem)
			if !ok {
				continue
			}
			u.joined = joined || k > 0
			if !u.joined {
				u.glue = glue
			}
			u.part = inWord
			u.caseless = caseless
			if p.Kind == segment.Number {
				// 2 in Nord-Stream-2 or 2-Pipeline: the number as written, like numberUnit.
				u.key, u.num = u.fold, true
			}
			inWord = true
			u.lead = lead && k == 0
			u.trunc = trunc && k == len(t.Parts)-1
			u.opens = opens && k == 0
			us = append(us, u)
		}
		// "NATO- und russische": a truncated compound ends with a hyphen and joins nothing.
		joined = !strings.HasSuffix(t.Text, "-")
		opens = false
	}
	if lang == "de" {
		for k := 1; k < len(us); k++ {
			us[k].afterDem = us[k].joined && !us[k].part && !us[k-1].num && demContraction(us[k-1].fold)
		}
	}
	if starts != nil {
		for k := range us {
			us[k].start, us[k].end = starts[us[k].start], ends[us[k].end-1]
		}
	}
	return us
}

func makeUnit(s string, start int, stem stemFunc) (unit, bool) {
	for strings.HasSuffix(s, "-") || strings.HasSuffix(s, "\u2011") {
		s = strings.TrimSuffix(strings.TrimSuffix(s, "-"), "\u2011")
	}
	end := start + len(s)
	if s == "" {
		return unit{}, false
	}
	surface := nfc(s)
	f := fold(surface)
	k := f
	// The genitive of an acronym (NATOs, EUs) is the acronym: no stemmer knows these.
	if n := len(surface); n > 2 && surface[n-1] == 's' && isAcronym(surface[:n-1]) {
		k = f[:len(f)-1]
	}
	return unit{surface: surface, fold: f, key: stem(k), start: start, end: end}, true
}

// numberUnit is the unit of a number token: its key is the number as written (1.000, 2,5,
// 12:30), not a stem, so that 5 matches only 5. A German ordinal's dot (segment.Words keeps it
// in "5. Absatz") is left out: "Nord Stream 2. Die Pipeline …" still has Nord Stream 2.
func numberUnit(s string, start int, joined, caseless bool) unit {
	s = strings.TrimSuffix(s, ".")
	return unit{surface: s, fold: s, key: s, start: start, end: start + len(s), joined: joined, caseless: caseless, num: true}
}

// demContraction reports a preposition contracted with the article "dem".
func demContraction(fold string) bool {
	switch fold {
	case "zum", "beim", "im", "vom", "am":
		return true
	}
	return false
}

// sentenceMark reports a punctuation token that can end a sentence or open a new one after it.
func sentenceMark(s string) bool {
	switch s {
	case ".", "!", "?", ":", "…", "...":
		return true
	}
	return strings.HasPrefix(s, "...")
}

// quoteMark reports a quotation mark, which stands between a sentence's end and the next one's
// first word without changing that it is the first.
func quoteMark(s string) bool {
	switch s {
	case "\"", "'", "„", "“", "”", "‚", "‘", "’", "«", "»", "‹", "›", "`", "``", "''":
		return true
	}
	return false
}

// glueMark reports a punctuation mark or symbol that names and terms are written with between
// two words: the abbreviation's full stop (St. Petersburg, Dr. Oetker), the ampersand (H&M,
// Procter & Gamble) and the apostrophe (Land's End). Terms holding one match only where the
// text has the same mark (see linked).
func glueMark(s string) bool {
	switch s {
	case ".", "&", "'", "’":
		return true
	}
	return false
}

// linked reports whether the text unit u continues the previous text unit the way the term
// unit t continues the previous term unit: with spaces only where the term has spaces only,
// with the same mark where the term has one. An abbreviation's full stop may be left out
// (St Petersburg, as British English writes it, for St. Petersburg).
func linked(u, t unit) bool {
	switch {
	case t.glue == "":
		return u.joined
	case u.glue == t.glue:
		return true
	default:
		return t.glue == "." && u.joined
	}
}

// invisible reports whether r is a character that does not show inside a word and may be
// there without meaning anything: a soft hyphen (U+00AD, a hyphenation point that web pages
// and word processors put into long words: Bundes\u00adregierung), zero-width space, non-joiner
// and joiner (U+200B-U+200D), word joiner (U+2060) and the zero-width no-break space (U+FEFF,
// a byte-order mark in the middle of a text). Matching treats them as absent on both sides, or
// they would split the word and hide the term.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// wordDash reports whether r is a dash that joins two words when it has a word character on
// both sides: hyphen (U+2010), non-breaking hyphen (U+2011), figure dash (U+2012) and en dash
// (U+2013). Wikipedia and typeset text write "NATO–Russia Council" with an en dash between the
// names; German typesetting does the same for "NATO–Russland–Rat". Em dashes (U+2014) stand
// between clauses and are left alone, as are dashes with a space on either side.
func wordDash(r rune) bool { return r >= '\u2010' && r <= '\u2013' }

// cleanText returns text without invisible characters and with dashes that join two word
// characters replaced by "-". When something changed, starts[i] is the offset in text of the
// character that byte i of clean comes from and ends[i] the offset after it, so that units
// found in clean can be placed in text; otherwise clean is text and both are nil.
func cleanText(text string) (clean string, starts, ends []int) {
	if !needsCleaning(text) {
		return text, nil, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	starts = make([]int, 0, len(text))
	ends = make([]int, 0, len(text))
	var prev rune // the last rune written to clean
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case invisible(r):
			// dropped
		case wordDash(r) && isWordChar(prev) && isWordChar(nextVisible(text, i+size)):
			b.WriteByte('-')
			starts, ends = append(starts, i), append(ends, i+size)
			prev = '-'
		default:
			b.WriteString(text[i : i+size])
			for k := 0; k < size; k++ {
				starts, ends = append(starts, i+k), append(ends, i+k+1)
			}
			prev = r
		}
		i += size
	}
	return b.String(), starts, ends
}

// needsCleaning reports whether text has an invisible character or one of the dashes
// wordDash knows: all of them are encoded with a lead byte 0xC2, 0xE2 or 0xEF, so most text
// is passed by looking at bytes.
func needsCleaning(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case 0xC2, 0xE2, 0xEF:
			r, _ := utf8.DecodeRuneInString(text[i:])
			if invisible(r) || wordDash(r) {
				return true
			}
		}
	}
	return false
}

// nextVisible returns the first rune of text at or after i that is not invisible, 0 at the end.
func nextVisible(text string, i int) rune {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !invisible(r) {
			return r
		}
		i += size
	}
	return 0
}

// isWordChar is what segment.Words puts into words: letters, digits and combining marks.
func isWordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
