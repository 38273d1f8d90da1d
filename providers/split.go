package providers

import (
	"strings"
	"unicode/utf8"
)

// SplitOversize cuts text into pieces that each fit maxChars characters and maxTokens tokens
// (by est; 0 means no limit), at the best boundary available: after a sentence end, else after
// a clause mark (, ; : –), else at a space, else between characters. The pieces concatenated
// give text back exactly, so their translations joined with a space read as one. A text within
// the limits is returned as is.
func SplitOversize(text string, maxChars, maxTokens int, est func(string) int) []string {
	if est == nil {
		est = EstimateTokens
	}
	fits := func(s string) bool {
		return (maxChars <= 0 || utf8.RuneCountInString(s) <= maxChars) && (maxTokens <= 0 || est(s) <= maxTokens)
	}
	if fits(text) {
		return []string{text}
	}
	var out []string
	rest := text
	for rest != "" {
		if fits(rest) {
			out = append(out, rest)
			break
		}
		// The longest prefix that fits, found by halving on runes.
		lo, hi := 1, utf8.RuneCountInString(rest)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if fits(prefixRunes(rest, mid)) {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		head := prefixRunes(rest, lo)
		cut := bestCut(head)
		if cut <= 0 {
			cut = len(head)
		}
		out = append(out, rest[:cut])
		rest = rest[cut:]
	}
	return out
}

func prefixRunes(s string, n int) string {
	i := 0
	for n > 0 && i < len(s) {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n--
	}
	return s[:i]
}

// bestCut is the byte offset in head just after the last sentence end, else clause mark,
// else space, with the following spaces kept on the left; 0 when head has none of them.
func bestCut(head string) int {
	for _, marks := range []string{".!?…", ",;:–", " "} {
		for i := len(head) - 1; i > 0; i-- {
			r, size := utf8.DecodeLastRuneInString(head[:i+1])
			i -= size - 1
			if !strings.ContainsRune(marks, r) {
				continue
			}
			end := i + size
			if marks != " " && (end >= len(head) || head[end] != ' ') {
				continue // "2.5" or "U.S." is not a boundary
			}
			for end < len(head) && head[end] == ' ' {
				end++
			}
			return end
		}
	}
	return 0
}
