package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What may follow a compound's first part as its head. A term's letters at the start of a
// longer word are no part of it when the word goes on with the ending of a Latin, Greek or
// French word (Prozess|oren, Prozess|orleistung, Norm|alität, Form|ular, Platz|ieren,
// Stand|ards, Test|amente, Bank|ette, Kanal|isation, Gast|ronomie, Minister|ialblatt,
// Hand|elsgesetzbuch): the word is Prozessor, normal, Formular, Standard, Testament, Bankett,
// Handel, and the term is not in it. GNOME System Monitor's help has Prozessorleistung and
// Prozessorauslastung for Prozess; the federal laws Normalbetrieb, Formulare and
// Handelsgesetzbuch.

// loanEndings are such endings, each with the German words that start with the same letters
// and are heads of compounds all the same (Markt|organisation, Prozess|ordnung, Dienst|alter,
// Test|allergene, Sport|elite, Netz|element).
var loanEndings = []struct {
	ending string
	words  []string
}{
	{"or", []string{"ordn", "orden", "organ", "orgel", "orient", "origin", "ort", "orchest", "orkan", "orange", "ornament"}},
	{"al", []string{"alarm", "album", "alg", "alkohol", "alkali", "all", "alpen", "alphabet", "alt", "alumin", "alibi"}},
	{"at", []string{"atem", "atlas", "atom", "attest", "attent", "attack", "attrakt", "attribut", "atmo", "atel"}},
	{"ul", []string{"ulme", "ultra"}},
	{"el", []string{"elektr", "element", "elend", "elefant", "eltern", "elite", "elf", "elch", "elast"}},
	{"ial", nil},
	{"ier", nil},
	{"ard", nil},
	{"ament", nil},
	{"ett", nil},
	{"isation", nil},
	{"isier", nil},
	{"ronom", nil},
}

// loanEnding reports whether head starts with one of loanEndings and none of its words.
func loanEnding(head string) bool {
	for _, l := range loanEndings {
		if !strings.HasPrefix(head, l.ending) {
			continue
		}
		german := false
		for _, w := range l.words {
			if strings.HasPrefix(head, w) {
				german = true
				break
			}
		}
		if !german {
			return true
		}
	}
	return false
}

// onsets are the consonant clusters that start German words, loans included (Pflicht, Strom,
// Schwelle, Psychologie, Sphäre, Szene, Chrom, Show, Thron, Gnade).
var onsets = strings.Fields(`bl br ch chl chr cl cr dr dsch fj fl fr gh gl gn gr kl kn kr ph phr pl pr
	pf pfl pfr pn ps qu rh sc sch schl schm schn schr schw scr sh sk skl skr sl sm sn sp sph spl spr squ st
	str sw sz th thr tr ts tsch tw wh wr zw`)

// wordOnset reports whether w starts as a German word can: with a vowel, a consonant before a
// vowel, or one of onsets before a vowel. Handel|sgesetzbuch has no head "lsgesetzbuch".
func wordOnset(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if isVowel(r) || !unicode.IsLetter(r) {
		return true
	}
	best := 1 // a single consonant
	for _, o := range onsets {
		if strings.HasPrefix(w, o) && len(o) > best {
			best = len(o)
		}
	}
	next, _ := utf8.DecodeRuneInString(w[best:])
	return isVowel(next) || !unicode.IsLetter(next)
}

// isHead reports whether head can be the rest of a compound after its first part and linking
// element: long enough, more than suffixes, no loan word's ending, and a word's start.
func isHead(head string) bool {
	return utf8.RuneCountInString(head) >= minHead && !suffixesOnly(head) && !loanEnding(head) && wordOnset(head)
}
