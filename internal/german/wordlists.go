package german

import (
	_ "embed"
	"strings"
	"sync"
)

// dewordsText is the list gen_wordlists.go makes from word counts of German and English film
// subtitles (SOURCES.md): frequent German words that English does not use.
//
//go:embed dewords.txt
var dewordsText string

// enwordsText is its English counterpart: frequent English words that German does not use.
//
//go:embed enwords.txt
var enwordsText string

// OnlyGerman reports whether w, in lower case, is a frequent German word that English does not
// use (öffnen, speichern, danke): report's untranslated check and the providers' unchanged-answer
// check read an answer holding it as German. Names and loans (berlin, team) are in neither list.
func OnlyGerman(w string) bool { return deWords()[w] }

// OnlyEnglish reports whether w, in lower case, is a frequent English word that German does not
// use (the, which, would).
func OnlyEnglish(w string) bool { return enWords()[w] }

// deWords and enWords hold the words of dewords.txt and enwords.txt, read when first asked
// for (every bitext command links this package; few ask).
var (
	deWords = sync.OnceValue(func() map[string]bool { return readWordList(dewordsText) })
	enWords = sync.OnceValue(func() map[string]bool { return readWordList(enwordsText) })
)

// readWordList reads one lower-case word a line; lines starting with # are comments.
func readWordList(text string) map[string]bool {
	words := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			words[line] = true
		}
	}
	return words
}
