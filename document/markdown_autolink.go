package document

import (
	"strings"
	"unicode/utf8"
)

// Bare web and e-mail addresses in Markdown ("https://slack.com/apps", "www.heise.de",
// "berlin@correlaid.org") are GFM's extended autolinks: GitHub, GitLab, Hugo's goldmark and
// most renderers link them. They are kept as codes, never sent: sent as words, a provider
// was free to translate the path ("…/help/articles/…-Slack-for-Nonprofits"), break the address
// at a hyphen or change a letter, and the only defence was the answer check that asks again.
// The code's markup is the address byte for byte, so the page is written back as it was.
//
// The rules are GFM's (spec §6.9): an address starts at a line's or block's start, after white
// space, or after "*", "_", "~" or "("; here also after quotation marks and other punctuation
// that is no part of an address (the code changes nothing written, so protecting more than GFM
// links costs nothing). A www. or http(s):// address needs a valid domain (segments of letters,
// digits, "_" and "-" separated by at least one "."), and runs to white space or "<"; trailing
// "?", "!", ".", ",", ":", "*", "_", "~", an unbalanced ")" and an entity-like "&x;" are not part
// of it. An e-mail address is [A-Za-z0-9.+_-]+ "@" a domain of at least one ".", not ending in
// "-" or "_". An address's "_" and "~" are its own, no emphasis delimiters (mdDelimRuns); a "*"
// ends it, as goldmark reads it.

// mdBareLinkLen is the length of the bare address starting at s[i], or 0; before is the byte
// before s's start (mdByteBefore).
func mdBareLinkLen(s string, i int, before rune) int {
	if !isASCIIAlnum(s[i]) || !mdBareLinkBoundary(mdByteBefore(s, i, before)) {
		return 0
	}
	t := s[i:]
	lower := func(p string) bool { return len(t) >= len(p) && strings.EqualFold(t[:len(p)], p) }
	switch {
	case lower("https://"):
		return mdURLLen(t, len("https://"))
	case lower("http://"):
		return mdURLLen(t, len("http://"))
	case lower("www."):
		return mdURLLen(t, 0)
	}
	return mdEmailLen(t)
}

// mdBareLinkBoundary says whether an address may start after byte c.
func mdBareLinkBoundary(c byte) bool {
	switch {
	case isASCIIAlnum(c):
		return false
	case c >= utf8.RuneSelf:
		// The last byte of a letter ("übers…") or of a quotation mark ("„www…"): only the
		// second starts an address. Quotation marks end in 0x9C, 0x9D, 0x9E, 0x9A (U+201A-E) or
		// 0xAB/0xBB (« »).
		return c == 0x9A || c == 0x9C || c == 0x9D || c == 0x9E || c == 0xAB || c == 0xBB
	}
	return !strings.ContainsRune("@./-+:=&?#%\\", rune(c))
}

// mdDomainLen is the length of the valid domain at s's start (GFM: segments of letters,
// digits, "_" and "-" separated by "."; at least one "."; no "_" in the last two segments), or
// 0.
func mdDomainLen(s string) int {
	n, dots, lastDot, prevDot := 0, 0, -1, -1
	for n < len(s) {
		c := s[n]
		if c == '.' {
			if n == 0 || n == lastDot+1 || n+1 >= len(s) || !mdDomainByte(s[n+1]) {
				break // a "." that no segment follows ends the domain ("www.heise.de.")
			}
			prevDot, lastDot = lastDot, n
			dots++
		} else if !mdDomainByte(c) {
			break
		}
		n++
	}
	if dots == 0 || strings.Contains(s[prevDot+1:n], "_") {
		return 0
	}
	return n
}

func mdDomainByte(c byte) bool {
	return isASCIIAlnum(c) || c == '-' || c == '_'
}

// mdURLLen is the length of a www. or http(s):// address whose domain starts at s[at].
func mdURLLen(s string, at int) int {
	d := mdDomainLen(s[at:])
	if d == 0 {
		return 0
	}
	n := at + d
	for n < len(s) {
		c := s[n]
		if c == '\\' && n+1 < len(s) && isASCIIPunct(s[n+1]) && s[n+1] != '<' {
			n += 2 // an escape ("ca\_streetfootball"): the address reads "ca_streetfootball"
			continue
		}
		if c <= ' ' || c == '<' || c == '`' || c == '"' || c == '\\' || c == '*' {
			// (goldmark, which writes bitext's pages, ends an address at "*": in
			// "https://x.de/*neu*" the word is emphasised; cmark-gfm would link "*neu".)
			break
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[n:])
			if mdAddressStop(r) {
				break
			}
			n += size
			continue
		}
		n++
	}
	return mdTrimAddress(s[:n])
}

// mdAddressStop says whether r, not ASCII, ends an address: white space and quotation marks.
func mdAddressStop(r rune) bool {
	switch r {
	case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u3000', '«', '»', '‹', '›', '‚', '‘', '’', '„', '“', '”':
		return true
	}
	return false
}

// mdTrimAddress is the length of address s without GFM's trailing characters (see above).
func mdTrimAddress(s string) int {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case strings.IndexByte("?!.,:*_~'", c) >= 0:
			if len(s) >= 2 && s[len(s)-2] == '\\' {
				return len(s) // an escaped character is the address's own ("ca\_")
			}
			s = s[:len(s)-1]
		case c == ')' && strings.Count(s, ")") > strings.Count(s, "("):
			s = s[:len(s)-1]
		case c == ';':
			k := strings.LastIndexByte(s, '&')
			if k < 0 || k+2 >= len(s) || !isAlnumASCII(s[k+1:len(s)-1]) {
				return len(s)
			}
			s = s[:k]
		default:
			return len(s)
		}
	}
	return 0
}

// mdEmailLen is the length of the e-mail address at s's start, or 0.
func mdEmailLen(s string) int {
	at := 0
	for at < len(s) && (mdDomainByte(s[at]) || s[at] == '.' || s[at] == '+') {
		at++
	}
	if at == 0 || at >= len(s) || s[at] != '@' {
		return 0
	}
	d := mdDomainLen(s[at+1:])
	if d == 0 {
		return 0
	}
	n := at + 1 + d
	if c := s[n-1]; c == '-' || c == '_' {
		return 0
	}
	return n
}

// isAlnumASCII says whether s is ASCII letters and digits only.
func isAlnumASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIAlnum(s[i]) {
			return false
		}
	}
	return true
}

// mdBareLinkAt returns the length of the bare address at s[i] that a Markdown text run may
// hand to a code: outside link text (GFM links no address inside a link's text). Its delimiter
// runs are no delimiters (mdDelimRuns), so no emphasis opens or closes inside it.
func mdBareLinkAt(s string, i int, before rune, inLink bool) int {
	if inLink {
		return 0
	}
	return mdBareLinkLen(s, i, before)
}
