package providers

import (
	"regexp"
	"strings"
)

// SuspectAddress starts the reason of an answer that lost or changed a web address or an
// e-mail address of its source ("kontakt@example.de" came back "contact@example.com", a path
// translated): a reader following it lands nowhere, and nothing else in the text shows it.
const SuspectAddress = "address changed"

// addressRe finds the addresses a translation must keep as they are: URLs with a scheme,
// www. hosts and e-mail addresses.
var addressRe = regexp.MustCompile(`(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'“”„«»\[\]{}|\\^` + "`" + `]+|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`)

// addresses are the web and e-mail addresses in s, without the punctuation that ends a
// sentence or closes a bracket after them.
func addresses(s string) []string {
	var out []string
	for _, a := range addressRe.FindAllString(s, -1) {
		a = strings.TrimRight(a, ".,;:!?)")
		if a != "" {
			out = append(out, a)
		}
	}
	return out
}

// AddressSuspect is SuspectAddress with the first address of source that translation lacks
// (compared without regard to case: a host's case means nothing), or "".
func AddressSuspect(source, translation string) string {
	as := addresses(source)
	if len(as) == 0 {
		return ""
	}
	lower := strings.ToLower(translation)
	for _, a := range as {
		if !strings.Contains(lower, strings.ToLower(a)) {
			return SuspectAddress + ": " + a + " is not in the translation"
		}
	}
	return ""
}
