package report

import (
	_ "embed"
	"strings"
	"sync"
)

// dewordsText is the list gen_wordlists.go makes from word counts of German and English film
// subtitles (testdata/SOURCES.md): frequent German words that English does not use.
//
//go:embed dewords.txt
var dewordsText string

// enwordsText is its English counterpart: frequent English words that German does not use.
//
//go:embed enwords.txt
var enwordsText string

// deWords and enWords hold the words of dewords.txt and enwords.txt, read when a report first
// asks (every bitext command links this package; few weigh copies).
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
